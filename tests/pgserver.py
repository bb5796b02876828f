"""A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder, 127.0.0.1, a free port.

initdb refuses to run as root, so as root the cluster belongs to ``nobody``
(``runuser``); the folder is made outside pytest's own temporary folders,
which ``nobody`` cannot enter.  ``ARCHIVE_TEST_PG_URL`` names a server to use
instead (a role that may create databases).  A standby of a cluster is made
with ``pg_basebackup -R`` (``start_standby``).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

#: What the tests run against when set (instead of starting a cluster).
URL_ENV = "ARCHIVE_TEST_PG_URL"
_FAST = ("-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60 "
         "-c shared_buffers=32MB -c wal_level=replica -c max_wal_senders=4 -c hot_standby=on")


def find_tool(name: str) -> str | None:
    """A PostgreSQL program: on PATH, or in Debian's versioned folder."""
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return versions[-1] if versions else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Cluster:
    folder: Path
    port: int

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        _as_owner([find_tool("pg_ctl") or "pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop"],
                  check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def _as_owner(args: list[str], *, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run a PostgreSQL program as the cluster's owner (``nobody`` when the tests run as root)."""
    if os.geteuid() == 0:
        args = ["runuser", "-u", "nobody", "--", *args]
    result = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    if check and result.returncode:
        raise RuntimeError(f"{Path(args[args.index('--') + 1] if '--' in args else args[0]).name} failed: "
                           f"{(result.stderr or result.stdout).strip().splitlines()[-1:]}")
    return result


def _new_folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="archive-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "nobody")
    return folder


def _start(folder: Path, port: int, settings: str = _FAST) -> Cluster:
    cluster = Cluster(folder, port)
    pg_ctl = find_tool("pg_ctl")
    if pg_ctl is None:
        raise RuntimeError("pg_ctl not found (install Debian's postgresql)")
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} {settings}"
    _as_owner([pg_ctl, "-D", str(cluster.data), "-l", str(folder / "log"), "-o", options, "-w", "-t", "60",
               "start"])
    return cluster


def start_cluster(*, settings: str = _FAST) -> Cluster:
    """initdb and start a cluster (by default tuned for tests: no fsync); raises RuntimeError saying why
    when it cannot."""
    initdb = find_tool("initdb")
    if initdb is None:
        raise RuntimeError("initdb not found (install Debian's postgresql and postgresql-contrib)")
    folder = _new_folder()
    try:
        _as_owner([initdb, "-D", str(folder / "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                   "--locale", "C.UTF-8", "--no-sync"])
        return _start(folder, free_port(), settings)
    except (RuntimeError, OSError, subprocess.SubprocessError):
        shutil.rmtree(folder, ignore_errors=True)
        raise


def start_standby(primary: Cluster) -> Cluster:
    """A streaming standby of ``primary``, made with ``pg_basebackup -R`` and started on its own port."""
    basebackup = find_tool("pg_basebackup")
    if basebackup is None:
        raise RuntimeError("pg_basebackup not found")
    folder = _new_folder()
    _as_owner([basebackup, "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres", "-D",
               str(folder / "data"), "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"])
    return _start(folder, free_port())


def wait_ready(url: str, seconds: float = 30) -> None:
    import psycopg

    deadline = time.monotonic() + seconds
    while True:
        try:
            psycopg.connect(url, connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def create_database(server: str) -> str:
    """A new, empty database on ``server``; returns its address."""
    import uuid

    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    name = f"archive_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    parts = conninfo_to_dict(server)
    user = f"{parts['user']}@" if parts.get("user") else ""
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{parts.get('host', '')}{port}/{name}"


def drop_database(server: str, url: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")
