"""The records that flow through archive: pages, articles, versions, hits.

Data flows once, top to bottom: bytes -> ``SourcePage`` (blocks of text) ->
``SplitPage`` (``Article`` drafts) -> stored ``ArticleRecord`` versions ->
index documents -> ``Hit``.  Every record is a frozen dataclass; every status
is an Enum (a ``StrEnum``: it prints, compares and serialises as its text).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """What ingest did with an article or a page."""

    NEW = "new"
    NEW_VERSION = "new version"
    UNCHANGED = "unchanged"
    #: The same article printed twice in one page: one article, seen once.
    REPEATED = "repeated"
    #: Taken down: a re-added page does not bring it back.
    PURGED = "purged"
    #: Read and split only (``--dry-run``): nothing written.
    DRY_RUN = "dry run"


class IndexState(StrEnum):
    """Whether the search index can be used as it is."""

    OK = "ok"
    MISSING = "missing"
    #: Built by another schema version: it must be rebuilt.
    STALE = "stale"
    #: There, but it cannot be opened.
    BROKEN = "broken"

#: The kinds of ``Block`` the reader produces.  Plain text gives only "text";
#: HTML adds the hints its markup carries.
BLOCK_KINDS = ("text", "heading", "emphasis", "separator", "list", "caption", "quote")


@dataclass(frozen=True)
class Block:
    """A paragraph of a page: one or more lines, with a hint of what it looks like.

    ``hints`` are what HTML markup says of the block (its heading level, a region such
    as ``in_nav``, class-name words such as ``cls_byline``), sorted; plain text has none.
    """

    lines: tuple[str, ...]
    kind: str = "text"
    hints: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass(frozen=True)
class SourceMeta:
    """What a page's own markup says about the page (HTML only): never about its articles."""

    title: str | None = None
    date: str | None = None
    #: The markup could not be read (too deep, broken, or its text hidden): the page's text was read without it.
    read_as_text: bool = False


@dataclass(frozen=True)
class SourcePage:
    """A page as read from its bytes: decoded, its main content cut into blocks."""

    name: str
    raw: bytes
    media_type: str
    encoding: str
    blocks: tuple[Block, ...]
    meta: SourceMeta = field(default_factory=SourceMeta)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    """One article found on a page, with what was extracted for it."""

    title: str
    body: str
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    date_text: str | None = None
    subtitle: str | None = None
    standfirst: str | None = None
    section: str | None = None
    position: int = 0
    review: bool = False
    review_reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["review_reasons"] = list(self.review_reasons)
        return data


@dataclass(frozen=True)
class ExplainedUnit:
    """One unit of a page with the role the labeller gave it, for ``archive add --explain``."""

    text: str
    role: str
    start: bool
    confidence: float
    #: The article (1, 2, ...) the unit belongs to, or None for page furniture and noise.
    article: int | None
    line: int

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line + 1, "role": self.role, "start": self.start,
                "confidence": round(self.confidence, 3), "article": self.article, "text": self.text}


@dataclass(frozen=True)
class Provenance:
    """Where a page came from: its address, when it was captured, and (when archive fetched it) the
    addresses it was redirected through and the capture as WARC records."""

    url: str | None = None
    captured: str | None = None
    redirects: tuple[str, ...] = ()
    warc: bytes | None = None
    #: The address was read from the page's own markup (canonical link or og:url), not given.
    from_markup: bool = False


@dataclass(frozen=True)
class SplitPage:
    """A page cut into articles, with the page's own title, date and fair-use note."""

    name: str
    title: str | None
    date: str | None
    date_text: str | None
    source_line: str | None
    fair_use_note: str | None
    articles: tuple[Article, ...]
    media_type: str = "text/plain"
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    source: Provenance = field(default_factory=Provenance)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "url": self.source.url,
            "title": self.title,
            "date": self.date,
            "date_text": self.date_text,
            "source_line": self.source_line,
            "fair_use_note": self.fair_use_note,
            "media_type": self.media_type,
            "encoding": self.encoding,
            "warnings": list(self.warnings),
            "articles": [a.to_dict() for a in self.articles],
        }


@dataclass(frozen=True)
class Sighting:
    """One page an article was seen in."""

    page_id: str
    page_title: str | None
    page_date: str | None
    position: int
    #: The page's address and when it was captured, when known.
    url: str | None = None
    captured: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for name in ("url", "captured"):  # absent rather than null: older records read the same
            if data[name] is None:
                del data[name]
        return data


@dataclass(frozen=True)
class Correction:
    """A field a person corrected with `archive edit`; a re-added page never overwrites it."""

    field: str
    value: str | None
    reason: str
    time: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Note:
    """A person's note on an article (`archive note`), kept in its versions."""

    text: str
    time: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Version:
    """One committed version of a stored object."""

    number: int
    created: str
    digest: str
    message: str


@dataclass(frozen=True)
class ArticleRecord:
    """An article as the store keeps it: its latest fields, sightings and version."""

    id: str
    version: int
    title: str
    body: str
    outlet: str | None
    author: str | None
    date: str | None
    date_text: str | None
    subtitle: str | None
    standfirst: str | None
    section: str | None
    review: bool
    review_reasons: tuple[str, ...]
    fair_use_note: str | None
    sightings: tuple[Sighting, ...]
    digest: str = ""
    path: str = ""
    corrections: tuple[Correction, ...] = ()
    withdrawn: str | None = None
    #: A person's labels (`archive tag`) and notes (`archive note`), kept like corrections.
    tags: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()

    @property
    def source(self) -> Sighting | None:
        """The first sighting whose page has an address: what a citation gives as URL and accessed date."""
        return next((s for s in self.sightings if s.url), None)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["review_reasons"] = list(self.review_reasons)
        data["sightings"] = [s.to_dict() for s in self.sightings]
        data["corrections"] = [c.to_dict() for c in self.corrections]
        data["tags"] = list(self.tags)
        data["notes"] = [n.to_dict() for n in self.notes]
        return data


@dataclass(frozen=True)
class Hit:
    """One search result."""

    id: str
    title: str
    outlet: str | None
    author: str | None
    date: str | None
    score: float
    snippet: str
    highlights: tuple[tuple[int, int], ...] = ()
    #: For a partial match (no article has every word): the words of the query this article lacks.
    missing: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id, "title": self.title, "outlet": self.outlet, "author": self.author,
            "date": self.date, "score": round(self.score, 4), "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
        }
        if self.missing:
            data["missing"] = list(self.missing)
        return data


@dataclass(frozen=True)
class Facet:
    """Counts of one facet over a whole result set, largest first."""

    name: str
    counts: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class SearchResult:
    """A page of hits, the total, and facet counts over every hit."""

    query: str
    total: int
    hits: tuple[Hit, ...]
    facets: tuple[Facet, ...]
    #: A query of whole words that exist, when nothing was found and it finds something; how much it finds.
    suggestion: str | None = None
    suggestion_total: int = 0
    #: When no article has every word but some have fewer: the best of them (each with its ``missing``
    #: words) and how many there are.
    partial: tuple[Hit, ...] = ()
    partial_total: int = 0

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "query": self.query,
            "total": self.total,
            "hits": [h.to_dict() for h in self.hits],
            "facets": {f.name: dict(f.counts) for f in self.facets},
        }
        if self.suggestion:
            data["suggestion"], data["suggestion_total"] = self.suggestion, self.suggestion_total
        if self.partial:
            data["partial"] = [h.to_dict() for h in self.partial]
            data["partial_total"] = self.partial_total
        return data


@dataclass(frozen=True)
class ArticleOutcome:
    """What ingest did with one article."""

    status: Status
    id: str
    title: str
    version: int


@dataclass(frozen=True)
class PageOutcome:
    """What ingest did with one page."""

    name: str
    page_id: str | None
    status: Status
    articles: tuple[ArticleOutcome, ...]
    split: SplitPage
    warnings: tuple[str, ...] = ()


@dataclass
class IngestReport:
    """Every page an ``ingest`` call handled, and what the caller should tell the user."""

    pages: list[PageOutcome] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def count(self, status: Status) -> int:
        """How many articles ingest gave ``status``."""
        return sum(1 for p in self.pages for a in p.articles if a.status == status)


@dataclass(frozen=True)
class HistoryEntry:
    """One version of an article and what changed in it."""

    number: int
    created: str
    digest: str
    message: str
    changed: tuple[str, ...]
