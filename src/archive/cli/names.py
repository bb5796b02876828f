"""Commands about the names of outlets and authors: list them (with likely duplicates), rename one;
and the hint a filter that matches no name gets."""

from __future__ import annotations

import click

from ..api import Archive
from ..errors import ArchiveError
from ..text import clean, dumps, name_key
from .group import report_index, searchable

_KIND = click.Choice(["outlet", "author"])


def say_nearest(archive: Archive, *, outlet: str | None, author: str | None) -> None:
    """When a filter by name found nothing: say so on standard error, with the nearest stored names."""
    for kind, name in (("outlet", outlet), ("author", author)):
        if not name:
            continue
        if any(name_key(n) == name_key(name) for n, _ in archive.names(kind)):
            continue  # the name exists: it is the other filters that leave nothing
        near = archive.nearest_names(kind, name)
        hint = (f"; nearest stored: {', '.join(f'{clean(n)} ({c})' for n, c in near)}" if near
                else f" (`archive names {kind}` lists them)")
        click.echo(f"archive: no {kind} matches {clean(name)!r}{hint}", err=True)


@click.command()
@click.argument("kind", type=_KIND)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def names(ctx: click.Context, kind: str, as_json: bool) -> None:
    """List the stored outlet (or author) names with how many articles carry each, most first; then the
    names that are likely one (they differ in case, accents, spacing or punctuation), to merge with
    `archive rename`.

    \b
    Examples:
      archive names outlet
      archive names author --json
    """
    archive = searchable(ctx)
    counts, groups = archive.names(kind), archive.name_groups(kind)
    if as_json:
        click.echo(dumps({"names": dict(counts), "likely_duplicates": [[n for n, _ in g] for g in groups]},
                         indent=1))
        return
    for name, count in counts:
        click.echo(f"{count:>6}  {clean(name)}")
    click.echo(f"{len(counts)} {kind} name(s)")
    if groups:
        click.echo(f"likely the same {kind} (`archive rename {kind} OLD NEW --reason ...` merges them):")
        for group in groups:
            click.echo("  " + " | ".join(f"{clean(n)} ({c})" for n, c in group))


@click.command()
@click.argument("kind", type=_KIND)
@click.argument("old")
@click.argument("new")
@click.option("--reason", required=True, help="Why the name is corrected (kept in each article's history).")
@click.option("--json", "as_json", is_flag=True, help="Print what was done as JSON.")
@click.pass_context
def rename(ctx: click.Context, kind: str, old: str, new: str, reason: str, as_json: bool) -> None:
    """Correct an outlet or author name in every article that carries it, each as a new version.

    OLD matches whatever its case and accents; in a joint credit ("A & B") only that name changes.
    A later re-add of a page never undoes it.

    \b
    Examples:
      archive rename outlet "Counter Punch" CounterPunch --reason "one outlet, one spelling"
      archive rename author "J. Lockett" "Jon Lockett" --reason "full name"
    """
    archive = searchable(ctx, store_required=True)
    changed = archive.rename(kind, old, new, reason=reason)
    if as_json:
        click.echo(dumps({"kind": kind, "old": old, "new": new,
                          "changed": [{"id": i, "version": v} for i, v in changed]}, indent=1))
    else:
        for object_id, version in changed:
            click.echo(f"  version {version}  {object_id}")
        click.echo(f"renamed {kind} {clean(old)!r} to {clean(new)!r} in {len(changed)} article(s)")
    report_index(ctx, archive)
    if not changed and not any(name_key(n) == name_key(old) for n, _ in archive.names(kind)):
        near = archive.nearest_names(kind, old)
        raise ArchiveError(f"no article carries the {kind} {old!r}"
                           + (f"; nearest stored: {', '.join(n for n, _ in near)}" if near else ""))


COMMANDS = (names, rename)
