"""A small writer of compilation pages in the founding page's family, for generative tests.

``write_page`` lays out random articles in random (but well-formed) layouts and
returns the text with the truth: what a splitter should recover.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hypothesis import strategies as st

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
TITLE_WORDS = ["Drought", "Navy", "Council", "Rivers", "Court", "Refugees", "Mayor", "Budget", "Pipeline", "Farmers",
               "Strike", "Harbor", "Forest", "Senate", "Vote", "Protest", "Wells", "Ministry", "Border", "Storm"]
VERBS = ["Blocks", "Approves", "Rejects", "Faces", "Warns", "Ends", "Delays", "Backs", "Opens", "Questions"]
FIRST = ["Anna", "Tomas", "Leila", "Omar", "Grace", "Ivan", "Maya", "Peter", "Ruth", "Samuel"]
LAST = ["Reyes", "Okafor", "Lindqvist", "Haddad", "Marsh", "Brenner", "Kovac", "Quint", "Sorel", "Whitcomb"]
OUTLETS = ["The Coastal Ledger", "Pacific Wire", "Relief Dispatch", "Earth Ledger", "Global Trade Review",
           "The Plains Review", "Harbor News Service", "Desert Star", "Green Europe Weekly", "Island Current"]
SENTENCE_WORDS = ["officials", "said", "the", "river", "was", "closed", "after", "weeks", "of", "rain", "and",
                  "residents", "asked", "for", "help", "from", "a", "committee", "that", "met", "on", "Monday"]


@dataclass(frozen=True)
class Truth:
    title: str
    outlet: str
    author: str | None
    date: str | None
    first_words: str
    last_words: str


@st.composite
def sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(SENTENCE_WORDS), min_size=6, max_size=18))
    return (" ".join(words).capitalize() + ".").replace(" monday", " Monday")


@st.composite
def article(draw: st.DrawFn, index: int) -> tuple[str, Truth]:
    subject = draw(st.sampled_from(TITLE_WORDS))
    title = f"{subject} {draw(st.sampled_from(VERBS))} {draw(st.sampled_from(TITLE_WORDS))} Plan No. {index + 1}"
    headline = draw(st.sampled_from(["one", "wrapped", "deck", "quoted", "caps", "question"]))
    lines = {
        "one": [title],
        "wrapped": [title.rsplit(" ", 3)[0], " ".join(title.rsplit(" ", 3)[1:])],
        "deck": [title, f"{subject} Groups Say They Were Not Consulted"],
        "quoted": [f"‘{title}’"],
        "caps": [title.upper()],
        "question": [f"Why {title}?"],
    }[headline]
    outlet = draw(st.sampled_from(OUTLETS))
    person = f"{draw(st.sampled_from(FIRST))} {draw(st.sampled_from(LAST))}"
    day = draw(st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2024, 12, 31)))
    style = draw(st.sampled_from(["outlet", "slash", "by", "staff", "pipe"]))
    author: str | None = person
    byline = {
        "outlet": outlet, "slash": f"{person} / {outlet}", "by": f"By {person}, {outlet}",
        "staff": f"{outlet} Staff / {outlet}",
        "pipe": f"{person} | {outlet} | {day.day} {MONTHS[day.month - 1]} {day.year}",
    }[style]
    if style in ("outlet", "staff"):
        author = None
    kinds = ["long", "dmy", "abbr", "city", "iso"] + (["none"] if style == "pipe" else [])
    dateline_kind = draw(st.sampled_from(kinds))
    month, dd, yy = MONTHS[day.month - 1], day.day, day.year
    dateline = {
        "long": f"({month} {dd}, {yy}) — ", "dmy": f"({dd} {month} {yy}) – ",
        "abbr": f"({ABBR[day.month - 1]} {dd}, {yy}) -- ",
        "city": f"RIVERTON ({month} {dd}, {yy}) — ", "iso": f"({day.isoformat()}) — ", "none": "",
    }[dateline_kind]
    paragraphs = draw(st.lists(st.lists(sentence(), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=5))
    body = [dateline + paragraphs[0], *paragraphs[1:]]
    text = "\n".join(lines) + "\n\n" + byline + "\n\n" + "\n\n".join(body)
    truth = Truth(title=" ".join(lines), outlet=outlet, author=author, date=day.isoformat(),
                  first_words=paragraphs[0], last_words=paragraphs[-1])
    return text, truth


@st.composite
def page(draw: st.DrawFn) -> tuple[str, list[Truth]]:
    count = draw(st.integers(min_value=1, max_value=5))
    items = [draw(article(n)) for n in range(count)]
    sources = " & ".join(f"{t.author} / {t.outlet}" if t.author else t.outlet for _, t in items)
    note = draw(st.sampled_from([
        "Posted in accordance with Title 17, Section 107, US Code, for noncommercial, educational purposes.",
        "FAIR USE NOTICE: This site contains copyrighted material used under the fair use provisions of Section 107.",
    ]))
    header = "Compilation of the Week\n\nMarch 3rd, 2017 - by admin\n\n" + f"{sources} – 2017-03-03 10:00:00"
    text = header + "\n\n" + "\n\n".join(t for t, _ in items) + "\n\n" + note + "\n"
    return text, [t for _, t in items]


def simple_page(seed: int, *, articles: int = 3) -> str:
    """A deterministic page of ``articles`` random articles (no hypothesis), for process tests."""
    import random

    rng = random.Random(seed)
    words = SENTENCE_WORDS + [w.lower() for w in TITLE_WORDS] + ["wheat", "copper", "tide", "glacier", "union"]
    parts = [f"Weekly Compilation Number {seed}", "March 3rd, 2017 - by admin"]
    for n in range(articles):
        title = f"{rng.choice(TITLE_WORDS)} {rng.choice(VERBS)} {rng.choice(TITLE_WORDS)} Plan {seed}-{n}"
        day = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(4000))
        paragraphs = []
        for _ in range(rng.randrange(2, 5)):
            sentences = [" ".join(rng.choice(words) for _ in range(rng.randrange(8, 16))).capitalize() + "."
                         for _ in range(rng.randrange(2, 4))]
            paragraphs.append(" ".join(sentences))
        paragraphs[0] = f"({MONTHS[day.month - 1]} {day.day}, {day.year}) — " + paragraphs[0]
        byline = f"{rng.choice(FIRST)} {rng.choice(LAST)} / {rng.choice(OUTLETS)}"
        parts += [title, byline, *paragraphs]
    parts.append("Posted in accordance with Title 17, Section 107, US Code, for noncommercial, educational purposes.")
    return "\n\n".join(parts) + "\n"
