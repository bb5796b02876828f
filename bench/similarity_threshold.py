"""Measure the body similarity that tells one article from another (records.SAME_BODY).

Usage:  python bench/similarity_threshold.py

Splits every test page, then prints the highest similarity between two
different articles, and the lowest between an article and a corrected copy of
it (a sentence changed, a paragraph added or dropped, the text re-wrapped).
The threshold must sit between the two.  Then it prints what identity's
``compare`` makes of the same pairs, under the same title and under another:
different articles must all come out different; a corrected copy should come
out the same (or, under another title, at worst doubtful: kept apart and
flagged for review, never merged).
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from pathlib import Path

from archive.catalog.identity import SAME_BODY, compare, similarity
from archive.extract import split_bytes

ROOT = Path(__file__).resolve().parent.parent


def bodies() -> list[str]:
    out = []
    for path in sorted((ROOT / "tests" / "data" / "pages").rglob("*")):
        if path.suffix in (".txt", ".html"):
            out += [a.body for a in split_bytes(path.read_bytes(), name=path.name).articles
                    if len(a.body.split()) >= 40]
    return out


def corrected(body: str, rng: random.Random) -> list[str]:
    paragraphs = body.split("\n\n")
    sentences = body.split(". ")
    changed = list(sentences)
    if len(changed) >= 4:
        changed[rng.randrange(len(changed))] = "A sentence the editor rewrote after a complaint from a reader"
    return [
        ". ".join(changed),
        body + "\n\nUpdate: the ministry replied after this article was first published.",
        "\n\n".join(paragraphs[:-1]) if len(paragraphs) > 2 else body[: len(body) * 3 // 4],
        " ".join(body.split()),
    ]


def main() -> None:
    rng = random.Random(7)
    texts = bodies()
    different = max(similarity(a, b) for a, b in itertools.combinations(texts, 2))
    same = min(similarity(t, c) for t in texts for c in corrected(t, rng))
    print(f"articles: {len(texts)}, pairs of different articles: {len(texts) * (len(texts) - 1) // 2}")
    print(f"highest similarity of two different articles: {different:.3f}")
    print(f"lowest similarity of an article and a corrected copy: {same:.3f}")
    print(f"threshold SAME_BODY = {SAME_BODY} ({'between them' if different < SAME_BODY <= same else 'NOT between'})")
    for same_title in (True, False):
        copies = Counter(compare(t, c, same_title=same_title).value for t in texts for c in corrected(t, rng))
        others = Counter(compare(a, b, same_title=same_title).value for a, b in itertools.combinations(texts, 2))
        label = "the same title" if same_title else "another title"
        print(f"under {label}: corrected copies {dict(copies)}, different articles {dict(others)}")


if __name__ == "__main__":
    main()
