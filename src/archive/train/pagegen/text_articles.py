"""Text layout families that print whole articles: compilations, reposts, exports and digests with full
bodies (headline, byline and date lines in many orders and forms, separators, trailers)."""

from __future__ import annotations

from .articles import HEADLINES, fill, person
from .bylines import byline_block, join_names
from .dates import LANG_DATE_FORMATS
from .families import (
    Registry,
    Tree,
    case_choice,
    glued_to,
    headline_title,
    listing_title,
    local_date_meta,
    seps,
    site_header,
)
from .model import Block, Builder, S, Seg
from .printers import (
    body_blocks,
    date_block,
    fair_use_block,
    noise_block,
    page_title_block,
    posted_block,
    source_line_block,
    title_block,
    trailer_block,
)
from .vocab import CATEGORIES

family = Registry()


@family("seed_compilation")
def seed_compilation(b: Builder, items: list[int]) -> Tree:
    """Page title / 'Month Dth, YYYY - by admin' / compiler's source line; items: headline (wrapped, deck) /
    [standfirst] / 'Author / Outlet' or outlet-only byline / '(Date) — ' dateline body; fair-use note."""
    r = b.rng
    out: Tree = [page_title_block(b, headline_title(b)),
                 posted_block(b, r.choice(("{ord} - by {ed}", "Posted on {iso} by {ed}", "Posted on {long} by {ed}")))]
    if b.chance(0.8):
        out.append(source_line_block(b, items))
    sep = r.choice(("blank", "blank", "blank", "stars", "---"))
    for k, i in enumerate(items):
        out += seps(b, k, sep)
        out.append(title_block(b, i, case=case_choice(b, (0.85, 0.15, 0)), wrap=r.choice((1, 1, 2, 3)),
                               deck=b.chance(0.4), quote=b.chance(0.1)))
        by = byline_block(b, i, ("slash", "slash", "outlet", "by_outlet", "pipe_date", "staff", "caps_slash"))
        if b.chance(0.15):
            by.lines.insert(0, b.line("subtitle", i, b.spec(i).standfirst))
        out.append(by)
        out += body_blocks(b, i, dateline=r.choice(("paren_long", "paren_dmy", "paren_abbr", "paren_iso",
                                                      "city_paren", "plain", "none")))
    if b.chance(0.75):
        out.append(fair_use_block(b))
    return out


@family("by_outlet_city")
def by_outlet_city(b: Builder, items: list[int]) -> Tree:
    """Site name and nav on top; items: headline / 'By Author, Outlet' ('By A in O', 'Written by A for O') /
    'CITY (Oct. 20, 2016) — ' body; '* * *' or '---' separators; sometimes 'Source: URL'."""
    r = b.rng
    out: Tree = [*site_header(b), page_title_block(b, headline_title(b))]
    if b.chance(0.6):
        out.append(posted_block(b, "Published {long}"))
    sep = r.choice(("stars", "---", "blank"))
    for k, i in enumerate(items):
        out += seps(b, k, sep)
        out.append(title_block(b, i, case=case_choice(b), wrap=r.choice((1, 1, 2)), deck=b.chance(0.3)))
        if b.chance(0.2):
            out.append(Block([b.line("subtitle", i, b.spec(i).standfirst)], "subhead"))
        out.append(byline_block(b, i, ("by_outlet", "by_in", "written_for")))
        out += body_blocks(b, i, dateline=r.choice(("city_paren", "city_paren", "city", "paren_long")))
        if b.chance(0.3):
            out.append(trailer_block(b, i, "source_url"))
    if b.chance(0.5):
        out.append(fair_use_block(b))
    return out


@family("byline_first")
def byline_first(b: Builder, items: list[int]) -> Tree:
    """Byline BEFORE the headline: 'Author | Outlet | date' (or 'A / O', 'A – O, date') / headline / body."""
    r = b.rng
    out: Tree = [page_title_block(b, headline_title(b))] if b.chance(0.7) else []
    if b.chance(0.5):
        out.append(posted_block(b))
    sep = r.choice(("blank", "---", "stars"))
    forms = r.choice((("pipe_date",), ("slash", "pipe_date"), ("dash_date",), ("by_outlet",)))
    for k, i in enumerate(items):
        out += seps(b, k, sep)
        out.append(byline_block(b, i, forms))
        out.append(title_block(b, i, case=case_choice(b), wrap=r.choice((1, 2)), deck=b.chance(0.3)))
        out += body_blocks(b, i, dateline=r.choice(("none", "city", "paren_long")))
    if b.chance(0.5):
        out.append(fair_use_block(b))
    return out


@family("date_first")
def date_first(b: Builder, items: list[int]) -> Tree:
    """A date line BEFORE each headline ('Thursday, October 20, 2016', '20.10.2016', '10/20/2016'...) /
    headline / 'By Author' or outlet line / body; '---', '====' or '___' separators."""
    r = b.rng
    style = r.choice(("weekday", "dot", "mdy_slash", "dmy_slash", "iso", "long", "dmy"))
    out: Tree = [page_title_block(b, listing_title(b) if b.chance(0.4) else headline_title(b))]
    sep = r.choice(("---", "equals", "underscores", "tildes", "blank"))
    for k, i in enumerate(items):
        out += seps(b, k, sep)
        out.append(date_block(b, i, style))
        out.append(title_block(b, i, case=case_choice(b)))
        out.append(byline_block(b, i, ("by", "outlet", "by_outlet", "staff", "author_caps")))
        out += body_blocks(b, i, dateline=r.choice(("none", "none", "city")))
    if b.chance(0.4):
        out.append(fair_use_block(b))
    return out


@family("title_date_byline")
def title_date_byline(b: Builder, items: list[int]) -> Tree:
    """Headline / date line ('Posted: ...' or a weekday date) / byline ('Posted by A', 'Written by A for O',
    'By A in O') / body / 'Source: Outlet' or 'Published in: Outlet' when the byline named no outlet."""
    r = b.rng
    out: Tree = [*site_header(b, nav=0.5), page_title_block(b, headline_title(b))]
    style, pre = r.choice((("weekday", ""), ("long", "Posted: "), ("ordinal", ""), ("dmy_short", "Posted: "),
                           ("iso", "Date: ")))
    sep = r.choice(("blank", "stars", "---"))
    for k, i in enumerate(items):
        out += seps(b, k, sep)
        out.append(title_block(b, i, case=case_choice(b), wrap=r.choice((1, 2)), deck=b.chance(0.3)))
        out.append(date_block(b, i, style, pre))
        out.append(byline_block(b, i, ("posted_by", "written_for", "by", "by_in", "by_outlet")))
        out += body_blocks(b, i, dateline=r.choice(("none", "city")))
        if "outlet" not in b.items[i].values:
            out.append(trailer_block(b, i, r.choice(("source", "published_in"))))
    if b.chance(0.6):
        out.append(fair_use_block(b))
    return out


@family("wire_repost")
def wire_repost(b: Builder, items: list[int]) -> Tree:
    """Headline / body opening with a wire dateline ('City, Oct 20, 2016 / 04:26 am (PWS).- ' or
    'CITY (PWS) ') and no byline, or a body followed by 'The post ... appeared first on Outlet.' /
    'This article originally appeared in Outlet.' and a source URL."""
    r = b.rng
    out: Tree = [page_title_block(b, headline_title(b))]
    if b.chance(0.5):
        out.append(posted_block(b))
    sep = r.choice(("blank", "---", "stars"))
    for k, i in enumerate(items):
        out += seps(b, k, sep)
        out.append(title_block(b, i, case=case_choice(b)))
        variant = r.choice(("wire", "agency", "feed"))
        if variant == "feed":
            out += body_blocks(b, i, dateline=r.choice(("none", "city")))
            out.append(trailer_block(b, i, r.choice(("appeared", "originally"))))
            if b.chance(0.5):
                out.append(trailer_block(b, i, "source_url"))
        else:
            out += body_blocks(b, i, dateline=variant)
            if b.chance(0.5):
                out.append(trailer_block(b, i, r.choice(("source_url", "url"))))
    return out


@family("multilingual", langs=("fr", "es", "de", "en"))
def multilingual(b: Builder, items: list[int]) -> Tree:
    """French/Spanish/German (and some English) items: localised page date, 'Par A' / 'Por A, O' / 'Von A'
    bylines, localised date lines ('20 octobre 2016', '20 de octubre de 2016', '20. Oktober 2016') and datelines."""
    r = b.rng
    lang = b.spec(items[0]).lang
    out: Tree = [page_title_block(b, fill(r, r.choice(HEADLINES[lang]))), local_date_meta(b, lang)]
    sep = r.choice(("blank", "stars", "---"))
    for k, i in enumerate(items):
        spec = b.spec(i)
        out += seps(b, k, sep)
        out.append(title_block(b, i, wrap=r.choice((1, 1, 2))))
        out.append(byline_block(b, i, ("by", "by_outlet", "outlet")))
        if b.chance(0.5):
            out.append(date_block(b, i, r.choice(LANG_DATE_FORMATS[spec.lang])))
        out += body_blocks(b, i, dateline=r.choice(("local", "none")))
    if b.chance(0.6):
        out.append(fair_use_block(b, lang))
    return out


@family("numbered_export")
def numbered_export(b: Builder, items: list[int]) -> Tree:
    """Database-export style: '1. Headline' / body / trailers 'Published in: Outlet', 'Date: ...', '1,234 Words'."""
    r = b.rng
    out: Tree = [page_title_block(b, f"Saved articles: {r.choice(CATEGORIES)}"),
                 noise_block(b, f"{len(items)} documents · sorted by date")]
    sep = r.choice(("blank", "underscores"))
    order = r.choice((("published_in", "date", "words"), ("source", "date"), ("words", "published_in"),
                      ("published_in",), ("source", "posted")))
    for k, i in enumerate(items):
        out += seps(b, k, sep)
        out.append(title_block(b, i, prefix=[S(f"{k + 1}. ", "label")]))
        out += body_blocks(b, i, noise=False)
        trailers = [trailer_block(b, i, t) for t in order]
        out += [trailers[0]] + [glued_to(t) for t in trailers[1:]]
    return out


@family("caps_equals")
def caps_equals(b: Builder, items: list[int]) -> Tree:
    """'====' separators, ALL CAPS headlines, 'Author – Outlet, 14 Jul 2014' bylines, full bodies."""
    r = b.rng
    out: Tree = [page_title_block(b, headline_title(b).upper() if b.chance(0.5) else headline_title(b)),
                 posted_block(b)]
    for k, i in enumerate(items):
        out += seps(b, k, "equals")
        out.append(title_block(b, i, case="caps", wrap=r.choice((1, 2)), deck=b.chance(0.3)))
        out.append(byline_block(b, i, ("dash_date",)))
        out += body_blocks(b, i, dateline=r.choice(("none", "city", "plain")))
    if b.chance(0.7):
        out.append(fair_use_block(b))
    return out


@family("section_digest", paragraphs=(1, 4))
def section_digest(b: Builder, items: list[int]) -> Tree:
    """Single-source digest: ALL-CAPS section label / headline / body whose last paragraph ends
    '— Author'; no outlet printed; '___' or blank separators."""
    r = b.rng
    out: Tree = [page_title_block(b, r.choice((f"{b.site} Daily Digest", "Morning Briefing", "The Evening Wrap")))]
    sep = r.choice(("underscores", "blank"))
    for k, i in enumerate(items):
        spec = b.spec(i)
        out += seps(b, k, sep)
        out.append(Block([b.line("section", i, r.choice(CATEGORIES).upper())], "section"))
        out.append(title_block(b, i))
        tail: list[Seg] = []
        if spec.authors:
            seg = S(join_names(r, spec.authors), "byline")
            b.give(i, "author", "; ".join(spec.authors), seg)
            tail = [S(r.choice((" — ", " —", " -- "))), seg]
        out += body_blocks(b, i, tail=tail)
    return out


@family("posted_readmore", paragraphs=(1, 2))
def posted_readmore(b: Builder, items: list[int]) -> Tree:
    """Blog day archive: headline / 'by Author' / 'Outlet | 17 April, 2016' / [photo credit] /
    1-2 paragraphs with 'Read More »' glued to the last sentence."""
    r = b.rng
    out: Tree = [posted_block(b, "Daily Archives: {long}")]
    for i in items:
        out.append(title_block(b, i))
        out.append(byline_block(b, i, ("by_outlet_date",)))
        if b.chance(0.3):
            out.append(noise_block(b, f"({person(r)} photo)", i, "caption"))
        out += body_blocks(b, i, noise=False, tail=[S(r.choice(("Read More »", " Read More »", "…Read more")),
                                                        "trailer", "a")])
    return out

