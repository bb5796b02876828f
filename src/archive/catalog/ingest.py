"""Ingest: a batch of split pages stored under the lock, each page all or nothing.

Every article finds its identity (``identity``) and becomes a new object, a new
version (a new sighting, a corrected text) or nothing (unchanged); what a
person corrected, and a withdrawal, outlive any re-add of the page.  The
changed articles of the batch are handed to the caller's ``index`` hook once,
still under the lock: two writers never index versions out of order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..errors import ArchiveError, StoreError
from ..models import Article, ArticleOutcome, ArticleRecord, PageOutcome, Provenance, Sighting, SplitPage, Status
from ..store import Store, fault
from ..text import normalize
from .identity import Lookup, identity_key, locate_article, locate_page, page_key
from .pages import page_files, read_page, settle_source
from .records import apply_corrections, old_sightings, read_meta, read_record, record_files, record_from
from .recovery import PageIntent

#: The review reason of an article kept apart from a stored one it may duplicate (identity's doubtful match).
DUPLICATE = "possible duplicate of "
#: Called under the store lock with a batch's changed articles; returns warnings for the batch's pages.
IndexHook = Callable[[list[ArticleRecord]], list[str]]


def store_batch(store: Store, chunk: list[tuple[bytes, SplitPage]], *,
                index: IndexHook) -> tuple[list[PageOutcome], ArchiveError | None]:
    """Store a batch of pages and index their changed articles in one call, under the lock.

    Each page is all or nothing: when writing one fails (a full disk, a store
    that cannot be written), what it had committed is rolled back, the pages
    before it are indexed and reported, and the error is returned.  Indexing
    under the store lock keeps two writers from indexing versions out of order;
    one index commit per batch keeps ingest from paying a commit per page.
    """
    results: list[tuple[SplitPage, str, Status, list[ArticleOutcome]]] = []
    changed: dict[str, ArticleRecord] = {}
    warnings: list[str] = []
    failure: ArchiveError | None = None
    with store.lock():
        taken_down = set(store.purged())
        lookup = Lookup(store)  # each folder read once for the batch: a flat cost per article
        for raw, split in chunk:
            committed: list[tuple[str, int]] = []
            intent: PageIntent | None = None
            try:
                page_id, page_exists = locate_page(lookup, split, _stored_already(lookup, split))
                intent = PageIntent(store, page_id)
                source = settle_source(store, page_id, raw, split.source)
                outcomes: list[ArticleOutcome] = []
                page_changed: list[ArticleRecord] = []
                seen: dict[tuple[str, str], ArticleOutcome] = {}
                for article in split.articles:
                    twice = _twice_key(article)
                    if twice in seen:
                        # The same article printed twice in one page is one article, seen once.
                        first = seen[twice]
                        outcomes.append(ArticleOutcome(Status.REPEATED, first.id, first.title, first.version))
                        continue
                    # Any other two articles of one page are two articles, never versions of one.
                    taken = {o.id for o in outcomes}
                    outcome, record = _store_article(lookup, article, split, page_id, taken_down, intent, taken,
                                                     source)
                    seen[twice] = outcome
                    outcomes.append(outcome)
                    if record is not None:
                        committed.append((record.id, record.version))
                        page_changed.append(record)
                fault("articles")
                page_version = store.commit(page_id, page_files(raw, split, page_id, outcomes, key=page_key(split),
                                                                source=source),
                                           message=f"archive add {split.name}")
                if page_version is not None:
                    lookup.folder(page_id).stored(page_id, read_page(store, page_id))
                intent.done()
            except (ArchiveError, OSError) as exc:
                for object_id, version in reversed(committed):
                    store.rollback(object_id, version)
                if intent is not None:
                    intent.done()
                reason = exc if isinstance(exc, ArchiveError) else StoreError(
                    f"cannot write ({exc.strerror or exc})")
                failure = StoreError(f"{split.name}: {reason}; nothing of this page was stored",
                                     path=split.name)
                break
            changed.update((r.id, r) for r in page_changed)
            status = (Status.UNCHANGED if page_version is None
                      else Status.NEW_VERSION if page_exists else Status.NEW)
            results.append((split, page_id, status, outcomes))
        if changed:
            warnings = index(list(changed.values()))
        fault("indexed")
    outcomes_out = [PageOutcome(split.name, page_id, status, tuple(outcomes), split, (*split.warnings, *warnings))
                    for split, page_id, status, outcomes in results]
    return outcomes_out, failure


def _twice_key(article: Article) -> tuple[str, str]:
    return identity_key(article.outlet, article.title, article.date), article.body


def _stored_already(lookup: Lookup, split: SplitPage) -> list[str]:
    """The ids of the page's (distinct) articles that are stored already; what tells whether the page is."""
    found: list[str] = []
    seen: set[tuple[str, str]] = set()
    for article in split.articles:
        if _twice_key(article) in seen:
            continue
        seen.add(_twice_key(article))
        located = locate_article(lookup, article, taken=found)
        if located.meta is not None:
            found.append(located.id)
    return found


def _store_article(lookup: Lookup, article: Article, split: SplitPage, page_id: str, taken_down: set[str],
                   intent: PageIntent, taken: set[str],
                   source: Provenance) -> tuple[ArticleOutcome, ArticleRecord | None]:
    store = lookup.store
    located = locate_article(lookup, article, taken=taken)
    object_id, old = located.id, located.meta
    # Kept apart from a stored article it may duplicate, and flagged so that a person decides; the flag
    # stays when the page is added again.
    flags = [r for r in (old or {}).get("review_reasons", []) if r.startswith(DUPLICATE)]
    if located.doubtful_of is not None and not flags:
        flags = [f"{DUPLICATE}{located.doubtful_of}"]
    if flags:
        article = replace(article, review=True, review_reasons=(*article.review_reasons, *flags))
    if old is None and object_id in taken_down:
        # Taken down: a re-added page does not bring it back.
        return ArticleOutcome(Status.PURGED, object_id, article.title, 0), None
    sighting = Sighting(page_id, split.title, split.date, article.position, source.url, source.captured)
    sightings = [s for s in old_sightings(old) if s.page_id != page_id]
    sightings.append(sighting)
    sightings.sort(key=lambda s: (s.page_date or "", s.page_id))
    record = ArticleRecord(
        id=object_id, version=0, title=normalize(article.title), body=normalize(article.body),
        outlet=article.outlet, author=article.author, date=article.date, date_text=article.date_text,
        subtitle=article.subtitle, standfirst=article.standfirst, section=article.section,
        review=article.review, review_reasons=article.review_reasons, fair_use_note=split.fair_use_note,
        sightings=tuple(sightings),
    )
    key = identity_key(article.outlet, article.title, article.date)
    if old is not None:
        key = old.get("key", key)
        previous = record_from(object_id, old, "", 0, "")
        # What a person corrected, tagged and noted, and a withdrawal, outlive any re-add of the page.
        record = apply_corrections(replace(record, corrections=previous.corrections, withdrawn=previous.withdrawn,
                                           tags=previous.tags, notes=previous.notes))
    message = f"seen in {page_id}" if old is None else f"updated from {page_id}"
    intent.before_commit(store, object_id)
    version = store.commit(object_id, record_files(record, key), message=message)
    if version is None:
        head = store.head(object_id)
        return ArticleOutcome(Status.UNCHANGED, object_id, record.title, head), None
    stored = read_record(store, object_id)
    lookup.folder(object_id).stored(object_id, read_meta(store, object_id), stored.body)
    status = Status.NEW if version == 1 else Status.NEW_VERSION
    return ArticleOutcome(status, object_id, record.title, version), stored
