"""The Whoosh engine: the archive's index in one folder, behind the ``SearchIndex`` interface.

Whoosh is imported only by the ``whoosh_*`` modules.  The folder's marker
(``whoosh_folder``) says archive made the folder, which schema version built
the live index, and which index in the folder is live: a rebuild is built
beside the live index and swapped in when complete, so readers keep answering
from the old one until then.  An index of another schema version is rebuilt
from the store.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from whoosh import index, qparser, query
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.searching import Results, ResultsPage
from whoosh.writing import LockError

from ..errors import ArchiveError, QueryError, SearchIndexError
from ..models import ArticleRecord, IndexState
from ..text import name_key, tag_label
from . import whoosh_folder as folder
from . import whoosh_words as words
from .budget import suggests
from .index import RawHit, RawResult, SearchIndex, SearchRequest
from .query import date_bound
from .whoosh_budget import check_expansion
from .whoosh_collect import Columns, collect, columns_of, matching
from .whoosh_hits import raw_hits
from .whoosh_mapped import MappedStorage
from .whoosh_schema import DEFAULT_FIELDS, FACET_FIELDS, SCHEMA_VERSION, document, make_schema

MARKER = folder.MARKER
#: How often a reader opens the index again when the index it was reading was swapped out under it.
_REOPENS = 3


class WhooshIndex:
    """The archive's Whoosh index in one folder (or in memory, for tests).

    Without ``name`` it is the folder's live index, followed across swaps; with
    ``name`` it is one index of the folder (one being built).
    """

    def __init__(self, path: Path | None, *, lock_timeout: float = 30.0, name: str | None = None) -> None:
        self.path = path
        self.where = str(path) if path is not None else "(an index in memory)"
        self.lock_timeout = lock_timeout
        self._pinned = name is not None
        self._name = name
        self._ix: Any = None
        self._schema: Any = None
        self._searcher: Any = None
        self._generation: int | None = None
        self._columns = columns_of(str(path)) if path is not None else Columns()

    def state(self) -> IndexState:
        """Whether the index can be used as it is: ok, missing, stale (another schema version) or broken."""
        if self.path is None:
            return IndexState.OK if self._ix is not None else IndexState.MISSING
        for _ in range(_REOPENS):
            marker = folder.read_marker(self.path)
            state = self._state_of(marker)
            if state == IndexState.OK or folder.read_marker(self.path) == marker:
                return state
            # swapped while it was being looked at: look at the new one
        return state

    def _state_of(self, marker: folder.Marker | None) -> IndexState:
        self._follow()
        name = marker.live if marker is not None else folder.DEFAULT_NAME
        if not self.path or name is None or not index.exists_in(str(self.path), indexname=name):
            return IndexState.MISSING
        if marker is None or marker.schema_version != SCHEMA_VERSION:
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
        """Refuse (``SearchIndexError``) an index folder archive did not make and that is not empty."""
        folder.check_folder(self.path)

    def build(self) -> WhooshIndex:
        """A new, empty index beside the live one, which keeps answering until ``swap_in``.

        In a new folder the marker is written first (naming no live index yet), so
        a folder archive started to fill is known as its own even when the process
        dies before an index exists.  What killed builds left is cleared first; the
        caller holds the writers' lock.

        Raises:
            SearchIndexError: the folder is not archive's (see ``check_folder``) or cannot be written.
        """
        schema = make_schema()
        if self.path is None:
            fresh = WhooshIndex(None, lock_timeout=self.lock_timeout, name="ram")
            fresh._ix = RamStorage().create_index(schema)
            return fresh
        self.check_folder()
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            marker = folder.read_marker(self.path)
            if marker is None:
                folder.write_marker(self.path, live=None)
            folder.remove(folder.leftovers(self.path))
            name = folder.next_name(marker.live if marker else None)
            fresh = WhooshIndex(self.path, lock_timeout=self.lock_timeout, name=name)
            fresh._ix = FileStorage(str(self.path)).create_index(schema, indexname=name)
        except OSError as exc:
            raise SearchIndexError(f"{self.path}: cannot create the index ({exc.strerror or exc})") from None
        return fresh

    def swap_in(self, built: SearchIndex) -> None:
        """Make ``built`` (from ``build``) the live index in one atomic step; the replaced index's files stay
        until ``clear_leftovers``."""
        if not isinstance(built, WhooshIndex) or not built._pinned or built.path != self.path:
            raise TypeError("swap_in takes an index from this index's build()")
        built.close()
        self.close()
        if self.path is None:
            self._ix, self._schema = built._ix, built._ix.schema
            return
        try:
            folder.write_marker(self.path, live=built._name)
        except OSError as exc:
            raise SearchIndexError(f"{self.path}: cannot swap the new index in ({exc.strerror or exc})") from None
        self._ix = None

    def leftovers(self) -> list[Path]:
        """Files of indexes that are not live: a replaced index, a killed build (or one in progress)."""
        return folder.leftovers(self.path) if self.path is not None and self.owns_folder() else []

    def clear_leftovers(self) -> int:
        """Delete the ``leftovers``; the caller holds the writers' lock, so no build is in progress.
        Returns how many entries were deleted."""
        found = self.leftovers()
        folder.remove(found)
        return len(found)

    def create(self) -> None:
        """Make a new, empty index and make it live (an index built from nothing)."""
        self.swap_in(self.build())
        self.clear_leftovers()

    def _live_name(self) -> str | None:
        if self._pinned or self.path is None:
            return self._name
        marker = folder.read_marker(self.path)
        return marker.live if marker is not None else folder.DEFAULT_NAME

    def _follow(self) -> bool:
        """Let go of the index when another has been swapped in since it was opened; True when so."""
        if self._ix is None or self._pinned or self.path is None or self._live_name() == self._name:
            return False
        self.close()
        self._ix = None
        return True

    def _open(self) -> Any:
        if self._ix is None:
            if self.path is None:
                self.create()
                return self._ix
            for attempt in range(_REOPENS):
                name = self._live_name()
                try:
                    if name is None:
                        raise FileNotFoundError("no index has been built in this folder yet")
                    self._ix = MappedStorage(str(self.path)).open_index(indexname=name)
                    self._name, self._schema = name, self._ix.schema
                    break
                except Exception as exc:  # whoosh raises many kinds on a damaged index
                    if attempt + 1 < _REOPENS and self._live_name() != name:
                        continue  # swapped while it was being opened: open the new one
                    raise SearchIndexError(f"{self.path}: the index cannot be opened ({type(exc).__name__}); "
                                           f"run `archive reindex`") from None
        return self._ix

    def _current_searcher(self) -> Any:
        """One searcher kept open and refreshed: opening one reads every segment's columns again."""
        self._follow()
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
            try:
                writer.commit(merge=True)
                ix = self._ix = MappedStorage(str(self.path)).open_index(indexname=self._name) if self.path else ix
            except OSError as exc:
                _cancel(writer)
                raise SearchIndexError(f"{self.path}: cannot write the index ({exc.strerror or exc})") from None
            if len(ix._segments()) >= before:
                break
        return len(ix._segments())

    def stored(self) -> dict[str, tuple[int, str]]:
        """id -> (version, digest) of every indexed article."""
        self._follow()
        ix = self._open()
        with ix.searcher() as searcher:
            return {f["id"]: (f.get("version", 0), f.get("digest", "")) for f in searcher.all_stored_fields()}

    # ------------------------------------------------------------ searching

    def parse(self, text: str) -> Any:
        """The whoosh query for ``text`` (all words required; OR, NOT, -word, "phrases", field:value)."""
        self._open()  # the schema read when the index was opened: ix.schema reads files a swap may delete
        parser = qparser.MultifieldParser(DEFAULT_FIELDS, self._schema, group=qparser.AndGroup)
        parser.add_plugin(qparser.FuzzyTermPlugin())
        parser.remove_plugin_class(qparser.BoostPlugin)
        try:
            return parser.parse(text)
        except Exception as exc:  # the parser's own errors carry no common base
            raise QueryError(f"cannot parse query {text!r}: {exc}", query=text) from None

    def search(self, request: SearchRequest, *, body_for: Callable[[str], str] | None = None) -> RawResult:
        # The query is archive's own work: a mistake there is a bug, never a damaged index.
        q = self._query(request)
        for attempt in range(_REOPENS):
            try:
                return self._search(request, q, body_for=body_for)
            except ArchiveError:
                raise
            except Exception as exc:  # whoosh fails in many ways on damaged segment files
                if attempt + 1 < _REOPENS and self._follow():
                    continue  # a rebuilt index was swapped in while this one was read: read the new one
                raise SearchIndexError(f"{self.path}: the index is damaged ({type(exc).__name__}); "
                                       f"`archive reindex --full` rebuilds it") from None
        raise AssertionError("unreachable")

    def _query(self, request: SearchRequest) -> Any:
        """The whoosh query of a request; --since and --until are left to ``collect``, which reads each
        segment's days once, where a range over the day field's terms was read on every search."""
        q = self.parse(request.text) if request.text.strip() else query.Every()
        if isinstance(q, query.Not) or (isinstance(q, query.And) and all(isinstance(c, query.Not) for c in q)):
            q = query.And([query.Every(), q])  # whoosh's NOT alone would also match replaced versions
        filters: list[Any] = []
        filters += [query.Term(f"{kind}_k", name_key(value))  # each name of a credit, any case or accents
                    for kind, value in (("outlet", request.outlet), ("author", request.author)) if value]
        filters += [query.Term("tag", tag_label(request.tag))] if request.tag else []
        if request.needs_review:
            filters.append(query.Term("review", "yes"))
        if filters:
            # Filters join the query as unscored clauses: whoosh's filter= would first collect
            # every document a filter matches, which at 10k articles cost more than the search.
            q = query.And([q, *(query.ConstantScoreQuery(f, 0.0) for f in filters)])
        return q

    def _search(self, request: SearchRequest, q: Any, *, body_for: Callable[[str], str] | None = None) -> RawResult:
        searcher = self._current_searcher()
        q = words.fuzzy_on_words(q, searcher.reader())  # fuzzy words are matched against whole words
        check_expansion(q, searcher.reader())
        page, pagelen = max(request.page, 1), max(request.limit, 1)
        got = collect(searcher, q, self._columns, limit=page * pagelen, text=request.text,
                      scored=request.sort == "relevance" and bool(request.text.strip()),
                      newest=request.sort != "oldest",
                      days=_days(request) if request.since or request.until else None,
                      facets={name: FACET_FIELDS[name] for name in request.facets})
        results = Results(searcher, q, got.top)
        results._total = got.total  # type: ignore[assignment]  # counted here, not by a collector
        hits = raw_hits(ResultsPage(results, page, pagelen), request, q, body_for)
        raw = RawResult(got.total, hits, got.facets)
        if got.total == 0 and suggests(request.text):
            raw = self._hints(searcher, request, raw, body_for)
        return raw

    def _hints(self, searcher: Any, request: SearchRequest, raw: RawResult,
               body_for: Callable[[str], str] | None) -> RawResult:
        """When nothing is found: a corrected query that finds something, and the best partial matches."""
        days = _days(request) if request.since or request.until else None

        def query_for(text: str) -> Any:
            return self._query(replace(request, text=text))

        def docs(q: Any) -> set[int]:
            return matching(searcher, q, self._columns, days=days)

        try:  # a hint is optional; never fail the search for it
            corrected = words.suggest(searcher, request.text, body_for=body_for,
                                      count=lambda text: len(docs(query_for(text))))
            near = words.partial_matches(searcher, request.text, query_for=query_for, docs=docs)
        except Exception:  # whatever fails here, the search has found what it found
            return raw
        if corrected is not None:
            raw = replace(raw, corrected=corrected[0], corrected_total=corrected[1])
        if near is not None:
            either, lacking = near
            limit = max(request.limit, 1)
            got = collect(searcher, either, self._columns, limit=limit, scored=True, days=days, only=set(lacking),
                          text=request.text)
            results = Results(searcher, either, got.top)
            results._total = got.total  # type: ignore[assignment]  # counted here, not by a collector
            raw = replace(raw, partial=raw_hits(ResultsPage(results, 1, limit), request, either, body_for, lacking),
                          partial_total=len(lacking))
        return raw

    def similar(self, object_id: str, text: str, *, limit: int = 10) -> list[RawHit]:
        """The articles most like one article, by the key terms of its text."""
        self._follow()
        ix = self._open()
        with ix.searcher() as searcher:
            docnum = searcher.document_number(id=object_id)
            if docnum is None:
                return []
            hits = searcher.more_like(docnum, "body", text=text, top=limit, numterms=12,
                                      filter=query.Term("withdrawn", "no"))
            return [RawHit(dict(hit.fields()), float(hit.score or 0.0), "") for hit in hits]


def _days(request: SearchRequest) -> tuple[int, int]:
    """--since and --until as the first and last day they cover (proleptic ordinals)."""
    low = date_bound(request.since, end=False) if request.since else 1
    high = date_bound(request.until, end=True) if request.until else dt.date.max.toordinal()
    return low, high


def _cancel(writer: Any) -> None:
    """Give up a writer's changes; a writer that already failed half way may fail again doing so,
    and the first error is the one to report."""
    with contextlib.suppress(Exception):
        writer.cancel()
