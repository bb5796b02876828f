"""What add reads: a folder's walk never leaves the folder it was given."""

from __future__ import annotations

import json
import shutil

from conftest import MOSUL, PAGES


def test_recursive_add_does_not_follow_links_out_of_its_folder(cli_run, archive_dir, tmp_path_factory):
    private = tmp_path_factory.mktemp("private")
    shutil.copy(PAGES / "synthetic" / "d01.txt", private / "diary.txt")
    (private / "notes").mkdir()
    shutil.copy(PAGES / "synthetic" / "d02.txt", private / "notes" / "letter.txt")
    downloaded = archive_dir / "downloaded"
    (downloaded / "inner").mkdir(parents=True)
    shutil.copy(MOSUL, downloaded / "page.txt")
    (downloaded / "private-link").symlink_to(private)  # a folder outside
    (downloaded / "diary.txt").symlink_to(private / "diary.txt")  # a file outside
    (downloaded / "inner" / "again.txt").symlink_to(downloaded / "page.txt")  # a link that stays inside
    result = cli_run("add", "--recursive", "--json", str(downloaded))
    names = {page["name"] for page in json.loads(result.stdout)}
    assert names == {str(downloaded / "page.txt"), str(downloaded / "inner" / "again.txt")}
    assert "private-link: skipped" in result.stderr and "diary.txt: skipped" in result.stderr
    listed = cli_run("list").stdout
    assert "4 of 4" in listed  # the founding page's articles, and nothing of the private files


def test_recursive_add_says_which_files_it_leaves_out(cli_run, archive_dir, tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    shutil.copy(MOSUL, folder / "mosul.txt")
    (folder / "notes.json").write_text('{"seen": "2016-10-20"}')
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / ".hidden.txt").write_text("a note to self")
    result = cli_run("add", "--recursive", str(folder))
    assert (f"archive: {folder}: skipped 2 file(s) not named as pages (.txt, .html, .htm, .xhtml, .text): "
            f"notes.json, photo.png") in result.stderr
    assert "4 new" in result.stdout


def test_a_json_file_named_on_the_command_line_is_refused_not_split(cli_run, archive_dir, tmp_path):
    for name, data in (("notes.json", '{"notes": "some text about Mosul"}'), ("list.txt", '[1, 2, 3]\n')):
        (tmp_path / name).write_text(data)
        err = cli_run("add", str(tmp_path / name), code=1).stderr
        assert err == f"archive: error: {tmp_path / name}: this is JSON data, not a text or HTML page\n"
    bracketed = tmp_path / "page.txt"  # a page may well begin with a bracket
    bracketed.write_text("[Photo] Harbor workers protest\n\n" + MOSUL.read_text(encoding="utf-8"))
    cli_run("add", str(bracketed))
    assert json.loads(cli_run("list", "--json").stdout)


def test_a_markdown_or_csv_file_named_as_a_page_is_refused_unless_forced(cli_run, tmp_path):
    for name, kind in (("notes.md", "Markdown"), ("table.csv", "CSV")):
        path = tmp_path / name
        path.write_text(MOSUL.read_text(encoding="utf-8"), encoding="utf-8")
        err = cli_run("add", str(path), str(MOSUL), code=1).stderr
        assert f"archive: error: {path}: a {kind} file, not a saved page (.txt or .html); --force adds it" in err
        assert "nothing was added" in err
    assert "4 new" in cli_run("add", "--force", str(tmp_path / "notes.md")).stdout
