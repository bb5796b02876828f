"""A saved HTML page's own address: its canonical link, else its og:url.

A page saved from a browser usually says where it lives; that address is the
page's provenance when the user gives none (``archive add --url`` wins).
Only an absolute http(s) address is taken: a relative one has no base to
be read against once the page is saved.
"""

from __future__ import annotations

from typing import Any

import lxml.etree
import lxml.html

from ..text import is_web_address

#: Where a page names its address, in the order they are trusted.
ADDRESS_XPATHS = (
    "//link[contains(concat(' ', normalize-space(translate(@rel, 'CANONICAL', 'canonical')), ' '),"
    " ' canonical ')]/@href",
    "//meta[translate(@property, 'OGURL', 'ogurl')='og:url']/@content",
    "//meta[translate(@name, 'OGURL', 'ogurl')='og:url']/@content",
)


def page_address(raw: bytes) -> str | None:
    """The absolute http(s) address a saved HTML page gives for itself, or None."""
    try:
        root: Any = lxml.html.document_fromstring(raw)
    except (lxml.etree.ParserError, ValueError):
        return None
    for xpath in ADDRESS_XPATHS:
        for value in root.xpath(xpath):
            url = " ".join(str(value).split())
            if len(url) <= 2000 and is_web_address(url):
                return url
    return None
