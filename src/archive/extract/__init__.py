"""Extraction: bytes -> ``SplitPage``, pure (no store, no index, no files).

A cascade of two learned labellers over cheap, general features:

* ``read_page`` decodes the bytes (``decode``) and cuts the page into blocks,
  text paragraphs or HTML blocks with the hints of their markup (``html``);
* ``units`` cuts the blocks' lines into segments; ``features`` describes each;
* ``segment`` (level one, a CRF) gives each unit a role and marks where each
  article starts;
* ``assemble`` turns the roles into articles, asking ``fields`` (level two, a
  CRF over the header's ``tokens``) for each one's title, people, outlet and date.

The recognisers of ``dates`` and ``lines`` are features of both levels, and
``patterns`` holds every pattern and word list.  The models are trained by
``archive.train`` from labelled pages.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import ParseError
from ..models import Article, ExplainedUnit, SourcePage, SplitPage
from .address import page_address
from .assemble import build_article, credit_from_sources, drafts, join_units, page_fields
from .read import read_page
from .segment import ROLES, Label, label_units
from .units import Unit, page_units

__all__ = ["ROLES", "ExplainedUnit", "explain_page", "page_address", "read_page", "split_bytes", "split_page"]


def _label(page: SourcePage) -> tuple[list[Unit], list[Label]]:
    units = page_units(page.blocks)
    return units, label_units(units)


def split_page(page: SourcePage) -> SplitPage:
    """Cut a read page into its articles and the page's own fields."""
    units, labels = _label(page)
    fields = page_fields(units, labels)
    page_title = fields.title or page.meta.title
    articles: list[Article] = [build_article(units, labels, d, n, page_title=page_title if n == 1 else None)
                               for n, d in enumerate(drafts(labels), start=1)]
    articles = credit_from_sources(articles, fields.source_line)
    if page.meta.read_as_text:
        articles = [replace(a, review=True, review_reasons=(*a.review_reasons, "markup unreadable: read as text"))
                    for a in articles]
    if not articles and units:
        # No article found: the page's whole text is one, for a person to look at.
        text = join_units(units)
        articles = [Article(title=page.meta.title or fields.title or " ".join(text.split()[:10]), body=text,
                            position=1, review=True, review_reasons=("no structure found",))]
    return SplitPage(
        name=page.name, title=page_title, date=fields.date or page.meta.date,
        date_text=fields.date_text if fields.date else None, source_line=fields.source_line,
        fair_use_note=fields.fair_use_note, articles=tuple(articles), media_type=page.media_type,
        encoding=page.encoding, warnings=page.warnings,
    )


def explain_page(page: SourcePage) -> list[ExplainedUnit]:
    """Every unit of a page with its role, start mark, confidence and article."""
    units, labels = _label(page)
    article_of: dict[int, int] = {}
    for n, d in enumerate(drafts(labels), start=1):
        article_of.update((i, n) for i in d.order)
    return [ExplainedUnit(u.text, lab.role, lab.start, lab.confidence, article_of.get(i), u.line)
            for i, (u, lab) in enumerate(zip(units, labels, strict=True))]


def split_bytes(raw: bytes, *, name: str, max_bytes: int | None = None) -> SplitPage:
    """Read and split one page's bytes.

    Raises:
        SourceError: the bytes are not a page, or no article is found in them.
    """
    page = split_page(read_page(raw, name=name, max_bytes=max_bytes))
    articles = tuple(a for a in page.articles if a.body.strip())
    if not articles:
        raise ParseError(f"{name}: no article found in the page", path=name)
    return replace(page, articles=articles)
