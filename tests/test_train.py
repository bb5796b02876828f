"""Training is reproducible: one command makes the shipped models, and the same inputs give the same bytes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from archive.extract.crf import FIELDS_MODEL, MODEL_DIR, SEGMENT_MODEL
from conftest import PAGES, SHARED_CORPUS


def _train(out: Path, *args: str, hash_seed: str = "0") -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    result = subprocess.run([sys.executable, "-m", "archive.train", *args, "--out", str(out)],
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    return {name: (out / name).read_bytes() for name in (SEGMENT_MODEL, FIELDS_MODEL)}


def test_the_same_pages_give_the_same_model_files(tmp_path):
    # Different hash seeds change the order of sets and dicts of strings: the files must not change.
    args = (str(PAGES / "synthetic"), "--generated", "12", "--seed", "5")
    first = _train(tmp_path / "a", *args, hash_seed="1")
    second = _train(tmp_path / "b", *args, hash_seed="2")
    assert first == second
    assert all(0 < len(data) < 5_000_000 for data in first.values())


def test_the_shipped_models_are_what_the_documented_command_makes(tmp_path):
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"{SHARED_CORPUS} not found: retraining the shipped models needs ../shared/corpus")
    made = _train(tmp_path / "model")
    for name, data in made.items():
        assert data == (MODEL_DIR / name).read_bytes(), f"{name} differs: run `python -m archive.train`"
