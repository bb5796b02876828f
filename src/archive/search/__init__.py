"""Search: the index interface, its two engines (Whoosh, PostgreSQL), query checking and results.

``SearchIndex`` (``index``) is what the archive asks of an engine;
``open_index`` (``engines``) gives the one ``archive.toml`` names.
``WhooshIndex`` (``whoosh_engine``, with ``whoosh_schema`` and
``whoosh_budget``) is the default engine, and the only importer of whoosh;
``PostgresIndex`` (``pg_engine``, with ``pg_schema`` and ``pg_query``) keeps
the index on a PostgreSQL server, and is the only importer of psycopg.
``documents`` holds the values both engines index.
``check_query`` (``query``) reads the query language; ``run_search`` and
``similar_articles`` (``results``) return hits and facets; ``budget`` bounds
what a query may cost.  Search never reads the store: it is handed records and texts.
"""

from __future__ import annotations

from .engines import describe_index, open_index
from .index import FACETS, SearchIndex, SearchRequest
from .query import check_query
from .results import run_search, similar_articles, split_marks
from .whoosh_engine import MARKER, WhooshIndex

__all__ = ["FACETS", "MARKER", "SearchIndex", "SearchRequest", "WhooshIndex", "check_query", "describe_index",
           "open_index", "run_search", "similar_articles", "split_marks"]
