"""Errors raised by the archive library.

Every error the library raises is an ``ArchiveError``; ``cli/group.py`` turns it into
one line and an exit code, once, in the click group::

    ArchiveError
    ├── ConfigError            archive.toml missing, unreadable or wrong (.path, .key, .line)
    ├── SourceError            a page that cannot be read (.path)
    │   ├── DecodeError        bytes that are not text in any encoding we accept
    │   ├── ParseError         text or HTML in which nothing can be found
    │   └── SourceErrors       one or more pages of an add could not be read (.errors)
    ├── StoreError             the store cannot be read or written (.path)
    │   ├── ArticleNotFound    no article with that id (.article_id)
    │   ├── VersionNotFound    the article has no such version (.article_id)
    │   ├── StoreCorrupt       a digest, inventory or file does not match (.path)
    │   └── StoreLocked        another writer holds the store lock
    ├── SearchIndexError       the index is missing, stale or broken
    ├── QueryError             a search query that cannot be parsed (.query)
    └── UsageError             a request the library cannot carry out as given: an
                               unknown field, a bad value, a missing reason
"""

from __future__ import annotations

from typing import Any


class ArchiveError(Exception):
    """Base class of every error the archive library raises."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class ConfigError(ArchiveError):
    """The configuration file is missing, unreadable or has a wrong key or value."""

    def __init__(self, message: str, *, path: str | None = None, key: str | None = None,
                 line: int | None = None) -> None:
        super().__init__(message, path=path)
        self.key = key
        self.line = line


class SourceError(ArchiveError):
    """A page that cannot be read."""


class DecodeError(SourceError):
    """Bytes that are not text in any encoding archive accepts."""


class ParseError(SourceError):
    """A page in which no text can be found."""


class SourceErrors(SourceError):
    """One or more pages could not be read; ``errors`` holds each one's error.

    ``stored`` says whether the good pages were stored (``keep_going``), ``good``
    how many there were, and ``report`` is the ``IngestReport`` of what was stored.
    """

    def __init__(self, errors: list[SourceError], *, stored: bool, good: int = 0, report: Any = None) -> None:
        first = str(errors[0])
        if len(errors) > 1:
            first = f"{first} (and {len(errors) - 1} more bad page(s))"
        super().__init__(first, path=errors[0].path)
        self.errors = errors
        self.stored = stored
        self.good = good
        self.report = report


class StoreError(ArchiveError):
    """The store cannot be read or written."""


class ArticleNotFound(StoreError):
    """No article (or page) has the id asked for."""

    def __init__(self, message: str, *, article_id: str) -> None:
        super().__init__(message)
        self.article_id = article_id


class VersionNotFound(StoreError):
    """The article exists but has no such version."""

    def __init__(self, message: str, *, article_id: str) -> None:
        super().__init__(message)
        self.article_id = article_id


class StoreCorrupt(StoreError):
    """A file, digest or inventory in the store does not match what it should be."""


class StoreLocked(StoreError):
    """Another process holds the store's write lock."""


class SearchIndexError(ArchiveError):
    """The search index is missing, stale or broken; `archive reindex` rebuilds it."""


class QueryError(ArchiveError):
    """A search query that cannot be parsed."""

    def __init__(self, message: str, *, query: str) -> None:
        super().__init__(message)
        self.query = query


class UsageError(ArchiveError):
    """A request the library cannot carry out as given (an unknown field, a bad value, a missing reason).

    The caller's mistake, not the store's: nothing was read or written.
    """
