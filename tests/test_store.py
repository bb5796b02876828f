"""The OCFL store: versions, digests, atomic commits, and ocfl-py's opinion of it."""

from __future__ import annotations

import json

import pytest

from archive.errors import VersionNotFound
from archive.store import Store, digest_bytes
from crashkit import ocfl_errors


def validate_with_ocfl_py(root):
    assert not ocfl_errors(root)  # every object valid, not only the root's hierarchy


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "store")
    s.create()
    return s


def test_new_object_then_versions(store):
    oid = "articles/x/2016/10/a"
    with store.lock():
        assert store.commit(oid, {"article.md": b"one", "meta.json": b"{}"}, message="first") == 1
        assert store.commit(oid, {"article.md": b"one", "meta.json": b"{}"}, message="same") is None
        assert store.commit(oid, {"article.md": b"two", "meta.json": b"{}"}, message="second") == 2
    assert store.read(oid, "article.md") == b"two"
    assert store.read(oid, "article.md", 1) == b"one"
    assert [v.message for v in store.versions(oid)] == ["first", "second"]
    inventory = store.inventory(oid)
    # The unchanged file is stored once and shared by both versions.
    assert len(inventory["manifest"][digest_bytes(b"{}")]) == 1
    assert not (store.object_dir(oid) / "v2" / "content" / "meta.json").exists()
    with pytest.raises(VersionNotFound):
        store.read(oid, "article.md", 3)
    validate_with_ocfl_py(store.root)
    assert store.verify() == []


def test_sidecar_matches_inventory(store):
    oid = "pages/2016/10/p"
    with store.lock():
        store.commit(oid, {"page.json": b"{}"}, message="m")
    folder = store.object_dir(oid)
    raw = (folder / "inventory.json").read_bytes()
    assert (folder / "inventory.json.sha512").read_text() == f"{digest_bytes(raw)} inventory.json\n"
    assert json.loads(raw)["id"] == f"info:archive/{oid}"


def test_verify_finds_a_changed_file_and_an_interrupted_version(store):
    oid = "articles/x/2016/10/a"
    with store.lock():
        store.commit(oid, {"article.md": b"one"}, message="first")
    content = store.object_dir(oid) / "v1" / "content" / "article.md"
    content.write_bytes(b"tampered")
    (store.object_dir(oid) / "v2" / "content").mkdir(parents=True)
    problems = store.verify()
    assert any("article.md" in p and "digest" in p for p in problems)
    assert any("interrupted version" in p for p in problems)
    store.verify(repair=True)
    assert not (store.object_dir(oid) / "v2").exists()
    # A committed version is never deleted, even a damaged one.
    assert content.exists()


def test_staging_is_left_out_of_the_objects(store):
    with store.lock():
        store.commit("articles/x/undated/a", {"a.md": b"x"}, message="m")
    assert list(store.iter_ids()) == ["articles/x/undated/a"]
    validate_with_ocfl_py(store.root)


def test_a_version_is_fsynced_then_renamed_in_and_the_root_inventory_replaced_last(store, monkeypatch):
    """The README's durability promise: built in staging, flushed to disk, renamed into place; the root
    inventory is replaced last (the commit point), and the folders holding each rename are flushed."""
    import os

    from archive.store import _fs

    oid = "articles/x/2016/10/a"
    with store.lock():
        store.commit(oid, {"article.md": b"one", "meta.json": b"{}"}, message="first")
    events: list[tuple[str, str]] = []
    real = {name: getattr(_fs, name) for name in ("write", "fsync_dir")}
    real_os = {name: getattr(os, name) for name in ("fsync", "rename", "replace")}
    monkeypatch.setattr(_fs, "write", lambda path, data: (events.append(("write", str(path))),
                                                          real["write"](path, data))[1])
    monkeypatch.setattr(_fs, "fsync_dir", lambda path: (events.append(("fsync_dir", str(path))),
                                                        real["fsync_dir"](path))[1])
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append(("fsync", "")), real_os["fsync"](fd))[1])
    monkeypatch.setattr(os, "rename", lambda a, b: (events.append(("rename", str(b))), real_os["rename"](a, b))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (events.append(("replace", str(b))),
                                                     real_os["replace"](a, b))[1])
    with store.lock():
        assert store.commit(oid, {"article.md": b"two", "meta.json": b"{}"}, message="second") == 2
    folder = str(store.object_dir(oid))
    at = {event: n for n, event in enumerate(events)}
    renamed = at[("rename", f"{folder}/v2")]
    committed = at[("replace", f"{folder}/inventory.json")]
    writes = [n for n, (kind, path) in enumerate(events) if kind == "write" and "/staging/" in path]
    assert writes and all(events[n + 1] == ("fsync", "") for n in writes)  # each file flushed as written
    assert max(writes) < renamed < committed < at[("replace", f"{folder}/inventory.json.sha512")]
    flushed = [path for kind, path in events[:renamed] if kind == "fsync_dir"]
    assert any(path.endswith("/v2/content") for path in flushed) and any(path.endswith("/v2") for path in flushed)
    assert ("fsync_dir", folder) in events[renamed:committed]
    assert max(n for n, event in enumerate(events) if event == ("fsync_dir", folder)) > at[
        ("replace", f"{folder}/inventory.json.sha512")]
    validate_with_ocfl_py(store.root)
