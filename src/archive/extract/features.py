"""Features of blocks: what each paragraph of a page looks like, computed once.

``classify`` looks at a block once (a dateline? a byline, and on which line?
headline-like? a name line? noise?) and ``BlockInfo`` keeps the answers;
``Header`` is an article's opening as ``segment`` finds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Block
from .dates import DateMatch, find_date, match_dateline, match_wire_dateline, parse_date
from .lines import (
    Byline,
    is_all_caps,
    is_editor_note,
    is_noise,
    looks_like_name_line,
    parse_byline,
    title_case_ratio,
)
from .patterns import BYLINE_OPENING_RE, CLOSED_LINE_RE, PROSE_END_RE, SENTENCE_END_RE, TEASER_END_RE

MAX_HEAD_WORDS = 30


@dataclass
class BlockInfo:
    """What one block looks like, computed once."""

    block: Block
    dateline: DateMatch | None = None
    wire: tuple[DateMatch, str] | None = None
    byline: Byline | None = None
    byline_at: int = -1
    head: bool = False
    titleish: bool = False
    name_line: bool = False
    ednote: bool = False
    noise: bool = False
    furniture: bool = False
    separator: bool = False


@dataclass
class Header:
    """An article's opening: where it starts, where its body starts, what it says."""

    start: int
    body: int
    end: int = -1
    title: str | None = None
    title_index: int | None = None
    standfirst: str | None = None
    byline: Byline | None = None
    byline_from_context: bool = False
    dateline: DateMatch | None = None
    wire_agency: str | None = None
    lead: list[str] = field(default_factory=list)
    section: str | None = None
    reasons: list[str] = field(default_factory=list)


def presplit(blocks: tuple[Block, ...]) -> list[Block]:
    """Cut a block after a teaser's "more..." line: what follows belongs to the next item."""
    out: list[Block] = []
    for block in blocks:
        start = 0
        for n, line in enumerate(block.lines[:-1]):
            if TEASER_END_RE.search(line):
                out.append(Block(block.lines[start:n + 1], block.kind))
                start = n + 1
        out.append(Block(block.lines[start:], block.kind))
    return out


def classify(block: Block) -> BlockInfo:
    info = BlockInfo(block)
    first = block.lines[0]
    if block.kind == "separator":
        info.separator = True
        return info
    info.noise = is_noise(first) and len(block.lines) == 1
    info.ednote = is_editor_note(first)
    info.dateline = match_dateline(first)
    if info.dateline is None:
        info.wire = match_wire_dateline(first)
    if len(block.lines) <= 5 and block.kind not in ("list", "quote", "caption"):
        for at, line in enumerate(block.lines):
            byline = parse_byline(line) if len(line) <= 200 else None
            if byline is not None:
                info.byline, info.byline_at = byline, at
                break
    info.head = is_head(block) and not info.noise and info.byline is None and info.dateline is None
    info.titleish = info.head or (is_titleish(block) and not info.noise and info.byline is None
                                  and info.dateline is None and info.wire is None)
    info.name_line = len(block.lines) >= 1 and looks_like_name_line(block.lines[-1]) and not info.noise
    return info


def is_titleish(block: Block) -> bool:
    """A line that could be a headline in sentence case: short, no sentence ending."""
    if len(block.lines) != 1 or block.kind in ("list", "caption", "quote", "separator"):
        return False
    line = block.lines[0]
    words = line.split()
    if block.kind == "heading":
        return len(words) <= 25
    return (2 <= len(words) <= 25 and not SENTENCE_END_RE.search(line) and not line.endswith(":")
            and find_date(line) is None)


def is_head(block: Block) -> bool:
    """A headline-like block: short lines, capitalised like a title, no sentence ending."""
    if block.kind in ("list", "caption", "quote", "separator"):
        return False
    text = block.text
    words = text.split()
    if not words or len(words) > MAX_HEAD_WORDS or len(block.lines) > 4:
        return False
    if any(len(line.split()) > 20 or line.count(" | ") >= 2 for line in block.lines):
        return False
    if len(block.lines) == 1 and parse_date(block.lines[0]) is not None:
        return False
    if block.kind == "heading":
        return True
    last = block.lines[-1]
    if SENTENCE_END_RE.search(last) and not last.endswith("..."):
        return False
    if text.startswith(("“", '"')) and text.endswith(("”", '"')) and title_case_ratio(text) < 0.75:
        return False
    return is_all_caps(text) or title_case_ratio(text) >= 0.75


def is_date_only(block: Block) -> bool:
    return len(block.lines) == 1 and parse_date(block.lines[0]) is not None


def is_prose(block: Block) -> bool:
    words = block.text.split()
    if BYLINE_OPENING_RE.match(block.text) and len(words) >= 5:
        return True  # a teaser that opens with its byline
    ends = bool(PROSE_END_RE.search(block.text))
    if not ends and title_case_ratio(block.text) >= 0.75:
        return False  # another headline
    return len(words) >= 12 or (len(words) >= 5 and ends)


def is_label(info: BlockInfo) -> bool:
    """A section label over a headline: "TRANSPORTATION", "FOOD SAFETY"."""
    text = info.block.text
    return len(info.block.lines) == 1 and is_all_caps(text) and len(text.split()) <= 4 and not info.noise


def is_cut_heading(block: Block) -> bool:
    line = block.lines[-1]
    return len(block.lines) == 1 and len(line.split()) <= 20 and not CLOSED_LINE_RE.search(line) \
        and (title_case_ratio(line) >= 0.75 or len(line) <= 3)
