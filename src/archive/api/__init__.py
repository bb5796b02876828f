"""The public API: ``Archive``, a thin façade over extract -> catalog -> search.

Pages are read (``inputs``) and split (``extract``), stored (``catalog``, on the
``store``, the source of truth) and indexed (``search``); this is the one module
that knows both the catalogue and the index (``indexing`` keeps them in line).
Callers pass a ``progress`` callable for a progress bar; the library never prints.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from .. import catalog
from ..catalog import ARTICLES, normalize_id
from ..config import Config
from ..errors import ArticleNotFound, SearchIndexError, SourceError, SourceErrors, StoreCorrupt, UsageError
from ..extract import explain_page, page_address, read_page, split_bytes
from ..fetch import check_address, fetch_page, is_address
from ..inputs import check_page_name, iter_inputs, read_source
from ..models import (
    ArticleRecord,
    ExplainedUnit,
    HistoryEntry,
    Hit,
    IngestReport,
    PageOutcome,
    Provenance,
    SearchResult,
    SplitPage,
    Status,
    Version,
)
from ..search import SearchIndex, open_index, run_search, similar_articles
from ..store import PURGE_LOG, Store
from . import indexing
from .curating import Curator
from .replicating import Replicator

__all__ = ["PURGE_LOG", "Archive", "Progress"]

Progress = Callable[[int], None]
#: Pages stored under one lock and indexed in one commit.
_BATCH_PAGES = 200


class Archive(indexing.IndexKeeper, Curator, Replicator):
    """One archive: its store, its index and its settings."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.store = Store(config.store_path, user_name=config.user_name, user_address=config.user_address,
                           lock_timeout=config.lock_timeout)
        self.index: SearchIndex = open_index(config)
        #: Things the caller should tell the user (an index rebuilt, say).
        self.notices: list[str] = []
        #: The last write committed to the store but could not index all of it: the index will catch up.
        self.index_behind = False

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

    def resolve_id(self, text: str) -> str:
        """The id the user means: the id itself when it exists, else the one object whose id starts with it
        ("articles/rt-news/2016/10/us-saudis" for the whole id); unknown text is returned normalised, for the
        caller's "not found".

        Raises:
            ArticleNotFound: the text is not an id, or it begins several objects' ids (up to five named).
        """
        try:
            object_id = normalize_id(text)
        except ArticleNotFound:  # a folder of the store ("rt-news/2016/10/") begins the ids in it
            folder = text.strip().strip("/").removeprefix("store/")
            folder = folder if folder.startswith(("articles/", "pages/")) else f"{ARTICLES}/{folder}"
            if ".." in folder.split("/") or not (self.store.root / folder).is_dir():
                raise
            object_id = f"{folder}/"
        if self.store.has(object_id):
            return object_id
        parts = object_id.rstrip("/").split("/")
        under = next(("/".join(parts[:k]) for k in range(len(parts), 1, -1)
                      if (self.store.root / "/".join(parts[:k])).is_dir()), parts[0])  # walk only what can match
        matches = [i for i in self.store.iter_ids(under) if i.startswith(object_id)]
        if len(matches) > 1:
            shown = ", ".join(matches[:5]) + (f" and {len(matches) - 5} more" if len(matches) > 5 else "")
            raise ArticleNotFound(f"'{text}' begins {len(matches)} ids: {shown}; give more of it",
                                  article_id=text)
        near = [] if matches or object_id in self.store.purged() else self.nearest_ids(object_id)
        if near:
            raise ArticleNotFound(f"no article or page '{text}'; nearest: {', '.join(near)}", article_id=text)
        return matches[0] if matches else object_id

    def versions(self, object_id: str) -> list[Version]:
        return self.store.versions(normalize_id(object_id))

    def body(self, object_id: str) -> str:
        return self.record(object_id).body

    def _snippet_text(self, object_id: str) -> str:
        """A hit's text for its snippet; a damaged article is shown without one, and the user told."""
        try:
            return self.body(object_id)
        except StoreCorrupt as exc:
            self.notices.append(f"{exc}; shown without its text")
            return ""

    def iter_records(self) -> Iterator[ArticleRecord]:
        return catalog.iter_records(self.store, damaged=self.notices)

    def count_articles(self) -> int:
        return sum(1 for _ in self.store.iter_ids(ARTICLES))

    def count_objects(self) -> int:
        """Articles and pages: the objects of the store."""
        return sum(1 for _ in self.store.iter_ids())

    def page(self, page_id: str, *, version: int | None = None) -> dict[str, Any]:
        """A page as stored (its newest version unless ``version`` is given): title, date, source line,
        fair-use note, article ids, the version read and how many versions there are."""
        page = catalog.read_page(self.store, page_id, version=version)
        page["versions"] = len(self.versions(page["id"]))
        return page

    def explain(self, name: str, *, stdin: Any = None) -> list[ExplainedUnit]:
        """Every unit of one page with the role, confidence and article the splitter gave it."""
        raw = read_source(name, max_bytes=self.config.max_page_bytes, stdin=stdin)
        return explain_page(read_page(raw, name="<stdin>" if name == "-" else name))

    # ------------------------------------------------------------ ingest

    def ingest(self, names: Iterable[str], *, dry_run: bool = False, recursive: bool = False,
               keep_going: bool = False, stdin: Any = None, progress: Progress | None = None,
               on_page: Callable[[PageOutcome], None] | None = None, url: str | None = None,
               force: bool = False) -> IngestReport:
        """Add pages to the archive; a name that is a web address (``https://...``) is fetched.

        Every page is read and split before anything is written: when one is
        bad, nothing is stored (unless ``keep_going``, which stores the good
        ones) and ``SourceErrors`` lists every bad page.  ``url`` is where the
        one page named came from; without it a saved HTML page's canonical
        link or og:url is taken.  A file named as a page whose name says it is
        Markdown, CSV or other data is refused unless ``force``.
        """
        report = IngestReport()
        inputs = list(iter_inputs(names, recursive=recursive, skipped=report.notices))
        if url is not None and len(inputs) != 1:
            raise UsageError(f"--url gives the address of one page, and {len(inputs)} were named")
        given = Provenance(check_address(url)) if url is not None else None
        prepared: list[tuple[bytes, SplitPage]] = []
        errors: list[SourceError] = []
        for name in inputs:
            try:
                if not force and name != "-" and not is_address(name):
                    check_page_name(name)
                prepared.append(self._prepare(name, given, stdin=stdin))
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
        if errors:
            raise SourceErrors(errors, stored=True, report=report)
        return report

    def _prepare(self, name: str, given: Provenance | None, *, stdin: Any) -> tuple[bytes, SplitPage]:
        """One page's bytes and split, with where it came from."""
        limit = self.config.max_page_bytes
        if is_address(name):
            raw, source = fetch_page(name, max_bytes=limit)
        else:
            raw, source = read_source(name, max_bytes=limit, stdin=stdin), Provenance()
        shown = "<stdin>" if name == "-" else source.url or name  # a fetched page is named by where it ended
        split = split_bytes(raw, name=shown, max_bytes=limit)
        if given is not None:
            source = replace(source, url=given.url)
        elif source.url is None and split.media_type == "text/html":
            source = Provenance(page_address(raw), from_markup=True)
        return raw, replace(split, source=source)

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

    # ------------------------------------------------------------ curation

    def history(self, article_id: str) -> list[HistoryEntry]:
        """Every version of an article or a page, oldest first, with the fields each one changed."""
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

    # ------------------------------------------------------------ searching

    def search(self, text: str, **options: Any) -> SearchResult:
        """Search; a damaged index is rebuilt from the store once, and the search tried again."""
        try:
            return run_search(self.index, text, body_for=self._snippet_text, **options)
        except SearchIndexError as exc:
            self.notices.append(f"{exc}; rebuilt it from the store ({self.reindex(full=True)} articles)")
            return run_search(self.index, text, body_for=self._snippet_text, **options)

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
