"""OCFL 1.1 on disk: the names, the inventory of an object, and the walk over objects.

An object's id is its path below the storage root; the id written in its
inventory is that path under ``ID_PREFIX``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ArticleNotFound, StoreCorrupt
from ._fs import digest_bytes

SPEC = "ocfl_1.1"
OBJECT_SPEC = "ocfl_object_1.1"
INVENTORY_TYPE = "https://ocfl.io/1.1/spec/#inventory"
DIGEST = "sha512"
#: The URI namespace of the ids written in inventories.
ID_PREFIX = "info:archive/"
#: The storage root's extensions folder: never an object.
EXTENSIONS = "extensions"
#: The write lock and half-built versions.
WORK = f"{EXTENSIONS}/archive-work"
#: One JSON line for every object purged.
PURGE_LOG = f"{EXTENSIONS}/archive-purged/purged.jsonl"


@dataclass(frozen=True)
class StoredFile:
    """A file of an object's version: its logical name, digest and path in the store."""

    logical: str
    digest: str
    path: Path


def ocfl_id(object_id: str) -> str:
    """The identifier written in an object's OCFL inventory."""
    return f"{ID_PREFIX}{object_id}"


def read_inventory(root: Path, object_id: str) -> dict[str, Any]:
    """The object's root inventory.

    Raises:
        ArticleNotFound: no such object.
        StoreCorrupt: the inventory cannot be read.
    """
    path = root / object_id / "inventory.json"
    try:
        data: dict[str, Any] = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise ArticleNotFound(f"no article or page '{object_id}' in {root}", article_id=object_id) from None
    except (OSError, ValueError) as exc:
        raise StoreCorrupt(f"{path}: unreadable inventory ({exc})", path=str(path)) from None
    return data


def head_of(inventory: dict[str, Any]) -> int:
    """The number of an inventory's newest version ("v3" -> 3)."""
    return int(inventory["head"][1:])


def inventory_bytes(inventory: dict[str, Any]) -> tuple[bytes, bytes]:
    """An inventory as written, and its digest sidecar."""
    raw = (json.dumps(inventory, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    return raw, f"{digest_bytes(raw)} inventory.json\n".encode()


def iter_object_ids(root: Path, under: str = "") -> Iterator[str]:
    """Every object id below ``root / under`` (the whole root but its extensions by default), in path order."""
    top = root / under if under else root
    if not top.is_dir():
        return
    for dirpath, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not (d == EXTENSIONS and dirpath == str(root)))
        if f"0={OBJECT_SPEC}" in files:
            dirs.clear()
            yield Path(dirpath).relative_to(root).as_posix()
