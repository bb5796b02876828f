"""Dates, datelines, bylines and furniture lines."""

from __future__ import annotations

import pytest

from archive.extract.dates import find_date, match_dateline, match_page_date_line
from archive.extract.lines import is_fair_use, is_noise, parse_byline, parse_source_line


@pytest.mark.parametrize(("text", "iso"), [
    ("(October 20, 2016) — Islamic State", "2016-10-20"),
    ("(20 October 2016) – More than", "2016-10-20"),
    ("October 20, 2016 — The", "2016-10-20"),
    ("(Oct. 20, 2016) -- The", "2016-10-20"),
    ("WASHINGTON (October 20, 2016) — The", "2016-10-20"),
    ("MILLBROOK SPRINGS, Ohio (June 13, 2017) — More", "2017-06-13"),
    ("(2016-10-20) — The", "2016-10-20"),
    ("(October, 20, 2016) — The", "2016-10-20"),
    ("(Sept. 14, 2017) -- Soil", "2017-09-14"),
])
def test_datelines(text, iso):
    found = match_dateline(text)
    assert found is not None and found.iso == iso
    assert text[found.end:][0].isupper()


@pytest.mark.parametrize("text", ["October 20, 2016 was a day", "In 2016 — nothing", "(2016) — x",
                                  "The (October 20, 2016) — x"])
def test_not_datelines(text):
    assert match_dateline(text) is None


@pytest.mark.parametrize(("text", "iso"), [("于2016年10月19日发布", "2016-10-19"), ("2016 年 3 月 5 日", "2016-03-05"),
                                         ("2016년 10월 19일 오후", "2016-10-19")])
def test_dates_written_with_year_month_day_signs(text, iso):
    found = find_date(text)
    assert found is not None and found.iso == iso


def test_impossible_dates_are_not_dates():
    assert find_date("2016年13月45日") is None
    assert find_date("2016-13-45") is None
    assert find_date("February 31st, 99999") is None


@pytest.mark.parametrize(("line", "iso"), [
    ("October 20th, 2016 - by admin", "2016-10-20"),
    ("Posted on 2017-03-03 by editor", "2017-03-03"),
])
def test_page_date_lines(line, iso):
    assert match_page_date_line(line).iso == iso


@pytest.mark.parametrize(("line", "outlet", "author", "date"), [
    ("Jon Lockett / The Sun", "The Sun", "Jon Lockett", None),
    ("By Mara Quint, Seawatch Journal", "Seawatch Journal", "Mara Quint", None),
    ("Lena Park & Omar Haddad / Gulf Coast Observer", "Gulf Coast Observer", "Lena Park & Omar Haddad", None),
    ("Pacific Wire Staff / Pacific Wire", "Pacific Wire", None, None),
    ("Yusuf Karimi | Frontline Monitor | 9 April 2017", "Frontline Monitor", "Yusuf Karimi", "2017-04-09"),
    ("Josh Balk – Common Dreams, 14 Jul 2014", "Common Dreams", "Josh Balk", "2014-07-14"),
    ("Common Dreams | 17 April, 2016", "Common Dreams", None, "2016-04-17"),
    ("by Karl Denninger, Market Ticker:", "Market Ticker", "Karl Denninger", None),
    ("(Jon Letman / Truthout)", "Truthout", "Jon Letman", None),
])
def test_bylines(line, outlet, author, date):
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.outlet, byline.author, byline.date.iso if byline.date else None) == (outlet, author, date)


def test_byline_list_keeps_every_outlet_and_author():
    byline = parse_byline("(Tom Englehardt / TomDispatch & William Astore / TomDispatch)")
    assert byline.outlet == "TomDispatch"
    assert byline.author == "Tom Englehardt; William Astore"


@pytest.mark.parametrize("line", ["The ocean is not a firing range.", "US, Saudis To Grant 9,000 ISIS Fighters",
                                  "Read more: http://example.org/x", "What the Tests Found"])
def test_not_bylines(line):
    assert parse_byline(line) is None


def test_source_line_entries():
    entries, date = parse_source_line("RT News & Jon Lockett / The Sun – 2016-10-20 23:32:13")
    assert [(e.outlet, e.authors) for e in entries] == [("RT News", ()), ("The Sun", ("Jon Lockett",))]
    assert date.iso == "2016-10-20"
    entries, _ = parse_source_line(
        "Veterans Health Watch & Dana Ortiz / The Frontier Dispatch & Lena Park & Omar Haddad / "
        "Gulf Coast Observer – 2017-03-03 10:02:17")
    assert [e.outlet for e in entries] == ["Veterans Health Watch", "The Frontier Dispatch", "Gulf Coast Observer"]
    assert entries[2].authors == ("Lena Park", "Omar Haddad")


def test_furniture_lines():
    assert is_fair_use("Posted in accordance with Title 17, Section 107, US Code, for noncommercial purposes.")
    assert is_fair_use("FAIR USE NOTICE: This site contains copyrighted material ...")
    assert not is_fair_use("The court heard a copyright case last week.")
    assert is_noise("Photo: Volunteers keep a stranded pilot whale wet.")
    assert is_noise("Related: Port Blockade Leaves Two Million Without Clean Water")
    assert is_noise("Read more: https://example.org/story")
    assert not is_noise("Photographers gathered outside.")
