"""Assembly: the labeller's roles and start marks -> articles, whatever the layout."""

from __future__ import annotations

from archive.extract.assemble import build_article, drafts
from archive.extract.segment import from_tag
from archive.extract.units import Unit


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


def _units(*lines: list[str]) -> list[Unit]:
    """Units of one block per line: each line a list of segments, the later ones printed after " — "."""
    out = []
    for n, segs in enumerate(lines):
        out += [Unit(text, n, n, 0, 1, k, len(segs), " — " if k else "", "text") for k, text in enumerate(segs)]
    return out


def test_a_sign_off_printed_at_the_end_of_a_paragraph_stays_in_the_text_and_names_the_author():
    units = _units(["Rates rise nationwide"], ["Drivers pay more this year, the survey found."],
                   ["Insurers blame repairs.", "Jane Walker"], ["Read more at the source"])
    tags = ["B-title", "body", "body", "trailer", "trailer"]
    labels = [from_tag(t) for t in tags]
    (draft,) = drafts(labels)
    article = build_article(units, labels, draft, 1)
    assert article.body.endswith("Insurers blame repairs. — Jane Walker")
    assert "Read more" not in article.body  # a trailer on a line of its own is not the text
    assert article.author == "Jane Walker"
