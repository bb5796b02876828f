"""Training both labellers from labelled pages, reproducibly.

Each page is read and cut into units exactly as ``archive add`` does; the
aligner labels its units from the ground truth; the unit labeller learns the
units' roles, and the field labeller learns, from each article's header
tokens, which are its title, people, outlet and date.  The same pages in the
same order give the same model files, byte for byte.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

import pycrfsuite

from ..extract.crf import FIELDS_MODEL, SEGMENT_MODEL
from ..extract.dates import find_date
from ..extract.features import page_features
from ..extract.read import read_page
from ..extract.tokens import Token, header_tokens, token_features
from ..extract.units import Unit, page_units
from . import augment
from .align import Alignment, align, names, words
from .corpus import LabelledPage

#: CRFsuite's L-BFGS with elastic-net regularisation; c1 and c2 chosen by bench/split_cv.py.
SEGMENT_PARAMS = {"c1": 0.2, "c2": 0.1, "max_iterations": 150, "feature.possible_transitions": True}
FIELD_PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
#: At most this many pages of one real site: a site with many pages would teach its own layout as the rule.
PAGES_PER_SITE = 3


@dataclass(frozen=True)
class Prepared:
    """A labelled page as the trainer sees it."""

    page: LabelledPage
    units: list[Unit]
    alignment: Alignment

    @property
    def tags(self) -> list[str]:
        return self.alignment.tags()


def prepare(pages: Iterable[LabelledPage]) -> list[Prepared]:
    out = []
    for page in pages:
        units = page_units(read_page(page.raw, name=page.name).blocks)
        out.append(Prepared(page, units, align(units, page.gold)))
    return out


def balanced(prepared: Sequence[Prepared]) -> list[Prepared]:
    """At most ``PAGES_PER_SITE`` pages of each real site (generated pages are all kept)."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for p in prepared:
        seen[p.page.site] += 1
        if p.page.corpus == "generated" or seen[p.page.site] <= PAGES_PER_SITE:
            out.append(p)
    return out


def field_labels(tokens: Sequence[Token], texts: Sequence[str], article: dict[str, Any]) -> list[str]:
    """The true field of each header token: runs matching the title, each author, each outlet; the date
    where the unit's text prints the article's date."""
    labels = ["O"] * len(tokens)
    flat = [(i, w) for i, t in enumerate(tokens) for w in words(t.text)]

    def mark(want: list[str], tag: str, *, units: set[int] | None = None, every: bool = False) -> None:
        size = len(want)
        for s in range(len(flat) - size + 1):
            if not size or [w for _, w in flat[s:s + size]] != want:
                continue
            idx = sorted({i for i, _ in flat[s:s + size]})
            if (units is not None and tokens[idx[0]].unit not in units) or any(labels[i] != "O" for i in idx):
                continue
            for i in range(idx[0], idx[-1] + 1):
                labels[i] = tag
            if not every:
                return

    mark(words(article.get("title")), "TITLE", units={t.unit for t in tokens if t.role == "title"} or None)
    for name in names(article.get("author")):
        mark(words(name), "AUTHOR", every=True)
    for name in names(article.get("outlet")):
        mark(words(name), "OUTLET", every=True)
    if article.get("date"):
        for unit, text in enumerate(texts):
            found = find_date(text)
            if found is None or found.iso != article["date"]:
                continue
            start = found.end - len(found.text)
            for i, t in enumerate(tokens):
                if t.unit == unit and start <= t.start < found.end and labels[i] == "O":
                    labels[i] = "DATE"
    return labels


def field_sequences(p: Prepared) -> list[tuple[list[dict[str, float]], list[str]]]:
    """One sequence per article of a prepared page: its header tokens and their true fields."""
    out = []
    for k, article in enumerate(p.page.gold.get("articles") or []):
        mine = [i for i, a in enumerate(p.alignment.article) if a == k]
        bodies = [i for i in mine if p.alignment.roles[i] == "body"]
        header = [(p.alignment.roles[i], p.units[i].text) for i in mine
                  if p.alignment.roles[i] != "body" or (bodies and i == bodies[0])]
        tokens = header_tokens(header)
        if tokens:
            out.append((token_features(tokens), field_labels(tokens, [text for _, text in header], article)))
    return out


def _train(sequences: Iterable[tuple[list[dict[str, float]], list[str]]], params: dict[str, Any],
           path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for items, tags in sequences:
        trainer.append(pycrfsuite.ItemSequence(items), tags)
    trainer.set_params(params)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))


def train_models(prepared: Sequence[Prepared], out: Path, *, fields: bool = True) -> list[Path]:
    """Train the unit labeller (and the field labeller) on prepared pages; return the files written."""
    chosen = balanced(prepared)
    segment = out / SEGMENT_MODEL
    unspaced = (Prepared(p.page, augment.unspaced(p.units), p.alignment) for p in chosen if augment.drawn(p.page.name))
    units = chain(chosen, unspaced)
    _train(((page_features(p.units), p.tags) for p in units), SEGMENT_PARAMS, segment)
    if not fields:
        return [segment]
    field_path = out / FIELDS_MODEL
    _train((s for p in chosen for s in field_sequences(p)), FIELD_PARAMS, field_path)
    return [segment, field_path]

