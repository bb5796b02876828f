"""Several writers at once: every article exactly once, verify clean, everything searchable."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from archive.api import Archive
from archive.config import load_config, render_default_config
from conftest import MOSUL
from pagewriter import simple_page


def start(folder: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("ARCHIVE_FAULT", None)
    return subprocess.Popen([sys.executable, "-m", "archive", *args], cwd=folder, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def setup(tmp_path: Path) -> Path:
    (tmp_path / "archive.toml").write_text(render_default_config(), encoding="utf-8")
    return tmp_path


def test_four_writers_with_25_pages_each(tmp_path):
    folder = setup(tmp_path)
    groups = []
    for writer in range(4):
        names = []
        for n in range(25):
            page = folder / f"w{writer}-{n}.txt"
            page.write_text(simple_page(writer * 100 + n, articles=2), encoding="utf-8")
            names.append(page.name)
        groups.append(names)
    procs = [start(folder, "add", "-q", *names) for names in groups]
    for proc in procs:
        _out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    archive = Archive(load_config(folder / "archive.toml"))
    ids = list(archive.store.iter_ids("articles"))
    assert len(ids) == len(set(ids)) == 200
    assert len(list(archive.store.iter_ids("pages"))) == 100
    assert archive.verify() == []
    assert archive.index.doc_count() == 200
    for object_id in ids[::20]:
        title = archive.record(object_id).title
        assert object_id in {h.id for h in archive.search(f'title:"{title}"', limit=5).hits}


def test_two_writers_adding_the_same_page(tmp_path):
    folder = setup(tmp_path)
    procs = [start(folder, "add", str(MOSUL)) for _ in range(2)]
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        outputs.append(out)
    archive = Archive(load_config(folder / "archive.toml"))
    ids = list(archive.store.iter_ids("articles"))
    assert len(ids) == 4
    assert all(archive.store.head(i) == 1 for i in ids)
    assert [archive.store.head(p) for p in archive.store.iter_ids("pages")] == [1]
    assert sorted(o.count("  new ") for o in outputs) == [0, 4]
    assert archive.verify() == []


def test_a_killed_writers_lock_is_released(tmp_path):
    folder = setup(tmp_path)
    archive = Archive(load_config(folder / "archive.toml"))
    archive.store.create()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\n"
        "from archive.store import Store\n"
        "s = Store(__import__('pathlib').Path(sys.argv[1]))\n"
        "with s.lock():\n"
        "    print('locked', flush=True)\n"
        "    time.sleep(60)\n"), str(archive.store.root)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    waiting = Archive(load_config(folder / "archive.toml"))
    waiting.store.lock_timeout = 0.5
    started = time.monotonic()
    try:
        waiting.ingest([str(MOSUL)])
        raise AssertionError("the lock was not held")
    except Exception as exc:
        assert "another archive process is writing" in str(exc)
    assert time.monotonic() - started < 5
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    # The lock file is still there; the kernel released the lock with the process.
    assert (archive.store.work / "lock").exists()
    report = waiting.ingest([str(MOSUL)])
    assert report.count("new") == 4
    assert json.loads(waiting.store.read(report.pages[0].page_id, "page.json"))["articles"]
