"""Features of blocks: what ``classify`` and the block tests see in one paragraph."""

from __future__ import annotations

import pytest

from archive.extract.features import (
    classify,
    is_cut_heading,
    is_date_only,
    is_head,
    is_label,
    is_prose,
    is_titleish,
    presplit,
)
from archive.models import Block


def block(*lines: str, kind: str = "text") -> Block:
    return Block(tuple(lines), kind)


def test_a_headline_is_head_and_titleish():
    info = classify(block("US, Saudis To Grant 9,000 ISIS Fighters Free Passage from Iraqi Mosul to Syria"))
    assert info.head and info.titleish
    assert info.byline is None and info.dateline is None and not info.noise


@pytest.mark.parametrize(("line", "outlet", "author"), [
    ("Jon Lockett / The Sun", "The Sun", "Jon Lockett"),
    ("By Mara Quint, Seawatch Journal", "Seawatch Journal", "Mara Quint"),
])
def test_a_byline_is_found_and_is_no_headline(line, outlet, author):
    info = classify(block(line))
    assert (info.byline.outlet, info.byline.author, info.byline_at) == (outlet, author, 0)
    assert not info.head and not info.titleish


def test_the_line_of_a_byline_inside_a_block_is_kept():
    info = classify(block("Why Mosul Matters", "Jon Lockett / The Sun", "The Kremlin said on Thursday."))
    assert info.byline_at == 1 and info.byline.outlet == "The Sun"


def test_quotes_lists_and_captions_carry_no_byline():
    assert classify(block("Jon Lockett / The Sun", kind="quote")).byline is None
    assert not is_head(block("An Item", kind="list"))


def test_datelines_and_wire_datelines():
    info = classify(block("(October 20, 2016) — Islamic State militants are fleeing Mosul, the military said."))
    assert info.dateline.iso == "2016-10-20" and not info.head
    wire = classify(block("Vatican City, Jan 24, 2018 / 04:26 am (CNA/EWTN News).- Pope Francis said."))
    assert wire.dateline is None
    assert (wire.wire[0].iso, wire.wire[1]) == ("2018-01-24", "CNA/EWTN News")


def test_noise_separators_labels_and_editor_notes():
    assert classify(block("Photo: Volunteers keep a stranded pilot whale wet.")).noise
    assert classify(block("---", kind="separator")).separator
    assert is_label(classify(block("TRANSPORTATION")))
    assert not is_label(classify(block("RT News")))
    assert classify(block("RT News")).name_line
    assert classify(block("[Editor's note: this first ran in 2015.]")).ednote


def test_headings_and_sentence_case_titles():
    assert is_head(block("what it is", kind="heading"))
    assert is_titleish(block("a headline in sentence case here"))
    assert not is_titleish(block("a sentence, that ends."))
    assert not is_head(block("The ocean is not a firing range, the council said on Thursday after a long debate."))


def test_prose_dates_and_cut_headings():
    assert is_prose(block("By Jon Lockett The Kremlin said it would act."))
    assert not is_prose(block("Another Headline Here"))
    assert is_prose(block("Short but ends.  Five words here."))
    assert is_date_only(block("October 20, 2016")) and is_date_only(block("(2016-10-20)"))
    assert not is_date_only(block("On October 20, 2016 it rained"))
    assert is_cut_heading(block("What the Tests Found")) and not is_cut_heading(block("They said so."))


def test_presplit_cuts_after_a_teasers_more():
    blocks = presplit((block("First teaser ends here more...", "Second item title", "Second teaser"),))
    assert [b.lines for b in blocks] == [("First teaser ends here more...",), ("Second item title", "Second teaser")]
