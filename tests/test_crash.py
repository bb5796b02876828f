"""Crash safety: the writer is killed (SIGKILL) at every write step and at random moments.

After `archive verify --repair` the store must be valid OCFL (ocfl-py agrees),
every page whose add was reported before the kill must be present, no
half-written version may be visible, and the index must agree with the store.
ARCHIVE_CRASH_TRIALS sets how many random-moment trials run (default 10).
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive.api import Archive
from archive.config import load_config, render_default_config
from conftest import MOSUL
from pagewriter import simple_page

ocfl = pytest.importorskip("ocfl")
STEPS = ("staged", "renamed", "inventory", "committed", "articles", "indexed")
NEW_OBJECT_STEPS = ("staged", "committed", "articles", "indexed")  # renamed/inventory: new versions only
RANDOM_TRIALS = int(os.environ.get("ARCHIVE_CRASH_TRIALS", "10"))


def run_archive(folder: Path, *args: str, fault: str | None = None, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"}
    env.pop("ARCHIVE_FAULT", None)
    if fault:
        env["ARCHIVE_FAULT"] = fault
    return subprocess.run([sys.executable, "-m", "archive", *args], cwd=folder, env=env, capture_output=True,
                          text=True, timeout=120, **kw)


def reported_pages(stdout: str) -> list[str]:
    return re.findall(r"→ (pages/\S+) \((?:new|new version|unchanged)\)", stdout)


def check_recovered(folder: Path, reported: list[str]) -> None:
    if not (folder / "store" / "0=ocfl_1.1").exists():
        assert not reported  # killed before the store was made
        return
    repair = run_archive(folder, "verify", "--repair")
    assert "Traceback" not in repair.stderr, repair.stderr
    clean = run_archive(folder, "verify")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    root = ocfl.StorageRoot(root=str(folder / "store"))
    assert root.validate(), root.log
    archive = Archive(load_config(folder / "archive.toml"))
    for page_id in reported:
        assert archive.store.has(page_id), page_id
        for article_id in json.loads(archive.store.read(page_id, "page.json"))["articles"]:
            assert archive.store.has(article_id)
    assert set(archive.index.stored()) == set(archive.store.iter_ids("articles"))


def make_folder(tmp_path: Path, name: str, pages: int = 3) -> tuple[Path, list[str]]:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "archive.toml").write_text(render_default_config(), encoding="utf-8")
    names = []
    for n in range(pages):
        page = folder / f"page{n}.txt"
        page.write_text(simple_page(n), encoding="utf-8")
        names.append(page.name)
    return folder, names


@pytest.mark.parametrize(("step", "nth"), [(step, nth) for step in NEW_OBJECT_STEPS for nth in (1, 3)
                                           if not (step == "indexed" and nth > 1)])  # indexed: once a batch
def test_killed_at_a_write_step_of_new_objects(tmp_path, step, nth):
    folder, names = make_folder(tmp_path, "a")
    result = run_archive(folder, "add", *names, fault=f"{step}:{nth}")
    assert result.returncode == -signal.SIGKILL
    check_recovered(folder, reported_pages(result.stdout))


@pytest.mark.parametrize("step", STEPS)
def test_killed_at_a_write_step_of_new_versions(tmp_path, step):
    folder, _ = make_folder(tmp_path, "b", pages=0)
    first = run_archive(folder, "add", str(MOSUL))
    assert first.returncode == 0
    fixed = folder / "fixed.txt"
    fixed.write_text(MOSUL.read_text(encoding="utf-8").replace(" RT News\n", " RT News\n").replace(
        "told RT.", "told RT on Thursday.").replace("was a mistake.", "was a mistake, it said."), encoding="utf-8")
    result = run_archive(folder, "add", fixed.name, fault=step)
    assert result.returncode == -signal.SIGKILL
    check_recovered(folder, reported_pages(first.stdout) + reported_pages(result.stdout))
    # What was committed before the kill is all there; adding the page again completes the change.
    again = run_archive(folder, "add", fixed.name)
    assert again.returncode == 0
    assert run_archive(folder, "verify").returncode == 0


def test_killed_at_random_moments(tmp_path):
    rng = random.Random(int(os.environ.get("ARCHIVE_CRASH_SEED", "1")))
    outcomes = {"killed": 0, "finished": 0}
    for trial in range(RANDOM_TRIALS):
        folder, names = make_folder(tmp_path, f"r{trial}", pages=8)
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("ARCHIVE_FAULT", None)
        proc = subprocess.Popen([sys.executable, "-m", "archive", "add", *names], cwd=folder, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(0.15, 0.6))
        proc.send_signal(signal.SIGKILL)
        stdout, _ = proc.communicate(timeout=60)
        outcomes["killed" if proc.returncode == -signal.SIGKILL else "finished"] += 1
        check_recovered(folder, reported_pages(stdout))
    print(f"random-kill trials: {RANDOM_TRIALS}, {outcomes}")


def _searchable_without_repair(folder: Path) -> None:
    archive = Archive(load_config(folder / "archive.toml"))
    assert set(archive.index.stored()) == set(archive.store.iter_ids("articles"))


@pytest.mark.parametrize("nth", [1, 2, 5])
def test_killed_after_a_commit_the_next_add_indexes_what_was_committed(tmp_path, nth):
    folder, names = make_folder(tmp_path, "a", pages=2)
    killed = run_archive(folder, "add", *names, fault=f"committed:{nth}")
    assert killed.returncode == -signal.SIGKILL
    again = run_archive(folder, "add", *names)
    assert again.returncode == 0, again.stderr
    assert "caught up" in again.stderr
    _searchable_without_repair(folder)


def test_killed_after_an_edit_commits_the_next_search_shows_it(tmp_path):
    folder, names = make_folder(tmp_path, "a", pages=1)
    assert run_archive(folder, "add", *names).returncode == 0
    article = json.loads(run_archive(folder, "list", "--json").stdout)[0]["id"]
    killed = run_archive(folder, "edit", article, "--title", "Zanzibar Corrected", "--reason", "typo",
                         fault="committed")
    assert killed.returncode == -signal.SIGKILL
    found = run_archive(folder, "search", "Zanzibar")
    assert "caught up" in found.stderr and "Zanzibar Corrected" in found.stdout
    _searchable_without_repair(folder)


def test_killed_between_a_pages_articles_and_the_page_the_next_command_undoes_them(tmp_path):
    folder, names = make_folder(tmp_path, "a", pages=1)
    killed = run_archive(folder, "add", *names, fault="articles")
    assert killed.returncode == -signal.SIGKILL
    archive = Archive(load_config(folder / "archive.toml"))
    assert list(archive.store.iter_ids("articles")) and not list(archive.store.iter_ids("pages"))
    listing = run_archive(folder, "list")
    assert "removed (its page" in listing.stderr and "0 of 0 article(s)" in listing.stdout
    assert not list(archive.store.iter_ids("articles"))  # the page and its new articles: neither
    assert run_archive(folder, "verify").returncode == 0
    assert ocfl.StorageRoot(root=str(folder / "store")).validate()
    again = run_archive(folder, "add", *names)
    assert again.returncode == 0 and "3 new" in again.stdout
    check_recovered(folder, reported_pages(again.stdout))


def test_killed_inside_a_purge_the_next_command_completes_it(tmp_path):
    folder, names = make_folder(tmp_path, "a", pages=1)
    assert run_archive(folder, "add", *names).returncode == 0
    article = json.loads(run_archive(folder, "list", "--json").stdout)[0]["id"]
    killed = run_archive(folder, "purge", article, "--yes", fault="purge-recorded")
    assert killed.returncode == -signal.SIGKILL
    found = run_archive(folder, "list", "--json")
    assert "interrupted purge completed" in found.stderr
    assert article not in found.stdout
    assert "was purged" in run_archive(folder, "show", article).stderr
    assert run_archive(folder, "verify").returncode == 0
    readd = run_archive(folder, "add", *names)
    assert readd.returncode == 0 and article not in run_archive(folder, "list").stdout
    _searchable_without_repair(folder)


def test_killed_during_a_full_reindex_the_next_command_catches_up(tmp_path):
    folder, names = make_folder(tmp_path, "a", pages=2)
    assert run_archive(folder, "add", *names).returncode == 0
    killed = run_archive(folder, "reindex", "--full", fault="index-created")
    assert killed.returncode == -signal.SIGKILL
    listing = run_archive(folder, "list")
    assert "caught up (6 articles)" in listing.stderr and "6 of 6 article(s)" in listing.stdout
    _searchable_without_repair(folder)
