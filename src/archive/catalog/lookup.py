"""Look-ups for identity at a flat cost per article: what a folder of the store holds, read once.

Finding an article's identity asks, of one folder (an outlet's month, or a
month of pages): which objects have this identity key, which names are taken,
and which texts of one day share words with this one.  Probing names one by
one ("-2", "-3", ...) and reading every sibling's text for each new article
made one outlet-month ingest in quadratic time.  A ``Lookup`` reads each
folder it is asked about once (its objects' metadata; the texts of a day only
when a retitled copy is looked for) and keeps a key -> ids map, the taken names
and an index of shingles -> ids, updated as the batch stores objects.  It
lives for one batch, under the store lock: no other writer changes the store
meanwhile.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from ..store import Store
from ..text import fold
from .pages import read_page
from .records import read_body, read_meta

#: The words in a shingle: texts are compared by their overlapping runs of this many words.
SHINGLE = 5


class Folder:
    """One folder of the store: its objects' keys and taken names; texts and shingles on demand."""

    def __init__(self, store: Store, parent: str, *, pages: bool) -> None:
        self.store = store
        self.parent = parent
        self.meta: dict[str, dict[str, Any]] = {}
        self.by_key: dict[str, list[str]] = {}
        self.names: set[str] = set()
        self._next: dict[str, int] = {}
        self._bodies: dict[str, str] = {}
        self._days: dict[str | None, dict[int, set[str]]] = {}
        folder = store.root / parent
        children = sorted(folder.iterdir(), key=lambda p: _order(p.name)) if folder.is_dir() else []
        for child in children:
            object_id = f"{parent}/{child.name}"
            if store.has(object_id):
                self.names.add(child.name)
                self._remember(object_id, read_page(store, object_id) if pages else read_meta(store, object_id))

    def _remember(self, object_id: str, meta: dict[str, Any]) -> None:
        if object_id not in self.meta:
            self.by_key.setdefault(str(meta.get("key")), []).append(object_id)
        self.meta[object_id] = meta

    def body(self, object_id: str) -> str:
        if object_id not in self._bodies:
            self._bodies[object_id] = read_body(self.store, object_id)
        return self._bodies[object_id]

    def free_id(self, name_for: Callable[[int], str]) -> str:
        """The first id ``name_for(1)``, ``name_for(2)``... whose name is not taken."""
        n = self._next.get(name_for(1), 1)
        while name_for(n).rsplit("/", 1)[1] in self.names:
            n += 1
        self._next[name_for(1)] = n
        return name_for(n)

    def sharing(self, date: str | None, text_shingles: set[int], *, least: int) -> list[str]:
        """The articles of ``date`` that share at least ``least`` shingles with a text, most shared first:
        the only ones whose text can be close to it."""
        index = self._day(date)
        counts: Counter[str] = Counter()
        for shingle in text_shingles:
            counts.update(index.get(shingle, ()))
        return [object_id for object_id, n in counts.most_common() if n >= least]

    def _day(self, date: str | None) -> dict[int, set[str]]:
        if date not in self._days:
            index: dict[int, set[str]] = {}
            for object_id, meta in self.meta.items():
                if meta.get("date") == date:
                    for shingle in shingles(self.body(object_id)):
                        index.setdefault(shingle, set()).add(object_id)
            self._days[date] = index
        return self._days[date]

    def stored(self, object_id: str, meta: dict[str, Any], body: str | None = None) -> None:
        """Note an object the batch has just stored (new, or a new version)."""
        self.names.add(object_id.rsplit("/", 1)[1])
        old_body = self._bodies.get(object_id)
        self._remember(object_id, meta)
        if body is None:
            return
        self._bodies[object_id] = body
        for date, index in self._days.items():
            for shingle in shingles(old_body or ""):
                index.get(shingle, set()).discard(object_id)
            if meta.get("date") == date:
                for shingle in shingles(body):
                    index.setdefault(shingle, set()).add(object_id)


class Lookup:
    """The folders one batch has asked about, each read once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._folders: dict[str, Folder] = {}

    def folder(self, object_id: str) -> Folder:
        """The folder that holds (or would hold) ``object_id``."""
        parent = object_id.rsplit("/", 1)[0]
        if parent not in self._folders:
            self._folders[parent] = Folder(self.store, parent, pages=parent.startswith("pages/"))
        return self._folders[parent]


def _order(name: str) -> tuple[str, int]:
    """Names in the order suffixes were given: "x", "x-2", "x-3", ... "x-10"."""
    base, _, suffix = name.rpartition("-")
    return (base, int(suffix)) if base and suffix.isdigit() else (name, 1)


def shingles(text: str, size: int = SHINGLE) -> set[int]:
    """Hashes of the overlapping ``size``-word runs of ``text`` (folded)."""
    words = fold(text).split()
    if len(words) < size:
        return {hash(" ".join(words))} if words else set()
    return {hash(" ".join(words[i:i + size])) for i in range(len(words) - size + 1)}
