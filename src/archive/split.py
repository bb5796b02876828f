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
    is_all_caps,
    is_editor_note,
    is_fair_use,
    is_noise,
    is_trailer,
    looks_like_name_line,
    match_dateline,
    match_page_date_line,
    match_wire_dateline,
    parse_byline,
    parse_source_line,
    parse_trailing_author,
    related_title,
    strip_read_more,
    title_case_ratio,
)
from .models import Article, Block, SourcePage, SplitPage

_MAX_HEAD_WORDS = 30
_SENTENCE_END_RE = re.compile(r"[.;,]$")
_PREAMBLE_SCAN = 8


@dataclass
class _Info:
    """What one block looks like, computed once."""

    block: Block
    dateline: DateMatch | None = None
    wire: tuple[DateMatch, str] | None = None
    byline: Byline | None = None
    head: bool = False
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
    reasons: list[str] = field(default_factory=list)


def split_page(page: SourcePage) -> SplitPage:
    """Cut a read page into its articles and the page's own fields."""
    infos = [_classify(b) for b in page.blocks]
    page_date, page_date_text, source = _furniture_top(infos)
    fair_use = _furniture_fair_use(infos)
    headers = _find_headers(infos)
    entries = source[0] if source else []
    headers = _promote_missing(infos, headers, entries)
    if not headers:
        headers = [_whole_page_header(infos)]
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
    if len(block.lines[-1]) <= 200:
        info.byline = parse_byline(block.lines[-1])
    info.head = _is_head(block) and not info.noise and info.byline is None and info.dateline is None
    info.name_line = len(block.lines) >= 1 and looks_like_name_line(block.lines[-1]) and not info.noise
    return info


def _is_head(block: Block) -> bool:
    """A headline-like block: short lines, capitalised like a title, no sentence ending."""
    if block.kind in ("list", "caption", "quote", "separator"):
        return False
    text = block.text
    words = text.split()
    if not words or len(words) > _MAX_HEAD_WORDS or len(block.lines) > 4:
        return False
    if any(len(line.split()) > 20 for line in block.lines):
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
            last = max(header.body, header.end, i)
            floor = last + 1
            i = last + 1
            continue
        i += 1
    return headers


def _byline_block_ok(infos: list[_Info], i: int) -> bool:
    """An explicit byline opens an article only if text follows it."""
    block = infos[i].block
    if len(block.lines) > 3:
        return False
    return i + 1 < len(infos)


def _prev(infos: list[_Info], j: int, floor: int) -> int | None:
    """The nearest block before ``j`` (at or above ``floor``) that is not furniture."""
    j -= 1
    while j >= floor and (infos[j].furniture or infos[j].separator):
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
    if info.head:
        header.title = " ".join(_strip_label(info.block.lines))
        header.title_index = j
        header.start = j


def _strip_label(lines: tuple[str, ...]) -> list[str]:
    return list(lines)


def _header_from_byline(infos: list[_Info], i: int, floor: int) -> _Header | None:
    block = infos[i].block
    header = _Header(start=i, body=i + 1, byline=infos[i].byline)
    before = block.lines[:-1]
    j = _prev(infos, i, floor)
    if before:
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
    return len(block.lines) == 1 and find_date(block.lines[0]) is not None and len(block.text) <= 30


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
    start = next((i for i, info in enumerate(infos) if not info.furniture), 0)
    header = _Header(start=start, body=start, reasons=["no structure found"])
    first = infos[start] if infos else None
    if first is not None and (first.head or len(first.block.text.split()) <= 25) and start + 1 < len(infos):
        header.title = first.block.text
        header.title_index = start
        header.body = start + 1
    return header


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
    articles = []
    for n, header in enumerate(headers):
        end = headers[n + 1].start if n + 1 < len(headers) else end_fence
        body = _body_text(infos, header, end)
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
        if author is None:
            trailing = parse_trailing_author(body.rsplit("\n", 1)[-1])
            if trailing:
                author = trailing[1]
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
            standfirst=header.standfirst, position=n + 1,
            review=bool(set(reasons) - {"no date"}) or not body.strip(),
            review_reasons=tuple(reasons),
        ))
    return articles


def _first_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:10]) + ("…" if len(words) > 10 else "")


def _body_text(infos: list[_Info], header: _Header, end: int) -> str:
    paragraphs: list[str] = []
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
    while paragraphs and all(is_trailer(line) for line in paragraphs[-1].split("\n")):
        paragraphs.pop()
    if paragraphs:
        paragraphs[-1] = strip_read_more(paragraphs[-1])
    return "\n\n".join(p for p in paragraphs if p.strip())
