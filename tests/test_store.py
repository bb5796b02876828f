"""The OCFL store: versions, digests, atomic commits, and ocfl-py's opinion of it."""

from __future__ import annotations

import json

import pytest

from archive.errors import VersionNotFound
from archive.store import Store, digest_bytes

ocfl = pytest.importorskip("ocfl")


def validate_with_ocfl_py(root):
    storage_root = ocfl.StorageRoot(root=str(root))
    assert storage_root.validate(), storage_root.log
    return storage_root


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
