"""archive.toml: defaults, discovery, and errors that name the key and line."""

from __future__ import annotations

import pytest

from archive.config import find_config, load_config, render_default_config
from archive.errors import ConfigError


def test_defaults_written_by_init_load_back(tmp_path):
    path = tmp_path / "archive.toml"
    path.write_text(render_default_config())
    config = load_config(path)
    assert config.store_path == (tmp_path / "store").resolve()
    assert config.index_path == (tmp_path / "index").resolve()
    assert config.max_page_bytes == 10_000_000


def test_paths_are_relative_to_the_file(tmp_path):
    path = tmp_path / "archive.toml"
    path.write_text('[store]\npath = "data/store"\n')
    assert load_config(path).store_path == (tmp_path / "data" / "store").resolve()


def test_found_in_a_parent_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("ARCHIVE_CONFIG", raising=False)
    (tmp_path / "archive.toml").write_text("")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "archive.toml"


@pytest.mark.parametrize(("text", "words"), [
    ('[store]\npath = "s"\ncolour = "red"\n', ["store.colour", ":3:"]),
    ('[search]\nlimit = "ten"\n', ["search.limit", ":2:", "integer"]),
    ('[ingest]\nmax_page_bytes = -5\n', ["ingest.max_page_bytes", "negative"]),
    ('[nonsense]\nx = 1\n', ["nonsense", ":1:"]),
    ('[store\npath = "s"\n', ["not valid TOML"]),
])
def test_bad_config_names_key_and_line(tmp_path, text, words):
    path = tmp_path / "archive.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message


def test_the_index_engine_is_whoosh_unless_named(tmp_path, monkeypatch):
    monkeypatch.delenv("ARCHIVE_INDEX_URL", raising=False)
    path = tmp_path / "archive.toml"
    path.write_text(render_default_config())
    config = load_config(path)
    assert (config.index_engine, config.index_url) == ("whoosh", "")


@pytest.mark.parametrize(("text", "words"), [
    ('[index]\nengine = "elastic"\n', ["index.engine", ":2:", "whoosh, postgresql", "'elastic'"]),
    ('[index]\nengine = "postgresql"\n', ["index.engine", "ARCHIVE_INDEX_URL", "index.url"]),
    ('[index]\nurl = "mysql://u:secret@h/db"\n', ["index.url", "postgresql://", "***"]),
    ('[index]\nurl = "postgresql://u:secret@h/db\\t"\n', ["index.url", "control characters", "***"]),
])
def test_a_bad_index_engine_or_url_is_refused_naming_the_key(tmp_path, monkeypatch, text, words):
    monkeypatch.delenv("ARCHIVE_INDEX_URL", raising=False)
    path = tmp_path / "archive.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert "\n" not in message and "secret" not in message
    for word in words:
        assert word in message


def test_an_address_of_keywords_from_the_environment_is_refused_without_its_password(tmp_path, monkeypatch):
    path = tmp_path / "archive.toml"
    path.write_text('[index]\nengine = "postgresql"\n')
    monkeypatch.setenv("ARCHIVE_INDEX_URL", "host=127.0.0.1 password=secret dbname=x")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "secret" not in str(caught.value) and "password=***" in str(caught.value)


def test_the_index_url_comes_from_the_environment_so_no_password_sits_in_the_file(tmp_path, monkeypatch):
    path = tmp_path / "archive.toml"
    path.write_text('[index]\nengine = "postgresql"\nurl = "postgresql://reader@db.example/archive"\n')
    monkeypatch.setenv("ARCHIVE_INDEX_URL", "postgresql://writer:pw@db.example:5433/archive")
    config = load_config(path)
    assert (config.index_engine, config.index_url) == ("postgresql", "postgresql://writer:pw@db.example:5433/archive")
