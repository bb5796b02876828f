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
from ..models import ArticleOutcome, HistoryEntry, SplitPage
from ..store import Store
from ..text import calendar_date, normalize, one_line
from .ids import normalize_id


def page_files(raw: bytes, split: SplitPage, page_id: str, outcomes: list[ArticleOutcome], *,
               key: str) -> dict[str, bytes]:
    """The files of a page object."""
    ext = ".html" if split.media_type == "text/html" else ".txt"
    # Every value in the store's normal form (as ``records.stored_form`` keeps an article's).
    title, name = one_line(split.title) or None, one_line(Path(split.name).name)
    source_line, date = one_line(split.source_line) or None, calendar_date(split.date)
    note = normalize(split.fair_use_note or "").strip() or None
    meta = {
        "id": page_id, "key": key, "name": name, "title": title,
        "date": date, "date_text": one_line(split.date_text) or None, "source_line": source_line,
        "fair_use_note": note, "media_type": split.media_type, "encoding": split.encoding,
        "original": f"original{ext}", "articles": [o.id for o in outcomes],
    }
    lines = [f"# {title or name}", ""]
    if date:
        lines += [f"Date: {date}", ""]
    if source_line:
        lines += [f"Sources: {source_line}", ""]
    lines += ["Articles:", ""]
    for n, o in enumerate(outcomes, start=1):
        lines.append(f"{n}. {one_line(o.title)} — `{o.id}`")
    if note:
        lines += ["", f"> {note}"]
    lines += ["", f"Original: `original{ext}` ({len(raw):,} bytes, {split.encoding})", ""]
    return {
        f"original{ext}": raw,
        "page.json": (json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
        "page.md": "\n".join(lines).encode("utf-8"),
    }


#: What a version of a page may change, as ``history`` tells it.
_PAGE_FIELDS = ("title", "date", "date_text", "source_line", "fair_use_note", "articles")


def read_page(store: Store, page_id: str, *, version: int | None = None) -> dict[str, Any]:
    """A page's stored ``page.json`` (its newest version unless ``version`` is given), with the version
    number it was read from under ``version``.

    Raises:
        ArticleNotFound: no such page.
        VersionNotFound: the page has no such version.
        StoreCorrupt: it cannot be read as JSON.
    """
    page_id = normalize_id(page_id)
    number, files = store.snapshot(page_id, version)
    try:
        data: dict[str, Any] = json.loads(store.read_stored(files, "page.json"))
    except ValueError as exc:
        raise StoreCorrupt(f"{page_id}: unreadable page.json ({exc})", path=page_id) from None
    data["version"] = number
    return data


def page_history(store: Store, page_id: str) -> list[HistoryEntry]:
    """Every version of a page, oldest first, with the fields each one changed ("original": its bytes)."""
    page_id = normalize_id(page_id)
    entries: list[HistoryEntry] = []
    previous: tuple[dict[str, Any], str] | None = None
    for version in store.versions(page_id):
        _, files = store.snapshot(page_id, version.number)
        data = read_page(store, page_id, version=version.number)
        original = next((f.digest for name, f in files.items() if name.startswith("original")), "")
        if previous is None:
            changed: tuple[str, ...] = ("created",)
        else:
            changed = tuple(f for f in _PAGE_FIELDS if data.get(f) != previous[0].get(f))
            changed += ("original",) if original != previous[1] else ()
        digest = files["page.json"].digest[:16] if "page.json" in files else ""
        entries.append(HistoryEntry(version.number, version.created, digest, version.message, changed))
        previous = (data, original)
    return entries
