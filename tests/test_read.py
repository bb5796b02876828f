"""Reading bytes into blocks: encodings, text, HTML."""

from __future__ import annotations

import pytest

from archive.errors import DecodeError, ParseError
from archive.extract import read_page
from conftest import PAGES


def test_text_blocks_keep_lines_of_a_paragraph():
    page = read_page(b"Title\n\nLine one\nline two\n\n\nNext", name="t.txt")
    assert [b.lines for b in page.blocks] == [("Title",), ("Line one", "line two"), ("Next",)]
    assert page.media_type == "text/plain"


def test_cp1252_is_decoded_with_a_warning():
    page = read_page("“Smart” quotes — here".encode("cp1252"), name="w.txt")
    assert page.blocks[0].text == "“Smart” quotes — here"
    assert page.warnings and "w.txt" in page.warnings[0]


def test_utf16_with_bom():
    page = read_page("Héllo\n\nworld".encode("utf-16"), name="u.txt")
    assert page.blocks[0].text == "Héllo"
    assert not page.warnings


@pytest.mark.parametrize(("raw", "error"), [
    (b"", ParseError), (b"   \n\n\t ", ParseError), (b"\x89PNG\r\n\x1a\nxxxx", DecodeError),
    (b"%PDF-1.4 xxx", DecodeError), (b"abc\x00def", DecodeError),
])
def test_bad_bytes(raw, error):
    with pytest.raises(error) as caught:
        read_page(raw, name="bad.bin")
    assert str(caught.value).startswith("bad.bin: ")


def test_html_keeps_every_visible_text_with_the_hints_of_its_markup():
    page = read_page((PAGES / "synthetic" / "d04.html").read_bytes(), name="d04.html")
    texts = [b.text for b in page.blocks]
    assert page.media_type == "text/html"
    assert page.meta.title == "The Pentagon’s Missing Emissions: Militaries Left Out of Climate Talks Again"
    assert page.meta.date == "2016-12-01"
    # Navigation and sidebars are kept, marked by where they sit: the labeller, not the reader, decides.
    recent = next(b for b in page.blocks if "Recent Posts" in b.text)
    assert any(h.startswith(("in_", "cls_")) for h in recent.hints)
    heading = next(b for b in page.blocks if b.text.startswith("World’s Largest"))
    assert heading.kind == "heading" and len(heading.lines) == 2 and "in_article" in heading.hints
    assert any(b.kind == "separator" for b in page.blocks)
    assert any(b.kind == "list" for b in page.blocks)
    assert texts.index(recent.text) > texts.index(heading.text)


def test_html_hidden_in_markup_the_parser_cannot_read_is_read_as_text():
    deep = ("<div>" * 3000 + "<p>" + "A paragraph of the page's own text that must not be lost. " * 8 + "</p>"
            + "</div>" * 3000)
    page = read_page(f"<html><body>{deep}</body></html>".encode(), name="deep.html")
    assert any("must not be lost" in b.text for b in page.blocks)


def test_html_scripts_and_entities_are_not_text():
    html = b"<html><body><script>alert(1)</script><style>p{}</style><p>A &amp; B</p><!-- hidden --></body></html>"
    page = read_page(html, name="x.html")
    assert [b.text for b in page.blocks] == ["A & B"]
