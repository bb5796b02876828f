"""Low-level file work of the store: durable writes, digests, and the crash tests' fault points."""

from __future__ import annotations

import hashlib
import os
import signal
from pathlib import Path

_FAULT: list[str] = []


def fault(step: str) -> None:
    """A failure-injection point: with ARCHIVE_FAULT=STEP[:N] the process is killed (SIGKILL)
    the N-th time it reaches STEP; with ARCHIVE_FAULT=STEP:N:stop it stops there (SIGSTOP) until
    it is sent SIGCONT.  The crash tests use it; nothing else sets the variable."""
    spec = os.environ.get("ARCHIVE_FAULT")
    if not spec:
        return
    name, _, rest = spec.partition(":")
    count, _, action = rest.partition(":")
    if name != step:
        return
    _FAULT.append(step)
    if len(_FAULT) == int(count or 1):
        os.kill(os.getpid(), signal.SIGSTOP if action == "stop" else signal.SIGKILL)


def digest_bytes(data: bytes) -> str:
    """The SHA-512 of ``data``, in hex."""
    return hashlib.sha512(data).hexdigest()


def digest_file(path: Path) -> str:
    """The SHA-512 of a file's bytes, in hex, read a chunk at a time."""
    h = hashlib.sha512()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries to disk (a rename is durable only once its folder is)."""
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


def write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (making its folders) and flush it to disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
