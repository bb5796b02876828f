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
identity.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from ..errors import StoreCorrupt
from ..models import Article, SplitPage
from ..store import Store
from ..text import fold
from .ids import article_path, page_path
from .pages import read_page
from .records import read_body, read_meta

#: Shingle size and the Jaccard similarity at or above which two bodies may be one article.
#: Measured by bench/similarity_threshold.py on the test pages: two different articles
#: reach at most 0.045, a corrected copy (one of four sentences rewritten, a paragraph added,
#: the last of three dropped) at least 0.28.  Only articles of the same outlet and date are compared.
SHINGLE = 5
SAME_BODY = 0.2
#: Words of text of its own an article needs before that text alone can tell it from another: below
#: this, a retitled copy is not looked for, and a changed sentence or two is taken for a correction.
OWN_WORDS = 40
#: Suffixes tried ("-2", "-3"...) before a name is given up as taken.
MAX_SUFFIX = 1000


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


def shingles(text: str, size: int = SHINGLE) -> set[int]:
    """Hashes of the overlapping ``size``-word runs of ``text`` (folded)."""
    words = fold(text).split()
    if len(words) < size:
        return {hash(" ".join(words))} if words else set()
    return {hash(" ".join(words[i:i + size])) for i in range(len(words) - size + 1)}


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


def locate_page(store: Store, split: SplitPage, found: Collection[str]) -> tuple[str, bool]:
    """The page's object id, and whether it is stored already.

    ``found`` are the ids of the page's articles that are stored already.  A stored page is this page
    when its key is this page's and it holds most of this page's (distinct) articles.
    """
    key = page_key(split)
    wanted = set(found)
    distinct = len({(identity_key(a.outlet, a.title, a.date), a.body) for a in split.articles})
    for suffix in range(1, MAX_SUFFIX):
        page_id = page_path(split.date, split.title or Path(split.name).stem, suffix=suffix)
        if not store.has(page_id):
            return page_id, False
        stored = read_page(store, page_id)
        if stored.get("key") == key and 2 * len(wanted & set(stored.get("articles", []))) > distinct:
            return page_id, True
    raise StoreCorrupt(f"too many pages named like '{split.title}'", path=str(store.root))


def locate_article(store: Store, article: Article, *, taken: Collection[str] = ()) -> Located:
    """Where ``article`` goes: a stored article it is a version of, or a free id.

    ``taken`` are ids that this article may not be (the other articles of its page).
    """
    key = identity_key(article.outlet, article.title, article.date)
    free, doubtful = None, None
    compared = set(taken)
    for suffix in range(1, MAX_SUFFIX):
        object_id = article_path(article.outlet, article.date, article.title, suffix=suffix)
        if not store.has(object_id):
            free = object_id
            break
        if object_id in compared:
            continue
        compared.add(object_id)
        meta = read_meta(store, object_id)
        if meta.get("key") != key:
            continue
        match = compare(read_body(store, object_id), article.body, same_title=True)
        if match is Match.SAME:
            return Located(object_id, meta)
        if match is Match.DOUBTFUL:
            doubtful = doubtful or object_id
    if free is None:
        raise StoreCorrupt(f"too many articles named like '{article.title}'", path=str(store.root))
    retitled, doubtful_retitled = _retitled(store, article, free, compared)
    if retitled is not None:
        return retitled
    return Located(free, None, doubtful or doubtful_retitled)


def _retitled(store: Store, article: Article, new_id: str,
              compared: Collection[str]) -> tuple[Located | None, str | None]:
    """A stored article of the same outlet and date whose text is this one's, under another title;
    else None and the first such article that is a doubtful match.  ``compared`` are left out."""
    if not article.date or len(article.body.split()) < OWN_WORDS:
        return None, None
    parent = new_id.rsplit("/", 1)[0]
    folder = store.root / parent
    if not folder.is_dir():
        return None, None
    key = identity_key(article.outlet, article.title, article.date)
    doubtful = None
    for sibling in sorted(folder.iterdir()):
        object_id = f"{parent}/{sibling.name}"
        if object_id in compared or not store.has(object_id):
            continue
        meta = read_meta(store, object_id)
        if meta.get("date") != article.date:
            continue
        match = compare(read_body(store, object_id), article.body, same_title=meta.get("key") == key)
        if match is Match.SAME:
            return Located(object_id, meta), None
        if match is Match.DOUBTFUL:
            doubtful = doubtful or object_id
    return None, doubtful
