"""End to end through the command line, on the founding page and the test pages."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from archive.cli import cli
from conftest import MOSUL, PAGES


@pytest.fixture
def run(cli_run):
    return cli_run


def test_add_search_show_list(run):
    out = run("add", str(MOSUL)).output
    assert out.count("  new ") == 4
    assert "4 new" in out
    again = run("add", str(MOSUL)).output
    assert again.count("unchanged") >= 4 and "0 new," in again

    data = json.loads(run("search", "Mosul safe passage", "--json").output)
    assert data["total"] == 3
    titles = {h["title"] for h in data["hits"]}
    assert titles == {
        "US, Saudis To Grant 9,000 ISIS Fighters Free Passage from Iraqi Mosul to Syria",
        "America ‘Plotting to Allow 9,000 ISIS Fighters To Escape Terror Capital Mosul So They Can Attack "
        "Russian Troops’, Moscow Outrageously Claims",
        "Russia on Mosul Offensive – ‘Don’t Chase Terrorists to Other Countries’",
    }
    assert data["facets"]["outlet"] == {"RT News": 2, "The Sun": 1}
    assert set(data["hits"][0]) >= {"id", "title", "outlet", "author", "date", "score", "snippet"}
    assert all("passage" in h["snippet"].lower() for h in data["hits"])

    text = run("search", "Mosul safe passage").output
    assert "outlet: RT News 2, The Sun 1" in text
    assert "\x1b[" not in text  # no colour when piped or with NO_COLOR

    sun = next(h for h in data["hits"] if h["outlet"] == "The Sun")
    shown = run("show", sun["id"]).output
    assert "Jon Lockett" in shown and "Saudis and US Accused" in shown and "Title 17" in shown
    record = json.loads(run("show", sun["id"], "--json").output)
    assert record["sightings"][0]["position"] == 3 and record["versions"] == 1

    page_id = record["sightings"][0]["page_id"]
    page = run("show", page_id).output
    assert "Saudis and US Accused" in page and sun["id"] in page and "RT News & Jon Lockett" in page
    assert json.loads(run("show", "--json", page_id).output)["articles"][2] == sun["id"]

    listed = json.loads(run("list", "--json", "--outlet", "RT News").output)
    assert len(listed) == 3
    assert run("list").stdout.count("\n            ") == 4  # an id line under each article


def test_filters_and_query_forms(run):
    run("add", str(MOSUL))
    count = lambda *a: json.loads(run("search", "--json", *a).output)["total"]  # noqa: E731
    assert count('"safe passage"') == 3
    assert count("Raqqa OR Fallujah") >= 2
    assert count("Mosul -Raqqa") == count("Mosul") - count("Mosul Raqqa") == count("--", "Mosul", "-Raqqa")
    assert count("outlet:Sun Mosul") == 1
    assert count("Mosul", "--since", "2016-10-14") == 2
    assert count("Mosul", "--until", "2016-10-13") == 2
    assert count("Mosul", "--author", "Jon Lockett") == 1
    assert count("Mosul date:2016-10") == 4


def test_dry_run_json_writes_nothing(run, archive_dir):
    data = json.loads(run("add", "--dry-run", "--json", str(MOSUL)).output)
    assert data["title"].startswith("Saudis and US")
    assert len(data["articles"]) == 4
    assert not (archive_dir / "store").exists()


def test_first_add_in_a_bare_folder_writes_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ARCHIVE_CONFIG", raising=False)
    result = CliRunner().invoke(cli, ["add", str(MOSUL)], catch_exceptions=False)
    assert result.exit_code == 0
    assert (tmp_path / "archive.toml").exists() and (tmp_path / "store" / "0=ocfl_1.1").exists()
    assert "wrote one" in result.stderr


def test_stdin_and_recursive(run):
    assert "4 new" in run("add", "-", stdin=MOSUL.read_bytes()).output
    out = run("add", "--recursive", "--quiet", str(PAGES / "synthetic")).output
    assert "10 page(s)" in out


def test_errors_are_one_line_and_write_nothing(run, archive_dir):
    empty = archive_dir / "empty.txt"
    empty.write_bytes(b"")
    result = run("add", str(empty), str(MOSUL), code=1)
    lines = [line for line in result.stderr.splitlines() if line]
    assert lines[0] == f"archive: error: {empty}: the file is empty"
    assert not list((archive_dir / "store").glob("articles")) if (archive_dir / "store").exists() else True
    missing = run("add", "nope.txt", code=1).stderr
    assert missing.strip() == "archive: error: nope.txt: no such file"
    folder = run("add", str(PAGES), code=1).stderr
    assert "is a folder" in folder
    run("add", str(MOSUL))
    bad = run("search", '"unclosed', code=1).stderr
    assert bad.startswith("archive: error: unbalanced quote") and bad.count("\n") == 1
    assert "no article or page" in run("show", "articles/x/2016/10/nothing", code=1).stderr
    run("search", code=2)


def test_usage_errors_are_one_line_with_exit_2(run, archive_dir):
    cases = {("search",): "archive: error: archive search: Missing argument 'QUERY...'",
             ("list", "--bogus"): "archive: error: archive list: No such option '--bogus'",
             ("frob",): "archive: error: archive: No such command 'frob'",
             ("edit", "x", "--title", "T"): "archive: error: archive edit: Missing option '--reason'"}
    for args, first in cases.items():
        err = run(*args, code=2).stderr
        assert err.startswith(first) and err.count("\n") == 1, err
        assert "Usage:" not in err and "Traceback" not in err
    assert run("--version").stdout.startswith("archive ")
    assert run("search", "--help").stdout.startswith("Usage: archive search")


def test_broken_config_is_one_line(run, archive_dir):
    (archive_dir / "archive.toml").write_text('[store]\npath = 3\n')
    err = run("list", code=1).stderr
    assert "store.path" in err and ":2:" in err and err.count("\n") == 1


def test_reindex_and_verify(run, archive_dir):
    run("add", str(MOSUL))
    assert "indexed 0 article(s) of 4" in run("reindex").output
    assert "indexed 4 article(s) of 4" in run("reindex", "--full").output
    run("verify")
    # The index is derived: delete it and search rebuilds it, saying so.
    import shutil
    shutil.rmtree(archive_dir / "index")
    result = run("search", "Mosul")
    assert "rebuilt it from the store" in result.stderr
    marker = archive_dir / "index" / "archive-schema.json"
    marker.write_text(json.dumps({**json.loads(marker.read_text()), "schema_version": -1}))
    assert "another schema version" in run("list").stderr


def test_every_command_has_help_with_an_example(run):
    for name, command in cli.commands.items():
        assert command.help and "Example" in command.help, name
        run(name, "--help")


def test_python_dash_m(archive_dir):
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-m", "archive", "--help"], capture_output=True, text=True,
                            cwd=archive_dir, env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 0 and "archive" in result.stdout


def test_a_unique_beginning_of_an_id_is_enough(run, archive_dir):
    run("add", str(MOSUL))
    example = "articles/rt-news/2016/10/us-saudis-to-grant-9000-isis-fighters"  # `archive show --help`'s
    assert example in run("show", "--help").stdout
    whole = json.loads(run("show", example, "--json").stdout)["id"]
    assert whole.startswith(example) and whole != example
    assert json.loads(run("history", "rt-news/2016/10/us-saudis", "--json").stdout)[0]["number"] == 1
    assert run("edit", "rt-news/2016/10/us-saudis", "--author", "A. Writer", "--reason", "test").stdout \
        == "corrected: version 2\n"
    assert json.loads(run("show", whole, "--json").stdout)["author"] == "A. Writer"
    err = run("show", "articles/rt-news/2016/10/", code=1).stderr
    assert err.startswith("archive: error: 'articles/rt-news/2016/10/' begins 3 ids: articles/rt-news/2016/10/")
    assert err.rstrip().endswith("; give more of it") and err.count("\n") == 1
    assert "no article or page" in run("show", "articles/rt-news/2016/10/nothing-like-this", code=1).stderr
