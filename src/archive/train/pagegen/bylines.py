"""Printers of credits: names as printed, the byline forms (``BYLINE_FORMS``, ``byline_block``) and the
sources glued after a headline (``source_suffix``); each records the outlet, author and date it prints."""

from __future__ import annotations

import random
from collections.abc import Callable

from .articles import ArticleSpec
from .dates import fmt_date
from .model import Block, Builder, S, Seg
from .vocab import BY_WORDS


# ------------------------------------------------------------------ names as printed
def join_names(rng: random.Random, names: tuple[str, ...] | list[str], lang: str = "en") -> str:
    """'A and B', 'A & B', 'A, B and C'; other languages use ' & ' (the scorer splits names on '&', ',', ';'
    and the English 'and' only)."""
    if len(names) == 1:
        return names[0]
    glue = rng.choice((" and ", " & ")) if lang == "en" else " & "
    return ", ".join(names[:-1]) + glue + names[-1]


def author_value(spec: ArticleSpec, with_co: bool = False) -> str | None:
    names = list(spec.authors) + ([a for a, _ in spec.co if a] if with_co else [])
    return "; ".join(dict.fromkeys(names)) or None


def outlet_value(spec: ArticleSpec, with_co: bool = False) -> str:
    return "; ".join(dict.fromkeys([spec.outlet] + ([o for _, o in spec.co] if with_co else [])))


SOURCE_SUFFIXES = ("paren", "paren_author", "bracket", "dash", "hyphen")


def source_suffix(b: Builder, i: int, style: str) -> list[Seg]:
    """A source glued after a headline: ' (Outlet)', ' (Outlet / Author)', ' [Outlet]', ' — Outlet'."""
    spec = b.spec(i)
    if style == "paren_author" and spec.authors:
        seg = S(f"({spec.outlet} / {join_names(b.rng, spec.authors)})", "byline")
        b.give(i, "author", author_value(spec) or "", seg)
    else:
        text = {"bracket": "[{}]", "dash": "— {}", "hyphen": "- {}"}.get(style, "({})").format(spec.outlet)
        seg = S(text, "byline")
    b.give(i, "outlet", outlet_value(spec), seg)
    return [S(" "), seg]


# ------------------------------------------------------------------ bylines
def _author_or_none(b: Builder, i: int, seg: Seg, with_co: bool = False) -> None:
    value = author_value(b.spec(i), with_co)
    if value:
        b.give(i, "author", value, seg)


def _by(b: Builder, i: int) -> list[list[Seg]]:
    spec = b.spec(i)
    seg = S(f"{BY_WORDS[spec.lang]} {join_names(b.rng, spec.authors, spec.lang)}", "byline")
    _author_or_none(b, i, seg)
    return [[seg]]


def _with_outlet(template: str) -> Callable[[Builder, int], list[list[Seg]]]:
    """A one-line byline form naming authors {a}, outlet {o} and maybe date {d}."""
    def form(b: Builder, i: int) -> list[list[Seg]]:
        spec = b.spec(i)
        d = fmt_date(spec.date, b.rng.choice(("dmy_short", "dmy", "long"))) if "{d}" in template else ""
        text = template.format(a=join_names(b.rng, spec.authors, spec.lang), o=spec.outlet, d=d,
                               by=BY_WORDS[spec.lang])
        seg = S(text, "byline")
        _author_or_none(b, i, seg)
        b.give(i, "outlet", outlet_value(spec), seg)
        if d:
            b.give(i, "date", spec.date.isoformat(), seg)
        return [[seg]]
    return form


def _outlet_only(b: Builder, i: int) -> list[list[Seg]]:
    seg = S(b.spec(i).outlet, "byline")
    b.give(i, "outlet", outlet_value(b.spec(i)), seg)
    return [[seg]]


def _staff(b: Builder, i: int) -> list[list[Seg]]:
    o = b.spec(i).outlet
    seg = S(b.rng.choice((f"{o} Staff", f"{o} Staff / {o}")), "byline")
    b.give(i, "outlet", o, seg)
    return [[seg]]


def _slash(b: Builder, i: int) -> list[list[Seg]]:
    spec = b.spec(i)
    if spec.staff:
        return _staff(b, i)
    return _with_outlet("{a} / {o}")(b, i) if spec.authors else _outlet_only(b, i)


def _staff_writer(b: Builder, i: int) -> list[list[Seg]]:
    spec = b.spec(i)
    first = S(f"by {join_names(b.rng, spec.authors)}, staff writer", "byline")
    _author_or_none(b, i, first)
    second = S(spec.outlet, "byline")
    b.give(i, "outlet", spec.outlet, second)
    return [[first], [second]]


def _paren_multi(b: Builder, i: int) -> list[list[Seg]]:
    spec = b.spec(i)
    credits = [(join_names(b.rng, spec.authors) if spec.authors else None, spec.outlet), *spec.co]
    seg = S("(" + " & ".join(f"{a} / {o}" if a else o for a, o in credits) + ")", "byline")
    _author_or_none(b, i, seg, with_co=True)
    b.give(i, "outlet", outlet_value(spec, with_co=True), seg)
    return [[seg]]


def _author_caps(b: Builder, i: int) -> list[list[Seg]]:
    spec = b.spec(i)
    shown = [" ".join([*n.split()[:-1], n.split()[-1].upper()]) for n in spec.authors]
    seg = S(join_names(b.rng, shown), "byline")
    _author_or_none(b, i, seg)
    return [[seg]]


def _posted_by(b: Builder, i: int) -> list[list[Seg]]:
    seg = S(f"Posted by {join_names(b.rng, b.spec(i).authors)}", "byline")
    _author_or_none(b, i, seg)
    return [[seg]]


def _by_then_outlet_date(b: Builder, i: int) -> list[list[Seg]]:
    spec = b.spec(i)
    lines = _by(b, i) if spec.authors else []
    seg = S(f"{spec.outlet} | {fmt_date(spec.date, b.rng.choice(('dmy_comma', 'dmy', 'long')))}", "byline")
    b.give(i, "outlet", spec.outlet, seg)
    b.give(i, "date", spec.date.isoformat(), seg)
    return [*lines, [seg]]


#: byline forms: name -> printer of the byline's lines (each records what it prints)
BYLINE_FORMS: dict[str, Callable[[Builder, int], list[list[Seg]]]] = {
    "by": _by,
    "by_outlet": _with_outlet("{by} {a}, {o}"),
    "staff_writer": _staff_writer,
    "slash": _slash,
    "pipe_date": _with_outlet("{a} | {o} | {d}"),
    "dash_date": _with_outlet("{a} – {o}, {d}"),
    "paren_multi": _paren_multi,
    "outlet": _outlet_only,
    "comma_dash": _with_outlet("By {a}, {o} -"),
    "comma_dash_bare": _with_outlet("{a}, {o} -"),
    "posted_by": _posted_by,
    "written_for": _with_outlet("Written by {a} for {o}"),
    "staff": _staff,
    "by_in": _with_outlet("By {a} in {o}"),
    "author_caps": _author_caps,
    "caps_slash": _with_outlet("BY {a} / {o}"),
    "by_outlet_date": _by_then_outlet_date,
}
NEEDS_AUTHOR = {"by", "by_outlet", "staff_writer", "pipe_date", "dash_date", "comma_dash", "comma_dash_bare",
                "posted_by",
                "written_for", "by_in", "author_caps", "caps_slash"}


def byline_block(b: Builder, i: int, forms: tuple[str, ...]) -> Block:
    """A byline in one of ``forms`` (outlet-only when the form needs an author and there is none)."""
    form, spec = b.rng.choice(forms), b.spec(i)
    if form in NEEDS_AUTHOR and not spec.authors:
        form = "staff" if spec.staff else "outlet"
    elif form == "staff" and spec.authors:
        form = "slash"
    lines = [b.line("byline", i, *segs) for segs in BYLINE_FORMS[form](b, i)]
    if form == "caps_slash":
        for seg in lines[0].segs:
            seg.text = seg.text.upper()
    return Block(lines, "byline")
