"""Names as researchers type them: any case and accents, joint credits split, nearest names, rename, names."""

from __future__ import annotations

import json

import pytest

from archive import catalog
from archive.api.curating import _replace_name
from archive.models import Article, SplitPage
from archive.text import split_credit

CREDITS = [  # (outlet, author) of the articles of one invented page
    ("Common Dreams", "Jon Queally"),
    ("Common Dreams", "Jéssica Corbett & Jon Queally"),
    ("AntiWar.com & The New York Times", None),
    ("Counter Punch", "Ann Bell"),
    ("CounterPunch", "Ann Bell and Omar Haddad"),
    ("Le Monde Diplomatique and Al Jazeera / Reuters", None),
    ("Stars and Stripes", None),
]


@pytest.fixture
def filled(archive, archive_dir, monkeypatch):
    articles = tuple(Article(title=f"Report number {n} on the river", body=f"The council met about river {n}.",
                             outlet=outlet, author=author, date=f"2016-10-{10 + n}", position=n)
                     for n, (outlet, author) in enumerate(CREDITS, start=1))
    split = SplitPage("names.txt", "Names", "2016-10-20", None, None, None, articles)
    archive.create_store()
    _, failure = catalog.store_batch(archive.store, [(b"names page", split)], index=lambda records: [])
    assert failure is None
    archive.reindex(full=True)
    return archive


def test_joint_credits_split_into_names():
    assert split_credit("AntiWar.com & The New York Times", kind="outlet") == ["AntiWar.com", "The New York Times"]
    assert split_credit("A and B / C", kind="outlet") == ["A", "B", "C"]
    assert split_credit("Stars and Stripes", kind="outlet") == ["Stars and Stripes"]
    assert split_credit("AT&T", kind="outlet") == ["AT&T"]
    assert split_credit("Ann Bell and Omar Haddad", kind="author") == ["Ann Bell", "Omar Haddad"]


def test_filters_match_any_case_and_accents_and_each_name_of_a_credit(filled, cli_run):
    run = cli_run
    assert len(json.loads(run("list", "--outlet", "common dreams", "--json").stdout)) == 2
    assert len(json.loads(run("list", "--author", "queally", "--json").stdout)) == 0  # a name, not a word
    assert len(json.loads(run("list", "--author", "JON QUEALLY", "--json").stdout)) == 2
    assert len(json.loads(run("list", "--author", "jessica corbett", "--json").stdout)) == 1
    assert len(json.loads(run("list", "--outlet", "the new york times", "--json").stdout)) == 1
    assert len(json.loads(run("list", "--outlet", "Reuters", "--json").stdout)) == 1
    facets = json.loads(run("facets", "--json").stdout)["facets"]
    assert facets["outlet"]["AntiWar.com"] == 1 and facets["outlet"]["The New York Times"] == 1
    assert facets["outlet"]["Al Jazeera"] == 1 and facets["outlet"]["Stars and Stripes"] == 1
    assert facets["author"]["Jon Queally"] == 2 and facets["author"]["Omar Haddad"] == 1
    assert not any("&" in name for name in facets["outlet"])


def test_a_filter_that_matches_no_name_says_so_with_the_nearest(filled, cli_run):
    result = cli_run("list", "--outlet", "Comon Dreams")
    assert "archive: no outlet matches 'Comon Dreams'; nearest stored: Common Dreams (2)" in result.stderr
    result = cli_run("search", "river", "--author", "Queally")
    assert "nearest stored: Jon Queally (2)" in result.stderr
    result = cli_run("export", "--outlet", "Nowhere Gazette", code=1)
    assert "no outlet matches 'Nowhere Gazette'" in result.stderr
    assert "no outlet matches" not in cli_run("list", "--outlet", "Common Dreams", "--since", "2020").stderr


def test_names_lists_counts_and_groups_likely_duplicates(filled, cli_run):
    data = json.loads(cli_run("names", "outlet", "--json").stdout)
    assert data["names"]["Common Dreams"] == 2 and data["names"]["Counter Punch"] == 1
    assert sorted(data["likely_duplicates"][0]) == ["Counter Punch", "CounterPunch"]
    text = cli_run("names", "outlet").stdout
    assert "Counter Punch (1) | CounterPunch (1)" in text or "CounterPunch (1) | Counter Punch (1)" in text


def test_rename_corrects_every_article_as_new_versions(filled, cli_run):
    run = cli_run
    out = json.loads(run("rename", "outlet", "counter punch", "CounterPunch", "--reason", "one spelling",
                         "--json").stdout)
    assert [c["version"] for c in out["changed"]] == [2]
    assert json.loads(run("names", "outlet", "--json").stdout)["names"]["CounterPunch"] == 2
    assert json.loads(run("names", "outlet", "--json").stdout)["likely_duplicates"] == []
    joint = json.loads(run("rename", "outlet", "AntiWar.com", "Antiwar.com", "--reason", "house style",
                           "--json").stdout)["changed"][0]["id"]
    assert json.loads(run("show", joint, "--json").stdout)["outlet"] == "Antiwar.com & The New York Times"
    assert "corrected" in run("history", joint).stdout or "corrections" in run("history", joint).stdout
    result = run("rename", "author", "Nobody Known", "X", "--reason", "r", code=1)
    assert "no article carries the author 'Nobody Known'" in result.stderr


def test_rename_changes_the_whole_name_never_a_piece_of_another():
    assert _replace_name("JoAnn Smith & Ann", "Ann", "Anne Jones") == "JoAnn Smith & Anne Jones"
    assert _replace_name("Ann Smith & Ann", "Ann", "Anne Jones") == "Ann Smith & Anne Jones"
    assert _replace_name("A and B / C", "B", "Bea") == "A and Bea / C"
    assert _replace_name("AntiWar.com & The New York Times", "AntiWar.com", "Antiwar.com") == \
        "Antiwar.com & The New York Times"
