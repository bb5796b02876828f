"""The index document of an article: the values every engine indexes, stores and counts, in one place.

Facet values are the same in every engine ("(none)" for a missing outlet,
"undated" for a missing year), so that a search means the same whichever is used.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..models import ArticleRecord
from ..text import split_people


def _ordinal(date: str) -> int:
    """ "2016-10-20" -> its proleptic ordinal; 0 when undated or unreadable."""
    try:
        return dt.date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return 0


def document(record: ArticleRecord) -> dict[str, Any]:
    """The index document of one stored article."""
    date = record.date or ""
    return {
        "id": record.id,
        "version": record.version,
        "digest": record.digest,
        "title": record.title,
        "body": record.body,
        "outlet": record.outlet or "",
        "author": record.author or "",
        "outlet_f": record.outlet or "(none)",
        "author_f": record.author or "(none)",
        "author_k": ",".join(a.replace(",", " ") for a in split_people(record.author)) or "(none)",
        "page_f": record.sightings[0].page_id if record.sightings else "(none)",
        "date": date,
        "day": _ordinal(date),
        "year": date[:4] or "undated",
        "month": date[:7] or "undated",
        "page": ",".join(s.page_id for s in record.sightings),
        "review": "yes" if record.review else "no",
        "withdrawn": "yes" if record.withdrawn else "no",
    }
