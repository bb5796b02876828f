"""Hits as the Whoosh engine returns them: stored fields, score, and a snippet with its matches marked.

A long text is first cut down to the places the query's words are likely
found (``results.excerpt``), so that highlighting costs a fraction of the
whole text; a partial match carries the words of the query it lacks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from whoosh import highlight

from .index import HL_CLOSE, HL_OPEN, RawHit, SearchRequest
from .results import excerpt


class _MarkFormatter(highlight.Formatter):
    """Marks each matched term with control characters that ``results`` turns into offsets."""

    between = " … "

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"{HL_OPEN}{highlight.get_text(text, token, replace)}{HL_CLOSE}"


def raw_hits(results: Any, request: SearchRequest, q: Any, body_for: Callable[[str], str] | None,
             missing: dict[int, tuple[str, ...]] | None = None) -> list[RawHit]:
    """The hits of a page of results; ``missing`` gives a partial match's lacking words by document number."""
    results.results.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=60)
    results.results.formatter = _MarkFormatter()
    hits = []
    stems = sorted({t.decode() if isinstance(t, bytes) else str(t)
                    for f, t in q.iter_all_terms() if f == "body"}) if request.snippets else []
    ranked = request.sort == "relevance" and bool(request.text.strip())
    # The highlighter marks the words of the query's terms and phrases, of whatever field: with none
    # (every article, or filters only) it would read each text through only to mark nothing.
    marks = any(q.phrases())
    for hit in results:
        stored = dict(hit.fields())
        snippet = ""
        if request.snippets and body_for is not None:
            text = excerpt(body_for(stored["id"]), stems)
            snippet = hit.highlights("body", text=text, top=2, strict_phrase=True) if text and marks else ""
            if not snippet:
                snippet = text[:240]
        score = float(hit.score) if ranked and isinstance(hit.score, (int, float)) else 0.0
        hits.append(RawHit(stored, score, snippet, (missing or {}).get(hit.docnum, ())))
    return hits
