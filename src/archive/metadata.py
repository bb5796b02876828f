"""Metadata of pages and articles: dates, datelines, bylines, furniture lines.

Every function here looks at one line (or a short run of text) and says what it
is; ``split.py`` decides where articles begin and end from these answers.
Structured data (JSON-LD, ``<meta>``) is read by ``read.py`` for the page only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import split_people

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_ORD = r"(?:st|nd|rd|th)?"
#: A date as written in a news page, in any of the common forms.
DATE = (
    rf"(?:(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})"
    rf"|(?P<am>{_MONTH}),?\s+(?P<ad>\d{{1,2}}){_ORD},?\s+(?P<ay>\d{{4}})"
    rf"|(?P<bd>\d{{1,2}}){_ORD}\s+(?P<bm>{_MONTH}),?\s+(?P<by>\d{{4}}))"
)
_DATE_RE = re.compile(DATE, re.IGNORECASE)
#: The same pattern without group names, to embed in larger patterns.
_DATE_ANY = re.sub(r"\?P<\w+>", "", DATE)
_DASH = r"(?:—|–|--|-|―)"
#: "(October 20, 2016) — ", "KESTREL BAY (November 19, 2016) — ", "March 2, 2017 — ".
_DATELINE_RE = re.compile(
    rf"^(?P<place>(?-i:[A-Z][A-Z.'’ -]{{1,40}}(?:,\s*[A-Z][A-Za-z.]{{1,20}})?)\s+)?"
    rf"(?P<open>\()?(?P<date>{_DATE_ANY})(?(open)\))\s*{_DASH}\s*",
    re.IGNORECASE,
)
#: "Vatican City, Jan 24, 2018 / 04:26 am (CNA/EWTN News).- ": a wire dateline kept in the body.
_WIRE_RE = re.compile(
    rf"^[A-Z][\w .'’-]{{1,40}},\s+(?P<date>{_DATE_ANY})\s*/\s*[\d:]+\s*[ap]\.?m\.?\s*"
    rf"\((?P<agency>[^()]{{2,40}})\)\.?\s*-",
    re.IGNORECASE,
)
_PAGE_DATE_LINE_RE = re.compile(
    rf"^(?:Posted\s+on\s+)?(?P<date>{_DATE_ANY})(?:\s*{_DASH}\s*|\s+)by\s+\S+$"
    rf"|^(?:Posted|Published)\s+(?:on\s+)?(?P<date2>{_DATE_ANY})$",
    re.IGNORECASE,
)
_TIMESTAMP_TAIL_RE = re.compile(
    rf"\s*{_DASH}\s*(?P<date>\d{{4}}-\d{{2}}-\d{{2}})(?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*$"
)
_FAIR_USE_RE = re.compile(
    r"fair[ -]use|title\s+17,?\s+(?:section|§)\s*107|section\s+107\s+of\s+the\s+u\.?s\.?\s+copyright",
    re.IGNORECASE,
)
_STAFF_RE = re.compile(r"^(?:(?P<of>.+?)\s+)?(?:staff|staff writers?|editors|newsroom|wire staff|reporters)$",
                       re.IGNORECASE)
_STAFF_WRITER_RE = re.compile(
    r"^(?:an?\s+)?(?:staff\s+writer|senior\s+writer|contributing\s+writer|correspondent|reporter|editor)"
    r"(?:\s+(?:for|at|with)\s+(?P<outlet>.+))?$",
    re.IGNORECASE,
)
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|[A-Z]\.|[\"“][A-Z][\w'’.-]*[\"”]|de|da|di|del|van|von|der|al|bin|la|le|du)"
_PERSON_RE = re.compile(rf"^(?:(?:Dr|Hon|Rev|Prof|Sir|Mr|Mrs|Ms)\.?\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}$")

#: Links and feed footers: inside an article they never begin one; at its end they are not its text.
_FEED_AND_LINK_RES = (
    re.compile(r"^Read\s+more\b", re.IGNORECASE),
    re.compile(r"^(?:Source|Via|Originally published at)\s*:\s*\S+", re.IGNORECASE),
    re.compile(r"^The post .+ appeared first on .+\.?$", re.IGNORECASE),
    re.compile(r"^\(?more(?:…|\.\.\.)\)?$", re.IGNORECASE),
    re.compile(r"^https?://\S+$"),
)
#: Lines inside an article that never begin one: captions, links, feed footers, ads.
NOISE_RES = (
    re.compile(r"^(?:Top\s+)?Photo(?:graph)?s?\s*:", re.IGNORECASE),
    re.compile(r"^\((?:[^()]*\s)?photo\b[^()]*\)$", re.IGNORECASE),
    re.compile(r"^Related\s*:", re.IGNORECASE),
    *_FEED_AND_LINK_RES,
    re.compile(r"^Headline\s*:", re.IGNORECASE),
    re.compile(r"^(?:Advertisement|ADVERTISEMENT|Sponsored|Share this:?)$"),
)
#: Lines that end an article's body without being part of it.
TRAILER_RES = (
    *_FEED_AND_LINK_RES,
    re.compile(r"^Share this:?$", re.IGNORECASE),
    re.compile(r"^This (?:article|post|story|piece) (?:has been|was|is) (?:contributed|republished|reprinted|"
               r"originally published|cross-posted)", re.IGNORECASE),
    re.compile(r"^A version of this (?:piece|article|story) (?:also )?(?:appeared|ran)", re.IGNORECASE),
    re.compile(r"^Read more (?:great )?(?:articles|stories) (?:here|at)", re.IGNORECASE),
    re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|info|co\.uk|news)$", re.IGNORECASE),
)
_CREDIT_RES = (
    re.compile(r"^This (?:article|post|story|piece) was (?:originally|first) (?:published|posted) by "
               r"(?P<author>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})"
               r"(?:\s+(?:at|on|in)\s+(?:his|her|their|the)?\s*(?P<outlet>[A-Z][^.]{1,60}?))?\.?$"),
    re.compile(r"(?:originally|first) (?:appeared|published) (?:in|on|at) (?P<outlet>[A-Z][\w'’&-]*"
               r"(?:\s+[A-Z][\w'’&-]*){0,5})"),
    re.compile(r"^The post .+ appeared first on (?P<outlet>.+?)\.?$"),
    re.compile(r"^Read More @ (?P<outlet>\S+?)\.?$", re.IGNORECASE),
    re.compile(r"^(?P<outlet>(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|info|co\.uk|news))$",
               re.IGNORECASE),
)
_URL_DATE_RE = re.compile(r"https?://\S*?/(?P<y>(?:19|20)\d{2})/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/")
_EDITOR_NOTE_RE = re.compile(r"^\[?\s*Editor[’']?s?[’']?\s+note\b", re.IGNORECASE)
_READ_MORE_TAIL_RE = re.compile(r"\s*(?:Read More\s*»|\.\.\.\s*read more\.?|\(more…\)|Read more\.?)\s*$",
                                re.IGNORECASE)


def _words(text: str) -> list[str]:
    return text.split()


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: ISO form, the text as written, and where it ends."""

    iso: str
    text: str
    end: int


@dataclass(frozen=True)
class Byline:
    """A parsed byline: outlet, authors (joined with " & "), maybe a date."""

    outlet: str | None
    author: str | None
    date: DateMatch | None = None
    explicit: bool = True


def _iso(match: re.Match[str]) -> str | None:
    g = match.groupdict()
    try:
        if g.get("iy"):
            year, month, day = int(g["iy"]), int(g["im"]), int(g["id"])
        elif g.get("am"):
            year, month, day = int(g["ay"]), _MONTHS[g["am"].rstrip(".").lower()], int(g["ad"])
        else:
            year, month, day = int(g["by"]), _MONTHS[g["bm"].rstrip(".").lower()], int(g["bd"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1800 <= year <= 2200):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_date(text: str) -> DateMatch | None:
    """The first date written in ``text``, or None."""
    for match in _DATE_RE.finditer(text):
        iso = _iso(match)
        if iso:
            return DateMatch(iso, match.group(0), match.end())
    return None


def parse_date(text: str) -> DateMatch | None:
    """``text`` as a date when the whole of it is one date, else None."""
    stripped = text.strip().strip("()").strip()
    match = _DATE_RE.fullmatch(stripped)
    if not match:
        return None
    iso = _iso(match)
    return DateMatch(iso, stripped, len(text)) if iso else None


def match_dateline(text: str) -> DateMatch | None:
    """A dateline that opens a paragraph ("(October 20, 2016) — "); ``end`` is where the body starts."""
    match = _DATELINE_RE.match(text)
    if not match:
        return None
    date = find_date(match.group("date"))
    if date is None:
        return None
    return DateMatch(date.iso, match.group(0).strip(), match.end())


def match_wire_dateline(text: str) -> tuple[DateMatch, str] | None:
    """A wire dateline ("Vatican City, Jan 24, 2018 / 04:26 am (CNA/EWTN News).- ") and its agency."""
    match = _WIRE_RE.match(text)
    if not match:
        return None
    date = find_date(match.group("date"))
    if date is None:
        return None
    return DateMatch(date.iso, match.group(0).strip(), match.end()), match.group("agency").strip()


def match_page_date_line(text: str) -> DateMatch | None:
    """A blog's "October 20th, 2016 - by admin" or "Posted on 2017-03-03 by editor" line."""
    match = _PAGE_DATE_LINE_RE.match(text.strip())
    if not match:
        return None
    return find_date(match.group("date") or match.group("date2"))


def is_fair_use(text: str) -> bool:
    """True for a fair-use or Title 17 notice."""
    return len(text) < 1500 and bool(_FAIR_USE_RE.search(text))


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
    for pattern in _CREDIT_RES:
        match = pattern.search(text)
        if match:
            groups = match.groupdict()
            outlet = (groups.get("outlet") or "").strip().rstrip(".,") or None
            return groups.get("author"), outlet
    return None


_INLINE_NAME = r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+))"
_INLINE_BYLINE_RES = (
    re.compile(rf"(?:^|[\s.])[Bb]y\s+{_INLINE_NAME},\s+(?:an?\s+)?(?:staff|senior|contributing)\s+writer\s+"
               rf"(?:for|at|with)\s+(?P<outlet>[A-Z][\w'’&.-]*(?:\s+(?!The\b|A\b|An\b|In\b|On\b)[A-Z][\w'’&.-]*)*)"),
    re.compile(rf"^(?:Author:\s*|By\s+){_INLINE_NAME}\b"),
    re.compile(rf"(?:^|[.:!?…]\s+)(?:Author:\s*|By\s+){_INLINE_NAME}\b"),
    re.compile(rf"\bAuthor:\s*{_INLINE_NAME}\b"),
)


def find_inline_byline(text: str) -> Byline | None:
    """A byline run into a teaser: "... by Nadia Prupis, staff writer for Common Dreams The ...",
    "Author: Shreya Dasgupta Researchers ...", "... balance. By Kenneth R. Weiss This article ..."."""
    for pattern in _INLINE_BYLINE_RES:
        match = pattern.search(text)
        if match:
            groups = match.groupdict()
            name = groups["name"]
            if not looks_like_person(name):
                continue
            return Byline(groups.get("outlet"), name, None, explicit=False)
    return None


def url_date(line: str) -> DateMatch | None:
    """A date in a source URL's path (".../2017/11/13/...")."""
    match = _URL_DATE_RE.search(line)
    if not match:
        return None
    return find_date(f"{match.group('y')}-{int(match.group('m')):02d}-{int(match.group('d')):02d}")


def is_editor_note(line: str) -> bool:
    """True for an "[Editor's note: ...]" paragraph (it belongs to the body)."""
    return bool(_EDITOR_NOTE_RE.match(line.strip()))


def strip_read_more(text: str) -> str:
    """Drop a "Read More »" glued to a teaser's last sentence."""
    return _READ_MORE_TAIL_RE.sub("", text)


def related_title(line: str) -> str | None:
    """The linked title of a "Related: ..." line."""
    match = re.match(r"^Related\s*:\s*(.+)$", line.strip(), re.IGNORECASE)
    return match.group(1).strip() if match else None


def looks_like_person(text: str) -> bool:
    """True when ``text`` reads as one person's name ("Jon Lockett", "Xuan Loc DOAN")."""
    text = text.strip()
    if not text or len(text) > 60 or _STAFF_RE.match(text):
        return False
    return bool(_PERSON_RE.match(text))


def looks_like_name_line(text: str) -> bool:
    """A short capitalised line with no sentence punctuation: an outlet or a person."""
    text = text.strip()
    words = text.split()
    if not 1 <= len(words) <= 7 or len(text) > 70:
        return False
    if text[-1] in ".?!:;,\"”’'" and not text.endswith(".com") and not text.endswith(".org"):
        return False
    caps = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    small = sum(1 for w in words if w.lower() in _SMALL_WORDS and not w[0].isupper())
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
    match = _STAFF_RE.match(text.strip())
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
    by = re.match(r"^by\s+(.+?):?$", text, re.IGNORECASE)
    if by:
        return _parse_by(by.group(1))
    dash = re.match(r"^(?P<who>[^–—]+?)\s+[–—]\s+(?P<outlet>[^,]+?),\s*(?P<date>.+)$", text)
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
    writer = _STAFF_WRITER_RE.match(tail)
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
    for entry in re.split(r"\s+&\s+(?=[^/]*(?:/|$))", inner):
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
    match = re.search(r"\s[—–]\s*(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s*$", text)
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
    tail = _TIMESTAMP_TAIL_RE.search(text)
    if not tail or tail.start() == 0:
        return None
    date = find_date(tail.group("date"))
    body = text[:tail.start()].strip()
    items = [i.strip() for i in re.split(r"\s+&\s+", body) if i.strip()]
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


_SMALL_WORDS = frozenset(_words(
    "a an the of in on at to for and or nor but as by from with into over under than via vs is are "
    "was be its it their his her our your not no so up out off after before about amid against "
    "between without within toward towards near per "
))


_OUTLET_WORDS = frozenset(_words(
    "news times post journal review wire weekly magazine dispatch ledger tribune observer report "
    "monitor gazette herald current voice network international watch service quarterly star sun "
    "daily press radio tv media collective blog platform today dreams mail telegraph guardian "
    "independent express standard chronicle bulletin digest insider examiner register record courier "
    "sentinel inquirer agency institute foundation center centre project council campaign alliance "
    "coalition union committee group org com net online world global beyond truthout counterpunch "
    "tomdispatch alternet "
))


def looks_like_outlet(text: str) -> bool:
    """True for a name that reads as a publication rather than a person."""
    words = text.strip().split()
    if not words:
        return False
    if words[0].lower() == "the" or any(w.isupper() and len(w) >= 2 for w in words):
        return True
    return any(w.lower().strip(".,") in _OUTLET_WORDS for w in words) or "." in words[-1]


def title_case_ratio(text: str) -> float:
    """Share of the significant words that start with a capital letter (or digit)."""
    words = [w.strip("‘’“”\"'()[]:,;.!?–—-") for w in text.split()]
    words = [w for w in words if w and any(c.isalpha() for c in w)]
    if not words:
        return 0.0
    significant = [w for w in words if w.lower() not in _SMALL_WORDS] or words
    caps = sum(1 for w in significant if w[0].isupper() or w[0].isdigit())
    return caps / len(significant)


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)
