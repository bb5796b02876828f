"""Writing objects: a new object or version built aside and committed in one step; rollback; purge.

A new object is built whole in a staging folder, fsynced, then renamed into
place: the rename is the commit.  A new version is staged the same way, its
``vN`` folder renamed into the object, and the root ``inventory.json``
replaced last, atomically: that replacement is the commit point.  Every write
goes through ``_fs.write``, every step the crash tests kill at is a ``fault``.

Before a commit, a note names the object and the version being written
(``begin``); a writer killed half way leaves it, and ``settle`` makes that
object whole again from its root inventory, the commit point: a version it
does not name is removed, and a sidecar left behind by the kill is rewritten.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

from ..errors import StoreCorrupt, StoreError
from ..text import now, one_line
from . import _fs
from ._fs import digest_bytes, fault
from .ocfl import DIGEST, INVENTORY_TYPE, OBJECT_SPEC, head_of, inventory_bytes

State = dict[str, list[str]]
#: The note of the commit in progress, in the store's work folder.
NOTE = "committing.json"


def begin(work: Path, object_id: str, number: int) -> None:
    """Note which object's which version is about to be written (before anything of it is)."""
    tmp = work / f"{NOTE}.tmp"
    _fs.write(tmp, json.dumps({"object": object_id, "version": number}).encode())
    os.replace(tmp, work / NOTE)


def end(work: Path) -> None:
    (work / NOTE).unlink(missing_ok=True)


def read_note(work: Path) -> tuple[str, int] | None:
    """(object id, version) of a commit that was under way when its writer died; None when none was."""
    try:
        note = json.loads((work / NOTE).read_text(encoding="utf-8"))
        return str(note["object"]), int(note["version"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # none, or torn as it was written: nothing of the commit was written yet


def settle(folder: Path, staging: Path) -> int:
    """Make an object whose commit or undo was interrupted whole again; return its head version.

    The root inventory (replaced atomically) decides: version folders it does not
    name are removed, and its sidecar is rewritten when the root inventory is its
    head version's own copy (a kill between the two replacements).
    """
    raw = (folder / "inventory.json").read_bytes()
    head = head_of(json.loads(raw))
    digest = digest_bytes(raw)
    try:
        sidecar = (folder / "inventory.json.sha512").read_text().split()[:1]
    except OSError:
        sidecar = []
    if sidecar != [digest] and (folder / f"v{head}" / "inventory.json").read_bytes() == raw:
        tmp = staging / f"{uuid.uuid4().hex}.sha512"
        _fs.write(tmp, f"{digest} inventory.json\n".encode())
        os.replace(tmp, folder / "inventory.json.sha512")
    for entry in folder.iterdir():
        if entry.name[:1] == "v" and entry.name[1:].isdigit() and int(entry.name[1:]) > head:
            shutil.rmtree(entry)
    _fs.fsync_dir(folder)
    return head


def version_block(state: State, message: str, user: dict[str, str]) -> dict[str, Any]:
    """An inventory's entry for one version (its message on one line, as every stored text is)."""
    return {"created": now(precise=True), "message": one_line(message), "state": state, "user": user}


def write_new(staging: Path, final: Path, files: dict[str, bytes], *, inventory_id: str, message: str,
              user: dict[str, str]) -> None:
    """Build a new object in ``staging`` and rename it to ``final``; nothing is left behind on failure.

    The folders ``final`` needs that do not exist yet are built in ``staging`` too,
    and the outermost of them renamed into place with the object: a kill never
    leaves an empty folder in the root (an OCFL error, E073).
    """
    top = final
    while not top.parent.is_dir():
        top = top.parent
    try:
        _build_new(staging / final.relative_to(top.parent), files, inventory_id, message, user)
        fault("staged")
        os.rename(staging / top.name, top)
        _fs.fsync_dir(top.parent)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _build_new(staging: Path, files: dict[str, bytes], inventory_id: str, message: str,
               user: dict[str, str]) -> None:
    manifest: dict[str, list[str]] = {}
    state: State = {}
    for logical, data in sorted(files.items()):
        digest = digest_bytes(data)
        state.setdefault(digest, []).append(logical)
        if digest not in manifest:
            manifest[digest] = [f"v1/content/{logical}"]
            _fs.write(staging / "v1" / "content" / logical, data)
    inventory = {
        "id": inventory_id, "type": INVENTORY_TYPE, "digestAlgorithm": DIGEST, "head": "v1",
        "contentDirectory": "content", "manifest": manifest,
        "versions": {"v1": version_block(state, message, user)},
    }
    raw, sidecar = inventory_bytes(inventory)
    for folder in (staging, staging / "v1"):
        _fs.write(folder / "inventory.json", raw)
        _fs.write(folder / "inventory.json.sha512", sidecar)
    _fs.write(staging / f"0={OBJECT_SPEC}", f"{OBJECT_SPEC}\n".encode())
    for folder in (staging / "v1" / "content", staging / "v1", staging):
        _fs.fsync_dir(folder)


def next_state(inventory: dict[str, Any], files: dict[str, bytes],
               keep: tuple[str, ...]) -> tuple[State, dict[str, bytes]] | None:
    """The state of the version ``files`` would make (``keep``: head files carried over), and the
    bytes of each new digest; None when it is the head's state."""
    old_state: State = inventory["versions"][f"v{head_of(inventory)}"]["state"]
    state: State = {}
    for digest, logicals in old_state.items():
        for logical in logicals:
            if logical in keep and logical not in files:
                state.setdefault(digest, []).append(logical)
    new_data: dict[str, bytes] = {}
    for logical, data in sorted(files.items()):
        digest = digest_bytes(data)
        state.setdefault(digest, []).append(logical)
        new_data.setdefault(digest, data)
    for logicals in state.values():
        logicals.sort()
    if state == {d: sorted(v) for d, v in old_state.items()}:
        return None
    return state, new_data


def write_version(staging: Path, target: Path, inventory: dict[str, Any], state: State, new_data: dict[str, bytes],
                  number: int, *, message: str, user: dict[str, str]) -> int:
    """Stage version ``number`` of the object in ``target``, rename it in, and replace the root inventory."""
    name = f"v{number}"
    for digest, data in new_data.items():
        if digest not in inventory["manifest"]:
            logical = state[digest][0]
            inventory["manifest"][digest] = [f"{name}/content/{logical}"]
            _fs.write(staging / name / "content" / logical, data)
    inventory["versions"][name] = version_block(state, message, user)
    inventory["head"] = name
    raw, sidecar = inventory_bytes(inventory)
    _fs.write(staging / name / "inventory.json", raw)
    _fs.write(staging / name / "inventory.json.sha512", sidecar)
    _fs.write(staging / "inventory.json", raw)
    _fs.write(staging / "inventory.json.sha512", sidecar)
    for folder in (staging / name / "content", staging / name, staging):
        _fs.fsync_dir(folder)
    if (target / name).exists():
        shutil.rmtree(staging, ignore_errors=True)
        raise StoreCorrupt(f"{target / name}: an uncommitted version is in the way; run `archive verify --repair`",
                           path=str(target / name))
    fault("staged")
    os.rename(staging / name, target / name)
    _fs.fsync_dir(target)
    fault("renamed")
    # The commit point: the root inventory names the new version.
    os.replace(staging / "inventory.json", target / "inventory.json")
    fault("inventory")
    os.replace(staging / "inventory.json.sha512", target / "inventory.json.sha512")
    _fs.fsync_dir(target)
    shutil.rmtree(staging, ignore_errors=True)
    return number


def undo(root: Path, folder: Path, version: int, staging: Path) -> None:
    """Undo version ``version`` of the object in ``folder``: remove the object (version 1), or put
    the previous inventory back and remove the version's folder."""
    if version == 1:
        os.rename(alone(root, folder), staging / "object")
        shutil.rmtree(staging, ignore_errors=True)
        return
    previous = folder / f"v{version - 1}"
    shutil.copyfile(previous / "inventory.json", staging / "inventory.json")
    shutil.copyfile(previous / "inventory.json.sha512", staging / "inventory.json.sha512")
    os.replace(staging / "inventory.json", folder / "inventory.json")
    os.replace(staging / "inventory.json.sha512", folder / "inventory.json.sha512")
    shutil.rmtree(folder / f"v{version}", ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)
    _fs.fsync_dir(folder)


def delete(root: Path, folder: Path, trash: Path, log: Path, entry: dict[str, Any]) -> None:
    """Append ``entry`` to the purge ``log`` (first: a purge is never forgotten), then move the object in
    ``folder`` out of the root and delete it.  Killed after the record, the purge is completed by
    ``finish``."""
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise StoreError(f"{folder}: cannot purge ({exc.strerror or exc})", path=str(folder)) from None
    fault("purge-recorded")
    finish(root, folder, trash)


def finish(root: Path, folder: Path, trash: Path) -> None:
    """Delete a purged object: out of the root in one rename (with the folders it alone fills), then its files."""
    try:
        os.rename(alone(root, folder), trash)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot purge ({exc.strerror or exc}); the next command completes it",
                         path=str(folder)) from None
    _fs.fsync_dir(root)
    fault("purge-moved")
    shutil.rmtree(trash, ignore_errors=True)


def alone(root: Path, folder: Path) -> Path:
    """The outermost folder that holds ``folder`` and nothing else: moved out whole, it leaves no empty
    folder behind (an OCFL error, E073)."""
    top = folder
    while top.parent != root and [e.name for e in itertools.islice(top.parent.iterdir(), 2)] == [top.name]:
        top = top.parent
    return top
