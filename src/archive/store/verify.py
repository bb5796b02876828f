"""Checking the storage root: every digest, every inventory, stray and missing files; repairing what can be.

As OCFL validation expects, an object's root inventory must equal the copy in
its head version's folder, and each inventory its sidecar digest.  Repair
trusts only what checks out: a sidecar is rewritten only for a root inventory
that equals its head version's copy; a root inventory that differs (edited, or
restored from an old backup) is put back from the newest version folder whose
inventory, sidecar and content all check out, so a newer complete version is
restored, never deleted; a version folder that is not complete is an
interrupted write and is removed; empty folders go.  Symbolic links are
reported, never followed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ..errors import ArticleNotFound, StoreCorrupt
from . import _fs
from ._fs import digest_bytes, digest_file
from .ocfl import EXTENSIONS, OBJECT_SPEC, ROOT_FILES, WORK, head_of, inventory_problem, iter_object_ids, read_inventory


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
    entries = sorted(root.iterdir()) if root.is_dir() else []
    problems.extend(f"{e}: stray file in the storage root" for e in entries
                    if not e.is_dir() and e.name not in ROOT_FILES)
    problems.extend(f"{e}: symbolic link in the storage root (not followed)" for e in entries if e.is_symlink())
    for top in (e for e in entries if e.is_dir() and not e.is_symlink() and e.name != EXTENSIONS):
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
        links = [e for e in entries if e.is_symlink()]
        problems.extend(f"{e}: symbolic link (not followed)" for e in links)
        stray = [e.name for e in entries if not e.is_dir() and not e.is_symlink()]
        if stray:
            problems.append(f"{path}: files outside any object ({', '.join(stray[:3])})")
        for entry in entries:
            if entry.is_dir() and not entry.is_symlink():
                walk(entry)
        if not any(path.iterdir()):  # the top folder too: an empty articles/ is as much an E073
            if repair:
                path.rmdir()
            else:
                problems.append(f"{path}: empty folder (left by an interrupted write)")

    if top.is_dir():
        walk(top)
    return problems


def _verify_object(root: Path, object_id: str, *, repair: bool) -> list[str]:
    folder = root / object_id
    problems = _verify_inventories(root, object_id, repair=repair)
    try:
        inventory = read_inventory(root, object_id)
    except ArticleNotFound:
        return [*problems, f"{folder}: object has no inventory.json"]
    except StoreCorrupt as exc:
        return [*problems, str(exc)]
    head = head_of(inventory)
    listed = set()
    for digest, paths in inventory["manifest"].items():
        for rel in paths:
            listed.add(rel)
            path = folder / rel
            if path.is_symlink():
                problems.append(f"{path}: symbolic link (not followed)")
            elif not path.is_file():
                problems.append(f"{path}: missing")
            elif digest_file(path) != digest:
                problems.append(f"{path}: changed since it was stored (digest differs)")
    for entry in sorted(folder.iterdir()):
        name = entry.name
        if entry.is_symlink():
            problems.append(f"{entry}: symbolic link in the object (not followed)")
        elif name.startswith("v") and name[1:].isdigit():
            if int(name[1:]) > head:
                continue  # _verify_inventories rolled it forward or removed it, or reported it
            for path in entry.rglob("*"):
                rel = path.relative_to(folder).as_posix()
                if path.is_symlink():
                    problems.append(f"{path}: symbolic link in the object (not followed)")
                elif path.is_file() and "/content/" in f"/{rel}" and rel not in listed:
                    problems.append(f"{path}: extra file not in the inventory")
        elif name not in ("inventory.json", "inventory.json.sha512", f"0={OBJECT_SPEC}"):
            problems.append(f"{entry}: extra file in the object root")
    return problems


def _checked_copy(folder: Path, number: int) -> bytes | None:
    """Version ``number``'s own inventory when it, its sidecar, its head and its content all check out."""
    version = folder / f"v{number}"
    try:
        raw = (version / "inventory.json").read_bytes()
        sidecar = (version / "inventory.json.sha512").read_text().split()[0]
        data = json.loads(raw)
    except (OSError, ValueError, IndexError):
        return None
    if sidecar != digest_bytes(raw) or inventory_problem(data) or head_of(data) != number:
        return None
    for digest, paths in data["manifest"].items():
        for rel in paths:
            path = folder / rel
            if path.is_symlink() or not path.is_file() or digest_file(path) != digest:
                return None
    return raw


def _verify_inventories(root: Path, object_id: str, *, repair: bool) -> list[str]:
    """The root inventory against its sidecar and against the newest complete version's copy."""
    folder = root / object_id
    numbers = sorted(int(e.name[1:]) for e in folder.iterdir()
                     if e.is_dir() and not e.is_symlink() and e.name[:1] == "v" and e.name[1:].isdigit())
    try:
        root_raw = (folder / "inventory.json").read_bytes()
    except OSError:
        root_raw = b""
    try:
        root_head = head_of(json.loads(root_raw)) if root_raw else 0
    except (ValueError, TypeError, KeyError, AttributeError):
        root_head = 0
    newest = next(((n, raw) for n in reversed(numbers) if (raw := _checked_copy(folder, n)) is not None), None)
    problems: list[str] = []
    if newest is not None and newest[1] != root_raw:
        number, raw = newest
        if number > root_head:
            what = f"a newer complete version v{number} is not in the root inventory"
        else:
            what = f"the root inventory differs from version v{number}'s own copy"
        if repair:
            _fs.write(folder / "inventory.json", raw)
            _fs.write(folder / "inventory.json.sha512", f"{digest_bytes(raw)} inventory.json\n".encode())
        else:
            problems.append(f"{folder}: {what}; `archive verify --repair` puts back v{number}'s")
        root_raw, root_head = (raw, number) if repair else (root_raw, root_head)
    sidecar = folder / "inventory.json.sha512"
    expected = f"{digest_bytes(root_raw)} inventory.json"
    try:
        if sidecar.read_text().strip() != expected:
            problems.append(f"{sidecar}: does not match inventory.json")
    except OSError:
        problems.append(f"{sidecar}: missing")
    for n in numbers:
        if n > root_head:
            if repair:
                shutil.rmtree(folder / f"v{n}")
            else:
                problems.append(f"{folder / f'v{n}'}: interrupted version (not complete, not in the inventory); "
                                f"`archive verify --repair` removes it")
    return problems
