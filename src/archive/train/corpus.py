"""Labelled pages: the shared corpora's pages and the generator's, with their sites.

A labelled page is the page's bytes and its ground truth (the scorer's format).
Its *site* groups pages for cross-validation: the ``site`` of the truth
("beforeitsnews.com (repost of ...)" is "beforeitsnews.com"), else the page's
own name; a generated page's site is its layout family.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .pagegen import generate_page

#: Where the shared corpora sit beside a checkout of the repository.
SHARED_CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
#: One generated text page in this many also gives a page of its first article alone.
SINGLE_EVERY = 4
#: The shared corpora the shipped model is trained on.
TRAINING_CORPORA = ("dev", "synthetic", "real")


@dataclass(frozen=True)
class LabelledPage:
    name: str
    raw: bytes
    gold: dict[str, Any]
    site: str
    corpus: str


def load_dir(folder: Path, corpus: str | None = None) -> list[LabelledPage]:
    """Every NAME.json with its NAME.txt / NAME.html in a folder, in name order."""
    out = []
    for gold_path in sorted(folder.glob("*.json")):
        page = next((gold_path.with_suffix(s) for s in (".txt", ".html", ".htm")
                     if gold_path.with_suffix(s).exists()), None)
        if page is None:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        site = str(gold.get("site") or "").split(" ")[0] or f"{corpus or folder.name}/{gold_path.stem}"
        out.append(LabelledPage(page.name, page.read_bytes(), gold, site, corpus or folder.name))
    return out


def generated(count: int, *, seed: int) -> list[LabelledPage]:
    """``count`` invented pages, the same for the same seed.

    One text page in ``SINGLE_EVERY`` also gives a page of its first article alone: many
    pages people save are one article, headline first, with no page furniture at all.
    """
    rng = random.Random(seed)
    out = []
    for n in range(count):
        page = generate_page(rng)
        name = f"{n:04d}-{page.name}"
        out.append(LabelledPage(f"{name}{page.suffix}", page.data, page.gold, f"generated/{page.layout}", "generated"))
        single = first_article(page.data, page.gold) if page.suffix == ".txt" and n % SINGLE_EVERY == 0 else None
        if single is not None:
            out.append(LabelledPage(f"{name}-single.txt", single[0], single[1], f"generated/{page.layout}",
                                       "generated"))
    return out


def first_article(data: bytes, gold: dict[str, Any]) -> tuple[bytes, dict[str, Any]] | None:
    """A text page cut down to its first article's lines, and that article's truth."""
    lines = [line for line in gold.get("lines", []) if line.get("article") == 0]
    articles = gold.get("articles") or []
    text = data.decode("utf-8")
    if not lines or not articles or not articles[0].get("first_words"):
        return None
    start = text.find(lines[0]["text"])
    end = text.find(lines[-1]["text"], max(start, 0))
    if start < 0 or end < 0:
        return None
    end += len(lines[-1]["text"])
    truth = {"page_title": None, "page_date": None, "fair_use_note": None, "layout": "single",
             "articles": [articles[0]]}
    return text[start:end].encode("utf-8") + b"\n", truth
