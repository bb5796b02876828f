"""The ground truth of a generated page, read back from what was actually printed: the scorer's format
(articles with title, outlet, author, date, first and last words, raw byline; page title, date and
fair-use note) plus per-line labels (``build_gold``)."""

from __future__ import annotations

from itertools import pairwise

from .model import Block, Builder, Line, squash

GOLD_WORDS = 8  # words in first_words / last_words


def _edge_words(lines: list[Line], mine: list[int], last: bool) -> str:
    """The first (or last) GOLD_WORDS body words of an article exactly as printed: from its first (last)
    body line, going on into the next (previous) line only where the text runs on without anything between."""
    def words(n: int) -> list[str]:
        return "".join(s.text for s in lines[n].segs if s.kind == "body").split()

    def opens(n: int) -> bool:  # the line starts with body text
        return lines[n].segs[0].kind == "body"

    def closes(n: int) -> bool:  # the line ends with body text
        return lines[n].segs[-1].kind == "body"

    order = mine[::-1] if last else mine
    got = words(order[0])
    for prev, n in pairwise(order):
        if len(got) >= GOLD_WORDS or abs(n - prev) != 1:
            break
        early, late = (n, prev) if last else (prev, n)
        if not (closes(early) and opens(late)):
            break
        got = words(n) + got if last else got + words(n)
    return " ".join(got[-GOLD_WORDS:] if last else got[:GOLD_WORDS])


def build_gold(b: Builder, blocks: list[Block], layout: str) -> dict[str, object]:
    """The scorer's ground truth plus per-line labels, read from what was actually printed."""
    lines = [ln for bl in blocks for ln in bl.lines]
    kept: dict[int, int] = {}
    articles: list[dict[str, str | None]] = []
    first_line: dict[int, int] = {}
    for n, ln in enumerate(lines):
        if ln.article is not None:
            first_line.setdefault(ln.article, n)
    for i in sorted(first_line, key=first_line.__getitem__):  # articles in page order
        item = b.items[i]
        mine = [ln for ln in lines if ln.article == i]
        with_body = [n for n, ln in enumerate(lines) if ln.article == i and any(s.kind == "body" and s.text.strip()
                                                                               for s in ln.segs)]
        if not with_body or not item.title or not all(s.complete for s in item.title):
            continue
        kept[i] = len(articles)
        values = {k: (v if any(s.complete for s in item.evidence[k]) else None) for k, v in item.values.items()}
        raw = "\n".join(squash(s.text) for ln in mine for s in ln.segs if s.kind == "byline" and squash(s.text))
        articles.append({"title": " ".join(squash(s.text) for s in item.title),
                         "outlet": values.get("outlet"), "author": values.get("author"), "date": values.get("date"),
                         "first_words": _edge_words(lines, with_body, last=False),
                         "last_words": _edge_words(lines, with_body, last=True),
                         "byline_raw": raw or None})
    labels, seen = [], set()
    for ln in lines:
        art = kept.get(ln.article) if ln.article is not None else None
        labels.append({"text": squash(ln.raw), "role": ln.role, "article": art,
                       "start": art is not None and art not in seen})
        if art is not None:
            seen.add(art)
    page_date = b.page_date[0] if b.page_date and b.page_date[1].complete else None
    title = " ".join(squash(s.text) for s in b.page_title) if all(s.complete for s in b.page_title) else None
    fair = squash(" ".join(s.text for s in b.fair_use)) if b.fair_use and all(s.complete for s in b.fair_use) else None
    return {"source": "invented by pagegen", "page_title": title or None, "page_date": page_date,
            "fair_use_note": fair, "layout": layout, "articles": articles, "lines": labels}

