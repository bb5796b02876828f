"""Text layout families of blog, feed, tag and portal archives: RSS reposts, section fronts, link hubs,
author and tag pages, label pages, category listings, roundups with the outlet after the text."""

from __future__ import annotations

from .articles import fill
from .bylines import byline_block
from .dates import fmt_date, fmt_time
from .families import Registry, Tree, glued, glued_to, inline_byline, listing_title
from .model import Block, Builder, S
from .printers import (
    body_blocks,
    date_block,
    date_seg,
    headline_text,
    nav_blocks,
    noise_block,
    page_title_block,
    title_block,
    trailer_block,
)
from .vocab import CATEGORIES, LAST_NAMES, ORGS, OUTLETS_EN, RELATIVE_AGES

family = Registry()


@family("rss_posted", count=(2, 5), paragraphs=(1, 2))
def rss_posted(b: Builder, items: list[int]) -> Tree:
    """Blog fed by one outlet's RSS: page title naming the outlet / per item headline /
    'Posted: 20 Jan 2020 12:31 AM PST' / standfirst / 1-2 paragraphs / 'Continue reading...'."""
    r = b.rng
    outlet = r.choice(OUTLETS_EN)
    name = S(outlet)
    title = Block([b.line("page_title", None, S("World news from "), name)], "page_title")
    b.page_title += title.lines[0].segs
    out: Tree = [title, noise_block(b, r.choice(("0 comments", "0 komentar", "No comments")))]
    for i in items:
        b.give(i, "outlet", outlet, name)
        out.append(title_block(b, i))
        out.append(date_block(b, i, "dmy_short", "Posted: ", f" {fmt_time(r, 'pst')}"))
        out.append(Block([b.line("body", i, S(b.spec(i).standfirst, "body"))], "body"))
        out += body_blocks(b, i, noise=False)
        out.append(trailer_block(b, i, "continue"))
    return out


@family("section_front", count=(3, 7))
def section_front(b: Builder, items: list[int]) -> Tree:
    """News-site section front: cards of relative timestamp ('2h', '1 hour ago') / headline / one-sentence
    summary / the timestamp again / sometimes a long photo caption (belongs to the card above)."""
    r = b.rng
    site = S(b.site)
    out: Tree = [Block([b.line("page_meta", None, site)], "meta"), *nav_blocks(b, one_line=False)]
    out.append(page_title_block(b, f"Latest {r.choice(CATEGORIES)} Headlines"))
    for i in items:
        b.give(i, "outlet", b.site, site)
        age = r.choice(RELATIVE_AGES)
        out.append(noise_block(b, age, i))
        out.append(title_block(b, i, case=r.choice(("title", "sentence"))))
        out += body_blocks(b, i, "teaser")
        out.append(noise_block(b, age, i))
        if b.chance(0.4):
            out.append(noise_block(b, "FILE - " + fill(r, "A crew inspects the {topic} outside {Place}, {Month} {day}, "
                                                       "{year}. (Photo/{Person}, File)"), i, "caption"))
    return out


HUB_MENTIONS = ("{O} also spoke with {Person} about the plans.", "{O} has the full timeline.",
                "{O} in {Place} reports that a vote is set for {Month}.")


@family("outlet_line_hub", count=(3, 8))
def outlet_line_hub(b: Builder, items: list[int]) -> Tree:
    """Link hub: headline / the outlet's name alone on the next line / 1-3 summary lines, some of which start
    with the outlet's name again (body, not a byline); no blank lines inside an item."""
    r = b.rng
    out: Tree = [page_title_block(b, f"{b.site} hub archive"),
                 noise_block(b, "Below is the archive of our weekly link hub, oldest entries last.")]
    for i in items:
        spec = b.spec(i)
        lines = title_block(b, i).lines + byline_block(b, i, ("outlet",)).lines
        texts = [spec.teaser]
        if b.chance(0.5):
            template = r.choice(HUB_MENTIONS).replace("{O}", spec.outlet)
            texts.append(fill(r, template))
        lines += [b.line("body", i, S(t, "body")) for t in texts]
        out.append(Block(lines, "body"))
    return out


@family("author_outlet_date", count=(3, 8))
def author_outlet_date(b: Builder, items: list[int]) -> Tree:
    """Author archive: headline / 'Author – Outlet, 14 Jul 2014' on the next line / teaser paragraph."""
    out: Tree = [page_title_block(b, f"Articles by {b.rng.choice(OUTLETS_EN)} writers")] if b.chance(0.3) else []
    for i in items:
        out.append(glued(title_block(b, i), byline_block(b, i, ("dash_date",))))
        out += body_blocks(b, i, "summary")
    return out


@family("by_comma_dash", count=(3, 8))
def by_comma_dash(b: Builder, items: list[int]) -> Tree:
    """Repost tag page: headline / blank / '[By ]Author, Outlet -' / blank / teaser (maybe 'CITY—' dateline)
    ending ' [...]'."""
    r = b.rng
    out: Tree = [page_title_block(b, listing_title(b))] if b.chance(0.3) else []
    for i in items:
        out.append(title_block(b, i))
        out.append(byline_block(b, i, ("comma_dash", "comma_dash", "comma_dash_bare")))
        out += body_blocks(b, i, "summary", dateline=r.choice(("none", "none", "city")), tail=[S(" [...]", "body")])
    return out


@family("blogger_label", count=(2, 5))
def blogger_label(b: Builder, items: list[int]) -> Tree:
    """Blog label page: status line / per post a date header / 'Outlet: "Headline"' / the quoted excerpt
    (quote marks not in the gold words) / 'Read the full story at the source' link line."""
    r = b.rng
    status = f"Showing entries filed under {b.spec(items[0]).outlet}"
    out: Tree = [noise_block(b, status)]
    for i in items:
        spec = b.spec(i)
        out.append(date_block(b, i, "weekday"))
        src = S(spec.outlet, "byline")
        b.give(i, "outlet", spec.outlet, src)
        head = S(headline_text(b, i), "title")
        b.items[i].title.append(head)
        out.append(Block([b.line("title", i, src, S(': "'), head, S('"'))], "title"))
        body = body_blocks(b, i, r.choice(("summary", "full")), noise=False)
        body[0].lines[0].segs.insert(0, S("“"))
        body[-1].lines[-1].segs.append(S("”"))
        out += body
        link = S("Read the full story at the source (may need a subscription)", inline="a")
        out.append(Block([b.line("trailer", i, link)], "trailer"))
        out.append(noise_block(b, f"Posted by {r.choice(LAST_NAMES)} at {fmt_time(r, 'ampm')}", i))
    return out


@family("portal_dated", count=(2, 6), langs=("en",))
def portal_dated(b: Builder, items: list[int]) -> Tree:
    """French portal embedding one outlet's feed: outlet URL and name on top; 'Headline (jeu., 25 avril 2019)'
    with the date at the end of the headline line / standfirst run into the text / 'Read on…' /
    '» Suite de l’article'."""
    r = b.rng
    outlet = r.choice(OUTLETS_EN)
    name = S(outlet)
    host = outlet.lower().removeprefix("the ").replace(" ", "")
    out: Tree = [Block([b.line("page_meta", None, f"http://www.{host}.com/")], "meta"),
                 Block([b.line("page_title", None, name)], "page_title")]
    b.page_title.append(name)
    for i in items:
        spec = b.spec(i)
        b.give(i, "outlet", outlet, name)
        date = date_seg(b, i, r.choice(("fr_abbr", "rfc", "rfc")))
        date.kind = "byline"
        out.append(title_block(b, i, case="sentence", suffix=[S(" ("), date, S(")")]))
        out.append(Block([b.line("body", i, S(spec.standfirst + " " + spec.summary, "body"))], "body"))
        out.append(glued_to(Block([b.line("trailer", i, S("Read on…", inline="a"))], "trailer")))
        out.append(Block([b.line("trailer", i, S("» Suite de l’article", inline="a"))], "trailer"))
    return out


@family("category_tags", count=(3, 7))
def category_tags(b: Builder, items: list[int]) -> Tree:
    """Science-aggregator archive: a line of category tags (section) / headline / teaser with an inline
    'Author: X' or 'By X' and '[…]' at the end."""
    r = b.rng
    out: Tree = [page_title_block(b, listing_title(b))] if b.chance(0.4) else []
    for i in items:
        out.append(Block([b.line("section", i, " ".join(r.sample(CATEGORIES, r.randint(1, 3))))], "section"))
        out.append(title_block(b, i))
        out += body_blocks(b, i, "summary", lead=inline_byline(b, i), tail=[S(" […]", "body")])
    return out


@family("caption_first", count=(3, 7))
def caption_first(b: Builder, items: list[int]) -> Tree:
    """Tag listing where each item opens with its IMAGE CAPTION / headline / author[, affiliation] /
    '20th November 2015' / teaser + 'more...'."""
    r = b.rng
    out: Tree = [page_title_block(b, listing_title(b))] if b.chance(0.5) else []
    for i in items:
        spec = b.spec(i)
        out.append(noise_block(b, fill(r, "{Groups} near {Place}, where the {topic} is planned. Photo: {Person} via "
                                          "Fieldnotes.net (CC BY)"), i, "caption"))
        out.append(title_block(b, i))
        if spec.authors:
            seg = S(spec.authors[0], "byline")
            b.give(i, "author", spec.authors[0], seg)
            aff = [S(", " + r.choice(ORGS).removeprefix("the "))] if b.chance(0.4) else []
            out.append(Block([b.line("byline", i, seg, *aff)], "byline"))
        out.append(date_block(b, i, "ordinal_dmy"))
        out += body_blocks(b, i, "summary", tail=[S(" "), S("more...", "trailer", "a")])
    return out


@family("trailing_outlet_roundup", count=(3, 8))
def trailing_outlet_roundup(b: Builder, items: list[int]) -> Tree:
    """Weekly roundup: short headline / summary paragraph that ends with the source outlet after a dash
    (' – Outlet')."""
    r = b.rng
    out: Tree = [page_title_block(b, f"{len(items)} {r.choice(CATEGORIES).lower()} stories you might have missed"),
                 Block([b.line("page_meta", None, fill(r, "{Topic} fight moves to court, {topic} vote delayed."))],
                       "meta"),
                 noise_block(b, "Catch up on the week’s news with this quick roundup.")]
    for i in items:
        spec = b.spec(i)
        out.append(title_block(b, i))
        seg = S(spec.outlet, "byline")
        b.give(i, "outlet", spec.outlet, seg)
        out += body_blocks(b, i, "summary", tail=[S(r.choice((" – ", " - ", " — "))), seg])
    return out


@family("category_source", count=(2, 6))
def category_source(b: Builder, items: list[int]) -> Tree:
    """Research-centre blog archive: 'Categories' + category line / headline / blurb with a 'Source: Outlet'
    line AFTER it, or a 'From OUTLET' line BEFORE the text."""
    r = b.rng
    out: Tree = [page_title_block(b, f"{fmt_date(b.day, 'long').split()[0]} {b.day.year}")] if b.chance(0.5) else []
    for i in items:
        spec = b.spec(i)
        out.append(Block([b.line("noise", i, "Categories"),
                          b.line("section", i, " ".join(r.sample(CATEGORIES, r.randint(1, 3))))], "section"))
        out.append(title_block(b, i, case=r.choice(("title", "sentence"))))
        if b.chance(0.5):
            seg = S(spec.outlet.upper(), "byline")
            b.give(i, "outlet", spec.outlet, seg)
            out.append(Block([b.line("byline", i, S("From "), seg)], "byline"))
            out += body_blocks(b, i, r.choice(("summary", "full")))
        else:
            out += body_blocks(b, i, "summary")
            out.append(trailer_block(b, i, "source"))
    return out

