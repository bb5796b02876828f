"""The PostgreSQL schema: tables, the text search configuration, and the migration run on start.

``archive_meta`` holds the schema version and the name of the live articles
table; readers query the view ``archive_articles``, which a rebuild points at
a new table in one statement.  Each articles table has a weighted ``tsvector``
(title A, outlet B, author C, body D) under a GIN index; the text search
configuration ``archive_english`` is ``english`` with ``unaccent`` before the
stemmer, so "São Paulo" finds "Sao Paulo".  Beside each articles table is its
vocabulary (folded words, ``<table>_words``, read through the view
``archive_words``) with a trigram index: "did you mean", wildcards and fuzzy
words read it; a rebuild makes it anew, so the words of a purged article leave
it then.  Bodies are not stored: snippets are drawn from the store's text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from ..models import ArticleRecord
from ..text import fold
from .documents import document

#: Bumped when the layout changes; ``MIGRATIONS`` brings an older one up to date, else it is rebuilt.
SCHEMA_VERSION = 2
#: version -> the statements that bring a schema of that version to the next one.
MIGRATIONS: dict[int, list[str]] = {}
CONFIG = "archive_english"
VIEW = "archive_articles"
WORDS_VIEW = "archive_words"
TABLE_PREFIX = "archive_articles_"
#: Columns of an articles table, in COPY order (``tsv`` is computed from the staged text).
COLUMNS = ("id", "version", "digest", "title", "outlet", "author", "outlet_f", "author_f", "authors", "page_f",
           "pages", "date", "day", "year", "month", "review", "withdrawn", "outlets", "tags", "tag_f")
_WORD_RE = re.compile(r"[^\W\d_]{2,30}")

INSTALL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS fuzzystrmatch",
    f"""DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
            CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = english);
            ALTER TEXT SEARCH CONFIGURATION {CONFIG}
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
        END IF;
    END $$""",
    "CREATE TABLE IF NOT EXISTS archive_meta (schema_version integer NOT NULL, live text)",
]


def table_ddl(name: str) -> list[str]:
    """The statements that make one articles table (a build's, until it is swapped in)."""
    return [
        f"""CREATE TABLE {name} (
            id text PRIMARY KEY, version integer NOT NULL, digest text NOT NULL, title text NOT NULL,
            outlet text NOT NULL, author text NOT NULL, outlet_f text NOT NULL, author_f text NOT NULL,
            authors text[] NOT NULL, page_f text NOT NULL, pages text[] NOT NULL, date text NOT NULL,
            day date, year text NOT NULL, month text NOT NULL, review boolean NOT NULL,
            withdrawn boolean NOT NULL, outlets text[] NOT NULL, tags text[] NOT NULL, tag_f text NOT NULL,
            tsv tsvector NOT NULL)""",
        # The GIN index only: with an index on dates or outlets the planner would filter a date range's
        # thousands of rows by their tsvectors (out of line, each unpacked: 24 ms at 10k) rather than
        # ask the GIN index for the few that match (2 ms).  Filters without words read the table (narrow
        # rows: the tsvectors are stored apart).
        f"CREATE INDEX {name}_tsv ON {name} USING gin (tsv)",
        f"CREATE TABLE {name}_words (word text PRIMARY KEY)",
        f"CREATE INDEX {name}_words_trgm ON {name}_words USING gin (word gin_trgm_ops)",
        f"CREATE INDEX {name}_words_prefix ON {name}_words (word text_pattern_ops)",
    ]


def view_ddl(name: str) -> list[str]:
    """Point the readers' views at the articles table ``name`` and its words."""
    return [f"DROP VIEW IF EXISTS {VIEW}", f"DROP VIEW IF EXISTS {WORDS_VIEW}",
            f"CREATE VIEW {VIEW} AS SELECT * FROM {name}", f"CREATE VIEW {WORDS_VIEW} AS SELECT * FROM {name}_words"]


def staging_ddl() -> str:
    """A temporary table a batch is copied into before it is upserted with its tsvector."""
    columns = ", ".join(f"{c} {_TYPES.get(c, 'text')}" for c in COLUMNS)
    return f"CREATE TEMP TABLE IF NOT EXISTS archive_load ({columns}, body text) ON COMMIT DELETE ROWS"


_TYPES = {"version": "integer", "authors": "text[]", "pages": "text[]", "day": "date", "review": "boolean",
          "withdrawn": "boolean", "outlets": "text[]", "tags": "text[]"}


def upsert_sql(table: str) -> str:
    """Move the staged batch into ``table``, computing each article's weighted tsvector."""
    names = ", ".join(COLUMNS)
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in (*COLUMNS[1:], "tsv"))
    tsv = (f"setweight(to_tsvector('{CONFIG}', title), 'A') || setweight(to_tsvector('{CONFIG}', outlet), 'B') "
           f"|| setweight(to_tsvector('{CONFIG}', author), 'C') || setweight(to_tsvector('{CONFIG}', body), 'D')")
    return (f"INSERT INTO {table} ({names}, tsv) SELECT {names}, {tsv} FROM archive_load "
            f"ON CONFLICT (id) DO UPDATE SET {updates}")


def row(record: ArticleRecord) -> tuple[Any, ...]:
    """One article as a staged row (``COLUMNS`` then the body)."""
    doc = document(record)
    day = dt.date.fromordinal(doc["day"]) if doc["day"] else None
    # each name of a credit folded (what --author and --outlet match), and the tags as labels
    authors, outlets, tags, pages = ([v for v in doc[k].split(",") if v]
                                     for k in ("author_k", "outlet_k", "tag", "page"))
    return (doc["id"], doc["version"], doc["digest"], doc["title"], doc["outlet"], doc["author"], doc["outlet_f"],
            doc["author_f"], authors, doc["page_f"], pages, doc["date"], day, doc["year"], doc["month"],
            bool(record.review), bool(record.withdrawn), outlets, tags, doc["tag_f"], doc["body"])


def words_of(records: Iterable[ArticleRecord]) -> list[str]:
    """The folded words of a batch, for the words table ("did you mean", wildcards, fuzzy words)."""
    found: set[str] = set()
    for record in records:
        for text in (record.title, record.body, record.outlet or "", record.author or ""):
            found.update(_WORD_RE.findall(fold(text)))
    return sorted(found)
