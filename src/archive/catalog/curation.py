"""Curating stored articles: history, diffs, corrections, withdrawal and purge.

Every change here is a new OCFL version (nothing committed is rewritten),
except ``purge``, which exists for takedowns: it deletes the object and
leaves a record that it existed in ``extensions/archive-purged/``.  A change
is made under the store lock and handed to the caller's hook (the index)
before the lock is let go.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ..errors import ArticleNotFound, UsageError
from ..models import ArticleRecord, Correction, HistoryEntry, Note
from ..store import Store, fault
from ..text import calendar_date, has_controls, now, one_line, tag_label
from .identity import identity_key
from .ids import is_article_id, normalize_id
from .pages import page_history
from .records import REVIEWED, apply_corrections, read_meta, read_record, record_files

EDITABLE = ("title", "outlet", "author", "date")
_COMPARED = ("title", "subtitle", "standfirst", "outlet", "author", "date", "body", "withdrawn", "review", "tags",
             "notes")


def history(store: Store, article_id: str) -> list[HistoryEntry]:
    """Every version of an article or a page, oldest first, with the fields each one changed."""
    object_id = normalize_id(article_id)
    if not is_article_id(object_id):
        return page_history(store, object_id)
    entries = []
    previous: ArticleRecord | None = None
    for version in store.versions(object_id):
        record = read_record(store, object_id, version=version.number)
        if previous is None:
            changed: tuple[str, ...] = ("created",)
        else:
            changed = tuple(f for f in _COMPARED if getattr(record, f) != getattr(previous, f))
            if {s.page_id for s in record.sightings} != {s.page_id for s in previous.sightings}:
                changed += ("sightings",)
            if record.corrections != previous.corrections:
                changed += ("corrections",)
        entries.append(HistoryEntry(version.number, version.created, record.digest[:16], version.message, changed))
        previous = record
    return entries


def diff(store: Store, article_id: str, a: int | None = None, b: int | None = None) -> str:
    """A unified diff of the text and the changed fields between versions ``a`` and ``b``
    (default: the one before the newest, and the newest)."""
    object_id = normalize_id(article_id)
    head = store.head(object_id)
    new = head if b is None else b
    old = (new - 1 if a is None else a) or 1
    left = read_record(store, object_id, version=old)
    right = read_record(store, object_id, version=new)
    out = []
    for name in ("title", "subtitle", "standfirst", "outlet", "author", "date", "withdrawn"):
        before, after = getattr(left, name), getattr(right, name)
        if before != after:
            out.append(f"{name}: {before!r} -> {after!r}")
    lines = difflib.unified_diff(left.body.splitlines(), right.body.splitlines(),
                                 fromfile=f"{object_id} v{old}", tofile=f"{object_id} v{new}", lineterm="")
    out.extend(lines)
    return "\n".join(out)


def _commit(store: Store, record: ArticleRecord, message: str,
            on_change: Callable[[ArticleRecord], None]) -> int | None:
    key = read_meta(store, record.id).get("key") or identity_key(record.outlet, record.title, record.date)
    version = store.commit(record.id, record_files(record, key), message=message)
    if version is not None:
        on_change(read_record(store, record.id))
        fault("indexed")
    return version


def edit(store: Store, article_id: str, changes: dict[str, str | None], *, reason: str,
         on_change: Callable[[ArticleRecord], None]) -> int | None:
    """Record a person's correction of fields as a new version; None when nothing changed.

    ``on_change`` is given the new version, under the lock.

    Raises:
        UsageError: an unknown field, a bad date or an empty reason.
    """
    if not reason.strip():
        raise UsageError("a correction needs --reason (why the field was wrong)")
    changes = {field: _checked(field, value) for field, value in changes.items()}
    object_id = normalize_id(article_id)
    with store.lock():
        record = read_record(store, object_id)
        time = now()
        kept = [c for c in record.corrections if c.field not in changes]
        added = [Correction(f, v or None, reason, time) for f, v in changes.items()]
        record = apply_corrections(replace(record, corrections=tuple(kept + added)))
        return _commit(store, record, f"corrected {', '.join(changes)}: {reason}", on_change)


def _checked(field: str, value: str | None) -> str | None:
    """A person's value for ``field``, refused in one line when the store could not keep it as given.

    Raises:
        UsageError: an unknown field; a line break or control character; a blank title; a date that is
            not a real day.
    """
    if field not in EDITABLE:
        raise UsageError(f"'{field}' cannot be edited (fields: {', '.join(EDITABLE)})")
    value = (value or "").strip()
    if has_controls(value):
        raise UsageError(f"--{field}: {value!r} must be one line with no control characters")
    if field == "title" and not value:
        raise UsageError("--title: a title cannot be blank")
    if field == "date" and value and calendar_date(value) is None:
        raise UsageError(f"--date: {value!r} is not a real day; use YYYY-MM-DD (e.g. 2016-10-20), "
                         f"or an empty value for no date")
    return one_line(value) or None


def remove(store: Store, article_id: str, *, reason: str, on_change: Callable[[ArticleRecord], None]) -> int | None:
    """Withdraw an article: a new version marked withdrawn, kept in history, out of search.

    ``on_change`` is given the new version, under the lock.
    """
    if not reason.strip():
        raise UsageError("withdrawing an article needs --reason")
    object_id = normalize_id(article_id)
    with store.lock():
        record = read_record(store, object_id)
        if record.withdrawn:
            return None
        return _commit(store, replace(record, withdrawn=reason), f"withdrawn: {reason}", on_change)


def review(store: Store, article_id: str, *, reason: str, on_change: Callable[[ArticleRecord], None]) -> int | None:
    """Mark an article reviewed (right as it stands) as a new version; None when it needed no review.

    The mark is a correction, so a re-added page never flags the article again.
    """
    object_id = normalize_id(article_id)
    with store.lock():
        record = read_record(store, object_id)
        if not record.review:
            return None
        mark = Correction(REVIEWED, "reviewed", one_line(reason) or "reviewed", now())
        record = apply_corrections(replace(record, corrections=(*record.corrections, mark)))
        return _commit(store, record, f"reviewed: {mark.reason}", on_change)


def tag(store: Store, article_id: str, *, add: list[str], remove: list[str],
        on_change: Callable[[ArticleRecord], None]) -> tuple[int | None, tuple[str, ...]]:
    """Add and remove an article's tags as a new version; (the version or None if nothing changed, the tags).

    Raises:
        UsageError: a label with no letter or digit.
    """
    labels = {text: tag_label(text) for text in [*add, *remove]}
    empty = [text for text, label in labels.items() if not label]
    if empty:
        raise UsageError(f"{empty[0]!r} is not a tag: a tag needs a letter or a digit")
    object_id = normalize_id(article_id)
    with store.lock():
        record = read_record(store, object_id)
        gone = {labels[t] for t in remove}
        tags = tuple(t for t in dict.fromkeys([*record.tags, *(labels[t] for t in add)]) if t not in gone)
        version = None if tags == record.tags else _commit(
            store, replace(record, tags=tags), f"tags: {', '.join(tags) or '(none)'}", on_change)
        return version, tags


def note(store: Store, article_id: str, text: str, *, on_change: Callable[[ArticleRecord], None]) -> int | None:
    """Add a person's note to an article as a new version.

    Raises:
        UsageError: an empty note.
    """
    if not one_line(text):
        raise UsageError("a note needs some text")
    object_id = normalize_id(article_id)
    with store.lock():
        record = read_record(store, object_id)
        notes = (*record.notes, Note(one_line(text), now()))
        return _commit(store, replace(record, notes=notes), "note added", on_change)


def restore(store: Store, article_id: str, *, reason: str, on_change: Callable[[ArticleRecord], None]) -> int | None:
    """Undo a withdrawal as a new version (back in search); None when it was not withdrawn."""
    if not reason.strip():
        raise UsageError("restoring an article needs --reason")
    object_id = normalize_id(article_id)
    with store.lock():
        record = read_record(store, object_id)
        if not record.withdrawn:
            return None
        return _commit(store, replace(record, withdrawn=None), f"restored: {one_line(reason)}", on_change)


def purge(store: Store, object_id: str, *, reason: str, on_purge: Callable[[str], None]) -> dict[str, Any]:
    """Delete an object and every version of it (a takedown); keep a record that it existed.

    ``on_purge`` is given the id of a purged article, under the lock.  The page
    objects an article came from still hold its text in their original bytes:
    purge them too to remove the text entirely.
    """
    object_id = normalize_id(object_id)
    with store.lock():
        entry = store.purge(object_id, reason=reason)
        fault("purged")
        if is_article_id(object_id):
            on_purge(object_id)
            fault("indexed")
    return entry


def explain_missing(store: Store, article_id: str) -> ArticleNotFound | None:
    """A clearer error for an id that was purged."""
    try:
        object_id = normalize_id(article_id)
    except ArticleNotFound:
        return None
    entry = store.purged().get(object_id)
    if entry is None:
        return None
    return ArticleNotFound(f"'{object_id}' was purged on {entry['time']} ({entry['reason']})", article_id=object_id)
