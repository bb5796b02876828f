"""The Whoosh engine: the archive's index in one folder, behind the ``SearchIndex`` interface.

Whoosh is imported here and in ``whoosh_schema`` only.  A marker beside the
index says archive made the folder and which schema version built it; archive
deletes or rewrites only a folder that carries it, and rebuilds an index of
another schema version from the store.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import json
import re
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from whoosh import highlight, index, qparser, query, sorting
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.writing import LockError

from ..errors import ArchiveError, QueryError, SearchIndexError
from ..models import ArticleRecord, IndexState
from .budget import suggests
from .index import HL_CLOSE, HL_OPEN, RawHit, RawResult, SearchRequest
from .whoosh_budget import check_expansion, search_page_within
from .whoosh_schema import DEFAULT_FIELDS, FACET_FIELDS, SCHEMA_VERSION, document, make_schema

#: The ownership and schema marker archive writes first in an index folder it makes.
MARKER = "archive-schema.json"


def _write_marker(folder: Path) -> None:
    """Write the ownership and schema marker atomically (a torn marker would read as damage)."""
    tmp = folder / f"{MARKER}.tmp"
    tmp.write_text(json.dumps({"made_by": "archive", "schema_version": SCHEMA_VERSION}) + "\n")
    tmp.replace(folder / MARKER)


class WhooshIndex:
    """The archive's Whoosh index in one folder (or in memory, for tests)."""

    def __init__(self, path: Path | None, *, lock_timeout: float = 30.0) -> None:
        self.path = path
        self.lock_timeout = lock_timeout
        self._ix: Any = None
        self._searcher: Any = None
        self._generation: int | None = None

    # ------------------------------------------------------------ lifecycle

    def state(self) -> IndexState:
        """Whether the index can be used as it is: ok, missing, stale (another schema version) or broken."""
        if self.path is None:
            return IndexState.OK if self._ix is not None else IndexState.MISSING
        if not self.path.is_dir() or not index.exists_in(str(self.path)):
            return IndexState.MISSING
        try:
            marker = json.loads((self.path / MARKER).read_text())
            if marker.get("schema_version") != SCHEMA_VERSION:
                return IndexState.STALE
        except (OSError, ValueError, AttributeError):
            return IndexState.STALE
        try:
            self._open()
        except SearchIndexError:
            return IndexState.BROKEN
        return IndexState.OK

    def owns_folder(self) -> bool:
        """True when the index folder carries the marker archive writes when it makes the folder."""
        return self.path is not None and (self.path / MARKER).is_file()

    def check_folder(self) -> None:
        """Refuse an index folder that archive did not make and that is not empty.

        Archive removes and rewrites only what it made: a folder that holds other
        files (a person's notes, another program's data, the store) is never touched.

        Raises:
            SearchIndexError: the path is a file, or a folder with files and no marker.
        """
        path = self.path
        if path is None or not (path.exists() or path.is_symlink()):
            return
        if not path.is_dir():
            raise SearchIndexError(f"{path}: index.path names a file, not a folder; "
                                   f"set index.path in archive.toml to a folder of its own")
        if self.owns_folder():
            return
        try:
            foreign = next(iter(path.iterdir()), None)
        except OSError as exc:
            raise SearchIndexError(f"{path}: cannot read the index folder ({exc.strerror or exc})") from None
        if foreign is not None:
            raise SearchIndexError(f"{path}: folder holds files archive did not make ({foreign.name}, ...); "
                                   f"archive never writes or deletes there: empty it, or set index.path "
                                   f"in archive.toml to a new folder")

    def create(self) -> None:
        """Make a new, empty index in a folder archive owns (or may take: absent or empty).

        The marker is written first, so a folder archive started to fill is known as its own
        even when the process dies before the index exists.

        Raises:
            SearchIndexError: the folder is not archive's (see ``check_folder``) or cannot be written.
        """
        self.close()
        schema = make_schema()
        if self.path is None:
            self._ix = RamStorage().create_index(schema)
            return
        self.check_folder()
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            for entry in self.path.iterdir():
                if entry.name == MARKER:
                    continue
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
            _write_marker(self.path)
            self._ix = FileStorage(str(self.path)).create_index(schema)
        except OSError as exc:
            raise SearchIndexError(f"{self.path}: cannot create the index ({exc.strerror or exc})") from None

    def _open(self) -> Any:
        if self._ix is None:
            if self.path is None:
                self.create()
            else:
                try:
                    self._ix = index.open_dir(str(self.path))
                except Exception as exc:  # whoosh raises many kinds on a damaged index
                    raise SearchIndexError(f"{self.path}: the index cannot be opened ({type(exc).__name__}); "
                                           f"run `archive reindex`") from None
        return self._ix

    def _current_searcher(self) -> Any:
        """One searcher kept open and refreshed: opening one reads every segment's columns again."""
        ix = self._open()
        generation = ix.latest_generation()
        if self._searcher is None or self._generation != generation:
            self.close()
            self._searcher = ix.searcher()
            self._generation = generation
        return self._searcher

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def doc_count(self) -> int:
        return int(self._open().doc_count())

    # ------------------------------------------------------------ writing

    def write(self, records: Iterable[ArticleRecord], *, delete: Iterable[str] = (),
              procs: int = 1) -> int:
        """Upsert ``records`` and delete ``delete`` ids in one commit; return how many were written."""
        ix = self._open()
        try:
            kwargs: dict[str, Any] = {"timeout": self.lock_timeout}
            if self.path is not None:
                kwargs["compound"] = False
            if procs > 1:
                kwargs.update(procs=procs, multisegment=True)
            writer = ix.writer(**kwargs)
        except LockError:
            raise SearchIndexError(f"{self.path}: the index is locked by another process") from None
        except OSError as exc:
            raise SearchIndexError(f"{self.path}: cannot write the index ({exc.strerror or exc})") from None
        count = 0
        try:
            for object_id in delete:
                writer.delete_by_term("id", object_id)
            for record in records:
                if procs > 1:
                    writer.add_document(**document(record))
                else:
                    writer.update_document(**document(record))
                count += 1
            writer.commit()
        except OSError as exc:
            # a full disk or a folder that cannot be written: the store is the source of truth
            _cancel(writer)
            raise SearchIndexError(f"{self.path}: cannot write the index ({exc.strerror or exc})") from None
        except BaseException:
            _cancel(writer)
            raise
        return count

    def tidy(self, *, most: int = 8, rounds: int = 4) -> int:
        """Merge small segments while there are more than ``most``: every segment costs every query.

        Uses whoosh's own small-segment policy, a few rounds at most, so the cost
        stays a fraction of the indexing that made the segments.  Returns the count left.
        """
        ix = self._open()
        for _ in range(rounds):
            before = len(ix._segments())
            if before <= most:
                break
            try:
                writer = ix.writer(timeout=self.lock_timeout, **({"compound": False} if self.path else {}))
            except LockError:
                break
            writer.commit(merge=True)
            ix = self._ix = index.open_dir(str(self.path)) if self.path else ix
            if len(ix._segments()) >= before:
                break
        return len(ix._segments())

    def stored(self) -> dict[str, tuple[int, str]]:
        """id -> (version, digest) of every indexed article."""
        ix = self._open()
        with ix.searcher() as searcher:
            return {f["id"]: (f.get("version", 0), f.get("digest", "")) for f in searcher.all_stored_fields()}

    # ------------------------------------------------------------ searching

    def parse(self, text: str) -> Any:
        """The whoosh query for ``text`` (all words required; OR, NOT, -word, "phrases", field:value)."""
        ix = self._open()
        parser = qparser.MultifieldParser(DEFAULT_FIELDS, ix.schema, group=qparser.AndGroup)
        parser.add_plugin(qparser.FuzzyTermPlugin())
        parser.remove_plugin_class(qparser.BoostPlugin)
        try:
            return parser.parse(text)
        except Exception as exc:  # the parser's own errors carry no common base
            raise QueryError(f"cannot parse query {text!r}: {exc}", query=text) from None

    def search(self, request: SearchRequest, *, body_for: Callable[[str], str] | None = None) -> RawResult:
        # The query is archive's own work: a mistake there is a bug, never a damaged index.
        q = self._query(request)
        try:
            return self._search(request, q, body_for=body_for)
        except ArchiveError:
            raise
        except Exception as exc:  # whoosh fails in many ways on damaged segment files
            raise SearchIndexError(f"{self.path}: the index is damaged ({type(exc).__name__}); "
                                   f"`archive reindex --full` rebuilds it") from None

    def _query(self, request: SearchRequest) -> Any:
        q = self.parse(request.text) if request.text.strip() else query.Every()
        filters: list[Any] = []
        if request.outlet:
            filters.append(query.Term("outlet_f", request.outlet))
        if request.author:
            filters.append(query.Term("author_k", request.author))
        if request.since or request.until:
            low = _bound(request.since, end=False) if request.since else 1
            high = _bound(request.until, end=True) if request.until else dt.date.max.toordinal()
            filters.append(query.NumericRange("day", low, high))
        if request.needs_review:
            filters.append(query.Term("review", "yes"))
        if filters:
            # Filters join the query as unscored clauses: whoosh's filter= would first collect
            # every document a filter matches, which at 10k articles cost more than the search.
            q = query.And([q, *(query.ConstantScoreQuery(f, 0.0) for f in filters)])
        return q

    def _search(self, request: SearchRequest, q: Any, *, body_for: Callable[[str], str] | None = None) -> RawResult:
        # Withdrawn articles are few: masking them out is cheap.
        mask = query.Term("withdrawn", "yes")
        groups = {name: sorting.FieldFacet(FACET_FIELDS[name], maptype=sorting.Count) for name in request.facets}
        sortedby: Any = None
        reverse = False
        if request.sort in ("newest", "oldest"):
            sortedby = sorting.FieldFacet("date")
            reverse = request.sort == "newest"
        elif not request.text.strip():
            sortedby = sorting.FieldFacet("date")
            reverse = True
        searcher = self._current_searcher()
        check_expansion(q, searcher.reader())
        results = search_page_within(searcher, q, max(request.page, 1), max(request.limit, 1), text=request.text,
                                     mask=mask, groupedby=groups or None, sortedby=sortedby, reverse=reverse,
                                     terms=True)
        facets = {}
        for name in request.facets:
            counts = results.results.groups(name)
            facets[name] = sorted(((str(k), int(v)) for k, v in counts.items() if k not in (None, "")),
                                  key=lambda kv: (-kv[1], kv[0]))
        results.results.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=60)
        results.results.formatter = _MarkFormatter()
        hits = []
        stems = sorted({t.decode() if isinstance(t, bytes) else str(t)
                        for f, t in q.iter_all_terms() if f == "body"}) if request.snippets else []
        for hit in results:
            stored = dict(hit.fields())
            snippet = ""
            if request.snippets and body_for is not None:
                text = _excerpt(body_for(stored["id"]), stems)
                snippet = hit.highlights("body", text=text, top=2, strict_phrase=True) if text else ""
                if not snippet:
                    snippet = text[:240]
            score = float(hit.score) if sortedby is None and isinstance(hit.score, (int, float)) else 0.0
            hits.append(RawHit(stored, score, snippet))
        corrected = None
        if results.total == 0 and suggests(request.text):
            corrected = self._correct(searcher, request.text)
        return RawResult(results.total, hits, facets, corrected)

    def _correct(self, searcher: Any, text: str) -> str | None:
        ix = self._open()
        parser = qparser.MultifieldParser(DEFAULT_FIELDS, ix.schema, group=qparser.AndGroup)
        try:
            q = parser.parse(text)
            fixed = searcher.correct_query(q, text, prefix=1)
        except Exception:  # a suggestion is optional; never fail the search for it
            return None
        if fixed.string == text:
            return None
        if searcher.search(fixed.query, limit=1).estimated_length() == 0:
            return None
        return str(fixed.string)

    def similar(self, object_id: str, text: str, *, limit: int = 10) -> list[RawHit]:
        """The articles most like one article, by the key terms of its text."""
        ix = self._open()
        with ix.searcher() as searcher:
            docnum = searcher.document_number(id=object_id)
            if docnum is None:
                return []
            hits = searcher.more_like(docnum, "body", text=text, top=limit, numterms=12,
                                      filter=query.Term("withdrawn", "no"))
            return [RawHit(dict(hit.fields()), float(hit.score or 0.0), "") for hit in hits]


def _cancel(writer: Any) -> None:
    """Give up a writer's changes; a writer that already failed half way may fail again doing so,
    and the first error is the one to report."""
    with contextlib.suppress(Exception):
        writer.cancel()


def _bound(value: str, *, end: bool) -> int:
    """A --since/--until value (YYYY, YYYY-MM or YYYY-MM-DD) as the first or last day it covers."""
    parts = [int(p) for p in value.split("-")]
    year, month, day = [*parts, 0, 0][:3]
    if not end:
        return dt.date(year, month or 1, day or 1).toordinal()
    if day:
        return dt.date(year, month, day).toordinal()
    if month:
        return dt.date(year, month, calendar.monthrange(year, month)[1]).toordinal()
    return dt.date(year, 12, 31).toordinal()


def _excerpt(text: str, stems: list[str], *, window: int = 400, most: int = 4) -> str:
    """The parts of ``text`` around the first places its words start like a query term.

    whoosh highlights by analysing the whole text it is given; for long articles
    that is most of a query's time.  Passing only windows around the likely
    matches gives the same fragments at a fraction of the cost.
    """
    if len(text) <= 3 * window or not stems:
        return text
    folded = text.casefold()
    starts: list[int] = []
    for stem in stems:
        for match in re.finditer(rf"\b{re.escape(stem.casefold()[:6])}", folded):
            starts.append(match.start())
            if len(starts) >= 8 * most:
                break
    if not starts:
        return text[: 3 * window]
    starts.sort()
    spans: list[list[int]] = []
    for at in starts:
        lo, hi = max(at - window // 2, 0), min(at + window // 2, len(text))
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        elif len(spans) < most:
            spans.append([lo, hi])
    return " … ".join(text[lo:hi] for lo, hi in spans)


class _MarkFormatter(highlight.Formatter):
    """Marks each matched term with control characters that ``search.py`` turns into offsets."""

    between = " … "

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"{HL_OPEN}{highlight.get_text(text, token, replace)}{HL_CLOSE}"
