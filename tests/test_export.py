"""Exports: an unknown format is the caller's mistake, reported as an archive error."""

from __future__ import annotations

import pytest

from archive.errors import UsageError
from archive.export import CSV_COLUMNS, FORMATS, export


def test_unknown_format_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown export format 'pdf'"):
        list(export([], "pdf"))


def test_no_records_export_as_an_empty_document():
    empty = {fmt: "".join(export([], fmt)) for fmt in FORMATS}
    assert empty["jsonl"] == empty["bibtex"] == empty["ris"] == ""
    assert empty["csl-json"].strip() == "[]"
    assert empty["csv"].strip() == ",".join(CSV_COLUMNS)
