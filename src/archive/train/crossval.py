"""Leave-one-site-out cross-validation: how the splitter does on a site it was not trained on.

For each site of the real pages, both labellers are trained on every other
page (the other sites, the invented pages, the generated ones) and split the
left-out site's pages; the caller scores them.  Folds run in parallel
processes, each with its own models.
"""

from __future__ import annotations

import multiprocessing
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..extract import explain_page, split_page
from ..extract.crf import use_models
from ..extract.read import read_page
from ..models import ExplainedUnit, SplitPage
from .trainer import Prepared, train_models


@dataclass(frozen=True)
class Fold:
    """One left-out site and the splitter's result on each of its pages."""

    site: str
    pages: list[tuple[Prepared, SplitPage, list[ExplainedUnit]]]


_PREPARED: list[Prepared] = []
_HELD_WITH: Mapping[str, frozenset[str]] = {}


def _fold(site: str) -> Fold:
    left_out = {site} | _HELD_WITH.get(site, frozenset())
    with tempfile.TemporaryDirectory() as tmp:
        train_models([p for p in _PREPARED if p.page.site not in left_out], Path(tmp))
        use_models(Path(tmp))
        out = []
        for p in _PREPARED:
            if p.page.site == site:
                page = read_page(p.page.raw, name=p.page.name)
                out.append((p, split_page(page), explain_page(page)))
    return Fold(site, out)


def cross_validate(prepared: Sequence[Prepared], *, corpus: str = "real", procs: int = 2,
                   held_with: Mapping[str, frozenset[str]] | None = None) -> list[Fold]:
    """One fold per site of the ``corpus`` pages, in site order.

    ``held_with`` names, for a site, other sites of the training set left out of its fold with it
    (the generator's layout families modelled on that site's pages).
    """
    global _PREPARED, _HELD_WITH
    _PREPARED = list(prepared)
    _HELD_WITH = dict(held_with or {})
    sites = sorted({p.page.site for p in prepared if p.page.corpus == corpus})
    if procs <= 1:
        return [_fold(site) for site in sites]
    with multiprocessing.get_context("fork").Pool(procs) as pool:
        return pool.map(_fold, sites)
