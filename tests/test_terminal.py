"""What archive writes to a terminal: progress bars that work for every count, output that never fails
on an encoding and never carries raw control characters."""

from __future__ import annotations

import json
import shutil

from conftest import MOSUL, PAGES
from terminal import run_on_terminal, run_program


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


def _first_id(archive_dir) -> str:
    listed = run_program(archive_dir, "list", "--json")
    return json.loads(listed.stdout)[0]["id"]


def test_bytes_that_are_not_utf8_in_arguments_are_replaced_never_a_traceback(archive_dir):
    assert run_program(archive_dir, "add", "-q", str(MOSUL)).returncode == 0
    article = _first_id(archive_dir)
    edited = run_program(archive_dir, "edit", article, "--title", b"Caf\xe9", "--reason", b"typo \xff")
    assert edited.returncode == 0, edited.stderr
    shown = json.loads(run_program(archive_dir, "show", article, "--json").stdout)
    assert shown["title"] == "Caf\ufffd" and shown["corrections"][0]["reason"] == "typo \ufffd"
    history = run_program(archive_dir, "history", article)
    assert history.returncode == 0 and "typo \ufffd".encode() in history.stdout
    # A file name that is not UTF-8 is opened as it is, and stored as readable text.
    odd_name = bytes(archive_dir) + b"/caf\xe9.txt"
    with open(odd_name, "wb") as fh:
        fh.write(MOSUL.read_bytes().replace(b"Saudis and US", b"Saudis and the US"))
    added = run_program(archive_dir, "add", odd_name)
    assert added.returncode == 0, added.stderr
    for args in (("search", b"caf\xe9"), ("search", "Mosul", "--outlet", b"\xff"), ("show", b"x\xe9")):
        result = run_program(archive_dir, *args)
        assert result.returncode in (0, 1) and b"Traceback" not in result.stderr
        assert b"internal error" not in result.stderr, result.stderr
    assert run_program(archive_dir, "verify").returncode == 0


def test_output_never_fails_on_its_encoding(archive_dir):
    assert run_program(archive_dir, "add", "-q", str(MOSUL)).returncode == 0
    article = _first_id(archive_dir)
    for encoding in ("latin-1", "ascii", "cp437"):
        env = {"PYTHONIOENCODING": encoding}
        for args in (("list",), ("search", "Mosul"), ("show", article), ("show", article, "--json"),
                     ("export", "--format", "bibtex"), ("history", article), ("show", b"caf\xe9")):
            result = run_program(archive_dir, *args, env=env)
            assert b"internal error" not in result.stderr and b"Traceback" not in result.stderr, (args, result.stderr)
            assert result.returncode == (1 if args[-1] == b"caf\xe9" else 0), (args, result.stderr)
    listed = run_program(archive_dir, "list", env={"PYTHONIOENCODING": "latin-1"}).stdout.decode("latin-1")
    assert "\\u2018ISIS Terrorists Fleeing Mosul" in listed  # what latin-1 lacks is written as an escape
