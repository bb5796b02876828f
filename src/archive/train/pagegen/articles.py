"""Composition of one invented article (``ArticleSpec``) before any layout prints it.

Fills the vocabulary's templates slot by slot (``fill``, ``fill_cases``: as written and in sentence
case), draws sentences without repeats (``SentenceDeck``) and composes headline, deck, standfirst,
credits, body paragraphs, summary and teaser (``make_article``).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from .vocab import (
    ADJ_T,
    AGENCIES,
    AREAS,
    BODIES,
    BUILDINGS,
    COMMODITIES,
    DE,
    DECKS_EN,
    ES,
    EVENTS,
    FACILITIES,
    FIRST_NAMES,
    FR,
    GROUPS,
    HEADLINES_DE,
    HEADLINES_EN,
    HEADLINES_ES,
    HEADLINES_FR,
    HQUOTES,
    HVERBS,
    HYPHEN_ADJ,
    LANDCOVER,
    LANDMARKS,
    LAST_NAMES,
    MONTHS_EN,
    NUMS,
    ORGS,
    OUTLETS,
    OUTLETS_EN,
    PLACES,
    PROBLEMS,
    QUOTES_EN,
    REGIONS,
    ROLES_PEOPLE,
    SENTENCES_DE,
    SENTENCES_EN,
    SENTENCES_ES,
    SENTENCES_FR,
    STANDFIRSTS_EN,
    SUBHEADS_EN,
    THINGS,
    TOPICS,
    WEEKDAYS,
    WORD_NUMS,
    WORKS,
)


def person(rng: random.Random) -> str:
    """An invented full name, sometimes with a middle initial."""
    middle = f" {rng.choice('ABCDEFGHJKLMNPRSTW')}." if rng.random() < 0.12 else ""
    return f"{rng.choice(FIRST_NAMES)}{middle} {rng.choice(LAST_NAMES)}"


def _num(rng: random.Random) -> str:
    return f"{rng.choice((rng.randint(12, 99), rng.randint(100, 990), rng.randint(1000, 48000))):,}"


def _slots(rng: random.Random) -> dict[str, Callable[[], object]]:
    """Slot fillers for the templates (callables draw afresh on each use)."""
    r = rng
    return {
        "Place": lambda: r.choice(PLACES), "Region": lambda: r.choice(REGIONS), "Person": lambda: person(r),
        "Surname": lambda: r.choice(LAST_NAMES), "Initial": lambda: r.choice("ABCDEFGHJKLMNPRST"),
        "Topic": lambda: r.choice(TOPICS), "topic": lambda: r.choice(WORKS),
        "Groups": lambda: r.choice(GROUPS), "groups": lambda: r.choice(GROUPS).lower(),
        "HVerb": lambda: r.choice(HVERBS), "Event": lambda: r.choice(EVENTS), "event": lambda: r.choice(EVENTS).lower(),
        "Problem": lambda: r.choice(PROBLEMS), "Landmark": lambda: r.choice(LANDMARKS),
        "landmark": lambda: r.choice(LANDMARKS).lower(), "Things": lambda: r.choice(THINGS),
        "Area": lambda: r.choice(AREAS), "Body": lambda: r.choice(BODIES), "Num": lambda: r.choice(NUMS),
        "HQuote": lambda: r.choice(HQUOTES), "AdjT": lambda: r.choice(ADJ_T), "Quote": lambda: r.choice(QUOTES_EN),
        "Wnum": lambda: r.choice(WORD_NUMS).capitalize(), "wnum": lambda: r.choice(WORD_NUMS),
        "Month": lambda: r.choice(MONTHS_EN), "Weekday": lambda: r.choice(WEEKDAYS), "n": lambda: _num(r),
        "small": lambda: str(r.randint(2, 40)), "small2": lambda: str(r.randint(1, 12)),
        "pct": lambda: f"{r.randint(3, 87)} percent", "year": lambda: str(r.randint(1998, 2015)),
        "year2": lambda: str(r.randint(2025, 2040)), "day": lambda: str(r.randint(1, 28)),
        "org": lambda: r.choice(ORGS), "Org": lambda: (lambda o: o[0].upper() + o[1:])(r.choice(ORGS)),
        "role": lambda: r.choice(ROLES_PEOPLE), "building": lambda: r.choice(BUILDINGS),
        "hadj": lambda: r.choice(HYPHEN_ADJ), "commodity": lambda: r.choice(COMMODITIES),
        "landcover": lambda: r.choice(LANDCOVER), "facility": lambda: r.choice(FACILITIES),
        "ordinal": lambda: r.choice(("second", "third", "fourth", "fifth")), "Outlet": lambda: r.choice(OUTLETS_EN),
        "topic_fr": lambda: r.choice(FR["topics"]), "topic_fr_cap": lambda: r.choice(FR["topics"]).capitalize(),
        "groups_fr": lambda: r.choice(FR["groups"]), "quote_fr": lambda: r.choice(FR["quotes"]),
        "weekday_fr": lambda: r.choice(FR["weekdays"]), "month_fr": lambda: r.choice(FR["months"]),
        "pct_fr": lambda: f"{r.randint(3, 87)} %", "n_fr": lambda: _num(r).replace(",", " "),
        "topic_es": lambda: r.choice(ES["topics"]), "topic_es_cap": lambda: r.choice(ES["topics"]).capitalize(),
        "groups_es": lambda: r.choice(ES["groups"]), "quote_es": lambda: r.choice(ES["quotes"]),
        "weekday_es": lambda: r.choice(ES["weekdays"]), "month_es": lambda: r.choice(ES["months"]),
        "pct_es": lambda: f"{r.randint(3, 87)} %", "n_es": lambda: _num(r).replace(",", "."),
        "topic_de": lambda: r.choice(DE["topics"]), "topic_de_cap": lambda: r.choice(DE["topics"]),
        "groups_de": lambda: r.choice(DE["groups"]), "groups_de_cap": lambda: r.choice(DE["groups"]),
        "quote_de": lambda: r.choice(DE["quotes"]), "weekday_de": lambda: r.choice(DE["weekdays"]),
        "month_de": lambda: r.choice(DE["months"]), "pct_de": lambda: f"{r.randint(3, 87)} Prozent",
        "n_de": lambda: _num(r).replace(",", "."),
    }


#: slots whose values are names and keep their capitals in a sentence-case headline
PROPER_SLOTS = frozenset({"Place", "Region", "Person", "Surname", "Body", "Org", "Outlet", "Initial"})


def fill_cases(rng: random.Random, template: str) -> tuple[str, str]:
    """Fill every {slot} of ``template`` with a fresh invented value; returns the text as written and in
    sentence case (template words and common-noun values lower-cased, names kept, first letter capital)."""
    slots = _slots(rng)
    written, lowered = [], []
    for k, part in enumerate(re.split(r"\{(\w+)\}", template)):
        if k % 2:
            value = str(slots[part]())
            written.append(value)
            lowered.append(value if part in PROPER_SLOTS else value.lower())
        else:
            written.append(part)
            lowered.append(part.lower())
    low = "".join(lowered)
    first = next((n for n, ch in enumerate(low) if ch.isalnum()), 0)
    return "".join(written), low[:first] + low[first:first + 1].upper() + low[first + 1:]


def fill(rng: random.Random, template: str) -> str:
    """Fill every {slot} of ``template`` with a fresh invented value."""
    return fill_cases(rng, template)[0]


#: Share of headlines of two clauses ("Council delays dam vote as residents protest seawall"): real
#: headlines run to twenty words and more.
LONG_HEADLINE_SHARE = 0.25
SENTENCES = {"en": SENTENCES_EN, "fr": SENTENCES_FR, "es": SENTENCES_ES, "de": SENTENCES_DE}
HEADLINES = {"en": HEADLINES_EN, "fr": HEADLINES_FR, "es": HEADLINES_ES, "de": HEADLINES_DE}


@dataclass(frozen=True)
class Para:
    """One body unit: a paragraph ('p'), a sub-heading ('subhead'), a bullet list ('bullets', one line each)
    or a one-line quoted paragraph ('quote')."""
    kind: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class ArticleSpec:
    """One invented article, before any layout prints it."""
    lang: str
    headline: str
    headline_sc: str  # the headline in sentence case
    deck: str | None
    standfirst: str
    authors: tuple[str, ...]
    outlet: str
    co: tuple[tuple[str | None, str], ...]  # further (author, outlet) credits of a multi-source item
    staff: bool
    date: dt.date
    place: str
    agency: tuple[str, str]
    body: tuple[Para, ...]
    summary: str
    teaser: str

    @property
    def url(self) -> str:
        """An invented source URL for the article."""
        plain = unicodedata.normalize("NFKD", self.headline.lower()).encode("ascii", "ignore").decode()
        slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60]
        plain = unicodedata.normalize("NFKD", self.outlet.lower()).encode("ascii", "ignore").decode()
        host = re.sub(r"[^a-z0-9.]+", "", plain.removeprefix("the ")) or "news"
        host = host if "." in self.outlet else f"www.{host}.com"
        return f"https://{host}/{self.date:%Y/%m/%d}/{slug}"


class SentenceDeck:
    """Draws sentence templates of one language without repeats until the pool is used up."""

    def __init__(self, rng: random.Random, lang: str) -> None:
        self.rng, self.lang = rng, lang
        self.left: list[str] = []

    def take(self, k: int) -> str:
        """``k`` invented sentences joined by spaces."""
        out = []
        for _ in range(k):
            if not self.left:
                self.left = list(SENTENCES[self.lang])
                self.rng.shuffle(self.left)
            out.append(fill(self.rng, self.left.pop()))
        return " ".join(out)


def sentences(rng: random.Random, lang: str, k: int) -> str:
    """``k`` invented sentences in ``lang`` (no template twice)."""
    return SentenceDeck(rng, lang).take(k)


def make_article(rng: random.Random, *, lang: str = "en", date: dt.date,
                 paragraphs: tuple[int, int] = (1, 6)) -> ArticleSpec:
    """Compose one invented article dated ``date``."""
    headline, headline_sc = fill_cases(rng, rng.choice(HEADLINES[lang]))
    if lang == "en" and rng.random() < LONG_HEADLINE_SHARE:
        more, more_sc = fill_cases(rng, rng.choice(HEADLINES_EN))
        join = rng.choice((", ", ": ", " as ", " — ", "; "))
        headline, headline_sc = headline + join + more, headline_sc + join + more_sc[:1].lower() + more_sc[1:]
    if lang != "en":
        headline_sc = headline
    deck = fill(rng, rng.choice(DECKS_EN)) if lang == "en" and rng.random() < 0.5 else None
    standfirst = fill(rng, rng.choice(STANDFIRSTS_EN)) if lang == "en" else sentences(rng, lang, 1)
    n_auth = rng.choices((0, 1, 2, 3), (0.15, 0.68, 0.14, 0.03))[0]
    authors = tuple(dict.fromkeys(person(rng) for _ in range(n_auth)))
    outlet = rng.choice(OUTLETS[lang])
    co: tuple[tuple[str | None, str], ...] = ()
    if rng.random() < 0.25:
        co = tuple((person(rng) if rng.random() < 0.7 else None, rng.choice(OUTLETS[lang]))
                   for _ in range(rng.randint(1, 2)))
    deck_s = SentenceDeck(rng, lang)
    body: list[Para] = []
    for k in range(rng.randint(*paragraphs)):
        roll = rng.random()
        if k and roll < 0.08 and lang == "en":
            body.append(Para("subhead", (fill(rng, rng.choice(SUBHEADS_EN)),)))
        elif k and roll < 0.13:
            body.append(Para("bullets", tuple(deck_s.take(1).rstrip(".") for _ in range(rng.randint(2, 4)))))
            continue
        elif k and roll < 0.17 and lang == "en":
            body.append(Para("quote", (f"“{rng.choice(QUOTES_EN)}.”",)))
            continue
        body.append(Para("p", (deck_s.take(rng.choice((1, 2, 2, 3, 3, 4, 5))),)))
    if body[-1].kind != "p":
        body.append(Para("p", (deck_s.take(2),)))
    return ArticleSpec(lang=lang, headline=headline, headline_sc=headline_sc, deck=deck, standfirst=standfirst,
                       authors=authors, outlet=outlet, co=co, staff=not authors and rng.random() < 0.3, date=date,
                       place=rng.choice(PLACES), agency=rng.choice(AGENCIES), body=tuple(body),
                       summary=deck_s.take(rng.randint(2, 4)), teaser=deck_s.take(1))
