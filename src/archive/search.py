"""Searching: a user's query and filters -> ``SearchResult`` of ``Hit``s and facets.

The query language: words (all required), "phrases", OR, NOT / -word,
parentheses, field:value for title, outlet, author, date, year, month, page,
word* and word~.  ``check_query`` rejects what the parser would silently
misread (unbalanced quotes or parentheses, unknown fields) with a message that
points at the problem.  ``date:2016-10`` is read as the whole month.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .errors import QueryError
from .index import FACET_FIELDS, HL_CLOSE, HL_OPEN, QUERY_FIELDS, SearchIndex, SearchRequest
from .models import Facet, Hit, SearchResult

_FIELD_RE = re.compile(r"(?<![\w\"])([A-Za-z_]+):(?!//)")
_DATE_VALUE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def check_query(text: str) -> str:
    """Return the query, rewritten where archive's syntax differs from the parser's.

    Raises:
        QueryError: unbalanced quotes or parentheses, an unknown field, a bad date.
    """
    if text.count('"') % 2:
        at = text.rfind('"')
        raise QueryError(f"unbalanced quote in query {text!r} (the \" at character {at + 1} is never closed)",
                         query=text)
    depth = 0
    for position, char in enumerate(_outside_quotes(text)):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                raise QueryError(f"unbalanced parenthesis in query {text!r} (a ')' at character {position + 1} "
                                 f"closes nothing)", query=text)
    if depth:
        raise QueryError(f"unbalanced parenthesis in query {text!r} ({depth} '(' never closed)", query=text)
    for match in _FIELD_RE.finditer(_outside_quotes(text)):
        name = match.group(1).lower()
        if name not in QUERY_FIELDS:
            raise QueryError(f"unknown field '{match.group(1)}:' in query {text!r} "
                             f"(fields: {', '.join(sorted(QUERY_FIELDS))})", query=text)
    return _lower_patterns(_rewrite_minus(_rewrite_dates(text)))


def _lower_patterns(text: str) -> str:
    """Prefix and wildcard words are matched against indexed (lower-cased) terms as written."""
    out = []
    for n, part in enumerate(re.split(r'("[^"]*")', text)):
        out.append(part if n % 2 else re.sub(r"(?<![\w:])[\w-]*[*?][\w*?-]*", lambda m: m.group(0).lower(), part))
    return "".join(out)


def _rewrite_minus(text: str) -> str:
    """ "-word" and "-(a b)" at the start of a word mean NOT; "US-led" keeps its hyphen."""
    out = []
    for n, part in enumerate(re.split(r'("[^"]*")', text)):
        out.append(part if n % 2 else re.sub(r"(^|[\s(])-(?=[\w(\"])", r"\1NOT ", part))
    return "".join(out)


def _outside_quotes(text: str) -> str:
    """``text`` with quoted phrases blanked out, same length."""
    return re.sub(r'"[^"]*"', lambda m: " " * len(m.group(0)), text)


def _rewrite_dates(text: str) -> str:
    def month(match: re.Match[str]) -> str:
        value = match.group(2)
        if value.startswith("["):
            return match.group(0)
        if not _DATE_VALUE_RE.match(value):
            raise QueryError(f"bad date '{value}' in query {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD, "
                             f"or date:[2016-10-01 TO 2016-10-31])", query=text)
        if len(value) == 4:
            return f"year:{value}"
        if len(value) == 7:
            return f"month:{value}"
        return f"date:{value}"

    return re.sub(r"\b(date):(\[[^\]]*\]|\S+)", month, text)


def run_search(idx: SearchIndex, text: str, *, outlet: str | None = None, author: str | None = None,
               since: str | None = None, until: str | None = None, needs_review: bool = False,
               limit: int = 10, page: int = 1, sort: str = "relevance",
               facets: tuple[str, ...] = ("outlet", "author", "year"),
               body_for: Callable[[str], str] | None = None, snippets: bool = True) -> SearchResult:
    """Search the index; facets count every hit, not only the page shown."""
    for name in facets:
        if name not in FACET_FIELDS:
            raise QueryError(f"unknown facet '{name}' (facets: {', '.join(FACET_FIELDS)})", query=text)
    for label, value in (("--since", since), ("--until", until)):
        if value and not _valid_date(value):
            raise QueryError(f"bad date for {label}: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)", query=text)
    request = SearchRequest(text=check_query(text), outlet=outlet, author=author, since=since, until=until,
                            needs_review=needs_review, limit=limit, page=page, sort=sort, facets=facets,
                            snippets=snippets)
    raw = idx.search(request, body_for=body_for)
    hits = []
    for item in raw.hits:
        snippet, marks = split_marks(item.snippet)
        f = item.fields
        hits.append(Hit(id=f["id"], title=f.get("title", ""), outlet=f.get("outlet") or None,
                        author=f.get("author") or None, date=f.get("date") or None, score=item.score,
                        snippet=snippet, highlights=tuple(marks)))
    facet_list = tuple(Facet(name, tuple(raw.facets.get(name, []))) for name in facets)
    return SearchResult(query=text, total=raw.total, hits=tuple(hits), facets=facet_list,
                        suggestion=raw.corrected)


def similar_articles(idx: SearchIndex, object_id: str, text: str, *, limit: int = 10) -> list[Hit]:
    """The articles whose key terms are most like ``text`` (the text of ``object_id``)."""
    return [Hit(id=h.fields["id"], title=h.fields.get("title", ""), outlet=h.fields.get("outlet") or None,
                author=h.fields.get("author") or None, date=h.fields.get("date") or None, score=h.score,
                snippet="") for h in idx.similar(object_id, text, limit=limit)]


def _valid_date(value: str) -> bool:
    if not _DATE_VALUE_RE.match(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return parts[0] >= 1


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
