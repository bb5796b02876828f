"""The pages that read the archive: search, article, diff, compilation page, browse, review queue, export.

Each calls the library as the matching command does (``archive search``,
``show``, ``history``, ``diff``, ``facets``, ``list --needs-review``,
``export``); a GET never changes anything.
"""

from __future__ import annotations

import math
import re
from typing import Any

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from ..api import Archive
from ..errors import ArticleNotFound, QueryError, UsageError
from ..export import FORMATS, export
from ..models import ArticleRecord
from .chart import month_chart
from .params import FACETS, Search
from .site import Site

#: Media type and file extension of each export format.
EXPORT_TYPES = {"jsonl": ("application/x-ndjson", "jsonl"), "csv": ("text/csv", "csv"),
                "csl-json": ("application/vnd.citationstyles.csl+json", "json"),
                "bibtex": ("application/x-bibtex", "bib"), "ris": ("application/x-research-info-systems", "ris")}
REVIEW_PAGE = 50
#: What a correction's redirect may say on the article page (nothing else in the address is shown).
SAVED = re.compile(r"^(corrected|withdrawn): version \d+( \(the search index will catch up\))?$"
                   r"|^(unchanged|already withdrawn)$")


def site_of(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


def int_param(request: Request, name: str) -> int | None:
    """A whole-number parameter (a version), or None when absent; anything else is a ``UsageError``."""
    value = request.query_params.get(name, "").strip()
    if not value:
        return None
    if not value.isdigit() or not 1 <= int(value) <= 1_000_000:
        raise UsageError(f"bad {name} {value!r}: give a number from 1")
    return int(value)


def read_article(archive: Archive, object_id: str, *, version: int | None = None) -> ArticleRecord:
    """An article as ``archive show`` reads it; a purged id says so."""
    try:
        return archive.record(object_id, version=version)
    except ArticleNotFound:
        raise archive.explain_missing(object_id) or ArticleNotFound(
            f"no article '{object_id}' in this archive", article_id=object_id) from None


def search_page(request: Request) -> Response:
    """The home page: the query box, facets, the month chart, hits and export links."""
    site = site_of(request)
    limit = site.config.search_limit
    try:
        search = Search.from_params(request.query_params)
        archive = site.archive()
        result = archive.search(search.text(), **search.options(limit=limit), facets=FACETS)
    except (QueryError, UsageError) as exc:
        kept = Search(q=request.query_params.get("q", "")[:1000])
        return site.page(request, "search.html", {"search": kept, "error": str(exc), "result": None,
                                                  "facets": {}, "chart": None}, status=400)
    facets = {f.name: f.counts for f in result.facets}
    chart = month_chart(facets.pop("month", ()), lambda m: search.with_facet("month", m))
    pages = max(1, math.ceil(result.total / limit))
    return site.page(request, "search.html", {
        "search": search, "result": result, "facets": facets, "chart": chart, "pages": pages,
        "error": None, "formats": FORMATS, "notices": archive.notices,
        "first": (search.p - 1) * limit + 1})


def article_page(request: Request) -> Response:
    """One article: fields, text, fair-use note, pages, review reasons, corrections, versions."""
    site = site_of(request)
    archive = site.archive()
    object_id = f"articles/{request.path_params['rest']}"
    record = read_article(archive, object_id, version=int_param(request, "version"))
    history = archive.history(record.id)
    return site.page(request, "article.html", {
        "record": record, "history": history, "newest": history[-1].number if history else record.version,
        "saved": saved if SAVED.match(saved := request.query_params.get("saved", "")) else ""})


def diff_page(request: Request) -> Response:
    """What changed between two versions of an article (``archive diff ID A B``)."""
    site = site_of(request)
    archive = site.archive()
    record = read_article(archive, f"articles/{request.path_params['rest']}")
    history = archive.history(record.id)
    a, b = int_param(request, "a"), int_param(request, "b")
    text = archive.diff(record.id, a, b)
    newest = history[-1].number
    shown_b = b or newest
    return site.page(request, "diff.html", {"record": record, "history": history, "diff": text,
                                            "a": a or max(shown_b - 1, 1), "b": shown_b})


def compilation_page(request: Request) -> Response:
    """A stored compilation page and its articles in order (``archive show pages/...``)."""
    site = site_of(request)
    archive = site.archive()
    page = archive.page(f"pages/{request.path_params['rest']}")
    articles: list[dict[str, Any]] = []
    for object_id in page.get("articles", []):
        try:
            record = archive.record(object_id)
        except ArticleNotFound:
            articles.append({"id": object_id, "missing": True})
            continue
        articles.append({"id": record.id, "title": record.title, "outlet": record.outlet, "author": record.author,
                         "date": record.date, "withdrawn": record.withdrawn, "review": record.review})
    return site.page(request, "page.html", {"page": page, "articles": articles})


def browse_page(request: Request) -> Response:
    """Counts by outlet, author and year over the whole archive (``archive facets``), and the review count."""
    site = site_of(request)
    archive = site.archive()
    result = archive.search("", limit=1, facets=("outlet", "author", "year"), snippets=False)
    review = archive.search("", needs_review=True, limit=1, facets=(), snippets=False).total
    return site.page(request, "browse.html", {"result": result, "review": review, "search": Search()})


def review_page(request: Request) -> Response:
    """The articles the splitter was unsure of, newest first (``archive list --needs-review``)."""
    site = site_of(request)
    archive = site.archive()
    number = int_param(request, "p") or 1
    result = archive.search("", needs_review=True, limit=REVIEW_PAGE, page=number, sort="newest", facets=())
    records = [archive.record(hit.id) for hit in result.hits]
    return site.page(request, "review.html", {"records": records, "total": result.total, "p": number,
                                              "pages": max(1, math.ceil(result.total / REVIEW_PAGE))})


def export_file(request: Request) -> Response:
    """The current search's articles in one export format (``archive export --format ...``)."""
    site = site_of(request)
    fmt = request.query_params.get("format", "jsonl")
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r} (formats: {', '.join(FORMATS)})")
    search = Search.from_params(request.query_params)
    # The stream is read in other threads than this one: it gets an Archive of its own.
    archive = Archive(site.config)
    text, filters = search.text(), search.filters()
    archive.search(text, limit=1, facets=(), snippets=False, **filters)  # a bad query fails here, not mid-stream
    chunks = export(archive.select(text, **filters), fmt, store_root=site.config.store_path.name)
    media, ext = EXPORT_TYPES[fmt]
    return StreamingResponse(chunks, media_type=f"{media}; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="archive-export.{ext}"'})
