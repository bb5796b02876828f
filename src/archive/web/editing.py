"""Corrections from the browser, only when the server was started with ``--allow-edits``.

A correction is ``Archive.edit`` with the fields that changed and a reason,
as ``archive edit`` makes it; a withdrawal is ``Archive.remove``.  Both are
POSTs that carry a CSRF token; the forms themselves are plain GETs.
"""

from __future__ import annotations

from urllib.parse import parse_qs, quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..errors import UsageError
from ..models import ArticleRecord
from .pages import read_article, site_of
from .site import Site

#: The fields a correction may change (as ``archive edit`` has options for).
FIELDS = ("title", "outlet", "author", "date")
#: A form larger than this is refused unread.
MAX_FORM = 64 * 1024


class Refused(Exception):
    """A write this server does not allow (no ``--allow-edits``, or a bad CSRF token)."""


def _allowed(site: Site) -> None:
    if not site.allow_edits:
        raise Refused("corrections are turned off: this server was started without --allow-edits "
                      "(start it with `archive serve --allow-edits` to correct articles)")


async def read_form(request: Request) -> dict[str, str]:
    """An url-encoded form, one value per field; checks size, and the CSRF token against the cookie."""
    site = site_of(request)
    _allowed(site)
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM:
            raise UsageError(f"the form is larger than {MAX_FORM // 1024} KB")
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        raise UsageError("the form could not be read (send it as UTF-8, url-encoded)") from None
    form = {key: values[-1] for key, values in parsed.items()}
    if not site.csrf_ok(request, form.get("csrf", "")):
        raise Refused("the form's security token is missing or stale: reload the page and send it again")
    return form


def _changes(record: ArticleRecord, form: dict[str, str]) -> dict[str, str | None]:
    """The fields whose value in the form differs from the record's (an empty value clears it)."""
    out: dict[str, str | None] = {}
    for name in FIELDS:
        if name in form:
            value = " ".join(form[name].split())
            if value != (getattr(record, name) or ""):
                out[name] = value
    return out


def edit_form(request: Request) -> Response:
    """The correction form (a GET: it changes nothing)."""
    site = site_of(request)
    _allowed(site)
    record = read_article(site.archive(), f"articles/{request.path_params['rest']}")
    return site.page(request, "edit.html", {"record": record, "values": {}, "error": None})


async def save_edit(request: Request) -> Response:
    """Save a correction as a new version, exactly as ``archive edit ID --field VALUE --reason TEXT``."""
    site = site_of(request)
    form = await read_form(request)
    object_id = f"articles/{request.path_params['rest']}"
    return await _run(request, site, form, object_id, edit=True)


async def withdraw(request: Request) -> Response:
    """Withdraw an article with a reason, as ``archive remove ID --reason TEXT``."""
    site = site_of(request)
    form = await read_form(request)
    object_id = f"articles/{request.path_params['rest']}"
    return await _run(request, site, form, object_id, edit=False)


async def _run(request: Request, site: Site, form: dict[str, str], object_id: str, *, edit: bool) -> Response:
    return await run_in_threadpool(_write, request, site, form, object_id, edit)


def _write(request: Request, site: Site, form: dict[str, str], object_id: str, edit: bool) -> Response:
    archive = site.archive()
    record = read_article(archive, object_id)
    reason = " ".join(form.get("reason", "").split())
    try:
        if not reason:
            raise UsageError("give a reason: why the field was wrong, or why the article is withdrawn "
                             "(it is kept in the history)")
        with site.write_lock:
            if edit:
                changes = _changes(record, form)
                if not changes:
                    raise UsageError("nothing to change: every field is as stored")
                version = archive.edit(record.id, changes, reason=reason)
                said = "unchanged" if version is None else f"corrected: version {version}"
            else:
                version = archive.remove(record.id, reason=reason)
                said = "already withdrawn" if version is None else f"withdrawn: version {version}"
    except UsageError as exc:
        if not edit:
            raise
        return site.page(request, "edit.html", {"record": record, "values": form, "error": str(exc)}, status=400)
    if archive.index_behind:
        said += " (the search index will catch up)"
    return RedirectResponse(f"/{record.id}?saved={quote(said)}", status_code=303)
