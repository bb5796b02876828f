"""Starting a real `archive serve` process for the tests, and stopping it."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path


def start_server(folder: Path, *args: str, timeout: float = 60) -> tuple[subprocess.Popen, str]:
    """`archive serve --port 0 ARGS` in ``folder``; returns the process and the address it printed."""
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("ARCHIVE_CONFIG", None)
    proc = subprocess.Popen([sys.executable, "-m", "archive", "serve", "--port", "0", *args], cwd=folder, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 1.0)
        if ready:
            line = proc.stdout.readline()
            if not line:
                break
            if " at http://" in line:
                return proc, line.split(" at ", 1)[1].split()[0]
    stop_server(proc)
    raise AssertionError(f"archive serve did not start: {proc.stderr.read() if proc.stderr else ''}")


def stop_server(proc: subprocess.Popen) -> tuple[int, str]:
    """Interrupt the server as Ctrl-C does; returns its exit code and what it wrote on standard error."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return proc.returncode, err or ""
