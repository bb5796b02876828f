"""What ``Archive`` does to work through and organise the archive: review, restore, list pages and
withdrawn articles; the names of outlets and authors (counts, likely duplicates, nearest, rename).

Every change is a new version of a stored object (the store is the source of
truth), made under the store lock and indexed before the lock is let go.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

from .. import catalog
from ..errors import UsageError
from ..models import ArticleRecord, SearchResult
from ..store import Store
from ..text import name_key, one_line, split_credit

#: The kinds of name ``names`` and ``rename`` know.
NAME_KINDS = ("outlet", "author")


def _spelling_key(name: str) -> str:
    """What spellings of one name that differ in case, accents, spacing or punctuation share:
    "Counter Punch", "CounterPunch" and "counterpunch" -> "counterpunch"."""
    return re.sub(r"\W|_", "", name_key(name))


class Curator:
    """Working the review queue and the withdrawn articles down; ``Archive`` provides ``store``,
    ``notices``, ``_writing`` and ``_index_one``."""

    store: Store
    notices: list[str]
    _writing: Callable[[], AbstractContextManager[None]]
    _index_one: Callable[[ArticleRecord], None]
    search: Callable[..., SearchResult]

    def review(self, article_id: str, *, reason: str = "reviewed") -> int | None:
        """Mark an article reviewed (right as it stands) as a new version; None when it needed no review."""
        with self._writing():
            return catalog.review(self.store, article_id, reason=reason, on_change=self._index_one)

    def restore(self, article_id: str, *, reason: str) -> int | None:
        """Undo a withdrawal as a new version, back in search; None when it was not withdrawn."""
        with self._writing():
            return catalog.restore(self.store, article_id, reason=reason, on_change=self._index_one)

    def tag(self, article_id: str, *, add: list[str], remove: list[str]) -> tuple[int | None, tuple[str, ...]]:
        """Add and remove an article's tags as a new version: (the version, or None when unchanged; the tags)."""
        with self._writing():
            return catalog.tag(self.store, article_id, add=add, remove=remove, on_change=self._index_one)

    def note(self, article_id: str, text: str) -> int | None:
        """Add a note to an article as a new version."""
        with self._writing():
            return catalog.note(self.store, article_id, text, on_change=self._index_one)

    def saved_searches(self) -> dict[str, dict[str, Any]]:
        """name -> {"query", "time"} of every saved search."""
        return catalog.read_saved(self.store)

    def save_search(self, name: str, query: str | None) -> dict[str, Any] | None:
        """Keep a query under a name (None forgets the name); what was kept or forgotten."""
        return catalog.save_search(self.store, name, query)

    def saved_query(self, text: str) -> str:
        """The query a search names: "@name" is the saved search of that name; any other text is itself.

        Raises:
            UsageError: no saved search of that name (the saved names are given).
        """
        if not text.startswith("@") or " " in text.strip():
            return text
        saved = self.saved_searches() if self.store.exists() else {}
        entry = saved.get(text.strip()[1:])
        if entry is None:
            known = ", ".join(f"@{n}" for n in sorted(saved)) or "none yet; `archive saved NAME QUERY` keeps one"
            raise UsageError(f"no saved search {text.strip()!r} (saved: {known})")
        return str(entry["query"])

    def withdrawn(self) -> Iterator[ArticleRecord]:
        """Every withdrawn article, read from the store (search leaves them out)."""
        return (r for r in catalog.iter_records(self.store, damaged=self.notices) if r.withdrawn)

    def pages(self) -> list[dict[str, Any]]:
        """Every stored compilation page's ``page.json``, newest first."""
        found = list(catalog.iter_pages(self.store, damaged=self.notices))
        return sorted(found, key=lambda p: (p.get("date") or "", p["id"]), reverse=True)

    def short_ids(self, ids: list[str]) -> dict[str, str]:
        """id -> its shortest form that still names it alone (whole words of its title, "articles/" left
        out): "articles/rt-news/2016/10/us-saudis-to-grant-9000" -> "rt-news/2016/10/us-saudis"."""
        out: dict[str, str] = {}
        folders: dict[str, list[str]] = {}
        for object_id in ids:
            folder, _, slug = object_id.rpartition("/")
            if folder not in folders:
                folders[folder] = list(self.store.iter_ids(folder)) if (self.store.root / folder).is_dir() else []
            words = slug.split("-")
            for k in range(1, len(words) + 1):
                short = f"{folder}/{'-'.join(words[:k])}"
                if sum(1 for other in folders[folder] if other.startswith(short)) <= 1:
                    break
            out[object_id] = short.removeprefix("articles/")
        return out

    def result_dict(self, result: SearchResult) -> dict[str, Any]:
        """A search result as JSON data, each hit with the short form of its id (what `--json` and the web
        API give)."""
        data = result.to_dict()
        hits = [*data["hits"], *data.get("partial", ())]
        short = self.short_ids([h["id"] for h in hits])
        for hit in hits:
            hit["short_id"] = short[hit["id"]]
        return data

    def nearest_ids(self, object_id: str, *, most: int = 3) -> list[str]:
        """Stored ids most like an id that names nothing (in the deepest folder of it that exists)."""
        parts = object_id.rstrip("/").split("/")
        folder = next(("/".join(parts[:k]) for k in range(len(parts) - 1, 0, -1)
                       if (self.store.root / "/".join(parts[:k])).is_dir()), None)
        if folder is None:
            return []
        return difflib.get_close_matches(object_id, list(self.store.iter_ids(folder)), n=most, cutoff=0.5)

    def names(self, kind: str) -> list[tuple[str, int]]:
        """Every stored outlet (or author) name with how many articles carry it, most first; each name of a
        joint credit counts on its own."""
        _check_kind(kind)
        result = self.search("", limit=1, facets=(kind,), snippets=False)
        return [(name, count) for name, count in result.facets[0].counts if name != "(none)"]

    def name_groups(self, kind: str) -> list[list[tuple[str, int]]]:
        """The stored names that are likely one name (they differ in case, accents, spacing or punctuation),
        each group most used first; the groups with the most articles first."""
        groups: dict[str, list[tuple[str, int]]] = {}
        for name, count in self.names(kind):
            groups.setdefault(_spelling_key(name), []).append((name, count))
        found = [g for g in groups.values() if len(g) > 1]
        return sorted(found, key=lambda g: -sum(c for _, c in g))

    def nearest_names(self, kind: str, name: str, *, most: int = 3) -> list[tuple[str, int]]:
        """The stored names most like ``name`` (for "no outlet matches"): spelled alike, or containing it."""
        known = self.names(kind)
        keys = {_spelling_key(n): (n, c) for n, c in reversed(known)}
        wanted = _spelling_key(name)
        close = difflib.get_close_matches(wanted, list(keys), n=most, cutoff=0.6)
        inside = [k for k in keys if wanted and wanted in k and k not in close]
        return [keys[k] for k in (close + inside)[:most]]

    def rename(self, kind: str, old: str, new: str, *, reason: str) -> list[tuple[str, int]]:
        """Correct a name in every article whose credit carries it (any case or accents), each as a new
        version; the other names of a joint credit stay.  Returns (id, new version) of each article changed.

        Raises:
            UsageError: an unknown kind, an empty name or reason.
        """
        _check_kind(kind)
        new = one_line(new)
        if not name_key(old) or not new:
            raise UsageError("rename needs the name as stored and a new name, neither empty")
        wanted = name_key(old)
        changed: list[tuple[str, int]] = []
        with self._writing():
            for record in list(catalog.iter_records(self.store, damaged=self.notices)):
                credit = getattr(record, kind)
                names = split_credit(credit, kind=kind)
                if credit is None or not any(name_key(n) == wanted for n in names):
                    continue
                for name in names:
                    if name_key(name) == wanted:
                        credit = new if len(names) == 1 else _replace_name(credit, name, new)
                version = catalog.edit(self.store, record.id, {kind: credit}, reason=reason,
                                       on_change=self._index_one)
                if version is not None:
                    changed.append((record.id, version))
        return changed


_SEPARATOR_END_RE = re.compile(r"(?:^|[,;&/|+]|\band)\s*$", re.IGNORECASE)
_SEPARATOR_START_RE = re.compile(r"^\s*(?:$|[,;&/|+]|and\b)", re.IGNORECASE)


def _replace_name(credit: str, name: str, new: str) -> str:
    """``credit`` with the one of its names that is ``name`` (a whole name between separators, not a
    piece of another: "Ann" in "JoAnn Smith & Ann") replaced by ``new``."""
    for match in re.finditer(re.escape(name), credit):
        if _SEPARATOR_END_RE.search(credit[:match.start()]) and _SEPARATOR_START_RE.match(credit[match.end():]):
            return credit[:match.start()] + new + credit[match.end():]
    return credit


def _check_kind(kind: str) -> None:
    if kind not in NAME_KINDS:
        raise UsageError(f"names are of an outlet or an author, not {kind!r}")
