"""The trained models: loading them once, labelling a sequence with each label's probability.

Both levels of the cascade are linear-chain CRFs (CRFsuite, through
python-crfsuite).  The model files are part of the package (``model/``) and are
made by ``python -m archive.train``; loading one is a memory map, so a process
pays for it once.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import pycrfsuite

from ..errors import ArchiveError

MODEL_DIR = Path(__file__).parent / "model"
_folder = [MODEL_DIR]
#: The unit labeller (level one) and the field labeller (level two).
SEGMENT_MODEL = "segment.crfsuite"
FIELDS_MODEL = "fields.crfsuite"


def use_models(folder: Path) -> None:
    """Read the models from another folder from now on (cross-validation trains one set per fold)."""
    _folder[0] = folder
    _tagger.cache_clear()


@cache
def _tagger(name: str) -> pycrfsuite.Tagger:
    path = _folder[0] / name
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
    except (OSError, ValueError) as exc:
        raise ArchiveError(f"{path}: the splitter's model cannot be loaded ({exc}); "
                           f"`python -m archive.train` makes it again") from None
    return tagger


def label(name: str, items: Sequence[dict[str, float]]) -> tuple[list[str], list[float]]:
    """The best label sequence for ``items`` and the marginal probability of each chosen label."""
    if not items:
        return [], []
    tagger = _tagger(name)
    tagger.set(pycrfsuite.ItemSequence(list(items)))
    tags = tagger.tag()
    return tags, [tagger.marginal(tag, i) for i, tag in enumerate(tags)]
