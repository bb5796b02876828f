"""The aligner: a labelled page's units and its ground truth -> the role of every unit.

The ground truth says, per article, its title, outlet, author, date and the
first and last words of its text.  The aligner finds those on the page, in
order: the units from an article's first words to its last are its body; the
units holding its title, and the byline and date lines next to them, its
header; byline, date and feed lines after the body its trailer; what is before
the first article is page furniture (the page's title, its date and source
line) or noise, and the fair-use note is found by its text.  Words are compared
folded as the scorer folds them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..extract.dates import find_date
from ..extract.lines import is_fair_use, is_trailer
from ..extract.units import Unit

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"',
                         "„": '"', "–": "-", "—": "-", "‒": "-", "―": "-", "\u00a0": " "})
_NAME_SPLIT_RE = re.compile(r"\s*(?:;|&|,|\band\b)\s*")


def fold(text: str | None) -> str:
    """Text folded as the scorer folds it: NFKC, plain quotes and dashes, case-folded, trimmed."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).translate(_QUOTES).casefold()
    return re.sub(r"\s+", " ", text).strip(" .,;:'\"")


def words(text: str | None) -> list[str]:
    return re.findall(r"\w+", fold(text))


def names(value: Any) -> list[str]:
    """A byline field as names: "A & B", "A; B", "A and B" or a list."""
    if not value:
        return []
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    return [p for p in _NAME_SPLIT_RE.split(str(value)) if p.strip()]


def contains(hay: Sequence[str], needle: Sequence[str]) -> bool:
    n = len(needle)
    return n > 0 and any(list(hay[i:i + n]) == list(needle) for i in range(len(hay) - n + 1))


@dataclass
class _Stream:
    """The page's words in order, and the unit each one is in."""

    words: list[str]
    unit_of: list[int]
    first: list[int]

    @classmethod
    def of(cls, texts: Sequence[str]) -> _Stream:
        out: list[str] = []
        unit_of: list[int] = []
        first: list[int] = []
        for u, text in enumerate(texts):
            first.append(len(out))
            for w in words(text):
                out.append(w)
                unit_of.append(u)
        first.append(len(out))
        return cls(out, unit_of, first)

    def find_all(self, want: Sequence[str], lo: int = 0, hi: int | None = None) -> list[int]:
        n = len(want)
        top = len(self.words) - n if hi is None else min(hi, len(self.words) - n)
        return [i for i in range(max(lo, 0), top + 1) if n and self.words[i:i + n] == list(want)]

    def find(self, want: Sequence[str], lo: int = 0) -> int:
        hits = self.find_all(want, lo)
        return hits[0] if hits else -1


@dataclass
class Alignment:
    """Per unit: its role, whether an article starts there, and the article (0-based) it belongs to."""

    roles: list[str]
    starts: list[bool]
    article: list[int | None]
    problems: list[str] = field(default_factory=list)

    def tags(self) -> list[str]:
        return [("B-" if s else "") + r for r, s in zip(self.roles, self.starts, strict=True)]


def _bodies(s: _Stream, arts: Sequence[dict[str, Any]], problems: list[str]) -> list[tuple[int, int] | None]:
    """Each article's first and last body unit.

    A body begins at the first run of its first words after the previous body's last
    words first appear, and ends at the last run of its last words before the next
    body begins (a quotation may end a paragraph inside the text too).
    """
    begins: list[int] = []
    cursor = 0
    for k, a in enumerate(arts):
        first = words(a.get("first_words"))[:6]
        at = s.find(first, cursor) if first else -1
        if at < 0 and len(first) > 3:
            at = s.find(first[:3], cursor)
        if first and at < 0:
            problems.append(f"article {k + 1}: first words not found")
        begins.append(at)
        if at >= 0:
            last = words(a.get("last_words"))[-6:]
            end = s.find(last, at) if last else -1
            cursor = end + len(last) if end >= 0 else at + 1
    spans: list[tuple[int, int] | None] = []
    for k, a in enumerate(arts):
        at = begins[k]
        if at < 0:
            spans.append(None)
            continue
        limit = next((b for b in begins[k + 1:] if b >= 0), len(s.words))
        last = words(a.get("last_words"))[-6:]
        hits = s.find_all(last, at, limit - len(last)) if last else []
        if not hits and len(last) > 3:
            hits = [h - (len(last) - 3) for h in s.find_all(last[-3:], at, limit - 3)]
        if hits:
            end_word = hits[-1] + len(last) - 1
        else:
            problems.append(f"article {k + 1}: last words not found")
            end_word = at
        spans.append((s.unit_of[at], s.unit_of[min(end_word, len(s.words) - 1)]))
    return spans


def _bylines_lead(texts: Sequence[str], arts: Sequence[dict[str, Any]], spans: Sequence[tuple[int, int] | None],
                  gap: Callable[[int], tuple[int, int]]) -> bool:
    """Do byline lines between bodies open the next article (True) or close the previous one?

    Decided once per page, by which reading finds more articles' outlet or author in
    their own header or trailer; a page is cut at its end, never at its start, so the
    first article decides a tie.
    """
    def covered(k: int, lo: int, hi: int) -> bool:
        wanted = [w for w in (words(x) for x in names(arts[k].get("author")) + names(arts[k].get("outlet"))) if w]
        return any(contains(words(texts[u]), x) for u in range(lo, hi) for x in wanted)

    lead = trail = 0
    first: tuple[bool, bool] | None = None
    for k, span in enumerate(spans):
        if span is None or not (arts[k].get("outlet") or arts[k].get("author")):
            continue
        lo, hi = gap(k)
        before, after = covered(k, lo, span[0]), covered(k, span[1] + 1, hi)
        lead += before
        trail += after
        first = first or (before, after)
    if lead == trail and first is not None:
        return first[0] or not first[1]
    return lead > trail


def align(units: Sequence[Unit], gold: dict[str, Any]) -> Alignment:
    """The role of every unit of a labelled page."""
    texts = [u.text for u in units]
    n = len(texts)
    s = _Stream.of(texts)
    roles, starts = ["noise"] * n, [False] * n
    article: list[int | None] = [None] * n
    result = Alignment(roles, starts, article)
    arts: list[dict[str, Any]] = gold.get("articles") or []
    spans = _bodies(s, arts, result.problems)
    for k, span in enumerate(spans):
        if span is not None:
            for u in range(span[0], span[1] + 1):
                roles[u], article[u] = "body", k

    def gap(k: int) -> tuple[int, int]:
        """The units between the bodies around article k: where its header and trailer are."""
        before = next((sp[1] for sp in reversed(spans[:k]) if sp is not None), -1)
        after = next((sp[0] for sp in spans[k + 1:] if sp is not None), n)
        return before + 1, after

    lead = _bylines_lead(texts, arts, spans, gap)
    for k, a in enumerate(arts):
        _header_and_trailer(units, s, a, k, spans, gap(k), lead, arts[k + 1] if k + 1 < len(arts) else None,
                            result, page_date=gold.get("page_date"))
        mine = [u for u in range(n) if article[u] == k and roles[u] in ("title", "byline", "date", "body", "subtitle")]
        if mine:
            starts[min(mine)] = True
    _furniture(units, gold, result)
    return result


def _header_and_trailer(units: Sequence[Unit], s: _Stream, a: dict[str, Any], k: int,
                        spans: Sequence[tuple[int, int] | None], gap: tuple[int, int], lead: bool,
                        following: dict[str, Any] | None, result: Alignment, *, page_date: str | None) -> None:
    texts = [u.text for u in units]
    roles, article = result.roles, result.article
    n = len(texts)
    lo, hi = gap
    span = spans[k]
    b0, b1 = (span[0], span[1]) if span else (hi, lo - 1)
    body_units = {u for u in range(n) if roles[u] == "body"}
    # The title: its nearest run before the body, else after it (a blurb may come first).
    want = words(a.get("title"))
    title_units: list[int] = []
    if want:
        hits: list[int] = []
        for size in (len(want), 8, 4):
            want = want[:size]
            hits = s.find_all(want, s.first[lo] if lo < n else len(s.words), s.first[hi] if hi < n else len(s.words))
            if hits:
                break
        free = [h for h in hits if not any(s.unit_of[t] in body_units for t in range(h, h + len(want)))]
        before = [h for h in free if s.unit_of[h] < b0]
        after = [h for h in free if s.unit_of[h] > b1]
        pick = before[-1] if before else (after[0] if after else (hits[0] if hits else None))
        if pick is None:
            result.problems.append(f"article {k + 1}: title not found")
        else:
            title_units = sorted({s.unit_of[t] for t in range(pick, pick + len(want))})
    for u in title_units:
        if roles[u] != "body":
            roles[u], article[u] = "title", k
    wanted = [w for w in (words(x) for x in names(a.get("author")) + names(a.get("outlet"))) if w]
    raw = words(a.get("byline_raw"))
    date = a.get("date")

    def is_byline(u: int) -> bool:
        t = words(texts[u])
        if not t or len(t) > 40:
            return False
        # the unit is (most of) the quoted byline: a line that only mentions it ("filed under Outlet") is not
        if raw and ((contains(raw, t) and len(t) <= len(raw) + 2)
                    or (contains(t, raw) and len(t) - len(raw) <= max(2, len(raw)))):
            return True
        hit = sum(len(x) for x in wanted if contains(t, x))
        # "by Name, staff writer": a name right after "by" is a byline whatever follows it
        by_name = t[0] == "by" and any(t[1:1 + len(x)] == x for x in wanted)
        return hit > 0 and (hit >= 0.5 * len(t) or by_name)

    def is_date(u: int) -> bool:
        found = find_date(texts[u]) if date else None
        return found is not None and found.iso == date and len(words(texts[u])) <= 12

    def take(u: int) -> bool:
        if roles[u] != "noise":
            return False
        # a line that is only the article's date is a date line, even where the truth's byline quotes it
        named = any(contains(words(texts[u]), x) for x in wanted)
        if is_byline(u) and (named or not is_date(u)):
            roles[u], article[u] = "byline", k
            return True
        # the page's own date line is furniture, even right above the first headline
        if is_date(u) and not (k == 0 and page_date == date and title_units and u < title_units[0]):
            roles[u], article[u] = "date", k
            return True
        return False

    top = title_units[0] if title_units and title_units[0] < b0 else b0
    for u in range(top, b0):
        take(u)
    u = top - 1
    while u >= lo and lead and take(u):
        u -= 1
    if title_units and title_units[-1] < b0 and span:
        for u in range(title_units[-1] + 1, b0):
            if roles[u] == "noise" and len(words(texts[u])) >= 4 and not is_trailer(texts[u]):
                roles[u], article[u] = "subtitle", k
    # After the body: lines naming its source or date, feed footers; up to the next headline.
    tail_hi = hi
    next_title = words(following.get("title"))[:4] if following else []
    if next_title:
        at = s.find_all(next_title, s.first[min(b1 + 1, n)], s.first[min(hi, n)])
        if at:
            tail_hi = min(tail_hi, s.unit_of[at[0]])
    for u in range(b1 + 1, tail_hi):
        if roles[u] == "noise" and ((not lead and is_byline(u)) or is_date(u) or is_trailer(texts[u])):
            roles[u], article[u] = "trailer", k


def _furniture(units: Sequence[Unit], gold: dict[str, Any], result: Alignment) -> None:
    """Page title, page date and source line before the first article; the fair-use note anywhere."""
    roles = result.roles
    n = len(units)
    first_start = next((u for u in range(n) if result.starts[u]), n)
    page_title = words(gold.get("page_title"))
    page_date = gold.get("page_date")
    for u in range(first_start):
        if roles[u] != "noise":
            continue
        t = words(units[u].text)
        found = find_date(units[u].text)
        if page_title and (t == page_title or (contains(page_title, t) and len(t) >= 2)):
            roles[u] = "page_title"
        elif page_date and found is not None and found.iso == page_date:
            roles[u] = "page_meta"
    meta_lines = {units[u].line for u in range(first_start) if roles[u] == "page_meta"}
    for u in range(first_start):
        if roles[u] == "noise" and units[u].line in meta_lines:
            roles[u] = "page_meta"
    note = gold.get("fair_use_note")
    folded_note = fold(note)
    if note and is_fair_use(note):
        for u in range(n):
            text = fold(units[u].text)
            if roles[u] in ("noise", "trailer", "body") and text and text in folded_note:
                roles[u], result.article[u] = "fair_use", None
