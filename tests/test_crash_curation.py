"""Crash safety of `edit`, `remove` and `purge`: the writer is killed (SIGKILL) at every write step.

After each kill the store is valid OCFL (ocfl-py; or it holds the one
half-committed object of ``crashkit.WINDOWS``), the next command recovers
without `verify --repair` (store valid, index holding what the store does),
and `verify --repair` ends clean.  No article is lost: a correction or a
withdrawal killed before its commit point is undone, one killed after it is
kept and searchable; a purge whose record was written is completed, and the
article never comes back.
"""

from __future__ import annotations

import json
import signal

import pytest

from crashkit import (
    article_ids,
    assert_valid,
    make_folder,
    next_command_recovers,
    open_archive,
    repair_recovers,
    run_archive,
)

#: Every step of committing a new version, then of indexing it; the first two are before the commit point.
STEPS = ("staged", "renamed", "inventory", "committed", "indexed")
BEFORE_COMMIT = ("staged", "renamed")
#: Every step of a purge: its record written, the object moved out of the root, deleted, out of the index.
PURGE_STEPS = ("purge-recorded", "purge-moved", "purged", "indexed")


def _archive_of_two_pages(tmp_path):
    folder, names = make_folder(tmp_path, "a", pages=2)
    assert run_archive(folder, "add", *names).returncode == 0
    listed = json.loads(run_archive(folder, "list", "--json").stdout)
    return folder, names, listed[0]["id"], article_ids(folder)


def _killed(folder, result, step):
    assert result.returncode == -signal.SIGKILL, result.stdout + result.stderr
    assert_valid(folder / "store", window=step)


@pytest.mark.parametrize("step", STEPS)
def test_edit_killed_at_each_step(tmp_path, step):
    folder, _, article, before = _archive_of_two_pages(tmp_path)
    result = run_archive(folder, "edit", article, "--title", "Zanzibar Corrected", "--reason", "typo", fault=step)
    _killed(folder, result, step)
    found = next_command_recovers(folder, "search", "Zanzibar")
    assert "caught up" in found.stderr
    committed = step not in BEFORE_COMMIT
    assert ("Zanzibar Corrected" in found.stdout) == committed
    assert open_archive(folder).store.head(article) == (2 if committed else 1)
    repair_recovers(folder)
    assert article_ids(folder) == before


@pytest.mark.parametrize("step", STEPS)
def test_remove_killed_at_each_step(tmp_path, step):
    folder, _, article, before = _archive_of_two_pages(tmp_path)
    result = run_archive(folder, "remove", article, "--reason", "a duplicate", fault=step)
    _killed(folder, result, step)
    listing = next_command_recovers(folder, "list", "--json")
    withdrawn = step not in BEFORE_COMMIT
    assert (article not in listing.stdout) == withdrawn
    assert open_archive(folder).record(article).withdrawn == ("a duplicate" if withdrawn else None)
    repair_recovers(folder)
    assert article_ids(folder) == before
    # Withdrawing again is either done now or "already withdrawn", never an error.
    again = run_archive(folder, "remove", article, "--reason", "a duplicate")
    assert again.returncode == 0 and article not in run_archive(folder, "list", "--json").stdout


@pytest.mark.parametrize("step", PURGE_STEPS[:-1])
def test_a_page_purge_killed_at_each_step(tmp_path, step):
    folder, _, article, before = _archive_of_two_pages(tmp_path)
    page = json.loads(run_archive(folder, "show", article, "--json").stdout)["sightings"][0]["page_id"]
    result = run_archive(folder, "purge", page, "--yes", fault=step)
    _killed(folder, result, step)
    next_command_recovers(folder)
    archive = open_archive(folder)
    assert not archive.store.has(page) and page in archive.store.purged()
    assert article_ids(folder) == before  # its articles stay
    repair_recovers(folder)


@pytest.mark.parametrize("step", PURGE_STEPS)
def test_purge_killed_at_each_step(tmp_path, step):
    folder, names, article, before = _archive_of_two_pages(tmp_path)
    result = run_archive(folder, "purge", article, "--yes", fault=step)
    _killed(folder, result, step)
    listing = next_command_recovers(folder, "list", "--json")
    assert article not in listing.stdout
    assert article_ids(folder) == before - {article}  # the purged one only
    assert "was purged" in run_archive(folder, "show", article).stderr
    repair_recovers(folder)
    readd = run_archive(folder, "add", *names)
    assert readd.returncode == 0 and article not in run_archive(folder, "list").stdout
    assert article_ids(folder) == before - {article}
    next_command_recovers(folder)
