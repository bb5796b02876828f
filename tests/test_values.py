"""What a person types is checked like what a page holds: a correction the store could not keep as
given is refused in one line, and nothing is written."""

from __future__ import annotations

import json

import pytest

from conftest import MOSUL
from test_hostile import one_line_error, tree


@pytest.fixture
def sun(cli_run):
    cli_run("add", "-q", str(MOSUL))
    return next(a["id"] for a in json.loads(cli_run("list", "--json").output) if "/the-sun/" in a["id"])


@pytest.mark.parametrize(("option", "value", "problem"), [
    ("--title", "First line\nsecond line", "one line"),
    ("--title", "Bell\x07 and \x1b]52;c;aGk=\x07clipboard", "control character"),
    ("--title", "Right\u202eto left", "control character"),
    ("--author", "Jon\rLockett", "one line"),
    ("--title", "   ", "cannot be blank"),
    ("--title", "", "cannot be blank"),
    ("--date", "2016-13-45", "not a real day"),
    ("--date", "2016-02-30", "not a real day"),
    ("--date", "0000-00-00", "not a real day"),
    ("--date", "20161020", "not a real day"),
])
def test_impossible_values_are_refused_in_one_line(cli_run, archive_dir, sun, option, value, problem):
    before = tree(archive_dir)
    line = one_line_error(cli_run("edit", sun, option, value, "--reason", "test", code=1), option)
    assert problem in line
    assert tree(archive_dir) == before


def test_good_values_are_stored_and_shown(cli_run, sun):
    body = json.loads(cli_run("show", sun, "--json").output)["body"]
    cli_run("edit", sun, "--title", "  A Corrected Title ", "--date", "2016-02-29", "--author", "",
            "--reason", "checked against the print edition")
    record = json.loads(cli_run("show", sun, "--json").output)
    assert (record["title"], record["date"], record["author"]) == ("A Corrected Title", "2016-02-29", None)
    assert record["body"] == body
    shown = cli_run("show", sun).output
    assert "None" not in shown and shown.startswith("A Corrected Title\n")
    exported = json.loads(cli_run("export", "--format", "csl-json", "Corrected").output)
    assert exported[0]["issued"] == {"date-parts": [[2016, 2, 29]]}
