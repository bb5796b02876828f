"""Query checking: a user's query in archive's language -> a query the engine reads as meant.

The query language: words (all required), "phrases", OR, NOT / -word,
parentheses, field:value for title, outlet, author, date, year, month, page, tag,
word* and word~.  ``check_query`` rejects what the parser would silently
misread (unbalanced quotes or parentheses, unknown fields) with a message that
points at the problem.  ``date:2016-10`` is read as the whole month.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..errors import QueryError
from .budget import check_budget

#: Fields a query may name.
QUERY_FIELDS = ("title", "body", "outlet", "author", "date", "year", "month", "page", "id", "tag")
_FIELD_RE = re.compile(r"(?<![\w\"])([A-Za-z_]+):(?!//)")
_DATE_VALUE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def check_query(text: str) -> str:
    """Return the query, rewritten where archive's syntax differs from the parser's.

    Raises:
        QueryError: unbalanced quotes or parentheses, an unknown field, a bad date, a query over
            budget (``budget``).
    """
    text = check_budget(text)
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
    # Field names are read in any case ("Title:" is "title:"), as the message above promises.
    text = _lower_fields(text)
    return _lower_patterns(_rewrite_minus(_rewrite_dates(text)))


def _lower_fields(text: str) -> str:
    out = []
    for n, part in enumerate(re.split(r'("[^"]*")', text)):
        out.append(part if n % 2 else _FIELD_RE.sub(lambda m: f"{m.group(1).lower()}:", part))
    return "".join(out)


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
            _check_range(value, text)
            return match.group(0)
        if not valid_date(value):
            raise QueryError(f"bad date '{value}' in query {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD, "
                             f"or date:[2016-10-01 TO 2016-10-31])", query=text)
        if len(value) == 4:
            return f"year:{value}"
        if len(value) == 7:
            return f"month:{value}"
        return f"date:{value}"

    for field, value in re.findall(r"\b(year|month):(\S+)", text):
        if value != "undated" and not (valid_date(value) and len(value) == (4 if field == "year" else 7)):
            raise QueryError(f"bad {field} '{value}' in query {text!r} (use "
                             f"{'YYYY' if field == 'year' else 'YYYY-MM'}, or undated)", query=text)
    return re.sub(r"\b(date):(\[[^\]]*\]|\S+)", month, text)


def _check_range(value: str, text: str) -> None:
    """A date range's ends are dates, and the first is not after the last."""
    ends = [e.strip() for e in re.split(r"\bTO\b", value.strip("[]"), maxsplit=1)] + [""]
    for end in ends[:2]:
        if end and not valid_date(end):
            raise QueryError(f"bad date '{end}' in the range {value} of query {text!r} "
                             f"(use YYYY, YYYY-MM or YYYY-MM-DD)", query=text)
    check_order(ends[0], ends[1], text, what=f"the range {value}")


def first_day(value: str) -> str:
    """The first day a YYYY, YYYY-MM or YYYY-MM-DD value covers."""
    return (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10]


def last_day(value: str) -> str:
    """The last day a YYYY, YYYY-MM or YYYY-MM-DD value covers."""
    if len(value) == 4:
        return f"{value}-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value


def check_order(low: str | None, high: str | None, text: str, *, what: str) -> None:
    """Raise ``QueryError`` when ``low`` starts after ``high`` ends: a range that can hold nothing."""
    if low and high and first_day(low) > last_day(high):
        raise QueryError(f"{what} is reversed: {low} is after {high} (swap them)", query=text)


def valid_date(value: str) -> bool:
    if not _DATE_VALUE_RE.match(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return parts[0] >= 1


def date_bound(value: str, *, end: bool) -> int:
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
