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
#: Files the storage root may hold beside its objects: the declaration, its README, OCFL's layout note.
ROOT_FILES = frozenset({f"0={SPEC}", "README.md", "ocfl_layout.json", f"{SPEC}.md"})
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
        if (root / object_id / f"0={OBJECT_SPEC}").is_file():
            raise StoreCorrupt(f"{path}: missing (the object is there without its inventory)",
                               path=str(path)) from None
        raise ArticleNotFound(f"no article or page '{object_id}' in {root}", article_id=object_id) from None
    except (OSError, ValueError) as exc:
        raise StoreCorrupt(f"{path}: unreadable inventory ({exc})", path=str(path)) from None
    problem = inventory_problem(data)
    if problem:
        raise StoreCorrupt(f"{path}: ill-formed inventory ({problem})", path=str(path))
    return data


def inventory_problem(data: Any) -> str | None:
    """What is wrong with an inventory's shape, or None: a head naming one of its versions, a manifest of
    digests to paths inside the object, versions each with a state of digests the manifest has."""
    if not isinstance(data, dict):
        return "not a JSON object"
    versions, manifest, head = data.get("versions"), data.get("manifest"), data.get("head")
    if not isinstance(versions, dict) or not isinstance(manifest, dict):
        return "no versions or no manifest"
    if not isinstance(head, str) or not head[1:].isdigit() or head not in versions:
        return f"head {head!r} is not one of its versions"
    for digest, paths in manifest.items():
        if not isinstance(paths, list) or not all(isinstance(p, str) and _inside(p) for p in paths):
            return f"manifest entry {digest[:12]} names a path outside the object"
    for name, version in versions.items():
        state = version.get("state") if isinstance(version, dict) else None
        if not isinstance(state, dict) or not all(d in manifest and isinstance(v, list) for d, v in state.items()):
            return f"version {name} has no valid state"
    return None


def _inside(path: str) -> bool:
    """A manifest path stays inside its object: relative, no "..", no empty or "." parts."""
    parts = path.split("/")
    return not path.startswith("/") and "\\" not in path and all(p not in ("", ".", "..") for p in parts)


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
