"""The command line: thin click commands over ``api``.

Each command loads the configuration, calls one library function and formats
what comes back.  ``ArchiveCLI.invoke`` is the one place that turns library
errors into a one-line message and an exit code (see the README's table).
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from .api import PURGE_LOG, Archive
from .config import CONFIG_NAME, Config, default_config, find_config, load_config, render_default_config
from .errors import ArchiveError, ArticleNotFound, ConfigError, SourceErrors
from .export import FORMATS, export
from .models import ArticleRecord, PageOutcome, SearchResult, Status
from .text import clean

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70

def _color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


class ArchiveCLI(click.Group):
    """The click group that turns errors into one line and an exit code, once."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SourceErrors as exc:
            for error in exc.errors:
                click.echo(f"archive: error: {clean(str(error))}", err=True)
            if not exc.stored and exc.good:
                click.echo(f"archive: nothing was added, not even the {exc.good} good page(s) "
                           f"(fix or leave out the pages above, or use --keep-going)", err=True)
            ctx.exit(EXIT_ERROR)
        except ArchiveError as exc:
            click.echo(f"archive: error: {clean(str(exc))}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("archive: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(EXIT_OK)
        except Exception as exc:  # the last guard: a bug, reported in one line, never a traceback
            if os.environ.get("ARCHIVE_DEBUG"):
                traceback.print_exc()
            click.echo(f"archive: internal error: {type(exc).__name__}: {clean(str(exc))} "
                       f"(a bug; set ARCHIVE_DEBUG=1 for details)", err=True)
            ctx.exit(EXIT_INTERNAL)


def _config(ctx: click.Context) -> Config:
    obj = ctx.ensure_object(dict)
    if "config" not in obj:
        path = obj.get("config_path")
        obj["config"] = load_config(Path(path) if path else find_config())
    config: Config = obj["config"]
    return config


def _archive(ctx: click.Context) -> Archive:
    return Archive(_config(ctx))


@click.group(cls=ArchiveCLI, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(dir_okay=False), envvar="ARCHIVE_CONFIG",
              help="archive.toml to use (default: the nearest one in this folder or a parent).")
@click.version_option(package_name="archive", message="archive %(version)s")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    """archive: split news compilation pages into articles, keep them, search them.

    \b
    Example:
      archive add page.txt && archive search "Mosul safe passage"
    """
    ctx.ensure_object(dict)["config_path"] = config_path


# ---------------------------------------------------------------- init


@cli.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False), default=".")
def init(folder: str) -> None:
    """Create archive.toml (every key, commented) and an empty store in FOLDER.

    \b
    Example:
      archive init ~/my-archive
    """
    root = Path(folder)
    config_file = root / CONFIG_NAME
    exists = config_file.exists()
    archive = Archive(load_config(config_file) if exists else default_config(root))
    # Refuse an index folder archive did not make before anything is written.
    archive.check_index_folder()
    root.mkdir(parents=True, exist_ok=True)
    if exists:
        click.echo(f"{config_file} exists; keeping it")
    else:
        config_file.write_text(render_default_config(), encoding="utf-8")
        click.echo(f"wrote {config_file}")
    if archive.create_store():
        click.echo(f"created store {archive.config.store_path}")
    else:
        click.echo(f"store {archive.config.store_path} exists")


# ---------------------------------------------------------------- add


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--dry-run", is_flag=True, help="Read and split only; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print what was found as JSON (one object per page).")
@click.option("-r", "--recursive", is_flag=True, help="Add the pages in folders, and their subfolders.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary line.")
@click.option("--keep-going", is_flag=True, help="Store the good pages even when some are bad.")
@click.pass_context
def add(ctx: click.Context, files: tuple[str, ...], dry_run: bool, as_json: bool, recursive: bool,
        quiet: bool, keep_going: bool) -> None:
    """Add pages (text or saved HTML) to the archive; - reads standard input.

    Each page is split into its articles, which are stored (new, new version
    or unchanged) and indexed.

    \b
    Examples:
      archive add mosul-compilation.txt
      archive add --recursive saved-pages/
      archive add --dry-run --json page.html
    """
    obj = ctx.ensure_object(dict)
    if not obj.get("config_path") and find_config() is None and not dry_run:
        # Nothing is written, not even the configuration, when the index folder is refused.
        Archive(default_config(Path.cwd())).check_index_folder()
        Path(CONFIG_NAME).write_text(render_default_config(), encoding="utf-8")
        click.echo(f"archive: no {CONFIG_NAME} found; wrote one in {Path.cwd()}", err=True)
    archive = _archive(ctx)
    printed: list[dict[str, Any]] = []

    def on_page(outcome: PageOutcome) -> None:
        for warning in outcome.warnings:
            click.echo(f"archive: warning: {clean(warning)}", err=True)
        if as_json:
            data = outcome.split.to_dict()
            if outcome.page_id:
                data["page_id"] = outcome.page_id
                for article, result in zip(data["articles"], outcome.articles, strict=False):
                    article["id"] = result.id
                    article["status"] = result.status.value
            printed.append(data)
            return
        if quiet:
            return
        if dry_run:
            click.echo(f"{clean(outcome.name)}: {len(outcome.split.articles)} articles (dry run)")
            for article in outcome.split.articles:
                click.echo(f"  {clean(article.title)} — {clean(article.outlet) or '?'}, {article.date or 'undated'}")
            return
        click.echo(f"{clean(outcome.name)} → {outcome.page_id} ({outcome.status})")
        for result in outcome.articles:
            click.echo(f"  {result.status:<11} {result.id}  {clean(result.title)}")

    show_bar = len(files) > 1 or recursive
    with _progress(len(files) if not recursive else 0, enabled=show_bar and not quiet and not as_json) as bar:
        report = archive.ingest(files, dry_run=dry_run, recursive=recursive, keep_going=keep_going,
                                stdin=getattr(sys.stdin, "buffer", sys.stdin), progress=bar, on_page=on_page)
    for notice in report.notices:
        click.echo(f"archive: {notice}", err=True)
    if as_json:
        click.echo(json.dumps(printed[0] if len(printed) == 1 else printed, ensure_ascii=False, indent=1))
        return
    articles = sum(len(p.split.articles) for p in report.pages)
    if dry_run:
        click.echo(f"{len(report.pages)} page(s), {articles} article(s) found; nothing written (dry run)")
        return
    click.echo(f"{len(report.pages)} page(s), {articles} article(s): {report.count(Status.NEW)} new, "
               f"{report.count(Status.NEW_VERSION)} new version, {report.count(Status.UNCHANGED)} unchanged")


@contextmanager
def _progress(total: int, *, enabled: bool) -> Iterator[Any]:
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    bar: Any = click.progressbar(length=total or None, label="working", file=sys.stderr)
    with bar:
        yield bar.update


# ---------------------------------------------------------------- search


def _filters(function: Any) -> Any:
    for option in reversed((
        click.option("--outlet", help="Only articles from this outlet (exact name)."),
        click.option("--author", help="Only articles by this author (exact name)."),
        click.option("--since", metavar="DATE", help="Only articles dated on or after DATE (YYYY[-MM[-DD]])."),
        click.option("--until", metavar="DATE", help="Only articles dated on or before DATE."),
        click.option("--limit", type=click.IntRange(1, 10_000), help="How many to show."),
        click.option("--json", "as_json", is_flag=True, help="Print JSON."),
    )):
        function = option(function)
    return function


def _highlight(snippet: str, marks: tuple[tuple[int, int], ...]) -> str:
    if not _color() or not marks:
        return clean(snippet)
    out, last = [], 0
    for start, end in marks:
        out.append(clean(snippet[last:start]))
        out.append(click.style(clean(snippet[start:end]), fg="yellow", bold=True))
        last = end
    out.append(clean(snippet[last:]))
    return "".join(out)


def _print_result(result: SearchResult, *, snippets: bool = True) -> None:
    color = _color()
    if result.total == 0:
        click.echo("no articles found")
        if result.suggestion:
            click.echo(f"did you mean: {clean(result.suggestion)}")
    for n, hit in enumerate(result.hits, start=1):
        title = click.style(clean(hit.title), bold=True) if color else clean(hit.title)
        byline = ", ".join(x for x in (clean(hit.outlet), clean(hit.author)) if x) or "unknown outlet"
        click.echo(f"{n}. {title}")
        click.echo(f"   {byline} · {hit.date or 'undated'} · {hit.id}")
        if snippets and hit.snippet:
            click.echo(f"   {_highlight(hit.snippet, hit.highlights)}")
    if result.hits:
        click.echo(f"\n{len(result.hits)} of {result.total} article(s)")
    for facet in result.facets:
        if facet.counts:
            counts = ", ".join(f"{clean(name)} {count}" for name, count in facet.counts[:10])
            click.echo(f"{facet.name}: {counts}")


@cli.command()
@click.argument("query", nargs=-1, required=True)
@_filters
@click.option("--page", type=click.IntRange(1, None), default=1, help="Which page of hits to show.")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default="relevance",
              help="Order of the hits.")
@click.option("--facet", "facets", multiple=True, type=click.Choice(["outlet", "author", "year", "month", "page"]),
              help="Facet to count (repeatable; default outlet, author, year).")
@click.pass_context
def search(ctx: click.Context, query: tuple[str, ...], outlet: str | None, author: str | None,
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
    archive = _archive(ctx)
    notice = archive.index_notice()
    if notice:
        click.echo(f"archive: {notice}", err=True)
    result = archive.search(" ".join(query), outlet=outlet, author=author, since=since, until=until,
                            limit=limit or archive.config.search_limit, page=page, sort=sort,
                            facets=facets or ("outlet", "author", "year"))
    for note in archive.notices:
        click.echo(f"archive: {clean(note)}", err=True)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
        return
    _print_result(result)


@cli.command()
@click.argument("query", nargs=-1)
@_filters
@click.option("--facet", "facets", multiple=True, type=click.Choice(["outlet", "author", "year", "month", "page"]),
              help="Facet to count (repeatable; default: all five).")
@click.pass_context
def facets(ctx: click.Context, query: tuple[str, ...], outlet: str | None, author: str | None,
           since: str | None, until: str | None, limit: int | None, as_json: bool,
           facets: tuple[str, ...]) -> None:
    """Count articles by outlet, author, year, month and page, for a query or the whole archive.

    \b
    Examples:
      archive facets
      archive facets Mosul --facet outlet --facet year
    """
    archive = _archive(ctx)
    notice = archive.index_notice()
    if notice:
        click.echo(f"archive: {notice}", err=True)
    names = facets or ("outlet", "author", "year", "month", "page")
    result = archive.search(" ".join(query), outlet=outlet, author=author, since=since, until=until, limit=1,
                            facets=names, snippets=False)
    if as_json:
        click.echo(json.dumps({"query": result.query, "total": result.total,
                               "facets": {f.name: dict(f.counts) for f in result.facets}}, ensure_ascii=False,
                              indent=1))
        return
    click.echo(f"{result.total} article(s)")
    for facet in result.facets:
        click.echo(f"{facet.name}:")
        for name, count in facet.counts[:limit or 20]:
            click.echo(f"  {count:>6}  {clean(name)}")


@cli.command()
@click.argument("article_id")
@click.option("--limit", type=click.IntRange(1, 100), default=10, help="How many to show.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def similar(ctx: click.Context, article_id: str, limit: int, as_json: bool) -> None:
    """List the articles most like one article (by the key terms of its text).

    \b
    Example:
      archive similar articles/rt-news/2016/10/some-title
    """
    archive = _archive(ctx)
    notice = archive.index_notice()
    if notice:
        click.echo(f"archive: {notice}", err=True)
    hits = archive.similar(article_id, limit=limit)
    if as_json:
        click.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=1))
        return
    for n, hit in enumerate(hits, start=1):
        click.echo(f"{n}. {clean(hit.title)}\n   {clean(hit.outlet) or '?'} · {hit.date or 'undated'} · {hit.id}")
    if not hits:
        click.echo("no similar articles")


@cli.command(name="export")
@click.argument("query", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="jsonl, csv, or for citation managers csl-json, bibtex, ris.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File to write (default: stdout).")
@click.option("--outlet", help="Only articles from this outlet.")
@click.option("--author", help="Only articles by this author.")
@click.option("--since", metavar="DATE", help="Only articles dated on or after DATE.")
@click.option("--until", metavar="DATE", help="Only articles dated on or before DATE.")
@click.pass_context
def export_command(ctx: click.Context, query: tuple[str, ...], fmt: str, output: str | None, outlet: str | None,
                   author: str | None, since: str | None, until: str | None) -> None:
    """Export the articles a query selects (all by default) with metadata, sightings and store paths.

    \b
    Examples:
      archive export --format csl-json -o mosul.json Mosul
      archive export --format bibtex --outlet "RT News" > rt.bib
    """
    archive = _archive(ctx)
    archive.require_store()
    notice = archive.index_notice()
    if notice:
        click.echo(f"archive: {notice}", err=True)
    records = archive.select(" ".join(query), outlet=outlet, author=author, since=since, until=until)
    chunks = export(records, fmt, store_root=archive.config.store_path.name)
    if output is None:
        for chunk in chunks:
            click.echo(chunk, nl=False)
        return
    target = Path(output)
    partial = target.with_name(f".{target.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as fh:
            for chunk in chunks:
                fh.write(chunk)
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ArchiveError(f"{output}: cannot write ({exc.strerror or exc})", path=output) from None
    click.echo(f"wrote {target}", err=True)


@cli.command(name="list")
@_filters
@click.option("--needs-review", is_flag=True, help="Only articles the splitter was unsure of.")
@click.pass_context
def list_articles(ctx: click.Context, outlet: str | None, author: str | None, since: str | None,
                  until: str | None, limit: int | None, as_json: bool, needs_review: bool) -> None:
    """List articles, newest first: id, date, outlet, title.

    \b
    Examples:
      archive list --outlet "RT News"
      archive list --needs-review --json
    """
    archive = _archive(ctx)
    notice = archive.index_notice()
    if notice:
        click.echo(f"archive: {notice}", err=True)
    result = archive.search("", outlet=outlet, author=author, since=since, until=until,
                            needs_review=needs_review, limit=limit or 10_000, sort="newest", facets=())
    if as_json:
        click.echo(json.dumps([{k: v for k, v in h.to_dict().items() if k not in ("snippet", "highlights", "score")}
                               for h in result.hits], ensure_ascii=False, indent=1))
        return
    for hit in result.hits:
        click.echo(f"{hit.date or 'undated':<10}  {clean(hit.outlet) or '?':<24.24}  {clean(hit.title)}\n"
                   f"{'':<10}  {hit.id}")
    click.echo(f"{len(result.hits)} of {result.total} article(s)")


# ---------------------------------------------------------------- show


def _record_text(record: ArticleRecord, versions: int) -> str:
    lines = [clean(record.title), "=" * min(len(record.title), 78)]
    for label, value in (("id", record.id), ("outlet", record.outlet), ("author", record.author),
                         ("date", f"{record.date}  ({record.date_text})" if record.date_text else record.date),
                         ("standfirst", record.standfirst), ("version", f"{record.version} of {versions}")):
        if value:
            lines.append(f"{label + ':':<11} {clean(str(value))}")
    if record.review:
        lines.append(f"{'review:':<11} needs review — {', '.join(record.review_reasons)}")
    if record.withdrawn:
        lines.append(f"{'withdrawn:':<11} {clean(record.withdrawn)}")
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


@cli.command()
@click.argument("article_id")
@click.option("--version", "version", type=click.IntRange(1, None), help="Show this version (default: newest).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def show(ctx: click.Context, article_id: str, version: int | None, as_json: bool) -> None:
    """Show one article: metadata, the pages it was seen in, the fair-use note, the text.

    A page id (pages/...) shows the page: its title, date, source line and articles.

    \b
    Examples:
      archive show articles/rt-news/2016/10/us-saudis-to-grant-9000-isis-fighters
      archive show pages/2016/10/saudis-and-us-accused-of-letting-isis-fighters-escape-mosul
    """
    archive = _archive(ctx)
    if article_id.strip().strip("/").startswith(("pages/", "store/pages/")):
        page = archive.page(article_id)
        if as_json:
            click.echo(json.dumps(page, ensure_ascii=False, indent=1))
            return
        click.echo(f"{clean(page.get('title')) or page['id']}\n{'=' * min(len(page.get('title') or page['id']), 78)}")
        for label in ("id", "date", "date_text", "source_line", "name", "encoding"):
            if page.get(label):
                click.echo(f"{label + ':':<12} {clean(str(page[label]))}")
        if page.get("fair_use_note"):
            click.echo(f"{'fair use:':<12} {clean(page['fair_use_note'])}")
        click.echo("articles:")
        for n, object_id in enumerate(page.get("articles", []), start=1):
            click.echo(f"  {n}. {object_id}")
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
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    click.echo(_record_text(record, versions))


# ---------------------------------------------------------------- maintenance


@cli.command()
@click.option("--full", is_flag=True, help="Throw the index away and build it anew.")
@click.option("--procs", type=click.IntRange(1, 16), default=1, help="Indexing processes (2 doubles speed).")
@click.pass_context
def reindex(ctx: click.Context, full: bool, procs: int) -> None:
    """Bring the index in line with the store; only what differs is written.

    Commits in batches, so an interrupted run resumes where it stopped.

    \b
    Examples:
      archive reindex
      archive reindex --full --procs 2
    """
    archive = _archive(ctx)
    archive.require_store()
    total = archive.count_articles()
    with _progress(total, enabled=True) as bar:
        if full:
            count = archive.rebuild_index(progress=bar, procs=procs)
        else:
            count = archive.sync_index(progress=bar, procs=procs)
    click.echo(f"indexed {count} article(s) of {total} into {archive.config.index_path}")


@cli.command()
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def history(ctx: click.Context, article_id: str, as_json: bool) -> None:
    """List an article's versions: number, time, digest, source, what changed.

    \b
    Example:
      archive history articles/rt-news/2016/10/some-title
    """
    entries = _archive(ctx).history(article_id)
    if as_json:
        click.echo(json.dumps([e.__dict__ for e in entries], indent=1))
        return
    for e in entries:
        click.echo(f"v{e.number:<3} {e.created}  {e.digest}  {clean(e.message)}  [{', '.join(e.changed) or '-'}]")


@cli.command(name="diff")
@click.argument("article_id")
@click.argument("versions", nargs=-1, type=click.IntRange(1, None))
@click.pass_context
def diff_command(ctx: click.Context, article_id: str, versions: tuple[int, ...]) -> None:
    """Show what changed between two versions (default: the last change).

    \b
    Examples:
      archive diff articles/rt-news/2016/10/some-title
      archive diff articles/rt-news/2016/10/some-title 1 3
    """
    if len(versions) > 2:
        raise click.UsageError("give at most two versions")
    a = versions[0] if versions else None
    b = versions[1] if len(versions) > 1 else None
    text = _archive(ctx).diff(article_id, a, b)
    click.echo(clean(text).replace("\x1b", "") if text else "no differences")


@cli.command()
@click.argument("article_id")
@click.option("--title")
@click.option("--outlet")
@click.option("--author", help="An empty value clears the author.")
@click.option("--date", help="YYYY-MM-DD; an empty value clears the date.")
@click.option("--reason", required=True, help="Why the field was wrong (kept in the history).")
@click.pass_context
def edit(ctx: click.Context, article_id: str, title: str | None, outlet: str | None, author: str | None,
         date: str | None, reason: str) -> None:
    """Correct an article's fields; a later re-add of its page never undoes a correction.

    \b
    Example:
      archive edit articles/rt-news/2016/10/x --author "Jon Lockett" --reason "byline misread"
    """
    given = (("title", title), ("outlet", outlet), ("author", author), ("date", date))
    changes: dict[str, str | None] = {k: v for k, v in given if v is not None}
    if not changes:
        raise click.UsageError("nothing to change: give --title, --outlet, --author or --date")
    version = _archive(ctx).edit(article_id, changes, reason=reason)
    click.echo("unchanged" if version is None else f"corrected: version {version}")


@cli.command()
@click.argument("article_id")
@click.option("--reason", required=True, help="Why it is withdrawn (kept in the history).")
@click.pass_context
def remove(ctx: click.Context, article_id: str, reason: str) -> None:
    """Withdraw an article: kept with its history, left out of search and lists.

    \b
    Example:
      archive remove articles/rt-news/2016/10/x --reason "duplicate of another article"
    """
    version = _archive(ctx).remove(article_id, reason=reason)
    click.echo("already withdrawn" if version is None else f"withdrawn: version {version}")


@cli.command()
@click.argument("object_id")
@click.option("--reason", default="takedown", show_default=True, help="Recorded with the purge.")
@click.option("--yes", is_flag=True, help="Confirm: every version is deleted for good.")
@click.pass_context
def purge(ctx: click.Context, object_id: str, reason: str, yes: bool) -> None:
    """Delete an article or page and all its versions (a takedown); a record of it stays.

    \b
    Example:
      archive purge articles/rt-news/2016/10/x --yes --reason "court order 2024-17"
    """
    if not yes:
        raise click.UsageError("purge deletes every version for good: add --yes to confirm")
    entry = _archive(ctx).purge(object_id, reason=reason)
    click.echo(f"purged {entry['id']} ({entry['versions']} version(s)); recorded in store/{PURGE_LOG}")
    if entry["id"].startswith("articles/"):
        click.echo("note: the pages it came from still hold its text in their originals; purge them to remove it")


@cli.command()
@click.option("--repair", is_flag=True, help="Roll back interrupted versions and rebuild the index if it disagrees.")
@click.pass_context
def verify(ctx: click.Context, repair: bool) -> None:
    """Check every digest and inventory in the store, and the index against it.

    Exit 0 when clean, 1 with the list of problems.

    \b
    Example:
      archive verify
    """
    archive = _archive(ctx)
    archive.require_store()
    problems = archive.verify(repair=repair)
    for problem in problems:
        click.echo(clean(problem))
    if problems:
        click.echo(f"{len(problems)} problem(s) found", err=True)
        ctx.exit(EXIT_ERROR)
    click.echo("store and index are consistent")


def main() -> None:
    """Entry point of the ``archive`` console script."""
    try:
        cli(prog_name="archive")
    except ConfigError as exc:  # raised before the group runs (none today); kept for safety
        click.echo(f"archive: error: {clean(str(exc))}", err=True)
        sys.exit(EXIT_ERROR)
