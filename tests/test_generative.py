"""Pages written in random layouts: the splitter recovers every article and field."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from archive.extract import split_bytes
from pagewriter import page
from splitscore import fold


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page())
def test_splitter_recovers_every_article(written):
    text, truth = written
    split = split_bytes(text.encode(), name="generated.txt")
    assert split.title == "Compilation of the Week"
    assert split.date == "2017-03-03"
    assert split.fair_use_note and "107" in split.fair_use_note
    assert len(split.articles) == len(truth)
    for got, want in zip(split.articles, truth, strict=True):
        assert fold(got.title) == fold(want.title)
        assert got.outlet == want.outlet
        assert got.author == want.author
        assert got.date == want.date
        assert got.body.startswith(want.first_words)
        assert got.body.endswith(want.last_words)
