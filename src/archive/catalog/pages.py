"""Pages as stored: the files of a page object, and reading them back.

A page object holds the bytes as they were read (``original.txt`` or
``original.html``), ``page.json`` (title, date, source line, fair-use note,
the ids of its articles, the identity key, and where the page came from: its
``url`` and when it was ``captured``) and ``page.md``, the same to read.  A page
archive fetched itself also keeps the capture, ``capture.warc.gz``: the HTTP
exchanges (redirects included) as WARC records.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import StoreCorrupt
from ..models import ArticleOutcome, HistoryEntry, Provenance, SplitPage
from ..store import Store
from ..text import calendar_date, normalize, now, one_line
from .ids import normalize_id
from .records import each_readable

#: The capture of a fetched page, beside its original bytes.
CAPTURE = "capture.warc.gz"


def settle_source(store: Store, page_id: str, raw: bytes, given: Provenance) -> Provenance:
    """Where a page came from, as its new version records it.

    A page added again from a file keeps when it was first added, and with the same bytes, fetched or not,
    when it was captured (and its capture, unless it is now said to come from another address): only a
    fetch of new bytes is a new capture, which every article of the page then cites.  An address given
    (``--url``, a fetch) replaces the stored one; one read from the page's markup only fills a gap.
    """
    old = read_page(store, page_id) if store.has(page_id) else None
    if old is None:
        return Provenance(given.url, given.captured or now(), given.redirects, given.warc, given.from_markup)
    url = (old.get("url") or given.url) if given.from_markup else (given.url or old.get("url"))
    same = old.get("original") is not None and _stored_bytes(store, page_id, old["original"]) == raw
    if not same:  # a new fetch is a new capture; a file added again keeps when the page was first added
        return Provenance(url, given.captured or old.get("captured") or now(), given.redirects, given.warc)
    if old.get("capture") and url != old.get("url") and not given.warc:
        # the same bytes said to come from another address: that address was never fetched, so the
        # earlier capture (kept in the earlier version) is not this one's; the page is cited as added now
        return Provenance(url, given.captured or now(), given.redirects, None)
    if old.get("capture"):
        warc = _stored_bytes(store, page_id, CAPTURE)
        return Provenance(url, old.get("captured"), tuple(old.get("redirects") or ()), warc)
    return Provenance(url, old.get("captured") or (given.captured if given.warc else None),
                      given.redirects, given.warc)


def _stored_bytes(store: Store, page_id: str, name: str) -> bytes | None:
    try:
        return store.read(page_id, name)
    except StoreCorrupt:
        return None


def page_files(raw: bytes, split: SplitPage, page_id: str, outcomes: list[ArticleOutcome], *,
               key: str, source: Provenance | None = None) -> dict[str, bytes]:
    """The files of a page object; ``source`` is where it came from (``settle_source``)."""
    source = source or split.source
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
        "url": one_line(source.url) or None, "captured": source.captured,
    }
    if source.redirects:
        meta["redirects"] = list(source.redirects)
    if source.warc:
        meta["capture"] = CAPTURE
    lines = [f"# {title or name}", ""]
    if date:
        lines += [f"Date: {date}", ""]
    if source_line:
        lines += [f"Sources: {source_line}", ""]
    if meta["url"]:
        lines += [f"URL: <{meta['url']}> (captured {source.captured or 'when unknown'})", ""]
    lines += ["Articles:", ""]
    for n, o in enumerate(outcomes, start=1):
        lines.append(f"{n}. {one_line(o.title)} — `{o.id}`")
    if note:
        lines += ["", f"> {note}"]
    lines += ["", f"Original: `original{ext}` ({len(raw):,} bytes, {split.encoding})", ""]
    files = {
        f"original{ext}": raw,
        "page.json": (json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
        "page.md": "\n".join(lines).encode("utf-8"),
    }
    if source.warc:
        files[CAPTURE] = source.warc
    return files


#: What a version of a page may change, as ``history`` tells it.
_PAGE_FIELDS = ("title", "date", "date_text", "source_line", "fair_use_note", "articles", "url", "captured")


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


def iter_pages(store: Store, *, damaged: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """Every stored page's ``page.json``, in id order; a page that cannot be read is left out and its error
    appended to ``damaged`` (raised without it)."""
    yield from each_readable(store.iter_ids("pages"), lambda page_id: read_page(store, page_id), damaged)


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
