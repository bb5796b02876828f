"""Articles as stored: the files of an article object, and reading them back.

An article object holds ``article.md`` (front matter with every field, then
the text: pleasant in any editor) and ``meta.json`` (the same fields for
programs, with the identity key, sightings, corrections and withdrawal).
Reading an object that is not as archive wrote it is a ``StoreCorrupt``,
never an empty answer.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any, TypeVar

from ..errors import ArticleNotFound, StoreCorrupt
from ..models import ArticleRecord, Correction, Note, Sighting
from ..store import Store, StoredFile
from ..text import calendar_date, normalize, one_line, tag_label
from .ids import ARTICLES, is_article_id, normalize_id

T = TypeVar("T")

#: The fields of a record kept on one line (a newline in a title would end it in ``article.md``).
_ONE_LINE = ("title", "subtitle", "standfirst", "outlet", "author", "date_text", "section", "withdrawn")


def _front_matter(record: ArticleRecord) -> str:
    fields: list[tuple[str, Any]] = [
        ("id", record.id), ("title", record.title), ("subtitle", record.subtitle),
        ("standfirst", record.standfirst), ("outlet", record.outlet), ("author", record.author),
        ("date", record.date), ("date_text", record.date_text), ("section", record.section),
        ("review", record.review), ("review_reasons", list(record.review_reasons)),
        ("fair_use_note", record.fair_use_note), ("withdrawn", record.withdrawn),
    ]
    lines = ["---"]
    for key, value in fields:
        if value is None or value == []:
            continue
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("sightings:")
    for s in record.sightings:
        lines.append(f"  - page: {json.dumps(s.page_id)}")
        lines.append(f"    page_title: {json.dumps(s.page_title, ensure_ascii=False)}")
        lines.append(f"    page_date: {json.dumps(s.page_date)}")
        lines.append(f"    position: {s.position}")
        if s.url:
            lines.append(f"    url: {json.dumps(s.url, ensure_ascii=False)}")
        if s.captured:
            lines.append(f"    captured: {json.dumps(s.captured)}")
    if record.corrections:
        lines.append("corrections:")
        for c in record.corrections:
            lines.append(f"  - field: {c.field}")
            lines.append(f"    value: {json.dumps(c.value, ensure_ascii=False)}")
            lines.append(f"    reason: {json.dumps(c.reason, ensure_ascii=False)}")
            lines.append(f"    time: {json.dumps(c.time)}")
    if record.tags:
        lines.append(f"tags: {json.dumps(list(record.tags), ensure_ascii=False)}")
    if record.notes:
        lines.append("notes:")
        for n in record.notes:
            lines.append(f"  - text: {json.dumps(n.text, ensure_ascii=False)}")
            lines.append(f"    time: {json.dumps(n.time)}")
    lines.append("---")
    return "\n".join(lines)


def _optional(text: str | None) -> str | None:
    return one_line(text) or None


def stored_form(record: ArticleRecord) -> ArticleRecord:
    """The record as the store keeps it, whoever made it (a page or a person): every text NFC with no
    control characters or undecodable bytes, one-line fields on one line, the date a real day or none."""
    values: dict[str, Any] = {name: _optional(getattr(record, name)) for name in _ONE_LINE}
    values["title"] = one_line(record.title) or "untitled"
    return replace(
        record, **values, body=normalize(record.body), date=calendar_date(record.date),
        fair_use_note=normalize(record.fair_use_note).strip() or None if record.fair_use_note else None,
        review_reasons=tuple(one_line(r) for r in record.review_reasons),
        sightings=tuple(replace(s, page_title=_optional(s.page_title), url=_optional(s.url))
                        for s in record.sightings),
        corrections=tuple(replace(c, value=_optional(c.value), reason=one_line(c.reason))
                          for c in record.corrections),
        tags=tuple(dict.fromkeys(t for t in map(tag_label, record.tags) if t)),
        notes=tuple(replace(n, text=one_line(n.text)) for n in record.notes if one_line(n.text)),
    )


def record_files(record: ArticleRecord, key: str) -> dict[str, bytes]:
    """The files of an article object: ``article.md`` to read, ``meta.json`` for programs.

    Every value is stored in its ``stored_form``: the one normalisation of what enters the store.
    """
    record = stored_form(record)
    meta = record.to_dict()
    for name in ("body", "digest", "path", "version"):
        meta.pop(name)
    for name in ("tags", "notes"):  # absent rather than empty: an untagged article reads as before
        if not meta[name]:
            meta.pop(name)
    meta["key"] = key
    md = f"{_front_matter(record)}\n\n# {record.title}\n\n{record.body.rstrip()}\n"
    return {
        "article.md": md.encode("utf-8"),
        "meta.json": (json.dumps(meta, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"),
    }


def body_of(markdown: str) -> str:
    """The body of an ``article.md``: what follows the front matter and the title line."""
    _, _, rest = markdown.partition("\n---\n")
    rest = rest.lstrip("\n")
    if rest.startswith("# "):
        rest = rest.split("\n", 1)[1] if "\n" in rest else ""
    return rest.strip("\n")


def record_from(object_id: str, meta: dict[str, Any], body: str, version: int, digest: str) -> ArticleRecord:
    """An ``ArticleRecord`` from an article's ``meta.json`` and body."""
    sightings = tuple(old_sightings(meta))
    return ArticleRecord(
        id=object_id, version=version, title=meta.get("title") or "", body=body,
        outlet=meta.get("outlet"), author=meta.get("author"), date=meta.get("date"),
        date_text=meta.get("date_text"), subtitle=meta.get("subtitle"), standfirst=meta.get("standfirst"),
        section=meta.get("section"), review=bool(meta.get("review")),
        review_reasons=tuple(meta.get("review_reasons") or ()), fair_use_note=meta.get("fair_use_note"),
        sightings=sightings, digest=digest, path=object_id,
        corrections=tuple(Correction(c["field"], c.get("value"), c.get("reason", ""), c.get("time", ""))
                          for c in meta.get("corrections", [])),
        withdrawn=meta.get("withdrawn"), tags=tuple(meta.get("tags") or ()),
        notes=tuple(Note(n.get("text", ""), n.get("time", "")) for n in meta.get("notes") or ()),
    )


def old_sightings(meta: dict[str, Any] | None) -> list[Sighting]:
    """The sightings a ``meta.json`` records (none for a new article)."""
    if not meta:
        return []
    return [Sighting(s["page_id"], s.get("page_title"), s.get("page_date"), int(s.get("position", 0)),
                     s.get("url"), s.get("captured"))
            for s in meta.get("sightings", [])]


#: The fields each review reason of the splitter is about: correcting one of them answers the reason.
#: A reason about no field ("split uncertain", a possible duplicate) is answered by ``archive review``.
REASON_FIELDS = {
    "headline taken from the page title": ("title",), "headline guessed": ("title",),
    "no byline": ("outlet", "author"), "outlet taken from the source line": ("outlet",), "no date": ("date",),
}
#: The correction that records a person's review ("the article is right as it stands").
REVIEWED = "review"


def apply_corrections(record: ArticleRecord) -> ArticleRecord:
    """The record with every corrected field set to the value a person gave it; no longer needing review
    when a person reviewed it, or corrected every field its review reasons are about."""
    values: dict[str, Any] = {c.field: c.value for c in record.corrections if c.field != REVIEWED}
    record = replace(record, **values) if values else record
    if record.review and _answered(record.review_reasons, {c.field for c in record.corrections}):
        record = replace(record, review=False)
    return record


def _answered(reasons: tuple[str, ...], corrected: set[str]) -> bool:
    if REVIEWED in corrected:
        return True
    about = [REASON_FIELDS.get(r) for r in reasons if r != "no date"]  # no date alone never flags
    return bool(about) and all(fields is not None and corrected & set(fields) for fields in about)


def read_record(store: Store, object_id: str, *, version: int | None = None) -> ArticleRecord:
    """An article as stored (its newest version unless ``version`` is given).

    Raises:
        ArticleNotFound: no such article, or the id is a page's.
        VersionNotFound: the article has no such version.
        StoreCorrupt: its files cannot be read.
    """
    object_id = normalize_id(object_id)
    if not is_article_id(object_id):
        raise ArticleNotFound(f"'{object_id}' is a page, not an article (try `archive show` on an article id)",
                              article_id=object_id)
    store.require()
    number, files = store.snapshot(object_id, version)
    try:
        meta = json.loads(store.read_stored(files, "meta.json"))
        body = body_of(store.read_stored(files, "article.md").decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise StoreCorrupt(f"{store.object_dir(object_id)}: unreadable article files ({exc})",
                           path=str(store.object_dir(object_id))) from None
    return record_from(object_id, meta, body, number, _digest(files))


def stored_state(store: Store, object_id: str) -> tuple[int, str]:
    """(newest version, digest of its text) of an article: what the index records of it."""
    number, files = store.snapshot(object_id)
    return number, _digest(files)


def _digest(files: dict[str, StoredFile]) -> str:
    return files["article.md"].digest[:32] if "article.md" in files else ""


def read_meta(store: Store, object_id: str) -> dict[str, Any]:
    """An article's stored ``meta.json``.

    Raises:
        StoreCorrupt: it cannot be read as JSON.
    """
    try:
        data: dict[str, Any] = json.loads(store.read(object_id, "meta.json"))
    except ValueError as exc:
        raise StoreCorrupt(f"{store.object_dir(object_id)}: unreadable meta.json ({exc})",
                           path=str(store.object_dir(object_id))) from None
    return data


def read_body(store: Store, object_id: str) -> str:
    """An article's stored text.

    Raises:
        StoreCorrupt: its ``article.md`` is not UTF-8.
    """
    try:
        return body_of(store.read(object_id, "article.md").decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise StoreCorrupt(f"{store.object_dir(object_id)}: unreadable article.md ({exc})",
                           path=str(store.object_dir(object_id))) from None


def iter_records(store: Store, *, damaged: list[str] | None = None) -> Iterator[ArticleRecord]:
    """Every article, in id order.  With ``damaged``, an article that cannot be read is left out and its
    error appended there (one damaged object is that object's problem only); without, the error is raised."""
    yield from each_readable(store.iter_ids(ARTICLES), lambda object_id: read_record(store, object_id), damaged)


def each_readable(ids: Iterable[str], read: Callable[[str], T], damaged: list[str] | None) -> Iterator[T]:
    """``read`` of each id; with ``damaged``, one that cannot be read is left out and its error appended
    there (one damaged object is that object's problem only); without, the error is raised."""
    for object_id in ids:
        try:
            yield read(object_id)
        except StoreCorrupt as exc:
            if damaged is None:
                raise
            damaged.append(f"{exc}; left out (`archive verify` lists what is damaged)")
