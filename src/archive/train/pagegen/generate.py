"""Generation of whole pages: a layout family, invented articles, rendering, truncation and the ground
truth (``generate_page``), and corpora of pages with their gold files (``write_corpus``)."""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from pathlib import Path

from .articles import make_article
from .families import Family
from .gold import build_gold
from .layouts import LAYOUTS
from .model import Block, Builder, Seg
from .render import render_html, render_text, truncate, walk_blocks

TRUNCATE_SHARE = 0.35  # share of text pages cut at ~2,000 bytes, as excerpted real pages are


@dataclass(frozen=True)
class GeneratedPage:
    """One generated page: file name stem, suffix, bytes, gold JSON object and layout family."""
    name: str
    suffix: str
    data: bytes
    gold: dict[str, object]
    layout: str


def _article_langs(rng: random.Random, fam: Family, n: int) -> list[str]:
    if fam.langs == ("en",):
        return ["en"] * n
    main = rng.choice(fam.langs[:3])
    return [main if rng.random() < 0.7 or k == 0 else rng.choice(fam.langs) for k in range(n)]


def _need(text: str, spans: dict[Seg, tuple[int, int]], blocks: list[Block], item: int) -> int:
    """Bytes of text needed for ``item`` to be an article: its headline whole and a first body word begun."""
    segs = [s for bl in blocks for ln in bl.lines if ln.article == item for s in ln.segs]
    need = max(spans[s][1] if s.kind == "title" else spans[s][0] + 1 for s in segs if s.kind in ("title", "body"))
    return len(text[:need].encode("utf-8"))


def _cut_limit(rng: random.Random, b: Builder, text: str, spans: dict[Seg, tuple[int, int]],
               blocks: list[Block]) -> int | None:
    """A byte limit near 2,000 (like excerpted real pages) that cuts the page inside an article and keeps
    the first article, and the second too when it starts within ~3,000 bytes; None when the page is shorter."""
    limit = rng.choice((2000, 2000, 2000, rng.randint(1200, 3200)))
    first = _need(text, spans, blocks, 0)
    second = _need(text, spans, blocks, 1) if len(b.items) > 1 else first
    floor = second if second < 3000 else first
    if limit < floor + 15:
        limit = floor + rng.randint(15, 300)
    return limit if limit < len(text.encode("utf-8")) - 40 else None


def generate_page(rng: random.Random, *, kind: str | None = None, layout: str | None = None) -> GeneratedPage:
    """One invented compilation page of the given layout family (or a random one; ``kind`` 'txt'/'text' or
    'html' restricts the choice), with its exact ground truth."""
    fmt = {"text": "txt", ".txt": "txt", ".html": "html"}.get(kind or "", kind)
    if fmt not in (None, "txt", "html"):
        raise ValueError(f"kind must be 'txt' (or 'text') or 'html', not {kind!r}")
    if layout is not None:
        if layout not in LAYOUTS:
            raise ValueError(f"no layout family {layout!r}; see archive.train.pagegen.LAYOUTS")
        fam = LAYOUTS[layout]
    else:
        fam = rng.choice([f for f in LAYOUTS.values() if fmt is None or f.fmt == fmt])
    day = dt.date(2008, 1, 1) + dt.timedelta(days=rng.randrange(16 * 365))
    b = Builder(rng, fam.name, fam.fmt, day)
    n = rng.randint(*fam.count)
    for lang in _article_langs(rng, fam, n):
        b.add(make_article(rng, lang=lang, date=day - dt.timedelta(days=rng.choice((0, 0, 1, 2, 3, 5, 9))),
                           paragraphs=fam.paragraphs))
    tree = fam.build(b, list(range(n)))
    blocks = list(walk_blocks(tree))
    truncated = False
    if fam.fmt == "txt":
        text, spans = render_text(blocks)
        limit = _cut_limit(rng, b, text, spans, blocks) if rng.random() < TRUNCATE_SHARE else None
        if limit is not None:
            text, blocks = truncate(blocks, text, spans, limit)
            truncated = True
        data = text.encode("utf-8")
    else:
        lang = b.spec(0).lang
        data = render_html(tree, b.head_title or b.site, lang).encode("utf-8")
    gold = build_gold(b, blocks, fam.name)
    gold["truncated"] = truncated
    return GeneratedPage(name=f"{fam.name}-{rng.getrandbits(32):08x}", suffix=f".{fam.fmt}", data=data, gold=gold,
                         layout=fam.name)


def write_corpus(folder: Path, n: int, *, seed: int) -> None:
    """Write ``n`` pages (NAME.txt / NAME.html + NAME.json) to ``folder``, cycling through every layout
    family in a seeded order; the same seed writes the same files."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    order = sorted(LAYOUTS)
    rng.shuffle(order)
    for k in range(n):
        page = generate_page(rng, layout=order[k % len(order)])
        stem = f"{k:04d}-{page.name}"
        (folder / f"{stem}{page.suffix}").write_bytes(page.data)
        (folder / f"{stem}.json").write_text(json.dumps(page.gold, ensure_ascii=False, indent=1) + "\n",
                                             encoding="utf-8")
