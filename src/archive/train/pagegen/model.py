"""The page model of the generator: what a page is made of while a layout family prints it.

A page is a tree of ``Node`` (HTML containers) and ``Block`` (a paragraph of one or more ``Line``), each
line a run of ``Seg`` (text pieces that know what they are: headline words, body words, byline,
dateline...).  ``Builder`` collects the articles (``Item``) and the page-level facts of one page, and
records which printed piece gives which field, so that the ground truth follows from what is printed.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from .articles import ArticleSpec
from .vocab import SITE_NAMES

ROLES = ("page_title", "page_meta", "noise", "section", "title", "subtitle", "byline", "date", "body", "trailer",
         "fair_use")


def squash(text: str) -> str:
    """Whitespace runs to one space, trimmed."""
    return " ".join(text.split())


@dataclass(eq=False)
class Seg:
    """A printed piece of a line.  ``kind``: 'title' (joined into the gold title), 'body' (gold body words),
    'byline' (kept in byline_raw), 'dateline', 'date', 'trailer', 'label' or 'other'."""
    text: str
    kind: str = "other"
    inline: str | None = None  # HTML inline element around the piece ('a', 'strong', 'em', 'time', ...)
    complete: bool = True      # cleared when a truncation cuts into the piece


@dataclass(eq=False)
class Line:
    """One visible line: its pieces, its role (one of ROLES) and its article (index) or None."""
    segs: list[Seg]
    role: str
    article: int | None = None
    wrap: str | None = None  # HTML inline element around the whole line

    @property
    def raw(self) -> str:
        return "".join(s.text for s in self.segs)


@dataclass(eq=False)
class Block:
    """Lines printed together: one text paragraph, or one HTML block element (lines split by <br>)."""
    lines: list[Line]
    kind: str
    gap: int = 1       # blank lines before it in a text page
    tag: str = "p"     # HTML markup path: 'p', 'h2', 'p>strong', 'ul', 'figure', 'hr', '' (into the parent)
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(eq=False)
class Node:
    """An HTML container element."""
    tag: str
    children: list[Node | Block]
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(eq=False)
class Item:
    """What the page printed about one article: its headline pieces and the evidence for each field."""
    spec: ArticleSpec
    title: list[Seg] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, list[Seg]] = field(default_factory=dict)


def S(text: str, kind: str = "other", inline: str | None = None) -> Seg:
    """Shorthand for a Seg."""
    return Seg(text, kind, inline)


SENTENCE_CASE_SHARE = 0.35


class Builder:
    """Collects the items and page-level facts of one page while a layout family prints it."""

    def __init__(self, rng: random.Random, layout: str, fmt: str, day: dt.date) -> None:
        self.rng, self.layout, self.fmt, self.day = rng, layout, fmt, day
        self.items: list[Item] = []
        self.page_title: list[Seg] = []
        self.page_date: tuple[str, Seg] | None = None
        self.fair_use: list[Seg] = []
        self.site = rng.choice(SITE_NAMES)
        self.head_title = ""
        #: Many pages print every headline in sentence case ("Council delays the dam vote"): where a family
        #: prints title case, a page of this share prints sentence case instead.
        self.sentence_case = rng.random() < SENTENCE_CASE_SHARE

    def add(self, spec: ArticleSpec) -> int:
        self.items.append(Item(spec))
        return len(self.items) - 1

    def spec(self, i: int) -> ArticleSpec:
        return self.items[i].spec

    def give(self, i: int, name: str, value: str, seg: Seg) -> None:
        """Record that ``seg`` prints the article's ``name`` field (outlet, author, date) as ``value``."""
        item = self.items[i]
        old = item.values.setdefault(name, value)
        if old != value:
            raise ValueError(f"{self.layout}: item {i} prints two different {name}s: {old!r} / {value!r}")
        item.evidence.setdefault(name, []).append(seg)

    def line(self, role: str, i: int | None, *segs: Seg | str, wrap: str | None = None) -> Line:
        return Line([s if isinstance(s, Seg) else Seg(s) for s in segs], role, i, wrap)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

