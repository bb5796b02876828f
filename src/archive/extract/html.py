"""HTML: markup -> the blocks of a page, and what its markup says of the page.

Every visible text of the page becomes a block: nothing is dropped because of a
class or id name.  What the markup says of a block (its tag and heading level,
a region such as ``nav`` or ``footer``, words of its class names such as
"byline" or "sidebar", whether it is all link text) becomes the block's
``hints``, which the labeller weighs with everything else.  Only what a browser
never shows goes: scripts, styles, templates, form controls, embedded objects.
The parser never loads a DTD, expands an entity a DOCTYPE defines, or reads the
network.
"""

from __future__ import annotations

import json
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
    CAMEL_CASE_RE,
    CDATA_RE,
    CLASS_NAME_WORD_RE,
    CLASS_WORDS,
    DOCTYPE_RE,
    DOCUMENT_TITLE_XPATH,
    HEADING_TAGS,
    INVISIBLE_TAGS,
    JSON_LD_XPATH,
    MARKUP_NOT_TEXT_RE,
    PUBLISHED_TIME_ELEMENT_XPATH,
    PUBLISHED_TIME_XPATH,
    REGION_TAGS,
    SITE_NAME_RE,
    TAG_RE,
    TIME_XPATH,
    TITLE_XPATHS,
)


def read_html(text: str, *, name: str) -> tuple[list[Block], SourceMeta, str]:
    """The blocks of an HTML page, what its markup says of the page, and its whole text."""
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
    for element in list(root.iter(*INVISIBLE_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    body = root.find("body")
    return _blocks(body if body is not None else root), meta, parsed


def _class_words(element: Any) -> list[str]:
    """The words of an element's class, id and role that say what a part of a page is."""
    raw = " ".join(str(element.get(a, "")) for a in ("class", "id", "role", "itemprop"))
    raw = CAMEL_CASE_RE.sub(" ", raw).lower()
    return [w for w in CLASS_NAME_WORD_RE.findall(raw) if w in CLASS_WORDS]


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
    return SourceMeta(title=title or None, date=date)


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


class _Walker:
    """Walks an element tree (iteratively: pages may nest thousands deep) into blocks with hints."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.lines: list[str] = []
        self.current: list[str] = []
        self.chars = {"strong": 0, "em": 0, "plain": 0, "link": 0, "all": 0}

    def text(self, text: str | None, frame: dict[str, Any]) -> None:
        if not text:
            return
        self.current.append(text)
        size = len(text.strip())
        if size:
            self.chars[frame["mode"]] += size
            self.chars["all"] += size
            if frame["link"]:
                self.chars["link"] += size

    def end_line(self) -> None:
        line = _squash("".join(self.current))
        self.current.clear()
        if line:
            self.lines.append(line)

    def flush(self, frame: dict[str, Any]) -> None:
        self.end_line()
        if self.lines:
            kind, hints = frame["kind"], set(frame["hints"])
            if kind == "text" and self.chars["plain"] == 0:
                if self.chars["strong"] and not self.chars["em"]:
                    kind = "heading"
                elif self.chars["em"] and not self.chars["strong"]:
                    kind = "emphasis"
            if self.chars["link"] >= 0.8 * self.chars["all"] > 0:
                hints.add("link")
            self.blocks.append(Block(tuple(self.lines), kind, tuple(sorted(hints))))
        self.lines.clear()
        for key in self.chars:
            self.chars[key] = 0


def _child_frame(frame: dict[str, Any], element: Any, tag: str) -> dict[str, Any]:
    mode = frame["mode"]
    if tag in ("strong", "b"):
        mode = "strong"
    elif tag in ("em", "i") and mode != "strong":
        mode = "em"
    child = {"mode": mode, "kind": frame["kind"], "hints": frame["hints"], "link": frame["link"] or tag == "a"}
    if tag not in BLOCK_TAGS and tag not in REGION_TAGS:
        return child
    kind, hints = frame["kind"], set(frame["hints"])
    if tag in HEADING_TAGS:
        kind = "heading"
        hints.add(tag)
    elif tag in ("li", "dt", "dd"):
        kind = "list" if kind == "text" else kind
        hints.add("li")
    elif tag in ("td", "th"):
        hints.add("cell")
    elif tag in ("figcaption", "caption"):
        kind = "caption"
    elif tag == "blockquote":
        kind = "quote"
    if tag in REGION_TAGS:
        hints.add(f"in_{tag}")
    hints.update(f"cls_{w}" for w in _class_words(element))
    child.update(kind=kind, hints=frozenset(hints))
    return child


def _blocks(top: Any) -> list[Block]:
    walker = _Walker()
    stack: list[dict[str, Any]] = [{"mode": "plain", "kind": "text", "hints": frozenset(), "link": False}]
    for event, element in lxml.etree.iterwalk(top, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        frame = stack[-1]
        if event == "start":
            if tag == "br":
                walker.end_line()
            elif tag == "hr":
                walker.flush(frame)
                walker.blocks.append(Block(("---",), "separator", ("hr",)))
            elif tag in BLOCK_TAGS:
                walker.flush(frame)
            child = _child_frame(frame, element, tag)
            stack.append(child)
            if tag not in ("br", "hr"):
                walker.text(element.text, child)
        else:
            child = stack.pop()
            if tag in BLOCK_TAGS and tag != "hr":
                walker.flush(child)
            if element is not top:
                walker.text(element.tail, stack[-1])
    walker.flush(stack[-1])
    return walker.blocks


def strip_tags(markup: str) -> str:
    """The text of HTML without a parser: blocks become paragraphs, other tags vanish."""
    text = MARKUP_NOT_TEXT_RE.sub(" ", markup)
    text = BLOCK_TAG_RE.sub("\n\n", text)
    text = TAG_RE.sub(" ", text)
    text = unescape(text)
    return "\n\n".join(" ".join(p.split()) for p in BLANK_LINE_RE.split(text) if p.strip())
