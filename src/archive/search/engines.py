"""Choosing the engine: the one place that knows which engines there are.

``open_index`` gives the ``SearchIndex`` that ``archive.toml`` names
(``[index] engine``): Whoosh in a folder (the default) or PostgreSQL on a
server (``url``, or ``ARCHIVE_INDEX_URL``).  Nothing above the search package
knows which one answers.  The PostgreSQL engine is imported only when it is
used, so a Whoosh archive never loads the driver.
"""

from __future__ import annotations

from pathlib import Path

from ..config import Config
from .index import SearchIndex


def open_index(config: Config) -> SearchIndex:
    """The index ``config`` names."""
    if config.index_engine == "postgresql":
        from .pg_engine import PostgresIndex

        return PostgresIndex(config.index_url, lock_timeout=config.lock_timeout)
    from .whoosh_engine import WhooshIndex

    return WhooshIndex(config.index_path, lock_timeout=config.lock_timeout)


def describe_index(config: Config) -> str:
    """Where the configured index lives, as it may be printed (a server's address without its password)."""
    if config.index_engine == "postgresql":
        from .pg_text import shown_url

        return shown_url(config.index_url)
    return str(Path(config.index_path))
