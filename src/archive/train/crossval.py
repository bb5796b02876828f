"""Leave-one-site-out cross-validation: how the splitter does on a site it was not trained on.

For each site of the real pages, both labellers are trained on every other
page (the other sites, the invented pages, the generated ones) and split the
left-out site's pages; the caller scores them.  Folds run in parallel
processes, each with its own models.
"""

from __future__ import annotations

import multiprocessing
import tempfile
from collections.abc import Sequence
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


def _fold(site: str) -> Fold:
    with tempfile.TemporaryDirectory() as tmp:
        train_models([p for p in _PREPARED if p.page.site != site], Path(tmp))
        use_models(Path(tmp))
        out = []
        for p in _PREPARED:
            if p.page.site == site:
                page = read_page(p.page.raw, name=p.page.name)
                out.append((p, split_page(page), explain_page(page)))
    return Fold(site, out)


def cross_validate(prepared: Sequence[Prepared], *, corpus: str = "real", procs: int = 2) -> list[Fold]:
    """One fold per site of the ``corpus`` pages, in site order."""
    global _PREPARED
    _PREPARED = list(prepared)
    sites = sorted({p.page.site for p in prepared if p.page.corpus == corpus})
    if procs <= 1:
        return [_fold(site) for site in sites]
    with multiprocessing.get_context("fork").Pool(procs) as pool:
        return pool.map(_fold, sites)
