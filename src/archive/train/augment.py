"""More training pages from the labelled ones: the same layouts written in other habits.

A labelled page teaches its layout and also its script's habits: words between
spaces, letters with a case.  No labelled page is in a script written without
spaces or letter case (Chinese, Japanese), so a share of the training pages is
learned again *unspaced*: every unit in a stand-in for such a script — each word
a few ideographs, no spaces between them, full-width marks, dates as such scripts
write them — with its labels kept.  Only the shape of the text is left (length,
marks, digits, where lines sit), which is all the unit labeller may read on such
a page.  The field labeller does not learn these pages: their words are no
longer the truth's.

Which pages are rewritten is drawn from each page's name, so training stays
reproducible.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Sequence
from dataclasses import replace

from ..extract.dates import find_date
from ..extract.units import Unit

#: The share of training pages learned again in an unspaced, caseless stand-in script.
UNSPACED_SHARE = 0.1
#: Ideographs the stand-in script draws from (CJK Unified Ideographs).
_IDEOGRAPHS = (0x4E00, 0x9FA5)
#: A word of letters (a date already written with signs is left alone).
_WORD_RE = re.compile(r"[^\W\d_\u3000-\u9fff](?:[^\W_\u3000-\u9fff]|['’-])*")
_MARKS = str.maketrans({".": "。", ",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）",
                        "“": "「", "”": "」", '"': "「"})
_GAP_RE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef])")


def drawn(name: str) -> bool:
    """Whether the page of this name is one learned again unspaced (the same answer every time)."""
    return random.Random(zlib.crc32(f"unspaced:{name}".encode())).random() < UNSPACED_SHARE


def _ideographs(word: re.Match[str]) -> str:
    """A word as one to three ideographs, the same ones for the same word."""
    w = word.group(0).lower()
    seed = zlib.crc32(w.encode())
    size = 1 + min(len(w) // 4, 2)
    lo, hi = _IDEOGRAPHS
    return "".join(chr(lo + (seed >> (8 * k)) % (hi - lo)) for k in range(size))


def unspace(text: str) -> str:
    """``text`` in the stand-in script: "Troops reach Mosul, Oct. 20, 2016." -> "丁七丂，2016年10月20日。"."""
    done = 0
    while (date := find_date(text[done:])) is not None:
        year, month, day = date.iso.split("-")
        written = f"{int(year)}年{int(month)}月{int(day)}日"
        start, end = done + date.end - len(date.text), done + date.end
        text = text[:start] + written + text[end:]
        done = start + len(written)
    text = _WORD_RE.sub(_ideographs, text).translate(_MARKS)
    return _GAP_RE.sub("", text)


def unspaced(units: Sequence[Unit]) -> list[Unit]:
    """A page's units in the stand-in script, each where it was."""
    return [replace(u, text=unspace(u.text)) for u in units]
