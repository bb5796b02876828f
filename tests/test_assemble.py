"""Assembly: the labeller's roles and start marks -> articles, whatever the layout."""

from __future__ import annotations

from archive.extract.assemble import drafts
from archive.extract.segment import from_tag


def _cut(*tags: str) -> list[dict[str, list[int]]]:
    return [{role: idx for role, idx in d.units.items() if idx} for d in drafts([from_tag(t) for t in tags])]


def test_articles_run_from_one_start_mark_to_the_next():
    assert _cut("page_title", "B-title", "byline", "body", "body", "B-title", "body") == [
        {"title": [1], "byline": [2], "body": [3, 4]}, {"title": [5], "body": [6]}]


def test_an_entry_of_a_headline_and_a_dek_only_has_the_dek_for_its_text():
    # a listing's entries: headline / dek / byline, with no text of their own
    assert _cut("B-title", "title", "byline", "B-title", "subtitle", "byline", "trailer") == [
        {"title": [0], "byline": [2], "body": [1]}, {"title": [3], "byline": [5], "trailer": [6], "body": [4]}]


def test_a_header_with_no_text_and_no_dek_joins_the_next_article_when_that_has_no_headline():
    assert _cut("B-title", "byline", "B-date", "body") == [{"title": [0], "byline": [1], "date": [2], "body": [3]}]
    # with a headline of its own, the next article stands alone and the empty header is dropped
    assert _cut("B-byline", "date", "B-title", "body") == [{"title": [2], "body": [3]}]
