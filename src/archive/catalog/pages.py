"""Pages as stored: the files of a page object, and reading them back.

A page object holds the bytes as they were read (``original.txt`` or
``original.html``), ``page.json`` (title, date, source line, fair-use note,
the ids of its articles, and the identity key) and ``page.md``, the same to read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import StoreCorrupt
from ..models import ArticleOutcome, SplitPage
from ..store import Store
from .ids import normalize_id


def page_files(raw: bytes, split: SplitPage, page_id: str, outcomes: list[ArticleOutcome], *,
               key: str) -> dict[str, bytes]:
    """The files of a page object."""
    ext = ".html" if split.media_type == "text/html" else ".txt"
    meta = {
        "id": page_id, "key": key, "name": Path(split.name).name, "title": split.title,
        "date": split.date, "date_text": split.date_text, "source_line": split.source_line,
        "fair_use_note": split.fair_use_note, "media_type": split.media_type, "encoding": split.encoding,
        "original": f"original{ext}", "articles": [o.id for o in outcomes],
    }
    lines = [f"# {split.title or Path(split.name).name}", ""]
    if split.date:
        lines += [f"Date: {split.date}", ""]
    if split.source_line:
        lines += [f"Sources: {split.source_line}", ""]
    lines += ["Articles:", ""]
    for n, o in enumerate(outcomes, start=1):
        lines.append(f"{n}. {o.title} — `{o.id}`")
    if split.fair_use_note:
        lines += ["", f"> {split.fair_use_note}"]
    lines += ["", f"Original: `original{ext}` ({len(raw):,} bytes, {split.encoding})", ""]
    return {
        f"original{ext}": raw,
        "page.json": (json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
        "page.md": "\n".join(lines).encode("utf-8"),
    }


def read_page(store: Store, page_id: str) -> dict[str, Any]:
    """A page's stored ``page.json``.

    Raises:
        ArticleNotFound: no such page.
        StoreCorrupt: it cannot be read as JSON.
    """
    page_id = normalize_id(page_id)
    try:
        data: dict[str, Any] = json.loads(store.read(page_id, "page.json"))
    except ValueError as exc:
        raise StoreCorrupt(f"{page_id}: unreadable page.json ({exc})", path=page_id) from None
    return data
