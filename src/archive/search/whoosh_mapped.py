"""Index files read through memory maps: a term look-up is a slice of memory, not a seek and a read.

whoosh maps a segment's files into memory only when they are packed into one
compound file; archive writes them as separate files (a commit then copies
nothing), which whoosh reads through buffered file reads, a seek and a system
call for every term looked up.  ``MappedStorage`` opens each existing file as a
memory map instead.  A file that cannot be mapped (an empty one) is read as before.
"""

from __future__ import annotations

import mmap
from typing import Any, cast

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile


class _MappedFile(StructFile):
    """A read-only ``StructFile`` over a memory map."""

    def __init__(self, mapped: mmap.mmap, name: str) -> None:
        super().__init__(cast(Any, mapped), name=name)
        self._map = mapped

    def get(self, position: int, length: int) -> bytes:
        return self._map[position:position + length]


class MappedStorage(FileStorage):
    """A whoosh ``FileStorage`` whose files, once written, are read through memory maps."""

    def open_file(self, name: str, **kwargs: Any) -> Any:
        if kwargs:
            return super().open_file(name, **kwargs)
        with open(self._fpath(name), "rb") as fh:
            try:
                mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            except ValueError:  # an empty file cannot be mapped
                return super().open_file(name)
        return _MappedFile(mapped, name)
