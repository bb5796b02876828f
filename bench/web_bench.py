"""Search-page latency over HTTP: `archive serve` as a real process, asked as a browser would.

Usage:
    python bench/web_bench.py --pages 2500 [--workdir /tmp/archive-web-bench] [--keep]

Builds an archive of PAGES generated pages (bench/corpus.py, ~4 articles each:
2,500 pages make the 10k-article archive) unless --keep reuses one, starts
`archive serve` on a free port, and times the whole search page (query,
facets outlet/author/year/page/month, the month chart, snippets, HTML) over one
kept-alive HTTP connection, for several kinds of request; prints p50 and p95.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from corpus import write_pages

from archive.api import Archive
from archive.config import load_config, render_default_config
from archive.errors import QueryError
from archive.web.params import FACETS, Search
from webserver import start_server, stop_server


def build(work: Path, pages: int) -> None:
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    paths, count = write_pages(work / "pages", pages)
    (work / "archive.toml").write_text(render_default_config(), encoding="utf-8")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "archive", "add", "-q", *map(str, paths)], cwd=work,
                            capture_output=True, text=True)
    if result.returncode:
        sys.exit(result.stderr)
    print(f"built: {len(paths)} pages, {count} articles in {time.perf_counter() - start:.0f} s")


def in_process(archive: Archive, params: dict[str, str]) -> float:
    """Milliseconds of the library call behind one search page."""
    search = Search.from_params(params)
    start = time.perf_counter()
    with contextlib.suppress(QueryError):  # a page past the last: said on the page, as the server's 400 is
        archive.search(search.text(), **search.options(limit=archive.config.search_limit), facets=FACETS)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2500)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/archive-web-bench"))
    parser.add_argument("--keep", action="store_true", help="reuse an archive already built in --workdir")
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    work = args.workdir
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d %H:%M %Z')}")
    if not args.keep:
        build(work, args.pages)
    archive = Archive(load_config(work / "archive.toml"))
    total = archive.index.doc_count()
    rng = random.Random(5)
    sample = [archive.record(i) for i in rng.sample(list(archive.store.iter_ids("articles")), 50)]
    words = [w for r in sample for w in r.body.lower().replace(".", "").replace(",", "").split() if len(w) > 5]
    rng.shuffle(words)
    outlets = sorted({r.outlet for r in sample if r.outlet})
    kinds = {
        "home (all, newest)": lambda n: {},
        "1 word": lambda n: {"q": words[n]},
        "3 words": lambda n: {"q": " ".join(words[n * 3:n * 3 + 3])},
        "phrase": lambda n: {"q": '"' + " ".join(sample[n % 50].body.split()[5:7]).rstrip(".,") + '"'},
        "word + outlet facet": lambda n: {"q": words[n + 5], "outlet": outlets[n % len(outlets)]},
        "word, page 3": lambda n: {"q": words[n + 9], "p": "3"},
    }
    server, address = start_server(work)
    try:
        parts = urlsplit(address)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)

        def get(params: dict[str, str]) -> float:
            start = time.perf_counter()
            connection.request("GET", "/?" + urlencode(params))
            response = connection.getresponse()
            body = response.read()
            took = (time.perf_counter() - start) * 1000
            if response.status not in (200, 400) or b"<html" not in body:
                sys.exit(f"unexpected answer {response.status} for {params}")
            return took

        for n in range(5):  # warm up, as a server that has been running would be
            get({"q": words[-n - 1]})
        print(f"\nsearch page over HTTP at {total} articles (limit 10, facets outlet/author/year/page/month, chart):")
        print("  (library: the same Archive.search call the page makes, in this process, same run)")
        every, library = [], []
        archive.search("river", facets=FACETS)  # open the index once, as the server has
        for name, make in kinds.items():
            times, calls = [], []
            for n in range(args.rounds):  # interleaved, so the kept-alive connection never idles out
                times.append(get(make(n)))
                calls.append(in_process(archive, make(n)))
            every += times
            library += calls
            p50 = statistics.median(times)
            p95 = sorted(times)[int(len(times) * 0.95) - 1]
            print(f"  {name:<22} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   "
                  f"library p50 {statistics.median(calls):6.1f} ms")
        print(f"  {'all of them':<22} p50 {statistics.median(every):6.1f} ms   library p50 "
              f"{statistics.median(library):6.1f} ms   (target: page p50 <= 50 ms)")
        connection.close()
    finally:
        stop_server(server)


if __name__ == "__main__":
    main()
