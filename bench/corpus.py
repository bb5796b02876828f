"""A deterministic generator of compilation pages like the real ones, for benchmarks.

Each page: a title, a date line, a source line, 2-6 articles of 300-1,200 words
(headline, byline in one of the common forms, dateline, paragraphs), and a
fair-use note; 40 outlets, 300 authors, dates over 10 years.  The words follow
a Zipf-like distribution over a 50,000-word vocabulary.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from collections.abc import Iterator
from pathlib import Path

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
_SYLLABLES = ["ka", "lo", "mi", "ra", "te", "su", "vo", "ne", "di", "po", "an", "el", "or", "un", "is", "ba", "ge",
              "hu", "ja", "ri", "sa", "to", "we", "xi", "yo", "za", "qu", "fe", "ci", "mo"]


class Generator:
    """Pages from one seed: the same seed gives the same pages, byte for byte."""

    def __init__(self, seed: int = 2026) -> None:
        self.rng = random.Random(seed)
        words = set()
        while len(words) < 50_000:
            words.add("".join(self.rng.choice(_SYLLABLES) for _ in range(self.rng.choice((1, 2, 2, 3, 3, 4)))))
        self.words = sorted(words, key=lambda w: (len(w), w))
        weights = [1 / (rank + 1) for rank in range(len(self.words))]
        self.cumulative = list(itertools.accumulate(weights))
        self.outlets = [f"The {self._cap()} {self.rng.choice(['Times', 'Post', 'Ledger', 'Wire', 'Review'])}"
                        for _ in range(40)]
        self.authors = [f"{self._cap()} {self._cap()}" for _ in range(300)]
        self.start = dt.date(2010, 1, 1)

    def _cap(self) -> str:
        return self.rng.choice(self.words[200:5000]).capitalize()

    def _words(self, n: int) -> list[str]:
        total = self.cumulative[-1]
        return [self.words[bisect.bisect(self.cumulative, self.rng.random() * total)] for _ in range(n)]

    def _paragraphs(self, words: int) -> list[str]:
        out = []
        left = words
        while left > 0:
            size = min(left, self.rng.randint(40, 120))
            sentences, chunk = [], self._words(size)
            while chunk:
                cut = self.rng.randint(8, 22)
                take, chunk = chunk[:cut], chunk[cut:]
                sentences.append(" ".join(take).capitalize() + ".")
            out.append(" ".join(sentences))
            left -= size
        return out

    def page(self, number: int) -> tuple[str, int]:
        """(page text, number of articles)."""
        rng = self.rng
        day = self.start + dt.timedelta(days=rng.randrange(3650))
        count = rng.randint(2, 6)
        parts = [f"{' '.join(self._words(6)).title()} Number {number}",
                 f"{MONTHS[day.month - 1]} {day.day}th, {day.year} - by admin"]
        sources, articles = [], []
        for n in range(count):
            outlet = rng.choice(self.outlets)
            author = rng.choice(self.authors) if rng.random() < 0.7 else None
            when = day - dt.timedelta(days=rng.randrange(10))
            title = f"{' '.join(self._words(rng.randint(5, 11))).title()} {number}-{n}"
            style = rng.random()
            if author is None:
                byline = outlet
            elif style < 0.5:
                byline = f"{author} / {outlet}"
            else:
                byline = f"By {author}, {outlet}"
            sources.append(f"{author} / {outlet}" if author else outlet)
            paragraphs = self._paragraphs(rng.randint(300, 1200))
            paragraphs[0] = f"({MONTHS[when.month - 1]} {when.day}, {when.year}) — {paragraphs[0]}"
            articles += [title, byline, *paragraphs]
        parts.append(" & ".join(sources) + f" – {day.isoformat()} 12:00:00")
        parts += articles
        parts.append("Posted in accordance with Title 17, Section 107, US Code, for noncommercial, educational "
                     "purposes.")
        return "\n\n".join(parts) + "\n", count


def write_pages(folder: Path, pages: int, *, seed: int = 2026) -> tuple[list[Path], int]:
    """Write ``pages`` pages into ``folder``; return their paths and the number of articles."""
    folder.mkdir(parents=True, exist_ok=True)
    gen = Generator(seed)
    paths, articles = [], 0
    for number in range(pages):
        text, count = gen.page(number)
        path = folder / f"page-{number:06d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        articles += count
    return paths, articles


def iter_pages(pages: int, *, seed: int = 2026) -> Iterator[tuple[str, int]]:
    gen = Generator(seed)
    for number in range(pages):
        yield gen.page(number)
