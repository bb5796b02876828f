"""Extraction: bytes -> ``SplitPage``, pure (no store, no index, no files).

``read_page`` decodes a page and cuts it into blocks (``decode``, ``html``,
``read``); ``split_page`` finds its articles (``features`` of each block, the
``segment``er and its ``items``, the ``fields`` of each article), from the
recognisers of ``dates`` and ``lines`` and the ``patterns`` they all read.
``split_bytes`` does both and keeps the articles that have text.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import ParseError
from ..models import SplitPage
from .read import read_page
from .segment import split_page

__all__ = ["read_page", "split_bytes", "split_page"]


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
