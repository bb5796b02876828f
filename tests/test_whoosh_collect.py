"""The Whoosh engine's own collecting answers as whoosh's collectors did: same documents, scores, order, counts."""

from __future__ import annotations

from dataclasses import replace

import pytest
from whoosh import query, sorting

from test_index import record, search

BODIES = [
    "Fighters are given safe passage out of Mosul.",
    "Passage safe, they said: the words the wrong way round.",
    "Safe and secure passage was promised, not given.",
    "An an ba ka: the same word twice, then safe passage safe passage again.",
    "The US-led coalition met in Paris; the coalition led the talks.",
    "Safe passage. Safe passage. Mosul safe passage.",
]


@pytest.fixture
def filled(ram_index):
    ram_index.write([record(n, title=f"Article {n}", body=body, date=f"2016-10-{10 + n % 3:02d}")
                     for n, body in enumerate(BODIES)])
    return ram_index


def whoosh_answer(index, text, **options):
    """What whoosh's own search gives for the query: {id: score}, and the ids in its order."""
    searcher = index._current_searcher()
    results = searcher.search(index.parse(text) if text else query.Every(), limit=None, **options)
    return {hit["id"]: hit.score for hit in results}, [hit["id"] for hit in results]


@pytest.mark.parametrize("text", ['"safe passage"', '"passage safe"', '"an an ba"', '"US-led coalition"',
                                  '"coalition led"', '"safe passage" Mosul', '"safe passage" OR "coalition met"',
                                  'Mosul -"safe passage"', '"secure passage was"', 'title:"article 3"'])
def test_phrases_find_what_whoosh_finds_with_its_scores_and_order(filled, text):
    scores, order = whoosh_answer(filled, text)
    result = search(filled, text, limit=len(BODIES))
    assert result.total == len(scores)
    assert [h.fields["id"] for h in result.hits] == order
    assert {h.fields["id"]: h.score for h in result.hits} == pytest.approx(scores)


def test_a_phrase_does_not_match_its_words_apart_or_out_of_order(filled):
    ids = {h.fields["id"] for h in search(filled, '"safe passage"', limit=10).hits}
    assert ids == {record(n, title="", body="").id for n in (0, 3, 5)}


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_dates_sort_as_whoosh_sorts_them_ties_included(filled, sort):
    _, order = whoosh_answer(filled, "", sortedby=sorting.FieldFacet("date"), reverse=sort == "newest")
    assert [h.fields["id"] for h in search(filled, "", sort=sort, limit=10).hits] == order
    assert [h.fields["id"] for h in search(filled, "", sort=sort, limit=2, page=2).hits] == order[2:4]


def test_counts_follow_new_segments_deletions_and_withdrawals(filled):
    def facets():
        return search(filled, "", facets=("outlet", "year")).facets

    assert facets()["outlet"] == [("RT News", 6)]  # the per-segment codes are read and kept
    filled.write([record(9, title="Later", body="safe passage", outlet="The Sun", date="2017-01-02")])
    assert facets()["outlet"] == [("RT News", 6), ("The Sun", 1)]
    assert facets()["year"] == [("2016", 6), ("2017", 1)]
    assert search(filled, "passage", since="2017").total == 1
    assert search(filled, "passage", until="2016-10-10").total == 2  # articles 0 and 3, of the 10th
    moved = replace(record(0, title="Article 0", body=BODIES[0]), outlet="The Sun", version=2)
    filled.write([moved])  # the old document is deleted in its segment, the new one is in a new segment
    assert facets()["outlet"] == [("RT News", 5), ("The Sun", 2)]
    filled.write([replace(moved, withdrawn=True, version=3)])
    assert facets()["outlet"] == [("RT News", 5), ("The Sun", 1)]
    assert search(filled, "").total == 6
    filled.tidy(most=1)  # segments merged away: their codes are forgotten, the merged one read
    assert facets()["outlet"] == [("RT News", 5), ("The Sun", 1)]


@pytest.mark.parametrize("few", [0, 10**9])
def test_counts_are_the_same_read_one_by_one_or_from_whole_columns(filled, monkeypatch, few):
    from archive.search import whoosh_collect

    monkeypatch.setattr(whoosh_collect, "_FEW", few)  # 0: codes read whole; 10**9: documents looked up one by one
    filled.write([record(9, title="Later", body="safe passage", outlet="The Sun & RT News", date="2017-01-02")])
    result = search(filled, "passage", facets=("outlet", "year", "month"))
    assert result.facets == {"outlet": [("RT News", 5), ("The Sun & RT News", 1)],
                             "year": [("2016", 5), ("2017", 1)],
                             "month": [("2016-10", 5), ("2017-01", 1)]}


def test_an_index_of_no_article_answers_every_kind_of_search(ram_index):
    ram_index.create()
    for options in ({}, {"since": "2016"}, {"sort": "oldest"}, {"facets": ("outlet", "page")}):
        result = search(ram_index, "", **options)
        assert (result.total, result.hits) == (0, [])
    assert search(ram_index, "safe passage").total == 0
