"""Keeping the index in line with the store: bringing it up to date, checking it, and catching up.

The store is the source of truth and every index can be rebuilt from it.  A
writer marks the index *behind* before it commits anything to the store
(``extensions/archive-work/index-behind``) and clears the mark once the index
holds what it committed; a writer killed in between, or an index that could
not be written, leaves the mark, and the next command brings the index up to
date before it reads it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .. import catalog
from ..catalog import ARTICLES
from ..errors import ArchiveError
from ..models import ArticleRecord, IndexState
from ..search import SearchIndex
from ..store import Store

Progress = Callable[[int], None]
#: Why an index had to be rebuilt, said to the user.
REBUILT_BECAUSE = {IndexState.MISSING: "no index was found", IndexState.BROKEN: "the index could not be opened",
                   IndexState.STALE: "the index was built by another schema version"}
#: The mark a writer leaves in the store's work folder while the index may lag what it committed.
BEHIND = "index-behind"


def behind_mark(store: Store) -> Path:
    return store.work / BEHIND


def mark_behind(store: Store) -> None:
    """Say, before committing, that the index may not hold what is about to be committed."""
    store.work.mkdir(parents=True, exist_ok=True)
    behind_mark(store).write_text("the index may lag the store: the next command catches up\n", encoding="utf-8")


def clear_behind(store: Store) -> None:
    behind_mark(store).unlink(missing_ok=True)


def is_behind(store: Store) -> bool:
    return behind_mark(store).is_file()


def catch_up(store: Store, index: SearchIndex) -> list[str]:
    """After an interrupted or failed write: undo what is half done, index what the store holds.

    Returns what was done, one line each (nothing when the index was not behind).
    """
    if not is_behind(store):
        return []
    with store.lock():
        undone = catalog.recover(store)
        count = sync_index(store, index)
        clear_behind(store)
    return [*undone, f"the index was behind the store (an interrupted or failed write); caught up ({count} articles)"]


def sync_index(store: Store, index: SearchIndex, *, progress: Progress | None = None, procs: int = 1,
               batch: int = 5000) -> int:
    """Bring the index in line with the store, touching only what differs.

    Commits every ``batch`` articles, so memory stays bounded and an
    interrupted run resumes where it stopped.  Returns how many were written.
    """
    if index.state() != IndexState.OK:
        index.create()
    if not store.exists():
        return 0
    indexed = index.stored()
    pending: list[ArticleRecord] = []
    written = 0
    seen: set[str] = set()
    for object_id in store.iter_ids(ARTICLES):
        seen.add(object_id)
        if progress is not None:
            progress(1)
        if indexed.get(object_id) == catalog.stored_state(store, object_id):
            continue
        pending.append(catalog.read_record(store, object_id))
        if len(pending) >= batch:
            written += index.write(pending, procs=procs)
            pending = []
    stale = sorted(set(indexed) - seen)
    if pending or stale:
        written += index.write(pending, delete=stale, procs=procs if pending else 1)
    index.tidy()
    return written


def index_problems(store: Store, index: SearchIndex) -> list[str]:
    """Where the index and the store disagree (each article's id, version and digest)."""
    state = index.state()
    if state != IndexState.OK:
        return [f"{index.path}: index is {state}; `archive reindex` rebuilds it"]
    indexed = index.stored()
    problems = []
    seen = set()
    for object_id in store.iter_ids(ARTICLES):
        seen.add(object_id)
        try:
            record = catalog.read_record(store, object_id)
        except ArchiveError as exc:
            problems.append(str(exc))
            continue
        if object_id not in indexed:
            problems.append(f"{object_id}: in the store but not in the index")
        elif indexed[object_id] != (record.version, record.digest):
            problems.append(f"{object_id}: the index holds version {indexed[object_id][0]}, "
                            f"the store version {record.version}")
    for object_id in sorted(set(indexed) - seen):
        problems.append(f"{object_id}: in the index but not in the store")
    if is_behind(store):
        problems.append(f"{behind_mark(store)}: an interrupted or failed write left the index behind the store")
    problems.extend(f"{path}: a page's write was interrupted; `archive verify --repair` undoes it"
                    for path in catalog.pending(store))
    problems.extend(f"{object_id}: purged, but its object is still in the store; `archive verify --repair` "
                    f"completes the purge" for object_id in sorted(store.purged()) if store.has(object_id))
    return problems
