"""Hostile and broken input: one line naming the file and the problem, a non-zero exit,
and the store and index exactly as they were."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive import errors
from archive.extract import split_bytes
from conftest import DATA, MOSUL

BAD = sorted((DATA / "bad").iterdir())
ODD = DATA / "odd"


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its digest: what 'exactly as they were' compares."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "lock"}


@pytest.fixture
def run(cli_run):
    cli_run("add", "-q", str(MOSUL))
    return cli_run


def one_line_error(result, name: str) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"archive: error: {name}: "), lines[0]
    return lines[0]


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_bad_files_are_refused_in_one_line_and_change_nothing(run, archive_dir, path):
    kind = getattr(errors, path.name.split("_")[0])
    with pytest.raises(kind):
        split_bytes(path.read_bytes(), name=path.name)
    before = tree(archive_dir)
    one_line_error(run("add", str(path), code=1), str(path))
    assert tree(archive_dir) == before


def test_one_bad_page_among_good_ones_stores_nothing(run, archive_dir):
    before = tree(archive_dir)
    result = run("add", str(ODD / "cp1252_smart_quotes.txt"), str(BAD[0]), code=1)
    assert "nothing was added" in result.stderr and str(BAD[0]) in result.stderr
    assert tree(archive_dir) == before
    kept = run("add", "--keep-going", str(ODD / "cp1252_smart_quotes.txt"), str(BAD[0]), code=1)
    assert "1 page(s)" not in kept.stderr and "1 new" not in kept.stderr
    assert run("list", "--json").output.count('"id"') == 5


@pytest.mark.parametrize(("name", "warning"), [
    ("cp1252_smart_quotes.txt", "decoded as"),
    ("utf16_with_bom.txt", None),
    ("mojibake.txt", "repaired"),
    ("invalid_utf8_mixed.txt", "mixed UTF-8"),
])
def test_encodings_are_decoded_with_a_warning_when_guessed(name, warning):
    page = split_bytes((ODD / name).read_bytes(), name=name)
    article = page.articles[0]
    assert article.title == "Flood Warnings Issued Along the River"
    assert "“before the water rises,” the mayor’s office" in article.body and "Café" in article.body
    if warning:
        assert any(warning in w and name in w for w in page.warnings)
    else:
        assert not page.warnings


def test_entities_never_expand_and_no_local_file_is_read():
    bomb = split_bytes((ODD / "entity_bomb.xhtml").read_bytes(), name="bomb")
    assert bomb.articles[0].title == "Entity Test Headline"
    assert len(bomb.articles[0].body) < 200
    xxe = split_bytes((ODD / "external_entity.xhtml").read_bytes(), name="xxe")
    assert xxe.articles[0].title == "External Entity Headline"
    assert "root:" not in str(xxe.to_dict())


def test_scripts_comments_cdata_and_malformed_html():
    page = split_bytes((ODD / "scripts_comments_cdata.html").read_bytes(), name="s.html")
    text = str(page.to_dict())
    assert page.articles[0].title == "Real Headline Here"
    assert "Injected" not in text and "Commented" not in text and "var x" not in text
    broken = split_bytes((ODD / "malformed.html").read_bytes(), name="m.html")
    assert broken.articles and "Text with" in broken.articles[0].body


def test_huge_line_and_deep_nesting():
    page = split_bytes(b"word " * 1_000_000, name="line.txt")
    assert len(page.articles) == 1 and page.articles[0].review
    deep = ("<html><body>" + "<div>" * 10_000 + "<p>Deep text that must not be lost.</p>" + "</div>" * 10_000
            + "<p>After the deep part.</p></body></html>")
    page = split_bytes(deep.encode(), name="deep.html")
    assert "Deep text that must not be lost." in page.articles[0].body
    assert any("deep.html" in w for w in page.warnings)


def test_size_limit_from_the_config(run, archive_dir):
    (archive_dir / "archive.toml").write_text("[ingest]\nmax_page_bytes = 1000\n")
    before = tree(archive_dir)
    line = one_line_error(run("add", str(MOSUL), code=1), str(MOSUL))
    assert "max_page_bytes" in line
    assert tree(archive_dir) == before


def test_hostile_titles_make_safe_paths_and_clean_output(run, archive_dir):
    out = run("add", str(ODD / "hostile_titles.txt")).output
    assert "\x1b" not in out and "\x07" not in out
    store = archive_dir / "store"
    for path in store.rglob("*"):
        relative = path.relative_to(store)
        assert all(len(part.encode()) < 255 for part in relative.parts)
        assert path.resolve().is_relative_to(store.resolve())
    ids = [line.split()[1] for line in out.splitlines() if line.startswith("  new")]
    assert all(i.isascii() and ".." not in i for i in ids)
    assert any(i.endswith("/con-x") for i in ids)
    # Eight headline blocks, seven different texts: the NFC and NFD copies of one title are one article,
    # and articles that share a (guessed) title but not their text stay apart.
    assert len(set(ids)) == 7 and "  new version " not in out and "  repeated " in out
    listing = run("list").output
    assert "\u202e" not in listing and "\u200b" not in listing and "\x1b" not in listing
    shown = run("show", next(i for i in ids if "escape" in i)).output
    assert "Red" in shown
    assert "\x1b" not in shown and "\x07" not in shown
    title = next(t for t in run("list", "--json").output.split('"title": ')[1:] if "Owners" in t)
    assert unicodedata.is_normalized("NFC", title)


def test_folders_fifos_symlink_loops_unreadable_and_vanishing_files(run, archive_dir, tmp_path, monkeypatch):
    one_line_error(run("add", str(tmp_path), code=1), str(tmp_path))
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "not a regular file" in one_line_error(run("add", str(fifo), code=1), str(fifo))
    fifo.unlink()
    loop = tmp_path / "loop"
    loop.mkdir()
    (loop / "self").symlink_to(loop)
    shutil.copy(MOSUL, loop / "page.txt")
    assert "1 page(s)" in run("add", "--recursive", "-q", str(loop)).output
    original_open = open

    def refusing_open(file, *args, **kwargs):
        if str(file).endswith("locked.txt"):
            raise PermissionError(errno.EACCES, "Permission denied")
        if str(file).endswith("vanishing.txt"):
            raise FileNotFoundError(errno.ENOENT, "No such file or directory")
        return original_open(file, *args, **kwargs)

    for name in ("locked.txt", "vanishing.txt"):
        shutil.copy(MOSUL, tmp_path / name)
    monkeypatch.setattr("builtins.open", refusing_open)
    assert "Permission denied" in one_line_error(run("add", str(tmp_path / "locked.txt"), code=1),
                                                 str(tmp_path / "locked.txt"))
    assert "No such file" in one_line_error(run("add", str(tmp_path / "vanishing.txt"), code=1),
                                            str(tmp_path / "vanishing.txt"))


def test_disk_full_in_the_middle_of_an_add_rolls_back(run, archive_dir, tmp_path, monkeypatch):
    fixed = tmp_path / "fixed.txt"
    fixed.write_text(MOSUL.read_text(encoding="utf-8").replace("told RT.", "told RT on Friday.")
                     .replace("was a mistake.", "was a mistake, it said."), encoding="utf-8")
    before = tree(archive_dir)
    import archive.store._fs as store_module

    real_write = store_module.write
    for fail_at in (1, 3, 6, 12):
        calls = {"n": 0}

        def full_disk(path, data, calls=calls, fail_at=fail_at):
            calls["n"] += 1
            if calls["n"] == fail_at:
                raise OSError(errno.ENOSPC, "No space left on device")
            real_write(path, data)

        monkeypatch.setattr(store_module, "write", full_disk)
        line = one_line_error(run("add", str(fixed), code=1), str(fixed))
        assert "No space left on device" in line and "nothing of this page was stored" in line
        after = tree(archive_dir)
        assert {k: v for k, v in after.items() if "/staging/" not in k} == before
        assert not any("/staging/" in k for k in after)
    monkeypatch.setattr(store_module, "write", real_write)
    run("verify")
    assert "2 new version" in run("add", str(fixed)).output


def test_store_not_writable(run, archive_dir, monkeypatch):
    before = tree(archive_dir)
    import archive.store as store_module

    def denied(self):
        raise PermissionError(errno.EACCES, "Permission denied", str(self.work))

    monkeypatch.setattr(store_module.Store, "_staging", denied)
    other = DATA / "odd" / "cp1252_smart_quotes.txt"
    line = one_line_error(run("add", str(other), code=1), str(other))
    assert "Permission denied" in line
    assert tree(archive_dir) == before


def test_damaged_index_is_rebuilt_and_says_so(run, archive_dir):
    segments = [p for p in (archive_dir / "index").iterdir() if p.suffix in (".trm", ".pst", ".seg")]
    assert segments
    for segment in segments:
        segment.write_bytes(segment.read_bytes()[:10])
    result = run("search", "Mosul")
    assert "rebuilt it from the store" in result.stderr
    assert "4 of 4" in result.output or "of 4 article(s)" in result.output
    (archive_dir / "index" / "archive-schema.json").write_text("{not json")
    assert "rebuilt it from the store" in run("search", "Mosul").stderr
    run("verify")


def test_exit_codes(run):
    run("search", code=2)
    run("add", "--no-such-option", code=2)
    run("show", "nonsense id with spaces", code=1)
    run("verify")


@settings(max_examples=int(os.environ.get("ARCHIVE_FUZZ_EXAMPLES", "150")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=3000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.sampled_from(["<p>", "</p>", "<b>", "</b>", "<em>", "<br>", "<hr>", "<div class='entry-content'>",
                              "</div>", "<h2>", "</h2>", "<li>", "<!--", "-->", "<![CDATA[", "]]>", "<script>",
                              "&amp;", "&#0;", "&#x110000;", "\x00", "(October 20, 2016) — ", "By Jon Lockett, The Sun",
                              "RT News", "Headline Words Here", "Body text of a sentence.", "\n\n", " / ", "|"]),
             max_size=80).map(lambda parts: ("<html><body>" + "".join(parts)).encode("utf-8", "surrogatepass")),
))
def test_any_bytes_give_articles_or_an_archive_error(raw):
    try:
        page = split_bytes(raw, name="fuzz")
    except errors.ArchiveError as exc:
        assert str(exc).startswith("fuzz: ")
        return
    assert page.articles and all(a.body.strip() for a in page.articles)
