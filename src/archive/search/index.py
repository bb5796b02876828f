"""The index interface: what archive asks of a search engine, and what it gets back.

An engine indexes ``ArticleRecord``s and answers a ``SearchRequest`` (a query
already checked by ``query``) with a ``RawResult``; ``results`` turns that
into the ``SearchResult`` the library returns.  An engine never reads the
store: it is handed the records to index and, at search time, a function that
returns an article's text for snippets.  ``whoosh_engine`` is the one engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..models import ArticleRecord, IndexState

#: The facets a search may count.
FACETS = ("outlet", "author", "year", "month", "page", "tag")
#: The marks an engine puts around each matched term of a snippet (``results`` turns them into offsets).
HL_OPEN, HL_CLOSE = "\x02", "\x03"


@dataclass(frozen=True)
class RawHit:
    """A matching document's stored fields, score and snippet (with highlight marks)."""

    fields: dict[str, Any]
    score: float
    snippet: str
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class RawResult:
    total: int
    hits: list[RawHit]
    facets: dict[str, list[tuple[str, int]]]
    corrected: str | None = None
    corrected_total: int = 0
    #: Best partial matches (each with the words it lacks) when no document has every word, and their count.
    partial: list[RawHit] = field(default_factory=list)
    partial_total: int = 0


@dataclass
class SearchRequest:
    """What to search for: a query string already checked by ``search.py``, and filters."""

    text: str
    outlet: str | None = None
    tag: str | None = None
    author: str | None = None
    since: str | None = None
    until: str | None = None
    needs_review: bool = False
    limit: int = 10
    page: int = 1
    sort: str = "relevance"
    facets: tuple[str, ...] = ("outlet", "author", "year")
    snippets: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


class SearchIndex(Protocol):
    """A search index in one folder, in memory or on a server, as the archive uses it."""

    #: The index folder (None in memory or on a server).
    path: Path | None
    #: Where the index lives, as a message may show it (a folder, or a server's address without its password).
    where: str

    def state(self) -> IndexState:
        """Whether the index can be used as it is."""
        ...

    def owns_folder(self) -> bool:
        """True when the index folder is one archive made."""
        ...

    def check_folder(self) -> None:
        """Refuse (``SearchIndexError``) a folder archive did not make and that is not empty."""
        ...

    def create(self) -> None:
        """Make a new, empty index and make it live."""
        ...

    def build(self) -> SearchIndex:
        """A new, empty index beside the live one, which keeps answering until ``swap_in``."""
        ...

    def swap_in(self, built: SearchIndex) -> None:
        """Make an index from ``build`` the live one, in one atomic step."""
        ...

    def leftovers(self) -> Sequence[Path | str]:
        """What replaced indexes and killed builds left (files, or tables), or a build in progress is writing."""
        ...

    def clear_leftovers(self) -> int:
        """Delete the ``leftovers`` (the caller holds the writers' lock); return how many were deleted."""
        ...

    def close(self) -> None:
        """Let go of open files."""
        ...

    def doc_count(self) -> int:
        """How many articles are indexed."""
        ...

    def write(self, records: Iterable[ArticleRecord], *, delete: Iterable[str] = (), procs: int = 1) -> int:
        """Upsert ``records`` and delete ``delete`` ids in one commit; return how many were written."""
        ...

    def tidy(self) -> int:
        """Merge small segments after many writes; return how many are left."""
        ...

    def stored(self) -> dict[str, tuple[int, str]]:
        """id -> (version, digest) of every indexed article."""
        ...

    def search(self, request: SearchRequest, *, body_for: Callable[[str], str] | None = None) -> RawResult:
        """The hits of a checked query, with facet counts over all of them."""
        ...

    def similar(self, object_id: str, text: str, *, limit: int = 10) -> list[RawHit]:
        """The articles most like one article, by the key terms of its text."""
        ...
