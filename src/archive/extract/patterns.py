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
#: Elements a browser never shows as text: "<script>", "<style>", "<select>", "<svg>".
INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head", "svg", "canvas", "object", "embed",
                  "iframe", "select", "input", "textarea", "button", "option", "map", "audio", "video")
#: Elements that end a block of text: "<p>", "<li>", "<h2>", "<hr>", "<td>".
BLOCK_TAGS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption",
                        "pre", "td", "th", "dd", "dt", "section", "article", "figure", "ul", "ol", "table",
                        "tr", "tbody", "thead", "tfoot", "main", "header", "footer", "nav", "aside", "hr",
                        "center", "address", "dl", "form", "caption", "details", "summary"})
#: Headings: "<h2>Title</h2>".
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Regions of a page, a hint for every block inside: "<nav>", "<aside>", "<footer>", "<article>".
REGION_TAGS = frozenset({"nav", "aside", "footer", "header", "main", "article"})
#: Words of class, id and role names that say what a part of a page is, in web templates' vocabulary:
#: 'class="entry-meta byline"' gives "meta" and "byline".  Hints to weigh, never a reason to drop text.
CLASS_WORDS = _words("""nav navigation menu sidebar widget footer header masthead banner share sharing social
related comment comments respond reply meta byline author date time posted entry post article content story
body text title headline heading summary excerpt teaser lede dek standfirst caption credit photo image figure
tag tags category categories breadcrumb breadcrumbs ad ads advert sponsor promo newsletter subscribe cookie
pagination pager more read source via item list card feed main wrapper container inner""")
#: The joint of a camel-case name: "postByline" is "post Byline".
CAMEL_CASE_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
#: The words of a class or id: "post-byline_wrap" gives "post", "byline", "wrap".
CLASS_NAME_WORD_RE = re.compile(r"[a-z]+")
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
#: A spaced dash or bar between two segments of a line: "Headline — opening text", "Jon Lockett | The Sun".
SEGMENT_SEPARATOR_RE = re.compile(r"\s+(?:—|–|―|-{1,2}|\|)\s+(?=\S)")
#: Month names and abbreviations: "sept" -> 9.
#: A spaced dash or bar between two segments of a line: "Headline — opening text", "Jon Lockett | The Sun".
SEGMENT_SEPARATOR_RE = re.compile(r"\s+(?:—|–|―|-{1,2}|\|)\s+(?=\S)")
#: Month names and abbreviations in English, French, Spanish and German -> month number:
#: "oct", "octobre", "octubre" and "Oktober" are all 10.
MONTH_NAMES = {
    1: "january jan janvier janv enero ene januar jän",
    2: "february feb février fevrier févr fevr febrero febr februar",
    3: "march mar mars marzo märz maerz mrz",
    4: "april apr avril avr abril abr",
    5: "may mai mayo",
    6: "june jun juin junio juni",
    7: "july jul juillet juil julio juli",
    8: "august aug août aout agosto",
    9: "september sep sept septembre septiembre",
    10: "october oct octobre octubre okt oktober",
    11: "november nov novembre noviembre",
    12: "december dec décembre decembre déc diciembre dic dezember dez",
}
#: Every month name -> its number: "octobre" -> 10.
MONTHS = {name: number for number, names in MONTH_NAMES.items() for name in names.split()}
_MONTH = "(?:" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th|er|º)?"
#: A date as written in a news page: "2016-10-20", "October 20th, 2016", "Oct. 20, 2016", "20 October 2016",
#: "20 octobre 2016", "20 de octubre de 2016", "20. Oktober 2016", "20.10.2016", "10/20/2016", and
#: year-month-day in the scripts that write it with signs ("2016年10月20日", "2016년 10월 20일").
DATE = (
    r"(?<!\d)(?P<cy>\d{4})\s*[年년]\s*(?P<cm>\d{1,2})\s*[月월]\s*(?P<cd>\d{1,2})\s*[日일]?"
    rf"|(?<![\w./])(?:(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})(?!\d)"
    rf"|(?P<am>{_MONTH}),?\s+(?P<ad>\d{{1,2}}){_ORD},?\s+(?P<ay>\d{{4}})"
    rf"|(?P<bd>\d{{1,2}}){_ORD}\.?\s+(?:de\s+)?(?P<bm>{_MONTH}),?\s+(?:de\s+)?(?P<by>\d{{4}})"
    rf"|(?P<dd>\d{{1,2}})\.(?P<dm>\d{{1,2}})\.(?P<dy>\d{{4}})(?![\d.])"
    rf"|(?P<sa>\d{{1,2}})/(?P<sb>\d{{1,2}})/(?P<sy>\d{{4}})(?![\d/]))"
)
#: Four digits in a row, which every date form above has: "2016".
YEAR_DIGITS_RE = re.compile(r"\d{4}")
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
    "daily press radio tv media collective blog platform today mail telegraph "
    "independent express standard chronicle bulletin digest insider examiner register record courier "
    "sentinel inquirer agency institute foundation center centre project council campaign alliance "
    "coalition union committee group org com net online world global "
)

# ---------------------------------------------------------------- units: features the labeller weighs

#: Longer units are prose: the recognisers of short lines (bylines, names, furniture) are not asked of them,
#: and the others read only their first characters.  A byline of 200 characters is rare.
SHORT_UNIT = 200
#: A word that every inline byline has: "... balance. By Kenneth Weiss", "Author: Shreya".
BY_HINT_RE = re.compile(r"\b(?:by|author)\b", re.IGNORECASE)
#: A word that every fair-use note has: "fair use", "Title 17", "Section 107".
FAIR_USE_HINT_RE = re.compile(r"fair|107", re.IGNORECASE)
#: First words that announce what a line is: "By Jon Lockett", "Source: RT", "Posted on ...", "Read more".
CUE_WORDS = ("by", "posted", "source", "published", "from", "via", "read", "continue", "related", "photo",
             "written", "updated", "date", "filed", "discussion", "categories", "tags", "share", "author",
             "par", "por", "von", "image", "credit", "file")
#: A list item's number: "1.", "12)".
LIST_NUMBER_RE = re.compile(r"^\d{1,2}[.)]$")
#: A clock time: "23:32", "4:26".
CLOCK_RE = re.compile(r"\b\d{1,2}:\d{2}\b")
#: An age instead of a date: "5 years ago", "2 hours ago", "yesterday".
AGE_RE = re.compile(r"\b(?:ago|hours?|minutes?|mins?|yesterday|today)\b", re.IGNORECASE)
#: A link or a web address: "https://example.org/x", "www.example.org".
URL_RE = re.compile(r"https?://|www\.")
#: A domain-style name: "phys.org", "Thestar.com".
DOMAIN_RE = re.compile(r"\b[\w-]+\.(?:com|org|net|co\.uk|info|news|ca|xyz|fr|de|es|io)\b", re.IGNORECASE)
#: "By", "Par", "Por", "Von" opening a byline: "By Jon Lockett", "Par Claire Dubois".
BY_WORD_RE = re.compile(r"^(?:by|par|por|von)\s+", re.IGNORECASE)
#: Something in brackets at the end of a line: "Headline (The Sun)", "Headline [Outlet / Author]".
BRACKET_END_RE = re.compile(r"[(\[][^()\[\]]{2,80}[)\]]\s*$")
#: A line ending in a dash: "By Tommy Rock, Indianz.com -".
DASH_END_RE = re.compile(r"\s[-–—]$")
#: An ellipsis or a cut mark at the end: "... and the […]", "[...]", "…".
CUT_END_RE = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")
#: A line that reads as prose: it ends a sentence.
SENTENCE_CLOSE_RE = re.compile(r"[.!?…\"”’。！？」』]$")
#: Letters of the scripts written without spaces between words (Chinese, Japanese kana).
UNSPACED_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

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

# ---------------------------------------------------------------- tokens: features the field labeller weighs

#: A token of a header line: a word (with inner apostrophes, dots, hyphens) or one sign: "O'Neil", "U.S.", "(".
TOKEN_RE = re.compile(r"[\w'’.-]+|[^\w\s]")
#: Two words glued where a name meets a capitalised city: "HaysBRISTOL" is "Hays" and "BRISTOL".
GLUED_WORDS_RE = re.compile(r"(?<=[a-z])(?=[A-Z]{2,})")
#: An initial or an abbreviation that keeps its full stop: "R.", "U.S.".
INITIALS_RE = re.compile(r"(?:[A-Za-z]\.)+")
#: Day names in the four languages of the month table: "Thursday", "jeu", "jueves", "Donnerstag".
WEEKDAYS = _words("""monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
sat sun lundi mardi mercredi jeudi vendredi samedi dimanche lun mar mer jeu ven sam dim lunes martes miércoles
jueves viernes sábado domingo montag dienstag mittwoch donnerstag freitag samstag sonntag""")
#: Words whose identity matters to the field labeller (function words, credit words, outlet words):
#: "by", "and", "staff", "via", "news".  Any other word is seen only by its shape.
FIELD_CUE_WORDS = _words("""by par por von de da di and et y und the of for at in on from via source sources
published posted written staff writer writers reporter correspondent editor editors contributor ago hours
hour minutes min days day yesterday today updated photo credit read more continue reading says said am pm et
est pst gmt utc""") | OUTLET_WORDS
#: A year: "2016".
YEAR_RE = re.compile(r"(?:19|20)\d\d")
#: A day of the month, maybe ordinal: "20", "20th", "1er".
DAY_RE = re.compile(r"(?:[12]?\d|3[01])(?:st|nd|rd|th|er)?")
#: A date written in numbers: "2016-10-20", "20.10.2016", "10/20/2016".
NUMERIC_DATE_RE = re.compile(r"\d{4}-\d\d-\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")
#: A domain-style token: "phys.org", "Indianz.com".
DOMAIN_TOKEN_RE = re.compile(r"\.(?:com|org|net|co\.uk|info|news|ca|xyz|fr|de|es|io)$", re.IGNORECASE)
#: Marks that close a headline and belong to it: "Why?", "Now!", "‘Quoted’".
CLOSING_MARKS = frozenset({"?", "!", "’", "”", "'", '"', "…", ")"})
#: Characters to trim from a field's text: "Jon Lockett," is "Jon Lockett".
FIELD_TRIM = " ,;:-–—|/("
#: A source in brackets after a headline: "Headline (The Guardian)", "Headline [Outlet / Author]",
#: "Headline (The Conversation via" (cut).
HEADLINE_SOURCE_RE = re.compile(r"^(?P<title>.+?)\s*[(\[](?P<source>[^()\[\]]{2,80})[)\]]?\s*$")
#: A list number opening a headline: "1. Headline", "2) Headline".
HEADLINE_NUMBER_RE = re.compile(r"^\d{1,2}[.)]\s+(?=\S)")
#: A trailer naming the source: "Source: The Guardian", "Published in: Outlet", "From VT NEWS", "Via @phys.org".
SOURCE_TRAILER_RE = re.compile(r"^(?:source|sources|published in|from|via)\s*:?\s*(?P<source>.+)$", re.IGNORECASE)
#: A byline's trailing dash or colon: "By Tommy Rock, Indianz.com -", "Kate Bennett / CNN:".
BYLINE_TAIL_RE = re.compile(r"\s*(?:[-–—]|:)\s*$")
#: A wire dateline with the agency in brackets: "BRISTOL, England, April 29 (UPI) --", "ROME (RNS) —".
AGENCY_DATELINE_RE = re.compile(r"\((?P<agency>[A-Z][A-Za-z/&. ]{1,24})\)\s*(?:--|—|–|-)")
#: Below this probability (the least sure of an article's unit labels) an article is flagged for review.
#: Measured by bench/split_cv.py: see bench/RESULTS.md for how many flagged articles are wrong.
LOW_CONFIDENCE = 0.8
#: How many of an article's first body units may hold its dateline (an editor's note may come first).
OPENING_UNITS = 4
#: What may join the names in a headline's bracketed source: "(Outlet / Author)", "(Outlet via Outlet)".
SOURCE_JOINERS = frozenset({"/", "&", ",", ";", "|", "-", "–", "—", "and", "via", "by"})
