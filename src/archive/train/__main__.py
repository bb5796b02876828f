"""Retrain the splitter's shipped models: ``python -m archive.train``.

Reads the labelled corpora (``../shared/corpus/{dev,synthetic,real}`` beside the
repository, or the folders given), adds the generator's invented pages (the
same for the same seed), and writes ``segment.crfsuite`` and ``fields.crfsuite``
into ``src/archive/extract/model/``.  The same inputs give the same files.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..extract.crf import MODEL_DIR
from .corpus import SHARED_CORPUS, TRAINING_CORPORA, generated, load_dir
from .trainer import prepare, train_models

#: Invented pages added to the labelled ones, and the generator's seed: chosen by bench/split_cv.py.
GENERATED_PAGES = 600
SEED = 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m archive.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path,
                        help=f"labelled folders (default: {', '.join(TRAINING_CORPORA)} of {SHARED_CORPUS})")
    parser.add_argument("--generated", type=int, default=GENERATED_PAGES, help="invented pages to add")
    parser.add_argument("--seed", type=int, default=SEED, help="the generator's seed")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="folder for the model files")
    args = parser.parse_args(argv)
    folders = args.corpora or [SHARED_CORPUS / name for name in TRAINING_CORPORA]
    missing = [str(f) for f in folders if not f.is_dir()]
    if missing:
        print(f"archive.train: error: no labelled pages at {', '.join(missing)}", file=sys.stderr)
        return 1
    started = time.monotonic()
    pages = [p for folder in folders for p in load_dir(folder)] + generated(args.generated, seed=args.seed)
    written = train_models(prepare(pages), args.out)
    for path in written:
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    print(f"{len(pages)} pages ({args.generated} generated, seed {args.seed}) in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
