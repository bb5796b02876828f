"""Segmenting: a ``SourcePage`` -> a ``SplitPage`` of articles.

A compilation page is page furniture (title, date line, source line, fair-use
note) around a run of articles, each opened by a header: a headline block, an
optional standfirst, a byline, an optional editor's note and a dateline.  The
segmenter classifies every block once (``features``), finds the headers by their
anchors (an explicit byline, a dateline, an outlet line between a headline and
a dateline), adds the ones no anchor announced (``items``), then has ``fields``
assemble each article.  Whatever it is unsure of, it says in the article's
``review_reasons``.
"""

from __future__ import annotations

from ..models import SourcePage, SplitPage
from .dates import DateMatch, find_date, match_page_date_line
from .features import BlockInfo, Header, classify, is_date_only, is_prose, presplit
from .fields import build_articles, page_title
from .items import find_items, promote_missing
from .lines import (
    Byline,
    SourceEntry,
    is_fair_use,
    looks_like_name_line,
    looks_like_person,
    parse_credit,
    parse_source_line,
    title_case_ratio,
)
from .patterns import PART_RE, SENTENCE_END_RE

_PREAMBLE_SCAN = 8


def split_page(page: SourcePage) -> SplitPage:
    """Cut a read page into its articles and the page's own fields."""
    infos = [classify(b) for b in presplit(page.blocks)]
    page_date, page_date_text, source = _furniture_top(infos)
    fair_use = _furniture_fair_use(infos)
    headers = _find_headers(infos)
    headers = find_items(infos, headers)
    entries = source[0] if source else []
    headers = promote_missing(infos, headers, entries)
    if not headers:
        headers = [_whole_page_header(infos)]
    headers = _split_parts(infos, headers)
    title = page_title(infos, headers, page)
    if page.meta.date:
        page_date = page_date or page.meta.date
    if page_date is None and source and source[1]:
        page_date, page_date_text = source[1].iso, source[1].text
    articles = build_articles(infos, headers, entries, title)
    return SplitPage(
        name=page.name,
        title=title,
        date=page_date,
        date_text=page_date_text or (page.meta.date_line if page.meta.date else None),
        source_line=source_text(infos),
        fair_use_note=fair_use,
        articles=tuple(articles),
        media_type=page.media_type,
        encoding=page.encoding,
        warnings=page.warnings,
    )


_Source = tuple[list[SourceEntry], DateMatch | None]


def _furniture_top(infos: list[BlockInfo]) -> tuple[str | None, str | None, _Source | None]:
    page_date = page_date_text = None
    source = None
    for info in infos[:_PREAMBLE_SCAN]:
        if len(info.block.lines) != 1:
            continue
        line = info.block.lines[0]
        date = match_page_date_line(line)
        if date and page_date is None:
            page_date, page_date_text = date.iso, line
            info.furniture = True
            continue
        parsed = parse_source_line(line)
        if parsed and source is None and len(parsed[0]) >= 1:
            source = parsed
            info.furniture = True
            info.byline = None
            info.head = False
    return page_date, page_date_text, source


def source_text(infos: list[BlockInfo]) -> str | None:
    for info in infos[:_PREAMBLE_SCAN]:
        if info.furniture and parse_source_line(info.block.lines[0]):
            return info.block.lines[0]
    return None


def _furniture_fair_use(infos: list[BlockInfo]) -> str | None:
    for info in reversed(infos[-4:]):
        if info.furniture:
            continue
        if is_fair_use(info.block.text):
            info.furniture = True
            return "\n".join(info.block.lines)
    return None


# ---------------------------------------------------------------- headers


def _find_headers(infos: list[BlockInfo]) -> list[Header]:
    headers: list[Header] = []
    floor = 0  # blocks before this belong to an earlier header or its body start
    i = 0
    while i < len(infos):
        info = infos[i]
        if info.furniture or info.noise or info.separator:
            i += 1
            continue
        header = None
        if info.byline is not None and info.dateline is None and _byline_block_ok(infos, i):
            header = _header_from_byline(infos, i, floor)
        elif info.dateline is not None or info.wire is not None:
            header = _header_from_dateline(infos, i, floor)
        if header is not None:
            headers.append(header)
            last = max(header.body - 1, header.end, i)
            floor = last + 1
            i = last + 1
            continue
        i += 1
    return headers


def _byline_block_ok(infos: list[BlockInfo], i: int) -> bool:
    """An explicit byline opens an article only if text follows it."""
    return i + 1 < len(infos) or len(infos[i].block.lines) > infos[i].byline_at + 1


def _prev(infos: list[BlockInfo], j: int, floor: int) -> int | None:
    """The nearest block before ``j`` (at or above ``floor``) that is not furniture."""
    j -= 1
    while j >= floor and (infos[j].furniture or infos[j].separator or infos[j].noise):
        j -= 1
    return j if j >= floor else None


def _take_title(infos: list[BlockInfo], header: Header, j: int | None, floor: int) -> None:
    """Read the headline (and a standfirst before the byline) backwards from block ``j``."""
    if j is None:
        return
    info = infos[j]
    if not info.head and info.block.kind == "emphasis" and not info.byline:
        # An italic line between headline and byline is a standfirst.
        k = _prev(infos, j, floor)
        if k is not None and infos[k].head:
            header.standfirst = info.block.text
            j, info = k, infos[k]
    if info.head or info.titleish:
        header.title = " ".join(info.block.lines)
        header.title_index = j
        header.start = j


def _header_from_byline(infos: list[BlockInfo], i: int, floor: int) -> Header | None:
    info = infos[i]
    block = info.block
    at = info.byline_at
    header = Header(start=i, body=i + 1, byline=info.byline)
    before, after = list(block.lines[:at]), list(block.lines[at + 1:])
    if after and header.byline is not None and header.byline.outlet is None and looks_like_name_line(after[0]):
        # "by Author, staff writer" with the outlet on the next line.
        header.byline = Byline(after.pop(0).strip(), header.byline.author, header.byline.date)
    header.lead = after
    j = _prev(infos, i, floor)
    if len(before) >= 2 and title_case_ratio(before[0]) >= 0.5:
        header.title = before[0]
        header.standfirst = " ".join(before[1:])
        header.title_index = i
    elif before:
        text = " ".join(before)
        if j is not None and infos[j].head and title_case_ratio(text) < 0.75:
            header.standfirst = text
            _take_title(infos, header, j, floor)
        else:
            header.title = text
            header.title_index = i
    else:
        _take_title(infos, header, j, floor)
        if header.title is None and not _byline_has_context(infos, i):
            return None
    # A byline may be followed by a date line, an editor's note, a dateline.
    k = i + 1
    while k < len(infos) and infos[k].ednote:
        k += 1
    if k < len(infos) and infos[k].dateline is not None:
        header.dateline = infos[k].dateline
        header.end = k
    elif k < len(infos) and (wire := infos[k].wire) is not None:
        header.dateline, header.wire_agency = wire
        header.end = k
    k = i + 1
    while k < len(infos) and is_date_only(infos[k].block) and header.byline is not None:
        header.byline = Byline(header.byline.outlet, header.byline.author,
                               find_date(infos[k].block.text), header.byline.explicit)
        k += 1
    while k < len(infos) and header.byline is not None and header.byline.outlet is None:
        # "by Author" then "Outlet | Date" on the next line.
        nxt = infos[k].byline
        if nxt is None or nxt.author is not None or not nxt.outlet:
            break
        header.byline = Byline(nxt.outlet, header.byline.author, nxt.date or header.byline.date)
        k += 1
    header.body = k
    return header


def _byline_has_context(infos: list[BlockInfo], i: int) -> bool:
    k = i + 1
    return k < len(infos) and (infos[k].dateline is not None or len(infos[k].block.text) > 200)


def _header_from_dateline(infos: list[BlockInfo], d: int, floor: int) -> Header | None:
    info = infos[d]
    header = Header(start=d, body=d, end=d)
    if info.dateline is not None:
        header.dateline = info.dateline
    elif info.wire is not None:
        header.dateline, header.wire_agency = info.wire
    j = _prev(infos, d, floor)
    while j is not None and infos[j].ednote:
        header.body = j
        header.start = j
        j = _prev(infos, j, floor)
    if j is None:
        return header if info.wire is None else None
    cand = infos[j]
    if cand.byline is not None and len(cand.block.lines) <= 3:
        sub = _header_from_byline(infos, j, floor)
        if sub is not None:
            sub.body = header.body
            sub.end = d
            sub.dateline = header.dateline
            sub.wire_agency = header.wire_agency
            return sub
    if cand.name_line and not SENTENCE_END_RE.search(cand.block.lines[-1]):
        k = _prev(infos, j, floor)
        lines = cand.block.lines
        standfirst_ok = len(lines) == 1 or (len(lines) == 2 and title_case_ratio(lines[0]) < 0.75)
        # Headline, then a short name line, then the dateline: the name is the outlet.
        if k is not None and standfirst_ok and (infos[k].head or (cand.block.kind == "emphasis" and k is not None)):
            header.byline = Byline(lines[-1].strip(), None, None, explicit=False)
            header.byline_from_context = True
            header.start = j
            if len(lines) == 2:
                header.standfirst = lines[0]
            _take_title(infos, header, k, floor)
            if header.title is not None:
                return header
            header.byline = None
            header.byline_from_context = False
            header.standfirst = None
    _take_title(infos, header, j, floor)
    if header.title is None and info.wire is not None:
        return None
    return header


def _whole_page_header(infos: list[BlockInfo]) -> Header:
    """One article for a page with no headers: a repost, or text with no structure at all."""
    start = next((i for i, info in enumerate(infos) if not info.furniture), 0)
    header = Header(start=start, body=start)
    if not infos or start + 1 >= len(infos):
        header.reasons.append("no structure found")
        return header
    first = infos[start]
    if not (first.head or first.titleish):
        header.reasons.append("no structure found")
        return header
    header.title = first.block.text
    header.title_index = start
    k = start + 1
    author = outlet = None
    preamble = False
    # Skip what a repost puts before the article: the title again, ads, origin credits, an editor's note.
    while k < len(infos) and k - start <= 8:
        info = infos[k]
        credit = parse_credit(info.block.text)
        if info.furniture or info.noise or info.block.text == header.title:
            k += 1
        elif credit and len(info.block.lines) == 1 and credit[0]:
            author, outlet = credit[0], credit[1] or outlet
            preamble = True
            k += 1
        elif info.ednote or (preamble and not info.head and not info.titleish):
            preamble = True
            k += 1
        elif preamble and info.head and k + 1 < len(infos) and is_prose(infos[k + 1].block):
            header.title, header.title_index = info.block.text, k
            k += 1
            break
        else:
            break
    if not preamble or header.title_index == start:
        # No headline after a repost preamble: the text starts right after the title.
        k = start + 1
        while k < len(infos) and (infos[k].furniture or infos[k].noise or infos[k].block.text == header.title):
            k += 1
    if k < len(infos) and len(infos[k].block.lines) == 1 and looks_like_person(infos[k].block.text) \
            and k + 1 < len(infos) and is_prose(infos[k + 1].block):
        author = _person(infos[k].block.text)
        k += 1
    if author or outlet:
        header.byline = Byline(outlet, author, None, explicit=False)
    header.body = k
    return header


def _person(text: str) -> str:
    words = text.split()
    return " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in words)


def _split_parts(infos: list[BlockInfo], headers: list[Header]) -> list[Header]:
    """A post printed in parts ("Part 1" ... "PART 2") under one byline: one article per part."""
    out: list[Header] = []
    for n, header in enumerate(headers):
        end = headers[n + 1].start if n + 1 < len(headers) else len(infos)
        parts = [j for j in range(header.body, end) if len(infos[j].block.lines) == 1
                 and PART_RE.match(infos[j].block.text)]
        if len(parts) < 2 or parts[0] != header.body:
            out.append(header)
            continue
        for j in parts:
            out.append(Header(start=j, body=j + 1, title=infos[j].block.text, title_index=j,
                               byline=header.byline, standfirst=header.standfirst, reasons=list(header.reasons)))
    return out
