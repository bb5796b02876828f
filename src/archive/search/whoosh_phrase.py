"""Phrases inside Whoosh, matched as whoosh matches them at a fraction of the cost.

whoosh matches a phrase as the documents holding all its words (an
intersection of the words' postings, scored as the sum of the words' scores)
whose positions line up, which it checks by building a span object for every
position of every word and comparing them pair by pair: for a phrase of two
common words, nearly all of a search's time.  ``fast_phrases`` puts in each
plain phrase (words next to each other, in order) a query that keeps the same
intersection and so the same scores and order, and checks the positions with
set arithmetic: the phrase starts at ``p`` when word ``k`` is at ``p + k`` for
every ``k``.  Phrases with a slop, or over fields without plain positions, are
left to whoosh.
"""

from __future__ import annotations

from itertools import accumulate
from pickle import loads
from typing import Any

from whoosh import formats, matching, query
from whoosh.matching import binary
from whoosh.util import make_binary_tree

_INT_SIZE = 4


def fast_phrases(q: Any, schema: Any) -> Any:
    """``q`` with each plain phrase over a field of plain positions matched by ``_Phrase``."""
    def swap(node: Any) -> Any:
        if (type(node) is query.Phrase and node.slop == 1 and node.fieldname in schema
                and type(schema[node.fieldname].format) is formats.Positions):
            return _Phrase(node.fieldname, node.words, boost=node.boost, char_ranges=node.char_ranges)
        return node

    return q.accept(swap)


class _Phrase(query.Phrase):
    def matcher(self, searcher: Any, context: Any = None) -> Any:
        field = searcher.schema[self.fieldname]
        reader = searcher.reader()
        terms = []
        for word in self.words:
            try:
                text = field.to_bytes(word)
            except ValueError:
                return matching.NullMatcher()
            if (self.fieldname, text) not in reader:
                return matching.NullMatcher()
            terms.append(query.Term(self.fieldname, text))
        # As whoosh's span queries do: the words are matched with positions, and scored.
        ms = [t.matcher(searcher, context.set(needs_current=True) if context else None) for t in terms]
        m: Any = _PhraseMatcher(make_binary_tree(binary.IntersectionMatcher, ms), ms)
        if self.boost != 1.0:
            m = matching.WrappingMatcher(m, boost=self.boost)
        return m


def _positions(value: bytes) -> Any:
    """The positions of a ``formats.Positions`` value (as ``decode_positions``, with the sum taken in C)."""
    if not value.endswith(b"."):
        value += b"."
    return accumulate(loads(value[_INT_SIZE:]))


class _PhraseMatcher(matching.WrappingMatcher):
    """The intersection of a phrase's words, kept to the documents where the words stand in order."""

    def __init__(self, child: Any, ms: list[Any]) -> None:
        super().__init__(child)
        self._ms = ms
        self._find()

    def copy(self) -> Any:
        return _PhraseMatcher(self.child.copy(), self._ms)

    def _lined_up(self) -> bool:
        ms = self._ms
        last = len(ms) - 1
        starts = set(_positions(ms[0].value()))
        for k in range(1, last):
            starts.intersection_update([p - k for p in _positions(ms[k].value())])
            if not starts:
                return False
        return any(p - last in starts for p in _positions(ms[last].value()))

    def _find(self) -> None:
        child = self.child
        while child.is_active() and not self._lined_up():
            child.next()

    def next(self) -> None:
        self.child.next()
        self._find()

    def skip_to(self, id: int) -> None:
        self.child.skip_to(id)
        self._find()

    def all_ids(self) -> Any:
        while self.is_active():
            yield self.id()
            self.next()

    def replace(self, minquality: float = 0) -> Any:
        return self if self.is_active() else matching.NullMatcher()

    def supports_block_quality(self) -> bool:
        return False

    def spans(self) -> Any:
        raise NotImplementedError("a phrase here is not a span query")
