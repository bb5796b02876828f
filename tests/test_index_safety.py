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


def test_an_index_that_cannot_be_written_is_a_warning_and_the_next_command_catches_up(cli_run, archive_dir,
                                                                                        monkeypatch):
    import errno

    from whoosh.writing import SegmentWriter

    real_commit = SegmentWriter.commit

    def full_disk(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    cli_run("init", ".")
    monkeypatch.setattr(SegmentWriter, "commit", full_disk)
    result = cli_run("add", str(MOSUL), code=1)
    assert "4 new" in result.output  # stored: the store is the source of truth
    warnings = [line for line in result.stderr.splitlines() if "index" in line]
    assert warnings and all("the store is up to date" in line and "catch up" in line for line in warnings)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    monkeypatch.setattr(SegmentWriter, "commit", real_commit)
    found = cli_run("search", "Mosul safe passage")
    assert "caught up" in found.stderr and "3 of 3 article(s)" in found.output
    assert cli_run("verify").exit_code == 0


def test_an_edit_whose_indexing_fails_says_the_change_was_made(cli_run, monkeypatch):
    from whoosh.writing import SegmentWriter

    cli_run("add", str(MOSUL))
    import json
    article = next(a["id"] for a in json.loads(cli_run("list", "--json").output) if a["date"] == "2016-10-13")
    real_commit = SegmentWriter.commit
    monkeypatch.setattr(SegmentWriter, "commit", lambda self, *a, **k: (_ for _ in ()).throw(OSError(28, "full")))
    result = cli_run("edit", article, "--title", "Corrected Title", "--reason", "typo", code=1)
    assert "corrected: version 2" in result.output and "will catch up" in result.stderr
    monkeypatch.setattr(SegmentWriter, "commit", real_commit)
    assert "Corrected Title" in cli_run("search", "Corrected").output
