"""Every pattern and word list of extraction, as named data, each with an example.

The recognisers in ``decode``, ``html``, ``dates``, ``lines``, ``features``,
``segment``, ``items`` and ``fields`` read these; none of them writes a
pattern of its own.  The comment over each says what it matches, by example.
"""

from __future__ import annotations

import codecs
import re


def _words(text: str) -> frozenset[str]:
    """A word list written as one string."""
    return frozenset(text.split())


# ---------------------------------------------------------------- bytes and encodings

#: Openings of binary files: b"\x89PNG..." is "a PNG image", never a page.
BINARY_MAGIC = {
    b"\x89PNG": "a PNG image", b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive",
    b"\x7fELF": "an executable", b"MZ": "an executable", b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image", b"\x1f\x8b": "a gzip archive",
}
#: Byte-order marks and their codecs: b"\xef\xbb\xbfHello" is UTF-8.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
#: A UTF-8 multi-byte sequence: b"\xc3\xa9" ("é").
UTF8_SEQUENCE_RE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
#: A run of undecodable bytes kept by "surrogateescape": the "\udc92" of a lone Windows-1252 b"\x92".
SURROGATE_RUN_RE = re.compile("[\udc80-\udcff]+")
#: UTF-8 read as Windows-1252 and saved again: "â€™" for "’", "Ã©" for "é".
MOJIBAKE_RE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                         "\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022"
                         "\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}")
#: The mojibake of "”" whose last byte was lost: "â€\ufffd".
BROKEN_CLOSING_QUOTE = "â€\ufffd"
#: Bytes Windows-1252 leaves undefined; in mojibake they come through as themselves ("\x9d" of "”").
CP1252_UNDEFINED = "\x81\x8d\x8f\x90\x9d"
#: A charset declared in markup: b'<meta charset="windows-1252">'.
META_CHARSET_RE = re.compile(rb"<meta[^>]+charset=[\"']?([\w-]+)", re.IGNORECASE)

# ---------------------------------------------------------------- HTML

#: The start of an HTML document: b"<!DOCTYPE html><html>", b"<?xml ...?><html", b"<div class=...".
HTML_SNIFF_RE = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)?"
                           rb"<(?:!doctype\s+html|html|head|body|meta|div|p|article)\b",
                           re.IGNORECASE | re.DOTALL)
#: Markup that is never text: "<script>x()</script>", "<!-- note -->", "<![CDATA[...]]>", "<!DOCTYPE html>".
MARKUP_NOT_TEXT_RE = re.compile(
    r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->|<!\[CDATA\[.*?\]\]>|<!DOCTYPE[^>]*>",
    re.IGNORECASE | re.DOTALL)
#: A tag that breaks a paragraph: "<p>", "</div>", "<br/>", "<h2 class='x'>".
BLOCK_TAG_RE = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|br|hr|tr|td|blockquote|section|article|header|footer|"
                          r"figcaption|figure|table|pre|dd|dt)\b[^>]*>", re.IGNORECASE)
#: Any tag: "<a href='x'>", "</span>".
TAG_RE = re.compile(r"<[^>]*>")
#: A blank line between paragraphs: "one\n  \ntwo".
BLANK_LINE_RE = re.compile(r"\n\s*\n")
#: A blank line in plain text (spaces and tabs only): "one\n \t\ntwo".
TEXT_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")
#: A CDATA section, which means nothing in HTML: "<![CDATA[ var x ]]>".
CDATA_RE = re.compile(r"<!\[CDATA\[.*?\]\]>", re.DOTALL)
#: A DOCTYPE with an internal subset, whose entities are never expanded: '<!DOCTYPE x [<!ENTITY a "b">]>'.
DOCTYPE_RE = re.compile(r"<!DOCTYPE[^>[]*(\[[^\]]*\])?>", re.IGNORECASE)
#: Elements that are never a page's content: "<nav>", "<aside>", "<form>".
DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "form", "nav", "aside", "footer",
             "button", "select", "svg", "canvas", "object", "embed", "input", "textarea", "head")
#: Class or id of page furniture: 'class="widget recent-posts"', 'id="comments"', 'class="share-buttons"'.
DROP_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(?:sidebar|widget|share|sharing|sharedaddy|social|related|comments?|respond|menu|"
    r"nav|navigation|breadcrumbs?|footer|post-tags|tags-links|cat-links|meta-single|skip-link|"
    r"screen-reader-text|site-header|site-footer|advert|ads|cookie|newsletter|subscribe)(?:$|[\s_-])",
    re.IGNORECASE,
)
#: Classes of the content itself, kept even when a furniture class matches: 'class="entry-content social"'.
CONTENT_CLASSES = ("entry-content", "entry-inner", "post-content")
#: Where a page's main content is, likeliest first: '<div class="entry-content">', "<article>", "<main>".
CONTENT_XPATHS = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' post-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' article-body ')]",
    "//*[@itemprop='articleBody']",
    "//article",
    "//main",
    "//*[@role='main']",
    "//*[@id='content']",
)
#: Elements that end a block of text: "<p>", "<li>", "<h2>", "<hr>".
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption",
              "pre", "td", "th", "dd", "dt", "section", "article", "figure", "ul", "ol", "table",
              "tr", "tbody", "thead", "main", "header", "hr", "center", "address", "dl"}
#: The document's own title element: "<title>Page – Site</title>".
DOCUMENT_TITLE_XPATH = "//title"
#: Where a page's title is, likeliest first: '<h1 class="entry-title">', '<meta property="og:title">', "<title>".
TITLE_XPATHS = ("//h1[contains(@class,'entry-title') or contains(@class,'post-title')]",
                "//meta[@property='og:title']/@content", DOCUMENT_TITLE_XPATH)
#: The site name after a "<title>": "Saudis and US Accused – The Blog" (cut at " – ").
SITE_NAME_RE = re.compile(r"\s+[|–—-]\s+(?=[^|–—-]+$)")
#: '<meta property="article:published_time" content="2016-10-20T23:32:13">'.
PUBLISHED_TIME_XPATH = "//meta[@property='article:published_time']/@content"
#: '<script type="application/ld+json">{"datePublished": "2016-10-20"}</script>'.
JSON_LD_XPATH = "//script[@type='application/ld+json']"
#: '<time class="entry-date published" datetime="2016-10-20">'.
PUBLISHED_TIME_ELEMENT_XPATH = "//time[contains(@class,'published') or contains(@class,'entry-date')]/@datetime"
#: Any '<time datetime="2016-10-20">'.
TIME_XPATH = "//time/@datetime"
#: The blog's line under the title: '<div class="entry-meta">October 20, 2016 by admin</div>'.
ENTRY_META_XPATH = ("//*[contains(@class,'entry-meta') or contains(@class,'post-byline') "
                    "or contains(@class,'posted-on')]")

# ---------------------------------------------------------------- dates

#: Month names and abbreviations: "sept" -> 9.
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_ORD = r"(?:st|nd|rd|th)?"
#: A date as written in a news page: "2016-10-20", "October 20th, 2016", "Oct. 20, 2016", "20 October 2016".
DATE = (
    rf"(?:(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})"
    rf"|(?P<am>{_MONTH}),?\s+(?P<ad>\d{{1,2}}){_ORD},?\s+(?P<ay>\d{{4}})"
    rf"|(?P<bd>\d{{1,2}}){_ORD}\s+(?P<bm>{_MONTH}),?\s+(?P<by>\d{{4}}))"
)
#: ``DATE`` compiled: finds "Oct. 20, 2016" in "(Oct. 20, 2016) -- The".
DATE_RE = re.compile(DATE, re.IGNORECASE)
#: The same pattern without group names, to embed in larger patterns.
DATE_ANY = re.sub(r"\?P<\w+>", "", DATE)
#: A dash as typed: "—", "–", "--", "-", "―".
DASH = r"(?:—|–|--|-|―)"
#: "(October 20, 2016) — ", "KESTREL BAY (November 19, 2016) — ", "March 2, 2017 — ".
DATELINE_RE = re.compile(
    rf"^(?P<place>(?-i:[A-Z][A-Z.'’ -]{{1,40}}(?:,\s*[A-Z][A-Za-z.]{{1,20}})?)\s+)?"
    rf"(?P<open>\()?(?P<date>{DATE_ANY})(?(open)\))\s*{DASH}\s*",
    re.IGNORECASE,
)
#: "Vatican City, Jan 24, 2018 / 04:26 am (CNA/EWTN News).- ": a wire dateline kept in the body.
WIRE_DATELINE_RE = re.compile(
    rf"^[A-Z][\w .'’-]{{1,40}},\s+(?P<date>{DATE_ANY})\s*/\s*[\d:]+\s*[ap]\.?m\.?\s*"
    rf"\((?P<agency>[^()]{{2,40}})\)\.?\s*-",
    re.IGNORECASE,
)
#: A blog's date line: "October 20th, 2016 - by admin", "Posted on 2017-03-03 by editor", "Published March 3, 2017".
PAGE_DATE_LINE_RE = re.compile(
    rf"^(?:Posted\s+on\s+)?(?P<date>{DATE_ANY})(?:\s*{DASH}\s*|\s+)by\s+\S+$"
    rf"|^(?:Posted|Published)\s+(?:on\s+)?(?P<date2>{DATE_ANY})$",
    re.IGNORECASE,
)
#: The timestamp closing a source line: " – 2016-10-20 23:32:13".
TIMESTAMP_TAIL_RE = re.compile(
    rf"\s*{DASH}\s*(?P<date>\d{{4}}-\d{{2}}-\d{{2}})(?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*$"
)
#: A date in a URL's path: "https://example.org/2017/11/13/story/".
URL_DATE_RE = re.compile(r"https?://\S*?/(?P<y>(?:19|20)\d{2})/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/")

# ---------------------------------------------------------------- lines: furniture, noise, trailers

#: A fair-use notice: "FAIR USE NOTICE: ...", "in accordance with Title 17, Section 107, US Code".
FAIR_USE_RE = re.compile(
    r"fair[ -]use|title\s+17,?\s+(?:section|§)\s*107|section\s+107\s+of\s+the\s+u\.?s\.?\s+copyright",
    re.IGNORECASE,
)
#: Links and feed footers: inside an article they never begin one; at its end they are not its text.
#: "Read more: https://...", "Source: https://...", "The post X appeared first on Y.", "(more…)", "https://x.org/y".
FEED_AND_LINK_RES = (
    re.compile(r"^Read\s+more\b", re.IGNORECASE),
    re.compile(r"^(?:Source|Via|Originally published at)\s*:\s*\S+", re.IGNORECASE),
    re.compile(r"^The post .+ appeared first on .+\.?$", re.IGNORECASE),
    re.compile(r"^\(?more(?:…|\.\.\.)\)?$", re.IGNORECASE),
    re.compile(r"^https?://\S+$"),
)
#: Lines inside an article that never begin one: captions, links, feed footers, ads.
#: "Photo: Volunteers ...", "(AP photo)", "Related: Port Blockade ...", "Headline: ...", "Advertisement".
NOISE_RES = (
    re.compile(r"^(?:Top\s+)?Photo(?:graph)?s?\s*:", re.IGNORECASE),
    re.compile(r"^\((?:[^()]*\s)?photo\b[^()]*\)$", re.IGNORECASE),
    re.compile(r"^Related\s*:", re.IGNORECASE),
    *FEED_AND_LINK_RES,
    re.compile(r"^Headline\s*:", re.IGNORECASE),
    re.compile(r"^(?:Advertisement|ADVERTISEMENT|Sponsored|Share this:?)$"),
)
#: Lines that end an article's body without being part of it.
#: "Share this:", "This article was republished ...", "A version of this piece appeared ...", "atimes.com".
TRAILER_RES = (
    *FEED_AND_LINK_RES,
    re.compile(r"^Share this:?$", re.IGNORECASE),
    re.compile(r"^This (?:article|post|story|piece) (?:has been|was|is) (?:contributed|republished|reprinted|"
               r"originally published|cross-posted)", re.IGNORECASE),
    re.compile(r"^A version of this (?:piece|article|story) (?:also )?(?:appeared|ran)", re.IGNORECASE),
    re.compile(r"^Read more (?:great )?(?:articles|stories) (?:here|at)", re.IGNORECASE),
    re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|info|co\.uk|news)$", re.IGNORECASE),
)
#: The title of a "Related:" line: "Related: Port Blockade Leaves Two Million Without Clean Water".
RELATED_RE = re.compile(r"^Related\s*:\s*(.+)$", re.IGNORECASE)
#: An editor's note, part of the body: "[Editor's note: this piece first ran in 2015.]".
EDITOR_NOTE_RE = re.compile(r"^\[?\s*Editor[’']?s?[’']?\s+note\b", re.IGNORECASE)
#: "Read More »" glued to a teaser's last sentence: "... the river rose. Read More »".
READ_MORE_TAIL_RE = re.compile(r"\s*(?:Read More\s*»|\.\.\.\s*read more\.?|\(more…\)|Read more\.?)\s*$",
                               re.IGNORECASE)

# ---------------------------------------------------------------- lines: people, outlets, bylines

#: A staff credit, with the outlet before it: "Pacific Wire Staff", "Editors", "Newsroom".
STAFF_RE = re.compile(r"^(?:(?P<of>.+?)\s+)?(?:staff|staff writers?|editors|newsroom|wire staff|reporters)$",
                      re.IGNORECASE)
#: A writer's role after the name: "staff writer for Common Dreams", "a correspondent".
STAFF_WRITER_RE = re.compile(
    r"^(?:an?\s+)?(?:staff\s+writer|senior\s+writer|contributing\s+writer|correspondent|reporter|editor)"
    r"(?:\s+(?:for|at|with)\s+(?P<outlet>.+))?$",
    re.IGNORECASE,
)
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|[A-Z]\.|[\"“][A-Z][\w'’.-]*[\"”]|de|da|di|del|van|von|der|al|bin|la|le|du)"
#: One person's name: "Jon Lockett", "Dr. Ana de la Cruz", "Xuan Loc DOAN".
PERSON_RE = re.compile(rf"^(?:(?:Dr|Hon|Rev|Prof|Sir|Mr|Mrs|Ms)\.?\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}$")
#: A byline that opens with "by": "By Mara Quint, Seawatch Journal", "by Karl Denninger, Market Ticker:".
BY_RE = re.compile(r"^by\s+(.+?):?$", re.IGNORECASE)
#: "Josh Balk – Common Dreams, 14 Jul 2014".
DASH_BYLINE_RE = re.compile(r"^(?P<who>[^–—]+?)\s+[–—]\s+(?P<outlet>[^,]+?),\s*(?P<date>.+)$")
#: Where a list of bylines splits: "Tom Englehardt / TomDispatch & William Astore / TomDispatch" at " & ".
BYLINE_LIST_SEPARATOR_RE = re.compile(r"\s+&\s+(?=[^/]*(?:/|$))")
#: A credit closing the text: "... last words. — Joana Suleiman".
TRAILING_AUTHOR_RE = re.compile(r"\s[—–]\s*(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s*$")
#: Where a source line splits into items: "RT News & Jon Lockett / The Sun" at " & ".
SOURCE_ITEM_SEPARATOR_RE = re.compile(r"\s+&\s+")
#: Origin credits, read for (author, outlet).
#: "This article was originally published by Jane Roe at The Tyee.", "... originally appeared in Grist",
#: "The post X appeared first on Common Dreams.", "Read More @ atimes.com", "atimes.com".
CREDIT_RES = (
    re.compile(r"^This (?:article|post|story|piece) was (?:originally|first) (?:published|posted) by "
               r"(?P<author>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})"
               r"(?:\s+(?:at|on|in)\s+(?:his|her|their|the)?\s*(?P<outlet>[A-Z][^.]{1,60}?))?\.?$"),
    re.compile(r"(?:originally|first) (?:appeared|published) (?:in|on|at) (?P<outlet>[A-Z][\w'’&-]*"
               r"(?:\s+[A-Z][\w'’&-]*){0,5})"),
    re.compile(r"^The post .+ appeared first on (?P<outlet>.+?)\.?$"),
    re.compile(r"^Read More @ (?P<outlet>\S+?)\.?$", re.IGNORECASE),
    re.compile(r"^(?P<outlet>(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|info|co\.uk|news))$",
               re.IGNORECASE),
)
_INLINE_NAME = r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+))"
#: A byline run into a teaser: "... by Nadia Prupis, staff writer for Common Dreams The ...",
#: "Author: Shreya Dasgupta Researchers ...", "... balance. By Kenneth R. Weiss This article ...".
INLINE_BYLINE_RES = (
    re.compile(rf"(?:^|[\s.])[Bb]y\s+{_INLINE_NAME},\s+(?:an?\s+)?(?:staff|senior|contributing)\s+writer\s+"
               rf"(?:for|at|with)\s+(?P<outlet>[A-Z][\w'’&.-]*(?:\s+(?!The\b|A\b|An\b|In\b|On\b)[A-Z][\w'’&.-]*)*)"),
    re.compile(rf"^(?:Author:\s*|By\s+){_INLINE_NAME}\b"),
    re.compile(rf"(?:^|[.:!?…]\s+)(?:Author:\s*|By\s+){_INLINE_NAME}\b"),
    re.compile(rf"\bAuthor:\s*{_INLINE_NAME}\b"),
)
#: Words a title leaves in lower case: "Plotting *to* Allow 9,000 Fighters *to* Escape".
SMALL_WORDS = _words(
    "a an the of in on at to for and or nor but as by from with into over under than via vs is are "
    "was be its it their his her our your not no so up out off after before about amid against "
    "between without within toward towards near per "
)
#: Words that make a name an outlet: "Gulf Coast *Observer*", "Common *Dreams*", "*Truthout*".
OUTLET_WORDS = _words(
    "news times post journal review wire weekly magazine dispatch ledger tribune observer report "
    "monitor gazette herald current voice network international watch service quarterly star sun "
    "daily press radio tv media collective blog platform today dreams mail telegraph guardian "
    "independent express standard chronicle bulletin digest insider examiner register record courier "
    "sentinel inquirer agency institute foundation center centre project council campaign alliance "
    "coalition union committee group org com net online world global beyond truthout counterpunch "
    "tomdispatch alternet "
)

# ---------------------------------------------------------------- blocks, headers and fields

#: A line that ends a sentence or a clause, so it is no headline: "... said on Thursday.", "Moscow,".
SENTENCE_END_RE = re.compile(r"[.;,]$")
#: The end of a listing's teaser: "more...", "Read more.", "Read More »", "[…]".
TEASER_END_RE = re.compile(r"(?:\bmore\s*(?:\.\.\.|…)|\bread\s+more\.?|Read More\s*»|\[…\]|\[\.\.\.\])\s*$",
                           re.IGNORECASE)
#: A teaser that opens with its byline: "By Jon Lockett The Kremlin said ...", "Author: Shreya Dasgupta ...".
BYLINE_OPENING_RE = re.compile(r"^(?:By|Author:)\s+[A-Z]\w+\s+[A-Z]")
#: The end of a sentence of prose: "... told RT.", "... she asked?", '... it said."'.
PROSE_END_RE = re.compile(r"[.!?…\"”’]$")
#: The end of a closed line, so no heading cut short: "... they said.", "(Reuters)".
CLOSED_LINE_RE = re.compile(r"[.!?”\"’)]$")
#: One part of a post printed in parts: "Part 1", "PART II: The Harbor", "Part three".
PART_RE = re.compile(r"^part\s+(?:\d+|[ivx]+|one|two|three|four|five|six)\b[^.]{0,40}$", re.IGNORECASE)
#: A headline with a kicker or a dash, as a guessed headline often has: "Mosul: the Road Out", "Aleppo – Day 3".
TITLE_SEPARATOR_RE = re.compile(r"\s[–—-]\s|:")
#: A headline closed by its author's name: "Why Mosul Matters – Andrew McCarthy".
AUTHOR_SUFFIX_RE = re.compile(r"^(?P<title>.+?)\s+[–—-]\s+(?P<name>[^–—-]{3,40})$")
#: A closing paragraph about the author, formatted with the escaped first and last name:
#: "Michael T. Snyder is a graduate of ...".
AUTHOR_BIO_TEMPLATE = r"^{first}\b(?:\s+\S+){{0,2}}?\s+{last}\s+(?:is|was|has|writes)\b"
