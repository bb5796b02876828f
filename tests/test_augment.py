"""Training pages rewritten in a stand-in script keep their labels and are drawn the same way every time."""

from __future__ import annotations

import re

from archive.extract.features import unit_features
from archive.extract.read import read_page
from archive.extract.units import page_units
from archive.train import augment
from archive.train.align import align
from archive.train.corpus import generated
from archive.train.trainer import Prepared


def test_the_stand_in_script_has_no_spaces_no_case_and_keeps_dates_and_marks():
    text = augment.unspace("Troops reach Mosul, Oct. 20, 2016. Officials say: “no”?")
    assert " " not in text and not any(c.isupper() or c.islower() for c in text)
    assert "2016年10月20日" in text and "，" in text and text.endswith("？")
    assert augment.unspace("Mosul") == augment.unspace("mosul")  # a word is the same signs wherever it is
    assert unit_features(augment.unspace("Troops Reach Mosul"))["tc"] == "n"


def _prepared(count: int) -> list[Prepared]:
    out = []
    for page in generated(count, seed=11):
        units = page_units(read_page(page.raw, name=page.name).blocks)
        out.append(Prepared(page, units, align(units, page.gold)))
    return out


def test_rewritten_pages_keep_their_units_and_are_drawn_the_same_way_each_time():
    pages = _prepared(60)
    chosen = [p for p in pages if augment.drawn(p.page.name)]
    assert 0 < len(chosen) < len(pages) / 4
    assert chosen == [p for p in pages if augment.drawn(p.page.name)]
    for page in chosen:
        new = augment.unspaced(page.units)
        assert [(u.block, u.line, u.seg) for u in new] == [(u.block, u.line, u.seg) for u in page.units]
        assert not any(re.search(r"[\u4e00-\u9fff] | [\u4e00-\u9fff]", u.text) for u in new)
