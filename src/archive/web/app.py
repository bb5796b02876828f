"""The web application: its routes, its security headers, and the one place errors become pages.

Every ``ArchiveError`` becomes a one-line message and a status (a page for a
browser, ``{"error": ...}`` under ``/api``), in ``_error`` only; anything
else is a bug, reported in one line, never a traceback.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..config import Config
from ..errors import ArchiveError, ArticleNotFound, QueryError, StoreLocked, UsageError, VersionNotFound
from . import editing, jsonapi, pages
from .site import STATIC, Site

#: No script runs, nothing loads from elsewhere, no page may frame these.
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY")]
log = logging.getLogger("archive.web")


class Guard:
    """Every response gets the Content-Security-Policy and its companions; a bug becomes a one-line error
    page and one log line, never a traceback."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception as exc:
            response = await _error(Request(scope), exc)
            if started:  # too late for a page: the answer is cut short, and the log says why
                return
            await response(scope, receive, with_headers)


def _status(exc: Exception) -> int:
    if isinstance(exc, ArticleNotFound | VersionNotFound):
        return 404
    if isinstance(exc, editing.Refused):
        return 403
    if isinstance(exc, QueryError | UsageError):
        return 400
    if isinstance(exc, StoreLocked):
        return 503
    return 500


async def _error(request: Request, exc: Exception) -> Response:
    """An error as one line: JSON under /api, a page elsewhere."""
    if isinstance(exc, HTTPException):
        status, message = exc.status_code, "no such page" if exc.status_code == 404 else str(exc.detail)
    elif isinstance(exc, ArchiveError | editing.Refused):
        status, message = _status(exc), str(exc)
    else:  # a bug: one line for the user and the log, never a traceback
        log.error("archive: internal error on %s: %s: %s", request.url.path, type(exc).__name__,
                  " ".join(str(exc).split()))
        status, message = 500, f"internal error: {type(exc).__name__} (a bug; the server log has the line)"
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status)
    site: Site = request.app.state.site
    return site.page(request, "error.html", {"status": status, "message": message}, status=status)


def routes() -> list[Any]:
    return [
        Route("/", pages.search_page, name="search"),
        Route("/articles/{rest:path}", pages.article_page, name="article"),
        Route("/pages/{rest:path}", pages.compilation_page, name="page"),
        Route("/diff/articles/{rest:path}", pages.diff_page, name="diff"),
        Route("/browse", pages.browse_page, name="browse"),
        Route("/review", pages.review_page, name="review"),
        Route("/export", pages.export_file, name="export"),
        Route("/edit/articles/{rest:path}", editing.edit_form, name="edit_form"),
        Route("/edit/articles/{rest:path}", editing.save_edit, methods=["POST"], name="edit"),
        Route("/withdraw/articles/{rest:path}", editing.withdraw, methods=["POST"], name="withdraw"),
        Route("/api/search", jsonapi.api_search, name="api_search"),
        Route("/api/facets", jsonapi.api_facets, name="api_facets"),
        Route("/api/articles/{object_id:path}", jsonapi.api_article, name="api_article"),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]


def create_app(config: Config, *, allow_edits: bool = False, hosts: list[str] | None = None) -> Starlette:
    """The web interface over the archive ``config`` names.

    Args:
        allow_edits: show and accept corrections and withdrawals.
        hosts: the Host names to answer (None: any); a server on 127.0.0.1 answers only its own
            names, so a page elsewhere cannot reach it through a name that points there.
    """
    middleware = [Middleware(Guard)]
    if hosts is not None:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=hosts))
    app = Starlette(routes=routes(), middleware=middleware,
                    exception_handlers={HTTPException: _error, ArchiveError: _error, editing.Refused: _error})
    app.state.site = Site(config, allow_edits=allow_edits)
    return app
