"""The command line of the page generator: ``python -m archive.train.pagegen OUT_DIR --n 200 --seed 1``
writes NAME.txt|.html + NAME.json pairs; ``--list`` prints the layout families."""

from __future__ import annotations

import argparse
from pathlib import Path

from .generate import write_corpus
from .layouts import LAYOUTS


def main(argv: list[str] | None = None) -> int:
    """Write the pages (or list the families); returns the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m archive.train.pagegen", description="Write invented compilation pages with ground truth.",
        epilog="example: python -m archive.train.pagegen generated/ --n 200 --seed 1")
    parser.add_argument("out_dir", type=Path, nargs="?", help="folder to write the pages to")
    parser.add_argument("--n", type=int, default=200, help="number of pages (default 200)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--list", action="store_true", help="print the layout families and exit")
    args = parser.parse_args(argv)
    if args.list:
        for fam in LAYOUTS.values():
            print(f"{fam.name:24} {fam.fmt:4} {fam.doc.splitlines()[0]}")
        return 0
    if args.out_dir is None:
        parser.error("OUT_DIR is required")
    write_corpus(args.out_dir, args.n, seed=args.seed)
    print(f"wrote {args.n} pages to {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
