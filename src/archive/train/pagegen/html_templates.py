"""HTML layout families: WordPress posts and archives, nested CMS pages, old table digests, HTML5
sections, <br>-stacked items, link lists and aggregator markup."""

from __future__ import annotations

import datetime as dt

from .bylines import byline_block, join_names, source_suffix
from .dates import fmt_date, fmt_time
from .families import Registry, Tree, case_choice, headline_title, listing_title
from .html_parts import N, footer, full_item, html_header, pick_palette, rc, share_box, sidebar, styled
from .model import Block, Builder, Node, S
from .printers import (
    body_blocks,
    date_block,
    date_seg,
    fair_use_block,
    headline_text,
    page_title_block,
    posted_block,
    source_line_block,
    title_block,
    trailer_block,
)
from .vocab import CATEGORIES, SITE_NAMES

family = Registry()


@family("html_wp_post", fmt="html", count=(2, 5))
def html_wp_post(b: Builder, items: list[int]) -> Tree:
    """WordPress single post: header + nav, h1.entry-title, 'Posted on DATE by admin' meta, div.entry-content
    with the source line, <strong> headlines, <em> bylines, captions, <hr> between items, share box,
    fair-use note; sidebar and footer around."""
    r = b.rng
    pal = pick_palette(b, title=r.choice(("p>strong", "p>b", "h3")), byline=r.choice(("p>em", "p>i", "p")))
    b.head_title = ""
    title = page_title_block(b, headline_title(b))
    title.tag = "h1"
    meta = posted_block(b, r.choice(("{ord} - by {ed}", "Posted on {iso} by {ed}", "Posted on {long} by {ed}")))
    meta.tag = "div"
    head = [meta, title] if b.chance(0.4) else [title, meta]
    content: list[Node | Block] = []
    if b.chance(0.8):
        content += styled(b, [source_line_block(b, items)], pal)
    for k, i in enumerate(items):
        if k and b.chance(0.6):
            content.append(Block([], "sep", tag="hr"))
        content += full_item(b, i, pal, ("slash", "by_outlet", "outlet", "pipe_date"))
    if b.chance(0.4):
        content.append(share_box(b))
    if b.chance(0.7):
        content += styled(b, [fair_use_block(b)], pal)
    article = N("article", N("header", *head, cls="entry-header"),
                N("div", *content, cls=r.choice(("entry-content", "entry-content", "post-content " + rc(b)))),
                N("footer", Block([b.line("noise", None, f"Posted in {', '.join(r.sample(CATEGORIES, 2))}")],
                                  "noise", tag="span"), cls="entry-footer"), cls="post hentry")
    b.head_title = f"{b.page_title[0].text} | {b.site}"
    return [N("div", html_header(b), N("div", N("main", article, cls="site-main"), sidebar(b), cls="site-content"),
              footer(b), id="page", cls="site")]


@family("html_wp_archive", fmt="html", count=(3, 8))
def html_wp_archive(b: Builder, items: list[int]) -> Tree:
    """WordPress archive page: h1 'Category: X'; per item <article> with h2.entry-title link,
    'Posted on DATE by AUTHOR' meta, a teaser ending '[…]' and a 'Continue reading →' link."""
    r = b.rng
    title = page_title_block(b, r.choice((f"Category: {r.choice(CATEGORIES)}", f"Monthly Archives: "
                                          f"{fmt_date(b.day, 'long').split()[0]} {b.day.year}", listing_title(b))))
    title.tag = "h1"
    arts: list[Node | Block] = [title]
    for i in items:
        spec = b.spec(i)
        head = title_block(b, i)
        head.tag, head.lines[0].segs[0].inline = "h2", "a"
        head.attrs = {"class": "entry-title"}
        metas = [S("Posted on "), date_seg(b, i, r.choice(("long", "ordinal", "dmy")))]
        if spec.authors:
            seg = S(join_names(r, spec.authors), "byline", "a")
            b.give(i, "author", "; ".join(spec.authors), seg)
            metas += [S(" by "), seg]
        meta = Block([b.line("byline", i, *metas)], "byline", tag="div", attrs={"class": "entry-meta"})
        body = styled(b, body_blocks(b, i, r.choice(("summary", "teaser")), tail=[S(" […]", "body")]), {"body": "p"})
        more = trailer_block(b, i, "continue")
        arts.append(N("article", N("header", head, meta, cls="entry-header"),
                      N("div", *body, more, cls=r.choice(("entry-summary", rc(b)))),
                      N("footer", Block([b.line("noise", i, f"Filed under {r.choice(CATEGORIES)} | Leave a comment")],
                                        "noise", tag="span"), cls=r.choice(("entry-footer", rc(b)))),
                      cls="post type-post"))
    b.head_title = f"{title.lines[0].raw} – {b.site}"
    return [N("div", html_header(b), N("main", *arts, cls=rc(b)), sidebar(b), footer(b), id="page")]


@family("html_cms_nested", fmt="html", count=(2, 5))
def html_cms_nested(b: Builder, items: list[int]) -> Tree:
    """CMS page of deeply nested wrapper divs with misleading class names ('sidebar-wrap' around content,
    'content' around ads); breadcrumbs, share rows and ads inside items; <time> date lines."""
    r = b.rng
    pal = pick_palette(b)
    crumbs = Block([b.line("noise", None, f"Home › News › {r.choice(CATEGORIES)}")], "noise", tag="div")
    title = page_title_block(b, headline_title(b))
    title.tag = "h1"
    parts: list[Node | Block] = [crumbs, title]
    for i in items:
        blocks = [title_block(b, i, case=case_choice(b)),
                  byline_block(b, i, ("by_outlet", "pipe_date", "by", "outlet"))]
        if "date" not in b.items[i].values and b.chance(0.7):
            blocks.append(date_block(b, i, r.choice(("long", "weekday", "iso", "dmy"))))
        blocks += body_blocks(b, i, dateline=r.choice(("none", "city_paren")))
        styled(b, blocks, pal)
        inner: list[Node | Block] = [N("div", *blocks[:3], cls=rc(b))]
        inner += [N("div", bl, cls=rc(b)) if b.chance(0.2) else bl for bl in blocks[3:]]
        if b.chance(0.5):
            inner.insert(2, share_box(b, i))
        if b.chance(0.3):
            ad = Block([b.line("noise", i, r.choice(("Advertisement", "ADVERTISEMENT")))], "ad", tag="span")
            inner.append(N("div", ad, cls="content"))
        parts.append(N("div", N("div", *inner, cls=rc(b)), cls=rc(b)))
    if b.chance(0.5):
        parts += styled(b, [fair_use_block(b)], pal)
    b.head_title = f"{b.page_title[0].text} - {b.site}"
    return [N("div", html_header(b), N("div", N("div", *parts, cls=rc(b)), cls="sidebar-wrap"),
              N("div", sidebar(b, "div"), cls="content"), footer(b), cls=rc(b))]


@family("html_table_digest", fmt="html", count=(3, 8))
def html_table_digest(b: Builder, items: list[int]) -> Tree:
    """Old table layout: site name and nav row; per item a <td> with <b>Headline</b><br>(Author / Outlet)
    and a <td> with the summary; a left column of links."""
    r = b.rng
    nav = Block([b.line("noise", None, " | ".join(r.sample(["Home", "About", "Action", "Archive", "Media"], 4)))],
                "nav", tag="")
    title = page_title_block(b, r.choice(("Breaking News Digest", f"{b.site} News", "Latest Headlines")))
    title.tag = "h2"
    rows: list[Node | Block] = [N("tr", N("td", title, colspan="2"))]
    for i in items:
        head = title_block(b, i)
        head.lines[0].wrap = "b"
        lines = head.lines + (byline_block(b, i, ("paren_multi",)).lines if b.chance(0.8) else [])
        rows.append(N("tr", N("td", Block(lines, "title", tag=""), valign="top")))
        rows.append(N("tr", N("td", *styled(b, body_blocks(b, i, "summary", noise=False), {"body": ""}))))
    links = Block([b.line("noise", None, S(fmt_date(b.day - dt.timedelta(days=400 * k), "long"), inline="a"))
                   for k in range(1, 4)], "noise", tag="")
    b.head_title = b.site
    return [N("table", N("tr", N("td", Block([b.line("page_meta", None, b.site)], "meta", tag="font"), colspan="2")),
              N("tr", N("td", nav, colspan="2")),
              N("tr", N("td", links, width="20%", valign="top"), N("td", N("table", *rows, width="100%"))),
            width="760", border="0")]


@family("html_sections", fmt="html", count=(2, 6))
def html_sections(b: Builder, items: list[int]) -> Tree:
    """HTML5 page: <main> of <section>s, each with a section label heading over an <article> with
    <header> (h3 headline, p.byline, <time> date), paragraphs and a <footer> 'Source: Outlet'."""
    r = b.rng
    pal = pick_palette(b, title="h3", date="p", section=r.choice(("h2", "div", "p>small")))
    title = page_title_block(b, headline_title(b) if b.chance(0.5) else listing_title(b))
    title.tag = "h1"
    secs: list[Node | Block] = [title]
    for i in items:
        label = styled(b, [Block([b.line("section", i, r.choice(CATEGORIES))], "section")], pal)
        head = styled(b, [title_block(b, i, case=case_choice(b))], pal)
        if b.chance(0.7):
            head += styled(b, [byline_block(b, i, ("by", "by_outlet", "written_for", "posted_by"))], pal)
        if "date" not in b.items[i].values:
            head += styled(b, [date_block(b, i, r.choice(("long", "weekday", "dmy", "iso")))], pal)
        body = styled(b, body_blocks(b, i), pal)
        foot = []
        if "outlet" not in b.items[i].values or b.chance(0.3):
            foot = [N("footer", *styled(b, [trailer_block(b, i, r.choice(("source", "published_in")))], pal))]
        secs.append(N("section", *label, N("article", N("header", *head), *body, *foot), cls=rc(b)))
    b.head_title = b.page_title[0].text
    return [html_header(b), N("main", *secs), sidebar(b), footer(b)]


@family("html_br_stack", fmt="html", count=(2, 5))
def html_br_stack(b: Builder, items: list[int]) -> Tree:
    """Items whose headline, byline and date share ONE <p> split by <br> (<strong>/<em> inside), body
    paragraphs after; <hr> or '* * *' paragraphs between items."""
    r = b.rng
    title = page_title_block(b, headline_title(b))
    title.tag = "h1"
    content: list[Node | Block] = [title, styled(b, [posted_block(b)], {"meta": "p"})[0]]
    sep = r.choice(("hr", "stars"))
    for k, i in enumerate(items):
        if k:
            content.append(Block([], "sep", tag="hr") if sep == "hr" else
                           Block([b.line("noise", None, "* * *")], "sep", tag="p"))
        head = title_block(b, i, wrap=r.choice((1, 2)))
        strong = r.choice(("strong", "b"))
        for ln in head.lines:
            ln.wrap = strong
        by = byline_block(b, i, ("by_outlet", "slash", "by_in"))
        by.lines[0].wrap = "em"
        lines = head.lines + by.lines
        if "date" not in b.items[i].values:
            lines += date_block(b, i, r.choice(("long", "dmy", "weekday"))).lines
        content.append(Block(lines, "title", tag="p"))
        content += styled(b, body_blocks(b, i, dateline=r.choice(("none", "paren_abbr"))), pick_palette(b))
    if b.chance(0.6):
        content += styled(b, [fair_use_block(b)], {"fair_use": "p"})
    b.head_title = b.page_title[0].text
    return [html_header(b), N("div", N("div", *content, cls=rc(b)), cls=rc(b)), footer(b)]


@family("html_link_list", fmt="html", count=(3, 9))
def html_link_list(b: Builder, items: list[int]) -> Tree:
    """Roundup as a list: <li><a>Headline</a> (Outlet)<br>summary</li>, or the blurb first and the linked
    'Headline (Outlet)' after it."""
    r = b.rng
    title = page_title_block(b, f"{len(items)} Stories You May Have Missed")
    title.tag = "h1"
    intro = Block([b.line("noise", None, "Our pick of the week’s reporting, with a note on each.")], "noise", tag="p")
    blurb_first, style = b.chance(0.4), r.choice(("paren", "bracket", "dash"))
    lis: list[Node | Block] = []
    for i in items:
        head = title_block(b, i, suffix=source_suffix(b, i, style))
        head.lines[0].segs[0].inline = "a"
        body = body_blocks(b, i, "summary", noise=False)
        lines = body[0].lines + head.lines if blurb_first else head.lines + body[0].lines
        lis.append(N("li", Block(lines, "body", tag="")))
    b.head_title = f"{title.lines[0].raw} | {b.site}"
    return [html_header(b), N("div", title, intro, N(r.choice(("ul", "ol")), *lis), cls=rc(b)), footer(b)]


@family("html_aggregator", fmt="html", count=(3, 8))
def html_aggregator(b: Builder, items: list[int]) -> Tree:
    """Aggregator markup: per item a <cite>Author / <a>Outlet</a>:</cite> div, then a div with
    <strong><a>Headline</a></strong> — opening text …, and a 'Discussion:' div."""
    r = b.rng
    stamp = S(f"{fmt_time(r, 'et')}, {fmt_date(b.day, 'long')}")
    b.page_date = (b.day.isoformat(), stamp)
    top: list[Node | Block] = [Block([b.line("page_meta", None, stamp)], "meta", tag="div"),
                               Block([b.line("noise", None, "Top Items:")], "noise", tag="h2")]
    for i in items:
        spec = b.spec(i)
        segs = []
        if spec.authors:
            a = S(join_names(r, spec.authors), "byline")
            b.give(i, "author", "; ".join(spec.authors), a)
            segs += [a, S(" / ", "byline")]
        o = S(spec.outlet, "byline", "a")
        b.give(i, "outlet", spec.outlet, o)
        by = Block([b.line("byline", i, *segs, o, S(":", "byline"), wrap="cite")], "byline", tag="div")
        head = S(headline_text(b, i), "title", "a")
        b.items[i].title.append(head)
        line = b.line("title", i, head, S(" — "), S(spec.summary + " …", "body"))
        line.segs[0].inline = "a"
        kids: list[Node | Block] = [by, Block([line], "title", tag="div")]
        if b.chance(0.5):
            talk = b.line("noise", i, "Discussion: ", S(r.choice(SITE_NAMES), inline="a"))
            kids.append(Block([talk], "noise", tag="div"))
        top.append(N("div", *kids, cls=r.choice(("item", rc(b)))))
    b.head_title = b.site
    return [N("div", Block([b.line("page_meta", None, b.site)], "meta", tag="h1"), cls="logo"),
            N("div", *top, cls=rc(b)), sidebar(b, "div")]
