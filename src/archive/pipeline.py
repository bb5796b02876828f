"""The public API: ingest pages, rebuild the index, read and search the archive.

``Archive`` ties the stages together: bytes -> ``read`` -> ``split`` ->
``store`` (the source of truth) -> ``index``.  Callers pass a ``progress``
callable when they want a progress bar; the library never prints.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from .config import Config
from .errors import (
    ArchiveError,
    ArticleNotFound,
    ParseError,
    SearchIndexError,
    SourceError,
    SourceErrors,
    StoreCorrupt,
    StoreError,
)
from .extract import split_bytes
from .layout import ARTICLES, STORE_README, article_path, is_article_id, normalize_id, page_path
from .models import (
    Article,
    ArticleOutcome,
    ArticleRecord,
    Hit,
    IndexState,
    IngestReport,
    PageOutcome,
    SearchResult,
    Sighting,
    SplitPage,
    Status,
    Version,
)
from .records import SAME_BODY, body_of, identity_key, old_sightings, record_files, record_from, similarity
from .search import SearchIndex, WhooshIndex, run_search, similar_articles
from .store import Store, fault
from .text import fold, normalize

Progress = Callable[[int], None]
_MAX_SUFFIX = 1000
#: Pages stored under one lock and indexed in one commit.
_BATCH_PAGES = 200
#: Batches of at least this many articles are indexed by two processes.
_PROCS_FROM = 300


def apply_corrections(record: ArticleRecord) -> ArticleRecord:
    """The record with every corrected field set to the value a person gave it."""
    values: dict[str, Any] = {c.field: c.value for c in record.corrections}
    return replace(record, **values) if values else record


def _page_key(split: SplitPage) -> str:
    return f"{fold(split.title)}|{split.date or ''}|{fold(split.source_line)}"


# ---------------------------------------------------------------- input


def iter_inputs(paths: Iterable[str], *, recursive: bool = False) -> Iterator[str]:
    """Expand folders (with ``recursive``) into the files below them, in name order.

    Raises:
        SourceError: a folder without ``recursive``.
    """
    for name in paths:
        if name == "-":
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            if not recursive:
                raise SourceError(f"{name}: is a folder (use --recursive to add the pages in it)", path=name)
            seen: set[tuple[int, int]] = set()
            for dirpath, dirs, files in os.walk(path, followlinks=True):
                st = os.stat(dirpath)
                if (st.st_dev, st.st_ino) in seen:
                    dirs.clear()
                    continue
                seen.add((st.st_dev, st.st_ino))
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for file in sorted(files):
                    if not file.startswith(".") and file.lower().endswith((".txt", ".html", ".htm", ".xhtml", ".text")):
                        yield os.path.join(dirpath, file)
        else:
            yield name


def read_source(name: str, *, max_bytes: int, stdin: Any = None) -> bytes:
    """The bytes of one input, with a one-line error for anything that is not a readable file."""
    if name == "-":
        if stdin is None:
            raise SourceError("-: no standard input to read", path=name)
        data: bytes = stdin.read(max_bytes + 1)
        return data
    try:
        st = os.stat(name)
    except FileNotFoundError:
        raise SourceError(f"{name}: no such file", path=name) from None
    except OSError as exc:
        raise SourceError(f"{name}: cannot read ({exc.strerror or exc})", path=name) from None
    if stat.S_ISDIR(st.st_mode):
        raise SourceError(f"{name}: is a folder (use --recursive to add the pages in it)", path=name)
    if not stat.S_ISREG(st.st_mode):
        raise SourceError(f"{name}: not a regular file (a pipe, socket or device); save the page to a file",
                          path=name)
    if st.st_size > max_bytes:
        raise ParseError(f"{name}: page is {st.st_size:,} bytes, over max_page_bytes ({max_bytes:,})", path=name)
    try:
        with open(name, "rb") as fh:
            return fh.read(max_bytes + 1)
    except OSError as exc:
        raise SourceError(f"{name}: cannot read ({exc.strerror or exc})", path=name) from None


# ---------------------------------------------------------------- the archive


class Archive:
    """One archive: its store, its index and its settings."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.store = Store(config.store_path, user_name=config.user_name, user_address=config.user_address,
                           lock_timeout=config.lock_timeout)
        self.index: SearchIndex = WhooshIndex(config.index_path, lock_timeout=config.lock_timeout)
        #: Things the caller should tell the user (an index rebuilt, say).
        self.notices: list[str] = []

    def create_store(self) -> bool:
        """Make the store if it is not there; True when it was made now."""
        return self.store.create(readme=STORE_README)

    # ------------------------------------------------------------ reading records

    def record(self, object_id: str, *, version: int | None = None) -> ArticleRecord:
        """An article as stored (its newest version unless ``version`` is given)."""
        object_id = normalize_id(object_id)
        if not is_article_id(object_id):
            raise ArticleNotFound(f"'{object_id}' is a page, not an article (try `archive show` on an article id)",
                                  article_id=object_id)
        self.store.require()
        number, files = self.store.snapshot(object_id, version)
        try:
            meta = json.loads(self.store.read_stored(files, "meta.json"))
            body = body_of(self.store.read_stored(files, "article.md").decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise StoreCorrupt(f"{self.store.object_dir(object_id)}: unreadable article files ({exc})",
                               path=str(self.store.object_dir(object_id))) from None
        digest = files["article.md"].digest[:32] if "article.md" in files else ""
        return record_from(object_id, meta, body, number, digest)

    def versions(self, object_id: str) -> list[Version]:
        return self.store.versions(normalize_id(object_id))

    def body(self, object_id: str) -> str:
        try:
            return self.record(object_id).body
        except ArchiveError:
            return ""

    def iter_records(self) -> Iterator[ArticleRecord]:
        for object_id in self.store.iter_ids(ARTICLES):
            yield self.record(object_id)

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
            self.index.check_folder()
        if not dry_run and prepared and self.create_store():
            report.notices.append(f"created a new archive store at {self.store.root}")
        for start in range(0, len(prepared), _BATCH_PAGES):
            chunk = prepared[start:start + _BATCH_PAGES]
            failure = None
            if dry_run:
                outcomes = [PageOutcome(split.name, None, Status.DRY_RUN, (), split, split.warnings)
                            for _, split in chunk]
            else:
                outcomes, failure = self._store_pages(chunk)
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

    def _store_pages(self, chunk: list[tuple[bytes, SplitPage]]) -> tuple[list[PageOutcome], ArchiveError | None]:
        """Store a batch of pages and index their changed articles in one commit, under the lock.

        Each page is all or nothing: when writing one fails (a full disk, a store
        that cannot be written), what it had committed is rolled back, the pages
        before it are indexed and reported, and the error is returned.  Indexing
        under the store lock keeps two writers from indexing versions out of order;
        one index commit per batch keeps ingest from paying a commit per page.
        """
        results: list[tuple[SplitPage, str, Status, list[ArticleOutcome]]] = []
        changed: dict[str, ArticleRecord] = {}
        warnings: list[str] = []
        failure: ArchiveError | None = None
        with self.store.lock():
            taken_down = set(self.store.purged())
            for raw, split in chunk:
                committed: list[tuple[str, int]] = []
                try:
                    page_id, page_exists = self._locate_page(split)
                    outcomes: list[ArticleOutcome] = []
                    page_changed: list[ArticleRecord] = []
                    seen: dict[tuple[str, str], ArticleOutcome] = {}
                    for article in split.articles:
                        twice = (identity_key(article.outlet, article.title, article.date), article.body)
                        if twice in seen:
                            # The same article printed twice in one page is one article, seen once.
                            first = seen[twice]
                            outcomes.append(ArticleOutcome(Status.REPEATED, first.id, first.title, first.version))
                            continue
                        outcome, record = self._store_article(article, split, page_id, taken_down)
                        seen[twice] = outcome
                        outcomes.append(outcome)
                        if record is not None:
                            committed.append((record.id, record.version))
                            page_changed.append(record)
                    fault("articles")
                    page_version = self.store.commit(page_id, self._page_files(raw, split, page_id, outcomes),
                                                     message=f"archive add {split.name}")
                except (ArchiveError, OSError) as exc:
                    for object_id, version in reversed(committed):
                        self.store.rollback(object_id, version)
                    reason = exc if isinstance(exc, ArchiveError) else StoreError(
                        f"cannot write ({exc.strerror or exc})")
                    failure = StoreError(f"{split.name}: {reason}; nothing of this page was stored",
                                         path=split.name)
                    break
                changed.update((r.id, r) for r in page_changed)
                status = (Status.UNCHANGED if page_version is None
                          else Status.NEW_VERSION if page_exists else Status.NEW)
                results.append((split, page_id, status, outcomes))
            if changed:
                try:
                    self._index_records(list(changed.values()))
                except SearchIndexError as exc:
                    warnings.append(f"{exc}; the store is up to date: run `archive reindex`")
            fault("indexed")
        outcomes_out = [PageOutcome(split.name, page_id, status, tuple(outcomes), split, (*split.warnings, *warnings))
                        for split, page_id, status, outcomes in results]
        return outcomes_out, failure

    def _index_records(self, records: list[ArticleRecord]) -> None:
        # Two indexing processes double whoosh's speed, but cost a start-up: worth it for big batches.
        procs = min(2, os.cpu_count() or 1) if len(records) >= _PROCS_FROM else 1
        if self.index.state() != IndexState.OK:
            self.rebuild_index(procs=procs)
            return
        self.index.write(records, procs=procs)

    def _locate_page(self, split: SplitPage) -> tuple[str, bool]:
        key = _page_key(split)
        for suffix in range(1, _MAX_SUFFIX):
            page_id = page_path(split.date, split.title or Path(split.name).stem, suffix=suffix)
            if not self.store.has(page_id):
                return page_id, False
            try:
                meta = json.loads(self.store.read(page_id, "page.json"))
            except (ArchiveError, ValueError):
                continue
            if meta.get("key") == key:
                return page_id, True
        raise StoreCorrupt(f"too many pages named like '{split.title}'", path=str(self.store.root))

    def _locate_article(self, article: Article) -> tuple[str, dict[str, Any] | None]:
        """The article's object id and stored metadata (None when it is new).

        Identity is outlet + folded title + date; a copy whose title differs is
        still the same article when its text is (shingle similarity >= SAME_BODY
        with an article of the same outlet and date).
        """
        key = identity_key(article.outlet, article.title, article.date)
        free = None
        for suffix in range(1, _MAX_SUFFIX):
            object_id = article_path(article.outlet, article.date, article.title, suffix=suffix)
            if not self.store.has(object_id):
                free = object_id
                break
            meta = self.meta(object_id)
            if meta is not None and meta.get("key") == key and self._same_body(object_id, article.body):
                return object_id, meta
        if free is None:
            raise StoreCorrupt(f"too many articles named like '{article.title}'", path=str(self.store.root))
        same = self._same_text(article, free)
        return same if same is not None else (free, None)

    def meta(self, object_id: str) -> dict[str, Any] | None:
        try:
            data: dict[str, Any] = json.loads(self.store.read(object_id, "meta.json"))
        except (ArchiveError, ValueError):
            return None
        return data

    def _stored_body(self, object_id: str) -> str | None:
        try:
            return body_of(self.store.read(object_id, "article.md").decode("utf-8"))
        except (ArchiveError, UnicodeDecodeError):
            return None

    def _same_body(self, object_id: str, body: str) -> bool:
        """Two articles that share outlet, title and date ("Editorial", say) are one only if their text is."""
        stored = self._stored_body(object_id)
        return stored is None or stored == body or similarity(stored, body) >= SAME_BODY

    def _same_text(self, article: Article, new_id: str) -> tuple[str, dict[str, Any]] | None:
        if not article.date or len(article.body.split()) < 40:
            return None
        folder = self.store.root / new_id.rsplit("/", 1)[0]
        if not folder.is_dir():
            return None
        for sibling in sorted(folder.iterdir()):
            object_id = f"{new_id.rsplit('/', 1)[0]}/{sibling.name}"
            if not self.store.has(object_id):
                continue
            meta = self.meta(object_id)
            if meta is None or meta.get("date") != article.date:
                continue
            body = self._stored_body(object_id)
            if body is not None and similarity(body, article.body) >= SAME_BODY:
                return object_id, meta
        return None

    def _store_article(self, article: Article, split: SplitPage, page_id: str,
                       taken_down: set[str]) -> tuple[ArticleOutcome, ArticleRecord | None]:
        object_id, old = self._locate_article(article)
        if old is None and object_id in taken_down:
            # Taken down: a re-added page does not bring it back.
            return ArticleOutcome(Status.PURGED, object_id, article.title, 0), None
        sighting = Sighting(page_id, split.title, split.date, article.position)
        sightings = [s for s in old_sightings(old) if s.page_id != page_id]
        sightings.append(sighting)
        sightings.sort(key=lambda s: (s.page_date or "", s.page_id))
        record = ArticleRecord(
            id=object_id, version=0, title=normalize(article.title), body=normalize(article.body),
            outlet=article.outlet, author=article.author, date=article.date, date_text=article.date_text,
            subtitle=article.subtitle, standfirst=article.standfirst, section=article.section,
            review=article.review, review_reasons=article.review_reasons, fair_use_note=split.fair_use_note,
            sightings=tuple(sightings),
        )
        key = identity_key(article.outlet, article.title, article.date)
        if old is not None:
            key = old.get("key", key)
            previous = record_from(object_id, old, "", 0, "")
            # What a person corrected, and a withdrawal, outlive any re-add of the page.
            record = apply_corrections(replace(record, corrections=previous.corrections,
                                               withdrawn=previous.withdrawn))
        message = f"seen in {page_id}" if old is None else f"updated from {page_id}"
        version = self.store.commit(object_id, record_files(record, key), message=message)
        if version is None:
            head = self.store.head(object_id)
            return ArticleOutcome(Status.UNCHANGED, object_id, record.title, head), None
        stored = self.record(object_id)
        status = Status.NEW if version == 1 else Status.NEW_VERSION
        return ArticleOutcome(status, object_id, record.title, version), stored

    def _page_files(self, raw: bytes, split: SplitPage, page_id: str,
                    outcomes: list[ArticleOutcome]) -> dict[str, bytes]:
        ext = ".html" if split.media_type == "text/html" else ".txt"
        meta = {
            "id": page_id, "key": _page_key(split), "name": Path(split.name).name, "title": split.title,
            "date": split.date, "date_text": split.date_text, "source_line": split.source_line,
            "fair_use_note": split.fair_use_note, "media_type": split.media_type, "encoding": split.encoding,
            "original": f"original{ext}", "articles": [o.id for o in outcomes],
        }
        lines = [f"# {split.title or Path(split.name).name}", ""]
        if split.date:
            lines += [f"Date: {split.date}", ""]
        if split.source_line:
            lines += [f"Sources: {split.source_line}", ""]
        lines += ["Articles:", ""]
        for n, o in enumerate(outcomes, start=1):
            lines.append(f"{n}. {o.title} — `{o.id}`")
        if split.fair_use_note:
            lines += ["", f"> {split.fair_use_note}"]
        lines += ["", f"Original: `original{ext}` ({len(raw):,} bytes, {split.encoding})", ""]
        return {
            f"original{ext}": raw,
            "page.json": (json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
            "page.md": "\n".join(lines).encode("utf-8"),
        }

    # ------------------------------------------------------------ index

    def index_notice(self) -> str | None:
        """Make sure the index can be searched; say so when it had to be rebuilt."""
        state = self.index.state()
        if state == IndexState.OK:
            return None
        count = self.rebuild_index()
        reason = {IndexState.MISSING: "no index was found",
                  IndexState.STALE: "the index was built by another schema version",
                  IndexState.BROKEN: "the index could not be opened"}[state]
        return f"{reason}; rebuilt it from the store ({count} articles)"

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
            files = self.store.files(object_id)
            head = self.store.head(object_id)
            digest = files["article.md"].digest[:32] if "article.md" in files else ""
            if indexed.get(object_id) == (head, digest):
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

    def count_articles(self) -> int:
        return sum(1 for _ in self.store.iter_ids(ARTICLES))

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
        record = self.record(object_id)
        return [h for h in similar_articles(self.index, record.id, record.body, limit=limit + 1)
                if h.id != record.id][:limit]

    def page(self, page_id: str) -> dict[str, Any]:
        page_id = normalize_id(page_id)
        try:
            data: dict[str, Any] = json.loads(self.store.read(page_id, "page.json"))
        except ValueError as exc:
            raise StoreCorrupt(f"{page_id}: unreadable page.json ({exc})", path=page_id) from None
        return data
