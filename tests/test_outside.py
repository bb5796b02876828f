"""Outside any archive, commands say so in one line and create nothing; dates in a query are checked."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from archive.cli import cli
from conftest import MOSUL


@pytest.fixture
def bare(tmp_path, monkeypatch):
    """A folder that is in no archive (no archive.toml in it or above it)."""
    folder = tmp_path / "bare"
    folder.mkdir()
    monkeypatch.chdir(folder)
    monkeypatch.delenv("ARCHIVE_CONFIG", raising=False)
    parents = [folder, *folder.parents]
    if any((p / "archive.toml").is_file() for p in parents):
        pytest.skip("an archive.toml above the temporary folder")
    return folder


@pytest.mark.parametrize("args", [
    ["search", "Mosul"], ["list"], ["facets"], ["export"], ["show", "articles/x/2016/10/y"], ["similar", "x/2016/10/y"],
    ["history", "x/2016/10/y"], ["diff", "x/2016/10/y"], ["reindex"], ["verify"],
    ["edit", "x/2016/10/y", "--title", "T", "--reason", "r"], ["remove", "x/2016/10/y", "--reason", "r"],
    ["purge", "x/2016/10/y", "--yes"],
])
def test_commands_outside_an_archive_fail_in_one_line_and_create_nothing(bare, args):
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("archive: error: no archive.toml in ") and "archive init" in lines[0]
    assert list(bare.iterdir()) == []


def test_reading_pages_needs_no_archive(bare):
    for args in (["add", "--dry-run", str(MOSUL)], ["add", "--explain", str(MOSUL)]):
        assert CliRunner().invoke(cli, args, catch_exceptions=False).exit_code == 0
    assert list(bare.iterdir()) == []


@pytest.mark.parametrize("query", ["date:2016-02-30", "date:2016-13", "Mosul date:0000-00-00"])
def test_impossible_dates_in_a_query_are_errors(cli_run, query):
    cli_run("add", "-q", str(MOSUL))
    result = cli_run("search", query, code=1)
    assert result.stderr.startswith("archive: error: bad date") and result.stderr.count("\n") == 1
    assert "did you mean" not in result.output
