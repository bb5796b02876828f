"""Commands that organise the archive as a reference manager does: tag, note, saved searches."""

from __future__ import annotations

import click

from ..text import clean, dumps
from .group import open_archive, report_index


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("article_id")
@click.argument("labels", nargs=-1, required=True, type=click.UNPROCESSED)
@click.option("--json", "as_json", is_flag=True, help="Print what was done as JSON.")
@click.pass_context
def tag(ctx: click.Context, article_id: str, labels: tuple[str, ...], as_json: bool) -> None:
    """Add (+label, or label) and remove (-label) an article's tags, as a new version.

    Tags are a facet (--facet tag), a filter (--tag label) and a query field (tag:label).

    \b
    Examples:
      archive tag rt-news/2016/10/us-saudis +mosul +follow-up
      archive tag rt-news/2016/10/us-saudis -follow-up
    """
    add = [label[1:] if label.startswith("+") else label for label in labels if not label.startswith("-")]
    remove = [label[1:] for label in labels if label.startswith("-")]
    archive = open_archive(ctx)
    article_id = archive.resolve_id(article_id)
    version, tags = archive.tag(article_id, add=add, remove=remove)
    if as_json:
        click.echo(dumps({"id": article_id, "changed": version is not None, "version": version,
                          "tags": list(tags)}, indent=1))
    else:
        shown = " ".join(tags) or "(none)"
        click.echo(f"tags: {shown}" + ("" if version is None else f" (version {version})"))
    report_index(ctx, archive)


@click.command()
@click.argument("article_id")
@click.argument("text", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print what was done as JSON.")
@click.pass_context
def note(ctx: click.Context, article_id: str, text: tuple[str, ...], as_json: bool) -> None:
    """Add a note to an article (kept in its versions, shown by `archive show`).

    \b
    Example:
      archive note rt-news/2016/10/us-saudis "compare with the Reuters report of the same day"
    """
    archive = open_archive(ctx)
    article_id = archive.resolve_id(article_id)
    version = archive.note(article_id, " ".join(text))
    if as_json:
        click.echo(dumps({"id": article_id, "version": version, "note": " ".join(text)}, indent=1))
    else:
        click.echo(f"noted: version {version}")
    report_index(ctx, archive)


@click.command()
@click.argument("name", required=False)
@click.argument("query", nargs=-1)
@click.option("--delete", is_flag=True, help="Forget the saved search NAME.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def saved(ctx: click.Context, name: str | None, query: tuple[str, ...], delete: bool, as_json: bool) -> None:
    """Keep a search under a name, which `archive search @NAME` runs; without a query, show the saved ones.

    \b
    Examples:
      archive saved mosul '"safe passage" Mosul tag:follow-up'
      archive search @mosul
      archive saved
      archive saved mosul --delete
    """
    archive = open_archive(ctx)
    archive.require_store()
    if name is not None and (query or delete):
        if query and delete:
            raise click.UsageError("give a query to save, or --delete, not both")
        entry = archive.save_search(name, None if delete else " ".join(query))
        if as_json:
            click.echo(dumps({"name": name, "deleted": delete, **(entry or {})}, indent=1))
        else:
            click.echo(f"forgot @{name}" if delete else f"saved @{name}: {clean(' '.join(query))}")
        return
    searches = archive.saved_searches()
    if name is not None:
        searches = {name: searches[name]} if name in searches else {}
        if not searches:
            raise click.UsageError(f"no saved search named {name!r}")
    if as_json:
        click.echo(dumps(searches, indent=1))
        return
    for key, entry in sorted(searches.items()):
        click.echo(f"@{key:<20} {clean(entry['query'])}")
    if not searches:
        click.echo("no saved searches (`archive saved NAME QUERY` keeps one)")


COMMANDS = (tag, note, saved)
