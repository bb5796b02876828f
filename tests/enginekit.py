"""Invented articles and archive folders for the engine tests: the same corpus for every engine."""

from __future__ import annotations

from pathlib import Path

from archive.config import render_default_config

#: Invented articles: (title, author / outlet, date, body).  Words that tests look for are rare on purpose.
ARTICLES = [
    ("Glacier Retreat Alarms Valley Farmers", "Anna Reyes / The Coastal Ledger", (2015, 3, 4),
     "The glacier above the valley lost a third of its ice. Farmers said the glacier fed their wells, and the "
     "glacier melt now comes weeks earlier. Copper mines upstream were not blamed."),
    ("Copper Prices Climb After Strike", "Tomas Okafor / Pacific Wire", (2015, 6, 20),
     "Copper rose for a fifth week as miners stayed out. Traders expect copper to stay dear while the strike "
     "lasts, and one analyst mentioned a glacier road closed by snow."),
    ("Harbour Council Approves New Pier", "Leila Haddad / The Coastal Ledger", (2016, 1, 11),
     "The harbour council approved a pier after months of debate. Residents asked for safe passage for "
     "fishing boats during the works, which start in spring."),
    ("Refugees Seek Safe Passage North", "Omar Marsh / Relief Dispatch", (2016, 9, 2),
     "Aid groups asked for safe passage for refugees leaving the city. The passages north are closed, and "
     "officials in São Paulo offered to mediate."),
    ("Senate Delays Budget Vote", "Grace Kovac / Pacific Wire", (2017, 2, 14),
     "The senate delayed the budget vote again. Senators said the copper tax and the pier subsidy were the "
     "points still open."),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def page_of(articles: list[tuple[str, str, tuple[int, int, int], str]], number: int = 1) -> str:
    """A compilation page in the founding page's layout (see tests/pagewriter.py) holding ``articles``."""
    parts = [f"Weekly Compilation Number {number}", "March 3rd, 2017 - by admin"]
    for title, byline, (year, month, day), body in articles:
        parts += [title, byline, f"({MONTHS[month - 1]} {day}, {year}) — {body}"]
    parts.append("Posted in accordance with Title 17, Section 107, US Code, for noncommercial, educational purposes.")
    return "\n\n".join(parts) + "\n"


def write_config(folder: Path, engine: str, url: str | None) -> None:
    text = render_default_config()
    if engine == "postgresql":
        text = text.replace('engine = "whoosh"', 'engine = "postgresql"').replace('url = ""', f'url = "{url}"')
    (folder / "archive.toml").write_text(text, encoding="utf-8")
