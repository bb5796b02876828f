"""Jinja filters: stored text made into safe HTML (every piece escaped, marks added only by us)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from ..models import Hit


def highlight(hit: Hit) -> Markup:
    """A hit's snippet, its matched words in ``<mark>``; the text itself is escaped."""
    out, last = [], 0
    for start, end in hit.highlights:
        out.append(escape(hit.snippet[last:start]))
        out.append(Markup("<mark>") + escape(hit.snippet[start:end]) + Markup("</mark>"))
        last = end
    out.append(escape(hit.snippet[last:]))
    return Markup("").join(out)


def paragraphs(text: str | None) -> list[str]:
    """An article's text as its paragraphs (blank lines part them)."""
    return [p.strip() for p in (text or "").split("\n\n") if p.strip()]


def diff_lines(text: str) -> list[tuple[str, str]]:
    """``Archive.diff`` as (class, line) pairs: "field" (a changed field, before the text's diff),
    "file", "hunk", "add", "del", or "" for context."""
    out = []
    in_text = False
    for line in text.splitlines():
        in_text = in_text or line.startswith("--- ")
        if not in_text:
            kind = "field"
        elif line.startswith(("+++", "---")):
            kind = "file"
        elif line.startswith("+"):
            kind = "add"
        elif line.startswith("-"):
            kind = "del"
        elif line.startswith("@@"):
            kind = "hunk"
        else:
            kind = ""
        out.append((kind, line))
    return out


def last_part(object_id: str) -> str:
    """ "pages/2016/10/some-title" -> "some-title" (a short label for a page id)."""
    return object_id.rstrip("/").rsplit("/", 1)[-1]


FILTERS: dict[str, Callable[..., Any]] = {"highlight": highlight, "paragraphs": paragraphs,
                                          "diff_lines": diff_lines, "last_part": last_part}
