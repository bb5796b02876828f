"""Where a command's output goes: standard output, or the target of ``-o``, written safely.

A regular file (or a name not yet taken) is written whole or not at all: beside
it first, then renamed over it.  Anything else is written to, never replaced: a
symbolic link is followed to what it names, a FIFO's reader gets the output, a
device receives it; ``-`` is standard output.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

import click

from ..errors import ArchiveError


def write_output(output: str | None, chunks: Iterable[str]) -> bool:
    """Write ``chunks`` to ``output`` (None or ``-``: standard output); True when a file was written.

    The first chunk is made before the target is touched, so that a bad query or an unreadable store
    leaves the target as it was.

    Raises:
        ArchiveError: the target cannot be written (one line naming it).
    """
    parts = iter(chunks)
    first = next(parts, "")
    if output is None or output == "-":
        click.echo(first, nl=False)
        for chunk in parts:
            click.echo(chunk, nl=False)
        return False
    target = Path(os.path.realpath(output))  # a link is written through, never replaced
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise ArchiveError(f"{output}: cannot write ({exc.strerror or exc})", path=output) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise ArchiveError(f"{output}: is a folder; name a file to write", path=output)
    try:
        if mode is None or stat.S_ISREG(mode):
            _replace_whole(target, first, parts, mode)
        else:  # a FIFO, a device, a socket: write to it as it is
            with target.open("w", encoding="utf-8", newline="") as fh:
                fh.write(first)
                for chunk in parts:
                    fh.write(chunk)
    except OSError as exc:
        raise ArchiveError(f"{output}: cannot write ({exc.strerror or exc})", path=output) from None
    return True


def _replace_whole(target: Path, first: str, parts: Iterable[str], mode: int | None) -> None:
    """Write a regular file beside ``target`` and rename it over it: whole, or not at all."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as fh:
            fh.write(first)
            for chunk in parts:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(partial, stat.S_IMODE(mode))  # the file keeps its permissions
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
