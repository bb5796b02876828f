"""Fields: a page's headers -> ``Article`` records, and the page title.

Each article's text runs from its body start to the next header; credits at
its end (feed footers, bare origin domains, source URLs with dates) fill in
what the byline did not say, and every doubt becomes a review reason.
"""

from __future__ import annotations

import re

from ..models import Article, SourcePage
from ..text import fold
from .dates import url_date
from .features import BlockInfo, Header, is_cut_heading
from .lines import (
    SourceEntry,
    find_inline_byline,
    is_trailer,
    parse_credit,
    parse_trailing_author,
    strip_read_more,
)
from .patterns import AUTHOR_BIO_TEMPLATE, AUTHOR_SUFFIX_RE, TEASER_END_RE


def unused_entries(headers: list[Header], entries: list[SourceEntry]) -> list[SourceEntry]:
    known = {fold(h.byline.outlet) for h in headers if h.byline and h.byline.outlet}
    return [e for e in entries if e.outlet and fold(e.outlet) not in known]


def page_title(infos: list[BlockInfo], headers: list[Header], page: SourcePage) -> str | None:
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


def build_articles(infos: list[BlockInfo], headers: list[Header], entries: list[SourceEntry],
                    page_title: str | None) -> list[Article]:
    unused = unused_entries(headers, entries)
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
        if short_title or is_cut_heading(last.block):
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


def _tail_lines(infos: list[BlockInfo], header: Header, end: int) -> list[str]:
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
    pattern = AUTHOR_BIO_TEMPLATE.format(first=re.escape(names[0]), last=re.escape(names[-1]))
    if len(paragraphs) > 1 and re.match(pattern, last):
        paragraphs.pop()
    return "\n\n".join(paragraphs)


def _strip_author_suffix(title: str, author: str) -> str:
    """ "Headline – Andrew McCarthy" -> "Headline" when the suffix names the author."""
    match = AUTHOR_SUFFIX_RE.match(title)
    if not match:
        return title
    last = author.split()[-1].casefold()
    return match.group("title") if match.group("name").split()[-1].casefold() == last else title


def _first_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:10]) + ("…" if len(words) > 10 else "")


def _body_text(infos: list[BlockInfo], header: Header, end: int) -> str:
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
            if TEASER_END_RE.search(lines[-1]) and not is_trailer(lines[-1]):
                break
    while paragraphs and all(is_trailer(line) for line in paragraphs[-1].split("\n")):
        paragraphs.pop()
    if paragraphs:
        paragraphs[-1] = strip_read_more(paragraphs[-1])
    return "\n\n".join(p for p in paragraphs if p.strip())
