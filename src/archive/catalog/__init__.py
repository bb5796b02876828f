"""The catalogue: what an article and a page are, on top of the store.

``ids`` says where each object lives (id <-> path), ``records`` and ``pages``
what their files hold and how they read back, ``identity`` when an article or a
page is one already stored (through ``lookup``, each folder read once per
batch), ``ingest`` stores a batch of split pages under the lock, ``curation``
edits, withdraws, reviews, restores, tags, notes, purges and tells the history,
``saved`` keeps named searches, and ``recovery`` undoes what a killed writer
left half done.  The catalogue never imports the search index:
it hands changes to hooks.
"""

from __future__ import annotations

from .curation import EDITABLE, diff, edit, explain_missing, history, note, purge, remove, restore, review, tag
from .ids import ARTICLES, STORE_README, normalize_id
from .ingest import IndexHook, store_batch
from .pages import iter_pages, read_page
from .records import iter_records, read_record, stored_state
from .recovery import cross_check, pending, recover
from .saved import read_saved, save_search

__all__ = ["ARTICLES", "EDITABLE", "STORE_README", "IndexHook", "cross_check", "diff", "edit",
           "explain_missing", "history", "iter_pages", "iter_records", "normalize_id", "note", "pending", "purge",
           "read_page", "read_record", "read_saved", "recover", "remove", "restore", "review", "save_search",
           "store_batch", "stored_state", "tag"]
