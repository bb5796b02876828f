"""archive: an archival repository of news compilation pages with full-text search.

The public API is ``archive.api.Archive``; the command line is ``archive.cli``.
"""

from __future__ import annotations

__all__ = ["__version__"]
__version__ = "0.1.0"
