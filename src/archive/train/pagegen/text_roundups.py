"""Text layout families that list articles by summary: link digests, aggregators, teaser archives, date
groups, numbered briefs, roundups with the source after the headline or after the blurb, feed lists."""

from __future__ import annotations

import datetime as dt

from .bylines import byline_block, join_names, outlet_value, source_suffix
from .dates import fmt_date, fmt_time
from .families import (
    Registry,
    Tree,
    case_choice,
    glued,
    glued_to,
    headline_title,
    inline_byline,
    listing_title,
    site_header,
)
from .model import Block, Builder, Line, S, Seg
from .printers import (
    body_blocks,
    headline_text,
    noise_block,
    page_title_block,
    posted_block,
    title_block,
    trailer_block,
)
from .vocab import CATEGORIES, OUTLETS_EN, RELATIVE_AGES, SITE_NAMES

family = Registry()


@family("staff_writer_digest", count=(3, 10))
def staff_writer_digest(b: Builder, items: list[int]) -> Tree:
    """Monthly link digest: headline / 'by Author, staff writer' / Outlet (or 'by Author') / summary or one sentence;
    items two blank lines apart; sometimes a '*comment' line by the compiler."""
    r = b.rng
    out: Tree = [page_title_block(b, f"Reading list: {r.choice(CATEGORIES)}, {fmt_date(b.day, 'long').split()[0]}")]
    mode = r.choice(("summary", "teaser"))
    for i in items:
        head = title_block(b, i, deck=b.chance(0.3))
        head.gap = 2
        by = byline_block(b, i, ("staff_writer", "staff_writer", "by_outlet", "by"))
        out += [glued(head, by)] if b.chance(0.5) else [head, by]
        out += body_blocks(b, i, mode)
        if b.chance(0.25):
            out.append(noise_block(b, r.choice(("*Worth reading in full.", "*Same story, different valley.",
                                                "*And still nobody resigned.", "*Compare last month’s numbers.")), i))
    return out


@family("paren_digest", count=(3, 8))
def paren_digest(b: Builder, items: list[int]) -> Tree:
    """Digest page: site name + nav line + widget dates; items: headline / '(Author / Outlet & Author2 / Outlet2)'
    (or outlets only, or none) / blank / one-paragraph summary."""
    r = b.rng
    out: Tree = [*site_header(b, tagline=0.2, nav=1.0)]
    old = [b.day - dt.timedelta(days=r.randint(400, 5000)) for _ in range(3)]
    out.append(Block([b.line("noise", None, "Earlier lists")] +
                     [b.line("noise", None, fmt_date(d, "long")) for d in sorted(old, reverse=True)], "noise"))
    out.append(page_title_block(b, r.choice(("Breaking News Digest", f"{b.site} News Digest", "Latest Headlines"))))
    for i in items:
        head = title_block(b, i)
        out.append(glued(head, byline_block(b, i, ("paren_multi",))) if b.chance(0.8) else head)
        out += body_blocks(b, i, "summary")
    return out


@family("aggregator_oneline", count=(3, 9))
def aggregator_oneline(b: Builder, items: list[int]) -> Tree:
    """Aggregator: 'Author / Outlet:' line, then ONE line 'Headline  —  [dek  —  ]opening text …';
    'Discussion: ...' lines; 'RELATED:' headline-only sub-items (noise); no blank lines."""
    r = b.rng
    stamp = S(f"{fmt_time(r, 'et')}, {fmt_date(b.day, 'long')}")
    b.page_date = (b.day.isoformat(), stamp)
    out: Tree = [Block([b.line("page_meta", None, stamp)], "meta"), Block([b.line("page_meta", None, b.site)], "meta"),
                 Block([b.line("noise", None, "Top Items:")], "noise")]
    dash = r.choice(("  —  ", "\u00a0 —\u00a0 ", " — "))
    lines: list[Line] = []
    for i in items:
        spec = b.spec(i)
        by = S(f"{join_names(r, spec.authors)} / {spec.outlet}:" if spec.authors else f"{spec.outlet}:", "byline")
        if spec.authors:
            b.give(i, "author", "; ".join(spec.authors), by)
        b.give(i, "outlet", spec.outlet, by)
        head = S(headline_text(b, i), "title")
        b.items[i].title.append(head)
        text = (spec.standfirst + dash if b.chance(0.3) else "") + spec.summary + " …"
        lines += [b.line("byline", i, by), b.line("title", i, head, S(dash), S(text, "body"))]
        if b.chance(0.5):
            names = r.sample(SITE_NAMES, 3)
            lines.append(b.line("noise", i, f"Discussion: {names[0]}, {names[1]} and {names[2]}"))
        if b.chance(0.2):
            lines += [b.line("noise", i, "RELATED:"), b.line("noise", i, f"{r.choice(OUTLETS_EN)}:"),
                      b.line("noise", i, headline_title(b))]
    out.append(Block(lines, "body"))
    return out


@family("teaser_archive", count=(4, 9))
def teaser_archive(b: Builder, items: list[int]) -> Tree:
    """Archive of reposts: headline / teaser paragraph, sometimes opening with 'CITY (PWS) ' or an inline
    'by A, staff writer for O', ending '[…]', '…' or 'read more.'; one or two blank lines between items."""
    r = b.rng
    out: Tree = [Block([b.line("page_meta", None, b.site)], "meta"), page_title_block(b, listing_title(b))]
    end = r.choice(("[…]", "…", "more"))
    for i in items:
        head = title_block(b, i, case=case_choice(b, (0.7, 0, 0.3)))
        head.gap = r.choice((1, 2))
        out.append(head)
        lead = inline_byline(b, i) if b.chance(0.25) else []
        dateline = "agency" if not lead and b.chance(0.3) else "none"
        tail = [S(" […]" if end == "[…]" else "…", "body")] if end != "more" else [S(" read more.", "trailer", "a")]
        out += body_blocks(b, i, "summary", dateline=dateline, lead=lead, tail=tail)
    return out


@family("aggregator_readmore", count=(3, 8))
def aggregator_readmore(b: Builder, items: list[int]) -> Tree:
    """Feed aggregator tag page: headline (some with ' — Outlet' suffix) / teaser ending '… Read more',
    or a 'Source link', '(more…)' or 'Read more' line."""
    r = b.rng
    out: Tree = [page_title_block(b, listing_title(b))] if b.chance(0.4) else []
    for i in items:
        suffix = source_suffix(b, i, r.choice(("dash", "hyphen"))) if b.chance(0.5) else None
        out.append(title_block(b, i, suffix=suffix))
        if b.chance(0.6):
            out += body_blocks(b, i, "summary", tail=[S(" …", "body"), S("  "), S("Read more", "trailer", "a")])
        else:
            out += body_blocks(b, i, "summary")
            link = r.choice(("source", "more", "read_more"))
            out.append(Block([b.line("trailer", i, S("Source link", inline="a"))], "trailer") if link == "source"
                       else trailer_block(b, i, link))
    return out


@family("date_grouped", count=(4, 10))
def date_grouped(b: Builder, items: list[int]) -> Tree:
    """A date heading, then items 'Headline - one-sentence summary' on one line; several date groups."""
    r = b.rng
    style = r.choice(("long", "weekday", "dmy", "iso"))
    out: Tree = [page_title_block(b, listing_title(b))]
    sep = r.choice((" - ", " – ", " — "))
    days = sorted({b.spec(i).date for i in items}, reverse=True)
    heads: dict[dt.date, Seg] = {d: S(fmt_date(d, style)) for d in days}
    by_day = sorted(items, key=lambda i: b.spec(i).date, reverse=True)
    last = None
    for i in by_day:
        spec = b.spec(i)
        if spec.date != last:
            out.append(Block([b.line("date", None, heads[spec.date])], "date"))
            last = spec.date
        b.give(i, "date", spec.date.isoformat(), heads[spec.date])
        head = S(headline_text(b, i), "title")
        b.items[i].title.append(head)
        out.append(Block([b.line("title", i, head, S(sep), S(spec.teaser, "body"))], "body"))
    return out


@family("numbered_brief", count=(3, 7))
def numbered_brief(b: Builder, items: list[int]) -> Tree:
    """Numbered daily brief: '  1. Headline' / indented summary / (some items) an indented source line
    naming the outlet(s) AFTER the summary."""
    r = b.rng
    out: Tree = [page_title_block(b, r.choice(("The Daily Brief", "Five Things to Know", f"{b.site} Briefing")))]
    if b.chance(0.5):
        out.append(posted_block(b, "{weekday}"))
    for k, i in enumerate(items):
        spec = b.spec(i)
        out.append(title_block(b, i, prefix=[S(f"  {k + 1}. ", "label")]))
        body = body_blocks(b, i, "summary", noise=False)
        body[0].lines[0].segs.insert(0, S("    "))
        out += body
        if b.chance(0.7):
            names = [spec.outlet] + [o for _, o in spec.co]
            seg = S(", ".join(dict.fromkeys(names)), "byline")
            b.give(i, "outlet", outlet_value(spec, with_co=True), seg)
            out.append(glued_to(Block([b.line("trailer", i, S("    "), seg)], "trailer")))
    return out


@family("blurb_then_headline", count=(3, 8))
def blurb_then_headline(b: Builder, items: list[int]) -> Tree:
    """Link roundup where the editor's blurb comes BEFORE the linked 'Headline (Outlet)' line."""
    r = b.rng
    out: Tree = [noise_block(b, f"In {r.choice(CATEGORIES)}"),
                 noise_block(b, "Every week we gather the stories worth your time. Here is this week’s list.")]
    if b.chance(0.5):
        out.insert(0, page_title_block(b, f"{len(items)} Stories You May Have Missed"))
    for i in items:
        blurb = body_blocks(b, i, "summary")
        blurb[0].gap = r.choice((1, 2))
        out += blurb
        out.append(title_block(b, i, suffix=source_suffix(b, i, r.choice(("paren", "paren", "bracket")))))
    return out


@family("headline_paren_source", count=(3, 8))
def headline_paren_source(b: Builder, items: list[int]) -> Tree:
    """'Headline (Outlet)', 'Headline [Outlet]' or 'Headline (Outlet / Author)' on one line / blank /
    the site owner's summary, sometimes ending ' go to article...'."""
    r = b.rng
    out: Tree = [page_title_block(b, r.choice(("News", "In the News", "Press Clippings")))]
    style = r.choice(("paren", "bracket", "paren_author"))
    link = b.chance(0.6)
    for i in items:
        out.append(title_block(b, i, suffix=source_suffix(b, i, style)))
        out += body_blocks(b, i, "summary", tail=[S(" go to article...", "trailer", "a")] if link else None)
    return out


@family("feed_age", count=(4, 9))
def feed_age(b: Builder, items: list[int]) -> Tree:
    """Feed list: headline / teaser + ' | Continue reading' / two blank lines / '@source | 5 years ago'
    AFTER the teaser (the item's source line)."""
    r = b.rng
    single = r.choice(OUTLETS_EN) if b.chance(0.5) else None
    out: Tree = []
    for i in items:
        out.append(title_block(b, i, case=r.choice(("title", "sentence"))))
        out += body_blocks(b, i, "teaser", tail=[S(" | "), S("Continue reading", "trailer", "a")])
        host = (single or b.spec(i).outlet).lower().removeprefix("the ").replace(" ", "")
        host = host if "." in host else host + ".com"
        seg = S(f"@{host}", "byline")
        b.give(i, "outlet", host, seg)
        src = Block([b.line("trailer", i, seg, S(f" | {r.choice(RELATIVE_AGES)}"))], "trailer", gap=2)
        out.append(src)
    return out

