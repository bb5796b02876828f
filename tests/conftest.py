"""Shared fixtures: an archive in a temporary folder, an in-memory index, the test pages."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from archive.api import Archive
from archive.config import load_config, render_default_config
from archive.search import WhooshIndex

DATA = Path(__file__).parent / "data"
PAGES = DATA / "pages"
MOSUL = PAGES / "dev" / "mosul-compilation.txt"
#: The shared labelled corpora beside the repository (real pages are never copied into it).
SHARED_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
#: The crash tests' programs arm archive's fault points from here (see faults/sitecustomize.py): only
#: processes started by the tests can be told to kill themselves.
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(Path(__file__).parent / "faults"),
                                                       os.environ.get("PYTHONPATH")) if p)


def page_pairs(corpus: str, *, shared: bool = False) -> list[tuple[Path, dict]]:
    """(page file, ground truth) for every labelled page of a corpus in tests/data/pages, or, with
    ``shared``, in ../shared/corpus (skipping the test with a clear message when it is not there)."""
    folder = (SHARED_CORPUS if shared else PAGES) / corpus
    if shared and not folder.is_dir():
        pytest.skip(f"{folder} not found: the tests on real pages need ../shared/corpus beside the repository")
    pairs = []
    for gold in sorted(folder.glob("*.json")):
        page = next((gold.with_suffix(s) for s in (".txt", ".html") if gold.with_suffix(s).exists()), None)
        if page is not None:
            pairs.append((page, json.loads(gold.read_text(encoding="utf-8"))))
    return pairs


@pytest.fixture
def archive_dir(tmp_path: Path) -> Path:
    (tmp_path / "archive.toml").write_text(render_default_config(), encoding="utf-8")
    return tmp_path


@pytest.fixture
def archive(archive_dir: Path) -> Archive:
    return Archive(load_config(archive_dir / "archive.toml"))


@pytest.fixture
def cli_run(archive_dir: Path, monkeypatch: pytest.MonkeyPatch):
    """Run the CLI in the archive folder, end to end; checks the exit code and that no traceback shows."""
    from click.testing import CliRunner

    from archive.cli import cli

    monkeypatch.chdir(archive_dir)
    monkeypatch.delenv("ARCHIVE_CONFIG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    runner = CliRunner()

    def invoke(*args: str, code: int = 0, stdin: bytes | None = None):
        result = runner.invoke(cli, list(args), catch_exceptions=False, input=stdin)
        assert result.exit_code == code, result.output + result.stderr
        assert "Traceback" not in result.output + result.stderr
        return result

    return invoke


@pytest.fixture
def ram_index() -> WhooshIndex:
    index = WhooshIndex(None)
    index.create()
    return index


@pytest.fixture(scope="session")
def pg_server():
    """The base address of a PostgreSQL server for the tests: ``ARCHIVE_TEST_PG_URL``, or a throwaway
    cluster started here and stopped at the end.  Outside CI, no server means the tests skip, saying why;
    in CI (``CI`` set) it is an error."""
    import pgserver

    given = os.environ.get(pgserver.URL_ENV)
    if given:
        yield given
        return
    try:
        cluster = pgserver.start_cluster()
    except (RuntimeError, OSError) as exc:
        if os.environ.get("CI"):
            pytest.fail(f"no PostgreSQL server could be started for the tests: {exc}")
        pytest.skip(f"no PostgreSQL server could be started ({exc}); install Debian's postgresql and "
                    f"postgresql-contrib, or set {pgserver.URL_ENV}")
    try:
        yield cluster.url()
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_server):
    """A new, empty database on the test server, dropped afterwards."""
    import pgserver

    url = pgserver.create_database(pg_server)
    yield url
    pgserver.drop_database(pg_server, url)
