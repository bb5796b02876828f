"""Configuration: ``archive.toml`` read over packaged defaults.

The file is found in the current folder or a parent (as git finds ``.git``),
or named by ``--config`` / ``ARCHIVE_CONFIG``: a regular file of at most
``MAX_CONFIG_BYTES`` (never a device, a pipe or a folder).  Paths in it are
relative to the file.  An unknown key, a value of the wrong type, a number out
of its range (``RANGES``; never NaN or infinite), a text with a control
character, or a path that names a file where a folder belongs is a
``ConfigError`` naming the key and its line.
"""

from __future__ import annotations

import math
import os
import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError

CONFIG_NAME = "archive.toml"
#: A configuration file is a few hundred bytes; anything much larger is not one.
MAX_CONFIG_BYTES = 1_000_000

#: The environment variable that gives the PostgreSQL index's address (a password stays out of the file).
INDEX_URL_ENV = "ARCHIVE_INDEX_URL"
#: The search engines an archive can use.
ENGINES = ("whoosh", "postgresql")

#: Every key, its type and default, and the comment ``archive init`` writes.
DEFAULTS: dict[str, dict[str, tuple[type, Any, str]]] = {
    "store": {
        "path": (str, "store", "Folder of the OCFL storage root (the source of truth)."),
        "lock_timeout": (float, 30.0, "Seconds a writer waits for another writer before giving up."),
    },
    "index": {
        "engine": (str, "whoosh", "Search engine: \"whoosh\" (a folder, the default) or \"postgresql\" (a server)."),
        "path": (str, "index", "Folder of the Whoosh search index (rebuilt from the store at will)."),
        "url": (str, "", "PostgreSQL server when engine = \"postgresql\" (postgresql://user@host/db); "
                         f"{INDEX_URL_ENV} overrides it, so that no password sits in this file."),
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


#: The range of each number: what the program can honour (a page is read whole into memory, a lock
#: waited for at most a day, a search shows at most what --limit allows).
RANGES: dict[str, tuple[float, float]] = {
    "store.lock_timeout": (0, 86_400),
    "ingest.max_page_bytes": (1, 1_000_000_000),
    "search.limit": (1, 10_000),
}


@dataclass(frozen=True)
class Config:
    """The settings in force, with every path made absolute."""

    path: Path | None
    root: Path
    store_path: Path
    index_path: Path
    index_engine: str
    index_url: str
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
    text = _read(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}", path=str(path)) from None
    values = _check(data, text, path)
    return _build(path, path.resolve().parent, values, text)


def _read(path: Path) -> str:
    """The text of a configuration file: a regular file of sane size, read without blocking or bound."""
    try:
        mode = path.stat()
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found", path=str(path)) from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration ({exc.strerror or exc})", path=str(path)) from None
    if stat.S_ISDIR(mode.st_mode):
        raise ConfigError(f"{path}: is a folder, not a configuration file (name its {CONFIG_NAME})", path=str(path))
    if not stat.S_ISREG(mode.st_mode):
        raise ConfigError(f"{path}: not a regular file (a device, pipe or socket); name an {CONFIG_NAME}",
                          path=str(path))
    if mode.st_size > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: {mode.st_size:,} bytes is too large for a configuration file "
                          f"(at most {MAX_CONFIG_BYTES:,})", path=str(path))
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_CONFIG_BYTES + 1)
        return data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration ({exc})", path=str(path)) from None


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
            problem = _problem(name, value)
            if problem:
                raise ConfigError(f"{path}:{line}: '{name}' {problem}", path=str(path), key=name, line=line)
            values.setdefault(section, {})[key] = value
    return values


def _problem(name: str, value: Any) -> str | None:
    """What is wrong with a value of the right type, or None."""
    if isinstance(value, str):
        if re.search(r"[\x00-\x1f\x7f-\x9f]", value):
            return f"must be one line with no control characters, not {hide_password(value)!r}"
        if name.endswith(".path") and not value.strip():
            return "must name a folder"
        if name == "index.engine" and value not in ENGINES:
            return f"must be one of {', '.join(ENGINES)}, not {value!r}"
        if name == "index.url" and value and not re.match(r"^postgres(?:ql)?://", value):
            return f"must be a postgresql:// address, not {hide_password(value)!r}"
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be a finite number, not {value!r}"
    if value < 0:
        return "must not be negative"
    low, high = RANGES.get(name, (0, math.inf))
    if not low <= value <= high:
        return f"must be from {low:,} to {high:,}, not {value!r}"
    return None


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
    for key, folder in (("store.path", store), ("index.path", index)):
        if folder.exists() and not folder.is_dir():
            line = _key_line(text, *key.split(".")) if path else None
            at = f"{path}:{line}: " if path else ""
            raise ConfigError(f"{at}{key} ({folder}) is a file, not a folder; the store and the index each need "
                              f"a folder of their own", path=str(path) if path else None, key=key, line=line)
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
    engine = str(get("index", "engine"))
    url = os.environ.get(INDEX_URL_ENV) or str(get("index", "url"))
    if engine == "postgresql" and not url:
        line = _key_line(text, "index", "engine") if path else None
        raise ConfigError(f"{path or 'archive.toml'}:{line or ''}: index.engine is \"postgresql\" but no server is "
                          f"named: set index.url or {INDEX_URL_ENV} (postgresql://user@host:5432/db)",
                          path=str(path) if path else None, key="index.url", line=line)
    if url and not re.match(r"^postgres(?:ql)?://", url):
        raise ConfigError(f"{INDEX_URL_ENV} must be a postgresql:// address, not {hide_password(url)!r}",
                          key="index.url")
    return Config(
        path=path,
        root=root,
        store_path=store_path,
        index_path=index_path,
        index_engine=engine,
        index_url=url,
        lock_timeout=float(get("store", "lock_timeout")),
        max_page_bytes=int(get("ingest", "max_page_bytes")),
        search_limit=int(get("search", "limit")),
        user_name=str(get("user", "name")),
        user_address=str(get("user", "address")),
    )


def hide_password(url: str) -> str:
    """An address as it may be shown: without its password ("postgresql://u:***@h/db", "password=***")."""
    url = re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)
    return re.sub(r"(password\s*=\s*)('[^']*'|\S+)", r"\1***", url, flags=re.IGNORECASE)


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
