"""The shared text helpers: fold, clean, normalize, split_people, now."""

from __future__ import annotations

import re
import unicodedata

from archive.text import clean, fold, normalize, now, split_people


def test_fold_drops_case_accents_and_punctuation():
    assert fold("São Paulo’s  FLOODS!") == "sao paulo s floods"
    assert fold("Ｆｕｌｌ-width") == "full width"
    assert fold(None) == fold("") == ""


def test_clean_drops_controls_but_keeps_tabs_and_newlines():
    assert clean("a\x1b[31mb\x07c\u202ed\u200be\ufeff\r") == "a[31mbcde"
    assert clean("line one\n\tline two") == "line one\n\tline two"
    assert clean(None) == ""


def test_normalize_is_nfc_without_controls():
    decomposed = unicodedata.normalize("NFD", "Café\x00")
    assert normalize(decomposed) == "Café"
    assert unicodedata.is_normalized("NFC", normalize(decomposed))


def test_split_people_reads_every_separator():
    assert split_people("A One & B Two; C Three and D Four") == ["A One", "B Two", "C Three", "D Four"]
    assert split_people("Alexandra Landon") == ["Alexandra Landon"]
    assert split_people(" & ") == split_people(None) == []


def test_now_is_utc_iso_with_a_z():
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", now())
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z", now(precise=True))
