"""Corrections from the browser: only with --allow-edits, by POST with a CSRF token, as `archive edit` makes them."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from archive.web import create_app
from conftest import MOSUL

SUN = "articles/the-sun/2016/10/america-plotting-to-allow-9000-isis-fighters-to-escape"


@pytest.fixture
def filled(archive):
    archive.ingest([str(MOSUL)])
    return archive


def token(client: TestClient, url: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', client.get(url).text).group(1)


def test_a_correction_is_a_new_version_as_archive_edit_makes_it(filled, cli_run, tmp_path):
    client = TestClient(create_app(filled.config, allow_edits=True))
    form = client.get(f"/edit/{SUN}")
    assert form.status_code == 200 and 'value="Jon Lockett"' in form.text
    csrf = token(client, f"/edit/{SUN}")
    saved = client.post(f"/edit/{SUN}", data={"csrf": csrf, "title": filled.record(SUN).title, "outlet": "The Sun",
                                              "author": "J. Lockett", "date": "2016-10-13", "reason": "house style"},
                        follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"].startswith(f"/{SUN}?saved=")
    page = client.get(saved.headers["location"]).text
    assert "corrected: version 2" in page and "J. Lockett" in page
    record = filled.record(SUN)
    assert record.version == 2 and record.author == "J. Lockett"
    assert [(c.field, c.value, c.reason) for c in record.corrections] == [("author", "J. Lockett", "house style")]
    assert filled.history(SUN)[-1].changed == ("author", "corrections")
    assert filled.search("Lockett", outlet="The Sun").hits[0].author == "J. Lockett"
    # The same correction made by the command makes the same version (but for the time it was made).
    cli_run("edit", SUN, "--author", "J. Lockett", "--reason", "house style")
    by_web, by_cli = filled.record(SUN, version=2), filled.record(SUN)
    assert by_cli.version in (2, 3)  # a correction made again in a later second is a version of its own
    fields = ("title", "outlet", "author", "date", "body", "withdrawn", "review_reasons", "sightings")
    assert [getattr(by_web, f) for f in fields] == [getattr(by_cli, f) for f in fields]
    assert [(c.field, c.value, c.reason) for c in by_web.corrections] == [
        (c.field, c.value, c.reason) for c in by_cli.corrections]
    history = filled.history(SUN)
    assert history[1].message == history[-1].message


def test_a_bad_correction_is_said_on_the_form(filled):
    client = TestClient(create_app(filled.config, allow_edits=True))
    csrf = token(client, f"/edit/{SUN}")
    for data, said in (({"date": "last week", "reason": "r"}, "is not a real day"),
                       ({"author": "X", "reason": " "}, "reason"),
                       ({"author": "Jon Lockett", "reason": "r"}, "nothing to change")):
        answer = client.post(f"/edit/{SUN}", data={"csrf": csrf, **data})
        assert answer.status_code == 400 and said in answer.text
    assert filled.record(SUN).version == 1


def test_withdraw_with_a_reason(filled):
    client = TestClient(create_app(filled.config, allow_edits=True))
    csrf = token(client, f"/{SUN}")
    answer = client.post(f"/withdraw/{SUN}", data={"csrf": csrf, "reason": "a duplicate"})
    assert answer.status_code == 200 and "withdrawn: version 2" in answer.text
    assert filled.record(SUN).withdrawn == "a duplicate"
    assert filled.search("Lockett").total == 0
    assert client.post(f"/withdraw/{SUN}", data={"csrf": csrf, "reason": ""}).status_code == 400


def test_refused_without_allow_edits(filled):
    client = TestClient(create_app(filled.config))
    assert "/edit/" not in client.get(f"/{SUN}").text
    form = client.get(f"/edit/{SUN}")
    assert form.status_code == 403 and "--allow-edits" in form.text
    for url in (f"/edit/{SUN}", f"/withdraw/{SUN}"):
        assert client.post(url, data={"author": "X", "reason": "r"}).status_code == 403
    assert filled.record(SUN).version == 1


def test_a_post_without_the_right_token_is_refused(filled):
    app = create_app(filled.config, allow_edits=True)
    client = TestClient(app)
    csrf = token(client, f"/{SUN}")
    assert client.post(f"/edit/{SUN}", data={"author": "X", "reason": "r"}).status_code == 403
    assert client.post(f"/edit/{SUN}", data={"csrf": "0" * 64, "author": "X", "reason": "r"}).status_code == 403
    other = TestClient(app)  # another browser: another cookie, so the first one's token is no good
    token(other, f"/{SUN}")
    assert other.post(f"/edit/{SUN}", data={"csrf": csrf, "author": "X", "reason": "r"}).status_code == 403
    # Every form that changes something carries the token.
    for url in (f"/{SUN}", f"/edit/{SUN}"):
        html = client.get(url).text
        for form in re.findall(r'<form method="post".*?</form>', html, re.S):
            assert 'name="csrf"' in form
    assert filled.record(SUN).version == 1


def test_a_get_never_changes_anything(filled):
    client = TestClient(create_app(filled.config, allow_edits=True))
    csrf = token(client, f"/{SUN}")
    for url in (f"/edit/{SUN}?author=X&reason=r&csrf={csrf}", f"/withdraw/{SUN}?reason=r&csrf={csrf}"):
        assert client.get(url).status_code in (200, 405)
    assert filled.record(SUN).version == 1
