"""Dates and times as compilation pages print them: the named date formats of every language and the
times of day (``fmt_date``, ``fmt_time``)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from .vocab import DE, ES, FR, MONTHS_ABBR, MONTHS_AP, MONTHS_EN, MONTHS_SHORT, WEEKDAYS


def ordinal(n: int) -> str:
    """1 -> '1st', 22 -> '22nd'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


#: date formats, name -> printer; numeric ones may be ambiguous, the gold date is always the true one
DATE_FORMATS: dict[str, Callable[[dt.date], str]] = {
    "long": lambda d: f"{MONTHS_EN[d.month - 1]} {d.day}, {d.year}",
    "ap": lambda d: f"{MONTHS_AP[d.month - 1]} {d.day}, {d.year}",
    "abbr": lambda d: f"{MONTHS_ABBR[d.month - 1]} {d.day}, {d.year}",
    "short": lambda d: f"{MONTHS_SHORT[d.month - 1]} {d.day}, {d.year}",
    "dmy": lambda d: f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}",
    "dmy_short": lambda d: f"{d.day} {MONTHS_SHORT[d.month - 1]} {d.year}",
    "dmy_comma": lambda d: f"{d.day} {MONTHS_EN[d.month - 1]}, {d.year}",
    "iso": lambda d: d.isoformat(),
    "dmy_slash": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "mdy_slash": lambda d: f"{d.month}/{d.day}/{d.year}",
    "weekday": lambda d: f"{WEEKDAYS[d.weekday()]}, {MONTHS_EN[d.month - 1]} {d.day}, {d.year}",
    "dot": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "ordinal": lambda d: f"{MONTHS_EN[d.month - 1]} {ordinal(d.day)}, {d.year}",
    "ordinal_dmy": lambda d: f"{ordinal(d.day)} {MONTHS_EN[d.month - 1]} {d.year}",
    "rfc": lambda d: f"{WEEKDAYS[d.weekday()][:3]}, {d.day:02d} {MONTHS_SHORT[d.month - 1]} {d.year}",
    "fr": lambda d: f"{d.day} {FR['months'][d.month - 1]} {d.year}",
    "fr_weekday": lambda d: f"{FR['weekdays'][d.weekday()]} {d.day} {FR['months'][d.month - 1]} {d.year}",
    "fr_abbr": lambda d: f"{FR['wd_abbr'][d.weekday()]}, {d.day} {FR['months'][d.month - 1]} {d.year}",
    "es": lambda d: f"{d.day} de {ES['months'][d.month - 1]} de {d.year}",
    "es_weekday": lambda d: f"{ES['weekdays'][d.weekday()]}, {d.day} de {ES['months'][d.month - 1]} de {d.year}",
    "de": lambda d: f"{d.day}. {DE['months'][d.month - 1]} {d.year}",
    "de_weekday": lambda d: f"{DE['weekdays'][d.weekday()]}, {d.day}. {DE['months'][d.month - 1]} {d.year}",
}
EN_DATE_FORMATS = ("long", "ap", "abbr", "short", "dmy", "dmy_short", "iso", "dmy_slash", "mdy_slash", "weekday",
                   "dot", "ordinal", "ordinal_dmy")
LANG_DATE_FORMATS = {"en": EN_DATE_FORMATS, "fr": ("fr", "fr_weekday"), "es": ("es", "es_weekday"),
                     "de": ("de", "de_weekday", "dot")}


def fmt_date(d: dt.date, style: str) -> str:
    """Print ``d`` in the named DATE_FORMATS style."""
    return DATE_FORMATS[style](d)


def fmt_time(rng: random.Random, style: str = "ampm") -> str:
    """A time of day: 'ampm' -> '04:26 am', 'pst' -> '12:31 AM PST', 'clock' -> '23:32:13', 'et' -> '2:15 PM ET'."""
    h, m, s = rng.randrange(24), rng.randrange(60), rng.randrange(60)
    h12, half = (h % 12 or 12), ("am" if h < 12 else "pm")
    return {"ampm": f"{h12:02d}:{m:02d} {half}", "pst": f"{h12:02d}:{m:02d} {half.upper()} PST",
            "clock": f"{h:02d}:{m:02d}:{s:02d}", "et": f"{h12}:{m:02d} {half.upper()} ET"}[style]
