"""The query budget: a query that would cost minutes or gigabytes is refused in one line that says what to
narrow; odd queries are answered, or said to be wrong, never silently empty."""

from __future__ import annotations

import json
import time

import pytest

from conftest import MOSUL


@pytest.fixture
def run(cli_run):
    cli_run("add", "-q", str(MOSUL))
    return cli_run


def total(run, *args) -> int:
    return json.loads(run("search", "--json", *args).stdout)["total"]


def refused(run, *args) -> str:
    started = time.monotonic()
    result = run("search", *args, code=1)
    assert time.monotonic() - started < 20
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("archive: error: "), result.stderr
    assert "did you mean" not in result.stdout
    return lines[0]


@pytest.mark.parametrize(("query", "words"), [
    ("x" * 20_000, ["20,000 characters", "shorten"]),
    (" ".join(f"w{n}" for n in range(200)), ["200 words", "fewer"]),
    (" ".join(f'"safe {n}"' for n in range(100)), ["100 words and phrases"]),
    ("mosul~5", ["5 edits", "~2"]),
    ("a~9999", ["9999 edits"]),
    ("*a*", ["starts with a wildcard"]),
    ("title:?osul", ["starts with a wildcard"]),
])
def test_query_bombs_are_refused_in_one_line(run, query, words):
    line = refused(run, query)
    assert all(w in line for w in words), line


def test_a_long_word_that_finds_nothing_is_answered_at_once(run):
    started = time.monotonic()
    result = run("search", "y" * 900)
    assert "no articles found" in result.stdout and "did you mean" not in result.stdout
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("query", ["*", "**", "body:*", "* *"])
def test_a_star_alone_means_everything(run, query):
    assert total(run, query) == 4


def test_patterns_that_stand_for_too_many_words_are_refused(run, monkeypatch):
    from archive.search import budget

    monkeypatch.setattr(budget, "MAX_EXPANSION", 5)
    assert "make the pattern longer" in refused(run, "s*")
    assert total(run, "Mosu*") == 4


@pytest.mark.parametrize("query", ["Mosul", "*", '"safe passage"'])
def test_a_search_past_its_time_is_stopped_in_one_line(run, monkeypatch, query):
    from archive.search import budget

    monkeypatch.setattr(budget, "SEARCH_SECONDS", 0.0)  # every search is past its time
    assert "took more than 0 seconds" in refused(run, query)


def test_field_names_in_any_case(run):
    assert total(run, "Title:mosul") == total(run, "title:mosul") == 4
    assert total(run, "OUTLET:Sun") == 1


@pytest.mark.parametrize(("args", "words"), [
    (("date:2016-13",), ["bad date"]),
    (("date:[2016-10-01 TO 2016-13-45]",), ["bad date '2016-13-45'"]),
    (("date:[2017 TO 2016]",), ["reversed"]),
    (("year:20x6",), ["bad year"]),
    (("month:2016-13",), ["bad month"]),
    (("Mosul", "--since", "2017", "--until", "2016"), ["reversed", "--since 2017 --until 2016"]),
    (("Mosul", "--page", "999999999"), ["past the end", "1 page(s)"]),
])
def test_impossible_dates_reversed_ranges_and_pages_past_the_end_are_said(run, args, words):
    line = refused(run, *args)
    assert all(w in line for w in words), line
