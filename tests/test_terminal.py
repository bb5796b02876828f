"""What archive writes to a terminal: progress bars that work for every count, output that never fails
on an encoding and never carries raw control characters."""

from __future__ import annotations

import shutil

from conftest import MOSUL, PAGES
from terminal import run_on_terminal


def test_add_recursive_on_a_terminal_draws_its_bar_and_adds(archive_dir):
    pages = archive_dir / "saved"
    shutil.copytree(PAGES / "synthetic", pages)
    shutil.copy(MOSUL, pages / "mosul.txt")
    code, out = run_on_terminal(archive_dir, "add", "--recursive", str(pages))
    assert code == 0, out
    assert "internal error" not in out and "Traceback" not in out
    assert "working" in out  # the bar was drawn
    assert "11 page(s)" in out


def test_reindex_of_an_empty_store_on_a_terminal(archive_dir):
    code, out = run_on_terminal(archive_dir, "init", ".")
    assert code == 0, out
    code, out = run_on_terminal(archive_dir, "reindex")
    assert code == 0, out
    assert "indexed 0 article(s) of 0" in out and "internal error" not in out
