"""Low-level file work of the store: durable writes, digests, and the crash tests' fault points."""

from __future__ import annotations

import hashlib
import os
import signal
from pathlib import Path

#: The armed fault point (step, count, action) and how often it was reached; empty: none is armed.
_ARMED: list[tuple[str, int, str]] = []
_REACHED: list[str] = []


def arm_fault(spec: str) -> None:
    """Arm a failure-injection point, "STEP[:N[:stop]]": the process is killed (SIGKILL) the N-th time
    it reaches STEP, or stopped there (SIGSTOP, until SIGCONT) with ":stop".  Only the crash tests call
    this (through tests/faults/sitecustomize.py); the program itself reads no environment variable for
    it, so an installed archive cannot be made to kill itself."""
    name, _, rest = spec.partition(":")
    count, _, action = rest.partition(":")
    _ARMED[:] = [(name, int(count or 1), action)]


def fault(step: str) -> None:
    """A failure-injection point: nothing happens unless the tests armed it (``arm_fault``)."""
    if not _ARMED or _ARMED[0][0] != step:
        return
    _REACHED.append(step)
    if len(_REACHED) == _ARMED[0][1]:
        os.kill(os.getpid(), signal.SIGSTOP if _ARMED[0][2] == "stop" else signal.SIGKILL)


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
