"""Organising as in a reference manager: tags (facet, filter, query field, kept in versions), notes, saved
searches."""

from __future__ import annotations

import csv
import io
import json

import bibtexparser
import rispy

from conftest import MOSUL

SUN = "articles/the-sun/2016/10/america-plotting-to-allow-9000-isis-fighters-to-escape"


def test_tags_are_versions_a_facet_a_filter_and_a_query_field(cli_run, archive_dir):
    run = cli_run
    run("add", str(MOSUL))
    assert run("tag", SUN, "+Follow up", "+mosul").stdout == "tags: follow-up mosul (version 2)\n"
    rt = json.loads(run("list", "--outlet", "RT News", "--json").stdout)[0]["id"]
    run("tag", rt, "mosul")
    assert [h["id"] for h in json.loads(run("list", "--tag", "follow-up", "--json").stdout)] == [SUN]
    assert json.loads(run("search", "tag:mosul", "--json").stdout)["total"] == 2
    facets = json.loads(run("facets", "--facet", "tag", "--json").stdout)["facets"]["tag"]
    assert facets["mosul"] == 2 and facets["follow-up"] == 1
    assert json.loads(run("tag", SUN, "-follow-up", "--json").stdout) == {
        "id": SUN, "changed": True, "version": 3, "tags": ["mosul"]}
    assert json.loads(run("list", "--tag", "follow-up", "--json").stdout) == []
    run("add", str(MOSUL))  # a re-added page keeps them
    assert json.loads(run("show", SUN, "--json").stdout)["tags"] == ["mosul"]
    # kept in the store: a rebuilt index has them
    run("reindex", "--full")
    assert json.loads(run("search", "tag:mosul", "--json").stdout)["total"] == 2
    assert "tags" in run("history", SUN).stdout
    assert json.loads(run("tag", SUN, "+Mosul", "--json").stdout)["changed"] is False
    assert "is not a tag" in run("tag", SUN, "+!!", code=1).stderr


def test_tags_reach_the_citation_manager(cli_run):
    run = cli_run
    run("add", str(MOSUL))
    run("tag", SUN, "+mosul", "+isis")
    csl = json.loads(run("export", "--tag", "mosul", "--format", "csl-json").stdout)
    assert [i["keyword"] for i in csl] == ["mosul, isis"]
    assert bibtexparser.parse_string(run("export", "--tag", "mosul", "--format", "bibtex").stdout
                                     ).entries[0]["keywords"] == "mosul, isis"
    assert rispy.loads(run("export", "--tag", "mosul", "--format", "ris").stdout)[0]["keywords"] == ["mosul", "isis"]
    rows = list(csv.DictReader(io.StringIO(run("export", "--tag", "mosul", "--format", "csv").stdout)))
    assert rows[0]["tags"] == "mosul; isis"


def test_notes_are_kept_in_versions_and_shown(cli_run):
    run = cli_run
    run("add", str(MOSUL))
    assert run("note", SUN, "compare", "with the Reuters report").stdout == "noted: version 2\n"
    shown = run("show", SUN).stdout
    assert "note:       compare with the Reuters report (" in shown
    run("add", str(MOSUL))
    assert json.loads(run("show", SUN, "--json").stdout)["notes"][0]["text"] == "compare with the Reuters report"
    assert "needs some text" in run("note", SUN, " ", code=1).stderr


def test_saved_searches_run_with_an_at_name(cli_run, archive_dir):
    run = cli_run
    run("add", str(MOSUL))
    assert run("saved", "passage", '"safe passage" Mosul').stdout.startswith("saved @passage")
    direct = json.loads(run("search", '"safe passage" Mosul', "--json").stdout)
    assert json.loads(run("search", "@passage", "--json").stdout)["total"] == direct["total"] > 0
    assert len(json.loads(run("list", "@passage", "--json").stdout)) == direct["total"]
    assert json.loads(run("saved", "--json").stdout)["passage"]["query"] == '"safe passage" Mosul'
    assert (archive_dir / "store" / "extensions" / "archive-saved" / "searches.json").is_file()
    err = run("search", "@nothing", code=1).stderr
    assert err == "archive: error: no saved search '@nothing' (saved: @passage)\n"
    run("saved", "passage", "--delete")
    assert "no saved searches" in run("saved").stdout
    assert "cannot name a saved search" in run("saved", "a b!", "x", code=1).stderr


def test_the_article_view_shows_tags_notes_and_reasons(cli_run, archive):
    from starlette.testclient import TestClient

    from archive.web import create_app

    cli_run("add", str(MOSUL))
    cli_run("tag", SUN, "+mosul")
    cli_run("note", SUN, "a note")
    html = TestClient(create_app(archive.config)).get(f"/{SUN}").text
    assert '<a href="/?q=tag%3Amosul">mosul</a>' in html and "<li>a note (" in html
