"""Tokens of an article's header lines, and their features, for the field labeller.

Level two of the cascade reads tokens, not lines: a byline such as "By Margaret
Flowers and Kevin Zeese, Clearing the FOG. -" or a headline such as "Headline
(Outlet / Author)" holds several fields.  A token is a word or a sign with its
place in its unit's text; its features are its shape, a few cue words, whether
it is a month, a day, a year, a domain, inside brackets, and the role the unit
labeller gave its line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from .patterns import (
    DAY_RE,
    DOMAIN_TOKEN_RE,
    FIELD_CUE_WORDS,
    GLUED_WORDS_RE,
    INITIALS_RE,
    MONTHS,
    NUMERIC_DATE_RE,
    TOKEN_RE,
    WEEKDAYS,
    YEAR_RE,
)

#: The fields a token may belong to.
FIELD_LABELS = ("TITLE", "AUTHOR", "OUTLET", "DATE", "O")
#: How many tokens of the first body unit are read (inline bylines and wire datelines sit there).
BODY_LEAD = 20
#: Features of a token its neighbours see too.
_COPIED = ("sh=", "w=", "p=", "month", "cap", "year", "day", "domain", "at")


@dataclass(frozen=True)
class Token:
    """A word or sign of one of an article's header units."""

    text: str
    unit: int
    role: str
    start: int
    end: int


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) of a text; a full stop after a word is its own token, an initial's is not."""
    out: list[tuple[str, int, int]] = []
    for match in TOKEN_RE.finditer(text):
        word, at = match.group(0), match.start()
        if len(word) < 3 or not (word[-1] == "." or GLUED_WORDS_RE.search(word)):
            out.append((word, at, at + len(word)))
            continue
        cuts = [0, *(g.start() for g in GLUED_WORDS_RE.finditer(word)), len(word)]
        for a, b in pairwise(cuts):
            piece, start = word[a:b], at + a
            if len(piece) > 2 and piece.endswith(".") and not INITIALS_RE.fullmatch(piece) \
                    and "." not in piece[:-1]:
                out.append((piece[:-1], start, start + len(piece) - 1))
                out.append((".", start + len(piece) - 1, start + len(piece)))
            elif piece:
                out.append((piece, start, start + len(piece)))
    return out


def header_tokens(units: Sequence[tuple[str, str]]) -> list[Token]:
    """The tokens of an article's header units, given as (role, text) in page order."""
    out: list[Token] = []
    for n, (role, text) in enumerate(units):
        pieces = tokenize(text[:BODY_LEAD * 12]) if role == "body" else tokenize(text)
        if role == "body":
            pieces = pieces[:BODY_LEAD]
        out.extend(Token(t, n, role, s, e) for t, s, e in pieces)
    return out


def _shape(word: str) -> str:
    """ "Lockett" -> "Xxx", "2016" -> "dd", "U.S." -> "X.X."."""
    out: list[str] = []
    for char in word:
        kind = ("X" if char.isupper() else "x") if char.isalpha() else ("d" if char.isdigit() else char)
        if len(out) < 2 or out[-1] != kind or out[-2] != kind:
            out.append(kind)
            if len(out) == 6:
                break
    return "".join(out)


_OFFSETS = (-2, -1, 1, 2)


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[dict[str, float], tuple[dict[str, float], ...]]:
    """What a word is, whatever its place: its features, and what each neighbour sees of it
    (the same features prefixed "-2:", "-1:", "1:", "2:"), built once per word."""
    lower = word.lower().strip(".")
    checks = {
        f"sh={_shape(word)}": True, f"w={lower}": lower in FIELD_CUE_WORDS, "month": lower in MONTHS,
        "weekday": lower in WEEKDAYS, "year": bool(YEAR_RE.fullmatch(word)), "day": bool(DAY_RE.fullmatch(word)),
        "numdate": bool(NUMERIC_DATE_RE.fullmatch(word)), "domain": bool(DOMAIN_TOKEN_RE.search(lower)),
        "at": word.startswith("@"), "cap": word[:1].isupper(), "allcaps": word.isupper() and len(word) > 1,
        f"p={word}": not word[:1].isalnum(),
    }
    names = [k for k, v in checks.items() if v]
    seen = [k for k in names if k.startswith(_COPIED)]
    return dict.fromkeys(names, 1.0), tuple(dict.fromkeys((f"{off}:{k}" for k in seen), 1.0) for off in _OFFSETS)


def token_features(tokens: Sequence[Token]) -> list[dict[str, float]]:
    """Each token's own features and its neighbours' (within its unit)."""
    inside: list[bool] = []
    depth = 0
    for t in tokens:
        if t.text in "([":
            depth += 1
        inside.append(depth > 0)
        if t.text in ")]":
            depth = max(depth - 1, 0)
    spans: dict[int, tuple[int, int]] = {}
    for i, t in enumerate(tokens):
        first, _ = spans.get(t.unit, (i, i))
        spans[t.unit] = (first, i)
    words = [_word(t.text) for t in tokens]
    out = []
    for i, t in enumerate(tokens):
        first, last = spans[t.unit]
        f = dict(words[i][0])
        f[f"role={t.role}"] = f[f"pos={min(i - first, 4)}"] = f[f"unitlen={min(last - first + 1, 12) // 3}"] = 1.0
        if inside[i]:
            f["inbr"] = 1.0
        if i == last:
            f["lastinunit"] = 1.0
        for n, off in enumerate(_OFFSETS):
            j = i + off
            if first <= j <= last:
                f.update(words[j][1][n])
            else:
                f[f"{off}:edge"] = 1.0
        out.append(f)
    return out
