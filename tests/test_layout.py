"""Slugs, ids and paths."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from archive.catalog.ids import MAX_SLUG, article_path, normalize_id, page_path, slugify

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@given(st.text(max_size=400))
def test_any_text_gives_a_bounded_ascii_slug(text):
    slug = slugify(text)
    assert SLUG_RE.match(slug)
    assert len(slug) <= MAX_SLUG


@given(st.text(max_size=200), st.text(max_size=80),
       st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())), st.integers(1, 999))
def test_article_id_round_trips_through_path(title, outlet, date, suffix):
    object_id = article_path(outlet, date, title, suffix=suffix)
    assert normalize_id(object_id) == object_id
    assert normalize_id(object_id.removeprefix("articles/")) == object_id
    assert all(len(part.encode()) < 255 for part in object_id.split("/"))


def test_slug_examples():
    assert slugify("US, Saudis To Grant 9,000 ISIS Fighters") == "us-saudis-to-grant-9000-isis-fighters"
    assert slugify("São Paulo’s Straße") == "sao-paulos-strasse"
    assert slugify("!!!") == "untitled"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("CON") == "con-x"
    assert slugify("a" * 1000) == "a" * MAX_SLUG


def test_paths_for_undated_and_unknown():
    assert article_path(None, None, "A Title") == "articles/unknown-outlet/undated/a-title"
    assert page_path("2016-10-20", "Page") == "pages/2016/10/page"
    assert article_path("RT News", "2016-10-20", "A Title", suffix=2) == "articles/rt-news/2016/10/a-title-2"


def test_two_articles_named_alike_each_get_an_id_with_a_suffix(archive):
    from archive import catalog
    from archive.models import Article, SplitPage

    def page(title: str, body: str) -> tuple[bytes, SplitPage]:
        article = Article(title="Editorial", body=body, outlet="The Sun", date="2016-10-20")
        return body.encode(), SplitPage(f"{title}.txt", title, "2016-10-20", None, None, None, (article,))

    archive.create_store()
    _, failure = catalog.store_batch(archive.store, [page("One", "The council met on Monday about the river."),
                                                     page("Two", "Copper prices fell for a third week.")],
                                     index=lambda records: [])
    assert failure is None
    assert sorted(archive.store.iter_ids("articles")) == ["articles/the-sun/2016/10/editorial",
                                                          "articles/the-sun/2016/10/editorial-2"]
