"""Commands that curate stored articles: history, diff, edit, review, remove, restore, purge."""

from __future__ import annotations

from typing import Any

import click

from ..api import PURGE_LOG, Archive
from ..text import clean, dumps
from .group import open_archive, report_index

#: The option every curation command has: what it did, as JSON on standard output.
json_option = click.option("--json", "as_json", is_flag=True, help="Print what was done as JSON.")


@click.command()
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def history(ctx: click.Context, article_id: str, as_json: bool) -> None:
    """List an article's (or a page's) versions: number, time, digest, source, what changed.

    \b
    Examples:
      archive history rt-news/2016/10/us-saudis
      archive history pages/2016/10/saudis-and-us
    """
    archive = open_archive(ctx)
    entries = archive.history(archive.resolve_id(article_id))
    if as_json:
        click.echo(dumps([e.__dict__ for e in entries], indent=1))
        return
    for e in entries:
        click.echo(f"v{e.number:<3} {e.created}  {e.digest}  {clean(e.message)}  [{', '.join(e.changed) or '-'}]")


@click.command(name="diff")
@click.argument("article_id")
@click.argument("versions", nargs=-1, type=click.IntRange(1, None))
@json_option
@click.pass_context
def diff_command(ctx: click.Context, article_id: str, versions: tuple[int, ...], as_json: bool) -> None:
    """Show what changed between two versions (default: the last change).

    \b
    Examples:
      archive diff rt-news/2016/10/us-saudis
      archive diff rt-news/2016/10/us-saudis 1 3
    """
    if len(versions) > 2:
        raise click.UsageError("give at most two versions")
    a = versions[0] if versions else None
    b = versions[1] if len(versions) > 1 else None
    archive = open_archive(ctx)
    article_id = archive.resolve_id(article_id)
    text = archive.diff(article_id, a, b)
    if as_json:
        click.echo(dumps({"id": article_id, "versions": list(versions) or None, "diff": text}, indent=1))
        return
    click.echo(clean(text).replace("\x1b", "") if text else "no differences")


@click.command()
@click.argument("article_id")
@click.option("--title")
@click.option("--outlet")
@click.option("--author", help="An empty value clears the author.")
@click.option("--date", help="YYYY-MM-DD; an empty value clears the date.")
@click.option("--reason", required=True, help="Why the field was wrong (kept in the history).")
@json_option
@click.pass_context
def edit(ctx: click.Context, article_id: str, title: str | None, outlet: str | None, author: str | None,
         date: str | None, reason: str, as_json: bool) -> None:
    """Correct an article's fields; a later re-add of its page never undoes a correction.

    \b
    Example:
      archive edit the-sun/2016/10/america --author "Jon Lockett" --reason "byline misread"
    """
    given = (("title", title), ("outlet", outlet), ("author", author), ("date", date))
    changes: dict[str, str | None] = {k: v for k, v in given if v is not None}
    if not changes:
        raise click.UsageError("nothing to change: give --title, --outlet, --author or --date")
    archive = open_archive(ctx)
    article_id = archive.resolve_id(article_id)
    version = archive.edit(article_id, changes, reason=reason)
    _said(ctx, archive, article_id, version, {"fields": changes}, as_json=as_json,
          unchanged="unchanged", done="corrected")


@click.command()
@click.argument("article_id")
@click.option("--reason", required=True, help="Why it is withdrawn (kept in the history).")
@json_option
@click.pass_context
def remove(ctx: click.Context, article_id: str, reason: str, as_json: bool) -> None:
    """Withdraw an article: kept with its history, left out of search and lists.

    \b
    Example:
      archive remove rt-news/2016/10/us-saudis --reason "duplicate of another article"
    """
    archive = open_archive(ctx)
    article_id = archive.resolve_id(article_id)
    version = archive.remove(article_id, reason=reason)
    _said(ctx, archive, article_id, version, {"withdrawn": True}, as_json=as_json,
          unchanged="already withdrawn", done="withdrawn")


@click.command()
@click.argument("article_id")
@click.option("--reason", default="reviewed", show_default=True, help="What the review found (kept in the history).")
@json_option
@click.pass_context
def review(ctx: click.Context, article_id: str, reason: str, as_json: bool) -> None:
    """Mark an article reviewed: right as it stands, out of `list --needs-review`.

    Correcting the fields its review reasons are about (`archive edit`) does the same.

    \b
    Example:
      archive review rt-news/2016/10/us-saudis --reason "checked against the outlet's site"
    """
    archive = open_archive(ctx)
    article_id = archive.resolve_id(article_id)
    version = archive.review(article_id, reason=reason)
    _said(ctx, archive, article_id, version, {"review": False}, as_json=as_json,
          unchanged="needed no review", done="reviewed")


@click.command()
@click.argument("article_id")
@click.option("--reason", required=True, help="Why it is back (kept in the history).")
@json_option
@click.pass_context
def restore(ctx: click.Context, article_id: str, reason: str, as_json: bool) -> None:
    """Undo a withdrawal: the article is back in search and lists, as a new version.

    \b
    Example:
      archive restore rt-news/2016/10/us-saudis --reason "withdrawn by mistake"
    """
    archive = open_archive(ctx)
    article_id = archive.resolve_id(article_id)
    version = archive.restore(article_id, reason=reason)
    _said(ctx, archive, article_id, version, {"withdrawn": False}, as_json=as_json,
          unchanged="not withdrawn", done="restored")


@click.command()
@click.argument("object_id")
@click.option("--reason", default="takedown", show_default=True, help="Recorded with the purge.")
@click.option("--yes", is_flag=True, help="Confirm: every version is deleted for good.")
@json_option
@click.pass_context
def purge(ctx: click.Context, object_id: str, reason: str, yes: bool, as_json: bool) -> None:
    """Delete an article or page and all its versions (a takedown); a record of it stays.

    \b
    Example:
      archive purge --yes --reason "court order 2024-17" \
        articles/rt-news/2016/10/us-saudis-to-grant-9000-isis-fighters-free-passage-from
    """
    if not yes:
        raise click.UsageError("purge deletes every version for good: add --yes to confirm")
    archive = open_archive(ctx)
    entry = archive.purge(object_id, reason=reason)
    if as_json:
        click.echo(dumps(entry, indent=1))
        report_index(ctx, archive)
        return
    click.echo(f"purged {entry['id']} ({entry['versions']} version(s)); recorded in store/{PURGE_LOG}")
    if entry["id"].startswith("articles/"):
        click.echo("note: the pages it came from still hold its text in their originals; purge them to remove it")
    report_index(ctx, archive)


COMMANDS = (history, diff_command, edit, review, remove, restore, purge)


def _said(ctx: click.Context, archive: Archive, article_id: str, version: int | None, fields: dict[str, Any], *,
          unchanged: str, done: str, as_json: bool) -> None:
    """What a correction did: as JSON, or "DONE: version N" (``unchanged`` when it made no version)."""
    if as_json:
        click.echo(dumps({"id": article_id, "changed": version is not None, "version": version, **fields}, indent=1))
    else:
        click.echo(unchanged if version is None else f"{done}: version {version}")
    report_index(ctx, archive)
