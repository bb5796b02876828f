"""The field labeller: level two of the cascade, an article's header -> title, authors, outlets, date.

The header is the article's headline, subtitle, byline, date and trailer units
and the opening of its first body unit.  A CRF labels each of their tokens
TITLE, AUTHOR, OUTLET, DATE or O; runs of one label are one field each (two
AUTHOR runs are two authors).  Where the model finds nothing, the byline
recognisers of ``lines`` are asked, as they were asked for features.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .crf import FIELDS_MODEL, label
from .dates import find_date
from .lines import looks_like_outlet, looks_like_person, parse_byline, parse_credit
from .patterns import (
    BY_WORD_RE,
    BYLINE_TAIL_RE,
    CLOSING_MARKS,
    FIELD_TRIM,
    HEADLINE_SOURCE_RE,
    SOURCE_JOINERS,
    SOURCE_TRAILER_RE,
)
from .tokens import Token, header_tokens, token_features


@dataclass
class Fields:
    """What is known of an article's title, people, outlets and date."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    date_text: str | None = None
    #: The headline line also carries a source, a person or a date ("Headline (Outlet)"): the title
    #: is only part of it.
    carved: bool = False

    def merge(self, other: Fields) -> None:
        """Fill what is missing from ``other``."""
        self.title = self.title or other.title
        self.authors = self.authors or other.authors
        self.outlets = self.outlets or other.outlets
        self.date_text = self.date_text or other.date_text
        self.carved = self.carved or other.carved


def decode(tokens: Sequence[Token], labels: Sequence[str], texts: Sequence[str]) -> Fields:
    """Labelled tokens -> fields: each run of one label, as printed in its unit's text.

    A source, person or date is cut out of a headline only where the headline sets it
    apart: in brackets ("Headline (Outlet)") or before a colon at its start ("Outlet:
    "Headline""); anywhere else in a headline, the words are the headline's own.
    """
    labels = list(labels)
    for a, b in _runs(tokens, labels):
        if labels[a] not in ("TITLE", "O") and tokens[a].role == "title" and not _set_apart(tokens, labels, a, b):
            labels[a:b + 1] = ["TITLE"] * (b + 1 - a)
    runs: list[tuple[str, int, int]] = []
    for i, tag in enumerate(labels):
        if tag == "O":
            continue
        if runs and runs[-1][0] == tag and runs[-1][2] == i - 1 and tokens[i].unit == tokens[i - 1].unit:
            runs[-1] = (tag, runs[-1][1], i)
        else:
            runs.append((tag, i, i))
    out = Fields()
    titles = []
    for tag, a, b in runs:
        if tag == "TITLE":
            # the headline's closing mark is part of it: "Why?", "Now!", "‘Quoted’"
            while b + 1 < len(tokens) and tokens[b + 1].unit == tokens[a].unit and tokens[b + 1].text in CLOSING_MARKS:
                b += 1
        elif tokens[a].role == "title":
            out.carved = True
        text = texts[tokens[a].unit][tokens[a].start:tokens[b].end].strip(FIELD_TRIM)
        if tag in ("AUTHOR", "OUTLET"):
            text = text.strip(".")
        if not text:
            continue
        if tag == "TITLE":
            titles.append(text)
        elif tag == "AUTHOR" and text not in out.authors:
            out.authors.append(text)
        elif tag == "OUTLET" and text not in out.outlets:
            out.outlets.append(text)
        elif tag == "DATE" and out.date_text is None and find_date(text) is not None:
            out.date_text = text
    out.title = " ".join(titles) or None
    return out


def _runs(tokens: Sequence[Token], labels: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last) of each run of one label within one unit."""
    out: list[tuple[int, int]] = []
    for i in range(len(tokens)):
        if out and labels[i] == labels[out[-1][0]] and tokens[i].unit == tokens[i - 1].unit and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def _set_apart(tokens: Sequence[Token], labels: Sequence[str], a: int, b: int) -> bool:
    """Tokens a..b of a headline are a bracket of their own ("Headline (Outlet / Author)"), or open the
    headline before a colon ('Outlet: "Headline"')."""
    unit = tokens[a].unit
    start = a
    while start > 0 and tokens[start - 1].unit == unit and tokens[start - 1].text not in "([" and (
            labels[start - 1] not in ("TITLE", "O") or tokens[start - 1].text.lower() in SOURCE_JOINERS):
        start -= 1
    opened = start > 0 and tokens[start - 1].unit == unit and tokens[start - 1].text in "(["
    first = start == 0 or tokens[start - 1].unit != unit
    after = b + 1 < len(tokens) and tokens[b + 1].unit == unit
    if opened:
        # the bracket closes after the source, or is the headline's one bracket, cut with the line
        end = b + 1
        while end < len(tokens) and tokens[end].unit == unit and tokens[end].text not in ")]" and (
                labels[end] not in ("TITLE", "O") or tokens[end].text.lower() in SOURCE_JOINERS):
            end += 1
        if end < len(tokens) and tokens[end].unit == unit:
            return tokens[end].text in ")]"
        line = [t.text for t in tokens if t.unit == unit]
        return line.count("(") + line.count("[") == 1
    return first and after and tokens[b + 1].text == ":"


def model_fields(header: Sequence[tuple[str, str]]) -> Fields:
    """The field labeller's reading of an article's header units, given as (role, text)."""
    tokens = header_tokens(header)
    if not tokens:
        return Fields()
    labels, _ = label(FIELDS_MODEL, token_features(tokens))
    return decode(tokens, labels, [text for _, text in header])


def byline_fields(text: str, *, strict: bool = False) -> Fields:
    """A byline line read by the recognisers: "By A, O", "A / O", "A | O | date"; with ``strict``, only
    what a byline form says outright, else also a guess ("Name, Outlet", a person, a short name)."""
    text = BYLINE_TAIL_RE.sub("", text.strip())
    parsed = parse_byline(text)
    if parsed is not None:
        return Fields(authors=[parsed.author] if parsed.author else [],
                      outlets=[parsed.outlet] if parsed.outlet else [],
                      date_text=parsed.date.text if parsed.date else None)
    if strict:
        return Fields()
    core = BY_WORD_RE.sub("", text).strip()
    parts = [p.strip() for p in core.split(",") if p.strip()]
    if len(parts) >= 2 and looks_like_person(parts[0]):
        return Fields(authors=[parts[0]], outlets=[parts[1]])
    date = find_date(core)
    if date is not None:
        return Fields(date_text=date.text)
    if looks_like_person(core) and not looks_like_outlet(core):
        return Fields(authors=[core])
    if core and len(core.split()) <= 6:
        return Fields(outlets=[core.lstrip("@")])
    return Fields()


def rule_fields(bylines: Sequence[str], trailers: Sequence[str], title: str | None, *, strict: bool) -> Fields:
    """What the recognisers read in byline and trailer lines and a bracketed source after the headline."""
    out = Fields()
    for line in bylines:
        out.merge(byline_fields(line, strict=strict))
    for line in trailers:
        credit = parse_credit(line)
        source = SOURCE_TRAILER_RE.match(line)
        date = find_date(line)
        if credit is not None:
            out.merge(Fields(authors=[credit[0]] if credit[0] else [], outlets=[credit[1]] if credit[1] else []))
        elif source is not None:
            named = byline_fields(source.group("source"), strict=strict)
            if strict and not (named.outlets or named.authors) and len(source.group("source").split()) <= 6:
                named = Fields(outlets=[source.group("source").strip().lstrip("@")])
            out.merge(named)
        elif date is not None and not strict:
            out.merge(Fields(date_text=date.text))
    if title:
        match = HEADLINE_SOURCE_RE.match(title)
        date = find_date(match.group("source")) if match else None
        if match and date is not None and len(match.group("source").replace(date.text, "").split()) <= 1:
            # "Headline (Wed, 24 Apr 2019)": a bracket of a date (and its weekday) after the headline
            out.merge(Fields(title=match.group("title").strip(), carved=True, date_text=date.text))
        elif match and date is None:
            bracket = byline_fields(match.group("source").removesuffix(" via"), strict=strict)
            if bracket.outlets or bracket.authors:
                out.merge(Fields(title=match.group("title").strip(), carved=True))
                out.merge(bracket)
    return out


def article_fields(header: Sequence[tuple[str, str]], bylines: Sequence[str], trailers: Sequence[str],
                   headline: str | None) -> Fields:
    """An article's fields: what a byline form says outright, then the field labeller, then the guesses.

    ``title`` is set (and ``carved``) only when a source, person or date is cut out of the headline.
    """
    strict = rule_fields(bylines, trailers, headline, strict=True)
    model = model_fields(header)
    guesses = rule_fields(bylines, trailers, None, strict=False)
    carver = strict if strict.carved else model if model.carved else None
    out = Fields(title=carver.title if carver else None, carved=carver is not None)
    for found in (strict, model, guesses):
        out.merge(Fields(authors=found.authors, outlets=found.outlets, date_text=found.date_text))
    return out
