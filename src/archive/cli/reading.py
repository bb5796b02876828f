"""Commands that read the archive: search, facets, list, similar, show, export."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import click

from ..errors import ArchiveError, ArticleNotFound
from ..export import FORMATS, export
from ..models import ArticleRecord
from ..text import clean, dumps
from .group import open_archive, searchable
from .names import say_nearest
from .output import write_output
from .render import page_text, print_result, record_text

#: The facets a search can count.
FACETS = ("outlet", "author", "year", "month", "page", "tag")


def filter_options(function: Any) -> Any:
    """The filter options search, facets and list share."""
    for option in reversed((
        click.option("--outlet", help="Only articles from this outlet (any case or accents; one of a joint credit)."),
        click.option("--author", help="Only articles by this author (any case or accents; one of a joint credit)."),
        click.option("--tag", help="Only articles with this tag."),
        click.option("--since", metavar="DATE", help="Only articles dated on or after DATE (YYYY[-MM[-DD]])."),
        click.option("--until", metavar="DATE", help="Only articles dated on or before DATE."),
        click.option("--limit", type=click.IntRange(1, 10_000), help="How many to show."),
        click.option("--json", "as_json", is_flag=True, help="Print JSON."),
    )):
        function = option(function)
    return function


@click.command()
@click.argument("query", nargs=-1, required=True)
@filter_options
@click.option("--page", type=click.IntRange(1, None), default=1, help="Which page of hits to show.")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default="relevance",
              help="Order of the hits.")
@click.option("--facet", "facets", multiple=True, type=click.Choice(FACETS),
              help="Facet to count (repeatable; default outlet, author, year).")
@click.pass_context
def search(ctx: click.Context, query: tuple[str, ...], outlet: str | None, author: str | None, tag: str | None,
           since: str | None, until: str | None, limit: int | None, as_json: bool, page: int, sort: str,
           facets: tuple[str, ...]) -> None:
    """Search the archive: ranked hits with highlighted snippets, and facet counts.

    \b
    Query language:
      Mosul safe passage      every word is required
      "safe passage"          a phrase
      Mosul OR Raqqa          either word
      Mosul NOT Raqqa, -Raqqa leave out articles with a word
      (Mosul OR Raqqa) ISIS   parentheses group
      title:Mosul             a field: title, outlet, author, date, year, month, page
      date:2016-10            a year, month or day; date:[2016-10-01 TO 2016-10-31]
      passag*  pasage~        prefix, fuzzy
    \b
    Examples:
      archive search "Mosul safe passage"
      archive search '"safe passage"' --outlet "RT News" --since 2016-10
    """
    archive = searchable(ctx)
    result = archive.search(archive.saved_query(" ".join(query)), outlet=outlet, author=author, tag=tag,
                            since=since, until=until,
                            limit=limit or archive.config.search_limit, page=page, sort=sort,
                            facets=facets or ("outlet", "author", "year"))
    for note in archive.notices:
        click.echo(f"archive: {clean(note)}", err=True)
    if not result.total:
        say_nearest(archive, outlet=outlet, author=author)
    if as_json:
        click.echo(dumps(archive.result_dict(result), indent=1))
        return
    print_result(result, short=archive.short_ids([h.id for h in (*result.hits, *result.partial)]))


@click.command()
@click.argument("query", nargs=-1)
@filter_options
@click.option("--facet", "facets", multiple=True, type=click.Choice(FACETS),
              help="Facet to count (repeatable; default: all five).")
@click.pass_context
def facets(ctx: click.Context, query: tuple[str, ...], outlet: str | None, author: str | None, tag: str | None,
           since: str | None, until: str | None, limit: int | None, as_json: bool,
           facets: tuple[str, ...]) -> None:
    """Count articles by outlet, author, year, month and page, for a query or the whole archive.

    \b
    Examples:
      archive facets
      archive facets Mosul --facet outlet --facet year
    """
    archive = searchable(ctx)
    names = facets or ("outlet", "author", "year", "month", "page")
    result = archive.search(archive.saved_query(" ".join(query)), outlet=outlet, author=author, tag=tag,
                            since=since, until=until, limit=1,
                            facets=names, snippets=False)
    if not result.total:
        say_nearest(archive, outlet=outlet, author=author)
    if as_json:
        click.echo(dumps({"query": result.query, "total": result.total,
                               "facets": {f.name: dict(f.counts) for f in result.facets}}, indent=1))
        return
    click.echo(f"{result.total} article(s)")
    for facet in result.facets:
        click.echo(f"{facet.name}:")
        shown = limit or 20
        for name, count in facet.counts[:shown]:
            click.echo(f"  {count:>6}  {clean(name)}")
        if len(facet.counts) > shown:
            click.echo(f"  +{len(facet.counts) - shown} more (--limit {len(facet.counts)} lists them all)")


@click.command(name="list")
@click.argument("query", nargs=-1)
@filter_options
@click.option("--page", type=click.IntRange(1, None), default=1, help="Which page of --limit articles to show.")
@click.option("--sort", type=click.Choice(["newest", "oldest", "relevance"]), default="newest", show_default=True,
              help="Order of the articles.")
@click.option("--needs-review", is_flag=True, help="Only articles the splitter was unsure of, with the reasons.")
@click.option("--withdrawn", is_flag=True, help="Only withdrawn articles, with why (read from the store).")
@click.pass_context
def list_articles(ctx: click.Context, query: tuple[str, ...], outlet: str | None, author: str | None, tag: str | None,
                  since: str | None, until: str | None, limit: int | None, as_json: bool, page: int, sort: str,
                  needs_review: bool, withdrawn: bool) -> None:
    """List articles, newest first: date, outlet, author, title and the short form of the id (any command
    taking an id takes it); a QUERY narrows the list.

    \b
    Examples:
      archive list --outlet "RT News"
      archive list Mosul --sort oldest --limit 20 --page 2
      archive list --needs-review --json
      archive list --withdrawn
    """
    archive = searchable(ctx)
    if withdrawn:
        if query or outlet or author or tag or since or until or needs_review:
            raise click.UsageError("--withdrawn lists every withdrawn article: give it no query or filters")
        _list_withdrawn(archive, as_json=as_json)
        return
    result = archive.search(archive.saved_query(" ".join(query)), outlet=outlet, author=author, tag=tag,
                            since=since, until=until,
                            needs_review=needs_review, limit=limit or 10_000, page=page, sort=sort, facets=(),
                            snippets=False)
    if not result.total:
        say_nearest(archive, outlet=outlet, author=author)
    rows = [{k: v for k, v in h.to_dict().items() if k not in ("snippet", "highlights", "score")}
            for h in result.hits]
    short = archive.short_ids([row["id"] for row in rows])
    for row in rows:
        row["short_id"] = short[row["id"]]
        if needs_review:  # the review queue says why each article is in it (read from the store)
            row["review_reasons"] = list(archive.record(row["id"]).review_reasons)
    if as_json:
        click.echo(dumps(rows, indent=1))
        return
    for row in rows:
        click.echo(f"{row['date'] or 'undated':<10}  {clean(row['outlet']) or '?':<20.20}  "
                   f"{clean(row['author']) or '-':<20.20}  {clean(row['title'])}\n{'':<10}  {row['short_id']}")
        if row.get("review_reasons"):
            click.echo(f"{'':<10}  needs review: {clean(', '.join(row['review_reasons']))}")
    first = (page - 1) * (limit or 10_000)
    shown = f"{first + 1}-{first + len(rows)}" if rows and page > 1 else str(len(rows))
    click.echo(f"{shown} of {result.total} article(s)")


def _list_withdrawn(archive: Any, *, as_json: bool) -> None:
    records = list(archive.withdrawn())
    for note in archive.notices:
        click.echo(f"archive: {clean(note)}", err=True)
    if as_json:
        click.echo(dumps([{"id": r.id, "title": r.title, "outlet": r.outlet, "author": r.author, "date": r.date,
                           "withdrawn": r.withdrawn} for r in records], indent=1))
        return
    for r in records:
        click.echo(f"{r.date or 'undated':<10}  {clean(r.outlet) or '?':<20.20}  {clean(r.title)}\n"
                   f"{'':<10}  {r.id}\n{'':<10}  withdrawn: {clean(r.withdrawn)}")
    click.echo(f"{len(records)} withdrawn article(s)")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def pages(ctx: click.Context, as_json: bool) -> None:
    """List the compilation pages, newest first: date, article count, title, id and address.

    \b
    Example:
      archive pages
    """
    archive = open_archive(ctx)
    archive.require_store()
    found = archive.pages()
    for note in archive.notices:
        click.echo(f"archive: {clean(note)}", err=True)
    if as_json:
        click.echo(dumps([{"id": p["id"], "title": p.get("title"), "date": p.get("date"), "url": p.get("url"),
                           "captured": p.get("captured"), "articles": len(p.get("articles") or []),
                           "version": p.get("version")} for p in found], indent=1))
        return
    for p in found:
        click.echo(f"{p.get('date') or 'undated':<10}  {len(p.get('articles') or []):>3} article(s)  "
                   f"{clean(p.get('title') or p.get('name')) or '?'}\n{'':<10}  {p['id']}"
                   + (f"\n{'':<10}  {clean(p['url'])}" if p.get("url") else ""))
    click.echo(f"{len(found)} page(s)")


@click.command()
@click.argument("article_id")
@click.option("--limit", type=click.IntRange(1, 100), default=10, help="How many to show.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def similar(ctx: click.Context, article_id: str, limit: int, as_json: bool) -> None:
    """List the articles most like one article (by the key terms of its text).

    \b
    Example:
      archive similar rt-news/2016/10/us-saudis
    """
    archive = searchable(ctx)
    hits = archive.similar(archive.resolve_id(article_id), limit=limit)
    if as_json:
        click.echo(dumps([h.to_dict() for h in hits], indent=1))
        return
    for n, hit in enumerate(hits, start=1):
        click.echo(f"{n}. {clean(hit.title)}\n   {clean(hit.outlet) or '?'} · {hit.date or 'undated'} · {hit.id}")
    if not hits:
        click.echo("no similar articles")


@click.command()
@click.argument("article_id")
@click.option("--version", "version", type=click.IntRange(1, None), help="Show this version (default: newest).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def show(ctx: click.Context, article_id: str, version: int | None, as_json: bool) -> None:
    """Show one article: metadata, the pages it was seen in, the fair-use note, the text.

    A page id (pages/...) shows the page: its title, date, source line and articles
    (--version too).

    \b
    Examples:
      archive show articles/rt-news/2016/10/us-saudis-to-grant-9000-isis-fighters
      archive show pages/2016/10/saudis-and-us-accused-of-letting-isis-fighters-escape-mosul
    """
    archive = open_archive(ctx)
    article_id = archive.resolve_id(article_id)  # a unique beginning of an id is enough
    if article_id.startswith("pages/"):
        page = archive.page(article_id, version=version)
        click.echo(dumps(page, indent=1) if as_json else page_text(page))
        return
    try:
        record = archive.record(article_id, version=version)
    except ArticleNotFound:
        raise archive.explain_missing(article_id) or ArticleNotFound(
            f"no article or page '{article_id}' in {archive.config.store_path}", article_id=article_id) from None
    versions = len(archive.versions(record.id))
    if as_json:
        data = record.to_dict()
        data["versions"] = versions
        click.echo(dumps(data, indent=1))
        return
    click.echo(record_text(record, versions))


@click.command(name="export")
@click.argument("query", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="jsonl, csv, or for citation managers csl-json, bibtex, ris.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True),
              help="File to write (default, or -: stdout); a link, pipe or device is written to, not replaced.")
@click.option("--outlet", help="Only articles from this outlet.")
@click.option("--author", help="Only articles by this author.")
@click.option("--tag", help="Only articles with this tag.")
@click.option("--since", metavar="DATE", help="Only articles dated on or after DATE.")
@click.option("--until", metavar="DATE", help="Only articles dated on or before DATE.")
@click.option("--raw-csv", is_flag=True,
              help="CSV cells as stored, for programs: without it a cell that starts with = + - @ TAB or CR "
                   "gets a leading ' so that spreadsheets show it as text, never run it as a formula.")
@click.pass_context
def export_command(ctx: click.Context, query: tuple[str, ...], fmt: str, output: str | None, outlet: str | None,
                   author: str | None, tag: str | None, since: str | None, until: str | None, raw_csv: bool) -> None:
    """Export the articles a query selects (all by default) with metadata, sightings and store paths.

    \b
    Examples:
      archive export --format csl-json -o mosul.json Mosul
      archive export --format bibtex --outlet "RT News" > rt.bib
    """
    archive = searchable(ctx, store_required=True)
    selected = archive.select(archive.saved_query(" ".join(query)), outlet=outlet, author=author, tag=tag,
                              since=since, until=until)
    first = next(selected, None)
    if first is None:  # an empty file would look like an export that worked
        say_nearest(archive, outlet=outlet, author=author)
        raise ArchiveError("no article matches the query and filters: nothing written")
    count = [0]

    def counted() -> Iterator[ArticleRecord]:
        for record in itertools.chain([first], selected):
            count[0] += 1
            yield record

    chunks = export(counted(), fmt, store_root=archive.config.store_path.name, raw_csv=raw_csv)
    wrote = write_output(output, chunks)
    for notice in archive.notices:  # articles left out because they are damaged
        click.echo(f"archive: {clean(notice)}", err=True)
    if wrote:
        click.echo(f"wrote {clean(output)} ({count[0]} article(s))", err=True)


COMMANDS = (search, facets, list_articles, pages, similar, show, export_command)
