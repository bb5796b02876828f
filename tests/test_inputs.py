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
