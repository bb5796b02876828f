"""A search as a web address: the query box, the active facets, the sort and the page of results.

``Search`` reads the address's parameters and turns them into the arguments of
``Archive.search`` — the one call ``archive search`` makes — and back into
addresses (a facet added or removed, another page, an export).  A facet the
library has no filter for is written in the query language the user could
type: ``page:<id>``, ``year:undated``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any
from urllib.parse import urlencode

from ..errors import UsageError

SORTS = ("relevance", "newest", "oldest")
#: The facets the sidebar shows, and the month counts the chart draws.
FACETS = ("outlet", "author", "year", "page", "month")
MAX_PAGE = 10_000
_YEAR_RE = re.compile(r"^(\d{4}|undated)$")
_PAGE_ID_RE = re.compile(r"^pages/(?:\d{4}/\d{2}|undated)/[a-z0-9-]+$")


@dataclass(frozen=True)
class Search:
    """Everything that says which hits a search page shows."""

    q: str = ""
    outlet: str = ""
    author: str = ""
    year: str = ""
    page: str = ""
    since: str = ""
    until: str = ""
    sort: str = "relevance"
    p: int = 1

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> Search:
        """Read an address's parameters; a value that cannot be right is a ``UsageError``.

        Dates are checked by the library, as for ``archive search --since``.
        """
        values: dict[str, Any] = {f.name: params.get(f.name, "").strip() for f in fields(cls) if f.name != "p"}
        if values["sort"] not in SORTS:
            if values["sort"]:
                raise UsageError(f"unknown sort {values['sort']!r} (sorts: {', '.join(SORTS)})")
            values["sort"] = "relevance"
        if values["year"] and not _YEAR_RE.match(values["year"]):
            raise UsageError(f"bad year {values['year']!r} (use YYYY)")
        if values["page"] and not _PAGE_ID_RE.match(values["page"]):
            raise UsageError(f"'{values['page']}' is not a page id (ids look like pages/2016/10/some-title)")
        number = params.get("p", "1").strip() or "1"
        if not number.isdigit() or not 1 <= int(number) <= MAX_PAGE:
            raise UsageError(f"bad page of results {number!r} (use a number from 1 to {MAX_PAGE})")
        return cls(**values, p=int(number))

    def text(self) -> str:
        """The query text: the user's query and the facets written in the query language."""
        parts = [f"({self.q})" if self.q and (self.page or self.year == "undated") else self.q]
        if self.page:
            parts.append(f"page:{self.page}")
        if self.year == "undated":
            parts.append("year:undated")
        return " ".join(p for p in parts if p)

    def options(self, *, limit: int) -> dict[str, Any]:
        """The keyword arguments of ``Archive.search`` (and of ``Archive.select``, less the paging)."""
        since, until = self.since, self.until
        if self.year and self.year != "undated" and not (since or until):
            since = until = self.year
        # Without words of the user's, relevance means nothing: newest first, as `archive search ""` lists.
        sort = "newest" if self.sort == "relevance" and not self.q.strip() else self.sort
        return {"outlet": self.outlet or None, "author": self.author or None, "since": since or None,
                "until": until or None, "limit": limit, "page": self.p, "sort": sort}

    def filters(self) -> dict[str, Any]:
        """The filters alone (what ``Archive.select`` takes for an export)."""
        options = self.options(limit=1)
        return {k: options[k] for k in ("outlet", "author", "since", "until")}

    def params(self, **changes: Any) -> dict[str, str]:
        """The address parameters of this search with ``changes``; defaults are left out."""
        changed = replace(self, **changes)
        out = {}
        for f in fields(self):
            value = getattr(changed, f.name)
            if value and value != f.default:
                out[f.name] = str(value)
        return out

    def url(self, path: str = "/", **changes: Any) -> str:
        """This search's address with ``changes`` (a name that is no field, such as ``format``, is added);
        any change but of ``p`` goes back to the first page."""
        if "p" not in changes:
            changes["p"] = 1
        names = {f.name for f in fields(self)}
        extra = {k: str(changes.pop(k)) for k in list(changes) if k not in names}
        query = urlencode({**self.params(**changes), **extra})
        return f"{path}?{query}" if query else path

    def with_facet(self, name: str, value: str) -> str:
        """The address that narrows to one facet value (a year clears a month's dates, and back)."""
        if name == "year":
            return self.url(year=value, since="", until="")
        if name == "month":
            return self.url(since=value, until=value, year="")
        return self.url(**{name: value})

    def active(self) -> list[tuple[str, str, str]]:
        """(facet, value, the address without it) for each active filter."""
        out = []
        for name in ("outlet", "author", "year", "page", "since", "until"):
            value = getattr(self, name)
            if value:
                out.append((name, value, self.url(**{name: ""})))
        return out
