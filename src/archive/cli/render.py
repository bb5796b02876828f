"""Text renderers: what the commands print, terminal-safe (no control characters, colour only on a tty)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from ..models import ArticleRecord, ExplainedUnit, PageOutcome, SearchResult
from ..text import clean

#: Values of each facet shown under search hits; `archive facets` lists them all.
FACET_VALUES = 10

def use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _unsized() -> Iterator[None]:
    """An iterable of no known length: what a bar counts when the total is not known."""
    yield from ()


@contextmanager
def progress(total: int | None, *, enabled: bool) -> Iterator[Any]:
    """A progress bar on standard error when it is a terminal, yielding its ``update`` (else None).

    ``total`` is the count to reach, which may be 0; None when it is not known beforehand
    (the bar then counts without a percentage).
    """
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    bar: Any = (click.progressbar(_unsized(), label="working", file=sys.stderr, show_pos=True) if total is None
                else click.progressbar(length=total, label="working", file=sys.stderr))
    with bar:
        yield bar.update


def highlight(snippet: str, marks: tuple[tuple[int, int], ...]) -> str:
    if not use_color() or not marks:
        return clean(snippet)
    out, last = [], 0
    for start, end in marks:
        out.append(clean(snippet[last:start]))
        out.append(click.style(clean(snippet[start:end]), fg="yellow", bold=True))
        last = end
    out.append(clean(snippet[last:]))
    return "".join(out)


def print_result(result: SearchResult, *, snippets: bool = True, short: dict[str, str] | None = None) -> None:
    """A search's hits (each with the short form of its id, from ``short``), its hints and its facets."""
    short = short or {}
    color = use_color()
    if result.total == 0:
        click.echo("no articles found")
        if result.suggestion:
            click.echo(f"did you mean: {clean(result.suggestion)} ({result.suggestion_total} article(s))")
        if result.partial:
            click.echo(f"no article has every word; {result.partial_total} have all but "
                       f"{len(result.partial[0].missing)}. The best of them:")
        for n, hit in enumerate(result.partial, start=1):
            click.echo(f"{n}. {clean(hit.title)}  (missing: {clean(' '.join(hit.missing))})")
            click.echo(f"   {', '.join(x for x in (clean(hit.outlet), clean(hit.author)) if x) or 'unknown outlet'}"
                       f" · {hit.date or 'undated'} · {short.get(hit.id, hit.id)}")
            if snippets and hit.snippet:
                click.echo(f"   {highlight(hit.snippet, hit.highlights)}")
    for n, hit in enumerate(result.hits, start=1):
        title = click.style(clean(hit.title), bold=True) if color else clean(hit.title)
        byline = ", ".join(x for x in (clean(hit.outlet), clean(hit.author)) if x) or "unknown outlet"
        click.echo(f"{n}. {title}")
        click.echo(f"   {byline} · {hit.date or 'undated'} · {short.get(hit.id, hit.id)}")
        if snippets and hit.snippet:
            click.echo(f"   {highlight(hit.snippet, hit.highlights)}")
    if result.hits:
        click.echo(f"\n{len(result.hits)} of {result.total} article(s)")
    for facet in result.facets:
        if facet.counts:
            counts = ", ".join(f"{clean(name)} {count}" for name, count in facet.counts[:FACET_VALUES])
            more = len(facet.counts) - FACET_VALUES
            tail = f", +{more} more (`archive facets` lists them)" if more > 0 else ""
            click.echo(f"{facet.name}: {counts}{tail}")


def record_text(record: ArticleRecord, versions: int) -> str:
    lines = [clean(record.title), "=" * min(len(record.title), 78)]
    for label, value in (("id", record.id), ("outlet", record.outlet), ("author", record.author),
                         ("date", f"{record.date}  ({record.date_text})" if record.date_text else record.date),
                         ("standfirst", record.standfirst), ("version", f"{record.version} of {versions}")):
        if value:
            lines.append(f"{label + ':':<11} {clean(str(value))}")
    if record.source is not None:
        lines.append(f"{'url:':<11} {clean(record.source.url)}  (captured {record.source.captured or 'when unknown'})")
    if record.review:
        lines.append(f"{'review:':<11} needs review — {clean(', '.join(record.review_reasons))}")
    elif record.review_reasons:
        lines.append(f"{'review:':<11} not needed — the splitter noted: {clean(', '.join(record.review_reasons))}")
    if record.withdrawn:
        lines.append(f"{'withdrawn:':<11} {clean(record.withdrawn)}")
    if record.tags:
        lines.append(f"{'tags:':<11} {clean(' '.join(record.tags))}")
    for n in record.notes:
        lines.append(f"{'note:':<11} {clean(n.text)} ({n.time})")
    for c in record.corrections:
        lines.append(f"{'corrected:':<11} {c.field} = {clean(c.value)!r} ({clean(c.reason)}, {c.time})")
    lines.append("seen in:")
    for s in record.sightings:
        lines.append(f"  - {clean(s.page_title) or s.page_id} ({s.page_date or 'undated'}), "
                     f"article {s.position} — {s.page_id}")
    if record.fair_use_note:
        lines.append(f"fair use:   {clean(record.fair_use_note)}")
    lines += ["", clean(record.body).replace("\x1b", "")]
    return "\n".join(lines)


def page_text(page: dict[str, Any]) -> str:
    """A stored page: title, id, date, source line, fair-use note and its articles."""
    lines = [f"{clean(page.get('title')) or page['id']}\n{'=' * min(len(page.get('title') or page['id']), 78)}"]
    for label in ("id", "date", "date_text", "source_line", "name", "encoding", "url", "captured"):
        if page.get(label):
            lines.append(f"{label + ':':<12} {clean(str(page[label]))}")
    for hop in page.get("redirects") or ():
        lines.append(f"{'redirected:':<12} from {clean(hop)}")
    if page.get("capture"):
        lines.append(f"{'capture:':<12} {page['capture']} (the HTTP exchange, as WARC records)")
    if page.get("version"):
        lines.append(f"{'version:':<12} {page['version']} of {page.get('versions', page['version'])}")
    if page.get("fair_use_note"):
        lines.append(f"{'fair use:':<12} {clean(page['fair_use_note'])}")
    lines.append("articles:")
    for n, object_id in enumerate(page.get("articles", []), start=1):
        lines.append(f"  {n}. {object_id}")
    return "\n".join(lines)


def outcome_text(outcome: PageOutcome, *, dry_run: bool) -> str:
    """One added page: where it went, and each article's status and id (or, in a dry run, what was found)."""
    if dry_run:
        lines = [f"{clean(outcome.name)}: {len(outcome.split.articles)} articles (dry run)"]
        for article in outcome.split.articles:
            lines.append(f"  {clean(article.title)} — {clean(article.outlet) or '?'}, {article.date or 'undated'}")
        return "\n".join(lines)
    lines = [f"{clean(outcome.name)} → {outcome.page_id} ({outcome.status})"]
    source = outcome.split.source
    if source.url:
        via = f" (redirected from {clean(source.redirects[0])})" if source.redirects else ""
        lines.append(f"  from {clean(source.url)}{via}")
    for result in outcome.articles:
        lines.append(f"  {result.status:<11} {result.id}  {clean(result.title)}")
    return "\n".join(lines)


def outcome_json(outcome: PageOutcome) -> dict[str, Any]:
    """One added page as JSON: what the splitter found, with each article's id and status once stored."""
    data = outcome.split.to_dict()
    if outcome.page_id:
        data["page_id"] = outcome.page_id
        for article, result in zip(data["articles"], outcome.articles, strict=False):
            article["id"] = result.id
            article["status"] = result.status.value
    return data


def explain_text(name: str, units: list[ExplainedUnit]) -> str:
    """Each unit of a page with its role: "*" marks where an article starts."""
    lines = [clean(name), f"  {'line':>4}  {'role':<11} {'conf':>4}  {'art':>3}  text"]
    for u in units:
        mark = "*" if u.start else " "
        article = str(u.article) if u.article is not None else "-"
        text = clean(u.text)
        lines.append(f"  {u.line + 1:>4} {mark}{u.role:<11} {u.confidence:4.2f}  {article:>3}  "
                     f"{text[:90]}{'…' if len(text) > 90 else ''}")
    return "\n".join(lines)
