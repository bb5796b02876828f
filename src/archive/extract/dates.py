"""Dates: the dates a news page writes, as ISO dates.

A date in any common form ("Oct. 20, 2016", "20 October 2016", "2016-10-20"),
a dateline opening a paragraph, a wire dateline, a blog's date line, a date in
a URL.  Each answer is a ``DateMatch``: the ISO date, the text as written, and
where it ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import (
    DATE_RE,
    DATELINE_RE,
    MONTHS,
    PAGE_DATE_LINE_RE,
    URL_DATE_RE,
    WIRE_DATELINE_RE,
    YEAR_DIGITS_RE,
)


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: ISO form, the text as written, and where it ends."""

    iso: str
    text: str
    end: int


def _iso(match: re.Match[str]) -> str | None:
    g = match.groupdict()
    try:
        if g.get("cy"):
            year, month, day = int(g["cy"]), int(g["cm"]), int(g["cd"])
        elif g.get("iy"):
            year, month, day = int(g["iy"]), int(g["im"]), int(g["id"])
        elif g.get("am"):
            year, month, day = int(g["ay"]), MONTHS[g["am"].rstrip(".").lower()], int(g["ad"])
        elif g.get("bm"):
            year, month, day = int(g["by"]), MONTHS[g["bm"].rstrip(".").lower()], int(g["bd"])
        elif g.get("dd"):
            year, month, day = int(g["dy"]), int(g["dm"]), int(g["dd"])
        else:
            first, second, year = int(g["sa"]), int(g["sb"]), int(g["sy"])
            # "20/10/2016" is day first; "10/20/2016" can only be month first
            month, day = (first, second) if second > 12 >= first else (second, first)
    except (KeyError, TypeError, ValueError):
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1800 <= year <= 2200):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_date(text: str) -> DateMatch | None:
    """The first date written in ``text``, or None."""
    if not YEAR_DIGITS_RE.search(text):
        return None  # every date form this reads has a four-digit year; most lines have none
    for match in DATE_RE.finditer(text):
        iso = _iso(match)
        if iso:
            return DateMatch(iso, match.group(0), match.end())
    return None


def parse_date(text: str) -> DateMatch | None:
    """``text`` as a date when the whole of it is one date, else None."""
    stripped = text.strip().strip("()").strip()
    match = DATE_RE.fullmatch(stripped)
    if not match:
        return None
    iso = _iso(match)
    return DateMatch(iso, stripped, len(text)) if iso else None


def match_dateline(text: str) -> DateMatch | None:
    """A dateline that opens a paragraph ("(October 20, 2016) — "); ``end`` is where the body starts."""
    match = DATELINE_RE.match(text)
    if not match:
        return None
    date = find_date(match.group("date"))
    if date is None:
        return None
    return DateMatch(date.iso, match.group(0).strip(), match.end())


def match_wire_dateline(text: str) -> tuple[DateMatch, str] | None:
    """A wire dateline ("Vatican City, Jan 24, 2018 / 04:26 am (CNA/EWTN News).- ") and its agency."""
    match = WIRE_DATELINE_RE.match(text)
    if not match:
        return None
    date = find_date(match.group("date"))
    if date is None:
        return None
    return DateMatch(date.iso, match.group(0).strip(), match.end()), match.group("agency").strip()


def match_page_date_line(text: str) -> DateMatch | None:
    """A blog's "October 20th, 2016 - by admin" or "Posted on 2017-03-03 by editor" line."""
    match = PAGE_DATE_LINE_RE.match(text.strip())
    if not match:
        return None
    return find_date(match.group("date") or match.group("date2"))


def url_date(line: str) -> DateMatch | None:
    """A date in a source URL's path (".../2017/11/13/...")."""
    match = URL_DATE_RE.search(line)
    if not match:
        return None
    return find_date(f"{match.group('y')}-{int(match.group('m')):02d}-{int(match.group('d')):02d}")
