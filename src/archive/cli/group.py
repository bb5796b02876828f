"""The click group: options every command shares, and the one place errors become messages.

``ArchiveCLI.invoke`` turns every ``ArchiveError`` into one line on standard
error and an exit code, once, for every command (see the README's table);
``searchable`` is the one way a command gets an archive whose index is ready.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from pathlib import Path
from typing import Any

import click

from ..api import Archive
from ..config import CONFIG_NAME, Config, find_config, load_config
from ..errors import ArchiveError, ConfigError, SourceErrors
from ..text import clean

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70


def safe_streams() -> None:
    """Let standard output and error write any text, whatever their encoding: a character the
    encoding lacks (or an undecodable byte of an argument) is written as a backslash escape,
    never an error half way through the output."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


class ArchiveCLI(click.Group):
    """The click group that turns errors into one line and an exit code, once."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run the command line; a usage error is one line too (`archive: error: ...`, exit 2), not click's
        three-line usage block."""
        safe_streams()
        kwargs.pop("standalone_mode", None)
        kwargs["prog_name"] = "archive"  # also under `python -m archive` and a test runner
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else "archive"
            click.echo(f"archive: error: {where}: {clean(exc.format_message()).rstrip('.')} "
                       f"(`{where} --help` shows the usage)", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"archive: error: {clean(exc.format_message())}", err=True)
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("archive: interrupted", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else EXIT_OK)

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


def _config(ctx: click.Context, *, anywhere: bool = False) -> Config:
    obj = ctx.ensure_object(dict)
    if "config" not in obj:
        path = obj.get("config_path")
        found = Path(path) if path else find_config()
        if found is None and not anywhere:
            # Outside any archive: say so, and create nothing (no index/ in a stranger's folder).
            raise ConfigError(f"no {CONFIG_NAME} in {Path.cwd()} or any folder above it: not inside an archive "
                              f"(`archive init` makes one here; --config or ARCHIVE_CONFIG names one elsewhere)")
        obj["config"] = load_config(found)
    config: Config = obj["config"]
    return config


def open_archive(ctx: click.Context, *, anywhere: bool = False) -> Archive:
    """The archive the configuration names; outside any archive a ``ConfigError``, unless ``anywhere``
    (a command that writes nothing), which then gets the defaults in the current folder."""
    return Archive(_config(ctx, anywhere=anywhere))


def searchable(ctx: click.Context, *, store_required: bool = False) -> Archive:
    """The archive with its index ready to search; a missing, stale or broken index is rebuilt, and the user told."""
    archive = open_archive(ctx)
    if store_required:
        archive.require_store()
    notice = archive.index_notice()
    for line in [*archive.notices, *([notice] if notice else [])]:
        click.echo(f"archive: {clean(line)}", err=True)
    archive.notices.clear()
    return archive


def report_index(ctx: click.Context, archive: Archive) -> None:
    """After a write: say what happened to the index; exit 1 when the store changed but the index lags it."""
    for notice in archive.notices:
        click.echo(f"archive: {clean(notice)}", err=True)
    if archive.index_behind:
        ctx.exit(1)


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


def main() -> None:
    """Entry point of the ``archive`` console script."""
    try:
        cli(prog_name="archive")
    except ConfigError as exc:  # raised before the group runs (none today); kept for safety
        click.echo(f"archive: error: {clean(str(exc))}", err=True)
        sys.exit(EXIT_ERROR)
