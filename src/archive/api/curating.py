"""What ``Archive`` does to work through and organise the archive: review, restore, list pages and
withdrawn articles.

Every change is a new version of a stored object (the store is the source of
truth), made under the store lock and indexed before the lock is let go.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

from .. import catalog
from ..models import ArticleRecord
from ..store import Store


class Curator:
    """Working the review queue and the withdrawn articles down; ``Archive`` provides ``store``,
    ``notices``, ``_writing`` and ``_index_one``."""

    store: Store
    notices: list[str]
    _writing: Callable[[], AbstractContextManager[None]]
    _index_one: Callable[[ArticleRecord], None]

    def review(self, article_id: str, *, reason: str = "reviewed") -> int | None:
        """Mark an article reviewed (right as it stands) as a new version; None when it needed no review."""
        with self._writing():
            return catalog.review(self.store, article_id, reason=reason, on_change=self._index_one)

    def restore(self, article_id: str, *, reason: str) -> int | None:
        """Undo a withdrawal as a new version, back in search; None when it was not withdrawn."""
        with self._writing():
            return catalog.restore(self.store, article_id, reason=reason, on_change=self._index_one)

    def withdrawn(self) -> Iterator[ArticleRecord]:
        """Every withdrawn article, read from the store (search leaves them out)."""
        return (r for r in catalog.iter_records(self.store, damaged=self.notices) if r.withdrawn)

    def pages(self) -> list[dict[str, Any]]:
        """Every stored compilation page's ``page.json``, newest first."""
        found = list(catalog.iter_pages(self.store, damaged=self.notices))
        return sorted(found, key=lambda p: (p.get("date") or "", p["id"]), reverse=True)
