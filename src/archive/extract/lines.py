"""Lines: what one line (or a short run of text) of a page is.

A byline and what it says (outlet, authors, date), a person's name or an
outlet's, a source line, an origin credit, a fair-use note, a caption, link or
feed footer that never begins an article, a trailer that ends one.  Each
function looks at one line and answers; ``segment`` decides where articles
begin and end from these answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text import split_people
from .dates import DateMatch, find_date, parse_date
from .patterns import (
    BY_RE,
    BYLINE_LIST_SEPARATOR_RE,
    CREDIT_RES,
    DASH_BYLINE_RE,
    EDITOR_NOTE_RE,
    FAIR_USE_RE,
    INLINE_BYLINE_RES,
    NOISE_RES,
    OUTLET_WORDS,
    PERSON_RE,
    READ_MORE_TAIL_RE,
    RELATED_RE,
    SMALL_WORDS,
    SOURCE_ITEM_SEPARATOR_RE,
    STAFF_RE,
    STAFF_WRITER_RE,
    TIMESTAMP_TAIL_RE,
    TRAILER_RES,
    TRAILING_AUTHOR_RE,
)


@dataclass(frozen=True)
class Byline:
    """A parsed byline: outlet, authors (joined with " & "), maybe a date."""

    outlet: str | None
    author: str | None
    date: DateMatch | None = None
    explicit: bool = True


def is_fair_use(text: str) -> bool:
    """True for a fair-use or Title 17 notice."""
    return len(text) < 1500 and bool(FAIR_USE_RE.search(text))


def is_noise(line: str) -> bool:
    """True for a caption, link, feed footer or ad line: never the start of an article."""
    stripped = line.strip()
    return any(r.match(stripped) for r in NOISE_RES)


def is_trailer(line: str) -> bool:
    """True for a line that closes an article without being part of its text."""
    stripped = line.strip()
    return any(r.match(stripped) for r in TRAILER_RES)


def parse_credit(line: str) -> tuple[str | None, str | None] | None:
    """(author, outlet) from an origin credit: "This article was originally published by X at Y.",
    "... originally appeared in Y", "The post T appeared first on Y.", a bare "atimes.com" line."""
    text = line.strip()
    for pattern in CREDIT_RES:
        match = pattern.search(text)
        if match:
            groups = match.groupdict()
            outlet = (groups.get("outlet") or "").strip().rstrip(".,") or None
            return groups.get("author"), outlet
    return None


def find_inline_byline(text: str) -> Byline | None:
    """A byline run into a teaser: "... by Nadia Prupis, staff writer for Common Dreams The ...",
    "Author: Shreya Dasgupta Researchers ...", "... balance. By Kenneth R. Weiss This article ..."."""
    for pattern in INLINE_BYLINE_RES:
        match = pattern.search(text)
        if match:
            groups = match.groupdict()
            name = groups["name"]
            if not looks_like_person(name):
                continue
            return Byline(groups.get("outlet"), name, None, explicit=False)
    return None


def is_editor_note(line: str) -> bool:
    """True for an "[Editor's note: ...]" paragraph (it belongs to the body)."""
    return bool(EDITOR_NOTE_RE.match(line.strip()))


def strip_read_more(text: str) -> str:
    """Drop a "Read More »" glued to a teaser's last sentence."""
    return READ_MORE_TAIL_RE.sub("", text)


def related_title(line: str) -> str | None:
    """The linked title of a "Related: ..." line."""
    match = RELATED_RE.match(line.strip())
    return match.group(1).strip() if match else None


def looks_like_person(text: str) -> bool:
    """True when ``text`` reads as one person's name ("Jon Lockett", "Xuan Loc DOAN")."""
    text = text.strip()
    if not text or len(text) > 60 or STAFF_RE.match(text):
        return False
    return bool(PERSON_RE.match(text))


def looks_like_name_line(text: str) -> bool:
    """A short capitalised line with no sentence punctuation: an outlet or a person."""
    text = text.strip()
    words = text.split()
    if not 1 <= len(words) <= 7 or len(text) > 70:
        return False
    if text[-1] in ".?!:;,\"”’'" and not text.endswith(".com") and not text.endswith(".org"):
        return False
    caps = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    small = sum(1 for w in words if w.lower() in SMALL_WORDS and not w[0].isupper())
    return caps + small == len(words) and caps >= 1


def _clean_name(text: str) -> str:
    text = text.strip().strip(",:;").strip()
    if text.isupper() and len(text) > 3:
        text = " ".join(_title_word(w) for w in text.split())
    return text


def _title_word(word: str) -> str:
    if len(word) <= 2 and word.endswith("."):
        return word
    lower = word.lower()
    if lower.startswith("mc") and len(word) > 2:
        return "Mc" + lower[2:].capitalize()
    return "-".join(p.capitalize() for p in lower.split("-"))


def _split_authors(text: str) -> list[str]:
    return [_clean_name(p) for p in split_people(text)]


def _staff_outlet(text: str) -> str | None:
    """For "Pacific Wire Staff" the outlet; None when the text is not a staff credit."""
    match = STAFF_RE.match(text.strip())
    if not match:
        return None
    return (match.group("of") or "").strip() or ""


def _authors_or_none(text: str) -> str | None:
    if _staff_outlet(text) is not None:
        return None
    names = _split_authors(text)
    if not names:
        return None
    if not all(looks_like_person(n) or (n.isupper() and looks_like_person(_clean_name(n))) for n in names):
        return None
    return " & ".join(names)


def _slash_pair(text: str) -> tuple[str | None, str] | None:
    """ "Author / Outlet" or "Outlet Staff / Outlet" -> (authors, outlet)."""
    if text.count(" / ") != 1:
        return None
    left, right = (p.strip() for p in text.split(" / "))
    if not left or not right or len(right.split()) > 8:
        return None
    if _staff_outlet(left) is not None:
        return None, _clean_name(right)
    authors = _authors_or_none(left)
    if authors is None:
        return None
    return authors, _clean_name(right)


def parse_byline(line: str) -> Byline | None:
    """A line read as an explicit byline, or None.

    Forms: "By Author, Outlet", "by Author, staff writer", "Author / Outlet",
    "Author & Author / Outlet", "Outlet Staff / Outlet", "Author | Outlet | Date",
    "Outlet | Date", "Author – Outlet, 14 Jul 2014", "(A / O & B / O)".
    """
    text = line.strip()
    if not text or len(text) > 200:
        return None
    if text.startswith("(") and text.endswith(")"):
        return _parse_byline_list(text[1:-1].strip())
    if "|" in text:
        parts = [p.strip() for p in text.split("|") if p.strip()]
        if 2 <= len(parts) <= 3:
            date = parse_date(parts[-1])
            names = parts[:-1] if date else parts
            if date or len(names) == 2:
                if len(names) == 1 and looks_like_name_line(names[0]):
                    return Byline(_clean_name(names[0]), None, date)
                if len(names) == 2 and looks_like_name_line(names[1]):
                    return Byline(_clean_name(names[1]), _authors_or_none(names[0]), date)
        return None
    by = BY_RE.match(text)
    if by:
        return _parse_by(by.group(1))
    dash = DASH_BYLINE_RE.match(text)
    if dash:
        date = parse_date(dash.group("date"))
        authors = _authors_or_none(dash.group("who").replace(", ", " & "))
        if date and authors:
            return Byline(_clean_name(dash.group("outlet")), authors, date)
    pair = _slash_pair(text)
    if pair:
        return Byline(pair[1], pair[0])
    return None


def _parse_by(rest: str) -> Byline | None:
    rest = rest.strip().rstrip(":").strip()
    pair = _slash_pair(rest)
    if pair:
        return Byline(pair[1], pair[0])
    who, _, tail = rest.partition(",")
    authors = _authors_or_none(who)
    if authors is None:
        return None
    tail = tail.strip()
    if not tail:
        return Byline(None, authors)
    writer = STAFF_WRITER_RE.match(tail)
    if writer:
        outlet = writer.group("outlet")
        return Byline(_clean_name(outlet) if outlet else None, authors)
    date = parse_date(tail)
    if date:
        return Byline(None, authors, date)
    if looks_like_name_line(tail):
        return Byline(_clean_name(tail), authors)
    return None


def _parse_byline_list(inner: str) -> Byline | None:
    outlets: list[str] = []
    authors: list[str] = []
    for entry in BYLINE_LIST_SEPARATOR_RE.split(inner):
        pair = entry.split(" / ")
        if len(pair) == 2:
            who = _authors_or_none(pair[0])
            if who is None and _staff_outlet(pair[0]) is None:
                return None
            if who:
                authors.extend(who.split(" & "))
            outlet = _clean_name(pair[1])
        elif looks_like_name_line(entry):
            outlet = _clean_name(entry)
        else:
            return None
        if outlet not in outlets:
            outlets.append(outlet)
    if not outlets or (not authors and not all(looks_like_outlet(o) or len(outlets) > 1 for o in outlets)):
        return None
    return Byline(" & ".join(outlets), "; ".join(authors) or None)


def parse_trailing_author(text: str) -> tuple[str, str] | None:
    """ "... last words. — Joana Suleiman" -> (text without the credit, author)."""
    match = TRAILING_AUTHOR_RE.search(text)
    if not match or not looks_like_person(match.group("name")):
        return None
    return text, match.group("name")


@dataclass(frozen=True)
class SourceEntry:
    """One "Author / Outlet" or "Outlet" item of a page's source line."""

    outlet: str | None
    authors: tuple[str, ...]
    raw: str


def parse_source_line(line: str) -> tuple[list[SourceEntry], DateMatch | None] | None:
    """The compiler's source line "A / O & O2 & B & C / O3 – 2016-10-20 23:32:13"."""
    text = line.strip()
    tail = TIMESTAMP_TAIL_RE.search(text)
    if not tail or tail.start() == 0:
        return None
    date = find_date(tail.group("date"))
    body = text[:tail.start()].strip()
    items = [i.strip() for i in SOURCE_ITEM_SEPARATOR_RE.split(body) if i.strip()]
    entries: list[SourceEntry] = []
    pending: list[str] = []
    for item in items:
        if " / " in item:
            left, _, right = item.partition(" / ")
            pending.append(left.strip())
            # The people just before a slash are its authors; what comes before
            # them are outlets listed on their own.
            cut = len(pending)
            while cut > 0 and ((looks_like_person(pending[cut - 1]) and not looks_like_outlet(pending[cut - 1]))
                               or _staff_outlet(pending[cut - 1]) is not None):
                cut -= 1
            if cut == len(pending):
                cut -= 1
            entries.extend(SourceEntry(_clean_name(p), (), p) for p in pending[:cut])
            authors = tuple(_clean_name(p) for p in pending[cut:] if _staff_outlet(p) is None)
            entries.append(SourceEntry(_clean_name(right), authors, item))
            pending = []
        else:
            pending.append(item)
    entries.extend(SourceEntry(_clean_name(p), (), p) for p in pending)
    return entries, date


def looks_like_outlet(text: str) -> bool:
    """True for a name that reads as a publication rather than a person."""
    words = text.strip().split()
    if not words:
        return False
    if words[0].lower() == "the" or any(w.isupper() and len(w) >= 2 for w in words):
        return True
    return any(w.lower().strip(".,") in OUTLET_WORDS for w in words) or "." in words[-1]


def title_case_ratio(text: str) -> float:
    """Share of the significant words that start with a capital letter (or digit), of the first 40 words."""
    words = [w.strip("‘’“”\"'()[]:,;.!?–—-") for w in text.split()[:40]]
    words = [w for w in words if w and (w[0].isalpha() or any(map(str.isalpha, w)))]
    if not words:
        return 0.0
    significant = [w for w in words if w.lower() not in SMALL_WORDS] or words
    caps = sum(1 for w in significant if w[0].isupper() or w[0].isdigit())
    return caps / len(significant)


def is_all_caps(text: str) -> bool:
    """Four letters or more, every cased one a capital: "BREAKING NEWS"."""
    head = text[:200]
    return head.isupper() and sum(map(str.isalpha, head)) >= 4
