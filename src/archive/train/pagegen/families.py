"""What a layout family is, and the helpers the families share.

A family is a function ``(builder, item indexes) -> tree`` registered with ``@family(...)`` on the
``Registry`` of its module; its docstring's first sentence describes the layout.  Text families return a
flat list of blocks; HTML families return a tree of containers (``Node``) around blocks whose markup they
choose.  Everything a family prints goes through the printers (``printers``, ``bylines``), which record
what each printed piece tells, so the ground truth follows from what is on the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .articles import fill
from .bylines import join_names
from .dates import LANG_DATE_FORMATS, fmt_date
from .model import Block, Builder, Node, S, Seg
from .printers import nav_blocks, sep_block
from .vocab import CATEGORIES, HEADLINES_EN, TAGLINES

Tree = list[Node | Block]
Build = Callable[[Builder, list[int]], Tree]


@dataclass(frozen=True)
class Family:
    """A layout family: how its pages are printed and with how many articles."""
    name: str
    fmt: str  # "txt" or "html"
    build: Build
    count: tuple[int, int]
    paragraphs: tuple[int, int]
    langs: tuple[str, ...]
    doc: str


class Registry:
    """The layout families one module defines, in the order it defines them; call it to register one."""

    def __init__(self) -> None:
        self.families: list[Family] = []

    def __call__(self, name: str, fmt: str = "txt", count: tuple[int, int] = (2, 6),
                 paragraphs: tuple[int, int] = (1, 6), langs: tuple[str, ...] = ("en",)) -> Callable[[Build], Build]:
        """Register a layout family; its docstring's first line describes it."""
        def register(build: Build) -> Build:
            self.families.append(Family(name, fmt, build, count, paragraphs, langs, (build.__doc__ or "").strip()))
            return build
        return register


# ====================================================================== helpers
def headline_title(b: Builder) -> str:
    """A compilation page's own title (invented, headline-like)."""
    return fill(b.rng, b.rng.choice(HEADLINES_EN))


def listing_title(b: Builder) -> str:
    cat = b.rng.choice(CATEGORIES)
    return b.rng.choice((f"{cat} Archives", "News Archive", f"Latest {cat} Headlines", f"Posts tagged ‘{cat.lower()}’",
                         f"{b.site}: {cat}", f"{cat} News Today", "In the News", f"Weekly {cat} Roundup"))


def seps(b: Builder, k: int, style: str) -> list[Block]:
    """The separator before item ``k`` (none before the first, none for 'blank')."""
    block = sep_block(b, style) if k else None
    return [block] if block else []


def glued(*blocks: Block) -> Block:
    """Several blocks' lines as one block (no blank lines between them)."""
    return Block([ln for bl in blocks for ln in bl.lines], blocks[0].kind)


def site_header(b: Builder, tagline: float = 0.6, nav: float = 0.7) -> list[Block]:
    out = [Block([b.line("page_meta", None, b.site)], "meta")]
    if b.chance(tagline):
        out[0].lines.append(b.line("page_meta", None, b.rng.choice(TAGLINES)))
    return out + (nav_blocks(b) if b.chance(nav) else [])


def local_date_meta(b: Builder, lang: str) -> Block:
    """A page date line in the page's language."""
    seg = S(fmt_date(b.day, b.rng.choice(LANG_DATE_FORMATS[lang])), inline="time")
    b.page_date = (b.day.isoformat(), seg)
    pre = {"fr": "Publié le ", "es": "Publicado el ", "de": "Veröffentlicht am ", "en": "Posted "}[lang]
    return Block([b.line("page_meta", None, pre, seg)], "meta")


def inline_byline(b: Builder, i: int) -> list[Seg]:
    """A byline run into a teaser's first line: 'by A, staff writer for O ', 'By A ', 'Author: A '."""
    spec = b.spec(i)
    if not spec.authors:
        return []
    names = join_names(b.rng, spec.authors)
    style = b.rng.choice(("staff", "by", "author"))
    text = {"staff": f"by {names}, staff writer for {spec.outlet}", "by": f"By {names}", "author": f"Author: {names}"}
    seg = S(text[style], "byline")
    b.give(i, "author", "; ".join(spec.authors), seg)
    if style == "staff":
        b.give(i, "outlet", spec.outlet, seg)
    return [seg, S(" ")]


def case_choice(b: Builder, weights: tuple[float, float, float] = (0.8, 0.1, 0.1)) -> str:
    return b.rng.choices(("title", "caps", "sentence"), weights)[0]


def glued_to(block: Block) -> Block:
    """The block printed right under the previous one (no blank line)."""
    block.gap = 0
    return block
