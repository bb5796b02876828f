"""Search: the index interface, its one engine (Whoosh), query checking and results.

``SearchIndex`` (``index``) is what the archive asks of an engine;
``WhooshIndex`` (``whoosh_engine``, with ``whoosh_schema`` and
``whoosh_budget``) is the engine, and the only importer of whoosh.
``check_query`` (``query``) reads the query language; ``run_search`` and
``similar_articles`` (``results``) return hits and facets; ``budget`` bounds
what a query may cost.  Search never reads the store: it is handed records and texts.
"""

from __future__ import annotations

from .index import FACETS, SearchIndex, SearchRequest
from .query import check_query
from .results import run_search, similar_articles, split_marks
from .whoosh_engine import MARKER, WhooshIndex

__all__ = ["FACETS", "MARKER", "SearchIndex", "SearchRequest", "WhooshIndex", "check_query", "run_search",
           "similar_articles", "split_marks"]
