"""Past one machine: a streaming standby of the index's server answers `archive search` while the primary
takes `archive add`, and sees the new articles within seconds.

The standby is made with ``pg_basebackup -R`` from a throwaway primary; the
reading archive has its own archive.toml naming the standby and the same store
(on another machine it would be a copy kept by `archive sync`).
"""

from __future__ import annotations

import json
import os
import time

import pytest

import pgserver
from crashkit import run_archive, start_archive
from enginekit import write_config
from pagewriter import simple_page


@pytest.fixture
def primary_and_standby():
    try:
        primary = pgserver.start_cluster()
    except (RuntimeError, OSError) as exc:
        if os.environ.get("CI"):
            pytest.fail(f"no PostgreSQL cluster could be started: {exc}")
        pytest.skip(f"no PostgreSQL cluster could be started ({exc}); install Debian's postgresql")
    standby = None
    try:
        import psycopg

        with psycopg.connect(primary.url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE archive")
        standby = pgserver.start_standby(primary)
        pgserver.wait_ready(standby.url("archive"))
        yield primary, standby
    finally:
        if standby is not None:
            standby.stop()
        primary.stop()


def total(result) -> int:
    assert result.returncode == 0, result.stderr
    return int(json.loads(result.stdout)["total"])


def test_a_standby_answers_searches_while_the_primary_takes_adds(tmp_path, primary_and_standby):
    primary, standby = primary_and_standby
    writer, reader = tmp_path / "writer", tmp_path / "reader"
    writer.mkdir()
    reader.mkdir()
    write_config(writer, "postgresql", primary.url("archive"))
    write_config(reader, "postgresql", standby.url("archive"))
    toml = (reader / "archive.toml").read_text(encoding="utf-8")
    (reader / "archive.toml").write_text(toml.replace('path = "store"', f'path = "{writer / "store"}"', 1),
                                         encoding="utf-8")
    names = []
    for n in range(8):
        (writer / f"p{n}.txt").write_text(simple_page(300 + n, articles=3), encoding="utf-8")
        names.append(f"p{n}.txt")
    assert run_archive(writer, "add", names[0]).returncode == 0

    deadline = time.monotonic() + 15
    while total(run_archive(reader, "search", "--json", "")) != 3:
        assert time.monotonic() < deadline, "the standby never saw the first page's articles"
        time.sleep(0.2)

    adder = start_archive(writer, "add", *names[1:])
    seen = []
    while adder.poll() is None:
        seen.append(total(run_archive(reader, "search", "--json", "")))  # every search answers meanwhile
    _, err = adder.communicate(timeout=120)
    assert adder.returncode == 0, err
    assert seen and all(3 <= n <= 24 for n in seen)

    added = time.monotonic()
    while (n := total(run_archive(reader, "search", "--json", ""))) != 24:
        assert time.monotonic() - added < 10, f"the standby holds {n} of 24 articles 10 s after the add"
        time.sleep(0.2)
    found = json.loads(run_archive(reader, "search", "--json", "Plan 307-2").stdout)
    assert any("307-2" in hit["title"] for hit in found["hits"])

    # the standby is read-only: a write through it is refused in one line
    (reader / "p9.txt").write_text(simple_page(399), encoding="utf-8")
    refused = run_archive(reader, "reindex", "--full")
    assert refused.returncode == 1 and "read-only" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
