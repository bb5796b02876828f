"""Ids as people use them: a short form in list and search, the nearest ids for an unknown one, and help
examples that name articles which exist after the README's first command."""

from __future__ import annotations

import json
import re

from archive.cli import cli
from conftest import MOSUL

ID_RE = re.compile(r"(?<![\w/])(?:articles/|pages/)?[a-z0-9-]+/\d{4}/\d{2}/[a-z0-9-]+")


def test_list_and_search_show_a_short_id_that_every_command_takes(cli_run):
    run = cli_run
    run("add", str(MOSUL))
    rows = json.loads(run("list", "--json").stdout)
    shorts = {r["short_id"] for r in rows}
    assert "rt-news/2016/10/us" in shorts and all(len(s) < 30 for s in shorts)
    text = run("list").stdout
    assert all(s in text for s in shorts) and "articles/" not in text
    assert "· rt-news/2016/10/isis\n" in run("search", "Raqqa").stdout
    for row in rows:
        assert json.loads(run("show", row["short_id"], "--json").stdout)["id"] == row["id"]
    assert json.loads(run("search", "Raqqa", "--json").stdout)["hits"][0]["short_id"] in shorts


def test_an_unknown_id_gets_the_nearest(cli_run):
    cli_run("add", str(MOSUL))
    err = cli_run("history", "articles/rt-news/2016/10/us-saudis-to-grunt", code=1).stderr
    assert err.startswith("archive: error: no article or page 'articles/rt-news/2016/10/us-saudis-to-grunt'; "
                          "nearest: articles/rt-news/2016/10/us-saudis-to-grant-9000")


def test_every_help_example_id_exists_after_the_readme_first_command(cli_run, archive):
    cli_run("add", str(MOSUL))
    for name, command in cli.commands.items():
        for example in ID_RE.findall(command.help or ""):
            resolved = archive.resolve_id(example)
            assert archive.store.has(resolved), f"`archive {name} --help` names {example}, which is no id"
