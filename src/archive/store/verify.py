"""Checking the storage root: every digest, every inventory, stray and missing files; repairing what can be.

Repair rolls back interrupted versions, clears half-built ones and removes
empty folders; it never deletes a committed version.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import ArticleNotFound, StoreCorrupt
from . import _fs
from ._fs import digest_bytes, digest_file
from .ocfl import EXTENSIONS, OBJECT_SPEC, WORK, head_of, iter_object_ids, read_inventory


def verify_root(root: Path, *, repair: bool = False) -> list[str]:
    """Recompute every digest and check every inventory; return the problems found (after repair)."""
    problems: list[str] = []
    staging = root / WORK / "staging"
    if staging.is_dir():
        leftovers = sorted(staging.iterdir())
        if leftovers and repair:
            for item in leftovers:
                shutil.rmtree(item, ignore_errors=True)
        elif leftovers:
            problems.append(f"{staging}: {len(leftovers)} half-built version(s) left by an interrupted write")
    tops = sorted(p for p in root.iterdir() if p.is_dir() and p.name != EXTENSIONS) if root.is_dir() else []
    for top in tops:
        problems.extend(_verify_folders(top, repair=repair))
        for object_id in iter_object_ids(root, top.name):
            problems.extend(_verify_object(root, object_id, repair=repair))
    return problems


def _verify_folders(top: Path, *, repair: bool) -> list[str]:
    """Empty folders (left when a write died between mkdir and rename) and stray files."""
    problems: list[str] = []

    def walk(path: Path) -> None:
        entries = sorted(path.iterdir())
        if any(e.name == f"0={OBJECT_SPEC}" for e in entries):
            return
        stray = [e.name for e in entries if not e.is_dir()]
        if stray:
            problems.append(f"{path}: files outside any object ({', '.join(stray[:3])})")
        for entry in entries:
            if entry.is_dir():
                walk(entry)
        if path != top and not any(path.iterdir()):
            if repair:
                path.rmdir()
            else:
                problems.append(f"{path}: empty folder (left by an interrupted write)")

    if top.is_dir():
        walk(top)
    return problems


def _verify_object(root: Path, object_id: str, *, repair: bool) -> list[str]:
    folder = root / object_id
    try:
        inventory = read_inventory(root, object_id)
    except ArticleNotFound:
        return [f"{folder}: object has no inventory.json"]
    except StoreCorrupt as exc:
        return [str(exc)]
    problems = []
    raw = (folder / "inventory.json").read_bytes()
    sidecar = folder / "inventory.json.sha512"
    expected = f"{digest_bytes(raw)} inventory.json"
    try:
        if sidecar.read_text().strip() != expected:
            if repair:
                _fs.write(sidecar, (expected + "\n").encode())
            else:
                problems.append(f"{sidecar}: does not match inventory.json")
    except OSError:
        problems.append(f"{sidecar}: missing")
    head = head_of(inventory)
    listed = set()
    for digest, paths in inventory["manifest"].items():
        for rel in paths:
            listed.add(rel)
            path = folder / rel
            if not path.is_file():
                problems.append(f"{path}: missing")
            elif digest_file(path) != digest:
                problems.append(f"{path}: changed since it was stored (digest differs)")
    for entry in sorted(folder.iterdir()):
        name = entry.name
        if name.startswith("v") and name[1:].isdigit():
            number = int(name[1:])
            if number > head:
                if repair:
                    shutil.rmtree(entry)
                else:
                    problems.append(f"{entry}: interrupted version (not in inventory); "
                                    f"`archive verify --repair` rolls it back")
                continue
            for path in entry.rglob("*"):
                rel = path.relative_to(folder).as_posix()
                if path.is_file() and "/content/" in f"/{rel}" and rel not in listed:
                    problems.append(f"{path}: extra file not in the inventory")
        elif name not in ("inventory.json", "inventory.json.sha512", f"0={OBJECT_SPEC}"):
            problems.append(f"{entry}: extra file in the object root")
    return problems
