"""Collecting a Whoosh search: the matching documents, their count, facet counts and the page shown.

Whoosh's own collectors call Python per matched document and per facet
(categorizers reading one column value at a time, a matched-terms record per
document); at 100k articles that was most of a search.  Here each segment is
walked once: a document is kept when it is not withdrawn and passes the date
filter, scored only when the order is by relevance, and the facets are counted
afterwards over the kept document numbers from per-segment arrays of value
codes (``Columns``), read once per segment and kept while the segment lives
(segments never change; a deletion only hides documents, which the matcher
already leaves out).

The order is whoosh's: by score, ties by document number; by date, ties by
document number in the same direction as the dates.
"""

from __future__ import annotations

import copy
import heapq
import time
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from whoosh import query

from . import budget
from .documents import ordinal
from .whoosh_phrase import fast_phrases

#: How many documents are walked between two looks at the clock.
_CLOCK_EVERY = 2048
#: A segment's value codes are read whole when a search keeps more than one document in this many.
_FEW = 32


class Columns:
    """Per-segment value codes of sortable fields (``codes[doc]`` indexes ``names``), and each document's
    day and date rank; kept per segment id."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], Any] = {}
        self._asked: dict[tuple[str, str], int] = {}

    def get(self, reader: Any, field: str) -> tuple[array, list[str]]:
        key = (reader.segment().segment_id(), field)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = _read_codes(reader, field)
        return found

    def count(self, reader: Any, field: str, docs: list[int]) -> Counter[str]:
        """How many of ``docs`` carry each value of ``field``.  The first time a segment is asked, a few
        documents are looked up one by one: a one-off search (a command) reads no whole column; from the
        second time on (a server, a session), the segment's codes are read and kept."""
        key = (reader.segment().segment_id(), field)
        self._asked[key] = asked = self._asked.get(key, 0) + 1
        if key not in self._cache and asked == 1 and len(docs) * _FEW < reader.doc_count_all():
            if not reader.has_column(field):
                return Counter({"": len(docs)})
            values = reader.column_reader(field, translate=False)
            return Counter({value.decode("utf-8"): n for value, n in Counter(map(values.__getitem__, docs)).items()})
        codes, names = self.get(reader, field)
        return Counter({names[code]: n for code, n in Counter(map(codes.__getitem__, docs)).items()})

    def days(self, reader: Any) -> array:
        """Each document's day (a proleptic ordinal; 0 when undated)."""
        key = (reader.segment().segment_id(), " days")
        found = self._cache.get(key)
        if found is None:
            codes, names = self.get(reader, "date")
            ordinals = [ordinal(name) for name in names]
            found = self._cache[key] = array("I", map(ordinals.__getitem__, codes))
        return found

    def ranks(self, reader: Any) -> array:
        """Each document's place in the segment's order of date strings (equal dates, equal places)."""
        key = (reader.segment().segment_id(), " ranks")
        found = self._cache.get(key)
        if found is None:
            codes, names = self.get(reader, "date")
            order = {name: n for n, name in enumerate(sorted(names))}
            places = [order[name] for name in names]
            found = self._cache[key] = array("I", map(places.__getitem__, codes))
        return found

    def keep_only(self, readers: Iterable[Any]) -> None:
        """Forget the segments that are no longer in the index (merged away, or of another index)."""
        live = {r.segment().segment_id() for r in readers}
        for table in (self._cache, self._asked):
            for key in list(table):  # a copy: another thread may add while this one looks
                if key[0] not in live:
                    table.pop(key, None)


_SHARED: dict[str, Columns] = {}


def columns_of(where: str) -> Columns:
    """The one ``Columns`` of an index folder in this process: every thread's searcher (a web server
    gives each worker thread its own) reads a segment's codes once.  A dict read or write is atomic;
    two threads reading the same codes at once both read them, and one copy is kept."""
    return _SHARED.setdefault(where, Columns())


def _read_codes(reader: Any, field: str) -> tuple[array, list[str]]:
    codes = array("I")
    names: list[str] = []
    if not reader.has_column(field):
        return array("I", [0]) * reader.doc_count_all(), [""]
    seen: dict[bytes, int] = {}
    append = codes.append
    for value in reader.column_reader(field, translate=False):
        code = seen.get(value)
        if code is None:
            code = seen[value] = len(names)
            names.append(value.decode("utf-8"))
        append(code)
    return codes, names


@dataclass(frozen=True)
class Collected:
    total: int
    #: (score, document number) of the first ``limit`` documents in order (score 0.0 when not by relevance).
    top: list[tuple[float, int]]
    facets: dict[str, list[tuple[str, int]]]


def collect(searcher: Any, q: Any, columns: Columns, *, limit: int, scored: bool, newest: bool = True,
            days: tuple[int, int] | None = None, facets: dict[str, str] | None = None,
            only: set[int] | None = None, text: str = "") -> Collected:
    """Walk every segment once; ``facets`` maps a facet name to its field; ``days`` keeps documents dated
    in the range (proleptic ordinals, both ends included); ``only`` keeps those documents (numbers of the
    whole index); without ``scored`` the order is by date.

    Raises:
        QueryError: the search ran past ``budget.SEARCH_SECONDS``.
    """
    deadline = time.monotonic() + budget.SEARCH_SECONDS
    heap: list[tuple[Any, int]] = []
    dated: list[tuple[str, int]] = []
    total = 0
    counts: dict[str, Counter[str]] = {name: Counter() for name in facets or {}}
    context = searcher.context(needs_current=scored, weighting=searcher.weighting if scored else None)
    leaves = _leaves(searcher)
    q = fast_phrases(q, searcher.schema)
    columns.keep_only(s.reader() for s, _ in leaves)
    for sub, offset in leaves:
        reader = sub.reader()
        hidden = _withdrawn(reader)
        keep = _keep(reader, columns, days, only, offset)
        matcher = prune(q, reader).matcher(sub, context)
        if scored:
            docs = _scored(matcher, heap, limit, offset, hidden, keep, deadline, text)
        else:
            docs = _unscored(q, reader, matcher, hidden, keep)
            dated += _newest(reader, columns, docs, offset, limit, newest)
        if time.monotonic() > deadline:
            raise budget.timeout_error(text)
        total += len(docs)
        for name, field in (facets or {}).items() if docs else ():
            counts[name].update(columns.count(reader, field, docs))
    if scored:
        top = [(score, -negdoc) for score, negdoc in sorted(heap, reverse=True)]
    else:
        top = [(0.0, doc) for _, doc in sorted(dated, reverse=newest)[:limit]]
    out = {name: sorted(((k, v) for k, v in c.items() if k), key=lambda kv: (-kv[1], kv[0]))
           for name, c in counts.items()}
    return Collected(total, top, out)


def matching(searcher: Any, q: Any, columns: Columns, *, days: tuple[int, int] | None = None) -> set[int]:
    """The numbers (in the whole index) of the documents ``q`` matches, withdrawn ones left out."""
    context = searcher.boolean_context()
    found: set[int] = set()
    for sub, offset in _leaves(searcher):
        reader = sub.reader()
        matcher = prune(q, reader, scored=False).matcher(sub, context)
        found.update(d + offset for d in _unscored(q, reader, matcher, _withdrawn(reader),
                                                   _keep(reader, columns, days, None, 0)))
    return found


def _leaves(searcher: Any) -> list[tuple[Any, int]]:
    """The searcher's segments that hold documents (an index with none has a reader of no segment)."""
    return [(sub, offset) for sub, offset in searcher.leaf_searchers() if sub.reader().doc_count_all()]


def _withdrawn(reader: Any) -> set[int]:
    return set(reader.postings("withdrawn", b"yes").all_ids()) if ("withdrawn", "yes") in reader else set()


def _keep(reader: Any, columns: Columns, days: tuple[int, int] | None, only: set[int] | None,
          offset: int) -> Callable[[int], bool] | None:
    """Which documents of a segment a search keeps, by date and by number; None: all of them."""
    dated = _date_filter(reader, columns, days) if days is not None else None
    if only is None:
        return dated
    if dated is None:
        return lambda doc: doc + offset in only
    return lambda doc: doc + offset in only and dated(doc)


def prune(q: Any, reader: Any, *, scored: bool = True) -> Any:
    """The query for one segment, each word the segment lacks left out: whoosh would look each one up
    several times over (to order the clauses by size, then to match), in every field it is asked of.

    Only where leaving out cannot change what matches: a lacked word of an AND makes it match nothing;
    in an OR it is a clause that matches nothing, as before (unscored, it is dropped); under NOT nothing
    is touched.
    """
    if isinstance(q, query.Term):
        return q if (q.fieldname, q.text) in reader else query.NullQuery
    if isinstance(q, (query.And, query.Or)):
        subs = [prune(sub, reader, scored=scored) for sub in q.subqueries]
        if isinstance(q, query.And) and any(sub is query.NullQuery for sub in subs):
            return query.NullQuery
        if not scored and isinstance(q, query.Or):  # unscored, the shape of the OR does not matter
            subs = [sub for sub in subs if sub is not query.NullQuery]
            if len(subs) <= 1:
                return subs[0] if subs else query.NullQuery
        out = copy.copy(q)
        out.subqueries = subs
        return out
    if isinstance(q, query.ConstantScoreQuery):
        child = prune(q.child, reader, scored=scored)
        return query.NullQuery if child is query.NullQuery else query.ConstantScoreQuery(child, q.score)
    return q


def _unscored(q: Any, reader: Any, matcher: Any, hidden: set[int],
              keep: Callable[[int], bool] | None) -> list[int]:
    """The segment's kept documents, in order; every document is a range when none is deleted."""
    if not matcher.is_active():
        return []
    found: Iterable[int] = matcher.all_ids()
    if isinstance(q, query.Every) and not reader.has_deletions():
        found = range(reader.doc_count_all())
    if not hidden and keep is None:
        return list(found)
    return [d for d in found if d not in hidden and (keep is None or keep(d))]


def _scored(matcher: Any, heap: list[tuple[Any, int]], limit: int, offset: int, hidden: set[int],
            keep: Callable[[int], bool] | None, deadline: float, text: str) -> list[int]:
    """The segment's kept documents, each scored into ``heap``: the best ``limit`` as (score, -docnum)."""
    docs: list[int] = []
    push, replace = heapq.heappush, heapq.heapreplace
    step = 0
    while matcher.is_active():
        doc = matcher.id()
        if doc not in hidden and (keep is None or keep(doc)):
            docs.append(doc)
            item = (matcher.score(), -(doc + offset))
            if len(heap) < limit:
                push(heap, item)
            elif item > heap[0]:
                replace(heap, item)
        matcher.next()
        step += 1
        if step % _CLOCK_EVERY == 0 and time.monotonic() > deadline:
            raise budget.timeout_error(text)
    return docs


def _date_filter(reader: Any, columns: Columns, days: tuple[int, int]) -> Callable[[int], bool]:
    day = columns.days(reader)
    low, high = days
    return lambda doc: low <= day[doc] <= high


def _newest(reader: Any, columns: Columns, docs: list[int], offset: int, limit: int,
            newest: bool) -> list[tuple[str, int]]:
    """The segment's first ``limit`` documents by date, as (date, global docnum)."""
    codes, names = columns.get(reader, "date")
    key = columns.ranks(reader).__getitem__
    # Ties go by document number in the direction of the dates, as whoosh sorts (date, docnum) pairs.
    if newest:
        best = heapq.nlargest(limit, reversed(docs), key=key)
    else:
        best = heapq.nsmallest(limit, docs, key=key)
    return [(names[codes[doc]], doc + offset) for doc in best]
