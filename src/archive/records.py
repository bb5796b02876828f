"""Articles as stored: identity, the files of an article object, and reading them back.

An article object holds ``article.md`` (front matter with every field, then
the text: pleasant in any editor) and ``meta.json`` (the same fields for
programs, with the identity key, sightings, corrections and withdrawal).
"""

from __future__ import annotations

import json
from typing import Any

from .models import ArticleRecord, Correction, Sighting
from .text import fold

#: Shingle size and the Jaccard similarity at or above which two bodies are one article.
#: Measured by bench/similarity_threshold.py on the test pages: two different articles
#: reach at most 0.045, a corrected copy (one of four sentences rewritten, a paragraph added,
#: the last of three dropped) at least 0.28.  Only articles of the same outlet and date are compared.
SHINGLE = 5
SAME_BODY = 0.2


def identity_key(outlet: str | None, title: str | None, date: str | None) -> str:
    return f"{fold(outlet)}|{fold(title)}|{date or ''}"


def shingles(text: str, size: int = SHINGLE) -> set[int]:
    """Hashes of the overlapping ``size``-word runs of ``text`` (folded)."""
    words = fold(text).split()
    if len(words) < size:
        return {hash(" ".join(words))} if words else set()
    return {hash(" ".join(words[i:i + size])) for i in range(len(words) - size + 1)}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of two texts' shingles: 1.0 for the same text, near 0 for unrelated ones."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def _front_matter(record: ArticleRecord) -> str:
    fields: list[tuple[str, Any]] = [
        ("id", record.id), ("title", record.title), ("subtitle", record.subtitle),
        ("standfirst", record.standfirst), ("outlet", record.outlet), ("author", record.author),
        ("date", record.date), ("date_text", record.date_text), ("section", record.section),
        ("review", record.review), ("review_reasons", list(record.review_reasons)),
        ("fair_use_note", record.fair_use_note), ("withdrawn", record.withdrawn),
    ]
    lines = ["---"]
    for key, value in fields:
        if value is None or value == []:
            continue
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("sightings:")
    for s in record.sightings:
        lines.append(f"  - page: {json.dumps(s.page_id)}")
        lines.append(f"    page_title: {json.dumps(s.page_title, ensure_ascii=False)}")
        lines.append(f"    page_date: {json.dumps(s.page_date)}")
        lines.append(f"    position: {s.position}")
    if record.corrections:
        lines.append("corrections:")
        for c in record.corrections:
            lines.append(f"  - field: {c.field}")
            lines.append(f"    value: {json.dumps(c.value, ensure_ascii=False)}")
            lines.append(f"    reason: {json.dumps(c.reason, ensure_ascii=False)}")
            lines.append(f"    time: {json.dumps(c.time)}")
    lines.append("---")
    return "\n".join(lines)


def record_files(record: ArticleRecord, key: str) -> dict[str, bytes]:
    """The files of an article object: ``article.md`` to read, ``meta.json`` for programs."""
    meta = record.to_dict()
    for name in ("body", "digest", "path", "version"):
        meta.pop(name)
    meta["key"] = key
    md = f"{_front_matter(record)}\n\n# {record.title}\n\n{record.body.rstrip()}\n"
    return {
        "article.md": md.encode("utf-8"),
        "meta.json": (json.dumps(meta, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"),
    }


def body_of(markdown: str) -> str:
    """The body of an ``article.md``: what follows the front matter and the title line."""
    _, _, rest = markdown.partition("\n---\n")
    rest = rest.lstrip("\n")
    if rest.startswith("# "):
        rest = rest.split("\n", 1)[1] if "\n" in rest else ""
    return rest.strip("\n")


def record_from(object_id: str, meta: dict[str, Any], body: str, version: int, digest: str) -> ArticleRecord:
    sightings = tuple(Sighting(s["page_id"], s.get("page_title"), s.get("page_date"), int(s.get("position", 0)))
                      for s in meta.get("sightings", []))
    return ArticleRecord(
        id=object_id, version=version, title=meta.get("title") or "", body=body,
        outlet=meta.get("outlet"), author=meta.get("author"), date=meta.get("date"),
        date_text=meta.get("date_text"), subtitle=meta.get("subtitle"), standfirst=meta.get("standfirst"),
        section=meta.get("section"), review=bool(meta.get("review")),
        review_reasons=tuple(meta.get("review_reasons") or ()), fair_use_note=meta.get("fair_use_note"),
        sightings=sightings, digest=digest, path=object_id,
        corrections=tuple(Correction(c["field"], c.get("value"), c.get("reason", ""), c.get("time", ""))
                          for c in meta.get("corrections", [])),
        withdrawn=meta.get("withdrawn"),
    )


def old_sightings(meta: dict[str, Any] | None) -> list[Sighting]:
    if not meta:
        return []
    return [Sighting(s["page_id"], s.get("page_title"), s.get("page_date"), int(s.get("position", 0)))
            for s in meta.get("sightings", [])]
