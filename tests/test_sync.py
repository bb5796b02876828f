"""`archive sync DEST`: the store copied to another store folder, only the versions it lacks, verified, never
overwriting a committed version; a copy killed half way (crash kit fault points) completes when run again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from crashkit import assert_valid, make_folder, run_archive

#: The fault points of a sync; the crash tests check that each is killed at here.
SYNC_STEPS = ("sync-staged", "sync-renamed", "sync-inventory")


def tree(root: Path) -> dict[str, bytes]:
    """Every file of every object (the storage root's extensions left out): relative path -> bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.relative_to(root).parts[0] not in ("extensions",)}


def copied(result) -> int:
    assert result.returncode == 0, result.stdout + result.stderr
    return int(result.stdout.split("copied ", 1)[1].split(" ", 1)[0])


@pytest.fixture
def source(tmp_path):
    folder, names = make_folder(tmp_path, "source", pages=4, articles=3)
    added = run_archive(folder, "add", *names)
    assert added.returncode == 0, added.stderr
    return folder


def test_sync_copies_everything_once_then_nothing(source, tmp_path):
    dest = tmp_path / "mirror"
    assert copied(run_archive(source, "sync", str(dest))) == 16  # 4 pages and 12 articles, one version each
    assert_valid(dest)
    assert tree(dest) == tree(source / "store")
    again = run_archive(source, "sync", str(dest))
    assert copied(again) == 0 and "16 object(s) were up to date" in again.stdout
    assert tree(dest) == tree(source / "store")


def test_sync_copies_only_the_new_versions(source, tmp_path):
    dest = tmp_path / "mirror"
    copied(run_archive(source, "sync", str(dest)))
    article = sorted((source / "store" / "articles").rglob("0=ocfl_object_1.1"))[0].parent
    article_id = article.relative_to(source / "store").as_posix()
    edited = run_archive(source, "edit", article_id, "--title", "A Corrected Title", "--reason", "as printed")
    assert edited.returncode == 0, edited.stderr
    before = {p: b for p, b in tree(dest).items() if not p.startswith(article_id)}
    result = run_archive(source, "sync", str(dest))
    assert copied(result) == 1 and "(0 new object(s), " in result.stdout
    assert tree(dest) == tree(source / "store")
    assert {p: b for p, b in tree(dest).items() if not p.startswith(article_id)} == before
    assert_valid(dest)


def test_a_version_that_differs_is_never_overwritten(source, tmp_path):
    dest = tmp_path / "mirror"
    copied(run_archive(source, "sync", str(dest)))
    # the mirror is written to on its own: its v2 of one article is not the source's v2
    article = sorted((dest / "articles").rglob("0=ocfl_object_1.1"))[0].parent
    article_id = article.relative_to(dest).as_posix()
    mirror = tmp_path / "mirror-archive"
    mirror.mkdir()
    (mirror / "archive.toml").write_text(f'[store]\npath = "{dest}"\n', encoding="utf-8")
    assert run_archive(mirror, "edit", article_id, "--title", "Mirror Title", "--reason", "r").returncode == 0
    assert run_archive(source, "edit", article_id, "--title", "Source Title", "--reason", "r").returncode == 0
    held = (dest / article_id / "inventory.json").read_bytes()
    result = run_archive(source, "sync", str(dest))
    assert result.returncode == 1
    assert f"{article_id}: version 2 differs from the source's" in result.stderr
    assert (dest / article_id / "inventory.json").read_bytes() == held
    assert_valid(dest)


def test_a_damaged_file_in_the_source_is_not_copied(source, tmp_path):
    content = sorted((source / "store" / "articles").rglob("content/*"))[0]
    content.write_bytes(content.read_bytes() + b"tampered")
    dest = tmp_path / "mirror"
    result = run_archive(source, "sync", str(dest))
    assert result.returncode == 1 and "do not match the digest" in result.stderr
    object_dir = content.relative_to(source / "store").parts
    assert not (dest.joinpath(*object_dir[:object_dir.index("v1")])).exists()
    assert "copied 15 version(s)" in result.stdout  # the others were copied
    assert_valid(dest)


def test_new_versions_that_fail_half_way_leave_the_copy_as_it_was_and_come_next_time(source, tmp_path):
    dest = tmp_path / "mirror"
    copied(run_archive(source, "sync", str(dest)))
    article = sorted((source / "store" / "articles").rglob("0=ocfl_object_1.1"))[0].parent
    article_id = article.relative_to(source / "store").as_posix()
    for title in ("A Corrected Title", "A Title Corrected Again"):
        edited = run_archive(source, "edit", article_id, "--title", title, "--reason", "as printed")
        assert edited.returncode == 0, edited.stderr
    damaged = sorted((article / "v3" / "content").rglob("*.md"))[0]
    good = damaged.read_bytes()
    damaged.write_bytes(good + b"tampered")
    result = run_archive(source, "sync", str(dest))
    assert result.returncode == 1 and "do not match the digest" in result.stderr
    assert not (dest / article_id / "v2").exists()  # v2 was placed, then taken back with v3's failure
    assert_valid(dest)
    damaged.write_bytes(good)
    assert copied(run_archive(source, "sync", str(dest))) == 2
    assert tree(dest) == tree(source / "store")
    assert_valid(dest)


@pytest.mark.parametrize("fault", ["sync-staged:7", "sync-renamed:9"])
def test_a_first_copy_killed_half_way_completes_when_run_again(source, tmp_path, fault):
    dest = tmp_path / "mirror"
    killed = run_archive(source, "sync", str(dest), fault=fault)
    assert killed.returncode != 0
    assert_valid(dest)  # a new object appears whole or not at all
    assert 0 < len(list(dest.rglob("0=ocfl_object_1.1"))) < 16
    assert copied(run_archive(source, "sync", str(dest))) > 0
    assert tree(dest) == tree(source / "store")
    assert copied(run_archive(source, "sync", str(dest))) == 0
    assert_valid(dest)


@pytest.mark.parametrize("fault", ["sync-staged:2", "sync-renamed:2", "sync-inventory:1"])
def test_new_versions_killed_half_way_are_settled_and_copied_again(source, tmp_path, fault):
    dest = tmp_path / "mirror"
    copied(run_archive(source, "sync", str(dest)))
    article = sorted((source / "store" / "articles").rglob("0=ocfl_object_1.1"))[0].parent
    article_id = article.relative_to(source / "store").as_posix()
    for title in ("Second Title", "Third Title"):
        assert run_archive(source, "edit", article_id, "--title", title, "--reason", "r").returncode == 0
    killed = run_archive(source, "sync", str(dest), fault=fault)
    assert killed.returncode != 0
    head = json.loads((dest / article_id / "inventory.json").read_bytes())["head"]
    assert head in ("v1", "v3")  # the root inventory is the commit point: never v2 alone
    assert copied(run_archive(source, "sync", str(dest))) in (0, 2)
    assert tree(dest) == tree(source / "store")
    assert copied(run_archive(source, "sync", str(dest))) == 0
    assert_valid(dest)


def test_sync_refuses_its_own_store_and_a_folder_that_is_not_a_store(source, tmp_path):
    for target in (source / "store", source / "store" / "articles" / "x"):
        refused = run_archive(source, "sync", str(target))
        assert refused.returncode == 1 and "is this archive's store" in refused.stderr
    stranger = tmp_path / "photos"
    stranger.mkdir()
    (stranger / "cat.jpg").write_bytes(b"\xff\xd8")
    refused = run_archive(source, "sync", str(stranger))
    assert refused.returncode == 1 and "not an archive store" in refused.stderr
    assert [p.name for p in stranger.iterdir()] == ["cat.jpg"]
    shutil.rmtree(stranger)


def test_a_synced_store_can_be_indexed_and_searched(source, tmp_path):
    dest = tmp_path / "mirror"
    copied(run_archive(source, "sync", str(dest)))
    reader = tmp_path / "reader"
    reader.mkdir()
    (reader / "archive.toml").write_text(f'[store]\npath = "{dest}"\n', encoding="utf-8")
    here = json.loads(run_archive(source, "search", "--json", "river").stdout)
    there = run_archive(reader, "search", "--json", "river")
    assert there.returncode == 0, there.stderr
    assert [h["id"] for h in json.loads(there.stdout)["hits"]] == [h["id"] for h in here["hits"]]
