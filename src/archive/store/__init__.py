"""The store: a generic OCFL 1.1 storage root of versioned, checksummed objects.

``Store`` (``objects``) is its face: objects read, committed (``commit``: a
version built aside and committed in one step; rollback; purge) and checked
(``verify``: every digest and inventory; repair), and copied to another
root (``sync``: only the versions it lacks, verified, never overwriting).  ``ocfl`` names the OCFL
files, ``_fs`` does the low-level file work.  The store knows nothing of what
its objects hold: the catalogue gives them their meaning.
"""

from __future__ import annotations

from ._fs import digest_bytes, fault
from .objects import Store
from .ocfl import PURGE_LOG, StoredFile
from .sync import SyncReport, sync_root

__all__ = ["PURGE_LOG", "Store", "StoredFile", "SyncReport", "digest_bytes", "fault", "sync_root"]
