"""Results: a user's query and filters -> ``SearchResult`` of ``Hit``s and facets.

Facets count every hit, not only the page shown; a snippet's highlight marks
become offsets into its plain text; ``excerpt`` cuts a long text down to the
places a query's words are likely found, for an engine to highlight.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..errors import QueryError
from ..models import Facet, Hit, SearchResult
from ..text import split_credit
from .index import FACETS, HL_CLOSE, HL_OPEN, RawHit, SearchIndex, SearchRequest
from .query import check_order, check_query, valid_date


def run_search(idx: SearchIndex, text: str, *, outlet: str | None = None, author: str | None = None,
               tag: str | None = None,
               since: str | None = None, until: str | None = None, needs_review: bool = False,
               limit: int = 10, page: int = 1, sort: str = "relevance",
               facets: tuple[str, ...] = ("outlet", "author", "year"),
               body_for: Callable[[str], str] | None = None, snippets: bool = True) -> SearchResult:
    """Search the index; facets count every hit, not only the page shown."""
    for name in facets:
        if name not in FACETS:
            raise QueryError(f"unknown facet '{name}' (facets: {', '.join(FACETS)})", query=text)
    for label, value in (("--since", since), ("--until", until)):
        if value and not valid_date(value):
            raise QueryError(f"bad date for {label}: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)", query=text)
    check_order(since, until, text, what=f"--since {since} --until {until}")
    request = SearchRequest(text=check_query(text), outlet=outlet, author=author, tag=tag, since=since, until=until,
                            needs_review=needs_review, limit=limit, page=page, sort=sort, facets=facets,
                            snippets=snippets)
    raw = idx.search(request, body_for=body_for)
    if raw.total and page > 1 and (page - 1) * limit >= raw.total:
        last = -(-raw.total // limit)
        raise QueryError(f"--page {page} is past the end: {raw.total} hit(s) make {last} page(s) of {limit}",
                         query=text)
    facet_list = tuple(Facet(name, tuple(_by_name(name, raw.facets.get(name, [])))) for name in facets)
    return SearchResult(query=text, total=raw.total, hits=tuple(map(_hit, raw.hits)), facets=facet_list,
                        suggestion=raw.corrected, suggestion_total=raw.corrected_total,
                        partial=tuple(map(_hit, raw.partial)), partial_total=raw.partial_total)


def _hit(item: RawHit) -> Hit:
    snippet, marks = split_marks(item.snippet)
    f = item.fields
    return Hit(id=f["id"], title=f.get("title", ""), outlet=f.get("outlet") or None,
               author=f.get("author") or None, date=f.get("date") or None, score=item.score,
               snippet=snippet, highlights=tuple(marks), missing=item.missing)


def _by_name(facet: str, counts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Counts of credits -> counts of names: each outlet or author of a joint credit, and each tag of an
    article, is a value of its own."""
    if facet not in ("outlet", "author", "tag"):
        return counts
    merged: dict[str, int] = {}
    for credit, count in counts:
        names = credit.split(",") if facet == "tag" else split_credit(credit, kind=facet)
        for name in names or [credit]:
            merged[name] = merged.get(name, 0) + count
    return sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))


def similar_articles(idx: SearchIndex, object_id: str, text: str, *, limit: int = 10) -> list[Hit]:
    """The articles whose key terms are most like ``text`` (the text of ``object_id``)."""
    return [Hit(id=h.fields["id"], title=h.fields.get("title", ""), outlet=h.fields.get("outlet") or None,
                author=h.fields.get("author") or None, date=h.fields.get("date") or None, score=h.score,
                snippet="") for h in idx.similar(object_id, text, limit=limit)]


def split_marks(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Snippet with highlight marks -> (plain text with spaces folded, [(start, end), ...])."""
    plain: list[str] = []
    marks: list[tuple[int, int]] = []
    start = 0
    for char in marked.strip():
        if char == HL_OPEN:
            start = len(plain)
        elif char == HL_CLOSE:
            marks.append((start, len(plain)))
        elif char.isspace():
            if plain and plain[-1] != " ":
                plain.append(" ")
        else:
            plain.append(char)
    return "".join(plain), marks


def excerpt(text: str, stems: list[str], *, window: int = 400, most: int = 4) -> str:
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
