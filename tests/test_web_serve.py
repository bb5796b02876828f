"""`archive serve` as a real process, and the web interface while another process adds pages."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request

from starlette.testclient import TestClient

from archive.web import create_app
from conftest import MOSUL
from pagewriter import simple_page
from webserver import start_server, stop_server


def fetch(url: str) -> tuple[int, str, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(), dict(exc.headers)


def test_serve_listens_on_loopback_and_stops_cleanly(archive, archive_dir):
    archive.ingest([str(MOSUL)])
    proc, address = start_server(archive_dir)
    try:
        assert address.startswith("http://127.0.0.1:")
        status, html, headers = fetch(f"{address}?q=Mosul+safe+passage")
        assert status == 200 and "3 of 3 article(s)" in html
        assert "default-src 'none'" in headers["content-security-policy"]
        assert "server" not in {k.lower() for k in headers}
        status, body, _ = fetch(f"{address}api/search?q=%22open")
        assert status == 400 and "unbalanced quote" in json.loads(body)["error"]
    finally:
        code, err = stop_server(proc)
    assert code == 130 and err == "archive: interrupted\n"  # as every command ends on Ctrl-C


def test_answers_are_sent_at_once_not_held_for_an_acknowledgement():
    from archive.web.server import bind

    listening = bind("127.0.0.1", 0)
    client = socket.create_connection(listening.getsockname())
    conn, _ = listening.accept()
    try:
        # What asyncio checks before it turns Nagle's algorithm off on an accepted connection, and the result.
        assert conn.proto == socket.IPPROTO_TCP
        assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    finally:
        for s in (conn, client, listening):
            s.close()


def test_serve_says_in_one_line_what_is_wrong(archive, archive_dir, tmp_path):
    archive.ingest([str(MOSUL)])
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("ARCHIVE_CONFIG", None)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = str(taken.getsockname()[1])
        run = subprocess.run([sys.executable, "-m", "archive", "serve", "--port", port], cwd=archive_dir, env=env,
                             capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and run.stderr.count("\n") == 1
    assert run.stderr.startswith(f"archive: error: cannot listen on 127.0.0.1:{port}")
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "archive.toml").write_text((archive_dir / "archive.toml").read_text())
    run = subprocess.run([sys.executable, "-m", "archive", "serve", "--port", "0"], cwd=empty, env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and run.stderr.startswith("archive: error:") and "Traceback" not in run.stderr


def test_searching_while_another_process_adds_pages(archive, archive_dir):
    archive.ingest([str(MOSUL)])
    names = []
    for n in range(20):
        page = archive_dir / f"p{n}.txt"
        page.write_text(simple_page(700 + n, articles=2), encoding="utf-8")
        names.append(page.name)
    client = TestClient(create_app(archive.config))
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("ARCHIVE_CONFIG", None)
    adding = subprocess.Popen([sys.executable, "-m", "archive", "add", "-q", *names], cwd=archive_dir, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = []
    while adding.poll() is None or not seen:
        page = client.get("/", params={"q": "title:Plan"})
        assert page.status_code == 200, page.text
        api = client.get("/api/search", params={"q": "title:Plan", "limit": "1"})
        assert api.status_code == 200, api.text
        seen.append(api.json()["total"])
    _, err = adding.communicate(timeout=600)
    assert adding.returncode == 0, err
    assert seen == sorted(seen)  # never fewer than before
    final = client.get("/api/search", params={"q": "title:Plan", "limit": "1"}).json()["total"]
    assert final == archive.search("title:Plan", limit=1).total == archive.count_articles() - 4 == 40
    assert client.get("/api/facets").json()["total"] == 44
