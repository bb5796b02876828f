"""Text helpers every part shares, one per idea, each written once.

``fold`` for comparing names and titles; ``clean`` for text that is printed,
``normalize`` and ``one_line`` for text that is stored (every value entering
the store goes through one of them, from a page or from a person alike);
``calendar_date`` for dates; ``dumps`` for JSON that is printed or exported;
``split_people`` and ``split_credit`` for a credit of people or outlets, ``name_key`` to match
a name whatever its case and accents; ``now`` for the timestamps archive records.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

#: Control and invisible formatting characters: C0 and C1 controls but tab and
#: newline, zero-width characters, bidirectional overrides, the byte-order mark.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
#: Lone surrogates: bytes that were not UTF-8, as Python hands them over in arguments and file names.
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
#: What ends a line, in any convention, and the tabs and spaces around it.
_BREAK_RE = re.compile(r"[\s\x85\u2028\u2029]*[\n\r\x0b\x0c\x85\u2028\u2029\t][\s\x85\u2028\u2029]*")
#: What JSON may carry raw but a terminal would obey: DEL, C1 controls, line and paragraph separators,
#: bidirectional controls (JSON's own escaping covers C0 only).
_JSON_ESCAPE_RE = re.compile(r"[\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: What separates the people of a credit: "A & B", "A; B", "A and B".
_PEOPLE_SEPARATOR_RE = re.compile(r"\s*(?:&|;|\band\b)\s*")
#: What separates the outlets of a joint credit: "A & B", "A / B", "A; B" ("AT&T" and "24/7" are one name).
_OUTLET_SEPARATOR_RE = re.compile(r"\s+[&/+]\s+|\s*;\s*")
#: "and" separates outlets only in a credit that is joint already ("A and B / C"): alone it is often part
#: of one name ("Stars and Stripes").
_AND_RE = re.compile(r"\s+and\s+", re.IGNORECASE)


def fold(text: str | None) -> str:
    """Case, accent and punctuation folded text: "São Paulo’s" -> "sao paulo s"; None -> ""."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", stripped))


def clean(text: str | None) -> str:
    """``text`` without control characters (terminal escapes, bidi overrides...), undecodable bytes
    shown as U+FFFD; None -> ""."""
    return _SURROGATE_RE.sub("\ufffd", _CONTROL_RE.sub("", text or ""))


def normalize(text: str) -> str:
    """NFC text with no control characters and no undecodable bytes: what is stored (a text of many lines)."""
    return clean(unicodedata.normalize("NFC", text))


def one_line(text: str | None) -> str:
    """``normalize``d text on one line: line breaks and tabs become a space, and the ends are trimmed.

    What a title, a name or a note is stored as: a newline in a title would end it in ``article.md``.
    """
    return normalize(_BREAK_RE.sub(" ", text or "")).strip()


def has_controls(text: str) -> bool:
    """True when ``text`` holds a line break, a tab or a control character: what a one-line value may not."""
    return bool(_BREAK_RE.search(text) or _CONTROL_RE.search(text))


def calendar_date(value: str | None) -> str | None:
    """``value`` when it is a real day written YYYY-MM-DD (year 1 or later), else None."""
    if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return None
    return value


def dumps(data: Any, *, indent: int | None = None) -> str:
    """JSON as archive prints and exports it: UTF-8 text, with every character a terminal would obey
    escaped (JSON escapes C0 controls itself; C1 controls such as U+009B, which some terminals read as
    an escape, and bidirectional controls are escaped here), and undecodable bytes as U+FFFD."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    text = _SURROGATE_RE.sub("\\\\ufffd", text)
    return _JSON_ESCAPE_RE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def split_people(credit: str | None) -> list[str]:
    """The names of a people credit: "Jon Lockett & Ann Bell; C and D" -> the four names."""
    if not credit:
        return []
    return [p.strip() for p in _PEOPLE_SEPARATOR_RE.split(credit) if p.strip()]


def split_credit(credit: str | None, *, kind: str) -> list[str]:
    """The names of a credit, ``kind`` "author" (``split_people``) or "outlet":
    "AntiWar.com & The New York Times" -> the two outlets; "A and B / C" -> three."""
    if kind == "author":
        return split_people(credit)
    parts = [p.strip() for p in _OUTLET_SEPARATOR_RE.split(credit or "") if p.strip()]
    if len(parts) > 1:
        parts = [q.strip() for p in parts for q in _AND_RE.split(p) if q.strip()]
    return parts


def name_key(name: str | None) -> str:
    """What two spellings of one name share, whatever their case, accents and punctuation:
    "Common  Dreams" and "common dreams" -> "common dreams"."""
    return fold(name)


def now(*, precise: bool = False) -> str:
    """The current UTC time, ISO 8601 with a Z: to the second, or to the microsecond if ``precise``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ" if precise else "%Y-%m-%dT%H:%M:%SZ")


def is_web_address(url: str) -> bool:
    """True for an absolute http(s) address on one line, with a host of non-empty labels and a port that
    is a port: "https://example.org/x" yes; "https://[::1", "http://host:abc/", "https://a..b/" no."""
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return False
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - reading it checks it: a port that is not a number or too large raises
    except ValueError:
        return False
    host = parts.hostname or ""
    labels_ok = ":" in host or all(host.rstrip(".").split("."))
    return parts.scheme.lower() in ("http", "https") and bool(host) and labels_ok


def tag_label(text: str) -> str:
    """A tag as stored: lower case, words joined by hyphens, no commas ("Follow up" -> "follow-up")."""
    return "-".join(re.findall(r"[^\W_]+(?:[_.][^\W_]+)*", one_line(text).casefold()))
