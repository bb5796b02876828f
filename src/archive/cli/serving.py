"""The command that serves the archive in a web browser: serve."""

from __future__ import annotations

import click

from .group import searchable


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 lets every machine that can reach this one read the archive.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port, printed).")
@click.option("--allow-edits", is_flag=True,
              help="Let the browser correct and withdraw articles (each change a new version, with a reason).")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, allow_edits: bool) -> None:
    """Serve the archive to a web browser: search with facets, articles, pages, versions and diffs.

    Pages work without JavaScript; a JSON API sits beside them (/api/search,
    /api/facets, /api/articles/ID). Read only unless --allow-edits is given.

    \b
    Examples:
      archive serve                      then open http://127.0.0.1:8000/
      archive serve --port 8080 --allow-edits
    """
    from ..web import hosts_for  # the web stack loads only for this command
    from ..web import serve as run_server

    archive = searchable(ctx, store_required=True)
    if allow_edits and hosts_for(host) is None:
        click.echo(f"archive: warning: --allow-edits on {host}: anyone who can reach it can change the archive",
                   err=True)

    def ready(address: str) -> None:
        mode = "corrections allowed" if allow_edits else "read only"
        click.echo(f"archive: serving {archive.config.store_path} at {address} ({mode}); Ctrl-C stops")

    run_server(archive.config, host=host, port=port, allow_edits=allow_edits, ready=ready)
