"""The query language in PostgreSQL: a checked query (``query.check_query``) -> an SQL condition.

The query is read into a small tree (words, "phrases", AND, OR, NOT, groups,
field:value) with the precedence the Whoosh engine gives it: NOT binds
tightest, then AND, then OR, then ANDNOT, and words side by side loosest ("a OR
b c" is "(a OR b) AND c").  Words, phrases and
patterns become ``tsquery`` expressions; subtrees made only of text are joined
into one ``tsquery`` (``&&``, ``||``, ``!!``) so the GIN index answers them in
one scan, and date, year, month, page and id values become plain conditions.
A field restricts a word to the weight its text was indexed with (title A,
outlet B, author C, body D).  Prefixes (``word*``) match lexemes that start so,
without stemming the prefix; other wildcards and fuzzy words (``word~``) stand
for the words of the words table they match, at most ``MAX_EXPANSION`` in all.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import QueryError
from ..text import fold, tag_label
from .budget import MAX_EXPANSION, expansion_error
from .query import QUERY_FIELDS, first_day, last_day

#: The weight each text field's words carry in the index.
WEIGHTS = {"title": "A", "outlet": "B", "author": "C", "body": "D"}
_TOKEN_RE = re.compile(r'"[^"]*"|\(|\)|[^\s()"\[]*\[[^\]]*\]|[^\s()"]+(?:"[^"]*")?')
_FIELD_RE = re.compile(r"^([a-z_]+):(?!//)(.*)$", re.S)
_WORD_RE = re.compile(r"\w+(?:[-.,'’]\w+)*")
#: The words a query reads as operators, not as words to find.
OPERATORS = frozenset({"AND", "OR", "NOT", "TO", "ANDNOT", "ANDMAYBE"})

#: Looks up the words of the words table a wildcard (SQL LIKE) or fuzzy word (word, edits) stands for.
Expand = Callable[[str, int | None], list[str]]


@dataclass
class Part:
    """A compiled subtree: a ``tsquery`` expression (``ts``) or a boolean condition (``cond``)."""

    sql: str
    params: list[Any]
    ts: bool
    positive: list[tuple[str, list[Any]]] = field(default_factory=list)


@dataclass
class Compiled:
    """The condition a document must meet, and the ``tsquery`` that ranks and highlights (None without words)."""

    where: str
    params: list[Any]
    rank: str | None
    rank_params: list[Any]


def compile_query(text: str, *, config: str, expand: Expand) -> Compiled:
    """The SQL condition (over a table aliased ``d`` with a ``tsv`` column) for a checked query."""
    compiler = _Compiler(_tokens(text), config=config, expand=expand, text=text)
    part = compiler.parse_seq(None)
    if compiler.pos < len(compiler.tokens):
        raise QueryError(f"cannot parse query {text!r} near {compiler.tokens[compiler.pos]!r}", query=text)
    where = f"d.tsv @@ ({part.sql})" if part.ts else part.sql
    if not part.positive:
        return Compiled(where, part.params, None, [])
    rank = " || ".join(f"({sql})" for sql, _ in part.positive)
    return Compiled(where, part.params, rank, [p for _, params in part.positive for p in params])


def _tokens(text: str) -> list[str]:
    return [t for t in _TOKEN_RE.findall(text) if t.strip()]


def _quote(word: str, label: str) -> str:
    """One operand of ``to_tsquery``: quoted so that no character of it is read as an operator."""
    return "'" + word.replace("'", "''") + "'" + (f":{label}" if label else "")


class _Compiler:
    def __init__(self, tokens: list[str], *, config: str, expand: Expand, text: str) -> None:
        self.tokens, self.pos, self.config, self.expand, self.text = tokens, 0, config, expand, text
        self.expanded = 0

    def _peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    # Whoosh's precedence, loosest first: words side by side (all required), ANDNOT / ANDMAYBE, OR,
    # AND, NOT: "a OR b c" is (a OR b) AND c; "a OR b AND c" is a OR (b AND c).
    def parse_seq(self, field_name: str | None) -> Part:
        parts = [self.parse_andnot(field_name)]
        while (token := self._peek()) is not None and token != ")":
            parts.append(self.parse_andnot(field_name))
        return _join(parts, "&&", "AND")

    def parse_andnot(self, field_name: str | None) -> Part:
        part = self.parse_or(field_name)
        while (token := self._peek()) in ("ANDNOT", "ANDMAYBE"):
            self.pos += 1
            right = self.parse_or(field_name)
            if token == "ANDNOT":  # ANDMAYBE's right side only ranks in Whoosh; here it is left out
                part = _join([part, _negate(right)], "&&", "AND")
        return part

    def parse_or(self, field_name: str | None) -> Part:
        parts = [self.parse_and(field_name)]
        while self._peek() == "OR":
            self.pos += 1
            parts.append(self.parse_and(field_name))
        return _join(parts, "||", "OR")

    def parse_and(self, field_name: str | None) -> Part:
        parts = [self.parse_not(field_name)]
        while self._peek() == "AND":
            self.pos += 1
            parts.append(self.parse_not(field_name))
        return _join(parts, "&&", "AND")

    def parse_not(self, field_name: str | None) -> Part:
        if self._peek() == "NOT":
            self.pos += 1
            return _negate(self.parse_not(field_name))
        return self.parse_atom(field_name)

    def parse_atom(self, field_name: str | None) -> Part:
        token = self._peek()
        if token is None or token == ")":
            raise QueryError(f"cannot parse query {self.text!r}: something is missing at its end or before a ')'",
                             query=self.text)
        self.pos += 1
        if token == "(":
            part = self.parse_seq(field_name)
            if self._peek() != ")":
                raise QueryError(f"unbalanced parenthesis in query {self.text!r}", query=self.text)
            self.pos += 1
            return part
        match = _FIELD_RE.match(token)
        if match and match.group(1) in QUERY_FIELDS:
            name, value = match.group(1), match.group(2)
            if not value:  # title:(a b): the field applies to the group
                if self._peek() != "(":
                    raise QueryError(f"'{token}' names a field but no value in query {self.text!r}",
                                     query=self.text)
                return self.parse_atom(name)
            return self.value(name, value)
        return self.value(field_name, token)

    def value(self, name: str | None, value: str) -> Part:
        if name in ("date", "year", "month", "page", "id", "tag"):
            return _condition(name, value.strip('"'), self.text)
        label = WEIGHTS.get(name or "", "")
        if value.startswith('"'):
            words = _WORD_RE.findall(value.strip('"'))
            return self._text(" <-> ".join(_quote(w, label) for w in words))
        if value.endswith("~") or re.search(r"~\d+(?:\.\d+)?$", value):
            word, _, edits = value.rpartition("~")
            return self._words(self._expand(word, None, max(1, round(float(edits or 1)))), label)
        if "*" in value or "?" in value:
            pieces = re.split(r"([*?])", value)
            folded = ["".join(fold(p).split()) if p not in "*?" else p for p in pieces]
            if re.fullmatch(r"\w+\*+", "".join(folded)):
                prefix = "".join(folded).rstrip("*")
                self._expand(value, f"{_like(prefix)}%", None)  # counted against the budget
                sql = "%s::tsquery"
                return Part(sql, [f"{_quote(prefix, '')}:*{label}"], True, [(sql, [f"{_quote(prefix, '')}:*"])])
            like = "".join({"*": "%", "?": "_"}.get(p, _like(p)) for p in folded)
            return self._words(self._expand(value, like, None), label)
        words = _WORD_RE.findall(value)
        return self._text(" <-> ".join(_quote(w, label) for w in words))

    def _text(self, tsquery: str) -> Part:
        sql = f"to_tsquery('{self.config}', %s)"
        return Part(sql, [tsquery], True, [(sql, [tsquery])])

    def _words(self, words: list[str], label: str) -> Part:
        if not words:
            return Part("FALSE", [], False)
        return self._text(" | ".join(_quote(w, label) for w in words))

    def _expand(self, shown: str, like: str | None, edits: int | None) -> list[str]:
        found = self.expand(like if like is not None else fold(shown), edits)
        self.expanded += len(found)
        if self.expanded > MAX_EXPANSION:
            raise expansion_error(shown, MAX_EXPANSION)
        return found


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _join(parts: list[Part], ts_op: str, sql_op: str) -> Part:
    if len(parts) == 1:
        return parts[0]
    positive = [p for part in parts for p in part.positive]
    texts = [p for p in parts if p.ts]
    others = [p for p in parts if not p.ts]
    if not others:
        return Part(f" {ts_op} ".join(f"({p.sql})" for p in texts), [x for p in texts for x in p.params], True,
                    positive)
    pieces = [f"d.tsv @@ ({f' {ts_op} '.join(f'({p.sql})' for p in texts)})"] if texts else []
    params = [x for p in texts for x in p.params]
    pieces += [f"({p.sql})" for p in others]
    params += [x for p in others for x in p.params]
    return Part(f" {sql_op} ".join(pieces), params, False, positive)


def _negate(part: Part) -> Part:
    if part.ts:
        return Part(f"!! ({part.sql})", part.params, True)
    return Part(f"NOT ({part.sql})", part.params, False)


def _condition(name: str, value: str, text: str) -> Part:
    if name == "page":
        return Part("%s = ANY(d.pages)", [value], False)
    if name == "tag":
        return Part("%s = ANY(d.tags)", [tag_label(value)], False)
    if name == "id":
        return Part("d.id = %s", [value], False)
    if name in ("year", "month"):
        return Part(f"d.{name} = %s", [value], False)
    if value.startswith("["):
        ends = [e.strip() for e in re.split(r"\bTO\b", value.strip("[]"), maxsplit=1)] + [""]
        low, high = ends[0], ends[1]
        conds, params = [], []
        if low:
            conds.append("d.day >= %s")
            params.append(dt.date.fromisoformat(first_day(low)))
        if high:
            conds.append("d.day <= %s")
            params.append(dt.date.fromisoformat(last_day(high)))
        return Part(" AND ".join(conds) or "d.day IS NOT NULL", params, False)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise QueryError(f"bad date '{value}' in query {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)", query=text)
    return Part("d.date = %s", [value], False)


def plain_words(text: str) -> list[str]:
    """The plain words of a query (no operators, fields, patterns or phrases): what may be misspelt."""
    outside = re.sub(r'"[^"]*"', " ", text)
    return [w for w in re.findall(r"(?<![\w:*?~-])[^\W\d_]{2,}(?![\w:*?~-])", outside) if w not in OPERATORS]


def replace_word(text: str, word: str, new: str) -> str:
    return re.sub(rf"(?<![\w:*?~-]){re.escape(word)}(?![\w:*?~-])", new, text)

