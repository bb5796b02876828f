"""The store: an OCFL 1.1 storage root of versioned, checksummed objects.

Every article and every ingested page is one OCFL object (see ``layout.py``
for where).  A version is never changed once written:

* a new object is built whole in ``extensions/archive-work/staging/``, fsynced,
  then renamed into place (the rename is the commit);
* a new version of an existing object is staged the same way, its ``vN``
  folder renamed into the object, and the root ``inventory.json`` replaced
  last, atomically: that replacement is the commit point.  A ``vN`` folder
  that no root inventory names is an interrupted version, which ``verify``
  reports and ``repair`` rolls back.

Writers hold the store lock (an OS file lock, released by the kernel if the
process dies) for the whole of a commit.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import filelock

from .errors import ArticleNotFound, StoreCorrupt, StoreError, StoreLocked, VersionNotFound
from .layout import ARTICLES, PAGES, ocfl_id
from .models import Version
from .text import now

SPEC = "ocfl_1.1"
OBJECT_SPEC = "ocfl_object_1.1"
INVENTORY_TYPE = "https://ocfl.io/1.1/spec/#inventory"
DIGEST = "sha512"
WORK = "extensions/archive-work"
PURGE_LOG = "extensions/archive-purged/purged.jsonl"
README = """# This folder is an archive store

It is an [OCFL 1.1](https://ocfl.io/1.1/spec/) storage root written by
`archive`. Every article and every page it came from is one OCFL object: a
folder whose `inventory.json` lists every version and the SHA-512 digest of
every file. Versions are never changed; a corrected page adds a version.

    articles/<outlet>/<yyyy>/<mm>/<title>/   one article
        v1/content/article.md                the article: front matter, then the text
        v1/content/meta.json                 the same metadata, for programs
        v2/...                               a later version, holding only changed files
    pages/<yyyy>/<mm>/<title>/               one ingested page
        v1/content/original.txt|.html        the bytes as they were read
        v1/content/page.json                 page title, date, fair-use note, article ids
        v1/content/page.md                   the same, to read

The newest version of a file is in the highest `vN/content/` that holds it;
`inventory.json` says which file each version is made of. Undated items sit
under `undated/`, an unknown outlet under `unknown-outlet/`.
`extensions/archive-work/` holds the write lock and half-built versions;
`extensions/archive-purged/purged.jsonl` records what `archive purge` deleted.

Do not edit files here by hand: `archive verify` will report the change.
Use `archive edit`, `archive remove` and friends, which add versions.
The search index lives outside this folder and is rebuilt by `archive reindex`.
"""


@dataclass(frozen=True)
class StoredFile:
    """A file of an object's version: its logical name, digest and path in the store."""

    logical: str
    digest: str
    path: Path


_FAULT: list[str] = []


def fault(step: str) -> None:
    """A failure-injection point: with ARCHIVE_FAULT=STEP[:N] the process is killed (SIGKILL)
    the N-th time it reaches STEP.  The crash tests use it; nothing else sets the variable."""
    spec = os.environ.get("ARCHIVE_FAULT")
    if not spec:
        return
    name, _, count = spec.partition(":")
    if name != step:
        return
    _FAULT.append(step)
    if len(_FAULT) >= int(count or 1):
        os.kill(os.getpid(), signal.SIGKILL)


def digest_bytes(data: bytes) -> str:
    return hashlib.sha512(data).hexdigest()


def digest_file(path: Path) -> str:
    h = hashlib.sha512()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _inventory_bytes(inventory: dict[str, Any]) -> bytes:
    return (json.dumps(inventory, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


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

    def create(self) -> bool:
        """Make the storage root if it is not there; True when it was made now."""
        if self.exists():
            return False
        if self.root.exists() and any(p for p in self.root.iterdir()
                                      if p.name not in ("README.md", ".gitkeep", "extensions")):
            raise StoreError(f"{self.root}: folder exists, is not empty and is not an archive store",
                             path=str(self.root))
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            _write(self.root / "README.md", README.encode())
            (self.root / "extensions").mkdir(exist_ok=True)
            # The declaration last: a store is a store once it is written.
            _write(self.root / f"0={SPEC}", f"{SPEC}\n".encode())
        except OSError as exc:
            raise StoreError(f"{self.root}: cannot create the store ({exc.strerror or exc})",
                             path=str(self.root)) from None
        return True

    def require(self) -> None:
        if not self.exists():
            raise StoreError(f"{self.root}: no archive store here (run `archive init` or `archive add`)",
                             path=str(self.root))

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the store's write lock; wait up to ``lock_timeout`` seconds for it."""
        try:
            self.work.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.root}: store is not writable ({exc.strerror or exc})",
                             path=str(self.root)) from None
        lock = filelock.FileLock(str(self.work / "lock"), timeout=self.lock_timeout)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise StoreLocked(f"{self.root}: another archive process is writing to this store "
                              f"(waited {self.lock_timeout:g} s); try again, or raise store.lock_timeout",
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
        path = self.object_dir(object_id) / "inventory.json"
        try:
            data: dict[str, Any] = json.loads(path.read_bytes())
        except FileNotFoundError:
            raise ArticleNotFound(f"no article or page '{object_id}' in {self.root}", article_id=object_id) from None
        except (OSError, ValueError) as exc:
            raise StoreCorrupt(f"{path}: unreadable inventory ({exc})", path=str(path)) from None
        return data

    def head(self, object_id: str) -> int:
        return int(self.inventory(object_id)["head"][1:])

    def files(self, object_id: str, version: int | None = None) -> dict[str, StoredFile]:
        """Logical name -> stored file, for one version (default: the newest)."""
        return self.snapshot(object_id, version)[1]

    def snapshot(self, object_id: str, version: int | None = None) -> tuple[int, dict[str, StoredFile]]:
        """(version number, logical name -> stored file) from one reading of the inventory."""
        inventory = self.inventory(object_id)
        head = int(inventory["head"][1:])
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

    def iter_ids(self, kind: str = ARTICLES) -> Iterator[str]:
        """Every object id under ``articles/`` or ``pages/``, in path order."""
        top = self.root / kind
        if not top.is_dir():
            return
        for dirpath, dirs, files in os.walk(top):
            dirs.sort()
            if f"0={OBJECT_SPEC}" in files:
                dirs.clear()
                yield Path(dirpath).relative_to(self.root).as_posix()

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

    # ------------------------------------------------------------ writing

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
                self._commit_new(object_id, files, message)
                number = 1
            if number is not None:
                fault("committed")
            return number
        except OSError as exc:
            raise StoreError(f"{self.object_dir(object_id)}: cannot write ({exc.strerror or exc}); "
                             f"nothing was committed", path=str(self.object_dir(object_id))) from None

    def prune_empty_parents(self, folder: Path) -> None:
        """Remove the folders a deleted object leaves empty (an empty folder is an OCFL error, E073)."""
        parent = folder.parent
        while parent != self.root and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent

    def rollback(self, object_id: str, version: int) -> None:
        """Undo a version this process just committed (the caller holds the lock).

        Version 1 removes the object; a later version puts the previous inventory
        back and removes the version's folder.  Used only to undo an add that
        failed part way, before anything was reported.
        """
        folder = self.object_dir(object_id)
        try:
            if version == 1:
                trash = self._staging()
                os.rename(folder, trash / "object")
                shutil.rmtree(trash, ignore_errors=True)
                self.prune_empty_parents(folder)
                return
            previous = folder / f"v{version - 1}"
            staging = self._staging()
            shutil.copyfile(previous / "inventory.json", staging / "inventory.json")
            shutil.copyfile(previous / "inventory.json.sha512", staging / "inventory.json.sha512")
            os.replace(staging / "inventory.json", folder / "inventory.json")
            os.replace(staging / "inventory.json.sha512", folder / "inventory.json.sha512")
            shutil.rmtree(folder / f"v{version}", ignore_errors=True)
            shutil.rmtree(staging, ignore_errors=True)
            _fsync_dir(folder)
        except OSError as exc:
            raise StoreCorrupt(f"{folder}: could not undo a failed write ({exc.strerror or exc}); "
                               f"run `archive verify --repair`", path=str(folder)) from None

    def _version_block(self, state: dict[str, list[str]], message: str) -> dict[str, Any]:
        user: dict[str, str] = {"name": self.user_name}
        if self.user_address:
            user["address"] = self.user_address
        return {"created": now(precise=True), "message": message, "state": state, "user": user}

    def _staging(self) -> Path:
        path = self.work / "staging" / uuid.uuid4().hex
        path.mkdir(parents=True)
        return path

    def _commit_new(self, object_id: str, files: dict[str, bytes], message: str) -> None:
        staging = self._staging()
        try:
            self._build_new(staging, object_id, files, message)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise

    def _build_new(self, staging: Path, object_id: str, files: dict[str, bytes], message: str) -> None:
        manifest: dict[str, list[str]] = {}
        state: dict[str, list[str]] = {}
        for logical, data in sorted(files.items()):
            digest = digest_bytes(data)
            state.setdefault(digest, []).append(logical)
            if digest not in manifest:
                manifest[digest] = [f"v1/content/{logical}"]
                _write(staging / "v1" / "content" / logical, data)
        inventory = {
            "id": ocfl_id(object_id), "type": INVENTORY_TYPE, "digestAlgorithm": DIGEST, "head": "v1",
            "contentDirectory": "content", "manifest": manifest,
            "versions": {"v1": self._version_block(state, message)},
        }
        raw = _inventory_bytes(inventory)
        sidecar = f"{digest_bytes(raw)} inventory.json\n".encode()
        for folder in (staging, staging / "v1"):
            _write(folder / "inventory.json", raw)
            _write(folder / "inventory.json.sha512", sidecar)
        _write(staging / f"0={OBJECT_SPEC}", f"{OBJECT_SPEC}\n".encode())
        for folder in (staging / "v1" / "content", staging / "v1", staging):
            _fsync_dir(folder)
        fault("staged")
        final = self.object_dir(object_id)
        final.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.rename(staging, final)
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _fsync_dir(final.parent)

    def _commit_version(self, object_id: str, files: dict[str, bytes], message: str,
                        keep: tuple[str, ...]) -> int | None:
        inventory = self.inventory(object_id)
        head = int(inventory["head"][1:])
        old_state: dict[str, list[str]] = inventory["versions"][f"v{head}"]["state"]
        state: dict[str, list[str]] = {}
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
        number = head + 1
        name = f"v{number}"
        staging = self._staging()
        try:
            return self._build_version(staging, object_id, inventory, state, new_data, message, number)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            if int(self.inventory(object_id)["head"][1:]) == head:
                # Not committed: a version folder renamed in before the failure is not part of the object.
                shutil.rmtree(self.object_dir(object_id) / name, ignore_errors=True)
            raise

    def _build_version(self, staging: Path, object_id: str, inventory: dict[str, Any],
                       state: dict[str, list[str]], new_data: dict[str, bytes], message: str,
                       number: int) -> int:
        name = f"v{number}"
        for digest, data in new_data.items():
            if digest not in inventory["manifest"]:
                logical = state[digest][0]
                inventory["manifest"][digest] = [f"{name}/content/{logical}"]
                _write(staging / name / "content" / logical, data)
        inventory["versions"][name] = self._version_block(state, message)
        inventory["head"] = name
        raw = _inventory_bytes(inventory)
        sidecar = f"{digest_bytes(raw)} inventory.json\n".encode()
        _write(staging / name / "inventory.json", raw)
        _write(staging / name / "inventory.json.sha512", sidecar)
        _write(staging / "inventory.json", raw)
        _write(staging / "inventory.json.sha512", sidecar)
        for folder in (staging / name / "content", staging / name, staging):
            _fsync_dir(folder)
        target = self.object_dir(object_id)
        if (target / name).exists():
            shutil.rmtree(staging, ignore_errors=True)
            raise StoreCorrupt(f"{target / name}: an uncommitted version is in the way; run `archive verify --repair`",
                               path=str(target / name))
        fault("staged")
        os.rename(staging / name, target / name)
        _fsync_dir(target)
        fault("renamed")
        # The commit point: the root inventory names the new version.
        os.replace(staging / "inventory.json", target / "inventory.json")
        fault("inventory")
        os.replace(staging / "inventory.json.sha512", target / "inventory.json.sha512")
        _fsync_dir(target)
        shutil.rmtree(staging, ignore_errors=True)
        return number

    # ------------------------------------------------------------ checking

    def verify(self, *, repair: bool = False) -> list[str]:
        """Recompute every digest and check every inventory; return the problems found.

        With ``repair``, roll back interrupted versions and clear stale staging;
        a committed version is never deleted.
        """
        problems: list[str] = []
        staging = self.work / "staging"
        if staging.is_dir():
            leftovers = sorted(staging.iterdir())
            if leftovers and repair:
                for item in leftovers:
                    shutil.rmtree(item, ignore_errors=True)
            elif leftovers:
                problems.append(f"{staging}: {len(leftovers)} half-built version(s) left by an interrupted write")
        for kind in (ARTICLES, PAGES):
            problems.extend(self._verify_folders(self.root / kind, repair=repair))
            for object_id in self.iter_ids(kind):
                problems.extend(self._verify_object(object_id, repair=repair))
        return problems

    def _verify_folders(self, top: Path, *, repair: bool) -> list[str]:
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

    def _verify_object(self, object_id: str, *, repair: bool) -> list[str]:
        folder = self.object_dir(object_id)
        try:
            inventory = self.inventory(object_id)
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
                    _write(sidecar, (expected + "\n").encode())
                else:
                    problems.append(f"{sidecar}: does not match inventory.json")
        except OSError:
            problems.append(f"{sidecar}: missing")
        head = int(inventory["head"][1:])
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
