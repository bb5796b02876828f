"""Curation that can be worked through: review, restore, the withdrawn list, the pages list, list's options."""

from __future__ import annotations

import json

from archive.catalog.records import apply_corrections
from archive.models import ArticleRecord, Correction
from conftest import MOSUL, PAGES

D05 = PAGES / "synthetic" / "d05.txt"


def _queue(run) -> dict[str, list[str]]:
    return {r["id"]: r["review_reasons"] for r in json.loads(run("list", "--needs-review", "--json").stdout)}


def test_review_marks_an_article_reviewed_and_the_queue_shrinks_for_good(cli_run):
    run = cli_run
    run("add", str(D05), str(MOSUL))
    queue = _queue(run)
    assert queue, "the test pages give the splitter something to be unsure of"
    first = next(iter(queue))
    out = run("review", first, "--reason", "checked against the outlet's site").stdout
    assert out.startswith("reviewed: version 2")
    after = _queue(run)
    assert first not in after and len(after) == len(queue) - 1
    run("add", str(D05), str(MOSUL))  # a re-added page does not flag it again
    assert first not in _queue(run)
    shown = run("show", first).stdout
    assert "review:     not needed — the splitter noted:" in shown
    assert json.loads(run("review", first, "--json").stdout)["changed"] is False
    assert "reviewed" in run("history", first).stdout


def _record(reasons: tuple[str, ...], *corrections: Correction) -> ArticleRecord:
    return ArticleRecord(id="articles/x/2016/10/t", version=1, title="T", body="b", outlet="X", author=None,
                         date=None, date_text=None, subtitle=None, standfirst=None, section=None, review=True,
                         review_reasons=reasons, fair_use_note=None, sightings=(), corrections=corrections)


def test_correcting_every_flagged_field_clears_the_flag_and_nothing_less():
    outlet = Correction("outlet", "Harbor News", "read the masthead", "2024-01-01T00:00:00Z")
    title = Correction("title", "A headline", "from the outlet", "2024-01-01T00:00:00Z")
    assert apply_corrections(_record(("outlet taken from the source line",), outlet)).review is False
    assert apply_corrections(_record(("no byline", "no date"), outlet)).review is False
    assert apply_corrections(_record(("headline guessed", "no byline"), outlet)).review is True
    assert apply_corrections(_record(("headline guessed", "no byline"), outlet, title)).review is False
    assert apply_corrections(_record(("split uncertain",), outlet, title)).review is True
    reviewed = Correction("review", "reviewed", "fine", "2024-01-01T00:00:00Z")
    assert apply_corrections(_record(("split uncertain",), reviewed)).review is False


def test_restore_undoes_a_withdrawal_and_withdrawn_articles_are_listed(cli_run):
    run = cli_run
    run("add", str(MOSUL))
    article = json.loads(run("list", "--json").stdout)[0]["id"]
    run("remove", article, "--reason", "duplicate")
    listed = json.loads(run("list", "--withdrawn", "--json").stdout)
    assert [(r["id"], r["withdrawn"]) for r in listed] == [(article, "duplicate")]
    assert "1 withdrawn article(s)" in run("list", "--withdrawn").stdout
    assert article not in run("list", "--json").stdout
    assert run("restore", article, "--reason", "not a duplicate").stdout.startswith("restored: version 3")
    assert article in run("list", "--json").stdout and json.loads(run("list", "--withdrawn", "--json").stdout) == []
    assert "not withdrawn" in run("restore", article, "--reason", "again").stdout
    assert "--reason" in run("restore", article, code=2).stderr
    run("add", str(MOSUL))  # a re-add leaves it restored
    assert article in run("list", "--json").stdout


def test_pages_lists_the_compilation_pages_with_their_article_counts(cli_run):
    run = cli_run
    run("add", str(MOSUL), str(D05))
    pages = json.loads(run("pages", "--json").stdout)
    assert len(pages) == 2 and pages[0]["date"] >= pages[1]["date"]
    mosul = next(p for p in pages if p["id"].startswith("pages/2016/10/"))
    assert mosul["articles"] == 4
    text = run("pages").stdout
    assert "  4 article(s)  Saudis and US Accused" in text and text.rstrip().endswith("2 page(s)")


def test_list_takes_a_query_a_sort_and_a_page_and_shows_the_author(cli_run):
    run = cli_run
    run("add", str(MOSUL), str(D05))
    mosul = json.loads(run("list", "Mosul", "--json").stdout)
    assert len(mosul) == 4 and [r["date"] for r in mosul] == sorted((r["date"] for r in mosul), reverse=True)
    oldest = json.loads(run("list", "Mosul", "--sort", "oldest", "--json").stdout)
    assert [r["date"] for r in oldest] == sorted(r["date"] for r in oldest)
    second = json.loads(run("list", "Mosul", "--sort", "oldest", "--limit", "2", "--page", "2", "--json").stdout)
    assert [r["id"] for r in second] == [r["id"] for r in oldest[2:4]]
    assert "Jon Lockett" in run("list", "Mosul").stdout
    assert "3-4 of 4 article(s)" in run("list", "Mosul", "--sort", "oldest", "--limit", "2", "--page", "2").stdout
