"""Running the installed program on a real pseudo-terminal, for what only a terminal shows (progress bars)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path


def run_on_terminal(folder: Path, *args: str, env: dict[str, str] | None = None,
                    timeout: float = 120) -> tuple[int, str]:
    """Run ``python -m archive ARGS`` in ``folder`` with its standard streams on a pseudo-terminal.

    Returns the exit code and everything the program wrote to the terminal.
    """
    master, slave = pty.openpty()
    environment = {**os.environ, "TERM": "xterm", **(env or {})}
    environment.pop("ARCHIVE_CONFIG", None)
    environment.pop("NO_COLOR", None)
    process = subprocess.Popen([sys.executable, "-m", "archive", *args], cwd=folder, env=environment,
                               stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the program closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    code = process.wait(timeout=timeout)
    return code, b"".join(chunks).decode("utf-8", "replace")


def run_program(folder: Path, *args: str | bytes, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m archive ARGS`` in ``folder`` as a shell would: arguments may be any bytes."""
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    environment.pop("ARCHIVE_CONFIG", None)
    return subprocess.run([sys.executable, "-m", "archive", *args], cwd=folder, env=environment,
                          capture_output=True, timeout=300)
