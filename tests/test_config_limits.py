"""Configuration and environment that would crash or hang a command are refused in one line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import MOSUL


@pytest.mark.parametrize(("text", "words"), [
    ("[ingest]\nmax_page_bytes = 9223372036854775807\n", ["ingest.max_page_bytes", ":2:", "1,000,000,000"]),
    ("[ingest]\nmax_page_bytes = 1000000000000\n", ["ingest.max_page_bytes", ":2:"]),
    ("[ingest]\nmax_page_bytes = 0\n", ["ingest.max_page_bytes", ":2:"]),
    ("[store]\nlock_timeout = nan\n", ["store.lock_timeout", ":2:", "finite"]),
    ("[store]\nlock_timeout = inf\n", ["store.lock_timeout", ":2:", "finite"]),
    ("[store]\nlock_timeout = 1e300\n", ["store.lock_timeout", ":2:"]),
    ("[search]\nlimit = 0\n", ["search.limit", ":2:"]),
    ("[search]\nlimit = 100000000\n", ["search.limit", ":2:"]),
    ('[store]\npath = "archive.toml"\n', ["store.path", ":2:", "not a folder"]),
    ('[index]\npath = "archive.toml"\n', ["index.path", ":2:", "not a folder"]),
    ('[store]\npath = "a\\u0000b"\n', ["store.path", ":2:", "control"]),
    ('[user]\nname = "Ann\\nBell"\n', ["user.name", ":2:", "control"]),
])
def test_values_out_of_range_are_refused_in_one_line(cli_run, archive_dir, text, words):
    (archive_dir / "archive.toml").write_text(text)
    for args in (("list",), ("add", str(MOSUL))):
        err = cli_run(*args, code=1).stderr
        assert err.count("\n") == 1 and err.startswith("archive: error: "), err
        assert all(w in err for w in words), err
    assert sorted(p.name for p in archive_dir.iterdir()) == ["archive.toml"]


def _run(folder, config: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "ARCHIVE_CONFIG": config, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "archive", *args], cwd=folder, env=env, capture_output=True,
                          text=True, timeout=60)


@pytest.mark.parametrize("config", ["/dev/zero", "/dev/null", "fifo"])
def test_a_configuration_that_is_not_a_regular_file_is_refused(tmp_path, config):
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "fifo")  # reading it would wait for a writer for ever
    result = _run(tmp_path, config, "list")
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"archive: error: {config}: ") and result.stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo", "folder"]
    assert not os.path.exists("/dev/index")


def test_a_huge_configuration_file_is_refused(tmp_path):
    big = tmp_path / "archive.toml"
    big.write_text("# padding\n" * 200_000)
    result = _run(tmp_path, str(big), "list")
    assert result.returncode == 1 and "too large" in result.stderr


def test_the_fault_hook_is_not_in_the_installed_program(tmp_path):
    (tmp_path / "archive.toml").write_text("")
    env = {**os.environ, "ARCHIVE_FAULT": "articles", "NO_COLOR": "1"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in env.get("PYTHONPATH", "").split(os.pathsep)
                                        if not p.endswith("faults"))
    result = subprocess.run([sys.executable, "-m", "archive", "add", str(MOSUL)], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "4 new" in result.stdout
