"""The HTML toolkit of the layout families: the markup palette by block kind, class names that tell
nothing about a block's role, containers (``N``), and site furniture (header, sidebar, footer, share box)."""

from __future__ import annotations

from .bylines import byline_block
from .families import headline_title
from .model import Block, Builder, Node, S
from .printers import body_blocks, nav_blocks, title_block
from .vocab import SHARE_ITEMS, TAGLINES, WIDGET_LABELS

PALETTE = {
    "title": ("h2", "h3", "h4", "p>strong", "p>b", "div>strong"), "byline": ("p>em", "p", "div", "address", "p>i"),
    "date": ("p", "div", "p>em", "div>small"), "body": ("p",), "subhead": ("h3", "h4", "p>strong"),
    "quote": ("blockquote>p",), "list": ("ul",), "caption": ("figure", "div", "p>small"), "trailer": ("p", "div"),
    "noise": ("div", "p"), "share": ("div",), "ad": ("div",), "sep": ("hr", "p"), "meta": ("p", "div"),
    "page_title": ("h1",), "fair_use": ("p>em", "p", "div"), "nav": ("ul",), "section": ("div", "p>small", "h5"),
}
#: class names used for content AND for noise, so that they tell nothing about a block's role
CLASSES = ("content", "wrapper", "inner", "sidebar-wrap", "share-container", "post-body", "entry", "box",
           "col-main", "region", "related-wrap", "widget-area", "main-col", "story", "panel", "container",
           "module", "text-block", "content-inner", "sidebar-content", "article-wrap", "share-tools")


def N(tag: str, *children: Node | Block, cls: str | None = None, **attrs: str) -> Node:
    """An HTML container."""
    if cls:
        attrs = {"class": cls, **attrs}
    return Node(tag, list(children), attrs)


def rc(b: Builder) -> str:
    """A random class attribute from CLASSES (one or two names)."""
    return " ".join(b.rng.sample(CLASSES, b.rng.choice((1, 1, 2))))


def styled(b: Builder, blocks: list[Block], palette: dict[str, str]) -> list[Block]:
    """Give each block its markup by kind ('title' -> the page's headline tag...)."""
    for block in blocks:
        block.tag = palette.get(block.kind, "p")
        if block.kind == "nav" and len(block.lines) == 1:
            block.tag = "div"
        if block.tag == "hr":
            block.lines = []
        if block.kind == "caption" and block.tag == "figure":
            block.attrs = {"class": b.rng.choice(("wp-caption", "photo", rc(b)))}
    return blocks


def pick_palette(b: Builder, **fixed: str) -> dict[str, str]:
    return {k: fixed.get(k) or b.rng.choice(v) for k, v in PALETTE.items()}


def sidebar(b: Builder, tag: str = "aside") -> Node:
    """Widgets with other (invented) post titles and archive months: noise."""
    r, kids = b.rng, list[Node | Block]()
    for label in r.sample(WIDGET_LABELS, 2):
        kids.append(Node("section", [Block([b.line("noise", None, label)], "noise", tag="h2"),
                                     Block([b.line("noise", None, S(headline_title(b), inline="a"))
                                            for _ in range(r.randint(2, 4))], "noise", tag="ul")],
                         {"class": rc(b)}))
    return Node(tag, kids, {"class": rc(b)})


def footer(b: Builder) -> Node:
    return N("footer", Block([b.line("noise", None, f"© {b.day.year} {b.site}"),
                              b.line("noise", None, b.rng.choice(("Privacy", "Contact us", "Terms of use")))],
                             "noise", tag="div"), cls=b.rng.choice(("site-footer", rc(b))))


def html_header(b: Builder) -> Node:
    nav = styled(b, nav_blocks(b), {"nav": "ul"})
    return N("header", Block([b.line("page_meta", None, S(b.site, inline="a"))], "meta", tag="p"),
             *([Block([b.line("page_meta", None, b.rng.choice(TAGLINES))], "meta", tag="p")] if b.chance(0.5) else []),
             N("nav", *nav), cls=b.rng.choice(("site-header", rc(b))))


def share_box(b: Builder, i: int | None = None) -> Node:
    items = b.rng.sample(SHARE_ITEMS, 3)
    return N("div", Block([b.line("noise", i, "Share this:")], "noise", tag="h3"),
             Block([b.line("noise", i, S(t, inline="a")) for t in items], "noise", tag="ul"),
             cls=b.rng.choice(("sharedaddy", "share-container", rc(b))))


def full_item(b: Builder, i: int, pal: dict[str, str], forms: tuple[str, ...]) -> list[Block]:
    """Headline / byline / body of one article, styled."""
    r = b.rng
    blocks = [title_block(b, i, wrap=r.choice((1, 1, 2)), deck=b.chance(0.3)), byline_block(b, i, forms)]
    blocks += body_blocks(b, i, dateline=r.choice(("paren_long", "city_paren", "paren_dmy", "none")))
    return styled(b, blocks, pal)

