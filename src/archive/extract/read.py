"""Reading: bytes -> ``SourcePage`` of text blocks.

Decodes the bytes (``decode``), tells plain text from HTML, and cuts the page's
main content into blocks: a plain-text paragraph is a block, HTML's blocks come
from ``html`` with the hints its markup carries.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import ParseError
from ..models import Block, SourceMeta, SourcePage
from .decode import decode_bytes, is_html
from .html import read_html, strip_tags
from .patterns import TEXT_PARAGRAPH_BREAK_RE


def read_page(raw: bytes, *, name: str, max_bytes: int | None = None) -> SourcePage:
    """Decode ``raw`` and cut it into blocks.

    Raises:
        DecodeError: the bytes are binary or not text.
        ParseError: no text is left once the page is read.
    """
    if max_bytes is not None and len(raw) > max_bytes:
        raise ParseError(f"{name}: page is {len(raw):,} bytes, over max_page_bytes ({max_bytes:,})",
                         path=name)
    text, encoding, warnings = decode_bytes(raw, name=name)
    if is_html(raw, text):
        blocks, meta, parsed = read_html(text, name=name)
        media_type = "text/html"
        plain = strip_tags(text)
        seen = sum(len(b.text) for b in blocks)
        if len(" ".join(parsed.split())) < len(plain) * 0.5 or (seen < 200 <= len(plain)):
            # The parser gave up on part of the page (nesting beyond libxml2's limit, broken markup),
            # or the text sits where no block holds it: read the text without the markup rather than lose it.
            blocks = _read_text(plain)
            meta = replace(meta, read_as_text=True)
            warnings = [*warnings, f"{name}: HTML too deeply nested, broken or hidden to parse; read as plain text"]
    else:
        blocks, meta = _read_text(text), SourceMeta()
        media_type = "text/plain"
    if not any(b.text.strip() for b in blocks):
        raise ParseError(f"{name}: no text found in the page", path=name)
    return SourcePage(name=name, raw=raw, media_type=media_type, encoding=encoding,
                      blocks=tuple(blocks), meta=meta, warnings=tuple(warnings))


def _read_text(text: str) -> list[Block]:
    blocks: list[Block] = []
    for chunk in TEXT_PARAGRAPH_BREAK_RE.split(text):
        lines = tuple(" ".join(line.split()) for line in chunk.split("\n") if line.strip())
        if lines:
            blocks.append(Block(lines))
    return blocks
