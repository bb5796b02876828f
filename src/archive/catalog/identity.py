"""Identity: when an article or a page is one already stored.

An article is the one stored under the same outlet, folded title and date, as
long as its text is the same or close (two "Editorial"s of one outlet and day
are two articles); a copy whose title differs is still the same article when
its text is (shingle similarity of at least ``SAME_BODY`` with an article of
the same outlet and date).  A page is the one stored with the same folded
title, date and source line.  An object that cannot be read is reported,
never taken for a new identity.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import StoreCorrupt
from ..models import Article, SplitPage
from ..store import Store
from ..text import fold
from .ids import article_path, page_path
from .pages import read_page
from .records import read_body, read_meta

#: Shingle size and the Jaccard similarity at or above which two bodies are one article.
#: Measured by bench/similarity_threshold.py on the test pages: two different articles
#: reach at most 0.045, a corrected copy (one of four sentences rewritten, a paragraph added,
#: the last of three dropped) at least 0.28.  Only articles of the same outlet and date are compared.
SHINGLE = 5
SAME_BODY = 0.2


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
#: Suffixes tried ("-2", "-3"...) before a name is given up as taken.
MAX_SUFFIX = 1000


def page_key(split: SplitPage) -> str:
    """What makes a page the same page: folded title, date and source line."""
    return f"{fold(split.title)}|{split.date or ''}|{fold(split.source_line)}"


def locate_page(store: Store, split: SplitPage) -> tuple[str, bool]:
    """The page's object id, and whether it is stored already."""
    key = page_key(split)
    for suffix in range(1, MAX_SUFFIX):
        page_id = page_path(split.date, split.title or Path(split.name).stem, suffix=suffix)
        if not store.has(page_id):
            return page_id, False
        if read_page(store, page_id).get("key") == key:
            return page_id, True
    raise StoreCorrupt(f"too many pages named like '{split.title}'", path=str(store.root))


def locate_article(store: Store, article: Article) -> tuple[str, dict[str, Any] | None]:
    """The article's object id and stored metadata (None when it is new)."""
    key = identity_key(article.outlet, article.title, article.date)
    free = None
    for suffix in range(1, MAX_SUFFIX):
        object_id = article_path(article.outlet, article.date, article.title, suffix=suffix)
        if not store.has(object_id):
            free = object_id
            break
        meta = read_meta(store, object_id)
        if meta.get("key") == key and _same_body(store, object_id, article.body):
            return object_id, meta
    if free is None:
        raise StoreCorrupt(f"too many articles named like '{article.title}'", path=str(store.root))
    same = _same_text(store, article, free)
    return same if same is not None else (free, None)


def _same_body(store: Store, object_id: str, body: str) -> bool:
    """Two articles that share outlet, title and date ("Editorial", say) are one only if their text is."""
    stored = read_body(store, object_id)
    return stored == body or similarity(stored, body) >= SAME_BODY


def _same_text(store: Store, article: Article, new_id: str) -> tuple[str, dict[str, Any]] | None:
    """A stored article of the same outlet and date whose text is this one's, under another title."""
    if not article.date or len(article.body.split()) < 40:
        return None
    folder = store.root / new_id.rsplit("/", 1)[0]
    if not folder.is_dir():
        return None
    for sibling in sorted(folder.iterdir()):
        object_id = f"{new_id.rsplit('/', 1)[0]}/{sibling.name}"
        if not store.has(object_id):
            continue
        meta = read_meta(store, object_id)
        if meta.get("date") != article.date:
            continue
        if similarity(read_body(store, object_id), article.body) >= SAME_BODY:
            return object_id, meta
    return None
