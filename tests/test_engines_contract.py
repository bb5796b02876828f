"""The index contract: the same tests, run against every engine (Whoosh in a folder, PostgreSQL on a server).

A search means the same whichever engine answers it: which articles a query
finds, the order of clear cases, facet counts over every hit, highlighted
snippets, filters, paging, errors on bad syntax, and searching while another
process adds pages.  The PostgreSQL runs get a real server (``pg_server`` in
conftest: a throwaway cluster, or ``ARCHIVE_TEST_PG_URL``).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from archive.api import Archive
from archive.config import load_config
from archive.errors import QueryError
from crashkit import run_archive, start_archive
from enginekit import ARTICLES, page_of, write_config
from pagewriter import simple_page

ENGINES = ["whoosh", "postgresql"]

def new_archive(folder: Path, engine: str, request: pytest.FixtureRequest) -> Archive:
    import pgserver

    url = None
    if engine == "postgresql":
        server = request.getfixturevalue("pg_server")
        url = pgserver.create_database(server)
        request.addfinalizer(lambda: pgserver.drop_database(server, url))
    folder.mkdir(parents=True, exist_ok=True)
    write_config(folder, engine, url)
    return Archive(load_config(folder / "archive.toml"))


@pytest.fixture(scope="module", params=ENGINES)
def corpus(request, tmp_path_factory):
    """An archive of ``ARTICLES`` (read-only tests share it), one per engine."""
    folder = tmp_path_factory.mktemp(f"corpus-{request.param}")
    archive = new_archive(folder, request.param, request)
    page = folder / "page.txt"
    page.write_text(page_of(ARTICLES), encoding="utf-8")
    archive.ingest([str(page)])
    assert archive.count_articles() == len(ARTICLES)
    yield archive
    archive.index.close()


@pytest.fixture(params=ENGINES)
def fresh(request, tmp_path):
    """An empty archive of one engine, for tests that write."""
    archive = new_archive(tmp_path / "archive", request.param, request)
    yield archive
    archive.index.close()


def titles(archive: Archive, query: str, **options) -> set[str]:
    return {hit.title for hit in archive.search(query, limit=50, **options).hits}


GLACIER, COPPER, HARBOUR, REFUGEES, SENATE = (a[0] for a in ARTICLES)


@pytest.mark.parametrize(("query", "expected"), [
    ("glacier copper", {GLACIER, COPPER}),
    ('"safe passage"', {HARBOUR, REFUGEES}),
    ('"passage safe"', set()),
    ("glacier OR pier", {GLACIER, COPPER, HARBOUR, SENATE}),
    ("copper NOT glacier", {SENATE}),
    ("copper -glacier", {SENATE}),
    ("(glacier OR pier) senate", {SENATE}),
    ("glacier OR pier senate", {SENATE}),  # words side by side bind loosest: (glacier OR pier) AND senate
    ("glacier OR pier AND senate", {GLACIER, COPPER, SENATE}),  # AND binds tighter than OR
    ("copper ANDNOT glacier OR pier", set()),  # ANDNOT looser than OR: copper ANDNOT (glacier OR pier)
    ("title:copper", {COPPER}),
    ("outlet:ledger", {GLACIER, HARBOUR}),
    ("author:okafor", {COPPER}),
    ("Okafor", {COPPER}),
    ("glaci*", {GLACIER, COPPER}),
    ("glacer~", {GLACIER, COPPER}),
    ("passages", {HARBOUR, REFUGEES}),
    ("Sao Paulo", {REFUGEES}),
    ("date:2015", {GLACIER, COPPER}),
    ("date:2016-09", {REFUGEES}),
    ("date:2017-02-14", {SENATE}),
    ("date:[2015-05-01 TO 2016-01-31]", {COPPER, HARBOUR}),
    ("copper date:[2016-01-01 TO 2017-12-31]", {SENATE}),
    ("year:2016 passage", {HARBOUR, REFUGEES}),
])
def test_a_query_finds_the_same_articles_in_every_engine(corpus, query, expected):
    assert titles(corpus, query) == expected


def test_the_clear_case_ranks_first(corpus):
    # three glaciers in the text and one in the title, against one in passing
    assert [h.title for h in corpus.search("glacier").hits] == [GLACIER, COPPER]
    assert corpus.search("copper").hits[0].title == COPPER


def test_facets_count_every_hit_not_only_the_page_shown(corpus):
    result = corpus.search("copper OR pier", limit=1, facets=("outlet", "year", "author"))
    assert result.total == 4 and len(result.hits) == 1
    facets = {f.name: dict(f.counts) for f in result.facets}
    assert facets["outlet"] == {"Pacific Wire": 2, "The Coastal Ledger": 2}
    assert facets["year"] == {"2015": 2, "2016": 1, "2017": 1}
    assert facets["author"]["Tomas Okafor"] == 1


def test_facets_are_exact(corpus):
    result = corpus.search("", facets=("outlet", "year"))
    facets = {f.name: list(f.counts) for f in result.facets}
    assert facets["outlet"] == [("Pacific Wire", 2), ("The Coastal Ledger", 2), ("Relief Dispatch", 1)]
    assert facets["year"] == [("2015", 2), ("2016", 2), ("2017", 1)]


def test_snippets_highlight_the_words_found(corpus):
    hit = corpus.search("harbour council pier").hits[0]
    assert hit.title == HARBOUR and hit.highlights
    marked = {hit.snippet[a:b].lower() for a, b in hit.highlights}
    assert marked <= {"harbour", "council", "pier"} and "pier" in marked
    assert "\x02" not in hit.snippet and "\x03" not in hit.snippet


@pytest.mark.parametrize(("options", "expected"), [
    ({"outlet": "Pacific Wire"}, {COPPER, SENATE}),
    ({"outlet": "pacific  WIRE"}, {COPPER, SENATE}),  # names match whatever their case and spacing
    ({"author": "Grace Kovac"}, {SENATE}),
    ({"author": "grace kovač"}, {SENATE}),  # ... and accents
    ({"since": "2016"}, {HARBOUR, REFUGEES, SENATE}),
    ({"until": "2015-06"}, {GLACIER, COPPER}),
    ({"since": "2015-06-20", "until": "2016-01-11"}, {COPPER, HARBOUR}),
])
def test_filters_narrow_a_search(corpus, options, expected):
    assert titles(corpus, "", **options) == expected


def test_paging_and_sorting(corpus):
    newest = [h.title for h in corpus.search("", sort="newest", limit=50).hits]
    assert newest == [SENATE, REFUGEES, HARBOUR, COPPER, GLACIER]
    assert [h.title for h in corpus.search("", sort="oldest", limit=50).hits] == newest[::-1]
    pages = [[h.title for h in corpus.search("", sort="newest", limit=2, page=n).hits] for n in (1, 2, 3)]
    assert pages == [newest[:2], newest[2:4], newest[4:]]
    with pytest.raises(QueryError, match="past the end"):
        corpus.search("", limit=2, page=4)


@pytest.mark.parametrize(("query", "words"), [
    ('"safe passage', "unbalanced quote"),
    ("(glacier OR copper", "unbalanced parenthesis"),
    ("colour:red", "unknown field"),
    ("date:2016-02-30", "bad date"),
    ("date:[2017 TO 2016]", "reversed"),
    ("*lacier", "starts with a wildcard"),
])
def test_bad_syntax_is_one_clear_error(corpus, query, words):
    with pytest.raises(QueryError, match=words) as caught:
        corpus.search(query)
    assert "\n" not in str(caught.value)


def test_did_you_mean_only_when_the_correction_finds_something(corpus):
    result = corpus.search("glacer")
    assert result.total == 0 and result.suggestion == "glacier" and result.suggestion_total == 2
    assert corpus.search("zzzqqq").suggestion is None
    # the correction is searched with the same filters: said with its count, or not at all
    filtered = corpus.search("glacer", outlet="Pacific Wire")
    assert (filtered.suggestion, filtered.suggestion_total) == ("glacier", 1)
    assert corpus.search("glacer", outlet="Relief Dispatch").suggestion is None


def test_similar_articles_share_rare_words(corpus):
    glacier = next(h.id for h in corpus.search("glacier").hits if h.title == GLACIER)
    similar = corpus.similar(glacier, limit=3)
    assert similar and similar[0].title == COPPER and glacier not in {h.id for h in similar}


def test_withdrawn_and_edited_articles_follow_the_store(fresh, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(page_of(ARTICLES), encoding="utf-8")
    fresh.ingest([str(page)])
    senate = fresh.search("senate").hits[0].id
    fresh.edit(senate, {"title": "Senate Postpones Budget Vote"}, reason="headline as printed")
    assert titles(fresh, "postpones") == {"Senate Postpones Budget Vote"}
    # a query of NOT alone finds what is stored now, never a version replaced since
    copper = next(h.id for h in fresh.search("copper prices").hits)
    fresh.tag(copper, add=["mining"], remove=[])
    fresh.edit(copper, {"author": "Tomas Okafor & Ann Lee"}, reason="joint byline")
    assert titles(fresh, "-postpones") == {GLACIER, COPPER, HARBOUR, REFUGEES}
    assert titles(fresh, "-copper") == {HARBOUR, REFUGEES}
    fresh.remove(senate, reason="withdrawn by the outlet")
    assert fresh.search("senate").total == 0


def test_tags_and_joint_credits_are_filters_and_facet_values(fresh, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(page_of(ARTICLES), encoding="utf-8")
    fresh.ingest([str(page)])
    ids = {hit.title: hit.id for hit in fresh.search("", limit=10).hits}
    fresh.tag(ids[GLACIER], add=["Climate"], remove=[])
    fresh.tag(ids[COPPER], add=["climate", "mining"], remove=[])
    fresh.edit(ids[SENATE], {"author": "Grace Kovac & Omar Marsh"}, reason="joint byline as printed")
    assert titles(fresh, "", tag="climate") == titles(fresh, "tag:Climate") == {GLACIER, COPPER}
    fresh.tag(ids[HARBOUR], add=["Follow up"], remove=[])  # kept as "follow-up"; found as written
    assert titles(fresh, "", tag="Follow up") == titles(fresh, "", tag="follow-up") == {HARBOUR}
    assert titles(fresh, "tag:mining copper") == {COPPER}
    assert titles(fresh, "", author="omar marsh") == {REFUGEES, SENATE}
    facets = {f.name: dict(f.counts) for f in fresh.search("", facets=("tag", "author")).facets}
    assert facets["tag"]["climate"] == 2 and facets["tag"]["mining"] == 1
    assert facets["author"]["Omar Marsh"] == 2 and facets["author"]["Grace Kovac"] == 1


def test_a_full_reindex_fills_the_configured_engine_from_the_store(fresh, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(page_of(ARTICLES), encoding="utf-8")
    fresh.ingest([str(page)])
    before = fresh.index.stored()
    assert fresh.reindex(full=True) == len(ARTICLES)
    assert fresh.index.stored() == before and fresh.index.doc_count() == len(ARTICLES)
    assert not fresh.index.leftovers()
    assert titles(fresh, "glacier copper") == {GLACIER, COPPER}


def test_searches_answer_while_another_process_adds_pages(fresh, tmp_path):
    folder = fresh.config.root
    names = []
    for n in range(6):
        (folder / f"p{n}.txt").write_text(simple_page(100 + n, articles=3), encoding="utf-8")
        names.append(f"p{n}.txt")
    first = run_archive(folder, "add", names[0])
    assert first.returncode == 0, first.stderr
    adder = start_archive(folder, "add", *names[1:])
    totals = []
    deadline = time.monotonic() + 120
    while adder.poll() is None and time.monotonic() < deadline:
        totals.append(fresh.search("", limit=1).total)
        time.sleep(0.05)
    _, err = adder.communicate(timeout=60)
    assert adder.returncode == 0, err
    totals.append(fresh.search("", limit=1).total)
    assert len(totals) > 2, "no search ran while the pages were added"
    assert totals == sorted(totals) and totals[0] >= 3 and totals[-1] == 18
