"""Features of units: cheap, general, the same for text and HTML.

Each unit is described by its own shape (length, case, punctuation, dates,
names, byline and dateline forms, cue words), by what the markup says of it
(HTML hints), by where it sits (its block, its line, the page), by its
neighbours' shapes, and by how often its shape repeats down the page (the items
of a listing look alike).  The recognisers of ``dates`` and ``lines`` that were
rules are features here: the model decides how much each one counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .dates import find_date, match_dateline, match_page_date_line, match_wire_dateline, parse_date
from .lines import (
    find_inline_byline,
    is_all_caps,
    is_editor_note,
    is_fair_use,
    is_noise,
    is_trailer,
    looks_like_name_line,
    looks_like_outlet,
    looks_like_person,
    parse_byline,
    parse_source_line,
    title_case_ratio,
)
from .patterns import (
    AGE_RE,
    BRACKET_END_RE,
    BY_HINT_RE,
    BY_WORD_RE,
    CLOCK_RE,
    CUE_WORDS,
    CUT_END_RE,
    DASH_END_RE,
    DOMAIN_RE,
    FAIR_USE_HINT_RE,
    LIST_NUMBER_RE,
    SENTENCE_CLOSE_RE,
    SHORT_UNIT,
    UNSPACED_RE,
    URL_RE,
)
from .units import Unit

Features = dict[str, float | str]
#: Features of a neighbour that its own label depends on too much to copy (position and size).
_NOT_COPIED = frozenset({"c", "rel", "bl", "pos"})


def _bucket(value: float, edges: tuple[float, ...]) -> str:
    for n, edge in enumerate(edges):
        if value <= edge:
            return str(n)
    return str(len(edges))


#: The full-width marks of scripts written without spaces, as the marks they stand for.
_WIDE_MARKS = str.maketrans("。．？！：；，、）】", "..?!:;,,)]")


def word_count(text: str) -> int:
    """Words in ``text``; in a script written without spaces (Chinese, Japanese), two signs count as one."""
    if not UNSPACED_RE.search(text):
        return len(text.split())
    signs = sum(len(run) for run in UNSPACED_RE.findall(text))
    return len(UNSPACED_RE.sub(" ", text).split()) + (signs + 1) // 2


def _caseless(text: str) -> bool:
    """Letters, none of them capital or small: a script without letter case (Chinese, Arabic, Hebrew)."""
    head = text[:200]
    return any(c.isalpha() for c in head) and not any(c.isupper() or c.islower() for c in head)


def _last_char(text: str) -> str:
    char = text.rstrip()[-1:].translate(_WIDE_MARKS)
    if not char:
        return "none"
    if char in ".?!:;,…)]":
        return char
    if char in "\"”’'」』":
        return "quote"
    return "word" if char.isalnum() else "other"


def unit_features(text: str) -> Features:
    """What one unit's text looks like.  Recognisers of short lines are asked only of short units."""
    words = text.split()
    tc = title_case_ratio(text) if words else 0.0
    # a script without letter case says nothing by its case: "n", neither title nor sentence case
    case = "n" if words and _caseless(text) else _bucket(tc, (0.25, 0.5, 0.74, 0.99)) if words else "x"
    f: Features = {"w": _bucket(word_count(text), (1, 2, 3, 5, 8, 12, 20, 35, 60)),
                   "c": _bucket(len(text), (10, 25, 50, 80, 120, 200, 400)),
                   "tc": case,
                   "end": _last_char(text)}
    first = words[0] if words else ""
    short = len(text) <= SHORT_UNIT
    head = text[:SHORT_UNIT]
    date = find_date(head)
    flags = {
        "caps": is_all_caps(text), "q0": first[:1] in "\"“‘'" and bool(first), "br0": first[:1] in "([" and bool(first),
        "d0": first[:1].isdigit(), "low0": first[:1].islower(), "num": bool(LIST_NUMBER_RE.match(first)),
        "date": date is not None, "wdate": date is not None and short and parse_date(text) is not None,
        "time": bool(CLOCK_RE.search(head)), "age": len(words) <= 6 and bool(AGE_RE.search(text)),
        "dl": date is not None and match_dateline(text) is not None,
        "wire": date is not None and match_wire_dateline(text) is not None,
        "pdl": date is not None and short and match_page_date_line(text) is not None,
        "url": bool(URL_RE.search(head)), "domain": bool(DOMAIN_RE.search(head)), "at": "@" in head,
        "fair": FAIR_USE_HINT_RE.search(text) is not None and is_fair_use(text),
        "ednote": is_editor_note(text), "srcline": date is not None and short and parse_source_line(text) is not None,
        "inline_by": len(words) > 5 and BY_HINT_RE.search(text) is not None and find_inline_byline(text) is not None,
        "brk_end": bool(BRACKET_END_RE.search(text[-90:])), "slash": " / " in head,
        "dash_end": bool(DASH_END_RE.search(text[-3:])), "ellip": bool(CUT_END_RE.search(text[-8:])),
        "digits": bool(text) and sum(map(str.isdigit, head)) > 0.2 * len(head),
    }
    if short:
        flags.update({
            "person": looks_like_person(BY_WORD_RE.sub("", text.strip(" -:,"))), "name": looks_like_name_line(text),
            "outlet": len(words) <= 6 and looks_like_outlet(text), "noise": is_noise(text), "trailer": is_trailer(text),
        })
        byline = parse_byline(text)
        if byline is not None:
            flags.update({"byl": True, "byl_a": bool(byline.author), "byl_o": bool(byline.outlet)})
    f.update((k, 1.0) for k, v in flags.items() if v)
    cue = first.lower().strip(":,.")
    if cue in CUE_WORDS:
        f[f"cue={cue}"] = 1.0
    return f


def coarse_shape(text: str, f: Features) -> str:
    """A unit's shape at a glance, to see a listing's items repeat: length class, prose, title case, date."""
    words = word_count(text)
    size = "1" if words <= 3 else "2" if words <= 12 else "3" if words <= 30 else "4"
    prose = "p" if SENTENCE_CLOSE_RE.search(text[-2:]) and words >= 8 else "-"
    titled = "t" if f.get("tc") in ("3", "4") else "-"
    dated = "d" if "date" in f else "-"
    byline = "b" if "byl" in f or "person" in f else "-"
    return size + prose + titled + dated + byline


def line_features(text: str) -> Features:
    """What a whole line says, for a unit that is one segment of it: a source line, a byline, a date line."""
    checks = {"L:srcline": parse_source_line(text) is not None, "L:pdl": match_page_date_line(text) is not None,
              "L:byl": len(text) <= 200 and parse_byline(text) is not None, "L:fair": is_fair_use(text),
              "L:dl": match_dateline(text) is not None, "L:date": find_date(text) is not None}
    return {k: 1.0 for k, v in checks.items() if v}


def page_features(units: Sequence[Unit]) -> list[dict[str, float]]:
    """The features of every unit of a page, in order, as the CRF takes them ("w=3", "date", "-1:byl")."""
    base = [unit_features(u.text) for u in units]
    whole: dict[int, list[str]] = {}
    for u in units:
        if u.segs > 1:
            whole.setdefault(u.line, []).append((u.sep + u.text) if u.seg else u.text)
    lines = {line: line_features("".join(parts)) for line, parts in whole.items()}
    n = len(units)
    lengths = sorted(len(u.text) for u in units) or [1]
    median = lengths[len(lengths) // 2] or 1
    words = [word_count(u.text) for u in units]
    for u, f in zip(units, base, strict=True):
        f[f"kind={u.kind}"] = 1.0
        for hint in u.hints:
            f[f"h={hint}"] = 1.0
        if u.line_in_block == 0 and u.seg == 0:
            f["bstart"] = 1.0
        if u.line_in_block == u.lines_in_block - 1 and u.seg == u.segs - 1:
            f["bend"] = 1.0
        f["bl"] = _bucket(u.lines_in_block, (1, 2, 4))
        if u.segs > 1:
            f["seg"] = "first" if u.seg == 0 else ("last" if u.seg == u.segs - 1 else "mid")
            if u.sep:
                f[f"sep={u.sep.strip()[:1]}"] = 1.0
        f["rel"] = _bucket(len(u.text) / median, (0.2, 0.5, 1.0, 2.0))
        f.update(lines.get(u.line, {}))
    shapes = [coarse_shape(u.text, f) + u.kind[:2] for u, f in zip(units, base, strict=True)]
    counts = Counter(shapes)
    names = [[f"{k}={v}" if isinstance(v, str) else k for k, v in f.items()] for f in base]
    # what each neighbour sees of a unit, prefixed once: "-1:byl", "2:w=3"
    seen = [[f"{k}={v}" if isinstance(v, str) else k for k, v in f.items() if k not in _NOT_COPIED] for f in base]
    prefixed = [{off: dict.fromkeys((f"{off}:{k}" for k in keys), 1.0) for off in (-2, -1, 1, 2)} for keys in seen]
    out: list[dict[str, float]] = []
    for i, u in enumerate(units):
        g = dict.fromkeys(names[i], 1.0)
        g["pos=" + _bucket(i / max(n - 1, 1), (0.05, 0.2, 0.5, 0.8, 0.95))] = 1.0
        g["crep=" + _bucket(counts[shapes[i]], (1, 2, 4, 8))] = 1.0
        g[f"cs={shapes[i]}"] = 1.0
        before = words[i - 1] if i else 0
        after = words[i + 1] if i + 1 < n else 0
        flags = {"first": i == 0, "last": i == n - 1, "alone": u.lines_in_block == 1 and u.segs == 1,
                 "valley": words[i] < before and words[i] < after, "peak": words[i] > 2 * max(before, after, 1),
                 "before_long": after > 3 * max(words[i], 1)}
        for d in range(2, 7):
            flags[f"cper{d}"] = i - d >= 0 and shapes[i - d] == shapes[i]
            flags[f"cnext{d}"] = i + d < n and shapes[i + d] == shapes[i]
        g.update((k, 1.0) for k, v in flags.items() if v)
        # pairs a linear model cannot add up on its own: a short line before a long one that does not
        # end a sentence is a headline far more often than either sign says alone, whatever its case
        end = base[i]["end"]
        g[f"w&end={base[i]['w']}{end}"] = 1.0
        if flags["valley"] or flags["before_long"]:
            g[f"short_before_long&end={end}&tc={base[i]['tc']}"] = 1.0
        if flags["alone"]:
            g[f"alone&end={end}"] = 1.0
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                g.update(prefixed[j][off])
                if units[j].block == u.block:
                    g[f"{off}:sameblock"] = 1.0
            else:
                g[f"{off}:none"] = 1.0
        out.append(g)
    return out
