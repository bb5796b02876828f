"""The PostgreSQL engine: the archive's index on a server, behind the ``SearchIndex`` interface.

psycopg is imported here only.  Every command opens one connection; what
fails on the server (unreachable, a wrong address, refused credentials, a
read-only standby asked to write) is a one-line ``SearchIndexError`` naming
the server without its password.  The layout and its migration are in
``pg_schema``; the query language is translated by ``pg_query``.  A rebuild
fills a new table beside the live one and points the readers' view at it in
one transaction, so searches keep answering until then; the replaced table is
a leftover until ``clear_leftovers``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import psycopg
from psycopg import errors

from ..errors import ArchiveError, QueryError, SearchIndexError
from ..models import ArticleRecord, IndexState
from ..text import name_key, tag_label
from . import pg_schema as schema
from .budget import MAX_EXPANSION, SEARCH_SECONDS, suggests, timeout_error
from .documents import FACET_FIELDS
from .index import HL_CLOSE, HL_OPEN, RawHit, RawResult, SearchIndex, SearchRequest
from .pg_query import OPERATORS, compile_query, plain_words, replace_word
from .pg_text import driver_message, shown_url
from .query import QUERY_FIELDS, date_bound
from .results import excerpt

_HEADLINE = (f'StartSel="{HL_OPEN}", StopSel="{HL_CLOSE}", MaxWords=30, MinWords=12, MaxFragments=2, '
             f'FragmentDelimiter=" … "')
#: Articles written between two ANALYZEs of the table (the planner's statistics).
_ANALYZE_EVERY = 2_000


class PostgresIndex:
    """The archive's index in a PostgreSQL database; without ``table`` it is the live index."""

    def __init__(self, url: str, *, lock_timeout: float = 30.0, table: str | None = None) -> None:
        self.path: Path | None = None
        self.url = url
        self.where = shown_url(url)
        self.lock_timeout = lock_timeout
        self._table = table
        self._conn: Any = None
        self._written = 0
        #: The query being searched for, while one is (a statement stopped then is the search's timeout).
        self._query: str | None = None

    # ------------------------------------------------------------ connection

    def _connect(self) -> Any:
        if self._conn is None or self._conn.closed:
            try:
                self._conn = psycopg.connect(self.url, autocommit=True, connect_timeout=5)
            except psycopg.Error as exc:
                raise SearchIndexError(f"cannot reach the PostgreSQL index at {self.where}: {driver_message(exc)} "
                                       f"(check index.url or ARCHIVE_INDEX_URL, and that the server runs)") from None
        return self._conn

    @contextmanager
    def _cursor(self, *, write: bool = False) -> Iterator[Any]:
        """A cursor in one transaction; a server error becomes a one-line ``SearchIndexError``."""
        conn = self._connect()
        try:
            with conn.transaction(), conn.cursor() as cur:
                if write:
                    cur.execute(f"SET LOCAL lock_timeout = '{int(self.lock_timeout * 1000)}ms'")
                yield cur
        except ArchiveError:
            raise
        except errors.QueryCanceled as exc:
            if self._query is not None:  # a search past its time: the query's own error, not the index's
                raise timeout_error(self._query) from None
            raise SearchIndexError(f"the PostgreSQL index at {self.where} stopped a statement: "
                                   f"{driver_message(exc)}") from None
        except (errors.SyntaxError, errors.InvalidTextRepresentation) as exc:
            raise QueryError(f"the query cannot be read: {driver_message(exc)}", query="") from None
        except errors.ReadOnlySqlTransaction:
            raise SearchIndexError(f"{self.where} is a read-only server (a standby): write to the primary") from None
        except psycopg.OperationalError as exc:
            self.close()
            raise SearchIndexError(f"the PostgreSQL index at {self.where} failed: {driver_message(exc)}") from None
        except psycopg.Error as exc:
            raise SearchIndexError(f"the PostgreSQL index at {self.where} failed: {driver_message(exc)}") from None

    def _meta(self) -> tuple[int, str | None] | None:
        with self._cursor() as cur:
            cur.execute("SELECT to_regclass('archive_meta') IS NOT NULL")
            if not cur.fetchone()[0]:
                return None
            cur.execute("SELECT schema_version, live FROM archive_meta")
            found = cur.fetchone()
        return (int(found[0]), found[1]) if found else None

    def _live(self) -> str:
        if self._table is not None:
            return self._table
        meta = self._meta()
        if meta is None or meta[1] is None:
            raise SearchIndexError(f"{self.where}: no index has been built in this database yet; "
                                   f"run `archive reindex`")
        return meta[1]

    def _source(self) -> str:
        """What readers query: the view (followed across swaps), or a build's own table."""
        return self._table or schema.VIEW

    def _words(self) -> str:
        return f"{self._table}_words" if self._table else schema.WORDS_VIEW

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # ------------------------------------------------------------ lifecycle

    def state(self) -> IndexState:
        """Whether the index can be used: missing, stale (another layout, no migration), broken or ok.
        An older layout with a migration is migrated here, on start."""
        meta = self._meta()
        if meta is None or (meta[1] is None and self._table is None):
            return IndexState.MISSING
        if meta[0] != schema.SCHEMA_VERSION and not self._migrate(meta[0]):
            return IndexState.STALE
        with self._cursor() as cur:
            cur.execute("SELECT to_regclass(%s) IS NOT NULL", [self._table or meta[1]])
            present = cur.fetchone()[0]
        return IndexState.OK if present else IndexState.BROKEN

    def _migrate(self, version: int) -> bool:
        """Bring an older layout up to date, under an advisory lock; False when no migration leads there."""
        steps = []
        while version in schema.MIGRATIONS:
            steps.extend(schema.MIGRATIONS[version])
            version += 1
        if version != schema.SCHEMA_VERSION:
            return False
        with self._cursor(write=True) as cur:
            cur.execute("SELECT pg_advisory_xact_lock(hashtext('archive_meta'))")
            cur.execute("SELECT schema_version FROM archive_meta")
            if cur.fetchone()[0] != schema.SCHEMA_VERSION:
                for statement in steps:
                    cur.execute(statement)
                cur.execute("UPDATE archive_meta SET schema_version = %s", [schema.SCHEMA_VERSION])
        return True

    def owns_folder(self) -> bool:
        return True

    def check_folder(self) -> None:
        """A database has no folder to refuse; the connection is checked instead."""
        self._connect()

    def build(self) -> PostgresIndex:
        """A new, empty articles table beside the live one, which keeps answering until ``swap_in``."""
        with self._cursor(write=True) as cur:
            cur.execute("SELECT pg_advisory_xact_lock(hashtext('archive_meta'))")
            for statement in schema.INSTALL:
                cur.execute(statement)
            cur.execute("INSERT INTO archive_meta SELECT %s, NULL WHERE NOT EXISTS (SELECT 1 FROM archive_meta)",
                        [schema.SCHEMA_VERSION])
            cur.execute("SELECT coalesce(max(substring(tablename FROM '[0-9]+$')::int), 0) + 1 FROM pg_tables "
                        "WHERE schemaname = current_schema() AND tablename ~ %s", [f"^{schema.TABLE_PREFIX}[0-9]+$"])
            name = f"{schema.TABLE_PREFIX}{cur.fetchone()[0]}"
            for statement in schema.table_ddl(name):
                cur.execute(statement)
        return PostgresIndex(self.url, lock_timeout=self.lock_timeout, table=name)

    def swap_in(self, built: SearchIndex) -> None:
        """Point the readers' view at ``built``'s table, in one transaction."""
        if not isinstance(built, PostgresIndex) or built._table is None:
            raise TypeError("swap_in takes an index from this index's build()")
        with self._cursor(write=True) as cur:
            cur.execute(f"ANALYZE {built._table}")
            cur.execute(f"ANALYZE {built._table}_words")
            for statement in schema.view_ddl(built._table):
                cur.execute(statement)
            cur.execute("UPDATE archive_meta SET live = %s, schema_version = %s", [built._table, schema.SCHEMA_VERSION])
        built.close()

    def leftovers(self) -> list[str]:
        """Articles tables that are not live: a replaced one, a killed build (or one in progress)."""
        meta = self._meta()
        if meta is None:
            return []
        with self._cursor() as cur:
            cur.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename ~ %s "
                        "ORDER BY 1", [f"^{schema.TABLE_PREFIX}[0-9]+$"])
            return [name for (name,) in cur.fetchall() if name != meta[1]]

    def clear_leftovers(self) -> int:
        found = self.leftovers()
        with self._cursor(write=True) as cur:
            for name in found:
                cur.execute(f"DROP TABLE IF EXISTS {name}, {name}_words")
        return len(found)

    def create(self) -> None:
        self.swap_in(self.build())
        self.clear_leftovers()

    def doc_count(self) -> int:
        with self._cursor() as cur:
            cur.execute(f"SELECT count(*) FROM {self._source()}")
            return int(cur.fetchone()[0])

    # ------------------------------------------------------------ writing

    def write(self, records: Iterable[ArticleRecord], *, delete: Iterable[str] = (), procs: int = 1) -> int:
        """Upsert ``records`` (copied in with COPY) and delete ``delete`` ids in one transaction."""
        table = self._live()
        count = 0
        words: set[str] = set()
        with self._cursor(write=True) as cur:
            cur.execute(schema.staging_ddl())
            gone = list(delete)
            if gone:
                cur.execute(f"DELETE FROM {table} WHERE id = ANY(%s)", [gone])
            with cur.copy(f"COPY archive_load ({', '.join(schema.COLUMNS)}, body) FROM STDIN") as copy:
                for record in records:
                    copy.write_row(schema.row(record))
                    words.update(schema.words_of([record]))
                    count += 1
            if count:
                cur.execute(schema.upsert_sql(table))
                cur.execute(f"INSERT INTO {table}_words SELECT unnest(%s::text[]) ON CONFLICT DO NOTHING",
                            [sorted(words)])
        self._written += count
        return count

    def tidy(self) -> int:
        """Refresh the planner's statistics after many writes; a table has no segments to merge."""
        if self._written >= _ANALYZE_EVERY:
            with self._cursor() as cur:
                cur.execute(f"ANALYZE {self._live()}")
            self._written = 0
        return 1

    def stored(self) -> dict[str, tuple[int, str]]:
        with self._cursor() as cur:
            cur.execute(f"SELECT id, version, digest FROM {self._source()}")
            return {i: (int(v), d) for i, v, d in cur.fetchall()}

    # ------------------------------------------------------------ searching

    def _expand(self, pattern: str, edits: int | None) -> list[str]:
        """The words of the words table a LIKE pattern, or a word within ``edits`` edits, stands for."""
        with self._cursor() as cur:
            if edits is None:
                cur.execute(f"SELECT word FROM {self._words()} WHERE word LIKE %s LIMIT %s",
                            [pattern, MAX_EXPANSION + 1])
            else:
                cur.execute(f"SELECT word FROM {self._words()} WHERE length(word) BETWEEN %s AND %s "
                            "AND levenshtein_less_equal(word, %s, %s) <= %s LIMIT %s",
                            [len(pattern) - edits, len(pattern) + edits, pattern, edits, edits, MAX_EXPANSION + 1])
            return [w for (w,) in cur.fetchall()]

    def search(self, request: SearchRequest, *, body_for: Callable[[str], str] | None = None) -> RawResult:
        self._query = request.text
        try:
            return self._search(request, body_for)
        finally:
            self._query = None

    def _search(self, request: SearchRequest, body_for: Callable[[str], str] | None) -> RawResult:
        conds, params, rank, rank_params = ["NOT d.withdrawn"], [], None, []
        if request.text.strip():
            compiled = compile_query(request.text, config=schema.CONFIG, expand=self._expand)
            conds.append(compiled.where)
            params += compiled.params
            rank, rank_params = compiled.rank, compiled.rank_params
        # each name of a credit, whatever its case and accents; a tag by its label
        for column, key in (("outlets", name_key(request.outlet or "")), ("authors", name_key(request.author or "")),
                            ("tags", tag_label(request.tag or ""))):
            if key:
                conds.append(f"%s = ANY(d.{column})")
                params.append(key)
        for sql, value, end in (("d.day >= %s", request.since, False), ("d.day <= %s", request.until, True)):
            if value:
                conds.append(sql)
                params.append(_date(date_bound(value, end=end)))
        if request.needs_review:
            conds.append("d.review")
        score = f"ts_rank_cd(d.tsv, {rank})" if rank and request.sort == "relevance" else "0.0::real"
        order = {"newest": "date DESC, id", "oldest": "date, id"}.get(request.sort, "score DESC, date DESC, id")
        if rank is None and request.sort == "relevance":
            order = "date DESC, id"
        facets = "".join(f" UNION ALL SELECT 'f:{name}', {FACET_FIELDS[name]}, count(*), NULL FROM m GROUP BY 2"
                         for name in request.facets)
        limit, page = max(request.limit, 1), max(request.page, 1)
        statement = (f"WITH m AS MATERIALIZED (SELECT d.id, d.date, d.outlet_f, d.author_f, d.year, d.month, "
                     f"d.page_f, d.tag_f, {score} AS score FROM {self._source()} d WHERE {' AND '.join(conds)}) "
                     f"SELECT 'total', NULL, count(*), NULL::real FROM m{facets} "
                     f"UNION ALL (SELECT 'hit', id, NULL, score FROM m ORDER BY {order} LIMIT %s OFFSET %s)")
        all_params = (rank_params if score != "0.0::real" else []) + params + [limit, (page - 1) * limit]
        with self._cursor() as cur:
            cur.execute(f"SET LOCAL statement_timeout = '{int(SEARCH_SECONDS * 1000)}ms'")
            if request.text.strip():
                # The tsvectors live out of line (TOAST), so the table looks small and the planner reads it
                # whole, unpacking every tsvector (70 ms at 10k articles) instead of asking the GIN index (2 ms).
                cur.execute("SET LOCAL enable_seqscan = off")
            cur.execute(statement, all_params)
            rows = cur.fetchall()
            total = next(int(n) for kind, _, n, _ in rows if kind == "total")
            found: dict[str, list[tuple[str, int]]] = {name: [] for name in request.facets}
            for kind, key, n, _ in rows:
                if kind.startswith("f:") and key not in (None, ""):
                    found[kind[2:]].append((str(key), int(n)))
            hits = [(key, float(s or 0.0)) for kind, key, _, s in rows if kind == "hit"]
            fields = self._fields(cur, [i for i, _ in hits])
            snippets = self._snippets(cur, [i for i, _ in hits], rank, rank_params, request, body_for)
        counted = {name: sorted(values, key=lambda kv: (-kv[1], kv[0])) for name, values in found.items()}
        raw = [RawHit(fields[i], s, snippets[n]) for n, (i, s) in enumerate(hits) if i in fields]
        corrected, found_then = self._correct(request) if total == 0 and suggests(request.text) else (None, 0)
        return RawResult(total, raw, counted, corrected, found_then)

    def _fields(self, cur: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
        cur.execute(f"SELECT id, version, digest, title, outlet, author, date, pages FROM {self._source()} "
                    f"WHERE id = ANY(%s)", [ids])
        return {r[0]: {"id": r[0], "version": r[1], "digest": r[2], "title": r[3], "outlet": r[4], "author": r[5],
                       "date": r[6], "page": ",".join(r[7])} for r in cur.fetchall()}

    def _snippets(self, cur: Any, ids: list[str], rank: str | None, rank_params: list[Any],
                  request: SearchRequest, body_for: Callable[[str], str] | None) -> list[str]:
        if not request.snippets or body_for is None:
            return [""] * len(ids)
        bodies = [body_for(i) for i in ids]
        if rank is None or not ids:
            return [b[:240] for b in bodies]
        # ts_headline reads the whole text it is given (1 ms an article): give it only the windows where the
        # query's words are likely found, as the Whoosh engine does.
        stems = [w for w in re.findall(r"\w+", request.text) if w not in QUERY_FIELDS and w not in OPERATORS]
        bodies = [excerpt(b, stems) for b in bodies]
        cur.execute(f"SELECT ts_headline('{schema.CONFIG}', b, {rank}, %s) FROM unnest(%s::text[]) "
                    f"WITH ORDINALITY AS t(b, n) ORDER BY n", [*rank_params, _HEADLINE, bodies])
        return [h or b[:240] for (h,), b in zip(cur.fetchall(), bodies, strict=True)]

    def _correct(self, request: SearchRequest) -> tuple[str | None, int]:
        """A query with each unknown word replaced by the nearest known one, and how many articles it finds
        with the same filters; (None, 0) when it finds nothing."""
        text, changed = request.text, False
        for word in set(plain_words(text)):
            with self._cursor() as cur:
                cur.execute(f"SELECT word FROM {self._words()} WHERE word = %s", [word.lower()])
                if cur.fetchone():
                    continue
                cur.execute(f"SELECT word FROM {self._words()} WHERE word %% %s ORDER BY word <-> %s, word LIMIT 1",
                            [word.lower(), word.lower()])
                found = cur.fetchone()
            if found:
                text, changed = replace_word(text, word, found[0]), True
        if not changed:
            return None, 0
        try:
            again = self._search(replace(request, text=text, limit=1, page=1, facets=(), snippets=False), None)
        except ArchiveError:
            return None, 0
        return (text, again.total) if again.total else (None, 0)

    def similar(self, object_id: str, text: str, *, limit: int = 10) -> list[RawHit]:
        """The articles sharing most of one article's key terms (frequent in it, rare in the archive)."""
        with self._cursor() as cur:
            cur.execute(f"SELECT count(*) FROM {self._source()}")
            total = max(int(cur.fetchone()[0]), 1)
            cur.execute(f"SELECT t.lexeme, cardinality(t.positions), (SELECT count(*) FROM {self._source()} o "
                        f"WHERE o.tsv @@ quote_literal(t.lexeme)::tsquery) FROM {self._source()} d, "
                        f"unnest(d.tsv) t WHERE d.id = %s AND length(t.lexeme) > 2 "
                        f"ORDER BY cardinality(t.positions) DESC, t.lexeme LIMIT 30", [object_id])
            terms = cur.fetchall()
            if not terms:
                return []
            weighted = sorted(terms, key=lambda t: -t[1] * math.log(total / max(t[2], 1)))[:12]
            q = " | ".join("'" + lexeme.replace("'", "''") + "'" for lexeme, _, _ in weighted)
            cur.execute(f"SELECT d.id, d.title, d.outlet, d.author, d.date, ts_rank_cd(d.tsv, %s::tsquery) AS s "
                        f"FROM {self._source()} d WHERE d.tsv @@ %s::tsquery AND NOT d.withdrawn AND d.id <> %s "
                        f"ORDER BY s DESC, d.id LIMIT %s", [q, q, object_id, limit])
            return [RawHit({"id": i, "title": t, "outlet": o, "author": a, "date": d}, float(s), "")
                    for i, t, o, a, d, s in cur.fetchall()]


def _date(ordinal: int) -> dt.date:
    return dt.date.fromordinal(ordinal)

