"""The page generator: gold consistent with the printed page, determinism, coverage, no real text."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

import archive.train.pagegen as pagegen
from archive.train.pagegen import LAYOUTS, ROLES, GeneratedPage, generate_page, write_corpus

ROOT = Path(__file__).parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"
NO_REAL = "../shared/corpus not found: skipping the check that no real text or name appears in generated pages"
SOURCES = sorted(Path(pagegen.__file__).parent.glob("*.py"))
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "td", "th", "tr", "table", "tbody",
              "thead", "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "figure",
              "figcaption", "hr", "address", "dl", "dt", "dd", "pre", "form", "center", "body", "html"}
SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title"}
PAGES_PER_LAYOUT = 2


def squash(text: str) -> str:
    return " ".join(text.split())


def html_lines(data: bytes) -> list[str]:
    """Visible text lines of an HTML page: each block element and each <br> ends a line."""
    root = lxml.html.document_fromstring(data.decode("utf-8"))
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = squash("".join(buf))
        if text:
            lines.append(text)
        buf.clear()

    def walk(el: lxml.html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            flush()
        elif tag and tag not in SKIP_TAGS:
            block = tag in BLOCK_TAGS
            if block:
                flush()
            buf.append(el.text or "")
            for child in el:
                walk(child)
            if block:
                flush()
        buf.append(el.tail or "")

    body = root.find("body")
    assert body is not None
    walk(body)
    flush()
    return lines


def visible_lines(page: GeneratedPage) -> list[str]:
    if page.suffix == ".html":
        return html_lines(page.data)
    return [squash(line) for line in page.data.decode("utf-8").splitlines() if squash(line)]


PAGES = [generate_page(random.Random(1000 * k + seed), layout=name)
         for k, name in enumerate(sorted(LAYOUTS)) for seed in range(PAGES_PER_LAYOUT)]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_lines_equal_visible_text(page):
    assert [ln["text"] for ln in page.gold["lines"]] == visible_lines(page)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_gold_matches_printed_lines(page):
    gold = page.gold
    lines = gold["lines"]
    assert gold["layout"] == page.layout and page.suffix in (".txt", ".html")
    assert {ln["role"] for ln in lines} <= set(ROLES)
    arts = gold["articles"]
    assert 1 <= len(arts) <= 10
    # each article's lines are one contiguous run, in article order, starting with the one 'start' line
    order = [ln["article"] for ln in lines if ln["article"] is not None]
    assert order == sorted(order) and set(order) == set(range(len(arts)))
    page_text = " ".join(ln["text"] for ln in lines).lower()
    for k, art in enumerate(arts):
        mine = [ln for ln in lines if ln["article"] == k]
        first = lines.index(mine[0])
        assert all(ln["article"] in (k, None) for ln in lines[first:first + len(mine)])
        assert [ln["start"] for ln in mine] == [True] + [False] * (len(mine) - 1)
        text = " ".join(ln["text"] for ln in mine)
        body = " ".join(ln["text"] for ln in mine if ln["role"] in ("body", "title"))
        assert art["title"] and art["title"] in text, art["title"]
        assert art["first_words"] in body and art["last_words"] in body
        assert body.index(art["first_words"]) <= body.rindex(art["last_words"]) + len(art["last_words"])
        for part in (art["byline_raw"] or "").splitlines():
            assert part in text
        for key in ("outlet", "author"):  # printed (maybe in capitals) in the item or, for a one-source page, on top
            for name in (art[key] or "").split("; ") if art[key] else ():
                assert name.lower() in page_text or name.split()[-1].lower() in text.lower(), name
        assert art["date"] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", art["date"])
    assert not any(ln["start"] for ln in lines if ln["article"] is None)
    roles = {ln["role"] for ln in lines}
    if gold["page_title"]:
        assert gold["page_title"] in " ".join(ln["text"] for ln in lines if ln["role"] == "page_title")
    if gold["fair_use_note"]:
        assert gold["fair_use_note"] in [ln["text"] for ln in lines if ln["role"] == "fair_use"]
    else:
        assert "fair_use" not in roles or gold["truncated"]
    assert "title" in roles


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_articles_in_page_order(page):
    text = " ".join(ln["text"] for ln in page.gold["lines"])
    at = 0
    for art in page.gold["articles"]:
        at = text.index(art["first_words"], at)
        at = text.index(art["last_words"], at)


def test_truncated_pages_are_cut_near_2000_bytes():
    cut = [p for p in (generate_page(random.Random(k), kind="txt") for k in range(60)) if p.gold["truncated"]]
    assert len(cut) >= 10, "some text pages should be truncated"
    mid_body = 0
    for page in cut:
        assert page.suffix == ".txt" and 1000 <= len(page.data) <= 3400
        last = page.gold["articles"][-1]
        mid_body += squash(page.data.decode("utf-8")).endswith(last["last_words"])
    assert mid_body >= len(cut) // 3  # most cuts fall inside the last article's body


def test_every_layout_can_be_generated():
    assert len(LAYOUTS) >= 30
    assert {p.layout for p in PAGES} == set(LAYOUTS)
    assert {f.fmt for f in LAYOUTS.values()} == {"txt", "html"}


def test_kind_restricts_format():
    rng = random.Random(3)
    assert {generate_page(rng, kind="html").suffix for _ in range(10)} == {".html"}
    assert {generate_page(rng, kind="txt").suffix for _ in range(10)} == {".txt"}
    assert generate_page(rng, kind="text").suffix == ".txt"
    with pytest.raises(ValueError, match="kind must be"):
        generate_page(rng, kind="pdf")
    with pytest.raises(ValueError, match="no layout family"):
        generate_page(rng, layout="no_such_layout")


def test_deterministic_for_a_seed(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    write_corpus(a, 12, seed=5)
    write_corpus(b, 12, seed=5)
    files = sorted(p.name for p in a.iterdir())
    assert files == sorted(p.name for p in b.iterdir()) and len(files) == 24
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
    assert generate_page(random.Random(9)).data == generate_page(random.Random(9)).data
    assert generate_page(random.Random(9)).data != generate_page(random.Random(10)).data


def test_written_gold_loads_as_scorer_format(tmp_path):
    write_corpus(tmp_path, len(LAYOUTS), seed=2)
    golds = sorted(tmp_path.glob("*.json"))
    assert len(golds) == len(LAYOUTS)
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert any(path.with_suffix(s).exists() for s in (".txt", ".html"))
        for art in gold["articles"]:
            assert set(art) >= {"title", "outlet", "author", "date", "first_words", "last_words", "byline_raw"}
    assert {json.loads(p.read_text(encoding="utf-8"))["layout"] for p in golds} == set(LAYOUTS)


def test_command_line(tmp_path):
    run = subprocess.run([sys.executable, "-m", "archive.train.pagegen", str(tmp_path), "--n", "3", "--seed", "4"],
                         capture_output=True, text=True, check=True)
    assert "wrote 3 pages" in run.stdout
    assert len(list(tmp_path.glob("*.json"))) == 3


@pytest.fixture(scope="module")
def generated_text() -> list[str]:
    """The visible text of 300 pages of random layouts, one string a page."""
    rng = random.Random(11)
    return [" ".join(ln["text"] for ln in generate_page(rng).gold["lines"]) for _ in range(300)]


@pytest.mark.skipif(not REAL.is_dir(), reason=NO_REAL)
def test_no_real_text_in_generated_pages(generated_text):
    """No 40-character window of a real page occurs in 300 generated pages or in the generator's source."""
    size = 40
    windows: dict[str, str] = {}
    for path in sorted(REAL.glob("*.txt")):
        real = squash(path.read_text(encoding="utf-8"))
        for k in range(max(len(real) - size, 0) + 1):
            windows.setdefault(real[k:k + size], path.name)
    texts = [*generated_text, *(squash(path.read_text(encoding="utf-8")) for path in SOURCES)]
    leaks = {(windows[t[k:k + size]], t[k:k + size]) for t in texts for k in range(max(len(t) - size, 0) + 1)
             if t[k:k + size] in windows}
    assert not leaks, sorted(leaks)[:10]


@pytest.mark.skipif(not REAL.is_dir(), reason=NO_REAL)
def test_no_real_names_in_generator(generated_text):
    """No outlet, author or site name of the real pages' labels (several words, or an acronym) is used."""
    names = set()
    for path in REAL.glob("*.json"):
        label = json.loads(path.read_text(encoding="utf-8"))
        names.add(label.get("site") or "")
        for art in label["articles"]:
            for key in ("outlet", "author"):
                names.update(n.strip() for n in re.split(r"[;&]", art.get(key) or ""))
    names = {n for n in names if " " in n or (n.isupper() and len(n) >= 3)}
    text = " ".join([*generated_text, *(path.read_text(encoding="utf-8") for path in SOURCES)])
    # one pattern for every name: it finds a name wherever any one of them occurs (longest first)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
    used = sorted(set(pattern.findall(text))) if names else []
    assert not used, used
