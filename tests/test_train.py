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


def test_a_fold_leaves_out_its_site_and_the_sites_held_with_it(monkeypatch):
    # Cross-validation is only honest if nothing of the left-out site, and nothing written after it,
    # reaches the fold's training set.
    from archive.train import crossval
    from archive.train.corpus import LabelledPage, generated
    from archive.train.trainer import prepare

    founding = (PAGES / "dev" / "mosul-compilation.txt").read_bytes()
    real = [LabelledPage(f"{s}.txt", founding, {"articles": []}, s, "real") for s in ("a.example", "b.example")]
    pages = prepare(real + generated(3, seed=2))
    families = sorted({p.page.site for p in pages if p.page.corpus == "generated"})
    trained: dict[str, set[str]] = {}

    def record(chosen, out):
        left_in = {p.page.site for p in chosen}
        trained[next(s for s in ("a.example", "b.example") if s not in left_in)] = left_in
        return []

    monkeypatch.setattr(crossval, "train_models", record)
    monkeypatch.setattr(crossval, "use_models", lambda folder: None)
    folds = crossval.cross_validate(pages, procs=1, held_with={"a.example": frozenset(families[:1])})
    assert [f.site for f in folds] == ["a.example", "b.example"]
    assert trained["a.example"] == {"b.example", *families[1:]}
    assert trained["b.example"] == {"a.example", *families}
