"""Words as people type them, inside Whoosh: fuzzy words, "did you mean", and partial matches.

The index holds stems ("passag"), not the words people type ("passage").  A
fuzzy word (``pasage~``) is stemmed as the text was and compared with the
indexed stems, a swap of two neighbouring letters counting as one edit
(``Moslu~`` finds "Mosul").  "Did you mean" offers whole words only: a stem
near the typed word is turned back into the word it stands for by reading one
article that has it (a no-hit query is rare, so the cost is paid rarely), and
only a corrected query that finds something is offered.  When every word is
required and no article has them all, the articles with the most of them are
the partial matches, each with the words it lacks.  Keeping whole words in the
index instead (whoosh's spelling fields) nearly doubled indexing time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from whoosh import query

from ..text import fold
from . import budget
from .whoosh_schema import DEFAULT_FIELDS

#: Query words that are operators, not words to correct.
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"})
#: How many corrected queries are tried before giving up on a suggestion.
_TRIES = 3


def osa_distance(a: str, b: str) -> int:
    """Edits between two words: insertions, deletions, substitutions, and a swap of two neighbours as one."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, start=1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _stems(schema: Any, field: str, word: str) -> list[str]:
    return [str(t) for t in schema[field].process_text(word, mode="query")]


def fuzzy_on_words(q: Any, reader: Any) -> Any:
    """The query with each fuzzy word of a text field compared, stemmed, with the field's stems.

    Raises:
        QueryError: a fuzzy word stands for more than ``budget.MAX_EXPANSION`` indexed words.
    """
    schema = reader.schema

    def swap(node: Any) -> Any:
        if not isinstance(node, query.FuzzyTerm) or node.fieldname not in DEFAULT_FIELDS:
            return node
        stem = next(iter(_stems(schema, node.fieldname, node.text)), node.text)
        kept: set[str] = set()
        for typed in {stem, node.text}:
            # A swap is two edits to whoosh's automaton: read one edit wider, then keep what is near enough.
            wide = query.FuzzyTerm(node.fieldname, typed, maxdist=node.maxdist + 1, prefixlength=node.prefixlength)
            for term in wide._btexts(reader):
                text = term.decode() if isinstance(term, bytes) else str(term)
                if osa_distance(text, typed) <= node.maxdist:
                    kept.add(text)
            if len(kept) > budget.MAX_EXPANSION:
                raise budget.expansion_error(f"{node.text}~{node.maxdist}", budget.MAX_EXPANSION)
        return query.Or([query.Term(node.fieldname, t) for t in sorted(kept)]) if kept else query.NullQuery

    return q.accept(swap)


def _plain_words(text: str) -> list[re.Match[str]]:
    return [m for m in re.finditer(r"[^\s\"()]+", re.sub(r'"[^"]*"', lambda m: " " * len(m.group(0)), text))
            if m.group(0) not in _OPERATORS and not re.search(r"[:*?~]", m.group(0))]


def _exists(searcher: Any, word: str) -> bool:
    reader = searcher.reader()
    return any(reader.doc_frequency(name, term) for name in DEFAULT_FIELDS
               for term in _stems(searcher.schema, name, word))


def _whole_word(searcher: Any, stem: str, typed: str, body_for: Callable[[str], str] | None) -> str | None:
    """The word of an article that ``stem`` stands for, nearest to what was typed; None if none is read."""
    for field in ("title", "body"):
        postings = searcher.reader().postings(field, stem) if searcher.reader().doc_frequency(field, stem) else None
        if postings is None:
            continue
        stored = searcher.stored_fields(postings.id())
        text = stored.get("title", "") if field == "title" or body_for is None else body_for(stored["id"])
        words = {w for w in re.findall(r"\w+", fold(text)) if stem in _stems(searcher.schema, field, w)}
        if words:
            return min(sorted(words), key=lambda w: osa_distance(w, typed))
    return None


def suggest(searcher: Any, text: str, *, count: Callable[[str], int],
            body_for: Callable[[str], str] | None = None) -> tuple[str, int] | None:
    """A corrected query of whole words that exist, and how many articles it finds; None when there is
    none that finds something.  ``count`` runs a query (with the search's filters) and counts its hits;
    ``body_for`` gives an article's text (without it, only titles give words back)."""
    fixes: list[tuple[re.Match[str], list[str]]] = []
    for match in _plain_words(text):
        if _exists(searcher, match.group(0)):
            continue
        typed = fold(match.group(0)).replace(" ", "")
        found: list[str] = []
        for field in ("body", "title"):
            corrector = searcher.corrector(field)
            for form in dict.fromkeys([typed, *_stems(searcher.schema, field, typed)]):
                for stem in corrector.suggest(form, limit=_TRIES, maxdist=2, prefix=1):
                    word = _whole_word(searcher, stem, typed, body_for)
                    if word is not None and word not in found:
                        found.append(word)
        if not found:
            return None
        found.sort(key=lambda w: osa_distance(w, typed))
        if match.group(0)[:1].isupper():  # "Moskow" -> "Moscow", as the person wrote it
            found = [w[:1].upper() + w[1:] for w in found]
        fixes.append((match, found))
    if not fixes:
        return None
    for attempt in range(_TRIES):
        out, last = [], 0
        for match, found in fixes:
            out += [text[last:match.start()], found[min(attempt, len(found) - 1)]]
            last = match.end()
        corrected = "".join([*out, text[last:]])
        total = count(corrected)
        if total:
            return corrected, total
    return None


def partial_matches(searcher: Any, text: str, *, query_for: Callable[[str], Any],
                    docs: Callable[[Any], set[int]]) -> tuple[Any, dict[int, tuple[str, ...]]] | None:
    """When no document has every word of a query of plain words: (a query for any of the words, document
    number -> the words it lacks) for the documents with the most of them; None when there are none or the
    query is not plain words.  ``docs`` gives the documents a query matches that a search may show."""
    words = [m.group(0) for m in _plain_words(text)]
    if len(words) < 2 or len(words) != len(text.split()):
        return None
    having = {w: docs(query_for(w)) for w in words}
    counts: dict[int, int] = {}
    for found in having.values():
        for doc in found:
            counts[doc] = counts.get(doc, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    lacking = {doc: tuple(w for w in words if doc not in having[w]) for doc, n in counts.items() if n == best}
    return query.Or([query_for(w) for w in words]), lacking
