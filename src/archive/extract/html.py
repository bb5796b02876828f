"""HTML: markup -> the blocks of a page's main content, and what its markup says of the page.

Navigation, sidebars and widgets are dropped here, and the markup becomes the
same blocks the text path gives, with hints (heading, emphasis, separator,
list, caption, quote) so that one splitter serves both.  The parser never
loads a DTD, expands an entity a DOCTYPE defines, or reads the network.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import unescape
from typing import Any

import lxml.etree
import lxml.html

from ..errors import ParseError
from ..models import Block, SourceMeta
from .dates import find_date
from .patterns import (
    BLANK_LINE_RE,
    BLOCK_TAG_RE,
    BLOCK_TAGS,
    CDATA_RE,
    CONTENT_CLASSES,
    CONTENT_XPATHS,
    DOCTYPE_RE,
    DOCUMENT_TITLE_XPATH,
    DROP_CLASS_RE,
    DROP_TAGS,
    ENTRY_META_XPATH,
    JSON_LD_XPATH,
    MARKUP_NOT_TEXT_RE,
    PUBLISHED_TIME_ELEMENT_XPATH,
    PUBLISHED_TIME_XPATH,
    SITE_NAME_RE,
    TAG_RE,
    TIME_XPATH,
    TITLE_XPATHS,
)


def read_html(text: str, *, name: str) -> tuple[list[Block], SourceMeta, str]:
    # CDATA sections mean nothing in HTML; browsers show them as stray text, an archive drops them.
    text = CDATA_RE.sub(" ", text)
    text = DOCTYPE_RE.sub("", text, count=1)
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
    for element in list(root.iter(*DROP_TAGS)):
        _drop(element)
    for element in list(root.iter(lxml.etree.Element)):
        attrs = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
        if element.tag in ("html", "body"):
            continue
        if DROP_CLASS_RE.search(attrs) and not _is_content(element):
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
    return any(name in cls for name in CONTENT_CLASSES)


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
    for xpath in TITLE_XPATHS:
        found = root.xpath(xpath)
        if found:
            value = found[0] if isinstance(found[0], str) else found[0].text_content()
            title = _squash(value)
            if xpath == DOCUMENT_TITLE_XPATH:
                title = SITE_NAME_RE.split(title)[0].strip()
            if title:
                break
    date = None
    candidates: list[str] = []
    candidates += [str(v) for v in root.xpath(PUBLISHED_TIME_XPATH)]
    candidates += _json_ld_dates(root)
    candidates += [str(v) for v in root.xpath(PUBLISHED_TIME_ELEMENT_XPATH)]
    candidates += [str(v) for v in root.xpath(TIME_XPATH)]
    for value in candidates:
        found = find_date(value)
        if found:
            date = found.iso
            break
    date_line = None
    for element in root.xpath(ENTRY_META_XPATH):
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
    for script in root.xpath(JSON_LD_XPATH):
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
    for xpath in CONTENT_XPATHS:
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
            elif tag in BLOCK_TAGS:
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
            if tag in BLOCK_TAGS and tag != "hr":
                yield from flush(child_kind)
            if element is not content:
                text_run(element.tail, modes[-1])
    yield from flush("text")


def strip_tags(markup: str) -> str:
    """The text of HTML without a parser: blocks become paragraphs, other tags vanish."""
    text = MARKUP_NOT_TEXT_RE.sub(" ", markup)
    text = BLOCK_TAG_RE.sub("\n\n", text)
    text = TAG_RE.sub(" ", text)
    text = unescape(text)
    return "\n\n".join(" ".join(p.split()) for p in BLANK_LINE_RE.split(text) if p.strip())
