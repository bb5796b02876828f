"""Copying a storage root to another: only the versions the other lacks, verified, never overwriting.

``sync_root`` walks the source's objects.  An object the destination lacks is
built whole in the destination's staging folder and renamed in (as a new
object is committed); an object it has at an older version gets the missing
``vN`` folders renamed in, then the source's root inventory (the commit point)
and its sidecar.  Every file copied is checked against the digest its
inventory gives before it is renamed in.  A version the destination already
holds is never touched: when it differs from the source's version of the same
number, the object is reported as diverged and left as it is.  A copy killed
half way leaves the destination as it was before that object's versions (the
next run settles it through the same commit note a killed writer leaves, and
copies them again); the caller holds the destination's lock.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ArchiveError, StoreCorrupt
from . import _fs, commit
from ._fs import digest_bytes, fault
from .objects import Store
from .ocfl import OBJECT_SPEC, head_of, inventory_problem, read_inventory


@dataclass
class SyncReport:
    """What a sync did: objects made, versions and files copied, bytes, and the problems met."""

    objects: int = 0
    versions: int = 0
    files: int = 0
    bytes: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)


def sync_root(source: Store, dest: Store, *, progress: Callable[[int], None] | None = None) -> SyncReport:
    """Copy to ``dest`` every committed version of ``source`` it lacks (the caller holds ``dest``'s lock)."""
    report = SyncReport()
    for object_id in source.iter_ids():
        if progress is not None:
            progress(1)
        try:
            _sync_object(source, dest, object_id, report)
        except ArchiveError as exc:
            report.problems.append(str(exc))
        except OSError as exc:
            report.problems.append(f"{dest.object_dir(object_id)}: cannot copy ({exc.strerror or exc}); "
                                   f"nothing of this object's missing versions was committed")
        finally:
            commit.end(dest.work)
    return report


def _sync_object(source: Store, dest: Store, object_id: str, report: SyncReport) -> None:
    folder = source.object_dir(object_id)
    read_inventory(source.root, object_id)  # a missing or ill-formed inventory is named as such
    # Read once: a writer replaces the root inventory in one step, and it is always its head version's own
    # copy, whose digest that version's sidecar gives (a version folder is never changed once committed).
    raw = (folder / "inventory.json").read_bytes()
    inventory = json.loads(raw)
    head = head_of(inventory)
    if inventory_problem(inventory) or raw != (folder / f"v{head}" / "inventory.json").read_bytes() \
            or digest_bytes(raw) != _sidecar(folder / f"v{head}"):
        raise StoreCorrupt(f"{folder}: its inventory does not match its head version's or its digest; not copied "
                           f"(`archive verify` in the source tells more)", path=str(folder))
    if not dest.has(object_id):
        _copy_new(source, dest, object_id, inventory, raw, head, report)
        return
    held = dest.inventory(object_id)
    have = head_of(held)
    for number in range(1, min(have, head) + 1):
        if held["versions"].get(f"v{number}") != inventory["versions"].get(f"v{number}"):
            raise StoreCorrupt(f"{dest.object_dir(object_id)}: version {number} differs from the source's; "
                               f"the two stores have diverged and this object was left as it is",
                               path=str(dest.object_dir(object_id)))
    if have >= head:
        report.unchanged += 1
        return
    target = dest.object_dir(object_id)
    commit.begin(dest.work, object_id, head)
    placed: list[Path] = []
    try:
        for number in range(have + 1, head + 1):
            staging = _staging(dest)
            try:
                _copy_version(source.object_dir(object_id), staging / f"v{number}", inventory, number, report)
                if (target / f"v{number}").exists():
                    raise StoreCorrupt(f"{target / f'v{number}'}: an uncommitted version is in the way; run "
                                       f"`archive verify --repair` in the destination", path=str(target))
                fault("sync-staged")
                os.rename(staging / f"v{number}", target / f"v{number}")
                placed.append(target / f"v{number}")
                _fs.fsync_dir(target)
                fault("sync-renamed")
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except Exception:
        # a later version could not be copied: the ones placed here are named by no inventory yet, so
        # they go, and the object is as it was (a kill instead is rolled back by the next run's recovery)
        for folder in placed:
            shutil.rmtree(folder, ignore_errors=True)
        _fs.fsync_dir(target)
        raise
    staging = _staging(dest)
    try:
        # The commit point, as for a version written here: the root inventory names the new versions.
        _fs.write(staging / "inventory.json", raw)
        _fs.write(staging / "inventory.json.sha512", f"{digest_bytes(raw)} inventory.json\n".encode())
        os.replace(staging / "inventory.json", target / "inventory.json")
        fault("sync-inventory")
        os.replace(staging / "inventory.json.sha512", target / "inventory.json.sha512")
        _fs.fsync_dir(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    report.versions += head - have


def _copy_new(source: Store, dest: Store, object_id: str, inventory: dict[str, Any], raw: bytes, head: int,
              report: SyncReport) -> None:
    """Build the whole object in staging (the folders it needs too) and rename it in: the rename is the commit."""
    final = dest.object_dir(object_id)
    top = final
    while not top.parent.is_dir():
        top = top.parent
    staging = _staging(dest)
    try:
        built = staging / final.relative_to(top.parent)
        for number in range(1, head + 1):
            _copy_version(source.object_dir(object_id), built / f"v{number}", inventory, number, report)
        _fs.write(built / "inventory.json", raw)
        _fs.write(built / "inventory.json.sha512", f"{digest_bytes(raw)} inventory.json\n".encode())
        _fs.write(built / f"0={OBJECT_SPEC}", f"{OBJECT_SPEC}\n".encode())
        _fs.fsync_dir(built)
        fault("sync-staged")
        os.rename(staging / top.name, top)
        _fs.fsync_dir(top.parent)
        fault("sync-renamed")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    report.objects += 1
    report.versions += head


def _copy_version(folder: Path, into: Path, inventory: dict[str, Any], number: int, report: SyncReport) -> None:
    """Copy version ``number``'s own folder (its new content and its inventory), checking every digest."""
    name = f"v{number}"
    for digest, paths in inventory["manifest"].items():
        for path in paths:
            if path.split("/", 1)[0] != name:
                continue
            data = (folder / path).read_bytes()
            if digest_bytes(data) != digest:
                raise StoreCorrupt(f"{folder / path}: its bytes do not match the digest its inventory gives; "
                                   f"not copied (`archive verify` in the source tells more)", path=str(folder / path))
            _fs.write(into.parent / path, data)
            report.files += 1
            report.bytes += len(data)
    version_raw = (folder / name / "inventory.json").read_bytes()
    if digest_bytes(version_raw) != _sidecar(folder / name):
        raise StoreCorrupt(f"{folder / name}: its inventory does not match its digest; not copied",
                           path=str(folder / name))
    _fs.write(into / "inventory.json", version_raw)
    _fs.write(into / "inventory.json.sha512", (folder / name / "inventory.json.sha512").read_bytes())
    for entry in sorted(into.rglob("*"), reverse=True):
        if entry.is_dir():
            _fs.fsync_dir(entry)
    _fs.fsync_dir(into)


def _sidecar(folder: Path) -> str:
    try:
        return (folder / "inventory.json.sha512").read_text(encoding="utf-8").split()[0]
    except (OSError, IndexError):
        return ""


def _staging(dest: Store) -> Path:
    path = dest.work / "staging" / f"sync-{uuid.uuid4().hex}"
    path.mkdir(parents=True)
    return path
