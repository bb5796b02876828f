"""A damaged store is repaired as OCFL validation expects, and a damaged object is that object's problem only
(issue 16, items 6, 7 and 9)."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from conftest import MOSUL
from crashkit import assert_valid


def _article(archive_dir, cli_run, date="2016-10-13"):
    article = next(a["id"] for a in json.loads(cli_run("list", "--json").output) if a["date"] == date)
    return archive_dir / "store" / article, article


def test_a_root_inventory_put_back_from_an_old_backup_is_rolled_forward_never_back(cli_run, archive_dir):
    cli_run("add", str(MOSUL))
    folder, article = _article(archive_dir, cli_run)
    cli_run("edit", article, "--title", "Corrected Headline", "--reason", "typo")
    for name in ("inventory.json", "inventory.json.sha512"):  # restore one file pair from a backup
        shutil.copyfile(folder / "v1" / name, folder / name)
    report = cli_run("verify", code=1).output
    assert "a newer complete version v2 is not in the root inventory" in report
    cli_run("verify", "--repair", code=0)
    assert json.loads((folder / "inventory.json").read_text())["head"] == "v2"
    assert (folder / "v2").is_dir() and "Corrected Headline" in cli_run("show", article).output
    assert_valid(archive_dir / "store")


def test_a_root_inventory_edited_by_hand_is_put_back_from_its_versions_copy(cli_run, archive_dir):
    cli_run("add", str(MOSUL))
    folder, _ = _article(archive_dir, cli_run)
    inventory = json.loads((folder / "inventory.json").read_text())
    inventory["versions"]["v1"]["message"] = "edited by hand"
    (folder / "inventory.json").write_text(json.dumps(inventory, indent=2, sort_keys=True) + "\n")
    report = cli_run("verify", code=1).output
    assert "differs from version v1's own copy" in report and "does not match inventory.json" in report
    cli_run("verify", "--repair")
    assert "edited by hand" not in (folder / "inventory.json").read_text()
    assert cli_run("verify").exit_code == 0
    assert_valid(archive_dir / "store")


@pytest.mark.parametrize("damage", ["{}", "[]", '{"head": "v9", "versions": {}, "manifest": {}}', None])
def test_one_damaged_object_is_that_objects_problem_only(cli_run, archive_dir, damage):
    cli_run("add", str(MOSUL))
    folder, article = _article(archive_dir, cli_run)
    for name in ("inventory.json", "v1/inventory.json"):
        if damage is None:
            (folder / name).unlink()
        else:
            (folder / name).write_text(damage)
    report = cli_run("verify", code=1)
    assert article in report.output and "Traceback" not in report.stderr
    found = cli_run("search", "Mosul")
    assert "internal error" not in found.stderr and "· rt-news/2016/10/" in found.stdout
    reindexed = cli_run("reindex", "--full")
    assert "not indexed" in reindexed.stderr and "indexed 3 article(s)" in reindexed.output
    exported = cli_run("export")
    assert exported.output.count('"id"') == 3 and "left out" in exported.stderr
    assert cli_run("search", "Mosul").exit_code == 0  # the live index was never emptied


def test_a_manifest_path_outside_the_object_is_never_read(cli_run, archive_dir):
    cli_run("add", str(MOSUL))
    folder, article = _article(archive_dir, cli_run)
    for name in ("inventory.json", "v1/inventory.json"):
        inventory = json.loads((folder / name).read_text())
        digest = next(iter(inventory["manifest"]))
        inventory["manifest"][digest] = ["/etc/hostname"]
        (folder / name).write_text(json.dumps(inventory))
    shown = cli_run("show", article, code=1)
    assert "outside the object" in shown.stderr and len(shown.stderr.strip().splitlines()) == 1
    assert "outside the object" in cli_run("verify", code=1).output


def test_symlinks_are_reported_not_followed_and_stray_root_files_reported(cli_run, archive_dir):
    cli_run("add", str(MOSUL))
    store = archive_dir / "store"
    os.symlink(store, store / "articles" / "loop")
    (store / "notes.txt").write_text("mine\n")
    report = cli_run("verify", code=1).output
    assert "loop: symbolic link (not followed)" in report
    assert "notes.txt: stray file in the storage root" in report
    assert report.count("\n") < 20  # no endless path


def test_a_deleted_object_is_reported_as_a_loss_from_both_sides(cli_run, archive_dir):
    cli_run("add", str(MOSUL))
    folder, article = _article(archive_dir, cli_run)
    page = json.loads(cli_run("show", article, "--json").output)["sightings"][0]["page_id"]
    shutil.rmtree(folder)
    report = cli_run("verify", code=1).output
    assert f"{article}: listed by {page} but not in the store (lost)" in report
    shutil.rmtree(archive_dir / "store" / page)
    report = cli_run("verify", "--repair", code=1).output  # a loss is never repaired by forgetting it
    assert f"{page}: cited by" in report and "(lost)" in report
    assert_valid(archive_dir / "store")  # what is left is valid OCFL; the loss stays reported
