"""Text helpers every part shares, one per idea, each written once.

``fold`` for comparing names and titles, ``clean`` and ``normalize`` for text
that is stored or printed, ``split_people`` for a people credit, ``now`` for
the timestamps archive records.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime

#: Control and invisible formatting characters: C0 and C1 controls but tab and
#: newline, zero-width characters, bidirectional overrides, the byte-order mark.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
#: What separates the people of a credit: "A & B", "A; B", "A and B".
_PEOPLE_SEPARATOR_RE = re.compile(r"\s*(?:&|;|\band\b)\s*")


def fold(text: str | None) -> str:
    """Case, accent and punctuation folded text: "São Paulo’s" -> "sao paulo s"; None -> ""."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", stripped))


def clean(text: str | None) -> str:
    """``text`` without control characters (terminal escapes, bidi overrides...); None -> ""."""
    return _CONTROL_RE.sub("", text or "")


def normalize(text: str) -> str:
    """NFC text with no control characters: what is stored and printed."""
    return clean(unicodedata.normalize("NFC", text))


def split_people(credit: str | None) -> list[str]:
    """The names of a people credit: "Jon Lockett & Ann Bell; C and D" -> the four names."""
    if not credit:
        return []
    return [p.strip() for p in _PEOPLE_SEPARATOR_RE.split(credit) if p.strip()]


def now(*, precise: bool = False) -> str:
    """The current UTC time, ISO 8601 with a Z: to the second, or to the microsecond if ``precise``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ" if precise else "%Y-%m-%dT%H:%M:%SZ")
