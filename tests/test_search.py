"""Query checks: a malformed query gets a message that points at the problem."""

from __future__ import annotations

import pytest

from archive.errors import QueryError
from archive.search import check_query, split_marks


@pytest.mark.parametrize(("query", "words"), [
    ('"safe passage', ["unbalanced quote", "character 1"]),
    ("(Mosul OR Raqqa", ["unbalanced parenthesis"]),
    ("Mosul)", ["closes nothing"]),
    ("colour:red", ["unknown field 'colour:'"]),
    ("date:20x6", ["bad date"]),
])
def test_malformed_queries(query, words):
    with pytest.raises(QueryError) as caught:
        check_query(query)
    for word in words:
        assert word in str(caught.value)


def test_rewrites_dates_and_keeps_the_rest():
    assert check_query("Mosul date:2016-10") == "Mosul month:2016-10"
    assert check_query("date:2016") == "year:2016"
    assert check_query('"a: b" outlet:RT') == '"a: b" outlet:RT'
    assert check_query("see http://x.org") == "see http://x.org"


def test_split_marks_gives_offsets_into_plain_text():
    text, marks = split_marks("safe \x02passage\x03\n\nout")
    assert text == "safe passage out"
    assert [text[a:b] for a, b in marks] == ["passage"]


def test_minus_means_not_only_at_the_start_of_a_word():
    assert check_query("Mosul -Raqqa") == "Mosul NOT Raqqa"
    assert check_query("US-led -(a b)") == "US-led NOT (a b)"
    assert check_query('"a -b"') == '"a -b"'
