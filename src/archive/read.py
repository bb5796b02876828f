"""Reading: bytes -> ``SourcePage`` of text blocks.

Decodes the bytes (UTF-8, a BOM, or a guessed single-byte encoding with a
warning), tells plain text from HTML, and cuts the page's main content into
blocks.  HTML's navigation, sidebars and widgets are dropped here, and its
markup becomes the same blocks the text path gives, with hints (heading,
emphasis, separator...) so that one splitter serves both.
"""

from __future__ import annotations

import codecs
import html
import json
import re
from collections.abc import Iterator
from typing import Any

import lxml.etree
import lxml.html
from bs4 import UnicodeDammit

from .errors import DecodeError, ParseError
from .metadata import find_date
from .models import Block, SourceMeta, SourcePage
from .text import clean

_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image", b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive",
    b"\x7fELF": "an executable", b"MZ": "an executable", b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image", b"\x1f\x8b": "a gzip archive",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_SNIFF_RE = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)?"
                            rb"<(?:!doctype\s+html|html|head|body|meta|div|p|article)\b",
                            re.IGNORECASE | re.DOTALL)
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "form", "nav", "aside", "footer",
              "button", "select", "svg", "canvas", "object", "embed", "input", "textarea", "head")
_DROP_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(?:sidebar|widget|share|sharing|sharedaddy|social|related|comments?|respond|menu|"
    r"nav|navigation|breadcrumbs?|footer|post-tags|tags-links|cat-links|meta-single|skip-link|"
    r"screen-reader-text|site-header|site-footer|advert|ads|cookie|newsletter|subscribe)(?:$|[\s_-])",
    re.IGNORECASE,
)
_CONTENT_XPATHS = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' post-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' article-body ')]",
    "//*[@itemprop='articleBody']",
    "//article",
    "//main",
    "//*[@role='main']",
    "//*[@id='content']",
)
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption",
               "pre", "td", "th", "dd", "dt", "section", "article", "figure", "ul", "ol", "table",
               "tr", "tbody", "thead", "main", "header", "hr", "center", "address", "dl"}


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
    if _is_html(raw, text):
        blocks, meta, parsed = _read_html(text, name=name)
        media_type = "text/html"
        plain = _strip_tags(text)
        if len(" ".join(parsed.split())) < len(plain) * 0.5:
            # The parser gave up on part of the page (nesting beyond libxml2's limit, broken markup):
            # read its text without the markup rather than lose it.
            blocks = _read_text(plain)
            warnings = [*warnings, f"{name}: HTML too deeply nested or broken to parse; read as plain text"]
    else:
        blocks, meta = _read_text(text), SourceMeta()
        media_type = "text/plain"
    if not any(b.text.strip() for b in blocks):
        raise ParseError(f"{name}: no text found in the page", path=name)
    return SourcePage(name=name, raw=raw, media_type=media_type, encoding=encoding,
                      blocks=tuple(blocks), meta=meta, warnings=tuple(warnings))


def decode_bytes(raw: bytes, *, name: str) -> tuple[str, str, list[str]]:
    """Bytes -> (text, encoding, warnings).  UTF-8 and BOMs are trusted; cp1252 is a guess."""
    if not raw.strip():
        raise ParseError(f"{name}: the file is empty", path=name)
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return _clean_text(raw.decode(encoding)), encoding.replace("-sig", ""), []
            except UnicodeDecodeError as exc:
                raise DecodeError(f"{name}: not valid {encoding} after its byte-order mark ({exc.reason})",
                                  path=name) from None
    for magic, what in _BINARY_MAGIC.items():
        if raw.startswith(magic):
            raise DecodeError(f"{name}: this is {what}, not a text or HTML page", path=name)
    sample = raw[:65536]
    if b"\x00" in sample:
        raise DecodeError(f"{name}: binary data (NUL bytes), not a text or HTML page", path=name)
    try:
        text, encoding, warnings = _repair_mojibake(raw.decode("utf-8"), name)
        return _clean_text(text), encoding, warnings
    except UnicodeDecodeError:
        pass
    if len(_UTF8_SEQUENCE_RE.findall(sample)) >= 2:
        # Mostly UTF-8 with pieces in Windows-1252 (pages pasted together): read those pieces as such.
        text = re.sub("[\udc80-\udcff]+", lambda m: bytes(ord(c) - 0xDC00 for c in m.group(0)).decode(
            "cp1252", errors="replace"), raw.decode("utf-8", errors="surrogateescape"))
        if _looks_binary(text):
            raise DecodeError(f"{name}: binary data, not a text or HTML page", path=name)
        return _clean_text(text), "utf-8", [f"{name}: mixed UTF-8 and Windows-1252; read the Windows-1252 parts"]
    declared = _declared_charset(sample)
    dammit = UnicodeDammit(raw, known_definite_encodings=[declared] if declared else [],
                           user_encodings=["cp1252", "latin-1"], is_html=bool(_HTML_SNIFF_RE.match(sample)))
    if dammit.unicode_markup is None or _looks_binary(dammit.unicode_markup):
        raise DecodeError(f"{name}: binary data, not a text or HTML page", path=name)
    encoding = dammit.original_encoding or "unknown"
    note = "declared" if declared and encoding == declared else "guessed"
    return _clean_text(dammit.unicode_markup), encoding, [f"{name}: not UTF-8; decoded as {encoding} ({note})"]


_UTF8_SEQUENCE_RE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
#: UTF-8 read as Windows-1252 and saved again: "â€™" for "’", "Ã©" for "é".
_MOJIBAKE_RE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                          "\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022"
                          "\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}")


def _looks_binary(text: str) -> bool:
    """Text decoded from bytes that were never text: control characters, or no spaces at all."""
    sample = text[:8192]
    controls = sum(1 for c in sample if (c < " " and c not in "\t\n\r\f") or "\x7f" <= c <= "\x9f")
    spaces = sum(1 for c in sample if c.isspace())
    return controls > len(sample) * 0.05 or (len(sample) > 200 and spaces < len(sample) * 0.02)


def _repair_mojibake(text: str, name: str) -> tuple[str, str, list[str]]:
    repaired = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal repaired
        try:
            # Bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) came through as themselves.
            data = b"".join(c.encode("cp1252") if c not in "\x81\x8d\x8f\x90\x9d" else bytes([ord(c)])
                            for c in match.group(0))
            char = data.decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return match.group(0)
        if len(char) != 1:
            return match.group(0)
        repaired += 1
        return char

    fixed = _MOJIBAKE_RE.sub(fix, text.replace("â€\ufffd", "”"))
    repaired += text.count("â€\ufffd")
    if not repaired:
        return text, "utf-8", []
    return fixed, "utf-8", [f"{name}: repaired {repaired} garbled character(s) (UTF-8 once read as Windows-1252)"]


def _declared_charset(sample: bytes) -> str | None:
    match = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", sample, re.IGNORECASE)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u2028", "\n")
    return clean(text.replace("\t", " "))


def _is_html(raw: bytes, text: str) -> bool:
    if _HTML_SNIFF_RE.match(raw[:2048].lstrip(codecs.BOM_UTF8)):
        return True
    head = text[:4096].lower()
    return head.count("<p>") + head.count("<div") + head.count("<br") >= 3


_STRIP_RE = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->|<!\[CDATA\[.*?\]\]>|<!DOCTYPE[^>]*>",
                       re.IGNORECASE | re.DOTALL)
_BLOCK_TAG_RE = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|br|hr|tr|td|blockquote|section|article|header|footer|"
                           r"figcaption|figure|table|pre|dd|dt)\b[^>]*>", re.IGNORECASE)


def _strip_tags(markup: str) -> str:
    """The text of HTML without a parser: blocks become paragraphs, other tags vanish."""
    text = _STRIP_RE.sub(" ", markup)
    text = _BLOCK_TAG_RE.sub("\n\n", text)
    text = re.sub(r"<[^>]*>", " ", text)
    text = html.unescape(text)
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())


def _read_text(text: str) -> list[Block]:
    blocks: list[Block] = []
    for chunk in re.split(r"\n[ \t]*\n", text):
        lines = tuple(" ".join(line.split()) for line in chunk.split("\n") if line.strip())
        if lines:
            blocks.append(Block(lines))
    return blocks


# ---------------------------------------------------------------- HTML


def _read_html(text: str, *, name: str) -> tuple[list[Block], SourceMeta, str]:
    # CDATA sections mean nothing in HTML; browsers show them as stray text, an archive drops them.
    text = re.sub(r"<!\[CDATA\[.*?\]\]>", " ", text, flags=re.DOTALL)
    text = re.sub(r"<!DOCTYPE[^>[]*(\[[^\]]*\])?>", "", text, count=1, flags=re.IGNORECASE)
    # huge_tree lifts libxml2's depth limit (256), beyond which it stops reading the page;
    # the HTML parser never loads DTDs or expands entities it defines, and max_page_bytes bounds the input.
    parser = lxml.html.HTMLParser(no_network=True, huge_tree=True,
                                  remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ParseError(f"{name}: cannot parse the HTML ({exc})", path=name) from None
    parsed = root.text_content()
    meta = _read_html_meta(root)
    for element in list(root.iter(*_DROP_TAGS)):
        _drop(element)
    for element in list(root.iter(lxml.etree.Element)):
        attrs = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
        if element.tag in ("html", "body"):
            continue
        if _DROP_CLASS_RE.search(attrs) and not _is_content(element):
            _drop(element)
    content = _main_content(root)
    if meta.title:
        for h1 in content.iter("h1"):
            if _squash(h1.text_content()) == meta.title:
                _drop(h1)
    blocks = list(_blocks(content))
    if meta.date_line:
        blocks = [b for b in blocks if b.text != meta.date_line]
    return blocks, meta, parsed


def _is_content(element: Any) -> bool:
    cls = element.get("class", "")
    return "entry-content" in cls or "entry-inner" in cls or "post-content" in cls


def _drop(element: Any) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _read_html_meta(root: Any) -> SourceMeta:
    title = None
    for xpath in ("//h1[contains(@class,'entry-title') or contains(@class,'post-title')]",
                  "//meta[@property='og:title']/@content", "//title"):
        found = root.xpath(xpath)
        if found:
            value = found[0] if isinstance(found[0], str) else found[0].text_content()
            title = _squash(value)
            if xpath == "//title":
                title = re.split(r"\s+[|–—-]\s+(?=[^|–—-]+$)", title)[0].strip()
            if title:
                break
    date = None
    candidates: list[str] = []
    candidates += [str(v) for v in root.xpath("//meta[@property='article:published_time']/@content")]
    candidates += _json_ld_dates(root)
    candidates += [str(v) for v in
                   root.xpath("//time[contains(@class,'published') or contains(@class,'entry-date')]/@datetime")]
    candidates += [str(v) for v in root.xpath("//time/@datetime")]
    for value in candidates:
        found = find_date(value)
        if found:
            date = found.iso
            break
    date_line = None
    meta_xpath = "//*[contains(@class,'entry-meta') or contains(@class,'post-byline') or contains(@class,'posted-on')]"
    for element in root.xpath(meta_xpath):
        date_line = _squash(element.text_content()) or None
        if date_line:
            if date is None:
                found = find_date(date_line)
                date = found.iso if found else None
            _drop(element)
            break
    return SourceMeta(title=title or None, date=date, date_line=date_line)


def _json_ld_dates(root: Any) -> list[str]:
    dates: list[str] = []
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, RecursionError):
            continue
        stack = [data]
        while stack and len(dates) < 10:
            item = stack.pop()
            if isinstance(item, dict):
                value = item.get("datePublished")
                if isinstance(value, str):
                    dates.append(value)
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
            elif isinstance(item, list):
                stack.extend(item)
    return dates


def _main_content(root: Any) -> Any:
    for xpath in _CONTENT_XPATHS:
        found = root.xpath(xpath)
        if found:
            return max(found, key=lambda e: len(e.text_content()))
    body = root.find("body")
    return body if body is not None else root


def _blocks(content: Any) -> Iterator[Block]:
    """Walk the content (iteratively: pages may nest thousands deep) into blocks with hints."""
    lines: list[str] = []
    current: list[str] = []
    flags = {"strong": 0, "em": 0, "plain": 0}
    modes: list[str] = ["plain"]
    kinds: list[str] = ["text"]

    def text_run(text: str | None, mode: str) -> None:
        if not text:
            return
        current.append(text)
        if text.strip():
            flags[mode] += len(text.strip())

    def end_line() -> None:
        line = _squash("".join(current))
        current.clear()
        if line:
            lines.append(line)

    def flush(kind: str) -> Iterator[Block]:
        end_line()
        if lines:
            hint = kind
            if kind == "text" and flags["plain"] == 0:
                if flags["strong"] and not flags["em"]:
                    hint = "heading"
                elif flags["em"] and not flags["strong"]:
                    hint = "emphasis"
            yield Block(tuple(lines), hint)
        lines.clear()
        flags.update(strong=0, em=0, plain=0)

    for event, element in lxml.etree.iterwalk(content, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            mode, kind = modes[-1], kinds[-1]
            if tag == "br":
                end_line()
            elif tag == "hr":
                yield from flush(kind)
                yield Block(("---",), "separator")
            elif tag in _BLOCK_TAGS:
                yield from flush(kind)
            child_kind = kind
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                child_kind = "heading"
            elif tag == "li":
                child_kind = "list"
            elif tag == "figcaption" or "wp-caption-text" in (element.get("class") or ""):
                child_kind = "caption"
            elif tag == "blockquote":
                child_kind = "quote"
            child_mode = mode
            if tag in ("strong", "b"):
                child_mode = "strong"
            elif tag in ("em", "i") and mode != "strong":
                child_mode = "em"
            modes.append(child_mode)
            kinds.append(child_kind)
            if tag not in ("br", "hr"):
                text_run(element.text, child_mode)
        else:
            child_kind = kinds.pop()
            modes.pop()
            if tag in _BLOCK_TAGS and tag != "hr":
                yield from flush(child_kind)
            if element is not content:
                text_run(element.tail, modes[-1])
    yield from flush("text")

