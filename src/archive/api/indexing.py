"""Keeping the index in line with the store: bringing it up to date, checking it, and catching up.

The store is the source of truth and every index can be rebuilt from it.  A
writer marks the index *behind* before it commits anything to the store
(``extensions/archive-work/index-behind``) and clears the mark once the index
holds what it committed; a writer killed in between, or an index that could
not be written, leaves the mark, and the next command brings the index up to
date before it reads it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .. import catalog
from ..catalog import ARTICLES
from ..errors import ArchiveError, SearchIndexError, StoreCorrupt
from ..models import ArticleRecord, IndexState
from ..search import SearchIndex
from ..store import Store, fault

Progress = Callable[[int], None]
#: Batches of at least this many articles are indexed by two processes.
PROCS_FROM = 300
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
               batch: int = 5000, damaged: list[str] | None = None) -> int:
    """Bring the index in line with the store, touching only what differs.

    Commits every ``batch`` articles, so memory stays bounded and an
    interrupted run resumes where it stopped.  An article that cannot be read
    is skipped, its error appended to ``damaged``, and the rest go on (a
    damaged article keeps its index entry, if it had one).  Returns how many
    were written.
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
        try:
            if indexed.get(object_id) == catalog.stored_state(store, object_id):
                continue
            pending.append(catalog.read_record(store, object_id))
        except StoreCorrupt as exc:
            if damaged is not None:
                damaged.append(f"{exc}; not indexed (`archive verify` lists what is damaged)")
            continue
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
    problems.extend(catalog.cross_check(store))
    problems.extend(f"{object_id}: purged, but its object is still in the store; `archive verify --repair` "
                    f"completes the purge" for object_id in sorted(store.purged()) if store.has(object_id))
    return problems


class IndexKeeper:
    """What ``Archive`` does to keep its index in line with its store: marking it behind around a write,
    indexing what a write committed, catching up, rebuilding, checking.  ``Archive`` provides ``store``,
    ``index`` and ``notices``."""

    store: Store
    index: SearchIndex
    notices: list[str]
    index_behind: bool

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Mark the index behind before the store changes; clear the mark once the index holds the change."""
        self.notices.extend(catch_up(self.store, self.index))  # what an earlier writer left behind
        mark_behind(self.store)
        self.index_behind = False
        try:
            yield
        except ArchiveError:
            # a write that failed was rolled back, and what was committed before it was indexed
            if not self.index_behind:
                clear_behind(self.store)
            raise
        if not self.index_behind:
            clear_behind(self.store)

    def _index_batch(self, records: list[ArticleRecord]) -> list[str]:
        """Index a stored batch; a failure is a warning, for the store is up to date."""
        try:
            self._index(records)
        except SearchIndexError as exc:
            self.index_behind = True
            return [f"{exc}; the store is up to date and the index will catch up (or run `archive reindex`)"]
        return []

    def _index_one(self, record: ArticleRecord) -> None:
        for warning in self._index_batch([record]):
            self.notices.append(warning)

    def _index(self, records: list[ArticleRecord]) -> None:
        # Two indexing processes double whoosh's speed, but cost a start-up: worth it for big batches.
        procs = min(2, os.cpu_count() or 1) if len(records) >= PROCS_FROM else 1
        if self.index.state() != IndexState.OK:
            self.rebuild_index(procs=procs)
            return
        self.index.write(records, procs=procs)

    def _unindex(self, object_id: str) -> None:
        if self.index.state() == IndexState.OK:
            try:
                self.index.write([], delete=[object_id])
            except SearchIndexError as exc:
                self.index_behind = True
                self.notices.append(f"{exc}; the store is up to date and the index will catch up")

    def index_notice(self) -> str | None:
        """Make sure the index can be searched and holds what the store does; say what was done."""
        state = self.index.state()
        messages = catch_up(self.store, self.index)  # first: the store may hold half-done writes
        if not messages and state != IndexState.OK:
            return f"{REBUILT_BECAUSE[state]}; rebuilt it from the store ({self.reindex(full=True)} articles)"
        self.notices.extend(messages[:-1])
        return messages[-1] if messages else None

    def reindex(self, *, full: bool = False, progress: Progress | None = None, procs: int = 1) -> int:
        """Index the store (``full``: anew) under the writers' lock, marked behind until done."""
        self.index.check_folder()
        with self.store.lock():
            mark_behind(self.store)
            return self.rebuild_index(progress=progress, procs=procs) if full else self.sync_index(
                progress=progress, procs=procs)

    def rebuild_index(self, *, progress: Progress | None = None, procs: int = 1) -> int:
        """Build a new index from the store; the caller holds the lock."""
        self.index.create()
        fault("index-created")
        return self.sync_index(progress=progress, procs=procs)

    def sync_index(self, *, progress: Progress | None = None, procs: int = 1, batch: int = 5000) -> int:
        """Bring the index in line with the store, touching only what differs; clears the behind mark."""
        count = sync_index(self.store, self.index, progress=progress, procs=procs, batch=batch,
                                    damaged=self.notices)
        clear_behind(self.store)
        return count

    def verify(self, *, repair: bool = False) -> list[str]:
        """Problems in the store and between the store and the index; with ``repair``, fix what can be."""
        if repair:
            with self.store.lock():
                self.notices.extend(catalog.recover(self.store))
                self.store.verify(repair=True)
                if index_problems(self.store, self.index):
                    self.rebuild_index()
        return self.store.verify() + index_problems(self.store, self.index)
