"""The Whoosh schema: how an article is analysed and stored in the index, in one place.

Words are case- and accent-folded and stemmed; "US-led" and "9,000" are
indexed whole and by their parts; facets read sortable columns; dates are a
day number so that range filters touch few terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh import fields
from whoosh.analysis import CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, StemFilter, Token
from whoosh.support.charset import accent_map

from .documents import FACET_FIELDS, document

__all__ = ["DEFAULT_FIELDS", "FACET_FIELDS", "SCHEMA_VERSION", "document", "make_schema"]

#: Bumped when the schema changes: an index of another version is rebuilt from the store.
SCHEMA_VERSION = 5
#: The fields a query searches when it names none.
DEFAULT_FIELDS = ["title", "body", "outlet", "author"]
_TOKEN = r"\w+(?:[-.,'’]\w+)*"
_SPLIT_RE = re.compile(r"[-.,'’]+")


class _CompoundFilter(Filter):
    """Index "us-led" and "9,000" whole and also by their parts; queries keep them whole."""

    # whoosh types Filter.__call__ and Composable.__call__ differently; this follows Filter.
    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:  # type: ignore[override]
        for token in tokens:
            text = token.text
            yield token
            if token.mode == "index" and not text.isalnum() and _SPLIT_RE.search(text):
                for part in _SPLIT_RE.split(text):
                    if part and part != text:
                        token.text = part
                        yield token


class _WordStemFilter(StemFilter):
    """Stems words, but not the text of a prefix or wildcard query ("palmy*" must not become "palmi*").

    whoosh parses prefix, wildcard and fuzzy terms with ``removestops=False`` and plain words
    with ``removestops=True``; that flag is the only sign of which one a query token is.
    """

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:  # type: ignore[override]
        stem = self._stem
        for token in tokens:
            if not token.stopped and not (token.mode == "query" and not getattr(token, "removestops", True)):
                token.text = stem(token.text)
            yield token


def _analyzer() -> Any:
    return (RegexTokenizer(_TOKEN) | LowercaseFilter() | CharsetFilter(accent_map)
            | _CompoundFilter() | _WordStemFilter(cachesize=100_000))


def make_schema() -> fields.Schema:
    """The one schema of the archive index."""
    text = _analyzer()
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        version=fields.STORED(),
        digest=fields.STORED(),
        title=fields.TEXT(analyzer=text, stored=True, field_boost=2.0),
        body=fields.TEXT(analyzer=text, stored=False),
        outlet=fields.TEXT(analyzer=text, stored=True),
        author=fields.TEXT(analyzer=text, stored=True),
        outlet_f=fields.ID(sortable=True),
        # Facets read sortable columns (fast); filters read the per-author and per-page terms.
        author_f=fields.ID(sortable=True),
        # Each name of a credit, folded (``name_key``): what --outlet and --author match.
        author_k=fields.KEYWORD(commas=True),
        outlet_k=fields.KEYWORD(commas=True),
        page_f=fields.ID(sortable=True),
        # A person's tags: searched as tag:label, counted from the joined labels (split by ``results``).
        tag=fields.KEYWORD(commas=True, lowercase=True),
        tag_f=fields.ID(sortable=True),
        date=fields.ID(stored=True, sortable=True),
        # Days since 1 January 1 (a proleptic ordinal): range filters on a trie-encoded number
        # touch a handful of terms, where a range over date strings touches every date.
        day=fields.NUMERIC(int, bits=32, signed=False, shift_step=4),
        year=fields.ID(sortable=True),
        month=fields.ID(sortable=True),
        page=fields.KEYWORD(commas=True, stored=True),
        review=fields.ID(),
        withdrawn=fields.ID(),
    )
