"""The storage root: ``Store``, the one face of a generic OCFL 1.1 storage root.

Objects are named by their path below the root and hold versions of files;
the store knows nothing of what the files mean.  A version is never changed
once written (``commit``); ``verify`` checks every digest and inventory.
Writers hold the store lock (an OS file lock, released by the kernel if the
process dies) for the whole of a commit.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import filelock

from ..errors import StoreCorrupt, StoreError, StoreLocked, VersionNotFound
from ..models import Version
from ..text import now
from . import _fs, commit
from ._fs import digest_bytes, fault
from .ocfl import (
    OBJECT_SPEC,
    PURGE_LOG,
    SPEC,
    WORK,
    StoredFile,
    head_of,
    iter_object_ids,
    ocfl_id,
    read_inventory,
)
from .verify import verify_root


class Store:
    """An OCFL storage root on disk."""

    def __init__(self, root: Path, *, user_name: str = "archive", user_address: str = "",
                 lock_timeout: float = 30.0) -> None:
        self.root = root
        self.user_name = user_name
        self.user_address = user_address
        self.lock_timeout = lock_timeout

    # ------------------------------------------------------------ root

    @property
    def work(self) -> Path:
        return self.root / WORK

    def exists(self) -> bool:
        return (self.root / f"0={SPEC}").is_file()

    def create(self, *, readme: str | None = None) -> bool:
        """Make the storage root (with ``readme`` as its README.md) if it is not there; True when made now."""
        if self.exists():
            return False
        if self.root.exists() and any(p for p in self.root.iterdir()
                                      if p.name not in ("README.md", ".gitkeep", "extensions")):
            raise StoreError(f"{self.root}: folder exists, is not empty and is not an archive store",
                             path=str(self.root))
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            if readme is not None:
                _fs.write(self.root / "README.md", readme.encode())
            (self.root / "extensions").mkdir(exist_ok=True)
            # The declaration last: a store is a store once it is written.
            _fs.write(self.root / f"0={SPEC}", f"{SPEC}\n".encode())
        except OSError as exc:
            raise StoreError(f"{self.root}: cannot create the store ({exc.strerror or exc})",
                             path=str(self.root)) from None
        return True

    def require(self) -> None:
        if not self.exists():
            raise StoreError(f"{self.root}: no archive store here (run `archive init` or `archive add`)",
                             path=str(self.root))

    @contextlib.contextmanager
    def lock(self, *, timeout: float | None = None) -> Iterator[None]:
        """Hold the store's write lock; wait up to ``timeout`` (default ``lock_timeout``) seconds for it."""
        try:
            self.work.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.root}: store is not writable ({exc.strerror or exc})",
                             path=str(self.root)) from None
        wait = self.lock_timeout if timeout is None else timeout
        lock = filelock.FileLock(str(self.work / "lock"), timeout=wait)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise StoreLocked(f"{self.root}: another archive process is writing to this store "
                              f"(waited {wait:g} s); try again, or raise store.lock_timeout",
                              path=str(self.root)) from None
        except OSError as exc:
            raise StoreError(f"{self.root}: cannot take the store lock ({exc.strerror or exc})",
                             path=str(self.root)) from None
        try:
            yield
        finally:
            lock.release()

    # ------------------------------------------------------------ reading

    def object_dir(self, object_id: str) -> Path:
        return self.root / object_id

    def has(self, object_id: str) -> bool:
        return (self.object_dir(object_id) / f"0={OBJECT_SPEC}").is_file()

    def inventory(self, object_id: str) -> dict[str, Any]:
        """The object's root inventory.

        Raises:
            ArticleNotFound: no such object.
            StoreCorrupt: the inventory cannot be read.
        """
        return read_inventory(self.root, object_id)

    def head(self, object_id: str) -> int:
        return head_of(self.inventory(object_id))

    def files(self, object_id: str, version: int | None = None) -> dict[str, StoredFile]:
        """Logical name -> stored file, for one version (default: the newest)."""
        return self.snapshot(object_id, version)[1]

    def snapshot(self, object_id: str, version: int | None = None) -> tuple[int, dict[str, StoredFile]]:
        """(version number, logical name -> stored file) from one reading of the inventory."""
        inventory = self.inventory(object_id)
        head = head_of(inventory)
        number = head if version is None else version
        name = f"v{number}"
        if name not in inventory["versions"]:
            raise VersionNotFound(f"'{object_id}' has no version {number} (it has 1 to {head})",
                                  article_id=object_id)
        out: dict[str, StoredFile] = {}
        for digest, logicals in inventory["versions"][name]["state"].items():
            content = self.object_dir(object_id) / inventory["manifest"][digest][0]
            for logical in logicals:
                out[logical] = StoredFile(logical, digest, content)
        return number, out

    def read_stored(self, files: dict[str, StoredFile], logical: str) -> bytes:
        """The bytes of one file of a ``snapshot``."""
        stored = files.get(logical)
        if stored is None:
            raise StoreCorrupt(f"no file {logical} in this version", path=str(self.root))
        try:
            return stored.path.read_bytes()
        except OSError as exc:
            raise StoreCorrupt(f"{stored.path}: cannot read ({exc.strerror or exc})", path=str(stored.path)) from None

    def read(self, object_id: str, logical: str, version: int | None = None) -> bytes:
        return self.read_stored(self.files(object_id, version), logical)

    def versions(self, object_id: str) -> list[Version]:
        inventory = self.inventory(object_id)
        out = []
        for name, version in sorted(inventory["versions"].items(), key=lambda kv: int(kv[0][1:])):
            state = json.dumps(version["state"], sort_keys=True).encode()
            out.append(Version(int(name[1:]), version["created"], digest_bytes(state)[:16],
                               version.get("message", "")))
        return out

    def iter_ids(self, under: str = "") -> Iterator[str]:
        """Every object id below the folder ``under`` (default: the whole root), in path order."""
        return iter_object_ids(self.root, under)

    def purged(self) -> dict[str, dict[str, Any]]:
        """id -> the record a purge left of it."""
        path = self.root / PURGE_LOG
        out: dict[str, dict[str, Any]] = {}
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue
                out[entry["id"]] = entry
        return out

    # ------------------------------------------------------------ writing (the caller holds lock())

    def commit(self, object_id: str, files: dict[str, bytes], *, message: str,
               keep: tuple[str, ...] = ()) -> int | None:
        """Write ``files`` as the object's next version; None when nothing changed.

        ``keep`` names files of the head version carried over unchanged.  The
        caller holds ``lock()``.
        """
        try:
            if self.has(object_id):
                number = self._commit_version(object_id, files, message, keep)
            else:
                commit.begin(self.work, object_id, 1)
                commit.write_new(self._staging(), self.object_dir(object_id), files, inventory_id=ocfl_id(object_id),
                                 message=message, user=self._user())
                number = 1
            commit.end(self.work)
            if number is not None:
                fault("committed")
            return number
        except OSError as exc:
            with contextlib.suppress(StoreCorrupt, OSError):  # else the note stays, and the next command settles
                if self.has(object_id):
                    self.settle(object_id)
                commit.end(self.work)
            raise StoreError(f"{self.object_dir(object_id)}: cannot write ({exc.strerror or exc}); "
                             f"nothing was committed", path=str(self.object_dir(object_id))) from None

    def _commit_version(self, object_id: str, files: dict[str, bytes], message: str,
                        keep: tuple[str, ...]) -> int | None:
        inventory = self.inventory(object_id)
        head = head_of(inventory)
        change = commit.next_state(inventory, files, keep)
        if change is None:
            return None
        number = head + 1
        commit.begin(self.work, object_id, number)
        staging = self._staging()
        try:
            return commit.write_version(staging, self.object_dir(object_id), inventory, *change, number,
                                        message=message, user=self._user())
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            if self.head(object_id) == head:
                # Not committed: a version folder renamed in before the failure is not part of the object.
                shutil.rmtree(self.object_dir(object_id) / f"v{number}", ignore_errors=True)
            raise

    def rollback(self, object_id: str, version: int) -> None:
        """Undo a version this process just committed (the caller holds the lock).

        Version 1 removes the object; a later version puts the previous inventory
        back and removes the version's folder.  Used only to undo an add that
        failed part way, before anything was reported.
        """
        folder = self.object_dir(object_id)
        try:
            commit.undo(self.root, folder, version, self._staging())
        except OSError as exc:
            raise StoreCorrupt(f"{folder}: could not undo a failed write ({exc.strerror or exc}); "
                               f"run `archive verify --repair`", path=str(folder)) from None

    def purge(self, object_id: str, *, reason: str) -> dict[str, Any]:
        """Delete an object and every version of it; return the record of it left in the purge log.

        The caller holds ``lock()``.
        """
        inventory = self.inventory(object_id)
        folder = self.object_dir(object_id)
        trash = self.work / "staging" / f"purge-{uuid.uuid4().hex}"
        trash.parent.mkdir(parents=True, exist_ok=True)
        entry = {"id": object_id, "time": now(), "reason": reason, "versions": len(inventory["versions"]),
                 "ocfl_id": inventory.get("id"),
                 "inventory_sha512": (folder / "inventory.json.sha512").read_text().split()[0]}
        commit.delete(self.root, folder, trash, self.root / PURGE_LOG, entry)
        return entry

    def settle(self, object_id: str) -> int:
        """Make an object a killed commit or undo left half written whole again, as its root inventory (the
        commit point) says; return its head version (the caller holds the lock).

        Raises:
            StoreCorrupt: the object's root inventory cannot be read (``verify`` reports it).
        """
        try:
            return commit.settle(self.object_dir(object_id), self.work / "staging")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StoreCorrupt(f"{self.object_dir(object_id)}: cannot settle an interrupted write ({exc}); "
                               f"run `archive verify`", path=str(self.object_dir(object_id))) from None

    def recover(self) -> list[str]:
        """Settle the commit a killed writer left half done and clear what killed writers staged (the caller
        holds the lock).  Returns what was done, one line each."""
        done: list[str] = []
        note = commit.read_note(self.work)
        if note is not None and self.has(note[0]):
            object_id, number = note
            with contextlib.suppress(StoreCorrupt):
                kept = "kept (it was committed)" if self.settle(object_id) >= number else "removed"
                done.append(f"{object_id}: version {number}, whose write was interrupted, {kept}")
        staging = self.work / "staging"
        for entry in sorted(staging.iterdir()) if staging.is_dir() else []:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
        commit.end(self.work)
        return done

    def finish_purge(self, object_id: str) -> None:
        """Complete a purge whose record was written and whose object is still here (the caller holds the lock)."""
        trash = self.work / "staging" / f"purge-{uuid.uuid4().hex}"
        trash.parent.mkdir(parents=True, exist_ok=True)
        commit.finish(self.root, self.object_dir(object_id), trash)

    def _user(self) -> dict[str, str]:
        user = {"name": self.user_name}
        if self.user_address:
            user["address"] = self.user_address
        return user

    def _staging(self) -> Path:
        path = self.work / "staging" / uuid.uuid4().hex
        path.mkdir(parents=True)
        return path

    # ------------------------------------------------------------ checking

    def verify(self, *, repair: bool = False) -> list[str]:
        """Recompute every digest and check every inventory; return the problems found.

        With ``repair``, roll back interrupted versions and clear stale staging;
        a committed version is never deleted.
        """
        return verify_root(self.root, repair=repair)
