"""Split throughput on the test corpora: pages/s for text and for HTML, on one core.

Usage:  python bench/split_throughput.py [--seconds N]

Reads every page under tests/data/pages (and ../shared/corpus when present),
then reads and splits each page repeatedly in this one process for about N
seconds per kind, and prints pages/s and KB/s.  Targets: >= 300 text pages/s,
>= 60 HTML pages/s.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from archive.extract import read_page, split_page

ROOT = Path(__file__).resolve().parent.parent


def pages() -> dict[str, list[tuple[str, bytes]]]:
    found: dict[str, dict[str, bytes]] = {"text": {}, "html": {}}
    for folder in (ROOT / "tests" / "data" / "pages", ROOT.parent / "shared" / "corpus"):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            kind = {".txt": "text", ".html": "html", ".htm": "html"}.get(path.suffix)
            if kind:
                found[kind].setdefault(path.name, path.read_bytes())
    return {kind: sorted(items.items()) for kind, items in found.items()}


def measure(items: list[tuple[str, bytes]], seconds: float) -> tuple[int, float, int]:
    done = size = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for name, raw in items:
            split_page(read_page(raw, name=name))
            done += 1
            size += len(raw)
    return done, time.perf_counter() - start, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    corpus = pages()
    print(f"{'kind':<6} {'pages':>6} {'avg KB':>7} {'pages/s':>9} {'KB/s':>9}  target")
    for kind, target in (("text", 300), ("html", 60)):
        items = corpus[kind]
        if not items:
            continue
        done, elapsed, size = measure(items, args.seconds)
        rate = done / elapsed
        avg = sum(len(raw) for _, raw in items) / len(items) / 1024
        verdict = "ok" if rate >= target else "MISSED"
        print(f"{kind:<6} {len(items):>6} {avg:>7.1f} {rate:>9.0f} {size / 1024 / elapsed:>9.0f}  "
              f">= {target} {verdict}")


if __name__ == "__main__":
    main()
