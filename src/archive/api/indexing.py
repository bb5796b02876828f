"""Keeping the index in line with the store: bringing it up to date, checking it, and catching up.

The store is the source of truth and every index can be rebuilt from it.  A
writer marks the index *behind* before it commits anything to the store
(``extensions/archive-work/index-behind``) and clears the mark once the index
holds what it committed; a writer killed in between, or an index that could
not be written, leaves the mark, and the next command brings the index up to
date before it reads it.

A whole index is built beside the live one and swapped in when complete
(``build_index``): readers keep answering from the old index until then, and a
build killed at any step leaves an index that answers; the next command
deletes what the killed build left.  Readers never wait for a writer when
there is an index to answer from.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .. import catalog
from ..catalog import ARTICLES
from ..errors import ArchiveError, SearchIndexError, StoreCorrupt, StoreError, StoreLocked
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
        count = sync_index(store, index) if index.state() == IndexState.OK else build_index(store, index)
        clear_behind(store)
    return [*undone, f"the index was behind the store (an interrupted or failed write); caught up ({count} articles)"]


def build_index(store: Store, index: SearchIndex, *, progress: Progress | None = None, procs: int = 1,
                damaged: list[str] | None = None) -> int:
    """Build a new index from the store beside the live one, and swap it in when it is complete.

    Readers keep answering from the live index until the swap, one atomic step;
    killed before it, the live index is as it was, and after it, the new one
    answers; either way the next command deletes what is left.  The caller holds
    the lock.  Returns how many articles were indexed.
    """
    fresh = index.build()
    fault("index-created")
    count = sync_index(store, fresh, progress=progress, procs=procs, damaged=damaged)
    fault("index-built")
    index.swap_in(fresh)
    fault("index-swapped")
    index.clear_leftovers()
    return count


def sync_index(store: Store, index: SearchIndex, *, progress: Progress | None = None, procs: int = 1,
               batch: int = 5000, damaged: list[str] | None = None) -> int:
    """Bring the index in line with the store, touching only what differs.

    Commits every ``batch`` articles, so memory stays bounded and an
    interrupted run resumes where it stopped.  An article that cannot be read
    is skipped, its error appended to ``damaged``, and the rest go on (a
    damaged article keeps its index entry, if it had one).  Returns how many
    were written.  The index must be usable (see ``build_index`` otherwise).
    """
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
            fault("index-written")
            pending = []
    stale = sorted(set(indexed) - seen)
    if pending or stale:
        written += index.write(pending, delete=stale, procs=procs if pending else 1)
        fault("index-written")
    index.tidy()
    return written


def index_problems(store: Store, index: SearchIndex) -> list[str]:
    """Where the index and the store disagree (each article's id, version and digest)."""
    state = index.state()
    if state != IndexState.OK:
        return [f"{index.where}: index is {state}; `archive reindex` rebuilds it"]
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
        self.notices.extend(self._clear_leftovers())
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
        """Index a stored batch (under the lock); a failure is a warning, for the store is up to date."""
        try:
            self._index(records)
            self.index.tidy()
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

    def _idle(self) -> bool:
        """True when no other process holds the writers' lock (none is writing, or building an index)."""
        if not self.store.exists():
            return False
        try:
            with self.store.lock(timeout=0):
                return True
        except StoreLocked:
            return False
        except StoreError:
            return True  # a store that cannot be locked at all: the command that needs the lock says why

    def _clear_leftovers(self) -> list[str]:
        """Delete what a killed index build left in the index folder, when no other writer is at work (a build
        in progress writes such files under the lock)."""
        if not self.index.leftovers() or not self.store.exists():
            return []
        try:
            with self.store.lock(timeout=0):
                count = self.index.clear_leftovers()
        except StoreError:
            return []
        return [f"removed what an interrupted index rebuild left ({count} file(s) or table(s))"] if count else []

    def index_notice(self) -> str | None:
        """Make sure the index can be searched and holds what the store does; say what was done.

        A reader never waits for a writer while there is an index to answer from: it answers from it, and says
        that a write is under way.  Without one, it waits (``store.lock_timeout``) for a process building it.
        """
        self.notices.extend(self._clear_leftovers())
        state = self.index.state()
        if state == IndexState.OK and is_behind(self.store) and not self._idle():
            return "another archive process is writing; what it writes may not be searchable yet"
        messages = catch_up(self.store, self.index)  # first: the store may hold half-done writes
        if not messages and state != IndexState.OK:
            return self._build_missing(state)
        self.notices.extend(messages[:-1])
        return messages[-1] if messages else None

    def _build_missing(self, state: IndexState) -> str:
        """Build an index that is missing or unusable, or wait for the process building it."""
        self.index.check_folder()
        try:
            with self.store.lock():
                if self.index.state() == IndexState.OK:
                    return "waited for another archive process to build the index"
                self.notices.extend(catalog.recover(self.store))
                count = self.rebuild_index()
        except StoreLocked:
            raise SearchIndexError(f"{self.index.where}: {REBUILT_BECAUSE[state]}, and another archive process is "
                                   f"writing (or building one); try again when it is done") from None
        return f"{REBUILT_BECAUSE[state]}; rebuilt it from the store ({count} articles)"

    def reindex(self, *, full: bool = False, progress: Progress | None = None, procs: int = 1) -> int:
        """Index the store under the writers' lock.  ``full``: a new index built beside the live one, which
        answers until the new one is swapped in; otherwise only what differs, marked behind until done."""
        self.index.check_folder()
        with self.store.lock():
            self.notices.extend(catalog.recover(self.store))  # half-done writes are undone, never indexed
            if full or self.index.state() != IndexState.OK:
                count = self.rebuild_index(progress=progress, procs=procs)
            else:
                mark_behind(self.store)
                count = self.sync_index(progress=progress, procs=procs)
            clear_behind(self.store)
            return count

    def rebuild_index(self, *, progress: Progress | None = None, procs: int = 1) -> int:
        """Build a new index from the store beside the live one and swap it in; the caller holds the lock."""
        return build_index(self.store, self.index, progress=progress, procs=procs, damaged=self.notices)

    def sync_index(self, *, progress: Progress | None = None, procs: int = 1, batch: int = 5000) -> int:
        """Bring the index in line with the store, touching only what differs; the caller holds the lock."""
        if self.index.state() != IndexState.OK:
            return self.rebuild_index(progress=progress, procs=procs)
        return sync_index(self.store, self.index, progress=progress, procs=procs, batch=batch, damaged=self.notices)

    def verify(self, *, repair: bool = False) -> list[str]:
        """Problems in the store and between the store and the index; with ``repair``, fix what can be."""
        if repair:
            with self.store.lock():
                self.notices.extend(catalog.recover(self.store))
                self.store.verify(repair=True)
                self.index.clear_leftovers()
                if index_problems(self.store, self.index):
                    self.rebuild_index()
                clear_behind(self.store)
        return self.store.verify() + index_problems(self.store, self.index)
