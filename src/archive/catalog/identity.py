"""Identity: when an article or a page is one already stored.

An article is compared with the stored articles of its outlet and date: those
under the same folded title first, then (a retitled copy) the others.  Two
texts are one article only on the text each has of its own: text they share
word for word may be boilerplate (a series note, a tip line) that says nothing
of which story it is.  So a match needs

1. the texts to be close (shingle similarity of at least ``SAME_BODY``), and
2. the paragraphs that each has and the other lacks, when both have enough of
   them to tell two stories apart (``OWN_WORDS``), to be close as well;

under another title, most of the text must be shared as well.  A pair that
passes (1) but fails the rest is *doubtful*: it is kept as two articles, the
new one flagged "possible duplicate of ..." for review, never overwritten.
The articles of one page are never versions of one another: a page that
prints one text twice holds it once (ingest's "repeated"), and any other two
of its articles are two articles.

A page is the one stored with the same folded title, date and source line
*and* most of the same articles: a title alone ("Weekly Roundup", undated)
says little.  An object that cannot be read is reported, never taken for a new
identity.  Look-ups go through a ``Lookup`` (``lookup``): each folder is read
once per batch, so the cost per article stays flat however full its folder.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from ..models import Article, SplitPage
from ..text import fold
from .ids import article_path, page_path
from .lookup import SHINGLE, Lookup, shingles

__all__ = ["OWN_WORDS", "SAME_BODY", "SHINGLE", "Located", "Lookup", "Match", "compare", "identity_key",
           "locate_article", "locate_page", "page_key", "shingles", "similarity"]

#: The Jaccard similarity of shingles at or above which two bodies may be one article.
#: Measured by bench/similarity_threshold.py on the test pages: two different articles
#: reach at most 0.045, a corrected copy (one of four sentences rewritten, a paragraph added,
#: the last of three dropped) at least 0.28.  Only articles of the same outlet and date are compared.
SAME_BODY = 0.2
#: Words of text of its own an article needs before that text alone can tell it from another: below
#: this, a retitled copy is not looked for, and a changed sentence or two is taken for a correction.
OWN_WORDS = 40


class Match(Enum):
    """How a new article's text stands to a stored one's."""

    SAME = "same"
    #: Close texts that differ in what each has of its own: kept apart and flagged for review.
    DOUBTFUL = "doubtful"
    DIFFERENT = "different"


@dataclass(frozen=True)
class Located:
    """Where an article goes: its id, the stored metadata when it is stored already (else None),
    and the id of a stored article it may duplicate (a doubtful match), if any."""

    id: str
    meta: dict[str, Any] | None = None
    doubtful_of: str | None = None


def identity_key(outlet: str | None, title: str | None, date: str | None) -> str:
    """What makes an article the same article: folded outlet and title, and date."""
    return f"{fold(outlet)}|{fold(title)}|{date or ''}"


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of two texts' shingles: 1.0 for the same text, near 0 for unrelated ones."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def _paragraphs(text: str) -> list[str]:
    return [fold(p) for p in text.split("\n\n") if fold(p)]


def own_texts(a: str, b: str) -> tuple[str, str]:
    """The paragraphs of ``a`` that ``b`` lacks, and those of ``b`` that ``a`` lacks (folded)."""
    pa, pb = _paragraphs(a), _paragraphs(b)
    shared = set(pa) & set(pb)
    return " ".join(p for p in pa if p not in shared), " ".join(p for p in pb if p not in shared)


def compare(stored: str, new: str, *, same_title: bool) -> Match:
    """Whether ``new`` is a version of the article whose text is ``stored`` (see the module docstring)."""
    if fold(stored) == fold(new):
        return Match.SAME
    sa, sb = shingles(stored), shingles(new)
    if not sa or not sb or len(sa & sb) < SAME_BODY * len(sa | sb):
        return Match.DIFFERENT
    own_a, own_b = own_texts(stored, new)
    if (len(own_a.split()) >= OWN_WORDS and len(own_b.split()) >= OWN_WORDS
            and similarity(own_a, own_b) < SAME_BODY):
        return Match.DOUBTFUL  # what they share may be boilerplate; what each has of its own differs
    if not same_title and 2 * len(sa & sb) < max(len(sa), len(sb)):
        return Match.DOUBTFUL  # another title, and most of the text is not shared
    return Match.SAME


def page_key(split: SplitPage) -> str:
    """What a page's title line says of it: folded title, date and source line."""
    return f"{fold(split.title)}|{split.date or ''}|{fold(split.source_line)}"


def locate_page(lookup: Lookup, split: SplitPage, found: Collection[str]) -> tuple[str, bool]:
    """The page's object id, and whether it is stored already.

    ``found`` are the ids of the page's articles that are stored already.  A stored page is this page
    when it was given or fetched from the same address (in the same month's folder), or when its key is
    this page's and it holds most of this page's (distinct) articles.
    """
    wanted = set(found)
    distinct = len({(identity_key(a.outlet, a.title, a.date), a.body) for a in split.articles})

    def name_for(suffix: int) -> str:
        return page_path(split.date, split.title or Path(split.name).stem, suffix=suffix)

    folder = lookup.folder(name_for(1))
    source = split.source
    if source.url and not source.from_markup:  # the address it was given or fetched from names the page
        # (a canonical link in markup does not: sites point many pages at one address)
        for page_id, meta in folder.meta.items():
            if meta.get("url") == source.url:
                return page_id, True
    for page_id in folder.by_key.get(page_key(split), []):
        if 2 * len(wanted & set(folder.meta[page_id].get("articles", []))) > distinct:
            return page_id, True
    return folder.free_id(name_for), False


def locate_article(lookup: Lookup, article: Article, *, taken: Collection[str] = ()) -> Located:
    """Where ``article`` goes: a stored article it is a version of, or a free id.

    ``taken`` are ids that this article may not be (the other articles of its page).
    """
    def name_for(suffix: int) -> str:
        return article_path(article.outlet, article.date, article.title, suffix=suffix)

    folder = lookup.folder(name_for(1))
    key = identity_key(article.outlet, article.title, article.date)
    own = shingles(article.body)
    # Only a text that shares enough shingles can be close to this one: the index finds those at once.
    candidates = folder.sharing(article.date, own, least=max(1, math.ceil(SAME_BODY * len(own))))
    retitled = bool(article.date) and len(article.body.split()) >= OWN_WORDS
    doubtful = None
    for object_id in candidates:
        meta = folder.meta[object_id]
        same_title = meta.get("key") == key
        if object_id in taken or not (same_title or retitled):
            continue
        match = compare(folder.body(object_id), article.body, same_title=same_title)
        if match is Match.SAME:
            return Located(object_id, meta)
        if match is Match.DOUBTFUL:
            doubtful = doubtful or object_id
    return Located(folder.free_id(name_for), None, doubtful)
