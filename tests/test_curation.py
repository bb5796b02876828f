"""Versions, sightings, corrections, withdrawal, purge, identity of retitled copies, reindex."""

from __future__ import annotations

import json

import pytest

from archive.errors import ArticleNotFound, UsageError
from conftest import MOSUL
from crashkit import ocfl_errors
from pagewriter import simple_page


def sun_id(archive):
    report = archive.ingest([str(MOSUL)])
    return next(a.id for a in report.pages[0].articles if "/the-sun/" in a.id)


def test_correction_survives_a_re_add(archive, tmp_path):
    article = sun_id(archive)
    assert archive.edit(article, {"author": "J. Lockett"}, reason="house style") == 2
    again = archive.ingest([str(MOSUL)])
    assert [a.status for a in again.pages[0].articles] == ["unchanged"] * 4
    record = archive.record(article)
    assert record.author == "J. Lockett"
    assert record.corrections[0].reason == "house style"
    # A corrected page changes the text but never the corrected field.
    fixed = tmp_path / "fixed.txt"
    fixed.write_text(MOSUL.read_text(encoding="utf-8").replace("with major air strikes", "with air strikes"),
                     encoding="utf-8")
    archive.ingest([str(fixed)])
    record = archive.record(article)
    assert "with air strikes" in record.body and record.author == "J. Lockett"
    assert [e.changed for e in archive.history(article)][-1] == ("body",)
    text = archive.diff(article)
    assert "-" in text and "+" in text and "with air strikes" in text


def test_bad_edits_are_refused(archive):
    article = sun_id(archive)
    with pytest.raises(UsageError):
        archive.edit(article, {"body": "x"}, reason="r")
    with pytest.raises(UsageError):
        archive.edit(article, {"date": "last week"}, reason="r")
    with pytest.raises(UsageError):
        archive.edit(article, {"title": "x"}, reason=" ")


def test_withdrawn_articles_leave_search_but_keep_history(archive):
    article = sun_id(archive)
    assert archive.search("Lockett").total == 1
    assert archive.remove(article, reason="duplicate") == 2
    assert archive.search("Lockett").total == 0
    assert archive.record(article).withdrawn == "duplicate"
    assert archive.record(article, version=1).withdrawn is None
    assert archive.verify() == []


def test_purge_deletes_every_version_and_leaves_a_record(archive):
    article = sun_id(archive)
    archive.remove(article, reason="duplicate")
    entry = archive.purge(article, reason="court order")
    assert entry["versions"] == 2
    assert not archive.store.has(article)
    with pytest.raises(ArticleNotFound):
        archive.record(article)
    assert "court order" in str(archive.explain_missing(article))
    assert archive.search("Lockett").total == 0
    assert not ocfl_errors(archive.store.root)
    assert archive.verify() == []
    # Adding the page again does not bring a taken-down article back.
    again = archive.ingest([str(MOSUL)])
    assert "purged" in [a.status for a in again.pages[0].articles]
    assert not archive.store.has(article)


def test_retitled_copy_is_the_same_article(archive, tmp_path):
    page = tmp_path / "a.txt"
    page.write_text(simple_page(1, articles=1), encoding="utf-8")
    first = archive.ingest([str(page)]).pages[0].articles[0]
    text = page.read_text(encoding="utf-8")
    title = text.split("\n\n")[2]
    retitled = tmp_path / "b.txt"
    retitled.write_text(text.replace(title, title + " Again").replace("Number 1", "Number 1 Reposted"),
                        encoding="utf-8")
    second = archive.ingest([str(retitled)]).pages[0].articles[0]
    assert second.id == first.id and second.status == "new version"
    assert len(archive.record(first.id).sightings) == 2
    # A different article of the same outlet and date stays apart.
    other = tmp_path / "c.txt"
    other.write_text(simple_page(2, articles=1), encoding="utf-8")
    assert archive.ingest([str(other)]).pages[0].articles[0].id != first.id


def test_sync_touches_only_what_differs(archive, tmp_path):
    pages = []
    for n in range(3):
        pages.append(tmp_path / f"p{n}.txt")
        pages[-1].write_text(simple_page(n), encoding="utf-8")
    archive.ingest([str(p) for p in pages])
    assert archive.sync_index() == 0
    victim = next(iter(archive.index.stored()))
    archive.index.write([], delete=[victim])
    assert any("not in the index" in p for p in archive.verify())
    assert archive.sync_index() == 1
    assert archive.verify() == []
    assert archive.rebuild_index(procs=2) == archive.count_articles() == 9
    assert archive.verify() == []


def test_curation_commands_say_what_they_did_in_json(cli_run, archive_dir):
    cli_run("add", str(MOSUL))
    ids = [row["id"] for row in json.loads(cli_run("list", "--json").stdout)]
    target, other = ids[0], ids[1]
    done = json.loads(cli_run("edit", target, "--author", "A. Writer", "--reason", "r", "--json").stdout)
    assert done == {"id": target, "changed": True, "version": 2, "fields": {"author": "A. Writer"}}
    again = json.loads(cli_run("edit", target, "--author", "A. Writer", "--reason", "r", "--json").stdout)
    assert again["changed"] is False and again["version"] is None
    diff = json.loads(cli_run("diff", target, "1", "2", "--json").stdout)
    assert diff["id"] == target and diff["versions"] == [1, 2] and "A. Writer" in diff["diff"]
    gone = json.loads(cli_run("remove", target, "--reason", "duplicate", "--json").stdout)
    assert gone == {"id": target, "changed": True, "version": 3, "withdrawn": True}
    purged = json.loads(cli_run("purge", other, "--yes", "--reason", "order", "--json").stdout)
    assert purged["id"] == other and purged["versions"] >= 1
