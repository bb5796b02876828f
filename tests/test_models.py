"""Statuses are Enums that print, compare and serialise as their text."""

from __future__ import annotations

import json

from archive.models import ArticleOutcome, IndexState, IngestReport, PageOutcome, SplitPage, Status


def test_statuses_read_as_their_text():
    assert [s.value for s in Status] == ["new", "new version", "unchanged", "repeated", "purged", "dry run"]
    assert f"{Status.NEW_VERSION:<13}|" == "new version  |"
    assert json.dumps({"status": Status.UNCHANGED}) == '{"status": "unchanged"}'
    assert Status("new") is Status.NEW


def test_index_states():
    assert {s.value for s in IndexState} == {"ok", "missing", "stale", "broken"}
    assert f"index is {IndexState.STALE}" == "index is stale"


def test_report_counts_articles_by_status():
    split = SplitPage(name="p", title=None, date=None, date_text=None, source_line=None, fair_use_note=None,
                      articles=())
    outcomes = (ArticleOutcome(Status.NEW, "a", "A", 1), ArticleOutcome(Status.REPEATED, "a", "A", 1),
                ArticleOutcome(Status.NEW, "b", "B", 1))
    report = IngestReport(pages=[PageOutcome("p", "pages/undated/p", Status.NEW, outcomes, split)])
    assert (report.count(Status.NEW), report.count(Status.REPEATED), report.count(Status.PURGED)) == (2, 1, 0)
