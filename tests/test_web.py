"""The web interface's routes, with Starlette's test client: search, article, page, browse, API, safety."""

from __future__ import annotations

import dataclasses
import json
import re
from html import unescape

import pytest
from starlette.testclient import TestClient

from archive.web import create_app
from conftest import MOSUL

SUN = "articles/the-sun/2016/10/america-plotting-to-allow-9000-isis-fighters-to-escape"
RT = "articles/rt-news/2016/10/us-saudis-to-grant-9000-isis-fighters-free-passage-from"
PAGE = "pages/2016/10/saudis-and-us-accused-of-letting-isis-fighters-escape-mosul"


@pytest.fixture
def filled(archive):
    archive.ingest([str(MOSUL)])
    return archive


@pytest.fixture
def client(filled):
    return TestClient(create_app(filled.config))


def links(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]+)"', html)]


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_search_page_has_hits_highlighted_facets_and_exports(client):
    page = client.get("/", params={"q": "Mosul safe passage"})
    assert page.status_code == 200
    html = page.text
    assert "3 of 3 article(s)" in text_of(html)
    assert "<mark>safe</mark> <mark>passage</mark>" in html
    assert f'href="/{SUN}"' in html
    for facet in ("outlet", "author", "year", "page"):
        assert f'id="facet-{facet}"' in html
    assert re.search(r'outlet=RT\+News">RT News</a> <span class="count">2</span>', html)
    exports = [link for link in links(html) if link.startswith("/export")]
    assert {re.search(r"format=([\w-]+)", e).group(1) for e in exports} == {"jsonl", "csv", "csl-json", "bibtex",
                                                                            "ris"}


def test_a_facet_click_narrows_and_shows_itself_active(client):
    html = client.get("/", params={"q": "Mosul safe passage"}).text
    narrow = next(link for link in links(html) if "outlet=The+Sun" in link)
    html = client.get(narrow).text
    assert "1–1 of 1 article(s)" in text_of(html)
    assert 'class="active"' in html and "outlet: The Sun" in text_of(html)
    assert '<li class="on">' in html
    # The active value links back to the search without it.
    clear = next(link for link in links(html) if "outlet" not in link and "q=Mosul" in link and "/export" not in link)
    assert "3 of 3" in text_of(client.get(clear).text)
    # Page and year facets are filters too.
    by_page = client.get("/", params={"q": "Lockett", "page": PAGE})
    assert "1–1 of 1" in text_of(by_page.text)
    assert "0" not in re.findall(r"(\d+) of", text_of(client.get("/", params={"year": "2016"}).text))
    assert "No articles found" in client.get("/", params={"year": "undated"}).text


def test_sort_and_pages_of_results(filled):
    client = TestClient(create_app(dataclasses.replace(filled.config, search_limit=2)))
    first = client.get("/", params={"sort": "oldest"}).text
    assert "1–2 of 4 article(s)" in text_of(first) and "page 1 of 2" in first
    dates = re.findall(r"· (\d{4}-\d{2}-\d{2})</div>", first)
    assert dates == sorted(dates)
    following = next(link for link in links(first) if "p=2" in link)
    second = client.get(following).text
    assert "3–4 of 4" in text_of(second) and "sort=oldest" in following
    past = client.get("/", params={"p": "99"})  # past the end: said, not an empty page
    assert past.status_code == 400 and "is past the end" in text_of(past.text)
    newest = re.findall(r"· (\d{4}-\d{2}-\d{2})</div>", client.get("/", params={"sort": "newest"}).text)
    assert newest == sorted(newest, reverse=True)
    # With no words of the user's, a facet alone lists newest first.
    listed = re.findall(r"· (\d{4}-\d{2}-\d{2})</div>", client.get("/", params={"page": PAGE}).text)
    assert listed == sorted(listed, reverse=True) and len(listed) == 2


@pytest.mark.parametrize("params", [{"q": '"safe passage'}, {"q": "(Mosul"}, {"q": "colour:red"},
                                    {"q": "date:last-week"}, {"q": "Mosul", "since": "2016-13"},
                                    {"sort": "loudest"}, {"p": "0"}, {"p": "x"}, {"page": "../../etc"},
                                    {"year": "20166"}])
def test_a_bad_query_is_a_readable_message_not_a_500(client, params):
    page = client.get("/", params=params)
    assert page.status_code == 400
    message = re.search(r'<p class="error" role="alert">(.*?)</p>', page.text, re.S).group(1)
    assert len(message.splitlines()) == 1 and "Traceback" not in page.text
    assert client.get("/export", params={**params, "format": "csv"}).status_code == 400
    assert client.get("/api/search", params={"q": params.get("q", "x"), "since": params.get("since", "")}
                      ).status_code in (200, 400)


def test_article_page_has_fields_text_note_pages_and_versions(client, filled):
    record = filled.record(SUN)
    html = client.get(f"/{SUN}").text
    text = text_of(html)
    assert record.title in text and "Jon Lockett" in text and "The Sun" in text and "2016-10-13" in text
    assert "Fair use:" in text and record.fair_use_note in text
    assert f'href="/{PAGE}"' in html
    assert "v1" in text and "Correct" in text and "--allow-edits" in text
    assert record.body.split("\n\n")[0].strip()[:60] in text


def test_withdrawn_and_needing_review_are_marked(filled):
    filled.remove(SUN, reason="a duplicate")
    client = TestClient(create_app(filled.config))
    html = client.get(f"/{SUN}").text
    assert "Withdrawn: a duplicate" in text_of(html)
    assert 'class="tag">withdrawn' in client.get(f"/{PAGE}").text
    # The splitter's doubts show with the article, and the queue lists what the library lists.
    queue = client.get("/review")
    assert queue.status_code == 200
    total = filled.search("", needs_review=True, limit=1, facets=()).total
    assert f"Needs review: {total} article(s)" in text_of(queue.text)


def test_versions_and_a_diff_between_two(filled):
    filled.edit(SUN, {"author": "J. Lockett"}, reason="house style")
    client = TestClient(create_app(filled.config))
    html = client.get(f"/{SUN}").text
    assert "v2" in text_of(html) and "house style" in text_of(html)
    diff = client.get(f"/diff/{SUN}", params={"a": 1, "b": 2})
    assert diff.status_code == 200
    assert "author: 'Jon Lockett' -> 'J. Lockett'" in text_of(diff.text)
    assert '<span class="field">author:' in diff.text
    old = client.get(f"/{SUN}", params={"version": 1}).text
    assert "This is version 1" in text_of(old) and "Jon Lockett" in text_of(old)
    assert client.get(f"/diff/{SUN}", params={"a": 1, "b": 9}).status_code == 404
    assert client.get(f"/{SUN}", params={"version": "x"}).status_code == 400


def test_page_view_lists_its_articles_in_order(client, filled):
    html = client.get(f"/{PAGE}").text
    stored = filled.page(PAGE)["articles"]
    shown = [link[1:] for link in links(html) if link.startswith("/articles/")]
    assert shown == stored
    assert "Fair use:" in text_of(html)


def test_browse_counts_by_outlet_author_and_year(client):
    html = client.get("/browse").text
    assert "Browse 4 article(s)" in text_of(html)
    for name in ("outlet", "author", "year"):
        assert f'id="browse-{name}"' in html
    assert re.search(r'outlet=RT\+News">RT News</a> <span class="count">3</span>', html)


def test_exports_in_every_format(client):
    for fmt, type_, start in (("csv", "text/csv", "id,title"), ("jsonl", "application/x-ndjson", "{"),
                              ("csl-json", "application/vnd.citationstyles.csl+json", "["),
                              ("bibtex", "application/x-bibtex", "@article"),
                              ("ris", "application/x-research-info-systems", "TY  - NEWS")):
        response = client.get("/export", params={"q": "Mosul safe passage", "format": fmt})
        assert response.status_code == 200 and response.headers["content-type"].startswith(type_)
        assert response.text.startswith(start) and "attachment" in response.headers["content-disposition"]
    rows = client.get("/export", params={"q": "Mosul", "outlet": "The Sun", "format": "csv"}).text.splitlines()
    assert len(rows) == 2 and SUN in rows[1]
    assert client.get("/export", params={"format": "docx"}).status_code == 400


def test_the_json_api_gives_what_the_commands_json_gives(client, cli_run, archive_dir, monkeypatch):
    cli = json.loads(cli_run("search", "Mosul", "--outlet", "RT News", "--json").output)
    api = client.get("/api/search", params={"q": "Mosul", "outlet": "RT News"}).json()
    assert api == cli
    cli = json.loads(cli_run("facets", "Mosul", "--json").output)
    assert client.get("/api/facets", params={"q": "Mosul"}).json() == cli
    cli = json.loads(cli_run("show", SUN, "--json").output)
    assert client.get(f"/api/articles/{SUN}").json() == cli
    cli = json.loads(cli_run("show", PAGE, "--json").output)
    assert client.get(f"/api/articles/{PAGE}").json() == cli
    error = client.get("/api/search", params={"q": '"open'})
    assert error.status_code == 400 and "unbalanced quote" in error.json()["error"]
    assert client.get("/api/articles/articles/x/2016/10/none").status_code == 404


def test_stored_text_is_escaped_everywhere(filled):
    filled.edit(SUN, {"title": "<script>alert(1)</script> Mosul", "outlet": "<b>Sun</b>"}, reason="<i>test</i>")
    client = TestClient(create_app(filled.config))
    for url, params in (("/", {"q": "Mosul"}), (f"/{SUN}", {}), (f"/{PAGE}", {}), ("/browse", {}),
                        (f"/diff/{SUN}", {})):
        html = client.get(url, params=params).text
        assert "<script>" not in html and "<b>Sun" not in html and "<i>test" not in html, url
        assert "&lt;script&gt;" in html or "&lt;b&gt;" in html, url
    reflected = client.get("/", params={"q": '"<script>x'}).text
    assert "<script>" not in reflected


def test_security_headers_and_ids_that_cannot_be_ids(client):
    response = client.get("/")
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    for bad in ("/articles/../../etc/passwd", "/articles/%2e%2e/%2e%2e/etc/passwd", "/articles/rt-news/x",
                "/pages/..%2f..%2fetc", "/articles/RT News/2016/10/x", "/diff/articles/../../x", "/nope"):
        page = client.get(bad)
        assert page.status_code == 404, bad
        assert "default-src" in page.headers["content-security-policy"]
    assert "root:" not in client.get("/api/articles/..%2f..%2fetc%2fpasswd").text


def test_only_its_own_names_on_loopback(filled):
    client = TestClient(create_app(filled.config, hosts=["127.0.0.1", "localhost"]), base_url="http://localhost")
    assert client.get("/").status_code == 200
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400


def test_month_chart_bars_narrow_to_their_month(client):
    html = client.get("/", params={"q": "Mosul"}).text
    bar = re.search(r'<svg.*?<a href="([^"]+)"><rect', html, re.S).group(1)
    narrowed = client.get(unescape(bar)).text
    assert "since: 2016-10" in text_of(narrowed) and "until: 2016-10" in text_of(narrowed)


def test_a_bug_is_one_line_never_a_traceback(filled, monkeypatch):
    client = TestClient(create_app(filled.config))

    def broken(self):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr("archive.web.site.Site.archive", broken)
    for url in ("/", f"/{SUN}", "/api/search"):
        answer = client.get(url)
        assert answer.status_code == 500 and "Traceback" not in answer.text
        assert "internal error: RuntimeError" in answer.text
    assert "default-src" in client.get("/").headers["content-security-policy"]


def test_only_a_corrections_own_message_is_shown(client):
    assert "corrected: version 2" in client.get(f"/{SUN}", params={"saved": "corrected: version 2"}).text
    assert "Call this number" not in client.get(f"/{SUN}", params={"saved": "Call this number"}).text


def test_loopback_names_and_the_month_axis():
    from archive.web.chart import month_chart, month_range
    from archive.web.server import hosts_for

    assert "localhost" in hosts_for("127.0.0.1") and "localhost" in hosts_for("::1")
    assert hosts_for("0.0.0.0") is None and hosts_for("192.168.1.5") is None
    assert month_range("2016-11", "2017-02") == ["2016-11", "2016-12", "2017-01", "2017-02"]
    chart = month_chart((("2016-11", 4), ("2017-02", 2), ("undated", 9)), lambda m: f"/?since={m}")
    assert [b.month for b in chart.bars] == ["2016-11", "2017-02"]  # the months between are gaps
    assert chart.bars[1].x > 3 * chart.bars[0].x and chart.most == 4
    assert month_chart((("undated", 3),), str) is None
