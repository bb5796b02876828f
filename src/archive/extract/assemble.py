"""Assembly: labelled units -> the page's articles and its own fields.

An article runs from a unit marked as a start to the next one; its body is its
body units joined back as printed (segments of a line with their separators,
lines with line breaks, blocks with blank lines); its title, people, outlet and
date come from the field labeller, then from the recognisers, then from a
dateline opening its text.  Whatever is missing or uncertain becomes a review
reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..models import Article
from ..text import fold, normalize
from .dates import find_date, match_dateline, match_wire_dateline, parse_date
from .fields import Fields, article_fields
from .lines import parse_source_line
from .patterns import AGENCY_DATELINE_RE, HEADLINE_NUMBER_RE, LOW_CONFIDENCE, OPENING_UNITS
from .segment import ARTICLE_ROLES, HEADER_ROLES, Label
from .units import Unit


@dataclass
class Draft:
    """One article's units, by role, in page order."""

    units: dict[str, list[int]] = field(default_factory=lambda: {r: [] for r in sorted(ARTICLE_ROLES)})
    order: list[int] = field(default_factory=list)

    def add(self, role: str, index: int) -> None:
        self.units[role].append(index)
        self.order.append(index)


@dataclass(frozen=True)
class PageFields:
    title: str | None
    date: str | None
    date_text: str | None
    source_line: str | None
    fair_use_note: str | None


def join_units(units: Sequence[Unit]) -> str:
    """Units back into text as printed: a line's segments with their separators, lines, blank lines between blocks."""
    out: list[str] = []
    previous: Unit | None = None
    for u in units:
        if previous is None:
            out.append(u.text)
        elif u.line == previous.line:
            out.append(u.sep + u.text if u.sep else f" {u.text}")
        else:
            out.append(("\n" if u.block == previous.block else "\n\n") + u.text)
        previous = u
    return "".join(out).strip()


def flat(units: Sequence[Unit]) -> str:
    return " ".join(join_units(units).split())


def drafts(labels: Sequence[Label]) -> list[Draft]:
    """Articles as the labels cut them.

    Besides the start marks: an article's unit before any mark opens the first article;
    a header that names a byline or a date after an article's text, and is followed by
    text, opens the next (a header does not come back once the text has begun); an
    article with no text but a dek under its headline has the dek for its text (a
    listing's entry); one with neither hands its header to the next one.
    """
    opens = {i for i, lab in enumerate(labels) if lab.start} | _headers_after_text(labels)
    out: list[Draft] = []
    for i, lab in enumerate(labels):
        if i in opens or (not out and lab.role in ARTICLE_ROLES):
            out.append(Draft())
        if out and lab.role in ARTICLE_ROLES:
            out[-1].add(lab.role, i)
    merged: list[Draft] = []
    for d in out:
        if merged and not merged[-1].units["body"] and not d.units["title"]:
            previous = merged.pop()
            for role, indices in previous.units.items():
                d.units[role] = indices + d.units[role]
            d.order = previous.order + d.order
        merged.append(d)
    for d in merged:
        _dek_as_body(d)
    return [d for d in merged if d.units["body"]]


def _dek_as_body(d: Draft) -> None:
    """An item printed as a headline and a dek with no text of its own (a listing's entry): the dek is
    its text."""
    if d.units["body"]:
        return
    heads = sorted(d.units["title"] + d.units["subtitle"])
    if len(heads) < 2:
        return
    dek = heads[-1]
    for role in ("title", "subtitle"):
        if dek in d.units[role]:
            d.units[role].remove(dek)
    d.units["body"].append(dek)


def _headers_after_text(labels: Sequence[Label]) -> set[int]:
    """Where a run of header units holding a byline or a date follows body units and precedes body units."""
    opens: set[int] = set()
    seen_body = False
    i = 0
    while i < len(labels):
        if labels[i].start:
            seen_body = False
        if labels[i].role == "body":
            seen_body = True
            i += 1
            continue
        if seen_body and labels[i].role in HEADER_ROLES:
            j = i
            while j < len(labels) and labels[j].role in HEADER_ROLES | {"noise"} and not labels[j].start:
                j += 1
            group = {lab.role for lab in labels[i:j]}
            if j < len(labels) and labels[j].role == "body" and not labels[j].start and group & {"byline", "date"}:
                opens.add(i)
                seen_body = False
            i = j
            continue
        i += 1
    return opens


def page_fields(units: Sequence[Unit], labels: Sequence[Label]) -> PageFields:
    """The page's title, date, source line and fair-use note, from the units labelled as such."""
    def of(role: str) -> list[Unit]:
        return [u for u, lab in zip(units, labels, strict=True) if lab.role == role]

    title = flat(of("page_title")) or None
    date = date_text = source = None
    for u in of("page_meta") + of("page_title"):
        found = find_date(u.text)
        if found and date is None:
            date, date_text = found.iso, u.text
    for line in {u.line: u for u in of("page_meta")}:
        text = flat([u for u in units if u.line == line])
        if parse_source_line(text) and source is None:
            source = text
    return PageFields(title, date, date_text, source, join_units(of("fair_use")) or None)


def _opening_date(body: Sequence[Unit]) -> str | None:
    """A date printed alone as the first segment of one of the text's first lines."""
    for u in body[1:OPENING_UNITS]:
        if u.seg == 0 and u.segs > 1 and parse_date(u.text) is not None:
            return u.text
    return None


def credit_from_sources(articles: list[Article], line: str | None) -> list[Article]:
    """Articles without a byline take, in order, the outlets the page's source line names and no byline does."""
    parsed = parse_source_line(line) if line else None
    if parsed is None:
        return articles
    known = {fold(a.outlet) for a in articles if a.outlet}
    unused = [e.outlet for e in parsed[0] if e.outlet and fold(e.outlet) not in known]
    bare = [n for n, a in enumerate(articles) if not a.outlet and not a.author]
    if not unused or len(unused) != len(bare):
        return articles
    out = list(articles)
    for n, outlet in zip(bare, unused, strict=True):
        reasons = (*(r for r in out[n].review_reasons if r != "no byline"), "outlet taken from the source line")
        out[n] = replace(out[n], outlet=outlet, review_reasons=reasons, review=True)
    return out


def _header(units: Sequence[Unit], labels: Sequence[Label], draft: Draft) -> list[tuple[str, str]]:
    first_body = draft.units["body"][0]
    return [(labels[i].role, units[i].text) for i in draft.order
            if labels[i].role != "body" or i == first_body]


def build_article(units: Sequence[Unit], labels: Sequence[Label], draft: Draft, position: int, *,
                  page_title: str | None = None) -> Article:
    """One article from its units: text, fields, review reasons.

    An article printed without a headline of its own takes ``page_title`` (given for a
    page's first article, whose headline the page title often is), else its first words.
    """
    def texts(role: str) -> list[str]:
        lines: dict[int, list[Unit]] = {}
        for i in draft.units[role]:
            lines.setdefault(units[i].line, []).append(units[i])
        return [flat(group) for group in lines.values()]

    # a sign-off printed at the end of a paragraph stays in the text as printed (its fields are still read)
    body_lines = {units[i].line for i in draft.units["body"]}
    glued = [i for i in draft.units["trailer"] if units[i].line in body_lines]
    body_units = [units[i] for i in sorted(draft.units["body"] + glued)]
    body = join_units(body_units)
    headline = flat([units[i] for i in draft.units["title"]]) or None
    found = article_fields(_header(units, labels, draft), texts("byline"), texts("trailer"), headline)
    # The whole headline, unless a source, person or date printed in it is cut out.
    title = (found.title if found.carved else None) or headline
    date_text = found.date_text
    first = body_units[0].text
    dateline = match_dateline(first)
    if dateline is not None:
        date_text = date_text or dateline.text
        if body.startswith(first[:dateline.end]):
            body = body[dateline.end:].lstrip()
    elif (later := _opening_date(body_units)) is not None:
        # a dateline after an editor's note that opens the text
        date_text = date_text or later
    elif (wire := match_wire_dateline(first)) is not None:
        date_text = date_text or wire[0].text
        found.merge(Fields(outlets=[wire[1]]))
    elif (agency := AGENCY_DATELINE_RE.search(first[:120])) is not None:
        found.merge(Fields(outlets=[agency.group("agency")]))
    for text in texts("date") + ([title] if title else []):
        if date_text is None and find_date(text):
            date_text = text
    date = find_date(date_text) if date_text else None
    reasons = []
    if not title and page_title:
        title = page_title
        reasons.append("headline taken from the page title")
    elif not title:
        title = " ".join(body.split()[:10])
        reasons.append("headline guessed")
    title = HEADLINE_NUMBER_RE.sub("", title)
    if not found.outlets and not found.authors:
        reasons.append("no byline")
    if date is None:
        reasons.append("no date")
    confidence = min(labels[i].confidence for i in draft.order)
    if confidence < LOW_CONFIDENCE:
        reasons.append("split uncertain")
    subtitle = flat([units[i] for i in draft.units["subtitle"]]) or None
    sections = [units[i].text for i in draft.units["section"]]
    return Article(
        title=normalize(title), body=body, outlet="; ".join(found.outlets) or None,
        author="; ".join(found.authors) or None, date=date.iso if date else None,
        date_text=date.text if date else None, subtitle=subtitle, standfirst=None,
        section=sections[0] if sections else None, position=position,
        review=bool(set(reasons) - {"no date"}), review_reasons=tuple(reasons),
    )
