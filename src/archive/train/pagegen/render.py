"""Rendering of a page tree: ``render_text`` (with each piece's character span), ``truncate`` (a text page
cut at a byte limit, as excerpting tools do) and ``render_html`` (a whole HTML document)."""

from __future__ import annotations

import html
from collections.abc import Iterator

from .model import Block, Line, Node, Seg, squash


def walk_blocks(tree: list[Node | Block]) -> Iterator[Block]:
    """Every Block of the tree in document order."""
    for child in tree:
        if isinstance(child, Block):
            yield child
        else:
            yield from walk_blocks(child.children)


def render_text(blocks: list[Block]) -> tuple[str, dict[Seg, tuple[int, int]]]:
    """A text page: lines of a block on consecutive lines, blocks apart by ``gap`` blank lines.
    Also returns each piece's character span."""
    out: list[str] = []
    spans: dict[Seg, tuple[int, int]] = {}
    pos = 0
    for k, block in enumerate(blocks):
        for j, line in enumerate(block.lines):
            brk = ("\n" * (block.gap + 1) if k else "") if j == 0 else "\n"
            out.append(brk)
            pos += len(brk)
            for seg in line.segs:
                spans[seg] = (pos, pos + len(seg.text))
                out.append(seg.text)
                pos += len(seg.text)
    return "".join(out) + "\n", spans


def truncate(blocks: list[Block], text: str, spans: dict[Seg, tuple[int, int]], limit: int) -> tuple[str, list[Block]]:
    """Cut the text page at ``limit`` UTF-8 bytes, as excerpting tools do; pieces past the cut are emptied."""
    cut = len(text.encode("utf-8")[:limit].decode("utf-8", errors="ignore"))
    for block in blocks:
        for line in block.lines:
            for seg in line.segs:
                start, end = spans[seg]
                if end > cut:
                    shown = seg.text[:max(cut - start, 0)]
                    seg.complete = squash(shown) == squash(seg.text) and start < cut
                    seg.text = shown
            line.segs = [s for s in line.segs if s.text]
        block.lines = [ln for ln in block.lines if squash(ln.raw)]
    return text[:cut], [bl for bl in blocks if bl.lines]


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _attrs(attrs: dict[str, str]) -> str:
    return "".join(f' {k}="{html.escape(v)}"' for k, v in attrs.items())


def _seg_html(seg: Seg) -> str:
    if not seg.inline:
        return _esc(seg.text)
    attrs = {"a": {"href": "#"}}.get(seg.inline, {})
    return f"<{seg.inline}{_attrs(attrs)}>{_esc(seg.text)}</{seg.inline}>"


def _line_html(line: Line) -> str:
    inner = "".join(_seg_html(s) for s in line.segs)
    return f"<{line.wrap}>{inner}</{line.wrap}>" if line.wrap else inner


def _block_html(block: Block, pad: str) -> str:
    tag = block.tag
    if tag == "hr":
        return f"{pad}<hr{_attrs(block.attrs)}>"
    if tag in ("ul", "ol"):
        items = "".join(f"\n{pad}  <li>{_line_html(ln)}</li>" for ln in block.lines)
        return f"{pad}<{tag}{_attrs(block.attrs)}>{items}\n{pad}</{tag}>"
    inner = "<br>\n".join(_line_html(ln) for ln in block.lines)
    if tag == "figure":
        return (f'{pad}<figure{_attrs(block.attrs)}><img src="photo.jpg" alt="">'
                f"<figcaption>{inner}</figcaption></figure>")
    if not tag:
        return f"{pad}{inner}"
    names = tag.split(">")
    opened = "".join(f"<{n}{_attrs(block.attrs) if k == 0 else ''}>" for k, n in enumerate(names))
    closed = "".join(f"</{n}>" for n in reversed(names))
    return f"{pad}{opened}{inner}{closed}"


def render_html(tree: list[Node | Block], head_title: str, lang: str = "en") -> str:
    """A whole HTML document around ``tree`` (the <body> content)."""
    def emit(node: Node | Block, depth: int) -> list[str]:
        pad = "  " * depth
        if isinstance(node, Block):
            return [_block_html(node, pad)]
        out = [f"{pad}<{node.tag}{_attrs(node.attrs)}>"]
        for child in node.children:
            out += emit(child, depth + 1)
        out.append(f"{pad}</{node.tag}>")
        if node.attrs.get("class") and node.tag == "div" and len(node.children) > 2:
            out[-1] += f"<!-- .{node.attrs['class'].split()[0]} -->"
        return out
    body = [line for child in tree for line in emit(child, 1)]
    return "\n".join(["<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="UTF-8">',
                      f"<title>{_esc(head_title)}</title>",
                      '<style>.hidden-print{display:block}</style>', "</head>", "<body>", *body,
                      "<script>window.dataLayer = window.dataLayer || [];</script>", "</body>", "</html>", ""])
