"""Units: the sequence a page is labelled as, one segment of one line each.

Lines come from the reader's blocks (a paragraph of text, or an HTML block with
its hints).  A line is cut into segments at spaced dashes and bars (" — ",
" | "), because layouts glue a headline to its summary, a name to its outlet or
a dateline to its text that way; segments of one line are joined back with
their separator when an article's text is assembled.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Block
from .patterns import SEGMENT_SEPARATOR_RE


@dataclass(frozen=True)
class Unit:
    """One segment of one line of a page, and where it sits."""

    text: str
    block: int
    line: int
    line_in_block: int
    lines_in_block: int
    seg: int
    segs: int
    #: The separator printed before this segment (" — "), empty for a line's first.
    sep: str
    kind: str
    hints: tuple[str, ...] = ()


def split_line(line: str) -> list[tuple[str, str]]:
    """(separator before, text) of each segment of a line: "A — B" gives [("", "A"), (" — ", "B")]."""
    out: list[tuple[str, str]] = []
    last, sep = 0, ""
    for match in SEGMENT_SEPARATOR_RE.finditer(line):
        out.append((sep, line[last:match.start()].strip()))
        sep, last = match.group(0), match.end()
    out.append((sep, line[last:].strip()))
    return [(sep if n else "", text) for n, (sep, text) in enumerate(p for p in out if p[1])]


def page_units(blocks: tuple[Block, ...] | list[Block]) -> list[Unit]:
    """Every segment of every line of the page's blocks, in order."""
    units: list[Unit] = []
    line_no = 0
    for b, block in enumerate(blocks):
        for li, line in enumerate(block.lines):
            segments = split_line(line)
            for k, (sep, text) in enumerate(segments):
                units.append(Unit(text, b, line_no, li, len(block.lines), k, len(segments), sep, block.kind,
                                  block.hints))
            line_no += 1
    return units
