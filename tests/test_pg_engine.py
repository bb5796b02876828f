"""What only the PostgreSQL engine has: a server that may be away, a schema version and its migration,
and budgets kept on the server's words table."""

from __future__ import annotations

import psycopg
import pytest

from archive.errors import QueryError
from archive.models import IndexState
from archive.search import pg_query, pg_schema
from crashkit import run_archive
from enginekit import ARTICLES, page_of, write_config


@pytest.fixture
def pg_folder(tmp_path, pg_url):
    folder = tmp_path / "archive"
    folder.mkdir()
    write_config(folder, "postgresql", pg_url)
    (folder / "page.txt").write_text(page_of(ARTICLES), encoding="utf-8")
    added = run_archive(folder, "add", "page.txt")
    assert added.returncode == 0, added.stderr
    return folder


def one_line_error(result) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_an_unreachable_server_is_one_line_naming_it_without_its_password(tmp_path):
    import pgserver

    folder = tmp_path / "archive"
    folder.mkdir()
    write_config(folder, "postgresql", f"postgresql://archive:s3cret@127.0.0.1:{pgserver.free_port()}/archive")
    (folder / "page.txt").write_text(page_of(ARTICLES[:1]), encoding="utf-8")
    line = one_line_error(run_archive(folder, "add", "page.txt"))
    assert "cannot reach the PostgreSQL index at postgresql://archive@127.0.0.1:" in line
    assert "s3cret" not in line and "ARCHIVE_INDEX_URL" in line
    assert not (folder / "store").exists()  # refused before anything was stored
    assert "s3cret" not in one_line_error(run_archive(folder, "search", "glacier"))
    # an address the driver cannot read is quoted whole in its message: never shown
    write_config(folder, "postgresql", "postgresql://archive:s3cret@[::1")
    line = one_line_error(run_archive(folder, "search", "glacier"))
    assert "s3cret" not in line and "cannot reach the PostgreSQL index" in line


def test_a_database_that_does_not_exist_is_one_line(pg_folder, pg_url):
    write_config(pg_folder, "postgresql", pg_url.rsplit("/", 1)[0] + "/no_such_database")
    line = one_line_error(run_archive(pg_folder, "search", "glacier"))
    assert "no_such_database" in line and "does not exist" in line


def test_the_schema_version_is_kept_and_an_unknown_one_is_rebuilt(pg_folder, pg_url):
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert conn.execute("SELECT schema_version FROM archive_meta").fetchone()[0] == pg_schema.SCHEMA_VERSION
        conn.execute("UPDATE archive_meta SET schema_version = 999")
    searched = run_archive(pg_folder, "search", "glacier")
    assert searched.returncode == 0 and "schema version" in searched.stderr and "rebuilt" in searched.stderr
    assert "Glacier Retreat" in searched.stdout
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert conn.execute("SELECT schema_version FROM archive_meta").fetchone()[0] == pg_schema.SCHEMA_VERSION
        tables = [t for (t,) in conn.execute("SELECT tablename FROM pg_tables WHERE tablename LIKE 'archive_%' "
                                             "ORDER BY 1").fetchall()]
        assert tables == ["archive_articles_2", "archive_articles_2_words", "archive_meta"]  # the replaced ones dropped


def test_an_older_schema_is_migrated_on_start(pg_url, monkeypatch):
    from archive.search.pg_engine import PostgresIndex

    index = PostgresIndex(pg_url)
    assert index.state() == IndexState.MISSING
    index.create()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("UPDATE archive_meta SET schema_version = %s", [pg_schema.SCHEMA_VERSION - 1])
    monkeypatch.setitem(pg_schema.MIGRATIONS, pg_schema.SCHEMA_VERSION - 1,
                        ["CREATE TABLE archive_migration_ran (at timestamptz DEFAULT now())"])
    assert PostgresIndex(pg_url).state() == IndexState.OK
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert conn.execute("SELECT schema_version FROM archive_meta").fetchone()[0] == pg_schema.SCHEMA_VERSION
        assert conn.execute("SELECT to_regclass('archive_migration_ran') IS NOT NULL").fetchone()[0]
    index.close()


def test_patterns_are_bounded_by_the_words_they_stand_for(pg_folder, pg_url, monkeypatch):
    from archive.api import Archive
    from archive.config import load_config

    archive = Archive(load_config(pg_folder / "archive.toml"))
    assert archive.search("s*").total > 0
    monkeypatch.setattr(pg_query, "MAX_EXPANSION", 3)
    with pytest.raises(QueryError, match="stand for more than 3"):
        archive.search("s*")
    archive.index.close()


def test_reindex_full_prints_where_without_the_password(pg_folder, pg_url):
    reindexed = run_archive(pg_folder, "reindex", "--full")
    assert reindexed.returncode == 0, reindexed.stderr
    assert f"indexed {len(ARTICLES)} article(s) of {len(ARTICLES)} into postgresql://postgres@" in reindexed.stdout


def test_a_statement_the_server_stops_is_one_error_a_search_its_own_timeout(pg_url):
    from archive.errors import SearchIndexError
    from archive.search.pg_engine import PostgresIndex

    index = PostgresIndex(pg_url)
    try:
        with pytest.raises(SearchIndexError, match="stopped a statement"), index._cursor() as cur:
            cur.execute("SET LOCAL statement_timeout = 20")  # a role's or an address's own setting, say
            cur.execute("SELECT pg_sleep(2)")
        index._query = "glacier"  # while a search runs, it is the search that was stopped
        with pytest.raises(QueryError, match="was stopped"), index._cursor() as cur:
            cur.execute("SET LOCAL statement_timeout = 20")
            cur.execute("SELECT pg_sleep(2)")
    finally:
        index.close()
