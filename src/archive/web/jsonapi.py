"""The JSON API beside the pages: the same calls and the same fields as the commands' ``--json``.

``/api/search`` is ``archive search --json``, ``/api/facets`` is ``archive
facets --json``, ``/api/articles/{id}`` is ``archive show --json`` (a page id
gives the page).  Parameters are named as the commands' options.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from ..errors import UsageError
from .pages import int_param, read_article, site_of
from .params import SORTS

SEARCH_FACETS = ("outlet", "author", "year")
ALL_FACETS = ("outlet", "author", "year", "month", "page")
MAX_LIMIT = 10_000


def _options(request: Request, *, default_facets: tuple[str, ...], limit: int) -> dict[str, Any]:
    """``q`` and the options ``archive search`` takes, read from the address."""
    params = request.query_params
    sort = params.get("sort", "relevance")
    if sort not in SORTS:
        raise UsageError(f"unknown sort {sort!r} (sorts: {', '.join(SORTS)})")
    given = int_param(request, "limit")
    if given is not None and given > MAX_LIMIT:
        raise UsageError(f"limit {given} is over {MAX_LIMIT}")
    return {"outlet": params.get("outlet") or None, "author": params.get("author") or None,
            "since": params.get("since") or None, "until": params.get("until") or None,
            "limit": given or limit, "page": int_param(request, "page") or 1, "sort": sort,
            "facets": tuple(params.getlist("facet")) or default_facets}


def api_search(request: Request) -> JSONResponse:
    """Ranked hits with plain snippets and match offsets, and facet counts."""
    site = site_of(request)
    archive = site.archive()
    options = _options(request, default_facets=SEARCH_FACETS, limit=site.config.search_limit)
    result = archive.search(archive.saved_query(request.query_params.get("q", "")), **options)
    return JSONResponse(archive.result_dict(result))


def api_facets(request: Request) -> JSONResponse:
    """Counts only, by outlet, author, year, month and page."""
    site = site_of(request)
    archive = site.archive()
    options = _options(request, default_facets=ALL_FACETS, limit=1)
    options.update(limit=1, page=1)
    result = archive.search(request.query_params.get("q", ""), **options, snippets=False)
    return JSONResponse({"query": result.query, "total": result.total,
                         "facets": {f.name: dict(f.counts) for f in result.facets}})


def api_article(request: Request) -> JSONResponse:
    """One article (its metadata, sightings, corrections, text and version count), or one page."""
    site = site_of(request)
    archive = site.archive()
    object_id = request.path_params["object_id"]
    if object_id.startswith("pages/"):
        page = archive.page(object_id, version=int_param(request, "version"))
        return JSONResponse(page)
    record = read_article(archive, object_id, version=int_param(request, "version"))
    data = record.to_dict()
    data["versions"] = len(archive.versions(record.id))
    return JSONResponse(data)
