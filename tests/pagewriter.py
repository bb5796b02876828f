"""Deterministic pages in the founding page's family, for the tests of processes (crash, concurrency, curation).

Each page has a known number of articles in the founding page's layout; the
splitter's own quality is tested elsewhere (test_split, test_generative).
"""

from __future__ import annotations

import datetime as dt

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
