"""A whole index is built beside the live one and swapped in when complete (issue 16, item 10).

Readers in other processes keep answering from the old index while a rebuild
runs; a rebuild killed at any step leaves an index that answers, and the next
command finishes or rolls back what the kill left; a missing index that
another process is building is announced, never shown as an empty archive.
Real processes throughout: a rebuild is stopped (SIGSTOP) or killed (SIGKILL)
at its fault points (``crashkit``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import time

import pytest

from archive import catalog
from archive.extract import split_bytes
from archive.search import MARKER, WhooshIndex
from crashkit import (
    article_ids,
    assert_valid,
    make_folder,
    open_archive,
    repair_recovers,
    run_archive,
    start_archive,
)
from pagewriter import simple_page

#: The steps of a rebuild: the new index made beside the live one, its articles written, complete, swapped in.
REBUILD_STEPS = ("index-created", "index-written", "index-built", "index-swapped")


def _small_archive(tmp_path, lock_timeout=30.0):
    folder, names = make_folder(tmp_path, "a", pages=2, lock_timeout=lock_timeout)
    added = run_archive(folder, "add", *names)
    assert added.returncode == 0, added.stderr
    return folder


def _index_files(folder):
    return sorted(p.name for p in (folder / "index").iterdir())


def _live(folder):
    return json.loads((folder / "index" / MARKER).read_text())["live"]


def _total(result):
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)["total"]


def _stopped(proc, timeout=60.0):
    """Wait until ``proc`` has stopped itself at its fault point."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open(f"/proc/{proc.pid}/stat") as fh:
            if fh.read().rsplit(")", 1)[1].split()[0] == "T":
                return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    raise AssertionError("the process never reached its fault point")


def _finish(proc):
    proc.send_signal(signal.SIGCONT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, out + err
    return out, err


@pytest.fixture
def big_archive(tmp_path, monkeypatch):
    """An archive of 1,000 articles (100 pages), made in this process without fsync (setup speed only)."""
    folder, _ = make_folder(tmp_path, "big", pages=0)
    archive = open_archive(folder)
    archive.create_store()
    chunk = []
    for k in range(100):
        raw = simple_page(k, articles=10).encode()
        chunk.append((raw, split_bytes(raw, name=f"page{k}.txt")))
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    _, failure = catalog.store_batch(archive.store, chunk, index=lambda records: [])
    assert failure is None
    monkeypatch.undo()
    assert run_archive(folder, "reindex", "--full").returncode == 0
    return folder


def test_searches_during_a_full_rebuild_answer_from_the_old_index(big_archive):
    folder = big_archive
    query = ["search", "officials", "--json", "--limit", "1"]
    expected = _total(run_archive(folder, *query))
    assert expected > 500
    old = _live(folder)
    rebuild = start_archive(folder, "reindex", "--full")
    while not any(name.startswith(f"ix{int(old[2:]) + 1}_") for name in _index_files(folder)):
        assert rebuild.poll() is None, rebuild.communicate()  # the new index is being written beside the old
        time.sleep(0.01)
    during, seconds = [], []
    while rebuild.poll() is None:
        started = time.monotonic()
        result = run_archive(folder, *query)
        seconds.append(time.monotonic() - started)
        during.append((_total(result), rebuild.poll() is None, result.stderr))
    out, err = rebuild.communicate()
    assert rebuild.returncode == 0 and "indexed 1000 article(s) of 1000" in out, out + err
    assert any(still for _, still, _ in during), "no search ran while the rebuild did"
    assert all(total == expected for total, _, _ in during), during
    assert not any("rebuilt" in stderr or "error" in stderr for _, _, stderr in during)
    assert _live(folder) != old and _total(run_archive(folder, *query)) == expected
    print(f"{len(during)} searches during the rebuild, slowest {max(seconds):.2f} s")


@pytest.mark.parametrize("step", ["index-created", "index-built"])
def test_a_rebuild_stopped_before_its_swap_leaves_readers_the_old_index(tmp_path, step):
    folder = _small_archive(tmp_path)
    rebuild = start_archive(folder, "reindex", "--full", fault=f"{step}:1:stop")
    try:
        _stopped(rebuild)
        building = _index_files(folder)
        # The new index (empty at index-created) is beside the live one; readers use the live one.
        found = run_archive(folder, "search", "officials", "--json")
        assert _total(found) > 0 and "rebuilt" not in found.stderr
        listing = run_archive(folder, "list")
        assert listing.returncode == 0 and "6 of 6 article(s)" in listing.stdout
        assert _index_files(folder) == building  # a reader never deletes a build in progress
    finally:
        out, _ = _finish(rebuild)
    assert "indexed 6 article(s) of 6" in out
    live = _live(folder)
    assert all(name == MARKER or name.startswith((f"_{live}_", f"{live}_")) for name in _index_files(folder))
    assert "6 of 6 article(s)" in run_archive(folder, "list").stdout


@pytest.mark.parametrize("command", ["reindex", "automatic"])
@pytest.mark.parametrize("step", REBUILD_STEPS)
def test_a_rebuild_killed_at_each_step_leaves_an_index_that_answers(tmp_path, step, command):
    folder = _small_archive(tmp_path)
    neighbours = sorted(p.name for p in folder.iterdir())
    if command == "automatic":  # an index of another schema version is rebuilt by the next reader
        marker = json.loads((folder / "index" / MARKER).read_text())
        (folder / "index" / MARKER).write_text(json.dumps({**marker, "schema_version": -1}))
        killed = run_archive(folder, "list", fault=step)
    else:
        killed = run_archive(folder, "reindex", "--full", fault=step)
    assert killed.returncode == -signal.SIGKILL
    assert_valid(folder / "store")
    nxt = run_archive(folder, "list")
    assert nxt.returncode == 0 and "6 of 6 article(s)" in nxt.stdout, nxt.stdout + nxt.stderr
    assert "Traceback" not in nxt.stderr
    if command == "reindex":
        assert "removed what an interrupted index rebuild left" in nxt.stderr
    # Finished or rolled back: the live index's files and the marker, nothing else; nothing beside the folder.
    live = _live(folder)
    assert all(name == MARKER or name.startswith((f"_{live}_", f"{live}_")) for name in _index_files(folder))
    assert sorted(p.name for p in folder.iterdir()) == neighbours
    assert set(open_archive(folder).index.stored()) == article_ids(folder)
    assert run_archive(folder, "verify").returncode == 0
    repair_recovers(folder)


def test_an_incremental_reindex_killed_after_a_batch_is_caught_up_by_the_next_command(tmp_path):
    folder = _small_archive(tmp_path)
    lagging = sorted(article_ids(folder))[:4]
    WhooshIndex(folder / "index").write([], delete=lagging)  # the index lags the store
    killed = run_archive(folder, "reindex", fault="index-written")
    assert killed.returncode == -signal.SIGKILL
    assert_valid(folder / "store")
    nxt = run_archive(folder, "list")
    assert nxt.returncode == 0 and "caught up" in nxt.stderr and "6 of 6 article(s)" in nxt.stdout
    assert set(open_archive(folder).index.stored()) == article_ids(folder)
    repair_recovers(folder)


def test_a_missing_index_being_built_elsewhere_is_announced_never_shown_empty(tmp_path):
    folder = _small_archive(tmp_path, lock_timeout=1.0)
    shutil.rmtree(folder / "index")
    builder = start_archive(folder, "list", fault="index-created:1:stop")
    try:
        _stopped(builder)
        started = time.monotonic()
        reader = run_archive(folder, "list")
        assert reader.returncode == 1 and "0 of 0" not in reader.stdout, reader.stdout
        lines = reader.stderr.strip().splitlines()
        assert len(lines) == 1 and "no index was found" in lines[0] and "another archive process" in lines[0]
        assert time.monotonic() - started < 20
        # With time to wait, a reader waits for the build and answers from it.
        toml = folder / "archive.toml"
        toml.write_text(toml.read_text().replace("lock_timeout = 1.0", "lock_timeout = 60.0"))
        waiting = start_archive(folder, "list")
        time.sleep(0.5)
    finally:
        _, err = _finish(builder)
    assert "no index was found; rebuilt it from the store (6 articles)" in err
    out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0 and "6 of 6 article(s)" in out, out + err
    assert "0 of 0" not in out


def test_readers_do_not_wait_for_a_writer_when_there_is_an_index(tmp_path):
    folder = _small_archive(tmp_path, lock_timeout=60.0)
    article = json.loads(run_archive(folder, "list", "--json").stdout)[0]["id"]
    writer = start_archive(folder, "edit", article, "--title", "Zanzibar Corrected", "--reason", "typo",
                           fault="committed:1:stop")
    try:
        _stopped(writer)
        started = time.monotonic()
        reader = run_archive(folder, "list")
        assert reader.returncode == 0 and "6 of 6 article(s)" in reader.stdout
        assert "another archive process is writing" in reader.stderr
        assert time.monotonic() - started < 20  # not the 60 s of the lock
    finally:
        _finish(writer)
    assert "Zanzibar Corrected" in run_archive(folder, "search", "Zanzibar").stdout


def test_a_reader_follows_a_swap_made_while_it_was_open(tmp_path):
    folder = _small_archive(tmp_path)
    reader = open_archive(folder)
    assert reader.search("officials").total > 0  # its searcher is open on the live index
    old = _live(folder)
    writer = open_archive(folder)
    with writer.store.lock():
        writer.rebuild_index()
    assert _live(folder) != old and not any(re.match(rf"_?{old}_", n) for n in _index_files(folder))
    assert reader.search("officials").total == writer.search("officials").total > 0
    assert reader.notices == []  # no "rebuilt": the old index's files went, the new index was read


def test_an_index_made_before_the_marker_named_the_live_one_is_still_read(tmp_path):
    from whoosh.filedb.filestore import FileStorage

    from archive.search.whoosh_schema import SCHEMA_VERSION, make_schema

    folder = _small_archive(tmp_path)
    records = list(open_archive(folder).iter_records())
    shutil.rmtree(folder / "index")
    (folder / "index").mkdir()
    (folder / "index" / MARKER).write_text(json.dumps({"made_by": "archive", "schema_version": SCHEMA_VERSION}))
    FileStorage(str(folder / "index")).create_index(make_schema())  # whoosh's default name, MAIN
    WhooshIndex(folder / "index").write(records)
    listing = run_archive(folder, "list")
    assert listing.returncode == 0 and "6 of 6" in listing.stdout and "rebuilt" not in listing.stderr
    assert run_archive(folder, "reindex", "--full").returncode == 0
    assert _live(folder) == "ix1" and not any("MAIN" in name for name in _index_files(folder))
