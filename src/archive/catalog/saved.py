"""Saved searches: a name for a query, kept in the store beside the objects.

The store is the source of truth for what a person made, so saved searches
live in it (``extensions/archive-saved/searches.json``, an OCFL extension
folder: never an object), written whole or not at all, under the store lock.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from ..errors import ArchiveError, StoreCorrupt, UsageError
from ..store import Store
from ..text import now, one_line

SAVED_FILE = "extensions/archive-saved/searches.json"
_NAME_RE = re.compile(r"^[^\W_][\w.-]{0,63}$")


def read_saved(store: Store) -> dict[str, dict[str, Any]]:
    """name -> {"query", "time"} of every saved search.

    Raises:
        StoreCorrupt: the file is not what archive wrote.
    """
    path = store.root / SAVED_FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise StoreCorrupt(f"{path}: unreadable saved searches ({exc})", path=str(path)) from None
    if not isinstance(data, dict):
        raise StoreCorrupt(f"{path}: unreadable saved searches (not an object)", path=str(path))
    return data


def save_search(store: Store, name: str, query: str | None) -> dict[str, Any] | None:
    """Keep ``query`` under ``name`` (None: forget the name); return what was kept, or forgotten.

    Raises:
        UsageError: a name that is not a word (letters, digits, ``-``, ``_``, ``.``), an empty query, or
            forgetting a name that is not saved.
    """
    if not _NAME_RE.match(name):
        raise UsageError(f"{name!r} cannot name a saved search: use letters, digits, - _ or . (e.g. mosul-2016)")
    if query is not None and not one_line(query):
        raise UsageError("a saved search needs a query")
    store.require()
    with store.lock():
        saved = read_saved(store)
        if query is None:
            if name not in saved:
                raise UsageError(f"no saved search named {name!r}")
            entry = saved.pop(name)
        else:
            entry = saved[name] = {"query": one_line(query), "time": now()}
        _write(store, saved)
    return entry


def _write(store: Store, saved: dict[str, dict[str, Any]]) -> None:
    path = store.root / SAVED_FILE
    partial = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("w", encoding="utf-8") as fh:
            fh.write(json.dumps(saved, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ArchiveError(f"{path}: cannot write ({exc.strerror or exc})", path=str(path)) from None
