"""Recovery: a page is all or nothing even when its writer is killed, and a purge is never forgotten.

Before a page's first article is committed, ingest writes an *intent* record
(``extensions/archive-work/intents/``): the page's id and head, then, before
each article's commit, that article's id and head.  The page's own commit
makes the intent moot, and it is removed.  A writer killed in between leaves
the intent: ``recover`` rolls back every article version it committed, so the
store holds the page and its new articles together or neither.  A purge
writes its record first; ``recover`` completes a purge whose object is still
there.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from ..errors import ArchiveError, StoreCorrupt
from ..store import Store
from .pages import read_page
from .records import read_meta

INTENTS = "intents"


class PageIntent:
    """The record of one page being written: what to undo if the writer dies before the page's commit."""

    def __init__(self, store: Store, page_id: str) -> None:
        self.path = store.work / INTENTS / f"{os.getpid()}-{page_id.replace('/', '_')}.json"
        self.data: dict[str, Any] = {"page": page_id, "page_head": _head(store, page_id), "articles": {}}
        self._write()

    def before_commit(self, store: Store, object_id: str) -> None:
        """Note an article's head before its commit (once: the first head is the one to go back to)."""
        if object_id not in self.data["articles"]:
            self.data["articles"][object_id] = _head(store, object_id)
            self._write()

    def done(self) -> None:
        self.path.unlink(missing_ok=True)

    def _write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            json.dump(self.data, fh)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(self.path)


def _head(store: Store, object_id: str) -> int:
    return store.head(object_id) if store.has(object_id) else 0


def pending(store: Store) -> list[Path]:
    folder = store.work / INTENTS
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def recover(store: Store) -> list[str]:
    """Undo what killed writers left half done, and complete interrupted purges (the caller holds the lock).

    Returns what was done, one line each.
    """
    done = store.recover()
    for path in pending(store):
        try:
            intent = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            path.unlink(missing_ok=True)
            continue
        if _head(store, intent["page"]) > intent["page_head"]:
            path.unlink(missing_ok=True)  # the page was committed: nothing is half done
            continue
        for object_id, head in sorted(intent["articles"].items()):
            while store.has(object_id) and store.head(object_id) > head:
                store.rollback(object_id, store.head(object_id))
                done.append(f"{object_id}: rolled back to version {head} (its page {intent['page']} "
                            f"was never committed)" if head else f"{object_id}: removed (its page "
                            f"{intent['page']} was never committed)")
            # a version renamed in but never named by the root inventory must not be rolled forward later
            if store.has(object_id):
                with contextlib.suppress(StoreCorrupt):  # a damaged object is verify's to report
                    store.settle(object_id)
        path.unlink(missing_ok=True)
    for object_id in sorted(store.purged()):
        if store.has(object_id):
            store.finish_purge(object_id)
            done.append(f"{object_id}: an interrupted purge completed")
    return done


def cross_check(store: Store) -> list[str]:
    """Pages, articles and sightings against each other: a page lists articles that exist, an article's
    sightings name pages that exist (or were purged).  A loss is reported as a loss; nothing is repaired."""
    purged = set(store.purged())
    problems: list[str] = []
    for page_id in store.iter_ids("pages"):
        try:
            listed = read_page(store, page_id).get("articles", [])
        except ArchiveError as exc:
            problems.append(str(exc))
            continue
        problems.extend(f"{object_id}: listed by {page_id} but not in the store (lost)"
                        for object_id in dict.fromkeys(listed)
                        if not store.has(object_id) and object_id not in purged)
    for object_id in store.iter_ids("articles"):
        try:
            sightings = read_meta(store, object_id).get("sightings", [])
        except ArchiveError:
            continue  # the article's own damage is reported by the store's check
        problems.extend(f"{s.get('page_id')}: cited by {object_id} but not in the store (lost)"
                        for s in sightings if not store.has(str(s.get("page_id")))
                        and s.get("page_id") not in purged)
    return problems
