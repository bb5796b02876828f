"""The command line: thin click commands over ``api``.

``group`` is the click group and the one place errors become a message and an
exit code; the commands live in ``maintenance`` (init, add, reindex, verify),
``reading`` (search, facets, list, similar, show, export), ``curation``
(history, diff, edit, review, remove, restore, purge), ``names`` (names, rename),
``organising`` (tag, note, saved) and ``serving`` (serve, the web
interface); ``render`` makes what they print and ``output`` writes it where
``-o`` says.
"""

from __future__ import annotations

from . import curation, maintenance, names, organising, reading, serving
from .group import cli, main

for _command in (*maintenance.COMMANDS, *reading.COMMANDS, *curation.COMMANDS, *names.COMMANDS,
                 *organising.COMMANDS, serving.serve):
    cli.add_command(_command)

__all__ = ["cli", "main"]
