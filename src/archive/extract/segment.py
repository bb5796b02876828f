"""The unit labeller: level one of the cascade, a page's units -> roles and article starts.

Each unit gets a role (page title, page furniture, noise, section label,
headline, subtitle, byline, date line, body, trailing metadata, fair-use note)
and, on the first unit of each article, a start mark ("B-" before the role).
The labeller is a linear-chain CRF over the units' features, trained by
``archive.train`` on labelled pages; nothing here knows a site or a layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .crf import SEGMENT_MODEL, label
from .features import page_features
from .units import Unit

#: Every role a unit may have.
ROLES = ("page_title", "page_meta", "noise", "section", "title", "subtitle", "byline", "date", "body",
         "trailer", "fair_use")
#: Roles of an article's own units.
ARTICLE_ROLES = frozenset({"title", "subtitle", "byline", "date", "body", "trailer", "section"})
#: Roles of an article's opening lines.
HEADER_ROLES = frozenset({"title", "subtitle", "byline", "date"})
START = "B-"


@dataclass(frozen=True)
class Label:
    """What the labeller says of one unit."""

    role: str
    start: bool
    #: The model's probability of this label for this unit (its marginal), 0 to 1.
    confidence: float

    @property
    def tag(self) -> str:
        return f"{START}{self.role}" if self.start else self.role


def from_tag(tag: str, confidence: float = 1.0) -> Label:
    """ "B-title" -> Label("title", start=True)."""
    start = tag.startswith(START)
    return Label(tag[len(START):] if start else tag, start, confidence)


def label_units(units: Sequence[Unit]) -> list[Label]:
    """The role of every unit of a page, from the trained model."""
    tags, marginals = label(SEGMENT_MODEL, page_features(units))
    return [from_tag(t, p) for t, p in zip(tags, marginals, strict=True)]
