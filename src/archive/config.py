"""Configuration: ``archive.toml`` read over packaged defaults.

The file is found in the current folder or a parent (as git finds ``.git``),
or named by ``--config`` / ``ARCHIVE_CONFIG``.  Paths in it are relative to
the file.  An unknown key or a value of the wrong type is a ``ConfigError``
naming the key and its line.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError

CONFIG_NAME = "archive.toml"

#: Every key, its type and default, and the comment ``archive init`` writes.
DEFAULTS: dict[str, dict[str, tuple[type, Any, str]]] = {
    "store": {
        "path": (str, "store", "Folder of the OCFL storage root (the source of truth)."),
        "lock_timeout": (float, 30.0, "Seconds a writer waits for another writer before giving up."),
    },
    "index": {
        "path": (str, "index", "Folder of the Whoosh search index (rebuilt from the store at will)."),
    },
    "ingest": {
        "max_page_bytes": (int, 10_000_000, "Pages larger than this many bytes are refused."),
    },
    "search": {
        "limit": (int, 10, "Hits shown by `archive search` when --limit is not given."),
    },
    "user": {
        "name": (str, "archive", "Name recorded in every OCFL version this archive writes."),
        "address": (str, "", "Address (mailto: or URI) recorded with the name; may be empty."),
    },
}


@dataclass(frozen=True)
class Config:
    """The settings in force, with every path made absolute."""

    path: Path | None
    root: Path
    store_path: Path
    index_path: Path
    lock_timeout: float
    max_page_bytes: int
    search_limit: int
    user_name: str
    user_address: str


def find_config(start: Path | None = None) -> Path | None:
    """The ``archive.toml`` in ``start`` (default: the current folder) or its nearest parent."""
    env = os.environ.get("ARCHIVE_CONFIG")
    if env:
        return Path(env)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path | None) -> Config:
    """Read ``path`` over the defaults; with None, the defaults in the current folder.

    Raises:
        ConfigError: unreadable file, bad TOML, unknown key or wrong type.
    """
    if path is None:
        return default_config(Path.cwd())
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration ({exc})", path=str(path)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}", path=str(path)) from None
    values = _check(data, text, path)
    return _build(path, path.resolve().parent, values, text)


def default_config(root: Path) -> Config:
    """The defaults, for an archive in ``root`` that has no ``archive.toml`` yet."""
    return _build(None, root.resolve(), {})


def _check(data: dict[str, Any], text: str, path: Path) -> dict[str, dict[str, Any]]:
    values: dict[str, dict[str, Any]] = {}
    for section, table in data.items():
        if section not in DEFAULTS:
            line = (_line_of(text, rf"^\s*\[\s*{re.escape(section)}\s*\]")
                    or _line_of(text, rf"^\s*{re.escape(section)}\s*="))
            raise ConfigError(f"{path}:{line}: unknown section or key '{section}' "
                              f"(known sections: {', '.join(DEFAULTS)})", path=str(path), key=section, line=line)
        if not isinstance(table, dict):
            line = _line_of(text, rf"^\s*{re.escape(section)}\s*=")
            raise ConfigError(f"{path}:{line}: '{section}' must be a [section] table", path=str(path),
                              key=section, line=line)
        for key, value in table.items():
            name = f"{section}.{key}"
            line = _key_line(text, section, key)
            if key not in DEFAULTS[section]:
                known = ", ".join(f"{section}.{k}" for k in DEFAULTS[section])
                raise ConfigError(f"{path}:{line}: unknown key '{name}' (known: {known})", path=str(path),
                                  key=name, line=line)
            kind = DEFAULTS[section][key][0]
            ok = (isinstance(value, kind) and not isinstance(value, bool)) or (kind is float and isinstance(value, int)
                                                                            and not isinstance(value, bool))
            if not ok:
                raise ConfigError(f"{path}:{line}: '{name}' must be {_kind_name(kind)}, not {value!r}",
                                  path=str(path), key=name, line=line)
            if kind in (int, float) and value < 0:
                raise ConfigError(f"{path}:{line}: '{name}' must not be negative", path=str(path), key=name,
                                  line=line)
            values.setdefault(section, {})[key] = value
    return values


def _kind_name(kind: type) -> str:
    return {str: "a string", int: "an integer", float: "a number"}.get(kind, kind.__name__)


def _line_of(text: str, pattern: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(pattern, line):
            return number
    return None


def _key_line(text: str, section: str, key: str) -> int | None:
    """The line of ``key`` inside ``[section]`` (two sections may both have a ``path``)."""
    current = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"^\s*\[\s*([^\]]+?)\s*\]", line)
        if header:
            current = header.group(1)
        elif current == section and re.match(rf"^\s*{re.escape(key)}\s*=", line):
            return number
    return None


def _check_paths(path: Path | None, text: str, root: Path, store: Path, index: Path) -> None:
    """The store and the index each need a folder of their own.

    The index is derived and may be deleted and rebuilt; were it the store, inside
    the store, around it, or the archive folder itself, a rebuild would destroy
    what it was built from.
    """
    where = f"{path}:{_key_line(text, 'index', 'path') or _key_line(text, 'store', 'path')}: " if path else ""
    problem = None
    if index == store:
        problem = f"index.path and store.path are the same folder ({index})"
    elif root.is_relative_to(index):
        problem = f"index.path ({index}) is the archive folder or one above it"
    elif root.is_relative_to(store):
        problem = f"store.path ({store}) is the archive folder or one above it"
    elif index.is_relative_to(store):
        problem = f"index.path ({index}) is inside the store ({store})"
    elif store.is_relative_to(index):
        problem = f"store.path ({store}) is inside the index folder ({index})"
    if problem:
        raise ConfigError(f"{where}{problem}; the store and the index each need a folder of their own",
                          path=str(path) if path else None)


def _build(path: Path | None, root: Path, values: dict[str, dict[str, Any]], text: str = "") -> Config:
    def get(section: str, key: str) -> Any:
        return values.get(section, {}).get(key, DEFAULTS[section][key][1])

    store_path = (root / get("store", "path")).resolve()
    index_path = (root / get("index", "path")).resolve()
    _check_paths(path, text, root, store_path, index_path)
    return Config(
        path=path,
        root=root,
        store_path=store_path,
        index_path=index_path,
        lock_timeout=float(get("store", "lock_timeout")),
        max_page_bytes=int(get("ingest", "max_page_bytes")),
        search_limit=int(get("search", "limit")),
        user_name=str(get("user", "name")),
        user_address=str(get("user", "address")),
    )


def render_default_config() -> str:
    """The text ``archive init`` writes: every key present, each with its comment."""
    out = ["# archive configuration. Paths are relative to this file.", ""]
    for section, keys in DEFAULTS.items():
        out.append(f"[{section}]")
        for key, (_kind, default, comment) in keys.items():
            out.append(f"# {comment}")
            out.append(f"{key} = {_toml_value(default)}")
        out.append("")
    return "\n".join(out)


def _toml_value(value: Any) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)
