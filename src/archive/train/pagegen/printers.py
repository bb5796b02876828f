"""Printers of everything else on a page: headlines, date lines and datelines, bodies, trailers, noise,
separators and page furniture (page title, posted line, source line, navigation, fair-use note).

Each printer returns blocks for a layout family to place, and records on the ``Builder`` what each
printed piece tells (headline words, body words, date...).
"""

from __future__ import annotations

import random
import zlib

from .articles import Para, fill
from .bylines import join_names
from .dates import LANG_DATE_FORMATS, fmt_date, fmt_time
from .model import Block, Builder, S, Seg
from .vocab import ADS, CAPTION_TEMPLATES, EDITORS, FAIR_USE_FR, FAIR_USE_NOTES, NAV_ITEMS, SHARE_ITEMS


# ------------------------------------------------------------------ headlines
def headline_text(b: Builder, i: int, case: str = "title", quote: bool = False) -> str:
    """The headline as printed: 'title' case, 'caps', or 'sentence' case; optionally in quotes."""
    spec = b.spec(i)
    if case == "title" and b.sentence_case:
        case = "sentence"
    text = {"caps": spec.headline.upper(), "sentence": spec.headline_sc}.get(case, spec.headline)
    text = cut_headline(text)
    if quote and not text.startswith(("‘", "“")):
        text = b.rng.choice(("‘{}’", "“{}”", '"{}"')).format(text)
    return text


#: The share of long headlines printed cut short with an ellipsis, as listings cut them to a width.
CUT_HEADLINE_SHARE = 0.06


def cut_headline(text: str) -> str:
    """A long headline now and then cut at a word with "..." or "…" (drawn from the headline itself, so
    that no other draw of the page changes)."""
    words = text.split(" ")
    rng = random.Random(zlib.crc32(text.encode()))
    if len(words) < 8 or rng.random() >= CUT_HEADLINE_SHARE:
        return text
    keep = rng.randint(len(words) // 2, len(words) - 2)
    return " ".join(words[:keep]).rstrip(",:;") + rng.choice(("...", "…", " ..."))


def wrap_words(rng: random.Random, text: str, parts: int) -> list[str]:
    """Cut ``text`` into at most ``parts`` lines of similar width at word boundaries (a narrow column)."""
    words = text.split(" ")
    if parts < 2 or len(words) < 2 * parts:
        return [text]
    width = len(text) / parts * rng.uniform(0.85, 1.15)
    lines: list[str] = []
    cur: list[str] = []
    for w in words:
        if cur and len(" ".join([*cur, w])) > width and len(lines) < parts - 1:
            lines.append(" ".join(cur))
            cur = []
        cur.append(w)
    return [*lines, " ".join(cur)]


def title_block(b: Builder, i: int, *, case: str = "title", wrap: int = 1, deck: bool = False, quote: bool = False,
                prefix: list[Seg] | None = None, suffix: list[Seg] | None = None, role: str = "title") -> Block:
    """The headline (wrapped over ``wrap`` lines), with an optional deck line (part of the gold title),
    label pieces before it (a list number) and pieces after it (a bracketed source)."""
    texts = wrap_words(b.rng, headline_text(b, i, case, quote), wrap)
    segs = [S(t, "title") for t in texts]
    b.items[i].title += segs
    lines = [b.line(role, i, s) for s in segs]
    lines[0].segs[:0] = prefix or []
    lines[-1].segs += suffix or []
    spec = b.spec(i)
    if deck and spec.deck:
        d = S(spec.deck.upper() if case == "caps" else spec.deck, "title")
        b.items[i].title.append(d)
        lines.append(b.line("subtitle", i, d))
    return Block(lines, "title")


# ------------------------------------------------------------------ dates and datelines
def date_seg(b: Builder, i: int, style: str) -> Seg:
    seg = S(fmt_date(b.spec(i).date, style), "date", "time")
    b.give(i, "date", b.spec(i).date.isoformat(), seg)
    return seg


def date_block(b: Builder, i: int, style: str, pre: str = "", post: str = "") -> Block:
    """A line that is only a date (role 'date'), e.g. 'Posted: 20 Jan 2020 12:31 AM PST'."""
    return Block([b.line("date", i, *(s for s in (S(pre), date_seg(b, i, style), S(post)) if s.text))], "date")


DATELINES = ("paren_long", "paren_abbr", "paren_dmy", "paren_iso", "city_paren", "plain", "city", "city_noyear",
             "wire", "agency", "local", "none")


def dateline_segs(b: Builder, i: int, form: str) -> list[Seg]:
    """The dateline opening a body: 'CITY (Oct. 20, 2016) — ', '(20 October 2016) – ', wire forms..."""
    spec, r = b.spec(i), b.rng
    city = spec.place.upper()
    dash = r.choice(("— ", "– ", "-- ")) if form.startswith("paren") else "— "
    styles = {"paren_long": "long", "paren_abbr": "abbr", "paren_dmy": "dmy", "paren_iso": "iso",
              "city_paren": r.choice(("long", "ap")), "plain": "long",
              "local": r.choice(LANG_DATE_FORMATS[spec.lang])}
    if form in styles:
        d = S(fmt_date(spec.date, styles[form]), "dateline")
        b.give(i, "date", spec.date.isoformat(), d)
        if form == "plain":
            return [d, S(" " + dash)]
        lead = f"{city} (" if form in ("city_paren", "local") else "("
        return [S(lead, "dateline"), d, S(") " + dash, "dateline")]
    if form == "city":
        return [S(f"{city} {r.choice(('— ', '-- ', '—'))}", "dateline")]
    if form == "city_noyear":
        return [S(f"{city}, {fmt_date(spec.date, 'ap').rsplit(',', 1)[0]} — ", "dateline")]
    if form == "wire":
        _, abbr = spec.agency
        d = S(fmt_date(spec.date, "short"), "dateline")
        src = S(abbr, "byline")
        b.give(i, "date", spec.date.isoformat(), d)
        b.give(i, "outlet", abbr, src)
        return [S(f"{spec.place}, ", "dateline"), d, S(f" / {fmt_time(r)} (", "dateline"), src, S(").- ", "dateline")]
    if form == "agency":
        src = S(spec.agency[1], "byline")
        b.give(i, "outlet", spec.agency[1], src)
        return [S(f"{city} (", "dateline"), src, S(") ", "dateline")]
    return []


# ------------------------------------------------------------------ bodies, trailers, noise
def caption_text(b: Builder) -> str:
    return fill(b.rng, b.rng.choice(CAPTION_TEMPLATES))


def inner_noise(b: Builder, i: int) -> Block | None:
    """Sometimes a caption, 'Related:' link, share row, ad or 'Read more: URL' line between paragraphs."""
    roll = b.rng.random()
    if roll < 0.05:
        return Block([b.line("noise", i, caption_text(b))], "caption")
    if roll < 0.09:
        other = fill(b.rng, "{Place} Residents Demand Answers on {Topic}")
        return Block([b.line("noise", i, b.rng.choice(("Related: ", "RELATED: ", "See also: ")), S(other, inline="a"))],
                     "noise")
    if roll < 0.11:
        return Block([b.line("noise", i, " · ".join(b.rng.sample(SHARE_ITEMS, 3)))], "share")
    if roll < 0.13:
        return Block([b.line("noise", i, b.rng.choice(ADS))], "ad")
    if roll < 0.15:
        return Block([b.line("noise", i, "Read more: ", S(b.spec(i).url, inline="a"))], "noise")
    return None


def body_blocks(b: Builder, i: int, mode: str = "full", *, dateline: str = "none", lead: list[Seg] | None = None,
                tail: list[Seg] | None = None, gap: int = 1, noise: bool = True,
                bullet: str | None = None) -> list[Block]:
    """The article's text: 'full' (its paragraphs), 'summary' (one paragraph) or 'teaser' (one sentence).
    ``lead`` pieces go before the dateline (an inline byline), ``tail`` pieces after the last word."""
    spec = b.spec(i)
    paras = spec.body if mode == "full" else (Para("p", (spec.summary if mode == "summary" else spec.teaser,)),)
    bullet = bullet if bullet is not None else "" if b.fmt == "html" else b.rng.choice(("• ", "* ", "- "))
    blocks: list[Block] = []
    first = True
    for k, para in enumerate(paras):
        if k and noise and (extra := inner_noise(b, i)):
            extra.gap = gap
            blocks.append(extra)
        if para.kind == "bullets":
            blocks.append(Block([b.line("body", i, *([S(bullet)] if bullet else []), S(t, "body")) for t in para.lines],
                                "list", gap))
            continue
        segs = [S(para.lines[0], "body")]
        if first:
            segs[:0] = (lead or []) + dateline_segs(b, i, dateline)
            first = False
        kind = {"subhead": "subhead", "quote": "quote"}.get(para.kind, "body")
        blocks.append(Block([b.line("body", i, *segs)], kind, gap))
    blocks[-1].lines[-1].segs += tail or []
    return blocks


TRAILERS = ("published_in", "source", "source_url", "url", "date", "words", "posted", "continue", "read_more",
            "more", "appeared", "originally")


def trailer_block(b: Builder, i: int, kind: str) -> Block:
    """A metadata line after the body (role 'trailer')."""
    spec, r = b.spec(i), b.rng
    if kind in ("published_in", "source", "appeared", "originally"):
        seg = S(spec.outlet, "byline")
        b.give(i, "outlet", spec.outlet, seg)
        pre, post = {"published_in": ("Published in: ", ""), "source": ("Source: ", ""),
                     "appeared": (f"The post {spec.headline} appeared first on ", "."),
                     "originally": ("This article originally appeared in ", ".")}[kind]
        segs = [S(pre), seg] + ([S(post)] if post else [])
    elif kind in ("date", "posted"):
        segs = [S("Date: " if kind == "date" else "Posted: "), date_seg(b, i, r.choice(("long", "dmy", "weekday")))]
    else:
        text = {"source_url": f"Source: {spec.url}", "url": spec.url,
                "words": f"{r.randint(180, 3400):,} Words",
                "continue": r.choice(("Continue reading…", "Continue reading...", "Continue reading →")),
                "read_more": r.choice(("Read more", "Read More »", "Read more ›")), "more": "(more…)"}[kind]
        segs = [S(text, inline="a" if kind != "words" else None)]
    return Block([b.line("trailer", i, *segs)], "trailer")


def noise_block(b: Builder, text: str, i: int | None = None, kind: str = "noise", role: str = "noise") -> Block:
    return Block([b.line(role, i, text)], kind)


SEPARATORS = {"---": "---", "stars": "* * *", "underscores": "___", "equals": "====", "tildes": "~~~~~~"}


def sep_block(b: Builder, style: str) -> Block | None:
    """A separator line between items (None for 'blank')."""
    if style not in SEPARATORS:
        return None
    return Block([b.line("noise", None, SEPARATORS[style])], "sep", gap=b.rng.choice((1, 1, 2)))


# ------------------------------------------------------------------ page furniture
def page_title_block(b: Builder, text: str) -> Block:
    seg = S(text)
    b.page_title.append(seg)
    return Block([b.line("page_title", None, seg)], "page_title")


POSTED_LINES = ("{ord} - by {ed}", "Posted on {iso} by {ed}", "Posted on {long} by {ed}", "{dot} · {ed}",
                "{weekday}", "Published {long}")


def posted_block(b: Builder, style: str | None = None) -> Block:
    """The page's own date line, e.g. 'October 20th, 2016 - by admin' (role page_meta, gives the page date)."""
    r, d = b.rng, b.day
    tpl = style or r.choice(POSTED_LINES)
    head, _, rest = tpl.partition("{")
    key, _, after = rest.partition("}")
    printed = {"ord": fmt_date(d, "ordinal"), "iso": d.isoformat(), "long": fmt_date(d, "long"),
               "dot": fmt_date(d, "dot"), "weekday": fmt_date(d, "weekday")}[key]
    seg = S(printed, inline="time")
    b.page_date = (d.isoformat(), seg)
    return Block([b.line("page_meta", None, S(head), seg, S(after.replace("{ed}", r.choice(EDITORS))))], "meta")


def source_line_block(b: Builder, items: list[int]) -> Block:
    """The compiler's line naming every source, 'A / O & O2 – 2016-10-20 23:32:13'."""
    parts = []
    for i in items:
        spec = b.spec(i)
        parts.append(f"{join_names(b.rng, spec.authors, spec.lang)} / {spec.outlet}" if spec.authors else spec.outlet)
    when = f"{b.day.isoformat()} {fmt_time(b.rng, 'clock')}"
    return Block([b.line("page_meta", None, " & ".join(dict.fromkeys(parts)) + f" {b.rng.choice('–-')} {when}")],
                 "meta")


def nav_blocks(b: Builder, one_line: bool | None = None) -> list[Block]:
    items = b.rng.sample(NAV_ITEMS, b.rng.randint(3, 7))
    if one_line if one_line is not None else b.chance(0.5):
        return [Block([b.line("noise", None, b.rng.choice((" | ", " · ", "  ")).join(items))], "nav")]
    return [Block([b.line("noise", None, t) for t in items], "nav", gap=0)]


def fair_use_block(b: Builder, lang: str = "en") -> Block:
    seg = S(FAIR_USE_FR if lang == "fr" else b.rng.choice(FAIR_USE_NOTES))
    b.fair_use.append(seg)
    return Block([b.line("fair_use", None, seg)], "fair_use")

