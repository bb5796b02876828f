"""What every request of the web interface shares: the archive, the templates, the edit switch.

The ``Archive`` object keeps a Whoosh searcher open between searches (opening
one costs more than a search); a searcher is not made for several threads, so
each worker thread gets an ``Archive`` of its own.  Writes (corrections) take
one lock in this process as well as the store's own lock, which other
processes honour.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from pathlib import Path
from typing import Any

import jinja2
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from ..api import Archive
from ..config import Config
from . import render

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
#: The cookie that carries a browser's CSRF secret (the forms carry a token derived from it).
CSRF_COOKIE = "archive_csrf"


class Site:
    """One running web interface over one archive."""

    def __init__(self, config: Config, *, allow_edits: bool = False) -> None:
        self.config = config
        self.allow_edits = allow_edits
        self.write_lock = threading.Lock()
        self._local = threading.local()
        self._key = secrets.token_bytes(32)
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                 trim_blocks=True, lstrip_blocks=True)
        env.filters.update(render.FILTERS)
        self.templates = Jinja2Templates(env=env)

    def archive(self) -> Archive:
        """This thread's ``Archive``; its notices are cleared for the request that asks."""
        archive: Archive | None = getattr(self._local, "archive", None)
        if archive is None:
            archive = self._local.archive = Archive(self.config)
        archive.notices.clear()
        return archive

    # ------------------------------------------------------------ CSRF

    def csrf_token(self, request: Request) -> str:
        """The token a form carries: a keyed digest of the browser's CSRF cookie (set by ``page``)."""
        cookie = request.state.csrf_cookie
        return hmac.new(self._key, cookie.encode(), "sha256").hexdigest()

    def csrf_ok(self, request: Request, token: str) -> bool:
        cookie = request.cookies.get(CSRF_COOKIE, "")
        if not cookie or not token:
            return False
        expected = hmac.new(self._key, cookie.encode(), "sha256").hexdigest()
        return hmac.compare_digest(expected, token)

    # ------------------------------------------------------------ rendering

    def page(self, request: Request, name: str, context: dict[str, Any], *, status: int = 200) -> Response:
        """Render a template with what every page needs, and give the browser its CSRF cookie."""
        cookie = request.cookies.get(CSRF_COOKIE) or secrets.token_hex(32)
        request.state.csrf_cookie = cookie
        full = {"allow_edits": self.allow_edits, "csrf": self.csrf_token(request) if self.allow_edits else "",
                "notices": [], **context}
        response = self.templates.TemplateResponse(request, name, full, status_code=status)
        if self.allow_edits and CSRF_COOKIE not in request.cookies:
            response.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="strict")
        return response
