"""The Whoosh index folder: archive's ownership marker, which index in the folder is live, and what is left over.

archive writes its marker (``archive-schema.json``) first in a folder it makes,
and deletes or rewrites only in a folder that carries it (``check_folder``).
The marker also names the *live* index: whoosh keeps several indexes in one
folder, each under its own name, so a rebuild writes a new index under the next
name while readers keep using the live one, and replacing the marker (one
atomic rename) swaps the new index in.  Anything else in the folder is a
leftover: the files of the index the swap replaced, or of a build killed before
its swap.  Only a writer holding the store's lock deletes them, for a build in
progress writes its files under that lock.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..errors import SearchIndexError
from .whoosh_schema import SCHEMA_VERSION

#: The ownership and schema marker archive writes first in an index folder it makes.
MARKER = "archive-schema.json"
#: The name whoosh gives an index by default: the live index of a marker that names none (written before
#: the marker named the live index).
DEFAULT_NAME = "MAIN"
#: The names archive gives the indexes it builds: ``ix1``, ``ix2``, ...
NAME_PREFIX = "ix"


@dataclass(frozen=True)
class Marker:
    """What the marker says: the schema version of the live index, and the live index's name (None: none yet)."""

    schema_version: object
    live: str | None


def read_marker(folder: Path) -> Marker | None:
    """The folder's marker; None when there is none or it cannot be read."""
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    live = data.get("live", DEFAULT_NAME)
    return Marker(data.get("schema_version"), live if isinstance(live, str) and live.isalnum() else None)


def write_marker(folder: Path, *, live: str | None) -> None:
    """Write the marker naming ``live`` in one atomic step (a torn marker would read as damage)."""
    tmp = folder / f"{MARKER}.tmp"
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump({"made_by": "archive", "schema_version": SCHEMA_VERSION, "live": live}, fh)
        fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(folder / MARKER)


def next_name(live: str | None) -> str:
    """The name of the index to build beside ``live``."""
    number = live[len(NAME_PREFIX):] if live and live.startswith(NAME_PREFIX) else ""
    return f"{NAME_PREFIX}{int(number) + 1 if number.isdigit() else 1}"


def belongs_to(entry: str, name: str) -> bool:
    """True when a folder entry is one of the index ``name``'s files (its tables of contents ``_NAME_N.toc``,
    segments ``NAME_ID.ext``, write lock ``NAME_WRITELOCK``, scratch folder ``NAME.tmp``)."""
    return entry.startswith((f"_{name}_", f"{name}_", f"{name}."))


def leftovers(folder: Path) -> list[Path]:
    """What is in an index folder archive owns besides the marker and the live index's files; nothing when
    the marker cannot be read (what is live is then unknown)."""
    marker = read_marker(folder)
    if marker is None or not folder.is_dir():
        return []
    return sorted(entry for entry in folder.iterdir() if entry.name != MARKER
                  and (marker.live is None or not belongs_to(entry.name, marker.live)))


def remove(paths: list[Path]) -> None:
    """Delete folder entries (files or folders); what cannot be deleted stays a leftover, harmless, for later."""
    for entry in paths:
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                entry.unlink()


def check_folder(path: Path | None) -> None:
    """Refuse an index folder that archive did not make and that is not empty.

    archive removes and rewrites only what it made: a folder that holds other
    files (a person's notes, another program's data, the store) is never touched.

    Raises:
        SearchIndexError: the path is a file, or a folder with files and no marker.
    """
    if path is None or not (path.exists() or path.is_symlink()):
        return
    if not path.is_dir():
        raise SearchIndexError(f"{path}: index.path names a file, not a folder; "
                               f"set index.path in archive.toml to a folder of its own")
    if (path / MARKER).is_file():
        return
    try:
        foreign = next(iter(path.iterdir()), None)
    except OSError as exc:
        raise SearchIndexError(f"{path}: cannot read the index folder ({exc.strerror or exc})") from None
    if foreign is not None:
        raise SearchIndexError(f"{path}: folder holds files archive did not make ({foreign.name}, ...); "
                               f"archive never writes or deletes there: empty it, or set index.path "
                               f"in archive.toml to a new folder")
