"""Crash safety of `add`: the writer is killed (SIGKILL) at every write step and at random moments.

Each kill is checked three times: right after it, the store is valid OCFL as
ocfl-py sees it (or holds the one half-committed object of ``crashkit.WINDOWS``);
the next command of any kind recovers without `verify --repair` (the store
valid, the index holding what the store does, every page reported before the
kill whole); and `verify --repair` then ends clean, the store still valid.
ARCHIVE_CRASH_TRIALS sets how many random-moment trials run (default 10).
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import time
from pathlib import Path

import pytest

from conftest import MOSUL
from crashkit import (
    article_ids,
    assert_valid,
    make_folder,
    next_command_recovers,
    open_archive,
    pages_whole,
    repair_recovers,
    reported_pages,
    run_archive,
    start_archive,
)

#: Every step of a commit of a new version, in order; a new object has no "renamed" and "inventory" (it is
#: renamed into place whole).  "articles": a page's articles are committed, the page is not; "indexed": a
#: batch is indexed, the index-behind mark not yet cleared.
VERSION_STEPS = ("staged", "renamed", "inventory", "committed", "articles", "indexed")
NEW_OBJECT_STEPS = ("staged", "committed", "articles", "indexed")
RANDOM_TRIALS = int(os.environ.get("ARCHIVE_CRASH_TRIALS", "10"))


def killed_then_recovered(folder, result, reported, *, step):
    assert result.returncode == -signal.SIGKILL, result.stdout + result.stderr
    assert_valid(folder / "store", window=step)
    next_command_recovers(folder)
    pages_whole(folder, reported)
    repair_recovers(folder)
    pages_whole(folder, reported)


# 3 pages of 3 articles: commits 1-3 are the first page's articles, 4 the page, 5-7 and 8 the second page.
@pytest.mark.parametrize(("step", "nth"), [(step, nth) for step in NEW_OBJECT_STEPS for nth in (1, 3, 4, 5)
                                           if (step, nth) not in {("indexed", 3), ("indexed", 4), ("indexed", 5),
                                                                  ("articles", 4), ("articles", 5)}])
def test_killed_at_a_write_step_of_new_objects(tmp_path, step, nth):
    folder, names = make_folder(tmp_path, "a")
    result = run_archive(folder, "add", *names, fault=f"{step}:{nth}")
    if not (folder / "store" / "0=ocfl_1.1").exists():
        pytest.fail("the store is made before anything is written")
    reported = reported_pages(result.stdout)
    killed_then_recovered(folder, result, reported, step=step)
    # Nothing half done: each page with all its articles, or neither.
    archive = open_archive(folder)
    listed = {a for p in archive.store.iter_ids("pages")
              for a in json.loads(archive.store.read(p, "page.json"))["articles"]}
    assert article_ids(folder) == listed


def _corrected_mosul(folder):
    fixed = folder / "fixed.txt"
    fixed.write_text(MOSUL.read_text(encoding="utf-8").replace("told RT.", "told RT on Thursday.").replace(
        "was a mistake.", "was a mistake, it said."), encoding="utf-8")
    return fixed


# The corrected page commits two articles' new versions, then the page's (the third commit).
@pytest.mark.parametrize(("step", "nth"), [(step, 1) for step in VERSION_STEPS]
                         + [("staged", 3), ("renamed", 3), ("inventory", 3), ("committed", 3)])
def test_killed_at_a_write_step_of_new_versions(tmp_path, step, nth):
    folder, _ = make_folder(tmp_path, "b", pages=0)
    first = run_archive(folder, "add", str(MOSUL))
    assert first.returncode == 0
    before = article_ids(folder)
    fixed = _corrected_mosul(folder)
    result = run_archive(folder, "add", fixed.name, fault=f"{step}:{nth}")
    reported = reported_pages(first.stdout) + reported_pages(result.stdout)
    killed_then_recovered(folder, result, reported, step=step)
    assert article_ids(folder) == before  # 0 articles lost
    # What was committed before the kill is all there; adding the page again completes the change.
    again = run_archive(folder, "add", fixed.name)
    assert again.returncode == 0 and "Traceback" not in again.stderr
    assert run_archive(folder, "verify").returncode == 0


def test_the_corrected_page_commits_two_articles_then_the_page(tmp_path):
    # The premise of the steps above: the 3rd commit is the page's.
    folder, _ = make_folder(tmp_path, "b", pages=0)
    assert run_archive(folder, "add", str(MOSUL)).returncode == 0
    result = run_archive(folder, "add", _corrected_mosul(folder).name, fault="committed:3")
    assert result.returncode == -signal.SIGKILL
    archive = open_archive(folder)
    page = next(iter(archive.store.iter_ids("pages")))
    assert archive.store.head(page) == 2
    assert sorted(archive.store.head(a) for a in archive.store.iter_ids("articles")) == [1, 1, 2, 2]


def test_killed_at_random_moments(tmp_path):
    rng = random.Random(int(os.environ.get("ARCHIVE_CRASH_SEED", "1")))
    outcomes = {"killed": 0, "finished": 0}
    for trial in range(RANDOM_TRIALS):
        folder, names = make_folder(tmp_path, f"r{trial}", pages=8)
        proc = start_archive(folder, "add", *names)
        time.sleep(rng.uniform(0.15, 0.6))
        proc.send_signal(signal.SIGKILL)
        stdout, _ = proc.communicate(timeout=60)
        outcomes["killed" if proc.returncode == -signal.SIGKILL else "finished"] += 1
        if not (folder / "store" / "0=ocfl_1.1").exists():
            assert not reported_pages(stdout)  # killed before the store was made
            continue
        reported = reported_pages(stdout)
        assert_valid(folder / "store", window="any")
        next_command_recovers(folder)
        pages_whole(folder, reported)
        repair_recovers(folder)
        pages_whole(folder, reported)
    print(f"random-kill trials: {RANDOM_TRIALS}, {outcomes}")


@pytest.mark.parametrize("nth", [1, 2, 5])
def test_killed_after_a_commit_the_next_add_indexes_what_was_committed(tmp_path, nth):
    folder, names = make_folder(tmp_path, "a", pages=2)
    killed = run_archive(folder, "add", *names, fault=f"committed:{nth}")
    assert killed.returncode == -signal.SIGKILL
    again = run_archive(folder, "add", *names)
    assert again.returncode == 0, again.stderr
    assert "caught up" in again.stderr
    next_command_recovers(folder)
    assert len(article_ids(folder)) == 6


def test_killed_between_a_pages_articles_and_the_page_the_next_command_undoes_them(tmp_path):
    folder, names = make_folder(tmp_path, "a", pages=1)
    killed = run_archive(folder, "add", *names, fault="articles")
    assert killed.returncode == -signal.SIGKILL
    archive = open_archive(folder)
    assert list(archive.store.iter_ids("articles")) and not list(archive.store.iter_ids("pages"))
    assert_valid(folder / "store")
    listing = next_command_recovers(folder)
    assert "removed (its page" in listing.stderr and "0 of 0 article(s)" in listing.stdout
    assert not article_ids(folder)  # the page and its new articles: neither
    repair_recovers(folder)
    again = run_archive(folder, "add", *names)
    assert again.returncode == 0 and "3 new" in again.stdout
    pages_whole(folder, reported_pages(again.stdout))


def test_every_fault_point_in_the_code_is_killed_at_by_a_crash_test():
    import test_crash_curation
    import test_index_rebuild
    import test_sync

    source = Path(__file__).parent.parent / "src" / "archive"
    points = {name for path in source.rglob("*.py")
              for name in re.findall(r'\bfault\("([a-z-]+)"\)', path.read_text(encoding="utf-8"))}
    covered = {*VERSION_STEPS, *NEW_OBJECT_STEPS, *test_crash_curation.STEPS, *test_crash_curation.PURGE_STEPS,
               *test_index_rebuild.REBUILD_STEPS, *test_sync.SYNC_STEPS}
    assert points and points <= covered, f"no crash test kills at {sorted(points - covered)}"
