"""Compare a split page with hand-made ground truth, field by field.

The rules follow the shared scorer's documented ones: a body is found when it
starts with the gold first words, its boundary is right when it also ends with
the gold last words; titles and dates compare after folding case, quotes,
dashes and spaces; outlets and authors compare as sets of names.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"',
                         "–": "-", "—": "-", "‒": "-", "―": "-", "\u00a0": " "})


def fold(text: Any) -> str:
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).translate(_QUOTES).casefold()
    return re.sub(r"\s+", " ", text).strip(" .,;:'\"")


def tokens(text: Any) -> list[str]:
    return re.findall(r"\w+", fold(text))


def _contains(needle: list[str], hay: list[str], lo: int, hi: int) -> bool:
    n = len(needle)
    return n > 0 and any(hay[i:i + n] == needle for i in range(max(lo, 0), min(hi, len(hay) - n) + 1))


def starts_like(gold: dict, body: str) -> bool:
    return _contains(tokens(gold.get("first_words"))[:6], tokens(body), 0, 14)


def ends_like(gold: dict, body: str) -> bool:
    want = tokens(gold.get("last_words"))[-6:]
    have = tokens(body)
    return _contains(want, have, len(have) - len(want) - 3, len(have))


def names(value: Any) -> set[str]:
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    return {p for p in re.split(r"\s*(?:;|&|,|\band\b)\s*", fold(value)) if p}


def score_articles(predicted: list[dict], gold_page: dict) -> list[dict[str, int]]:
    """One row per gold article: found, boundary, title, outlet, author, date (0 or 1)."""
    used: set[int] = set()
    rows = []
    for gold in gold_page["articles"]:
        hit = next((i for i, p in enumerate(predicted) if i not in used and starts_like(gold, p["body"])), None)
        if hit is None:
            rows.append(dict(found=0, boundary=0, title=0, outlet=0, author=0, date=0))
            continue
        used.add(hit)
        p = predicted[hit]
        title_ok = fold(gold["title"]) in (fold(p["title"]), fold(f"{p['title']} {p.get('subtitle') or ''}"))
        rows.append(dict(found=1, boundary=int(ends_like(gold, p["body"])), title=int(title_ok),
                         outlet=int(names(p.get("outlet")) == names(gold.get("outlet"))),
                         author=int(names(p.get("author")) == names(gold.get("author"))),
                         date=int(fold(p.get("date")) == fold(gold.get("date")))))
    return rows
