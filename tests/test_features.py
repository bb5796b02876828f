"""The features the unit labeller weighs, and the units they describe."""

from __future__ import annotations

from archive.extract.features import page_features, unit_features, word_count
from archive.extract.units import page_units, split_line
from archive.models import Block


def test_a_line_is_cut_at_spaced_dashes_and_bars():
    assert split_line("Headline  —  dek  —  text here") == [("", "Headline"), ("  —  ", "dek"), ("  —  ", "text here")]
    assert split_line("Josh Balk – Common Dreams, 14 Jul 2014") == [
        ("", "Josh Balk"), (" – ", "Common Dreams, 14 Jul 2014")]
    assert split_line("US-led forces, well-known") == [("", "US-led forces, well-known")]


def test_units_know_their_block_line_and_segment():
    units = page_units([Block(("A Headline", "Jon Lockett | The Sun")), Block(("Text.",), "text", ("in_article",))])
    assert [(u.text, u.block, u.line, u.seg, u.segs) for u in units] == [
        ("A Headline", 0, 0, 0, 1), ("Jon Lockett", 0, 1, 0, 2), ("The Sun", 0, 1, 1, 2), ("Text.", 1, 2, 0, 1)]
    assert units[2].sep == " | " and units[3].hints == ("in_article",)


def test_what_a_line_looks_like():
    byline = unit_features("By Mara Quint, Seawatch Journal")
    assert {"byl", "byl_a", "byl_o", "cue=by"} <= set(byline)
    dateline = unit_features("(October 20, 2016) — Islamic State militants are fleeing")
    assert {"date", "dl"} <= set(dateline)
    headline = unit_features("US, Saudis To Grant 9,000 ISIS Fighters Free Passage")
    assert headline["tc"] == "4" and "byl" not in headline
    assert "fair" in unit_features("Posted in accordance with Title 17, Section 107, US Code.")
    assert "ellip" in unit_features("and the council said it would […]")


def test_scripts_without_spaces_or_case_are_measured_by_their_signs():
    headline = unit_features("摩苏尔居民获准撤离")
    prose = unit_features("伊拉克政府军周三表示，将为摩苏尔城内的平民开辟安全通道。"
                          "军方发言人说，撤离工作将在未来几天内展开。")
    # neither title nor sentence case; a headline is a few words, the prose many; the full stop is a full stop
    assert headline["tc"] == prose["tc"] == "n"
    assert word_count("摩苏尔居民获准撤离") == 5 and word_count("Mosul 居民") == 2
    assert headline["w"] < prose["w"] and prose["end"] == "."
    assert unit_features("نزوح المدنيين من الموصل")["tc"] == "n"
    assert unit_features("Mosul residents flee")["tc"] != "n"


def test_long_units_are_not_asked_short_line_questions():
    prose = "The council met on Tuesday and said it would look again at the plan. " * 5
    assert not {"byl", "person", "name", "noise", "trailer"} & set(unit_features(prose))


def test_page_features_see_neighbours_whole_lines_and_repetition():
    blocks = [Block((f"Headline Number {n}",)) for n in range(3)]
    blocks = [b for n in range(3) for b in (blocks[n], Block(("By Ann Bell, The Ledger",)),
                                              Block(("A sentence of text that says something about it.",)))]
    features = page_features(page_units(blocks))
    assert "-1:byl" in features[2] and "1:byl" in features[0]
    assert "cper3" in features[3]  # the same shape three units back: a listing's items repeat
    source = page_features(page_units([Block(("RT News & Jon Lockett / The Sun – 2016-10-20 23:32:13",))]))
    assert all("L:srcline" in f for f in source)


def test_a_short_line_before_long_text_is_seen_as_such_whatever_its_case():
    prose = "Government forces said on Thursday they had reached the western edge of the old city, where " \
            "fighting has been heaviest, and that civilians were leaving."
    for head in ("Troops reach the old city", "Troops Reach the Old City"):
        first = page_features(page_units([Block((head,)), Block((prose,))]))[0]
        assert "alone&end=word" in first
        assert any(k.startswith("short_before_long&end=word&tc=") for k in first)
    assert not any(k.startswith("short_before_long") for k in page_features(page_units([Block((prose,))]))[0])
