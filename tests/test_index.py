"""The Whoosh index behind its small interface (in memory)."""

from __future__ import annotations

from archive.models import ArticleRecord, Sighting
from archive.search import SearchRequest
from archive.search.whoosh_schema import document


def record(n, *, title, body, outlet="RT News", author=None, date="2016-10-20", review=False):
    return ArticleRecord(id=f"articles/x/2016/10/a{n}", version=1, title=title, body=body, outlet=outlet,
                         author=author, date=date, date_text=None, subtitle=None, standfirst=None, section=None,
                         review=review, review_reasons=(), fair_use_note=None,
                         sightings=(Sighting("pages/2016/10/p", "P", "2016-10-20", n),), digest=f"d{n}")


RECORDS = [
    record(1, title="Safe passage from Mosul", body="Fighters are given safe passage out of Mosul."),
    record(2, title="São Paulo floods", body="Heavy rain in São Paulo; the UN says 9,000 left homes.",
           outlet="The Sun", author="Jon Lockett & Ann Bell", date="2015-03-02"),
    record(3, title="US-led coalition", body="The US-led coalition met in Paris.", review=True),
]


def test_document_fields():
    doc = document(RECORDS[1])
    assert doc["author_k"] == "jon lockett,ann bell" and doc["outlet_k"] == "the sun"
    assert doc["author_f"] == "Jon Lockett & Ann Bell"
    assert (doc["year"], doc["month"]) == ("2015", "2015-03")


def search(index, text, **kw):
    return index.search(SearchRequest(text=text, **kw), body_for=lambda i: "")


def test_words_accents_stems_short_tokens(ram_index):
    ram_index.write(RECORDS)
    assert search(ram_index, "passages").total == 1
    assert search(ram_index, "Sao Paulo").total == 1
    assert search(ram_index, "UN").total == 1
    assert search(ram_index, "9,000").total == 1
    assert search(ram_index, "US-led").total == 1
    assert search(ram_index, "led").total == 1


def test_facets_count_every_hit_and_filters(ram_index):
    ram_index.write(RECORDS)
    result = search(ram_index, "", limit=1, facets=("outlet", "author", "year"))
    assert result.total == 3 and len(result.hits) == 1
    assert dict(result.facets["outlet"]) == {"RT News": 2, "The Sun": 1}
    assert dict(result.facets["author"])["Jon Lockett & Ann Bell"] == 1
    assert search(ram_index, "", author="Ann Bell").total == 1
    assert search(ram_index, "", outlet="The Sun").total == 1
    assert search(ram_index, "", since="2016-01-01").total == 2
    assert search(ram_index, "", needs_review=True).total == 1


def test_upsert_replaces_and_stored_reports_versions(ram_index):
    ram_index.write(RECORDS)
    ram_index.write([record(1, title="Safe passage from Mosul", body="changed")])
    assert ram_index.doc_count() == 3
    assert ram_index.stored()["articles/x/2016/10/a1"] == (1, "d1")
