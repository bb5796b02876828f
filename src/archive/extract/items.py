"""Items: the article openings no byline or dateline announced.

Listing items (a headline and a teaser, with category-tag or section-label
lines) are accepted when the page reads as a digest; when the page's source
line names more outlets than headers were found, the likeliest headline-only
blocks are promoted, and say so ("headline guessed").
"""

from __future__ import annotations

from ..text import fold
from .dates import find_date
from .features import BlockInfo, Header, is_date_only, is_label, is_prose
from .fields import unused_entries
from .lines import Byline, SourceEntry, is_all_caps, looks_like_person, related_title, title_case_ratio
from .patterns import SENTENCE_END_RE, TITLE_SEPARATOR_RE


def find_items(infos: list[BlockInfo], headers: list[Header]) -> list[Header]:
    """Headline-then-text items no byline or dateline announced: listing teasers, labelled sections."""
    claimed: set[int] = set()
    for h in headers:
        # The block after a header is its text, unless the header carried its own (a dek).
        first_text = h.body if (h.standfirst or h.lead) else h.body + 1
        claimed.update(range(h.start, max(first_text, h.end + 1)))
    n = len(infos)
    candidates: list[Header] = []
    for i, info in enumerate(infos):
        if i in claimed or info.furniture or is_label(info):
            continue
        lines = info.block.lines
        dek = (len(lines) == 2 and info.byline is None and not info.noise and info.dateline is None
               and title_case_ratio(lines[0]) >= 0.75 and not SENTENCE_END_RE.search(lines[0])
               and len(lines[0].split()) <= 25 and len(lines[1].split()) >= 4)
        if not info.titleish and not dek:
            continue
        if dek:
            # "Headline / dek" in one block: the dek is the item's text.
            header = Header(start=i, body=i + 1, title=lines[0], title_index=i, lead=[lines[1]])
            claimed.add(i)
            candidates.append(header)
            continue
        k = i + 1
        header = Header(start=i, body=i + 1, title=info.block.text, title_index=i)
        author = outlet = date = None
        while k < n and k not in claimed and k - i <= 3:
            nxt = infos[k]
            if is_date_only(nxt.block):
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
        if k >= n or k in claimed or not is_prose(infos[k].block):
            continue
        header.body = k
        header.end = k - 1
        claimed.update(range(i, k))
        if author or outlet or date:
            header.byline = Byline(outlet, author, date)
        label = i - 1
        if label >= 0 and label not in claimed and is_label(infos[label]):
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
                       and infos[c.start - 1].titleish and not is_prose(infos[c.start - 1].block))
            if tags >= 2 and tag >= 0 and tag not in claimed and infos[tag].titleish:
                # A category-tag line over every headline belongs to its item.
                h.start, h.section = tag, infos[tag].block.text
            accepted.append(h)
    return sorted(headers + accepted, key=lambda h: h.start)


def _looks_like_listing(infos: list[BlockInfo], headers: list[Header], items: list[Header]) -> bool:
    """True when items are short (a teaser each): a digest, not articles with sub-headings."""

    def median_gap(group: list[Header], fences: list[int]) -> int:
        gaps = []
        for h in group:
            nxt = next(s for s in fences if s > h.start)
            gaps.append(len(h.lead) + sum(1 for j in range(h.body, nxt)
                                          if not infos[j].furniture and is_prose(infos[j].block)))
        gaps.sort()
        return gaps[len(gaps) // 2]

    end = [len(infos)]
    if headers and median_gap(headers, sorted([h.start for h in headers] + end)) > 2:
        return False
    fences = sorted([h.start for h in headers] + [h.start for h in items] + end)
    return len(fences) >= 4 and median_gap(headers + items, fences) <= 2


def promote_missing(infos: list[BlockInfo], headers: list[Header], entries: list[SourceEntry]) -> list[Header]:
    """When the source line names more outlets than the headers found, promote headline-only blocks."""
    if not entries or not headers:
        return headers
    unused = unused_entries(headers, entries)
    bylineless = [h for h in headers if h.byline is None]
    missing = len(unused) - len(bylineless)
    if missing <= 0:
        return headers
    used: set[int] = set()
    for h in headers:
        used.update(range(h.start, h.body + 1))
    related = [related_title(i.block.lines[0]) for i in infos if i.noise]
    related_folded = [fold(r) for r in related if r]
    candidates = []
    for j, info in enumerate(infos):
        if j in used or not info.head or info.furniture or j < headers[0].start:
            continue
        if j + 1 >= len(infos) or infos[j + 1].head or infos[j + 1].furniture:
            continue
        title = info.block.text
        score = 0.0
        folded = fold(title)
        if any(folded.startswith(r) or r.startswith(folded) for r in related_folded):
            score += 3
        if TITLE_SEPARATOR_RE.search(title):
            score += 1
        score += min(len(title.split()), 12) / 6
        if info.block.kind == "heading" or is_all_caps(title):
            score += 0.5
        candidates.append((score, j))
    candidates.sort(reverse=True)
    promoted = []
    for _score, j in candidates[:missing]:
        header = Header(start=j, body=j + 1, title=infos[j].block.text, title_index=j,
                         reasons=["headline guessed"])
        promoted.append(header)
    return sorted(headers + promoted, key=lambda h: h.start)
