"""Whoosh and PostgreSQL side by side, in one run, over the same store.

Usage:
    python bench/engines_bench.py --pages 2500 [--workdir /tmp/archive-engines] [--pg-url URL] [--keep]
    python bench/engines_bench.py --pages 25000 --direct [--engines postgresql]

Generates PAGES compilation pages (bench/corpus.py), stores them once with
`archive add` (Whoosh indexing them as it goes), then for each engine:

* index build: `archive reindex --full` from the store (Whoosh with --procs 2,
  as the README advises for big stores), as a whole process;
* search p50/p95 in-process over the same queries: 3 words (with facets and
  snippets), a phrase, one common word with four facets, a word with a date
  filter; the median hit count shows both engines found the same sets;
* disk size of the index (the Whoosh folder; the PostgreSQL tables with their
  indexes, and the words table).

With --direct (for 100k articles, where `archive add` alone takes ~40 min on
this machine), the pages are split in memory and each engine is filled
straight from the records, in batches of 5,000 as a reindex does (Whoosh with
two processes), with no store: the build figure is then the engine's own
indexing, and snippets are drawn from the texts in memory.

Without --pg-url, a throwaway PostgreSQL cluster is started (tests/pgserver.py)
with durable settings (fsync on, shared_buffers 256MB) and stopped at the end.
Figures are of one run on a shared machine: compare the engines within it.
"""

from __future__ import annotations

import argparse
import functools
import os
import pickle
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent / "tests"))

from corpus import iter_pages, write_pages

from archive.api import Archive
from archive.config import load_config, render_default_config
from archive.extract import split_bytes
from archive.models import ArticleRecord, Sighting
from archive.search import SearchIndex, WhooshIndex, run_search

QUERIES = 40


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def run(work: Path, config: Path, *args: str) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "archive", "--config", str(config), *args], cwd=work,
                            capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"archive {' '.join(args)}: {result.stderr.strip()}")
    return time.perf_counter() - start


def queries(sample: list[ArticleRecord]) -> dict[str, list[dict]]:
    """The same queries for both engines: built from 50 articles."""
    rng = random.Random(5)
    words = [w for r in sample for w in r.body.lower().replace(".", "").replace(",", "").split() if len(w) > 5]
    rng.shuffle(words)

    def three(n: int) -> str:
        body = sorted({w.strip(".,").lower() for w in sample[n % 50].body.split() if len(w) > 5})
        return " ".join(random.Random(n).sample(body, 3))

    return {
        "3 words": [dict(text=three(n)) for n in range(QUERIES)],
        "phrase": [dict(text='"' + " ".join(sample[n % 50].body.split()[5:7]).rstrip(".,") + '"')
                   for n in range(QUERIES)],
        "facets": [dict(text=words[n], facets=("outlet", "author", "year", "month")) for n in range(QUERIES)],
        "date filter": [dict(text=words[n + 7], since=f"{2011 + n % 6}-01-01", until=f"{2013 + n % 6}-12-31")
                        for n in range(QUERIES)],
    }


def measure(search, kinds: dict[str, list[dict]]) -> dict[str, tuple[float, float, float]]:
    search(kinds["facets"][0]["text"])  # open the index once, as a long-lived process would
    out = {}
    for name, items in kinds.items():
        times, hits = [], []
        for item in items:
            options = dict(item)
            start = time.perf_counter()
            result = search(options.pop("text"), **options)
            times.append((time.perf_counter() - start) * 1000)
            hits.append(result.total)
        out[name] = (*percentiles(times), statistics.median(hits))
    return out


def pg_size(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        live = conn.execute("SELECT live FROM archive_meta").fetchone()[0]
        return int(conn.execute("SELECT pg_total_relation_size(%s) + pg_total_relation_size(%s)",
                                [live, f"{live}_words"]).fetchone()[0])


def _split(item: tuple[int, str]) -> list[ArticleRecord]:
    number, text = item
    page = split_bytes(text.encode(), name=f"page-{number:06d}.txt")
    return [ArticleRecord(id=f"articles/bench/{number}/{n}", version=1, title=a.title, body=a.body, outlet=a.outlet,
                          author=a.author, date=a.date, date_text=None, subtitle=None, standfirst=None, section=None,
                          review=False, review_reasons=(), fair_use_note=None,
                          sightings=(Sighting(f"pages/bench/{number}", None, None, n),), digest=f"{number}-{n}")
            for n, a in enumerate(page.articles)]


def direct(args: argparse.Namespace, url: str) -> tuple[dict[str, dict[str, str]], int]:
    """Fill each engine straight from split records (no store), and search it."""
    from multiprocessing import Pool

    from archive.search.pg_engine import PostgresIndex

    cache = args.workdir / f"records-{args.pages}.pickle"
    if cache.exists():
        records = pickle.loads(cache.read_bytes())
    else:
        start = time.perf_counter()
        with Pool(2) as pool:
            records = [r for batch in pool.imap(_split, ((n, t) for n, (t, _) in enumerate(iter_pages(args.pages))),
                                                chunksize=50) for r in batch]
        print(f"{len(records)} articles split in memory in {time.perf_counter() - start:.0f} s", flush=True)
        cache.write_bytes(pickle.dumps(records))
    if args.split_only:
        return {}, len(records)
    bodies = {r.id: r.body for r in records}
    sample = random.Random(5).sample(records, 50)
    kinds = queries(sample)
    rows: dict[str, dict[str, str]] = {}
    folder = args.workdir / "direct-whoosh"
    shutil.rmtree(folder, ignore_errors=True)
    engines: list[tuple[str, SearchIndex, int]] = [(name, index, procs) for name, index, procs in (
        ("Whoosh", WhooshIndex(folder), 2), ("PostgreSQL", PostgresIndex(url), 1)) if name.lower() in args.engines]
    for engine, index, procs in engines:
        start = time.perf_counter()
        fresh = index.build()
        for at in range(0, len(records), 5000):
            fresh.write(records[at:at + 5000], procs=procs)
        fresh.tidy()
        index.swap_in(fresh)
        index.clear_leftovers()
        elapsed = time.perf_counter() - start
        size = du(folder) if engine == "Whoosh" else pg_size(url)
        rows.setdefault("index build (from records, batches of 5,000)", {})[engine] = \
            f"{elapsed:.0f} s ({len(records) / elapsed:.0f} articles/s)"
        rows.setdefault("index on disk", {})[engine] = f"{size / 2**20:.0f} MB"
        results = measure(functools.partial(run_search, index, body_for=bodies.get), kinds)
        for name, (p50, p95, hits) in results.items():
            rows.setdefault(f"{name}: p50 / p95 (median hits)", {})[engine] = \
                f"{p50:.1f} / {p95:.1f} ms ({hits:.0f})"
        index.close()
        print(f"{engine}: {index.doc_count()} articles indexed", flush=True)
    return rows, len(records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2500)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/archive-engines"))
    parser.add_argument("--pg-url", help="a PostgreSQL database to fill (default: a throwaway cluster)")
    parser.add_argument("--keep", action="store_true", help="reuse the store already built in --workdir")
    parser.add_argument("--direct", action="store_true", help="fill the engines from records in memory, no store")
    parser.add_argument("--engines", nargs="+", choices=("whoosh", "postgresql"), default=["whoosh", "postgresql"],
                        help="with --direct: the engines to measure (default both)")
    parser.add_argument("--split-only", action="store_true",
                        help="with --direct: split the pages and keep the records in --workdir, measure nothing")
    args = parser.parse_args()
    work = args.workdir
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f}, "
          f"{time.strftime('%Y-%m-%d %H:%M %Z')}")
    whoosh_toml = work / "archive.toml"
    if not args.keep and not args.direct:
        if work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True)
        paths, count = write_pages(work / "pages", args.pages)
        whoosh_toml.write_text(render_default_config(), encoding="utf-8")
        elapsed = run(work, whoosh_toml, "add", "-q", *map(str, paths))
        print(f"store: {len(paths)} pages, {count} articles, added in {elapsed:.0f} s")

    args.workdir.mkdir(parents=True, exist_ok=True)
    cluster = None
    url = args.pg_url
    if url is None:
        import pgserver

        cluster = pgserver.start_cluster(settings="-c shared_buffers=256MB -c max_connections=20")
        url = cluster.url("archive_bench")
    try:
        if cluster is not None:
            import psycopg

            with psycopg.connect(cluster.url(), autocommit=True) as conn:
                conn.execute("CREATE DATABASE archive_bench")
        if args.direct:
            found, count = direct(args, url)
            show(found, f"{count} articles (records in memory)")
            return
        pg_toml = work / "postgresql.toml"
        pg_toml.write_text(render_default_config().replace('engine = "whoosh"', 'engine = "postgresql"')
                           .replace('url = ""', f'url = "{url}"'), encoding="utf-8")
        rows: dict[str, dict[str, str]] = {}
        for engine, toml, options in (("Whoosh", whoosh_toml, ("--procs", "2")), ("PostgreSQL", pg_toml, ())):
            elapsed = run(work, toml, "reindex", "--full", *options)
            archive = Archive(load_config(toml))
            total = archive.index.doc_count()
            size = du(work / "index") if engine == "Whoosh" else pg_size(url)
            rows.setdefault("index build (`reindex --full`)", {})[engine] = \
                f"{elapsed:.0f} s ({total / elapsed:.0f} articles/s)"
            rows.setdefault("index on disk", {})[engine] = f"{size / 2**20:.0f} MB"
            rng = random.Random(5)
            kinds = queries([archive.record(i) for i in rng.sample(list(archive.store.iter_ids("articles")), 50)])
            for name, (p50, p95, hits) in measure(archive.search, kinds).items():
                rows.setdefault(f"{name}: p50 / p95 (median hits)", {})[engine] = \
                    f"{p50:.1f} / {p95:.1f} ms ({hits:.0f})"
            archive.index.close()
            print(f"{engine}: {total} articles indexed", flush=True)
        show(rows, f"{total} articles")
    finally:
        if cluster is not None:
            cluster.stop()


def show(rows: dict[str, dict[str, str]], what: str) -> None:
    print(f"\n| figure at {what} | Whoosh | PostgreSQL |\n|---|---|---|")
    for figure, by_engine in rows.items():
        print(f"| {figure} | {by_engine.get('Whoosh', '')} | {by_engine.get('PostgreSQL', '')} |")


if __name__ == "__main__":
    main()
