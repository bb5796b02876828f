"""archive deletes and rewrites only what it made: the index folder's marker, and separate folders.

An index folder is archive's when it carries the marker archive writes first when
it makes one; a folder with other files and no marker is refused in one line and
left exactly as it was, by every command that builds or rebuilds the index.  The
store and the index may not share a folder, sit inside each other, or be the
archive folder itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli
from archive.config import load_config
from archive.errors import ConfigError, SearchIndexError
from archive.search import MARKER, WhooshIndex
from conftest import MOSUL


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def invoke(folder: Path, monkeypatch: pytest.MonkeyPatch, *args: str):
    monkeypatch.chdir(folder)
    monkeypatch.delenv("ARCHIVE_CONFIG", raising=False)
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def one_line(result) -> str:
    assert result.exit_code == 1, result.output + result.stderr
    assert "Traceback" not in result.output + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def people_files(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "sources.md").write_text("where I found each page\n")
    (folder / "drafts").mkdir()
    (folder / "drafts" / "notes.txt").write_text("keep me\n")
    return folder


def test_first_add_refuses_an_index_folder_it_did_not_make(tmp_path, monkeypatch):
    mine = people_files(tmp_path / "index")
    before = tree(tmp_path)
    line = one_line(invoke(tmp_path, monkeypatch, "add", str(MOSUL)))
    assert str(mine) in line and "did not make" in line
    # Nothing written: not the configuration, not the store; the person's files as they were.
    assert tree(tmp_path) == before
    assert not (tmp_path / "archive.toml").exists() and not (tmp_path / "store").exists()


def test_add_with_a_configuration_refuses_before_storing(archive_dir, monkeypatch):
    people_files(archive_dir / "index")
    before = tree(archive_dir)
    one_line(invoke(archive_dir, monkeypatch, "add", str(MOSUL)))
    assert tree(archive_dir) == before


def test_init_refuses_a_folder_whose_index_folder_holds_files(tmp_path, monkeypatch):
    target = tmp_path / "collection"
    people_files(target / "index")
    before = tree(target)
    line = one_line(invoke(tmp_path, monkeypatch, "init", str(target)))
    assert str((target / "index").resolve()) in line
    assert tree(target) == before and not (target / "archive.toml").exists()


@pytest.mark.parametrize("where", ["../notes", "absolute"])
def test_search_never_rebuilds_into_a_foreign_folder(archive_dir, monkeypatch, tmp_path_factory, where):
    assert invoke(archive_dir, monkeypatch, "add", str(MOSUL)).exit_code == 0
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "notes"
    target = people_files(archive_dir.parent / "notes" if where == "../notes" else elsewhere)
    value = "../notes" if where == "../notes" else str(target)
    (archive_dir / "archive.toml").write_text(f'[index]\npath = "{value}"\n')
    store_before, notes_before = tree(archive_dir / "store"), tree(target)
    for command in (["search", "Mosul"], ["list"], ["reindex", "--full"], ["verify", "--repair"]):
        line = one_line(invoke(archive_dir, monkeypatch, *command))
        assert str(target.resolve()) in line, command
    assert tree(target) == notes_before
    assert tree(archive_dir / "store") == store_before


@pytest.mark.parametrize(("text", "words"), [
    ('[index]\npath = "store"\n', ["same folder", ":2:"]),
    ('[index]\npath = "."\n', ["archive folder"]),
    ('[index]\npath = ".."\n', ["archive folder"]),
    ('[index]\npath = "store/index"\n', ["inside the store"]),
    ('[store]\npath = "index"\n', ["same folder"]),
    ('[store]\npath = "index/store"\n', ["inside the index"]),
    ('[store]\npath = "."\n[index]\npath = "search"\n', ["store.path", "archive folder"]),
    ('[store]\npath = "a"\n[index]\npath = "a/../a"\n', ["same folder", ":4:"]),
])
def test_store_and_index_need_folders_of_their_own(tmp_path, text, words):
    path = tmp_path / "archive.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    for word in words:
        assert word in message


def test_index_path_set_to_the_store_leaves_the_store_whole(archive_dir, monkeypatch):
    assert invoke(archive_dir, monkeypatch, "add", str(MOSUL)).exit_code == 0
    before = tree(archive_dir / "store")
    (archive_dir / "archive.toml").write_text('[index]\npath = "store"\n')
    line = one_line(invoke(archive_dir, monkeypatch, "search", "Mosul"))
    assert "index.path" in line
    assert tree(archive_dir / "store") == before


def test_an_empty_folder_is_taken_and_marked_first(archive_dir, monkeypatch):
    (archive_dir / "index").mkdir()
    assert invoke(archive_dir, monkeypatch, "add", str(MOSUL)).exit_code == 0
    assert (archive_dir / "index" / MARKER).is_file()
    result = invoke(archive_dir, monkeypatch, "search", "Mosul safe passage")
    assert result.exit_code == 0 and "RT News 2, The Sun 1" in result.output


def test_a_folder_archive_began_is_its_own(tmp_path):
    # Killed after the marker and before the index: the folder is still archive's to rebuild.
    folder = tmp_path / "index"
    folder.mkdir()
    (folder / MARKER).write_text('{"made_by": "archive", "schema_version": 0}\n')
    (folder / "_MAIN_1.toc.half").write_bytes(b"\0" * 10)
    index = WhooshIndex(folder)
    assert index.state() in ("missing", "stale")
    index.create()
    assert index.state() == "ok" and not (folder / "_MAIN_1.toc.half").exists()


def test_a_file_where_the_index_folder_should_be_is_refused(tmp_path):
    target = tmp_path / "index"
    target.write_text("not a folder\n")
    with pytest.raises(SearchIndexError, match="names a file"):
        WhooshIndex(target).create()
    assert target.read_text() == "not a folder\n"



def test_what_is_not_the_live_index_is_cleared_only_in_a_folder_archive_made(tmp_path):
    # A rebuild writes beside the live index, in the same folder; what is left over is deleted only there.
    mine = people_files(tmp_path / "notes")
    before = tree(mine)
    index = WhooshIndex(mine)
    assert index.leftovers() == [] and index.clear_leftovers() == 0
    with pytest.raises(SearchIndexError, match="did not make"):
        index.build()
    assert tree(mine) == before
    ours = WhooshIndex(tmp_path / "index")
    ours.create()
    (tmp_path / "index" / "ix9_half.seg").write_bytes(b"\0")  # what a killed build would leave
    assert [p.name for p in ours.leftovers()] == ["ix9_half.seg"]
    assert ours.clear_leftovers() == 1 and ours.state() == "ok"
