"""The public API: ``Archive``, a thin façade over extract -> catalog -> search.

Pages are read (``inputs``) and split (``extract``), stored (``catalog``, on the
``store``, the source of truth) and indexed (``search``); this is the one module
that knows both the catalogue and the index (``indexing`` keeps them in line).
Callers pass a ``progress`` callable for a progress bar; the library never prints.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from .. import catalog
from ..catalog import ARTICLES, normalize_id
from ..config import Config
from ..errors import ArchiveError, ArticleNotFound, SearchIndexError, SourceError, SourceErrors
from ..extract import explain_page, read_page, split_bytes
from ..inputs import iter_inputs, read_source
from ..models import (
    ArticleRecord,
    ExplainedUnit,
    HistoryEntry,
    Hit,
    IndexState,
    IngestReport,
    PageOutcome,
    SearchResult,
    SplitPage,
    Status,
    Version,
)
from ..search import SearchIndex, WhooshIndex, run_search, similar_articles
from ..store import PURGE_LOG, Store, fault
from . import indexing

__all__ = ["PURGE_LOG", "Archive", "Progress"]

Progress = Callable[[int], None]
#: Pages stored under one lock and indexed in one commit.
_BATCH_PAGES = 200
#: Batches of at least this many articles are indexed by two processes.
_PROCS_FROM = 300


class Archive:
    """One archive: its store, its index and its settings."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.store = Store(config.store_path, user_name=config.user_name, user_address=config.user_address,
                           lock_timeout=config.lock_timeout)
        self.index: SearchIndex = WhooshIndex(config.index_path, lock_timeout=config.lock_timeout)
        #: Things the caller should tell the user (an index rebuilt, say).
        self.notices: list[str] = []
        #: The last write committed to the store but could not index all of it: the index will catch up.
        self.index_behind = False

    # ------------------------------------------------------------ the store and the index folder

    def create_store(self) -> bool:
        """Make the store if it is not there; True when it was made now."""
        return self.store.create(readme=catalog.STORE_README)

    def require_store(self) -> None:
        """Raise ``StoreError`` when there is no store yet."""
        self.store.require()

    def check_index_folder(self) -> None:
        """Refuse (``SearchIndexError``) an index folder archive did not make, before anything is written."""
        self.index.check_folder()

    # ------------------------------------------------------------ reading

    def record(self, object_id: str, *, version: int | None = None) -> ArticleRecord:
        """An article as stored (its newest version unless ``version`` is given)."""
        return catalog.read_record(self.store, object_id, version=version)

    def versions(self, object_id: str) -> list[Version]:
        return self.store.versions(normalize_id(object_id))

    def body(self, object_id: str) -> str:
        return self.record(object_id).body

    def iter_records(self) -> Iterator[ArticleRecord]:
        return catalog.iter_records(self.store)

    def count_articles(self) -> int:
        return sum(1 for _ in self.store.iter_ids(ARTICLES))

    def page(self, page_id: str) -> dict[str, Any]:
        """A page as stored: title, date, source line, fair-use note, article ids."""
        return catalog.read_page(self.store, page_id)

    def explain(self, name: str, *, stdin: Any = None) -> list[ExplainedUnit]:
        """Every unit of one page with the role, confidence and article the splitter gave it."""
        raw = read_source(name, max_bytes=self.config.max_page_bytes, stdin=stdin)
        return explain_page(read_page(raw, name="<stdin>" if name == "-" else name))

    # ------------------------------------------------------------ ingest

    def ingest(self, names: Iterable[str], *, dry_run: bool = False, recursive: bool = False,
               keep_going: bool = False, stdin: Any = None, progress: Progress | None = None,
               on_page: Callable[[PageOutcome], None] | None = None) -> IngestReport:
        """Add pages to the archive.

        Every page is read and split before anything is written: when one is
        bad, nothing is stored (unless ``keep_going``, which stores the good
        ones) and ``SourceErrors`` lists every bad page.
        """
        report = IngestReport()
        inputs = list(iter_inputs(names, recursive=recursive))
        prepared: list[tuple[bytes, SplitPage]] = []
        errors: list[SourceError] = []
        for name in inputs:
            try:
                raw = read_source(name, max_bytes=self.config.max_page_bytes, stdin=stdin)
                shown = "<stdin>" if name == "-" else name
                prepared.append((raw, split_bytes(raw, name=shown, max_bytes=self.config.max_page_bytes)))
            except SourceError as exc:
                errors.append(exc)
        if errors and not keep_going:
            raise SourceErrors(errors, stored=False, good=len(prepared))
        if not dry_run and prepared:
            # An index folder archive did not make is refused before anything is stored.
            self.check_index_folder()
        if not dry_run and prepared and self.create_store():
            report.notices.append(f"created a new archive store at {self.store.root}")
        with contextlib.nullcontext() if dry_run or not prepared else self._writing():
            self._store_batches(prepared, report, dry_run=dry_run, progress=progress, on_page=on_page)
        report.notices.extend(self.notices)
        if not dry_run and report.pages and self.index.state() == IndexState.OK:
            self.index.tidy()
        if errors:
            raise SourceErrors(errors, stored=True, report=report)
        return report

    def _store_batches(self, prepared: list[tuple[bytes, SplitPage]], report: IngestReport, *, dry_run: bool,
                       progress: Progress | None, on_page: Callable[[PageOutcome], None] | None) -> None:
        for start in range(0, len(prepared), _BATCH_PAGES):
            chunk = prepared[start:start + _BATCH_PAGES]
            failure = None
            if dry_run:
                outcomes = [PageOutcome(split.name, None, Status.DRY_RUN, (), split, split.warnings)
                            for _, split in chunk]
            else:
                outcomes, failure = catalog.store_batch(self.store, chunk, index=self._index_batch)
            for outcome in outcomes:
                report.pages.append(outcome)
                if on_page is not None:
                    on_page(outcome)
                if progress is not None:
                    progress(1)
            if failure is not None:
                raise failure

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Mark the index behind before the store changes; clear the mark once the index holds the change."""
        self.notices.extend(indexing.catch_up(self.store, self.index))  # what an earlier writer left behind
        indexing.mark_behind(self.store)
        self.index_behind = False
        try:
            yield
        except ArchiveError:
            # a write that failed was rolled back, and what was committed before it was indexed
            if not self.index_behind:
                indexing.clear_behind(self.store)
            raise
        if not self.index_behind:
            indexing.clear_behind(self.store)

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
        procs = min(2, os.cpu_count() or 1) if len(records) >= _PROCS_FROM else 1
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

    # ------------------------------------------------------------ curation

    def history(self, article_id: str) -> list[HistoryEntry]:
        """Every version of an article, oldest first, with the fields each one changed."""
        return catalog.history(self.store, article_id)

    def diff(self, article_id: str, a: int | None = None, b: int | None = None) -> str:
        """A unified diff of the text and the changed fields between two versions."""
        return catalog.diff(self.store, article_id, a, b)

    def edit(self, article_id: str, changes: dict[str, str | None], *, reason: str) -> int | None:
        """Correct fields of an article as a new version (indexed); None when nothing changed."""
        with self._writing():
            return catalog.edit(self.store, article_id, changes, reason=reason, on_change=self._index_one)

    def remove(self, article_id: str, *, reason: str) -> int | None:
        """Withdraw an article: a new version, out of search; None when it was withdrawn already."""
        with self._writing():
            return catalog.remove(self.store, article_id, reason=reason, on_change=self._index_one)

    def purge(self, object_id: str, *, reason: str) -> dict[str, Any]:
        """Delete an article or page and every version of it; return the record left of it."""
        with self._writing():
            return catalog.purge(self.store, object_id, reason=reason, on_purge=self._unindex)

    def explain_missing(self, article_id: str) -> ArticleNotFound | None:
        """A clearer error for an id that was purged; None for any other id."""
        return catalog.explain_missing(self.store, article_id)

    # ------------------------------------------------------------ the index

    def index_notice(self) -> str | None:
        """Make sure the index can be searched and holds what the store does; say what was done."""
        state = self.index.state()
        messages = indexing.catch_up(self.store, self.index)  # first: the store may hold half-done writes
        if not messages and state != IndexState.OK:
            return f"{indexing.REBUILT_BECAUSE[state]}; rebuilt it from the store ({self.reindex(full=True)} articles)"
        self.notices.extend(messages[:-1])
        return messages[-1] if messages else None

    def reindex(self, *, full: bool = False, progress: Progress | None = None, procs: int = 1) -> int:
        """Index the store (``full``: anew) under the writers' lock, marked behind until done."""
        self.index.check_folder()
        with self.store.lock():
            indexing.mark_behind(self.store)
            return self.rebuild_index(progress=progress, procs=procs) if full else self.sync_index(
                progress=progress, procs=procs)

    def rebuild_index(self, *, progress: Progress | None = None, procs: int = 1) -> int:
        """Build a new index from the store; the caller holds the lock."""
        self.index.create()
        fault("index-created")
        return self.sync_index(progress=progress, procs=procs)

    def sync_index(self, *, progress: Progress | None = None, procs: int = 1, batch: int = 5000) -> int:
        """Bring the index in line with the store, touching only what differs; clears the behind mark."""
        count = indexing.sync_index(self.store, self.index, progress=progress, procs=procs, batch=batch)
        indexing.clear_behind(self.store)
        return count

    def verify(self, *, repair: bool = False) -> list[str]:
        """Problems in the store and between the store and the index; with ``repair``, fix what can be."""
        if repair:
            with self.store.lock():
                self.notices.extend(catalog.recover(self.store))
                self.store.verify(repair=True)
                if indexing.index_problems(self.store, self.index):
                    self.rebuild_index()
        return self.store.verify() + indexing.index_problems(self.store, self.index)

    # ------------------------------------------------------------ searching

    def search(self, text: str, **options: Any) -> SearchResult:
        """Search; a damaged index is rebuilt from the store once, and the search tried again."""
        try:
            return run_search(self.index, text, body_for=self.body, **options)
        except SearchIndexError as exc:
            self.notices.append(f"{exc}; rebuilt it from the store ({self.reindex(full=True)} articles)")
            return run_search(self.index, text, body_for=self.body, **options)

    def select(self, text: str = "", **filters: Any) -> Iterator[ArticleRecord]:
        """Every article a query (and filters) selects, newest first; all of them by default."""
        if not text.strip() and not any(filters.values()):
            yield from (r for r in self.iter_records() if not r.withdrawn)
            return
        total = run_search(self.index, text, limit=1, facets=(), snippets=False, **filters).total
        result = run_search(self.index, text, limit=max(total, 1), facets=(), snippets=False,
                            sort="relevance" if text.strip() else "newest", **filters)
        for hit in result.hits:
            yield self.record(hit.id)

    def similar(self, object_id: str, *, limit: int = 10) -> list[Hit]:
        """The articles most like one article (key terms of its text)."""
        record = self.record(object_id)
        return [h for h in similar_articles(self.index, record.id, record.body, limit=limit + 1)
                if h.id != record.id][:limit]
