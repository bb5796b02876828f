"""Commands that build and keep the archive: init, add, reindex, verify, sync."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..api import Archive
from ..config import CONFIG_NAME, default_config, find_config, load_config, render_default_config
from ..models import PageOutcome, Status
from ..text import clean, dumps
from .group import EXIT_ERROR, open_archive
from .render import explain_text, outcome_json, outcome_text, progress


@click.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False), default=".")
@click.option("--json", "as_json", is_flag=True, help="Print what was done as JSON.")
def init(folder: str, as_json: bool) -> None:
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
    if not exists:
        config_file.write_text(render_default_config(), encoding="utf-8")
    created = archive.create_store()
    if as_json:
        click.echo(dumps({"config": str(config_file), "config_written": not exists,
                          "store": str(archive.config.store_path), "store_created": created}, indent=1))
        return
    click.echo(f"{config_file} exists; keeping it" if exists else f"wrote {config_file}")
    click.echo(f"created store {archive.config.store_path}" if created else f"store {archive.config.store_path} exists")


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--dry-run", is_flag=True, help="Read and split only; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print what was found as JSON (one object per page).")
@click.option("-r", "--recursive", is_flag=True, help="Add the pages in folders, and their subfolders.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary line.")
@click.option("--keep-going", is_flag=True, help="Store the good pages even when some are bad.")
@click.option("--explain", is_flag=True,
              help="Print each line of each page with the role the splitter gave it and its confidence; write nothing.")
@click.option("--force", is_flag=True, help="Add a file named .md, .csv and the like as a page all the same.")
@click.option("--url", metavar="URL",
              help="Where the page came from (one page); saved HTML gives its own canonical link or og:url.")
@click.pass_context
def add(ctx: click.Context, files: tuple[str, ...], dry_run: bool, as_json: bool, recursive: bool,
        quiet: bool, keep_going: bool, explain: bool, force: bool, url: str | None) -> None:
    """Add pages (text or saved HTML) to the archive; - reads standard input; a web address is fetched.

    Each page is split into its articles, which are stored (new, new version
    or unchanged) and indexed.  A fetched page keeps its capture (WARC) beside
    its bytes; every page keeps its address and when it was captured.

    \b
    Examples:
      archive add mosul-compilation.txt
      archive add --url https://example.org/roundup.html roundup.txt
      archive add https://example.org/roundup.html
      archive add --recursive saved-pages/
      archive add --dry-run --json page.html
      archive add --explain page.html
    """
    if explain:
        _explain(open_archive(ctx, anywhere=True), files, as_json=as_json)
        return
    obj = ctx.ensure_object(dict)
    if not obj.get("config_path") and find_config() is None and not dry_run:
        # Nothing is written, not even the configuration, when the index folder is refused.
        Archive(default_config(Path.cwd())).check_index_folder()
        Path(CONFIG_NAME).write_text(render_default_config(), encoding="utf-8")
        click.echo(f"archive: no {CONFIG_NAME} found; wrote one in {Path.cwd()}", err=True)
    archive = open_archive(ctx, anywhere=dry_run)
    printed: list[dict[str, Any]] = []

    def on_page(outcome: PageOutcome) -> None:
        for warning in outcome.warnings:
            click.echo(f"archive: warning: {clean(warning)}", err=True)
        if as_json:
            printed.append(outcome_json(outcome))
        elif not quiet:
            click.echo(outcome_text(outcome, dry_run=dry_run))

    show_bar = len(files) > 1 or recursive
    # Folders are walked by the library: their page count is not known here.
    with progress(None if recursive else len(files), enabled=show_bar and not quiet and not as_json) as bar:
        report = archive.ingest(files, dry_run=dry_run, recursive=recursive, keep_going=keep_going,
                                stdin=getattr(sys.stdin, "buffer", sys.stdin), progress=bar, on_page=on_page,
                                url=url, force=force)
    for notice in report.notices:
        click.echo(f"archive: {clean(notice)}", err=True)
    if as_json:
        click.echo(dumps(printed[0] if len(printed) == 1 else printed, indent=1))
        return
    articles = sum(len(p.split.articles) for p in report.pages)
    if dry_run:
        click.echo(f"{len(report.pages)} page(s), {articles} article(s) found; nothing written (dry run)")
        return
    click.echo(f"{len(report.pages)} page(s), {articles} article(s): {report.count(Status.NEW)} new, "
               f"{report.count(Status.NEW_VERSION)} new version, {report.count(Status.UNCHANGED)} unchanged")
    if archive.index_behind:
        ctx.exit(EXIT_ERROR)  # stored, but the index lags: the warnings above said so


def _explain(archive: Archive, files: tuple[str, ...], *, as_json: bool) -> None:
    stdin = getattr(sys.stdin, "buffer", sys.stdin)
    pages = [(name, archive.explain(name, stdin=stdin)) for name in files]
    if as_json:
        click.echo(dumps([{"name": name, "units": [u.to_dict() for u in units]} for name, units in pages],
                         indent=1))
        return
    click.echo("\n\n".join(explain_text(name, units) for name, units in pages))


@click.command()
@click.option("--full", is_flag=True, help="Throw the index away and build it anew.")
@click.option("--procs", type=click.IntRange(1, 16), default=1, help="Indexing processes (2 doubles speed).")
@click.option("--json", "as_json", is_flag=True, help="Print what was done as JSON (and no progress bar).")
@click.pass_context
def reindex(ctx: click.Context, full: bool, procs: int, as_json: bool) -> None:
    """Bring the index in line with the store; only what differs is written.

    Commits in batches, so an interrupted run resumes where it stopped.

    \b
    Examples:
      archive reindex
      archive reindex --full --procs 2
    """
    archive = open_archive(ctx)
    archive.require_store()
    total = archive.count_articles()
    with progress(total, enabled=not as_json) as bar:
        if full:
            count = archive.reindex(full=True, progress=bar, procs=procs)
        else:
            count = archive.reindex(progress=bar, procs=procs)
    for notice in archive.notices:
        click.echo(f"archive: {clean(notice)}", err=True)
    if as_json:
        click.echo(dumps({"indexed": count, "articles": total, "full": full, "index": archive.index.where},
                         indent=1))
        return
    click.echo(f"indexed {count} article(s) of {total} into {archive.index.where}")


@click.command()
@click.option("--repair", is_flag=True, help="Roll back interrupted versions and rebuild the index if it disagrees.")
@click.option("--json", "as_json", is_flag=True, help="Print the problems found as JSON.")
@click.pass_context
def verify(ctx: click.Context, repair: bool, as_json: bool) -> None:
    """Check every digest and inventory in the store, and the index against it.

    Exit 0 when clean, 1 with the list of problems.

    \b
    Example:
      archive verify
    """
    archive = open_archive(ctx)
    archive.require_store()
    problems = archive.verify(repair=repair)
    if as_json:
        click.echo(dumps({"consistent": not problems, "repair": repair, "problems": problems}, indent=1))
        if problems:
            ctx.exit(EXIT_ERROR)
        return
    for problem in problems:
        click.echo(clean(problem))
    if problems:
        click.echo(f"{len(problems)} problem(s) found", err=True)
        ctx.exit(EXIT_ERROR)
    click.echo("store and index are consistent")


@click.command()
@click.argument("dest", type=click.Path(file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print what was copied as JSON.")
@click.pass_context
def sync(ctx: click.Context, dest: str, as_json: bool) -> None:
    """Copy the store to DEST (another store folder): only the versions DEST lacks.

    Every copied file is checked against its digest; a version DEST already holds
    is never overwritten (one that differs is reported, exit 1).  Run it again
    after an interruption: it copies what is still missing, and nothing when
    DEST is up to date.  DEST's index is built there by `archive reindex`.

    \b
    Example:
      archive sync /mnt/backup/store
    """
    archive = open_archive(ctx)
    archive.require_store()
    with progress(archive.count_objects(), enabled=not as_json) as bar:
        report = archive.sync(Path(dest), progress=bar)
    for notice in archive.notices:
        click.echo(f"archive: {clean(notice)}", err=True)
    if as_json:
        click.echo(dumps({"dest": dest, "versions": report.versions, "objects": report.objects,
                          "files": report.files, "bytes": report.bytes, "unchanged": report.unchanged,
                          "problems": report.problems}, indent=1))
    else:
        click.echo(f"copied {report.versions} version(s) ({report.objects} new object(s), {report.files} file(s), "
                   f"{report.bytes:,} bytes) to {clean(dest)}; {report.unchanged} object(s) were up to date")
    for problem in report.problems:
        click.echo(f"archive: error: {clean(problem)}", err=True)
    if report.problems:
        ctx.exit(EXIT_ERROR)


COMMANDS = (init, add, reindex, verify, sync)
