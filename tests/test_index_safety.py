"""The index is rebuilt only for its own damage, never for a mistake in archive's code (issue 16)."""

from __future__ import annotations

from archive.search import WhooshIndex
from conftest import MOSUL


def test_a_date_at_the_end_of_the_calendar_is_a_date(cli_run):
    cli_run("add", str(MOSUL))
    result = cli_run("search", "Mosul", "--until", "9999-12")
    assert "4 of 4 article(s)" in result.output  # all four articles are dated October 2016
    assert "damaged" not in result.stderr and "rebuilt" not in result.stderr


def test_a_bug_in_building_a_query_is_not_taken_for_a_damaged_index(cli_run, archive_dir, monkeypatch):
    cli_run("add", str(MOSUL))
    before = {p.name: p.stat().st_mtime_ns for p in (archive_dir / "index").iterdir()}

    def broken(self, request):
        raise ValueError("a mistake in archive's own code")

    monkeypatch.setattr(WhooshIndex, "_query", broken)
    result = cli_run("search", "Mosul", code=70)
    assert "internal error" in result.stderr and "rebuilt" not in result.stderr
    assert {p.name: p.stat().st_mtime_ns for p in (archive_dir / "index").iterdir()} == before
