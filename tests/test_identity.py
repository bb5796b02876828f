"""Identity: two different pages are never versions of one page, two different articles never versions of
one article; identity is decided on the text that is each article's own, and a doubtful match is kept as
two articles flagged for review, never overwritten."""

from __future__ import annotations

import json
import random

import pytest

_VOCABULARY = ("officials said the river was closed after weeks of rain and residents asked for help from a committee "
         "that met on Monday while farmers counted losses in wheat copper tide glacier union harbor budget forest "
         "ministry border storm vote protest wells senate navy drought pipeline court mayor refugees strike "
         "teachers nurses bridge tunnel railway airport port ferry clinic school market bakery library")
WORDS = _VOCABULARY.split()
FAIR_USE = "Posted in accordance with Title 17, Section 107, US Code, for noncommercial, educational purposes."


def prose(seed: int, words: int) -> str:
    """``words`` words of invented sentences, the same for the same seed."""
    rng = random.Random(seed)
    picked = [rng.choice(WORDS) for _ in range(words)]
    sentences, at = [], 0
    while at < words:
        size = min(rng.randrange(9, 16), words - at)
        sentences.append(" ".join(picked[at:at + size]).capitalize() + ".")
        at += size
    return " ".join(sentences)


def page(title: str, articles: list[tuple[str, str, list[str]]], *, dated: bool = True,
         day: str = "November 10, 2012") -> str:
    """A compilation page in the founding page's layout: (title, outlet, paragraphs) per article."""
    parts = [title, *(["March 3rd, 2017 - by admin"] if dated else [])]
    for headline, outlet, paragraphs in articles:
        parts += [headline, f"Maya Lindqvist / {outlet}", f"({day}) — {paragraphs[0]}", *paragraphs[1:]]
    return "\n\n".join([*parts, FAIR_USE]) + "\n"


@pytest.fixture
def add(cli_run, archive_dir):
    """Write a page and add it; return what add said of it as JSON (page id, each article's id and status)."""
    count = iter(range(1000))

    def add_page(text: str) -> dict:
        path = archive_dir / f"page-{next(count)}.txt"
        path.write_text(text, encoding="utf-8")
        return json.loads(cli_run("add", "--json", str(path)).stdout)

    return add_page


def articles(cli_run) -> dict[str, dict]:
    return {a["id"]: a for a in json.loads(cli_run("list", "--json").stdout)}


def test_two_pages_with_one_title_and_no_date_are_two_pages(cli_run, add):
    first = add(page("Weekly Roundup", [("Harbor Strike Ends After Talks", "The Plains Review", [prose(1, 80)]),
                                         ("Council Approves Bridge Budget", "Pacific Wire", [prose(2, 80)])],
                     dated=False))
    second = add(page("Weekly Roundup", [("Ferry Service Resumes on Monday", "Island Current", [prose(3, 80)]),
                                          ("Teachers Vote to Accept Offer", "Desert Star", [prose(4, 80)])],
                      dated=False))
    assert first["page_id"] != second["page_id"]
    for added in (first, second):
        shown = json.loads(cli_run("show", added["page_id"], "--json").stdout)
        assert shown["articles"] == [a["id"] for a in added["articles"]]
        for position, article in enumerate(added["articles"], start=1):
            record = json.loads(cli_run("show", article["id"], "--json").stdout)
            assert {"page_id": added["page_id"], "position": position}.items() <= record["sightings"][0].items()
        assert [e["number"] for e in json.loads(cli_run("history", added["page_id"], "--json").stdout)] == [1]
    # The same page added again is that page, unchanged; a corrected copy of it is its second version.
    again = add(page("Weekly Roundup", [("Harbor Strike Ends After Talks", "The Plains Review", [prose(1, 80)]),
                                         ("Council Approves Bridge Budget", "Pacific Wire", [prose(2, 80)])],
                     dated=False))
    assert again["page_id"] == first["page_id"]
    corrected = add(page("Weekly Roundup", [("Harbor Strike Ends After Talks", "The Plains Review",
                                              [prose(1, 80) + " The union confirmed it on Tuesday."]),
                                             ("Council Approves Bridge Budget", "Pacific Wire", [prose(2, 80)])],
                         dated=False))
    assert corrected["page_id"] == first["page_id"]
    assert [a["status"] for a in corrected["articles"]] == ["new version", "unchanged"]


def test_show_version_and_history_of_a_page(cli_run, add):
    text = page("Weekly Roundup", [("Harbor Strike Ends After Talks", "The Plains Review", [prose(1, 80)]),
                                   ("Council Approves Bridge Budget", "Pacific Wire", [prose(2, 80)])])
    first = add(text)
    add(text.replace("Weekly Roundup", "Weekly Roundup", 1).replace(FAIR_USE, FAIR_USE + " Updated."))
    page_id = first["page_id"]
    history = json.loads(cli_run("history", page_id, "--json").stdout)
    assert [e["number"] for e in history] == [1, 2] and "fair_use_note" in history[1]["changed"]
    assert "Updated." in json.loads(cli_run("show", page_id, "--json").stdout)["fair_use_note"]
    old = json.loads(cli_run("show", page_id, "--version", "1", "--json").stdout)
    assert "Updated." not in old["fair_use_note"] and old["version"] == 1
    assert "version:" in cli_run("show", page_id, "--version", "1").output
    assert "no version 3" in cli_run("show", page_id, "--version", "3", code=1).stderr
    assert cli_run("history", page_id).output.count("\n") == 2


def test_two_articles_of_one_page_with_one_title_are_two_articles(cli_run, add):
    # Most of their text in common, a little of their own: were they on two pages, they would be one article
    # seen twice; printed as two articles of one page, they are two.
    shared = [prose(9, 40), prose(10, 30)]
    text = page("Weekly Roundup", [
        ("Harbor Strike Ends After Talks", "The Plains Review", [prose(1, 25), *shared]),
        ("Harbor Strike Ends After Talks", "The Plains Review", [prose(2, 25), *shared]),
        ("Harbor Strike Ends After Talks", "The Plains Review", [prose(3, 25), *shared]),
    ])
    added = add(text)
    ids = [a["id"] for a in added["articles"]]
    assert len(set(ids)) == 3 and {a["status"] for a in added["articles"]} == {"new"}
    assert set(ids) <= set(articles(cli_run))
    for n, article in enumerate(ids, start=1):
        assert json.loads(cli_run("show", article, "--json").stdout)["sightings"][0]["position"] == n
    # Added again, each is its own article again, unchanged.
    again = add(text)
    assert [a["id"] for a in again["articles"]] == ids and {a["status"] for a in again["articles"]} == {"unchanged"}


@pytest.mark.parametrize("own", [45, 70, 120])
@pytest.mark.parametrize("where", ["after", "before"])
def test_articles_sharing_boilerplate_are_not_merged(cli_run, add, own, where):
    boilerplate = ("This story is part of our series on public services across the region. Tips and corrections "
                   "can be sent to the newsroom at any hour, and every message is read by an editor who replies "
                   "within two working days to every single reader who writes to us about this series.")
    assert len(boilerplate.split()) == 50

    def paragraphs(seed: int) -> list[str]:
        return [prose(seed, own), boilerplate] if where == "after" else [boilerplate, prose(seed, own)]

    first = add(page("Weekly Roundup", [("Harbor Strike Ends After Talks", "The Plains Review", paragraphs(1))]))
    second = add(page("Daily Digest", [("Council Approves Bridge Budget", "The Plains Review", paragraphs(2))]))
    a, b = first["articles"][0], second["articles"][0]
    assert a["id"] != b["id"] and b["status"] == "new"
    assert set(articles(cli_run)) == {a["id"], b["id"]}
    exported = [json.loads(line) for line in cli_run("export").stdout.splitlines()]
    assert {r["title"] for r in exported} == {"Harbor Strike Ends After Talks", "Council Approves Bridge Budget"}
    for article in (a, b):
        assert len(json.loads(cli_run("history", article["id"], "--json").stdout)) == 1


def test_a_doubtful_match_is_kept_apart_and_flagged_for_review(cli_run, add):
    lead, rest = prose(1, 60), prose(5, 60)
    first = add(page("Weekly Roundup", [("Harbor Strike Ends After Talks", "The Plains Review", [lead, rest])]))
    # The same title, outlet and day, the same second paragraph, but an opening of its own.
    second = add(page("Daily Digest", [("Harbor Strike Ends After Talks", "The Plains Review", [prose(2, 60), rest])]))
    a, b = first["articles"][0]["id"], second["articles"][0]["id"]
    assert a != b
    record = json.loads(cli_run("show", b, "--json").stdout)
    assert record["review"] and f"possible duplicate of {a}" in record["review_reasons"]
    assert b in cli_run("list", "--needs-review", "--json").stdout
    assert json.loads(cli_run("show", a, "--json").stdout)["version"] == 1


def test_a_retitled_copy_is_still_the_same_article(cli_run, add):
    body = [prose(1, 60), prose(5, 60), prose(6, 40)]
    first = add(page("Weekly Roundup", [("Harbor Strike Ends After Talks", "The Plains Review", body)]))
    edited = [body[0], body[1].replace(".", ", officials said.", 1), body[2]]
    second = add(page("Daily Digest", [("Harbor Strike Is Over", "The Plains Review", edited)]))
    assert second["articles"][0]["id"] == first["articles"][0]["id"]
    assert second["articles"][0]["status"] == "new version"
