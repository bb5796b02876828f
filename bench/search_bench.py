"""Ingest and search benchmark: archive against bare Whoosh and ripgrep, in one run.

Usage:
    python bench/search_bench.py --pages 2500 [--workdir /tmp/archive-bench] [--reindex]

Generates PAGES compilation pages (bench/corpus.py: 2-6 articles of 300-1,200
words each), then prints, on this machine and in this one run:

* ingest: articles/s of `archive add` over the pages, end to end (read, split,
  store with fsync, index), against bare Whoosh indexing the same articles with
  its default writer (one commit), and the ratio;
* index and store size on disk;
* search p50/p95 in-process (with facets and snippets) for five query kinds, and
  bare Whoosh answering the same queries over its own index of the same
  articles (words over title and body, highlights from its stored body, facets
  by grouping on its outlet and author columns, a date range over its date
  strings), interleaved in the same run (rebuild the archive, without --keep,
  for bare Whoosh's index);
* `archive search` as a whole process, against `python -c pass`;
* ripgrep finding the same three-word query over the store's files;
* with --reindex: `archive reindex --full --procs 2` time and peak memory.

Figures are ratios of one run: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_pages

from archive.api import Archive
from archive.config import load_config, render_default_config
from archive.errors import QueryError
from archive.extract import split_bytes


def timed(command: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - start, result


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def bare_whoosh(articles: list[dict], folder: Path) -> float:
    """Docs/s of Whoosh's default writer on the same articles (plain stemming schema, body stored)."""
    from whoosh import fields, index
    from whoosh.analysis import StemmingAnalyzer

    schema = fields.Schema(id=fields.ID(stored=True, unique=True), title=fields.TEXT(stored=True),
                           body=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
                           outlet=fields.KEYWORD(stored=True, sortable=True),
                           author=fields.KEYWORD(stored=True, sortable=True), date=fields.ID(stored=True))
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    ix = index.create_in(str(folder), schema)
    start = time.perf_counter()
    writer = ix.writer()
    for n, a in enumerate(articles):
        writer.add_document(id=str(n), title=a["title"], body=a["body"], outlet=a["outlet"] or "",
                            author=a["author"] or "", date=a["date"] or "")
    writer.commit()
    return len(articles) / (time.perf_counter() - start)


class BareSearch:
    """Bare Whoosh answering a search kind over its own index: what Whoosh costs with no archive around it."""

    def __init__(self, folder: Path) -> None:
        from whoosh import index, qparser
        self.ix = index.open_dir(str(folder))
        self.searcher = self.ix.searcher()
        self.parser = qparser.MultifieldParser(["title", "body"], self.ix.schema, group=qparser.AndGroup)

    def __call__(self, text: str, since: str | None = None, until: str | None = None,
                 facets: tuple[str, ...] = ("outlet", "author")) -> int:
        from whoosh import query, sorting
        if text.startswith("outlet:"):  # the bare schema keeps the outlet's words as written
            name, _, text = text[len('outlet:"'):].partition('" ')
            q = query.And([*(query.Term("outlet", w) for w in name.split()), self.parser.parse(text)])
        else:
            q = self.parser.parse(text)
        if since or until:
            q = query.And([q, query.TermRange("date", since, until)])
        groups = {f: sorting.FieldFacet(f, maptype=sorting.Count) for f in facets if f in ("outlet", "author")}
        results = self.searcher.search(q, limit=10, groupedby=groups or None, terms=True)
        for hit in results:
            hit.fields()
            hit.highlights("body", top=2)
        return len(results)


def _three(body: str, n: int) -> list[str]:
    """Three words of one article, so that the query has at least one hit."""
    words = sorted({w.strip(".,").lower() for w in body.split() if len(w) > 5})
    return random.Random(n).sample(words, 3)


def percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2500)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/archive-bench"))
    parser.add_argument("--reindex", action="store_true", help="also time a full reindex and its memory")
    parser.add_argument("--keep", action="store_true", help="reuse an archive already built in --workdir")
    args = parser.parse_args()
    work = args.workdir
    pages_dir = work / "pages"
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}, "
          f"{time.strftime('%Y-%m-%d %H:%M %Z')}")

    if not args.keep:
        if work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True)
        paths, count = write_pages(pages_dir, args.pages)
        (work / "archive.toml").write_text(render_default_config(), encoding="utf-8")
        elapsed, result = timed([sys.executable, "-m", "archive", "add", "-q", *map(str, paths)], work)
        if result.returncode:
            sys.exit(result.stderr)
        ingest_rate = count / elapsed
        articles = [a.to_dict() for p in paths for a in split_bytes(p.read_bytes(), name=p.name).articles]
        bare_rate = bare_whoosh(articles, work / "bare-index")
        print(f"pages: {len(paths)}, articles: {count}, words per article: "
              f"{sum(len(a['body'].split()) for a in articles) / len(articles):.0f}")
        print(f"ingest, archive add end to end: {ingest_rate:7.1f} articles/s ({elapsed:.1f} s)")
        print(f"bare Whoosh, default writer:    {bare_rate:7.1f} articles/s")
        print(f"ratio archive / bare Whoosh:    {ingest_rate / bare_rate:7.2f}x  (target >= 2x)")
        print(f"index on disk: {du(work / 'index') / 2**20:.0f} MB; bare Whoosh (body stored): "
              f"{du(work / 'bare-index') / 2**20:.0f} MB; store: {du(work / 'store') / 2**20:.0f} MB")

    archive = Archive(load_config(work / "archive.toml"))
    total = archive.index.doc_count()
    rng = random.Random(5)
    sample = [archive.record(i) for i in rng.sample(list(archive.store.iter_ids("articles")), 50)]
    words = [w for r in sample for w in r.body.lower().replace(".", "").split() if len(w) > 5]
    rng.shuffle(words)
    outlets = sorted({r.outlet for r in sample if r.outlet})
    kinds = {
        "3 words": lambda n: dict(text=" ".join(_three(sample[n % 50].body, n))),
        "phrase": lambda n: dict(text='"' + " ".join(sample[n % 50].body.split()[5:7]).rstrip(".,") + '"'),
        "facets": lambda n: dict(text=words[n], facets=("outlet", "author", "year", "month")),
        "date filter": lambda n: dict(text=words[n + 7], since=f"{2011 + n % 6}-01-01", until=f"{2013 + n % 6}-12-31"),
        "field": lambda n: dict(text=f'outlet:"{outlets[n % len(outlets)]}" {words[n + 3]}'),
    }
    bare = BareSearch(work / "bare-index") if (work / "bare-index").exists() else None
    print(f"\nsearch in-process at {total} articles (limit 10, snippets from the store, facets outlet/author/year):")
    print("  (bare: bare Whoosh, same queries over its own index of the same articles, interleaved)")
    archive.search(words[0])  # open the index once, as a long-lived process would
    for name, make in kinds.items():
        times, hits, bare_times, stopped = [], [], [], 0
        for n in range(40):
            options = make(n)
            text = options.pop("text")
            start = time.perf_counter()
            try:
                hits.append(archive.search(text, **options).total)
            except QueryError:  # stopped at the search's time budget: counted at the time it took
                stopped += 1
            times.append((time.perf_counter() - start) * 1000)
            if bare is not None:
                start = time.perf_counter()
                bare(text, since=options.get("since"), until=options.get("until"),
                     facets=options.get("facets", ("outlet", "author")))
                bare_times.append((time.perf_counter() - start) * 1000)
        p50, p95 = percentiles(times)
        line = f"  {name:<12} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   median hits {statistics.median(hits or [0]):.0f}"
        line += f" ({stopped} stopped at the time budget)" if stopped else ""
        if bare_times:
            b50, b95 = percentiles(bare_times)
            line += f"   | bare Whoosh p50 {b50:6.1f} ms   p95 {b95:6.1f} ms"
        print(line)

    query = " ".join(_three(sample[0].body, 0))
    whole = [timed([sys.executable, "-m", "archive", "search", query], work)[0] for _ in range(7)]
    bare = [timed([sys.executable, "-c", "pass"], work)[0] for _ in range(7)]
    print(f"\n`archive search` whole process: {statistics.median(whole) * 1000:6.0f} ms; "
          f"`python -c pass`: {statistics.median(bare) * 1000:4.0f} ms")

    if shutil.which("rg"):
        a, b, c = query.split()
        script = (f"rg -l -i -F --glob article.md {a} store/articles | xargs -r rg -l -i -F {b} "
                  f"| xargs -r rg -l -i -F {c} | wc -l")
        rg_times = [timed(["bash", "-c", script], work) for _ in range(5)]
        found = rg_times[-1][1].stdout.strip()
        in_process = []
        for _ in range(5):
            start = time.perf_counter()
            archive.search(query, facets=())
            in_process.append(time.perf_counter() - start)
        rg_median = statistics.median(t for t, _ in rg_times)
        print(f"ripgrep over the store, same 3 words: {rg_median * 1000:6.0f} ms ({found} files); "
              f"archive in-process {statistics.median(in_process) * 1000:.1f} ms: "
              f"{rg_median / statistics.median(in_process):.0f}x faster")

    if args.reindex:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        elapsed, result = timed([sys.executable, "-m", "archive", "reindex", "--full", "--procs", "2"], work)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(f"\nreindex --full --procs 2 of {total} articles: {elapsed:.0f} s "
              f"({total / elapsed:.0f} articles/s), peak memory of a process {max(peak, before) / 1024:.0f} MB")
    print(json.dumps({"articles": total}))


if __name__ == "__main__":
    main()
