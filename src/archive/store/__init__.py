"""The store: a generic OCFL 1.1 storage root of versioned, checksummed objects.

``Store`` (``objects``) is its face: objects read, committed (``commit``: a
version built aside and committed in one step; rollback; purge) and checked
(``verify``: every digest and inventory; repair).  ``ocfl`` names the OCFL
files, ``_fs`` does the low-level file work.  The store knows nothing of what
its objects hold: the catalogue gives them their meaning.
"""

from __future__ import annotations

from ._fs import digest_bytes, fault
from .objects import Store
from .ocfl import PURGE_LOG, StoredFile

__all__ = ["PURGE_LOG", "Store", "StoredFile", "digest_bytes", "fault"]
