"""Inputs: the pages a user names (files, folders, standard input) -> their bytes.

Anything that is not a readable page file is a one-line ``SourceError`` naming
it; nothing here decodes or parses (that is ``extract``'s).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import ParseError, SourceError

#: The files a folder's walk takes for pages.
PAGE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".text")
#: Text files that are something else than a page: named on the command line, they are refused unless
#: forced (JSON is told by its content, in ``extract``; binary files by their bytes).
NOT_PAGES = {".md": "Markdown", ".markdown": "Markdown", ".csv": "CSV", ".tsv": "tab-separated",
             ".yaml": "YAML", ".yml": "YAML", ".rst": "reStructuredText", ".tex": "LaTeX", ".bib": "BibTeX",
             ".ris": "RIS"}


def check_page_name(name: str) -> None:
    """Refuse a file named as a page whose name says it is another kind of text (notes, a table, data).

    Raises:
        SourceError: a Markdown, CSV or other data file (``NOT_PAGES``).
    """
    kind = NOT_PAGES.get(Path(name).suffix.lower())
    if kind is not None:
        raise SourceError(f"{name}: a {kind} file, not a saved page (.txt or .html); "
                          f"--force adds it as a page all the same", path=name)


def iter_inputs(paths: Iterable[str], *, recursive: bool = False,
                skipped: list[str] | None = None) -> Iterator[str]:
    """Expand folders (with ``recursive``) into the files below them, in name order.

    A folder's walk never leaves it: a symbolic link to a file or folder outside
    it (a private folder linked from a downloaded one) is not followed; a line
    saying so is appended to ``skipped``.  Links that stay inside are followed, once.

    Raises:
        SourceError: a folder without ``recursive``.
    """
    for name in paths:
        if name == "-":
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            if not recursive:
                raise SourceError(f"{name}: is a folder (use --recursive to add the pages in it)", path=name)
            yield from _walk(name, skipped)
        else:
            yield name


def _walk(top: str, skipped: list[str] | None) -> Iterator[str]:
    root = Path(os.path.realpath(top))
    seen: set[tuple[int, int]] = set()
    others: list[str] = []
    for dirpath, dirs, files in os.walk(top, followlinks=True):
        st = os.stat(dirpath)
        if (st.st_dev, st.st_ino) in seen:
            dirs.clear()
            continue
        seen.add((st.st_dev, st.st_ino))
        kept = []
        for entry in sorted(d for d in dirs if not d.startswith(".")):
            if _inside(os.path.join(dirpath, entry), root, skipped):
                kept.append(entry)
        dirs[:] = kept
        for file in sorted(files):
            if file.startswith("."):
                continue
            full = os.path.join(dirpath, file)
            if not file.lower().endswith(PAGE_SUFFIXES):
                others.append(os.path.relpath(full, top))
            elif _inside(full, root, skipped):
                yield full
    if others and skipped is not None:
        shown = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
        skipped.append(f"{top}: skipped {len(others)} file(s) not named as pages "
                       f"({', '.join(PAGE_SUFFIXES)}): {shown}")


def _inside(path: str, root: Path, skipped: list[str] | None) -> bool:
    """True when ``path`` is inside ``root`` once its links are followed."""
    if not os.path.islink(path) or Path(os.path.realpath(path)).is_relative_to(root):
        return True
    if skipped is not None:
        skipped.append(f"{path}: skipped: a link to {os.path.realpath(path)}, outside {root} "
                       f"(add it by name to include it)")
    return False


def read_source(name: str, *, max_bytes: int, stdin: Any = None) -> bytes:
    """The bytes of one input, with a one-line error for anything that is not a readable file."""
    if name == "-":
        if stdin is None:
            raise SourceError("-: no standard input to read", path=name)
        data: bytes = stdin.read(max_bytes + 1)
        return data
    try:
        st = os.stat(name)
    except FileNotFoundError:
        raise SourceError(f"{name}: no such file", path=name) from None
    except OSError as exc:
        raise SourceError(f"{name}: cannot read ({exc.strerror or exc})", path=name) from None
    if stat.S_ISDIR(st.st_mode):
        raise SourceError(f"{name}: is a folder (use --recursive to add the pages in it)", path=name)
    if not stat.S_ISREG(st.st_mode):
        raise SourceError(f"{name}: not a regular file (a pipe, socket or device); save the page to a file",
                          path=name)
    if st.st_size > max_bytes:
        raise ParseError(f"{name}: page is {st.st_size:,} bytes, over max_page_bytes ({max_bytes:,})", path=name)
    try:
        with open(name, "rb") as fh:
            return fh.read(max_bytes + 1)
    except OSError as exc:
        raise SourceError(f"{name}: cannot read ({exc.strerror or exc})", path=name) from None
