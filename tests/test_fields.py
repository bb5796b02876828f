"""Fields: articles assembled from headers, with what their trailers and the source line add."""

from __future__ import annotations

from archive.extract.features import Header, classify
from archive.extract.fields import build_articles, page_title, unused_entries
from archive.extract.lines import SourceEntry
from archive.models import Block, SourcePage

BLOCKS = [Block((text,)) for text in (
    "A Compilation of the Week",
    "Harbor Council Blocks the Pipeline",
    "Jon Lockett / The Sun",
    "(October 20, 2016) — The harbor council voted on Thursday to block the pipeline.",
    "Read more: https://example.org/2016/10/20/harbor/",
    "Second Story Without a Byline",
    "The river rose again on Friday and the mayor warned residents.",
    "https://news.example.org/2016/10/21/river-rises/",
)]
INFOS = [classify(b) for b in BLOCKS]
ENTRIES = [SourceEntry("The Sun", ("Jon Lockett",), "Jon Lockett / The Sun"),
           SourceEntry("River Weekly", (), "River Weekly")]


def headers() -> list[Header]:
    return [Header(start=1, body=3, end=3, title=BLOCKS[1].text, title_index=1, byline=INFOS[2].byline,
                   dateline=INFOS[3].dateline),
            Header(start=5, body=6, title=BLOCKS[5].text, title_index=5)]


def test_page_title_is_the_headline_before_the_first_article():
    page = SourcePage(name="p", raw=b"", media_type="text/plain", encoding="utf-8", blocks=tuple(BLOCKS))
    assert page_title(INFOS, headers(), page) == "A Compilation of the Week"


def test_source_line_entries_no_byline_names_are_unused():
    assert [e.outlet for e in unused_entries(headers(), ENTRIES)] == ["River Weekly"]


def test_an_article_with_byline_and_dateline():
    first = build_articles(INFOS, headers(), ENTRIES, "A Compilation of the Week")[0]
    assert (first.title, first.outlet, first.author, first.date) == (
        "Harbor Council Blocks the Pipeline", "The Sun", "Jon Lockett", "2016-10-20")
    # The dateline is cut from the body; the "Read more" trailer is not text.
    assert first.body == "The harbor council voted on Thursday to block the pipeline."
    assert first.date_text == "(October 20, 2016) —"
    assert not first.review and first.position == 1


def test_what_the_source_line_and_a_source_url_add_is_flagged():
    second = build_articles(INFOS, headers(), ENTRIES, "A Compilation of the Week")[1]
    assert (second.outlet, second.date) == ("River Weekly", "2016-10-21")
    assert second.review_reasons == ("outlet taken from the source line", "date taken from a source URL")
    assert second.body.endswith("warned residents.")


def test_the_authors_name_leaves_the_title_and_the_bio_leaves_the_body():
    blocks = [Block(("Why the Harbor Matters – Jon Lockett",)), Block(("Jon Lockett / The Sun",)),
              Block(("The harbor council voted on Thursday to block the pipeline.",)),
              Block(("Jon Lockett is a reporter who has covered the harbor for ten years.",))]
    infos = [classify(b) for b in blocks]
    header = Header(start=0, body=2, title=blocks[0].text, title_index=0, byline=infos[1].byline)
    article = build_articles(infos, [header], [], None)[0]
    assert article.title == "Why the Harbor Matters"
    assert article.body == "The harbor council voted on Thursday to block the pipeline."


def test_an_article_without_a_headline_takes_the_page_title_and_says_so():
    blocks = [Block(("The river rose again on Friday and the mayor warned residents.",))]
    article = build_articles([classify(b) for b in blocks], [Header(start=0, body=0)], [], "Page Title")[0]
    assert article.title == "Page Title"
    assert set(article.review_reasons) == {"headline guessed", "no byline", "no date"} and article.review
