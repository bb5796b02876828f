"""The crash tests' kit: archive run in a real process, killed (or stopped) at a fault point, and the store's
validity as ocfl-py sees it.

A process is killed at a step by ``ARCHIVE_FAULT=STEP[:N]`` (the N-th time it
reaches STEP; see ``archive.store._fs.fault``), or stopped there with
``ARCHIVE_FAULT=STEP:N:stop`` and let go on with SIGCONT.  ``ocfl-py``'s
``StorageRoot.validate()`` returns True when the root's hierarchy can be walked,
whatever its objects hold: ``ocfl_errors`` also counts the objects it found
invalid.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from archive.api import Archive
from archive.config import load_config, render_default_config
from pagewriter import simple_page

ocfl = pytest.importorskip("ocfl")

#: What ocfl-py finds in the store while a new version is half committed (killed between its steps):
#: the version folder renamed in before the root inventory names it, and the root inventory replaced
#: before its sidecar.  No order of two renames closes these windows; the next command closes them.
WINDOWS = {"renamed": "E046b", "inventory": "E060"}


def environment(fault: str | None = None) -> dict[str, str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"}
    env.pop("ARCHIVE_FAULT", None)
    env.pop("ARCHIVE_CONFIG", None)
    if fault:
        env["ARCHIVE_FAULT"] = fault
    return env


def run_archive(folder: Path, *args: str, fault: str | None = None, timeout: float = 120,
                **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "archive", *args], cwd=folder, env=environment(fault),
                          capture_output=True, text=True, timeout=timeout, **kw)


def start_archive(folder: Path, *args: str, fault: str | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "archive", *args], cwd=folder, env=environment(fault),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def make_folder(tmp_path: Path, name: str, pages: int = 3, *, articles: int = 3,
                lock_timeout: float = 30.0) -> tuple[Path, list[str]]:
    """An archive folder (no store yet) with ``pages`` page files of ``articles`` articles each."""
    folder = tmp_path / name
    folder.mkdir()
    toml = render_default_config().replace("lock_timeout = 30.0", f"lock_timeout = {lock_timeout}")
    (folder / "archive.toml").write_text(toml, encoding="utf-8")
    names = []
    for n in range(pages):
        page = folder / f"page{n}.txt"
        page.write_text(simple_page(n, articles=articles), encoding="utf-8")
        names.append(page.name)
    return folder, names


def reported_pages(stdout: str) -> list[str]:
    return re.findall(r"→ (pages/\S+) \((?:new|new version|unchanged)\)", stdout)


def ocfl_errors(store: Path) -> list[str]:
    """Every error ocfl-py finds in the storage root and its objects (digests checked)."""
    root = ocfl.StorageRoot(root=str(store))
    walked = root.validate()
    errors = [message for _, message in root.errors]
    if not walked:
        errors.append(f"storage root: {root.log}")
    if root.good_objects != root.num_objects and not errors:
        errors.append(f"{root.num_objects - root.good_objects} invalid object(s)")
    return errors


def assert_valid(store: Path, *, window: str | None = None) -> None:
    """The store is valid OCFL; with ``window`` (a step of ``WINDOWS``, or "any" for a kill at a random
    moment), it may instead hold exactly one object caught in that window, with that window's error."""
    errors = ocfl_errors(store)
    codes = list(WINDOWS.values()) if window == "any" else [WINDOWS[window]] if window in WINDOWS else []
    if codes and errors:
        assert len(errors) == 1 and any(f"[{code}]" in errors[0] for code in codes), errors
        return
    assert not errors, errors


def open_archive(folder: Path) -> Archive:
    return Archive(load_config(folder / "archive.toml"))


def article_ids(folder: Path) -> set[str]:
    return set(open_archive(folder).store.iter_ids("articles"))


def assert_index_matches_store(folder: Path) -> None:
    archive = open_archive(folder)
    assert set(archive.index.stored()) == set(archive.store.iter_ids("articles"))


def next_command_recovers(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the next command (``list`` by default) after a kill: it answers, and leaves the store valid and the
    index holding what the store does, without `verify --repair`."""
    result = run_archive(folder, *(args or ("list",)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    if (folder / "store" / "0=ocfl_1.1").exists():
        assert_valid(folder / "store")
        assert_index_matches_store(folder)
    return result


def repair_recovers(folder: Path) -> None:
    """`verify --repair` ends clean, the store valid by ocfl-py, and `verify` then finds nothing."""
    repair = run_archive(folder, "verify", "--repair")
    assert "Traceback" not in repair.stderr and "internal error" not in repair.stderr, repair.stderr
    assert repair.returncode == 0, repair.stdout + repair.stderr
    assert_valid(folder / "store")
    clean = run_archive(folder, "verify")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert_index_matches_store(folder)


def pages_whole(folder: Path, reported: list[str]) -> None:
    """Every page reported before the kill is there, with every article it lists."""
    archive = open_archive(folder)
    for page_id in reported:
        assert archive.store.has(page_id), page_id
        for article_id in json.loads(archive.store.read(page_id, "page.json"))["articles"]:
            assert archive.store.has(article_id), article_id
