"""Where objects live in the store: slugs, ids and paths.

An object's id is its path below the storage root, so id <-> path is the
identity function and the tree reads like a catalogue:

    articles/<outlet-slug>/<yyyy>/<mm>/<title-slug>/     one OCFL object per article
    pages/<yyyy>/<mm>/<title-slug>/                      one OCFL object per ingested page

Undated objects go under ``undated/``, an unknown outlet under ``unknown-outlet/``.
Slugs are ASCII ``[a-z0-9-]``, at most ``MAX_SLUG`` characters, never a
reserved device name; a numeric suffix keeps them unique.  A title with no
Latin letters is transliterated (anyascii) rather than dropped.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

from ..errors import ArticleNotFound

MAX_SLUG = 60
ARTICLES = "articles"
PAGES = "pages"
_RESERVED = frozenset({"con", "prn", "aux", "nul", "undated", "extensions", "unknown-outlet",
                       *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})
_TRANSLITERATE = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
                                "ł": "l", "Ł": "l", "þ": "th", "œ": "oe", "Œ": "oe", "&": " and "})
_ID_RE = re.compile(r"^(?:articles/[a-z0-9-]+/(?:\d{4}/\d{2}|undated)/[a-z0-9-]+"
                    r"|pages/(?:\d{4}/\d{2}|undated)/[a-z0-9-]+)$")


def slugify(text: str | None, *, fallback: str = "untitled", max_length: int = MAX_SLUG) -> str:
    """ASCII ``[a-z0-9-]`` slug of ``text``, cut at a word boundary, never empty or reserved."""
    if not text:
        return fallback
    folded = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    if not re.search(r"[a-z]", ascii_text):
        # No Latin letters (Cyrillic, Greek, Arabic, Chinese...): spelled in Latin letters, not dropped,
        # so that different titles get different names (and ids stay readable).
        ascii_text = anyascii(text).lower()
    ascii_text = re.sub(r"['’]|(?<=\d)[,.](?=\d)", "", ascii_text)
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[max_length // 2:] else slug[:max_length]
        slug = slug.strip("-")
    if not slug:
        return fallback
    if slug in _RESERVED:
        slug = f"{slug}-x"
    return slug


def date_folder(date: str | None) -> str:
    """ "2016-10-20" -> "2016/10"; None -> "undated"."""
    if date and re.match(r"^\d{4}-\d{2}", date):
        return f"{date[:4]}/{date[5:7]}"
    return "undated"


def article_path(outlet: str | None, date: str | None, title: str | None, *, suffix: int = 1) -> str:
    """The store path (and id) an article gets, before any collision suffix beyond ``suffix``."""
    slug = slugify(title)
    if suffix > 1:
        slug = f"{slug[:MAX_SLUG - 6]}-{suffix}"
    return f"{ARTICLES}/{slugify(outlet, fallback='unknown-outlet')}/{date_folder(date)}/{slug}"


def page_path(date: str | None, title: str | None, *, suffix: int = 1) -> str:
    """The store path (and id) a page gets."""
    slug = slugify(title, fallback="untitled-page")
    if suffix > 1:
        slug = f"{slug[:MAX_SLUG - 6]}-{suffix}"
    return f"{PAGES}/{date_folder(date)}/{slug}"


def normalize_id(text: str) -> str:
    """An id as the user typed it ("rt-news/2016/10/x" or "articles/rt-news/...") -> the canonical id.

    Raises:
        ArticleNotFound: the text cannot be an id.
    """
    value = text.strip().strip("/")
    if value.startswith("store/"):
        value = value[len("store/"):]
    if not value.startswith((f"{ARTICLES}/", f"{PAGES}/")):
        value = f"{ARTICLES}/{value}"
    if not _ID_RE.match(value):
        raise ArticleNotFound(f"'{text}' is not an article or page id (ids look like "
                              f"articles/rt-news/2016/10/some-title)", article_id=text)
    return value


def is_article_id(object_id: str) -> bool:
    return object_id.startswith(f"{ARTICLES}/")


#: The README.md of a store, for a person browsing it.
STORE_README = """# This folder is an archive store

It is an [OCFL 1.1](https://ocfl.io/1.1/spec/) storage root written by
`archive`. Every article and every page it came from is one OCFL object: a
folder whose `inventory.json` lists every version and the SHA-512 digest of
every file. Versions are never changed; a corrected page adds a version.

    articles/<outlet>/<yyyy>/<mm>/<title>/   one article
        v1/content/article.md                the article: front matter, then the text
        v1/content/meta.json                 the same metadata, for programs
        v2/...                               a later version, holding only changed files
    pages/<yyyy>/<mm>/<title>/               one ingested page
        v1/content/original.txt|.html        the bytes as they were read
        v1/content/page.json                 page title, date, fair-use note, article ids
        v1/content/page.md                   the same, to read

The newest version of a file is in the highest `vN/content/` that holds it;
`inventory.json` says which file each version is made of. Undated items sit
under `undated/`, an unknown outlet under `unknown-outlet/`.
`extensions/archive-work/` holds the write lock and half-built versions;
`extensions/archive-purged/purged.jsonl` records what `archive purge` deleted.

Do not edit files here by hand: `archive verify` will report the change.
Use `archive edit`, `archive remove` and friends, which add versions.
The search index lives outside this folder and is rebuilt by `archive reindex`.
"""
