"""Leave-one-site-out cross-validation of the splitter, scored by the shared scorer's rules.

    python bench/split_cv.py                  # a row per real site and the mean; flags measured
    python bench/split_cv.py --generated 300 --procs 2

For each site of ../shared/corpus/real, both labellers are trained on all other
labelled pages (the other real sites, ../shared/corpus/dev and synthetic, and
the generator's invented pages) and split the left-out site's pages, which the
scorer's own ``score_page`` scores.  The mean over sites is the figure to quote.
It also measures the low-confidence flag: of the articles it flags, how many are
really wrong, and of the wrong ones, how many it flags.
"""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from archive.train.corpus import SHARED_CORPUS, generated, load_dir  # noqa: E402
from archive.train.crossval import cross_validate  # noqa: E402
from archive.train.trainer import prepare  # noqa: E402

SCORER = SHARED_CORPUS.parent / "tools" / "score-split"
FIELDS = ("found", "boundary", "title", "outlet", "author", "date")
#: The generator's layout families written after a real page's layout, by the page's file name
#: in ../shared/corpus/real.  With --strict a site's fold leaves out the families modelled on its
#: pages too: the figure then says how the splitter does on a layout nobody wrote a family for.
MODELLED_ON = {
    "rss_posted": ("109",), "section_front": ("111",), "outlet_line_hub": ("219",),
    "author_outlet_date": ("029",), "by_comma_dash": ("211",), "blogger_label": ("201",),
    "portal_dated": ("207",), "category_tags": ("037",), "caption_first": ("035",),
    "trailing_outlet_roundup": ("115",), "category_source": ("213",), "title_date_byline": ("217",),
    "wire_repost": ("006", "007"), "section_digest": ("001",), "posted_readmore": ("025",),
    "staff_writer_digest": ("027",), "paren_digest": ("010", "011", "012", "013", "014", "015", "016"),
    "aggregator_oneline": ("113",), "teaser_archive": ("203", "031", "033", "103"), "aggregator_readmore": ("205",),
    "date_grouped": ("107",), "numbered_brief": ("105",), "blurb_then_headline": ("101",),
    "headline_paren_source": ("215",), "feed_age": ("209",),
    "html_table_digest": ("010", "011", "012", "013", "014", "015", "016"), "html_link_list": ("101", "215"),
    "html_aggregator": ("113",),
}


def load_scorer():
    loader = importlib.machinery.SourceFileLoader("score_split", str(SCORER))
    spec = importlib.util.spec_from_loader("score_split", loader)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    loader.exec_module(module)
    return module


def held_with(pages) -> dict[str, frozenset[str]]:
    """For each real site, the generated families modelled on its pages."""
    out: dict[str, set[str]] = {}
    for p in pages:
        stem = p.name.rsplit(".", 1)[0]
        if p.corpus == "real":
            out.setdefault(p.site, set()).update(
                f"generated/{family}" for family, stems in MODELLED_ON.items() if stem in stems)
    return {site: frozenset(families) for site, families in out.items()}


def figures(rows: list[dict], predicted: int, extra: int) -> dict[str, float]:
    out = {k: sum(r[k] for r in rows) / len(rows) if rows else 0.0 for k in FIELDS}
    out["precision"] = (predicted - extra) / predicted if predicted else 0.0
    out["score"] = sum(out[k] for k in ("boundary", "title", "outlet", "author", "date", "precision")) / 6
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--generated", type=int, default=600, help="invented pages added to the training set")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--strict", action="store_true",
                        help="leave out with each site the generator's families modelled on its pages")
    args = parser.parse_args()
    if not SCORER.exists():
        print(f"{SHARED_CORPUS.parent} not found: the cross-validation needs ../shared beside the repository")
        return 1
    scorer = load_scorer()
    started = time.monotonic()
    pages = [p for name in ("dev", "synthetic", "real") for p in load_dir(SHARED_CORPUS / name, name)]
    prepared = prepare(pages + generated(args.generated, seed=args.seed))
    folds = cross_validate(prepared, procs=args.procs, held_with=held_with(pages) if args.strict else None)
    per_site = []
    judged: list[tuple[float, bool]] = []  # (the article's least confident unit, is it wrong)
    print(f"{'site':<40} {'pages':>5} {'arts':>4}  score  " + " ".join(f"{k[:5]:>5}" for k in (*FIELDS, "precision")))
    for fold in folds:
        rows: list[dict] = []
        predicted = extra = 0
        for p, split, units in fold.pages:
            result = split.to_dict()
            page_rows, _, n, x = scorer.score_page(result, p.page.gold, False, p.page.name)
            rows += page_rows
            predicted += n
            extra += x
            least = {}
            for u in units:
                if u.article is not None:
                    least[u.article] = min(least.get(u.article, 1.0), u.confidence)
            for gold, row in zip(p.page.gold["articles"], page_rows, strict=True):
                if row["found"]:
                    n_art = next(k for k, a in enumerate(result["articles"], start=1)
                                 if scorer.starts_like(gold, a["body"]))
                    judged.append((least.get(n_art, 1.0), not all(row[k] for k in FIELDS)))
        f = figures(rows, predicted, extra)
        per_site.append(f["score"])
        print(f"{fold.site[:40]:<40} {len(fold.pages):>5} {len(rows):>4}  {f['score']:.3f}  "
              + " ".join(f"{f[k]:5.2f}" for k in (*FIELDS, "precision")), flush=True)
    print(f"\nmean over {len(per_site)} real sites (leave-one-site-out): {sum(per_site) / len(per_site):.3f}")
    wrong = sum(bad for _, bad in judged)
    print(f"review flag by confidence, over {len(judged)} articles found ({wrong} of them wrong in some field):")
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9):
        flagged = [bad for least, bad in judged if least < threshold]
        print(f"  below {threshold:.1f}: {len(flagged):3} flagged, {sum(flagged):3} of them wrong "
              f"({sum(flagged) / max(len(flagged), 1):.0%}); {sum(flagged) / max(wrong, 1):.0%} of the wrong flagged")
    print(f"{len(prepared)} pages ({args.generated} generated), {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
