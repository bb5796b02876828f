"""The query budget: what one search may cost, checked before it runs and bounded while it runs.

A search is a service that strangers may call (a web interface, a shared
machine): a query must not cost minutes or gigabytes.  The query's text is
checked first (``check_budget``): its length, how many words and phrases it
has, the edit distance of fuzzy words (at most ``MAX_EDITS``, as Lucene
allows), and no wildcard at the start of a word (it reads every word of the
index); a word that is only ``*`` means "everything".  The engine then bounds
how many indexed words prefixes, wildcards and fuzzy words may stand for
(``MAX_EXPANSION``) and how long the search may run (``SEARCH_SECONDS``).
"Did you mean" runs only for short queries of short words (``suggests``).  Past
any bound, a ``QueryError`` says in one line what to narrow.
"""

from __future__ import annotations

import re

from ..errors import QueryError

#: Characters in a query: more is not a query a person typed.
MAX_QUERY_CHARS = 1_000
#: Words and phrases in a query (each is a clause the engine scores).
MAX_TERMS = 64
#: Edits a fuzzy word may allow (word~2): beyond two, nearly every word matches.
MAX_EDITS = 2
#: Indexed words that the prefixes, wildcards and fuzzy words of one query may stand for, in all.
MAX_EXPANSION = 1_000
#: Seconds a search may run before it is stopped.
SEARCH_SECONDS = 10.0
#: "Did you mean" is looked for only for queries of at most this many words, each at most this long.
SUGGEST_WORDS, SUGGEST_CHARS = 6, 30

_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"})
#: A word that is only stars, with or without a field: "*", "**", "body:*".
_ALL_RE = re.compile(r"(?<![\w*?])(?:[A-Za-z_]+:)?\*+(?![\w*?])")


def _outside_quotes(text: str) -> str:
    return re.sub(r'"[^"]*"', lambda m: " " * len(m.group(0)), text)


def check_budget(text: str) -> str:
    """The query, if it is within the budget, with words that are only ``*`` left out (they mean everything).

    Raises:
        QueryError: a query too long, with too many words, a fuzzy word allowing more than two edits,
            or a wildcard at the start of a word.
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query is {len(text):,} characters, more than {MAX_QUERY_CHARS:,}: shorten it",
                         query=text[:80])
    outside = _outside_quotes(text)
    terms = text.count('"') // 2 + sum(1 for w in re.findall(r"[^\s()\"]+", outside) if w not in _OPERATORS)
    if terms > MAX_TERMS:
        raise QueryError(f"query has {terms} words and phrases, more than {MAX_TERMS}: use fewer",
                         query=text[:80])
    for match in re.finditer(r"(?<=[\w*?])~(\d+(?:\.\d+)?)", outside):
        if float(match.group(1)) > MAX_EDITS:
            raise QueryError(f"'{match.group(0)}' allows {match.group(1)} edits, more than {MAX_EDITS}: "
                             f"use ~1 or ~2", query=text)
    kept = _ALL_RE.sub(" ", text) if _ALL_RE.search(outside) else text
    for word in re.findall(r"(?:^|[\s(:-])([*?][^\s()\"]*)", _outside_quotes(kept)):
        raise QueryError(f"'{word}' starts with a wildcard, which reads every word of the index: "
                         f"start with a letter or two (mosul*, pass?ge)", query=text)
    return kept.strip() if kept is not text else text


def suggests(text: str) -> bool:
    """Whether "did you mean" may be looked for: a short query of short words (it costs per letter)."""
    words = re.findall(r"\w+", text)
    return 0 < len(words) <= SUGGEST_WORDS and all(len(w) <= SUGGEST_CHARS for w in words)


def expansion_error(pattern: str, count: int) -> QueryError:
    """The error for a query whose patterns stand for too many words."""
    return QueryError(f"'{pattern}' and the query's other patterns stand for more than {count:,} indexed "
                      f"words: make the pattern longer (more letters before * or ?) or the fuzzy word closer",
                      query=pattern)


def timeout_error(text: str) -> QueryError:
    """The error for a search stopped at ``SEARCH_SECONDS``."""
    return QueryError(f"the search took more than {SEARCH_SECONDS:g} seconds and was stopped: narrow it "
                      f"(fewer patterns, longer prefixes, a field, --since/--until or --outlet)", query=text)
