"""The hits-per-month chart: an SVG drawn on the server from the month facet, each bar a link.

Months with no hits between the first and the last are drawn as gaps, so the
time axis is true; a click on a bar narrows the search to that month.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

WIDTH, HEIGHT, LABEL = 640, 90, 14
#: A bar is never wider than this, however few the months.
MAX_BAR = 28.0


@dataclass(frozen=True)
class Bar:
    month: str
    count: int
    x: float
    y: float
    width: float
    height: float
    url: str


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    width: int
    height: int
    first: str
    last: str
    most: int


def month_range(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (YYYY-MM), both included."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    out: list[str] = []
    while (year, month) <= end and len(out) < 1200:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def month_chart(counts: tuple[tuple[str, int], ...], url_for: Callable[[str], str]) -> Chart | None:
    """The chart of ``counts`` (month -> hits, as the month facet gives them); None when no hit is dated."""
    dated = {m: n for m, n in counts if len(m) == 7 and m[:4].isdigit() and m[5:7].isdigit()}
    if not dated:
        return None
    months = month_range(min(dated), max(dated))
    most = max(dated.values())
    step = WIDTH / len(months)
    gap = min(2.0, step / 4)
    bars = []
    for n, month in enumerate(months):
        count = dated.get(month, 0)
        if not count:
            continue
        height = max(2.0, (HEIGHT - LABEL) * count / most)
        width = min(max(step - gap, 1.0), MAX_BAR)
        bars.append(Bar(month, count, round(n * step + (step - width) / 2, 2), round(HEIGHT - LABEL - height, 2),
                        round(width, 2), round(height, 2), url_for(month)))
    return Chart(tuple(bars), WIDTH, HEIGHT, months[0], months[-1], most)
