"""Generator of invented news compilation pages with exact ground truth, for training, property tests and
benchmarks of the splitter.

    generate_page(rng, kind=None, layout=None) -> GeneratedPage
    write_corpus(folder, n, seed=...)                        # NAME.txt|.html + NAME.json pairs
    python -m archive.train.pagegen OUT_DIR --n 200 --seed 1 # --list prints the layout families

Each layout family (``LAYOUTS``) prints 2-10 invented articles the way one kind of compilation page does
(header orders, byline and date forms, separators, listings, trailers, page furniture, HTML templates),
randomised further page by page.  The gold JSON is the scorer's format (tools/score-split) plus "layout",
"truncated" and per-line labels ("lines": text, role, article, start).  All text is invented (``vocab``);
nothing is copied from real pages.  The same seed gives the same bytes.

Modules, bottom up: vocab (the invented words), dates, articles (one invented article), model (the page
tree and the Builder), bylines and printers (what families print), render (text, HTML, truncation), gold
(the ground truth), families (what a family is, shared helpers), text_articles, text_roundups,
text_archives, html_parts and html_templates (the 40 families), layouts (their registry, in order),
generate (pages and corpora), __main__ (the command).
"""

from __future__ import annotations

from .generate import GeneratedPage, generate_page, write_corpus
from .layouts import LAYOUTS
from .model import ROLES

__all__ = ["LAYOUTS", "ROLES", "GeneratedPage", "generate_page", "write_corpus"]
