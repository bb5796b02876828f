"""The query budget inside Whoosh: how many words a query's patterns stand for.

``budget`` checks a query's text; this module bounds what only the engine
sees: prefix, wildcard and fuzzy words expand to indexed words (counted here,
at most ``MAX_EXPANSION`` in all, before any is searched); ``whoosh_collect``
stops a search at ``SEARCH_SECONDS``.
"""

from __future__ import annotations

from typing import Any

from whoosh import query

from . import budget


def check_expansion(q: Any, reader: Any) -> None:
    """Raise ``QueryError`` when the query's patterns stand for more than ``MAX_EXPANSION`` indexed words.

    Date ranges are not counted: they stand for days, a few thousand at most.
    """
    most = budget.MAX_EXPANSION
    total = 0
    for leaf in q.leaves():
        if isinstance(leaf, query.MultiTerm) and not isinstance(leaf, query.TermRange):
            for _ in leaf._btexts(reader):
                total += 1
                if total > most:
                    raise budget.expansion_error(str(leaf), most)
