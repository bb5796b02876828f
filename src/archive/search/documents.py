"""The index document of an article: the values every engine indexes, stores and counts, in one place.

Facet values are the same in every engine ("(none)" for a missing outlet,
"undated" for a missing year), so that a search means the same whichever is used.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..models import ArticleRecord
from ..text import name_key, split_credit

#: Facet name -> the document value each engine counts for it.
FACET_FIELDS = {"outlet": "outlet_f", "author": "author_f", "year": "year", "month": "month", "page": "page_f",
                "tag": "tag_f"}


def ordinal(date: str) -> int:
    """ "2016-10-20" -> its proleptic ordinal; 0 when undated or unreadable."""
    try:
        return dt.date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return 0


def _keys(credit: str | None, kind: str) -> str:
    """Each name of a credit, folded (``name_key``), comma-joined: what --outlet and --author match."""
    return ",".join(name_key(n) for n in split_credit(credit, kind=kind)) or "(none)"


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
        "author_k": _keys(record.author, "author"),
        "outlet_k": _keys(record.outlet, "outlet"),
        "page_f": record.sightings[0].page_id if record.sightings else "(none)",
        "date": date,
        "day": ordinal(date),
        "year": date[:4] or "undated",
        "month": date[:7] or "undated",
        "page": ",".join(s.page_id for s in record.sightings),
        "tag": ",".join(record.tags),
        "tag_f": ",".join(record.tags) or "(none)",
        "review": "yes" if record.review else "no",
        "withdrawn": "yes" if record.withdrawn else "no",
    }
