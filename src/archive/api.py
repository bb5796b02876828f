"""The public API: ``Archive``, a thin façade over extract -> catalog -> search.

Pages are read (``inputs``) and split (``extract``), stored (``catalog``, on the
``store``, the source of truth) and indexed (``search``); this is the one module
that knows both the catalogue and the index, and wires them together.  Callers
pass a ``progress`` callable when they want a progress bar; the library never
prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from . import catalog
from .catalog import ARTICLES, normalize_id
from .config import Config
from .errors import ArchiveError, ArticleNotFound, SearchIndexError, SourceError, SourceErrors
from .extract import explain_page, read_page, split_bytes
from .inputs import iter_inputs, read_source
from .models import (
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
from .search import SearchIndex, WhooshIndex, run_search, similar_articles
from .store import PURGE_LOG, Store

__all__ = ["PURGE_LOG", "Archive", "Progress"]

Progress = Callable[[int], None]
#: Pages stored under one lock and indexed in one commit.
_BATCH_PAGES = 200
#: Batches of at least this many articles are indexed by two processes.
_PROCS_FROM = 300
_REBUILT_BECAUSE = {IndexState.MISSING: "no index was found", IndexState.BROKEN: "the index could not be opened",
                    IndexState.STALE: "the index was built by another schema version"}


class Archive:
    """One archive: its store, its index and its settings."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.store = Store(config.store_path, user_name=config.user_name, user_address=config.user_address,
                           lock_timeout=config.lock_timeout)
        self.index: SearchIndex = WhooshIndex(config.index_path, lock_timeout=config.lock_timeout)
        #: Things the caller should tell the user (an index rebuilt, say).
        self.notices: list[str] = []

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
        if not dry_run and report.pages and self.index.state() == IndexState.OK:
            self.index.tidy()
        if errors:
            raise SourceErrors(errors, stored=True, report=report)
        return report

    def _index_batch(self, records: list[ArticleRecord]) -> list[str]:
        """Index a stored batch; a failure is a warning, for the store is up to date."""
        try:
            self._index(records)
        except SearchIndexError as exc:
            return [f"{exc}; the store is up to date: run `archive reindex`"]
        return []

    def _index(self, records: list[ArticleRecord]) -> None:
        # Two indexing processes double whoosh's speed, but cost a start-up: worth it for big batches.
        procs = min(2, os.cpu_count() or 1) if len(records) >= _PROCS_FROM else 1
        if self.index.state() != IndexState.OK:
            self.rebuild_index(procs=procs)
            return
        self.index.write(records, procs=procs)

    def _unindex(self, object_id: str) -> None:
        if self.index.state() == IndexState.OK:
            self.index.write([], delete=[object_id])

    # ------------------------------------------------------------ curation

    def history(self, article_id: str) -> list[HistoryEntry]:
        """Every version of an article, oldest first, with the fields each one changed."""
        return catalog.history(self.store, article_id)

    def diff(self, article_id: str, a: int | None = None, b: int | None = None) -> str:
        """A unified diff of the text and the changed fields between two versions."""
        return catalog.diff(self.store, article_id, a, b)

    def edit(self, article_id: str, changes: dict[str, str | None], *, reason: str) -> int | None:
        """Correct fields of an article as a new version (indexed); None when nothing changed."""
        return catalog.edit(self.store, article_id, changes, reason=reason,
                            on_change=lambda record: self._index([record]))

    def remove(self, article_id: str, *, reason: str) -> int | None:
        """Withdraw an article: a new version, out of search; None when it was withdrawn already."""
        return catalog.remove(self.store, article_id, reason=reason, on_change=lambda record: self._index([record]))

    def purge(self, object_id: str, *, reason: str) -> dict[str, Any]:
        """Delete an article or page and every version of it; return the record left of it."""
        return catalog.purge(self.store, object_id, reason=reason, on_purge=self._unindex)

    def explain_missing(self, article_id: str) -> ArticleNotFound | None:
        """A clearer error for an id that was purged; None for any other id."""
        return catalog.explain_missing(self.store, article_id)

    # ------------------------------------------------------------ the index

    def index_notice(self) -> str | None:
        """Make sure the index can be searched; say so when it had to be rebuilt."""
        if (state := self.index.state()) == IndexState.OK:
            return None
        return f"{_REBUILT_BECAUSE[state]}; rebuilt it from the store ({self.rebuild_index()} articles)"

    def rebuild_index(self, *, progress: Progress | None = None, procs: int = 1) -> int:
        """Build a new index from the store (the source of truth)."""
        self.index.create()
        return self.sync_index(progress=progress, procs=procs)

    def sync_index(self, *, progress: Progress | None = None, procs: int = 1, batch: int = 5000) -> int:
        """Bring the index in line with the store, touching only what differs.

        Commits every ``batch`` articles, so memory stays bounded and an
        interrupted run resumes where it stopped.  Returns how many were written.
        """
        if self.index.state() != IndexState.OK:
            self.index.create()
        if not self.store.exists():
            return 0
        indexed = self.index.stored()
        pending: list[ArticleRecord] = []
        written = 0
        seen: set[str] = set()
        for object_id in self.store.iter_ids(ARTICLES):
            seen.add(object_id)
            if progress is not None:
                progress(1)
            if indexed.get(object_id) == catalog.stored_state(self.store, object_id):
                continue
            pending.append(self.record(object_id))
            if len(pending) >= batch:
                written += self.index.write(pending, procs=procs)
                pending = []
        stale = sorted(set(indexed) - seen)
        if pending or stale:
            written += self.index.write(pending, delete=stale, procs=procs if pending else 1)
        self.index.tidy()
        return written

    def verify(self, *, repair: bool = False) -> list[str]:
        """Problems in the store and between the store and the index; with ``repair``, fix what can be."""
        if repair:
            with self.store.lock():
                self.store.verify(repair=True)
                if self._index_problems():
                    self.rebuild_index()
        return self.store.verify() + self._index_problems()

    def _index_problems(self) -> list[str]:
        state = self.index.state()
        if state != IndexState.OK:
            return [f"{self.index.path}: index is {state}; `archive reindex` rebuilds it"]
        indexed = self.index.stored()
        problems = []
        seen = set()
        for object_id in self.store.iter_ids(ARTICLES):
            seen.add(object_id)
            try:
                record = self.record(object_id)
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
        return problems

    # ------------------------------------------------------------ searching

    def search(self, text: str, **options: Any) -> SearchResult:
        """Search; a damaged index is rebuilt from the store once, and the search tried again."""
        try:
            return run_search(self.index, text, body_for=self.body, **options)
        except SearchIndexError as exc:
            count = self.rebuild_index()
            self.notices.append(f"{exc}; rebuilt it from the store ({count} articles)")
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
