"""Splitting: a ``SourcePage`` -> a ``SplitPage`` of articles.

A compilation page is page furniture (title, date line, source line, fair-use
note) around a run of articles, each opened by a header: a headline block, an
optional standfirst, a byline, an optional editor's note and a dateline.  The
splitter classifies every block once (``_Info``), finds the headers by their
anchors (an explicit byline, a dateline, an outlet line between a headline and
a dateline), then checks the count against the page's source line and
promotes the likeliest headline-only blocks when articles are missing.
Whatever it is unsure of, it says in the article's ``review_reasons``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .metadata import (
    Byline,
    DateMatch,
    SourceEntry,
    find_date,
    find_inline_byline,
    is_all_caps,
    is_editor_note,
    is_fair_use,
    is_noise,
    is_trailer,
    looks_like_name_line,
    looks_like_person,
    match_dateline,
    match_page_date_line,
    match_wire_dateline,
    parse_byline,
    parse_credit,
    parse_date,
    parse_source_line,
    parse_trailing_author,
    related_title,
    strip_read_more,
    title_case_ratio,
    url_date,
)
from .models import Article, Block, SourcePage, SplitPage

_MAX_HEAD_WORDS = 30
_SENTENCE_END_RE = re.compile(r"[.;,]$")
_PREAMBLE_SCAN = 8
#: The end of a listing's teaser: "more...", "Read more.", "Read More »", "[…]".
_TEASER_END_RE = re.compile(r"(?:\bmore\s*(?:\.\.\.|…)|\bread\s+more\.?|Read More\s*»|\[…\]|\[\.\.\.\])\s*$",
                            re.IGNORECASE)


@dataclass
class _Info:
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
class _Header:
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


def split_page(page: SourcePage) -> SplitPage:
    """Cut a read page into its articles and the page's own fields."""
    infos = [_classify(b) for b in _presplit(page.blocks)]
    page_date, page_date_text, source = _furniture_top(infos)
    fair_use = _furniture_fair_use(infos)
    headers = _find_headers(infos)
    headers = _find_items(infos, headers)
    entries = source[0] if source else []
    headers = _promote_missing(infos, headers, entries)
    if not headers:
        headers = [_whole_page_header(infos)]
    headers = _split_parts(infos, headers)
    page_title = _page_title(infos, headers, page)
    if page.meta.date:
        page_date = page_date or page.meta.date
    if page_date is None and source and source[1]:
        page_date, page_date_text = source[1].iso, source[1].text
    articles = _build_articles(infos, headers, entries, page_title)
    return SplitPage(
        name=page.name,
        title=page_title,
        date=page_date,
        date_text=page_date_text or (page.meta.date_line if page.meta.date else None),
        source_line=source_text(infos),
        fair_use_note=fair_use,
        articles=tuple(articles),
        media_type=page.media_type,
        encoding=page.encoding,
        warnings=page.warnings,
    )


# ---------------------------------------------------------------- classify


def _presplit(blocks: tuple[Block, ...]) -> list[Block]:
    """Cut a block after a teaser's "more..." line: what follows belongs to the next item."""
    out: list[Block] = []
    for block in blocks:
        start = 0
        for n, line in enumerate(block.lines[:-1]):
            if _TEASER_END_RE.search(line):
                out.append(Block(block.lines[start:n + 1], block.kind))
                start = n + 1
        out.append(Block(block.lines[start:], block.kind))
    return out


def _classify(block: Block) -> _Info:
    info = _Info(block)
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
    info.head = _is_head(block) and not info.noise and info.byline is None and info.dateline is None
    info.titleish = info.head or (_is_titleish(block) and not info.noise and info.byline is None
                                  and info.dateline is None and info.wire is None)
    info.name_line = len(block.lines) >= 1 and looks_like_name_line(block.lines[-1]) and not info.noise
    return info


def _is_titleish(block: Block) -> bool:
    """A line that could be a headline in sentence case: short, no sentence ending."""
    if len(block.lines) != 1 or block.kind in ("list", "caption", "quote", "separator"):
        return False
    line = block.lines[0]
    words = line.split()
    if block.kind == "heading":
        return len(words) <= 25
    return (2 <= len(words) <= 25 and not _SENTENCE_END_RE.search(line) and not line.endswith(":")
            and find_date(line) is None)


def _is_head(block: Block) -> bool:
    """A headline-like block: short lines, capitalised like a title, no sentence ending."""
    if block.kind in ("list", "caption", "quote", "separator"):
        return False
    text = block.text
    words = text.split()
    if not words or len(words) > _MAX_HEAD_WORDS or len(block.lines) > 4:
        return False
    if any(len(line.split()) > 20 or line.count(" | ") >= 2 for line in block.lines):
        return False
    if len(block.lines) == 1 and parse_date(block.lines[0]) is not None:
        return False
    if block.kind == "heading":
        return True
    last = block.lines[-1]
    if _SENTENCE_END_RE.search(last) and not last.endswith("..."):
        return False
    if text.startswith(("“", '"')) and text.endswith(("”", '"')) and title_case_ratio(text) < 0.75:
        return False
    return is_all_caps(text) or title_case_ratio(text) >= 0.75


_Source = tuple[list[SourceEntry], DateMatch | None]


def _furniture_top(infos: list[_Info]) -> tuple[str | None, str | None, _Source | None]:
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


def source_text(infos: list[_Info]) -> str | None:
    for info in infos[:_PREAMBLE_SCAN]:
        if info.furniture and parse_source_line(info.block.lines[0]):
            return info.block.lines[0]
    return None


def _furniture_fair_use(infos: list[_Info]) -> str | None:
    for info in reversed(infos[-4:]):
        if info.furniture:
            continue
        if is_fair_use(info.block.text):
            info.furniture = True
            return "\n".join(info.block.lines)
    return None


# ---------------------------------------------------------------- headers


def _find_headers(infos: list[_Info]) -> list[_Header]:
    headers: list[_Header] = []
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


def _byline_block_ok(infos: list[_Info], i: int) -> bool:
    """An explicit byline opens an article only if text follows it."""
    return i + 1 < len(infos) or len(infos[i].block.lines) > infos[i].byline_at + 1


def _prev(infos: list[_Info], j: int, floor: int) -> int | None:
    """The nearest block before ``j`` (at or above ``floor``) that is not furniture."""
    j -= 1
    while j >= floor and (infos[j].furniture or infos[j].separator or infos[j].noise):
        j -= 1
    return j if j >= floor else None


def _take_title(infos: list[_Info], header: _Header, j: int | None, floor: int) -> None:
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


def _header_from_byline(infos: list[_Info], i: int, floor: int) -> _Header | None:
    info = infos[i]
    block = info.block
    at = info.byline_at
    header = _Header(start=i, body=i + 1, byline=info.byline)
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
    while k < len(infos) and _is_date_only(infos[k].block) and header.byline is not None:
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


def _is_date_only(block: Block) -> bool:
    return len(block.lines) == 1 and parse_date(block.lines[0]) is not None


def _byline_has_context(infos: list[_Info], i: int) -> bool:
    k = i + 1
    return k < len(infos) and (infos[k].dateline is not None or len(infos[k].block.text) > 200)


def _header_from_dateline(infos: list[_Info], d: int, floor: int) -> _Header | None:
    info = infos[d]
    header = _Header(start=d, body=d, end=d)
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
    if cand.name_line and not _SENTENCE_END_RE.search(cand.block.lines[-1]):
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


def _whole_page_header(infos: list[_Info]) -> _Header:
    """One article for a page with no headers: a repost, or text with no structure at all."""
    start = next((i for i, info in enumerate(infos) if not info.furniture), 0)
    header = _Header(start=start, body=start)
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
        elif preamble and info.head and k + 1 < len(infos) and _is_prose(infos[k + 1].block):
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
            and k + 1 < len(infos) and _is_prose(infos[k + 1].block):
        author = _person(infos[k].block.text)
        k += 1
    if author or outlet:
        header.byline = Byline(outlet, author, None, explicit=False)
    header.body = k
    return header


def _person(text: str) -> str:
    words = text.split()
    return " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in words)


_PART_RE = re.compile(r"^part\s+(?:\d+|[ivx]+|one|two|three|four|five|six)\b[^.]{0,40}$", re.IGNORECASE)


def _split_parts(infos: list[_Info], headers: list[_Header]) -> list[_Header]:
    """A post printed in parts ("Part 1" ... "PART 2") under one byline: one article per part."""
    out: list[_Header] = []
    for n, header in enumerate(headers):
        end = headers[n + 1].start if n + 1 < len(headers) else len(infos)
        parts = [j for j in range(header.body, end) if len(infos[j].block.lines) == 1
                 and _PART_RE.match(infos[j].block.text)]
        if len(parts) < 2 or parts[0] != header.body:
            out.append(header)
            continue
        for j in parts:
            out.append(_Header(start=j, body=j + 1, title=infos[j].block.text, title_index=j,
                               byline=header.byline, standfirst=header.standfirst, reasons=list(header.reasons)))
    return out


# ---------------------------------------------------------------- listing items


def _is_prose(block: Block) -> bool:
    words = block.text.split()
    if re.match(r"^(?:By|Author:)\s+[A-Z]\w+\s+[A-Z]", block.text) and len(words) >= 5:
        return True  # a teaser that opens with its byline
    ends = bool(re.search(r"[.!?…\"”’]$", block.text))
    if not ends and title_case_ratio(block.text) >= 0.75:
        return False  # another headline
    return len(words) >= 12 or (len(words) >= 5 and ends)


def _is_label(info: _Info) -> bool:
    """A section label over a headline: "TRANSPORTATION", "FOOD SAFETY"."""
    text = info.block.text
    return len(info.block.lines) == 1 and is_all_caps(text) and len(text.split()) <= 4 and not info.noise


def _find_items(infos: list[_Info], headers: list[_Header]) -> list[_Header]:
    """Headline-then-text items no byline or dateline announced: listing teasers, labelled sections."""
    claimed: set[int] = set()
    for h in headers:
        # The block after a header is its text, unless the header carried its own (a dek).
        first_text = h.body if (h.standfirst or h.lead) else h.body + 1
        claimed.update(range(h.start, max(first_text, h.end + 1)))
    n = len(infos)
    candidates: list[_Header] = []
    for i, info in enumerate(infos):
        if i in claimed or info.furniture or _is_label(info):
            continue
        lines = info.block.lines
        dek = (len(lines) == 2 and info.byline is None and not info.noise and info.dateline is None
               and title_case_ratio(lines[0]) >= 0.75 and not _SENTENCE_END_RE.search(lines[0])
               and len(lines[0].split()) <= 25 and len(lines[1].split()) >= 4)
        if not info.titleish and not dek:
            continue
        if dek:
            # "Headline / dek" in one block: the dek is the item's text.
            header = _Header(start=i, body=i + 1, title=lines[0], title_index=i, lead=[lines[1]])
            claimed.add(i)
            candidates.append(header)
            continue
        k = i + 1
        header = _Header(start=i, body=i + 1, title=info.block.text, title_index=i)
        author = outlet = date = None
        while k < n and k not in claimed and k - i <= 3:
            nxt = infos[k]
            if _is_date_only(nxt.block):
                date = find_date(nxt.block.text)
            elif nxt.byline is not None and len(nxt.block.lines) == 1:
                outlet, author, date = nxt.byline.outlet, nxt.byline.author, nxt.byline.date or date
            elif nxt.name_line and len(nxt.block.lines) == 1 and len(nxt.block.text.split()) <= 8:
                name = nxt.block.text.split(",")[0].strip()
                if looks_like_person(name):
                    author = name
                else:
                    outlet = name
            else:
                break
            k += 1
        if k >= n or k in claimed or not _is_prose(infos[k].block):
            continue
        header.body = k
        header.end = k - 1
        claimed.update(range(i, k))
        if author or outlet or date:
            header.byline = Byline(outlet, author, date)
        label = i - 1
        if label >= 0 and label not in claimed and _is_label(infos[label]):
            header.start, header.section = label, infos[label].block.text
        candidates.append(header)
    if not candidates:
        return headers
    bylined = [h.start for h in headers if h.byline is not None and h.byline.explicit]
    if bylined:
        first = min(bylined)
        # Before the first bylined item, an unbylined "item" is the page's heading and blurb
        # unless a heading stands above it.
        candidates = [h for h in candidates if h.start > first or h.byline is not None
                      or any(infos[j].titleish and not infos[j].furniture for j in range(h.start))]
    labelled = [h for h in candidates if h.section]
    accepted = list(labelled)
    rest = [h for h in candidates if not h.section]
    if rest and _looks_like_listing(infos, headers, rest):
        for h in rest:
            tag = h.start - 1
            tags = sum(1 for c in rest if c.start - 1 >= 0 and c.start - 1 not in claimed
                       and infos[c.start - 1].titleish and not _is_prose(infos[c.start - 1].block))
            if tags >= 2 and tag >= 0 and tag not in claimed and infos[tag].titleish:
                # A category-tag line over every headline belongs to its item.
                h.start, h.section = tag, infos[tag].block.text
            accepted.append(h)
    return sorted(headers + accepted, key=lambda h: h.start)


def _looks_like_listing(infos: list[_Info], headers: list[_Header], items: list[_Header]) -> bool:
    """True when items are short (a teaser each): a digest, not articles with sub-headings."""

    def median_gap(group: list[_Header], fences: list[int]) -> int:
        gaps = []
        for h in group:
            nxt = next(s for s in fences if s > h.start)
            gaps.append(len(h.lead) + sum(1 for j in range(h.body, nxt)
                                          if not infos[j].furniture and _is_prose(infos[j].block)))
        gaps.sort()
        return gaps[len(gaps) // 2]

    end = [len(infos)]
    if headers and median_gap(headers, sorted([h.start for h in headers] + end)) > 2:
        return False
    fences = sorted([h.start for h in headers] + [h.start for h in items] + end)
    return len(fences) >= 4 and median_gap(headers + items, fences) <= 2


# ---------------------------------------------------------------- missing articles


def _promote_missing(infos: list[_Info], headers: list[_Header], entries: list[SourceEntry]) -> list[_Header]:
    """When the source line names more outlets than the headers found, promote headline-only blocks."""
    if not entries or not headers:
        return headers
    unused = _unused_entries(headers, entries)
    bylineless = [h for h in headers if h.byline is None]
    missing = len(unused) - len(bylineless)
    if missing <= 0:
        return headers
    used: set[int] = set()
    for h in headers:
        used.update(range(h.start, h.body + 1))
    related = [related_title(i.block.lines[0]) for i in infos if i.noise]
    related_folded = [_fold(r) for r in related if r]
    candidates = []
    for j, info in enumerate(infos):
        if j in used or not info.head or info.furniture or j < headers[0].start:
            continue
        if j + 1 >= len(infos) or infos[j + 1].head or infos[j + 1].furniture:
            continue
        title = info.block.text
        score = 0.0
        folded = _fold(title)
        if any(folded.startswith(r) or r.startswith(folded) for r in related_folded):
            score += 3
        if re.search(r"\s[–—-]\s|:", title):
            score += 1
        score += min(len(title.split()), 12) / 6
        if info.block.kind == "heading" or is_all_caps(title):
            score += 0.5
        candidates.append((score, j))
    candidates.sort(reverse=True)
    promoted = []
    for _score, j in candidates[:missing]:
        header = _Header(start=j, body=j + 1, title=infos[j].block.text, title_index=j,
                         reasons=["headline guessed"])
        promoted.append(header)
    return sorted(headers + promoted, key=lambda h: h.start)


def _fold(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.casefold()).strip()


def _unused_entries(headers: list[_Header], entries: list[SourceEntry]) -> list[SourceEntry]:
    known = {_fold(h.byline.outlet) for h in headers if h.byline and h.byline.outlet}
    return [e for e in entries if e.outlet and _fold(e.outlet) not in known]


# ---------------------------------------------------------------- articles


def _page_title(infos: list[_Info], headers: list[_Header], page: SourcePage) -> str | None:
    if page.meta.title:
        return page.meta.title
    first = headers[0].start if headers else len(infos)
    candidates = [i for i in range(first) if not infos[i].furniture and not infos[i].noise]
    heads = [i for i in candidates if infos[i].head]
    if heads:
        block = infos[heads[-1]].block
        return block.lines[-1] if len(block.lines) > 2 else block.text
    if candidates:
        return infos[candidates[0]].block.text
    if headers and headers[0].reasons == ["no structure found"]:
        return headers[0].title
    return None


def _build_articles(infos: list[_Info], headers: list[_Header], entries: list[SourceEntry],
                    page_title: str | None) -> list[Article]:
    unused = _unused_entries(headers, entries)
    bylineless = [h for h in headers if h.byline is None]
    source_outlets: dict[int, str] = {}
    if unused and len(unused) == len(bylineless):
        for h, entry in zip(bylineless, unused, strict=False):
            if entry.outlet:
                source_outlets[id(h)] = entry.outlet
    end_fence = len(infos)
    while end_fence > 0 and (infos[end_fence - 1].furniture or infos[end_fence - 1].separator):
        end_fence -= 1
    if headers and end_fence - 1 > headers[-1].body:
        last = infos[end_fence - 1]
        short_title = last.titleish and not last.head and len(last.block.text.split()) <= 20
        if short_title or _is_cut_heading(last.block):
            # A page cut short after the next item's headline: that headline has no article.
            end_fence -= 1
    articles = []
    for n, header in enumerate(headers):
        end = headers[n + 1].start if n + 1 < len(headers) else end_fence
        body = _body_text(infos, header, end)
        standfirst = header.standfirst
        if not body.strip() and standfirst:
            # A listing item whose only text is its dek: that is its text.
            body, standfirst = standfirst, None
        reasons = list(header.reasons)
        title = header.title
        if not title:
            title = page_title or _first_words(body)
            reasons.append("headline guessed")
        outlet = author = None
        date = date_text = None
        if header.byline is not None:
            outlet, author = header.byline.outlet, header.byline.author
            if header.byline.date:
                date, date_text = header.byline.date.iso, header.byline.date.text
        if header.wire_agency and not outlet:
            outlet = header.wire_agency
        if header.dateline is not None:
            date, date_text = header.dateline.iso, header.dateline.text
        if outlet is None and id(header) in source_outlets:
            outlet = source_outlets[id(header)]
            reasons.append("outlet taken from the source line")
        tail = _tail_lines(infos, header, end)
        for line in tail:
            credit = parse_credit(line)
            if credit and credit[1] and not outlet:
                outlet = credit[1]
            found = url_date(line) if line.startswith("http") else None
            if found and date is None:
                date, date_text = found.iso, found.text
                reasons.append("date taken from a source URL")
        if author is None:
            trailing = parse_trailing_author(body.rsplit("\n", 1)[-1])
            if trailing:
                author = trailing[1]
        if header.byline is None and body:
            lead = body.split("\n\n", 1)[0]
            inline = find_inline_byline(lead)
            if inline is not None:
                author = author or inline.author
                outlet = outlet or inline.outlet
            credit = parse_credit(lead)
            if credit and credit[1] and not outlet and not credit[0]:
                outlet = credit[1]
        if author:
            body = _strip_author_bio(body, author)
        if author and title:
            title = _strip_author_suffix(title, author)
        if header.byline is None and outlet is None:
            reasons.append("no byline")
        elif header.byline_from_context:
            reasons.append("byline guessed from layout")
        if date is None:
            reasons.append("no date")
        if not body.strip():
            reasons.append("empty body")
        articles.append(Article(
            title=title, body=body, outlet=outlet, author=author, date=date, date_text=date_text,
            standfirst=standfirst, section=header.section, position=n + 1,
            review=bool(set(reasons) - {"no date"}) or not body.strip(),
            review_reasons=tuple(reasons),
        ))
    return articles


def _tail_lines(infos: list[_Info], header: _Header, end: int) -> list[str]:
    """The trailer lines at the end of an article's region: credits, source URLs."""
    lines: list[str] = []
    for j in range(end - 1, header.body - 1, -1):
        info = infos[j]
        if info.furniture or info.separator:
            continue
        if all(is_trailer(line) for line in info.block.lines):
            lines.extend(info.block.lines)
            continue
        break
    return lines


def _strip_author_bio(body: str, author: str) -> str:
    """Drop a closing "Michael T. Snyder is a graduate of ..." paragraph about the author."""
    names = author.split()
    if len(names) < 2:
        return body
    paragraphs = body.split("\n\n")
    last = paragraphs[-1]
    pattern = rf"^{re.escape(names[0])}\b(?:\s+\S+){{0,2}}?\s+{re.escape(names[-1])}\s+(?:is|was|has|writes)\b"
    if len(paragraphs) > 1 and re.match(pattern, last):
        paragraphs.pop()
    return "\n\n".join(paragraphs)


def _strip_author_suffix(title: str, author: str) -> str:
    """ "Headline – Andrew McCarthy" -> "Headline" when the suffix names the author."""
    match = re.match(r"^(?P<title>.+?)\s+[–—-]\s+(?P<name>[^–—-]{3,40})$", title)
    if not match:
        return title
    last = author.split()[-1].casefold()
    return match.group("title") if match.group("name").split()[-1].casefold() == last else title


def _is_cut_heading(block: Block) -> bool:
    line = block.lines[-1]
    return len(block.lines) == 1 and len(line.split()) <= 20 and not re.search(r"[.!?”\"’)]$", line) \
        and (title_case_ratio(line) >= 0.75 or len(line) <= 3)


def _first_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:10]) + ("…" if len(words) > 10 else "")


def _body_text(infos: list[_Info], header: _Header, end: int) -> str:
    paragraphs: list[str] = ["\n".join(header.lead)] if header.lead else []
    for j in range(header.body, end):
        info = infos[j]
        if info.furniture or info.separator:
            continue
        lines = list(info.block.lines)
        if info.dateline is not None and info.dateline is header.dateline:
            lines[0] = lines[0][info.dateline.end:].lstrip()
            lines = [line for line in lines if line]
        if lines:
            paragraphs.append("\n".join(lines))
            if _TEASER_END_RE.search(lines[-1]) and not is_trailer(lines[-1]):
                break
    while paragraphs and all(is_trailer(line) for line in paragraphs[-1].split("\n")):
        paragraphs.pop()
    if paragraphs:
        paragraphs[-1] = strip_read_more(paragraphs[-1])
    return "\n\n".join(p for p in paragraphs if p.strip())
