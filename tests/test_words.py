"""Search as people type: did-you-mean of whole words that finds something, partial matches, fuzzy words."""

from __future__ import annotations

import json

import pytest

from archive.search.whoosh_words import osa_distance
from conftest import MOSUL


@pytest.fixture
def search(cli_run):
    cli_run("add", str(MOSUL))

    def run(*args: str) -> dict:
        return json.loads(cli_run("search", *args, "--json").stdout)

    return run


def test_did_you_mean_offers_whole_words_and_says_how_many_it_finds(search, cli_run):
    data = search("Mosul safe pasage")
    assert data["total"] == 0
    assert data["suggestion"] == "Mosul safe passage" and data["suggestion_total"] == 3
    assert search(data["suggestion"])["total"] == 3
    assert "did you mean: Mosul safe passage (3 article(s))" in cli_run("search", "Mosul safe pasage").stdout


def test_did_you_mean_gives_the_word_not_its_stem(search):
    data = search("Moskow")
    assert data["suggestion"] == "Moscow" and data["suggestion_total"] == 1
    assert search("Hollnde")["suggestion"] == "Hollande"


def test_no_suggestion_that_would_find_nothing(search):
    # "passage" is a word of the archive, but no article has Raqqa, Lockett and passage together.
    assert "suggestion" not in search("Raqqa Lockett pasage")
    assert "suggestion" not in search("xylophonic")


def test_partial_matches_say_which_word_is_missing(search, cli_run):
    data = search("Mosul Raqqa passage pentagon")
    assert data["total"] == 0 and data["partial_total"] == 1
    assert data["partial"][0]["missing"] == ["pentagon"] and "Raqqa" in data["partial"][0]["title"]
    text = cli_run("search", "Mosul Raqqa passage pentagon").stdout
    assert "no article has every word; 1 have all but 1" in text and "(missing: pentagon)" in text
    assert "partial" not in search("Mosul passage")  # only when nothing has every word


def test_fuzzy_words_match_whole_words_with_transpositions(search):
    assert search("pasage~")["total"] == search("passage")["total"] > 0
    assert search("Moslu~")["total"] == search("Mosul")["total"] == 4  # two letters swapped: one edit
    assert search("Mosul pasage~")["total"] > 0
    assert osa_distance("moslu", "mosul") == 1 and osa_distance("pasage", "passage") == 1
    assert osa_distance("survelliance", "surveillance") == 2


def test_the_web_search_shows_the_count_and_partial_matches(archive):
    from starlette.testclient import TestClient

    from archive.web import create_app

    archive.ingest([str(MOSUL)])
    client = TestClient(create_app(archive.config))
    html = client.get("/", params={"q": "Mosul safe pasage"}).text
    assert "Mosul safe passage</a> (3 article(s))?" in html
    html = client.get("/", params={"q": "Mosul Raqqa passage pentagon"}).text
    assert "No article has every word; 1 have all but 1" in html and "missing: pentagon" in html
