"""End to end in a real headless Chromium against a real `archive serve`: search, a facet, an article,
a diff, a correction with --allow-edits, and the same correction refused without.

Needs Debian's chromium and chromium-driver (.ci/run installs them); the test
skips, saying so, where they are missing.  It makes the screenshots the README
shows: into docs/screenshots/ when they are not there or ARCHIVE_SCREENSHOTS=1
is set (so that a test run leaves the work tree as it was), else into a
temporary folder.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import MOSUL
from webserver import start_server, stop_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
SHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SUN = "articles/the-sun/2016/10/america-plotting-to-allow-9000-isis-fighters-to-escape"

pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="the browser tests need chromium and chromedriver "
                                "(Debian: apt-get install chromium chromium-driver; .ci/run installs them)")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1000", "--lang=en-US"):
        options.add_argument(argument)
    # The Debian driver, named: selenium then never looks for (or downloads) one of its own.
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def wait_for(driver, css: str):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, 30).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css)))


def follow(driver, link) -> None:
    """Click a link or button and wait for the next page to replace this one."""
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    old = driver.find_element("css selector", "html")
    link.click()
    WebDriverWait(driver, 30).until(expected_conditions.staleness_of(old))
    wait_for(driver, "main")


def shots_folder(tmp_path: Path) -> Path:
    """Where the screenshots go: the README's folder when asked or when they are missing."""
    wanted = ("search.png", "article.png")
    if os.environ.get("ARCHIVE_SCREENSHOTS") == "1" or not all((SHOTS / name).exists() for name in wanted):
        SHOTS.mkdir(parents=True, exist_ok=True)
        return SHOTS
    return tmp_path


def test_search_facet_article_diff_and_a_correction(browser, archive, archive_dir, tmp_path):
    from selenium.webdriver.common.by import By

    driver = browser
    shots = shots_folder(tmp_path)
    archive.ingest([str(MOSUL)])
    server, address = start_server(archive_dir, "--allow-edits")
    try:
        driver.get(address)
        box = wait_for(driver, "input[name=q]")
        box.send_keys("Mosul safe passage")
        follow(driver, driver.find_element(By.CSS_SELECTOR, ".searchbox button"))
        assert len(driver.find_elements(By.CSS_SELECTOR, "li.hit")) == 3
        assert driver.find_elements(By.CSS_SELECTOR, ".snippet mark")
        driver.save_screenshot(str(shots / "search.png"))

        follow(driver, driver.find_element(By.LINK_TEXT, "The Sun"))
        assert len(driver.find_elements(By.CSS_SELECTOR, "li.hit")) == 1
        assert "outlet: The Sun" in driver.find_element(By.CSS_SELECTOR, ".active").text

        follow(driver, driver.find_element(By.CSS_SELECTOR, "li.hit a.title"))
        assert driver.current_url.endswith(SUN)
        assert driver.find_element(By.CSS_SELECTOR, "dd.author").text == "Jon Lockett"

        follow(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Correct title"))
        author = driver.find_element(By.ID, "field-author")
        author.clear()
        author.send_keys("J. Lockett")
        driver.find_element(By.ID, "field-reason").send_keys("byline misread")
        follow(driver, driver.find_element(By.CSS_SELECTOR, ".editform button"))
        assert "corrected: version 2" in driver.find_element(By.CSS_SELECTOR, ".saved").text
        assert driver.find_element(By.CSS_SELECTOR, "dd.author").text == "J. Lockett"
        assert driver.find_element(By.CSS_SELECTOR, "dd.version").text == "2 of 2"
        driver.save_screenshot(str(shots / "article.png"))

        follow(driver, driver.find_element(By.CSS_SELECTOR, ".diffform button"))
        diff = driver.find_element(By.CSS_SELECTOR, "pre.diff").text
        assert "author: 'Jon Lockett' -> 'J. Lockett'" in diff
    finally:
        stop_server(server)
    assert archive.record(SUN).author == "J. Lockett"

    server, address = start_server(archive_dir)
    try:
        driver.get(f"{address}{SUN}")
        wait_for(driver, "main")
        assert not driver.find_elements(By.PARTIAL_LINK_TEXT, "Correct title")
        assert "--allow-edits" in driver.find_element(By.CSS_SELECTOR, ".correct").text
        driver.get(f"{address}edit/{SUN}")
        refused = wait_for(driver, "p.error").text
        assert "without --allow-edits" in refused
    finally:
        stop_server(server)
    assert archive.record(SUN).version == 2
