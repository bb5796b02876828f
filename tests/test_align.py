"""The aligner: ground truth -> the role of every unit, which the labellers are trained on."""

from __future__ import annotations

import random

from archive.extract import read_page
from archive.extract.units import page_units
from archive.train.align import align, fold, words
from archive.train.pagegen import generate_page
from conftest import MOSUL

PAGE = """Weekly Roundup

Posted on 2017-03-03 by editor

Rivers Rise Again

By Ann Bell, The Valley Ledger

(March 2, 2017) — The river rose again on Tuesday. Farmers said the water reached the barns.

Council Delays the Dam Vote

The council put off its vote for a month. It said it needed more time.

Source: Hill Courier

This is posted under the fair use provisions of Title 17, Section 107.
"""
GOLD = {"page_title": "Weekly Roundup", "page_date": "2017-03-03",
        "fair_use_note": "This is posted under the fair use provisions of Title 17, Section 107.",
        "articles": [
            {"title": "Rivers Rise Again", "outlet": "The Valley Ledger", "author": "Ann Bell", "date": "2017-03-02",
             "first_words": "The river rose again on Tuesday", "last_words": "the water reached the barns."},
            {"title": "Council Delays the Dam Vote", "outlet": "Hill Courier", "author": None, "date": None,
             "first_words": "The council put off its vote", "last_words": "It said it needed more time."}]}


def _roles(text: str, gold: dict) -> list[tuple[str, str]]:
    units = page_units(read_page(text.encode(), name="p.txt").blocks)
    return [(u.text, t) for u, t in zip(units, align(units, gold).tags(), strict=True)]


def test_every_unit_of_a_page_gets_its_role():
    assert _roles(PAGE, GOLD) == [
        ("Weekly Roundup", "page_title"), ("Posted on 2017-03-03 by editor", "page_meta"),
        ("Rivers Rise Again", "B-title"), ("By Ann Bell, The Valley Ledger", "byline"),
        ("(March 2, 2017)", "date"),
        ("The river rose again on Tuesday. Farmers said the water reached the barns.", "body"),
        ("Council Delays the Dam Vote", "B-title"),
        ("The council put off its vote for a month. It said it needed more time.", "body"),
        ("Source: Hill Courier", "trailer"),
        ("This is posted under the fair use provisions of Title 17, Section 107.", "fair_use")]


def test_a_body_ends_at_its_last_run_of_last_words_before_the_next_begins():
    # The founding page's second article opens with words the first one also prints.
    units = page_units(read_page(MOSUL.read_bytes(), name="m.txt").blocks)
    import json
    gold = json.loads(MOSUL.with_suffix(".json").read_text())
    result = align(units, gold)
    assert not result.problems and sum(result.starts) == 4
    starts = [units[i].text for i, s in enumerate(result.starts) if s]
    assert starts[1].startswith("US, Saudis To Grant")


def test_the_aligner_agrees_with_the_generators_own_labels():
    # Generated pages carry the true role of every line; the aligner sees only the scorer's truth.
    rng = random.Random(7)
    same = total = starts = found = 0
    for _ in range(40):
        page = generate_page(rng, kind="text")
        units = page_units(read_page(page.data, name="g.txt").blocks)
        result = align(units, page.gold)
        line_role = {}
        for u, role in zip(units, result.roles, strict=True):
            line_role.setdefault(u.line, role)
        for n, line in enumerate(page.gold["lines"]):
            if line["role"] in ("title", "body", "byline") and n in line_role:
                total += 1
                same += line_role[n] == line["role"]
        starts += sum(1 for a in page.gold["articles"] if a.get("first_words"))
        found += sum(result.starts)
    # Measured when set: 97% of title, body and byline lines agree; every article is found.
    assert same / total >= 0.93
    assert found >= 0.97 * starts


def test_words_fold_as_the_scorer_does():
    assert fold("  ‘Quoted’ — Title. ") == "quoted' - title"
    assert words("US-led, 9,000 «fighters»") == ["us", "led", "9", "000", "fighters"]
