"""The library API: ingest into a store that ocfl-py accepts; versions and sightings."""

from __future__ import annotations

import json

import pytest

from archive.errors import StoreCorrupt, StoreError
from conftest import MOSUL, PAGES

ocfl = pytest.importorskip("ocfl")


def test_store_built_from_every_test_page_is_valid_ocfl(archive):
    names = sorted(str(p) for p in PAGES.rglob("*") if p.suffix in (".txt", ".html"))
    report = archive.ingest(names)
    assert len(report.pages) == len(names)
    root = ocfl.StorageRoot(root=str(archive.config.store_path))
    assert root.validate(), root.log
    assert root.num_objects == root.good_objects > len(names)
    assert archive.verify() == []


def test_same_article_in_two_pages_is_one_article_with_two_sightings(archive, tmp_path):
    text = MOSUL.read_text(encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(text.replace("Saudis and US Accused", "A Second Compilation:"), encoding="utf-8")
    archive.ingest([str(MOSUL)])
    report = archive.ingest([str(other)])
    assert [a.status for a in report.pages[0].articles] == ["new version"] * 4
    record = archive.record(report.pages[0].articles[0].id)
    assert len(record.sightings) == 2
    assert record.version == 2
    assert archive.count_articles() == 4


def test_corrected_page_makes_new_versions_and_keeps_the_old(archive, tmp_path):
    archive.ingest([str(MOSUL)])
    fixed = tmp_path / "fixed.txt"
    fixed.write_text(MOSUL.read_text(encoding="utf-8").replace("Peter Hawkins, told RT.",
                                                               "Peter Hawkins, told RT on Thursday."),
                     encoding="utf-8")
    report = archive.ingest([str(fixed)])
    statuses = [a.status for a in report.pages[0].articles]
    assert report.pages[0].status == "new version"
    assert statuses[-1] == "new version"
    last = report.pages[0].articles[-1].id
    assert archive.record(last).body.endswith("told RT on Thursday.")
    assert archive.record(last, version=1).body.endswith("told RT.")
    page = json.loads(archive.store.read(report.pages[0].page_id, "page.json"))
    assert page["articles"] == [a.id for a in report.pages[0].articles]
    assert archive.verify() == []


def test_article_markdown_is_readable(archive):
    report = archive.ingest([str(MOSUL)])
    first = report.pages[0].articles[2]
    md = archive.store.read(first.id, "article.md").decode()
    assert md.startswith("---\n")
    assert 'outlet: "The Sun"' in md and 'author: "Jon Lockett"' in md
    assert "\n# America ‘Plotting" in md


def test_a_corrupt_article_is_reported_never_taken_for_a_new_one(archive):
    report = archive.ingest([str(MOSUL)])
    first = report.pages[0].articles[0].id
    archive.store.files(first)["meta.json"].path.write_text("{not json")
    with pytest.raises(StoreError, match=r"unreadable meta\.json.*nothing of this page was stored"):
        archive.ingest([str(MOSUL)])
    assert archive.count_articles() == 4
    with pytest.raises(StoreCorrupt, match="unreadable article files"):
        archive.body(first)
