"""The index and reports in a real browser: Debian's Chromium driven by Playwright.

No browser is downloaded: Playwright drives the system's `chromium` (`.ci/run` installs it
with apt when it is missing). Pages are opened from file:// with every network request
refused and recorded.
"""

from __future__ import annotations

import os
import shutil

import pytest

pytestmark = pytest.mark.notebook
sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip("no system Chromium (apt-get install chromium)", allow_module_level=True)

WIDTH = 1200
KEY_COLUMNS = 4  # the declared key columns come first: none may end beyond 1,200 px
REPORTS = [
    "districts/sop-cop-son-la.html",  # data-rich
    "districts/buon-ma-thuot-dak-lak.html",  # a single fact
    "comparisons/compare-growth.html",  # a comparison
]


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """Opens a file in a fresh page; returns the page and its console errors and requests."""
    opened = []

    def go(path):
        page = browser.new_page(viewport={"width": WIDTH, "height": 900})
        errors, network = [], []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))

        def route(request_route):
            url = request_route.request.url
            if url.startswith(("file:", "data:")):
                return request_route.continue_()
            network.append(url)
            return request_route.abort()

        page.route("**/*", route)
        page.goto(path.as_uri())
        opened.append(page)
        return page, errors, network

    yield go
    for page in opened:
        page.close()


def _district_names(page) -> list[str]:
    return page.eval_on_selector_all(
        "#districts tbody tr:not([hidden]) td:first-child", "cells => cells.map(c => c.textContent)"
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("report", REPORTS)
def test_reports_read_without_errors_and_keep_key_columns_on_screen(
    built_pages, open_page, lang, report
):
    folder = built_pages if lang == "vi" else built_pages / "en"
    page, errors, network = open_page(folder / report)
    assert errors == [] and network == []
    rights = page.eval_on_selector_all(
        "table.vn-table",
        f"""tables => tables.map(t => Array.from(t.tHead.rows[0].cells).slice(0, {KEY_COLUMNS})
                         .map(c => c.getBoundingClientRect().right))""",
    )
    assert rights, "no declared table on the page"
    assert max(max(r) for r in rights if r) <= WIDTH
    assert page.locator(".vn-report-header .vn-other").count() == 1


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_index_sorts_filters_and_searches(built_pages, open_page, lang):
    folder = built_pages if lang == "vi" else built_pages / "en"
    page, errors, network = open_page(folder / "index.html")
    assert errors == [] and network == []
    names = _district_names(page)
    assert len(names) == 3
    page.click("#districts thead th:nth-child(3) button")  # members, ascending; empty last
    members = page.eval_on_selector_all(
        "#districts tbody tr td:nth-child(3)", "cells => cells.map(c => c.dataset.sort)"
    )
    filled = [float(m) for m in members if m]
    assert filled == sorted(filled) and members[-1] == ""
    page.click("#districts thead th:nth-child(3) button")  # descending
    assert "Buôn Ma Thuột" in _district_names(page)[0]  # more than 13,000 members (2020)
    page.click("#districts thead th:nth-child(1) button")  # names, Vietnamese order
    assert [n.split()[-1] for n in _district_names(page)] == ["Thuột", "Cộp", "Mô"]
    page.fill("#q", "sop cop")  # search ignores accents
    assert [n for n in _district_names(page)] == ["huyện Sốp Cộp"]
    page.fill("#q", "")
    page.select_option("#province", "Ninh Bình")
    assert _district_names(page) == ["huyện Yên Mô"]
    assert page.text_content("#shown") == "1"
    page.select_option("#province", "")
    page.select_option("#region", "Tây Nguyên")
    assert _district_names(page) == ["thành phố Buôn Ma Thuột"]
    link = page.locator("a.other")
    assert link.count() == 1


def test_pictures_of_the_index_and_a_report(built_pages, open_page, tmp_path):
    """Screenshots a reader would see, taken so that someone can look at them."""
    for lang, folder in (("vi", built_pages), ("en", built_pages / "en")):
        page, errors, _ = open_page(folder / "index.html")
        page.screenshot(path=str(tmp_path / f"index-{lang}.png"), full_page=True)
        assert (tmp_path / f"index-{lang}.png").stat().st_size > 10_000
        assert errors == []


SUMMARISED = [
    "comparisons/compare-growth.html",
    "comparisons/compare-evaluations.html",
    "comparisons/compare-targets.html",
    "quality/data-quality.html",
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("report", SUMMARISED)
def test_the_summary_is_on_the_first_screen_and_the_contents_lead_to_sections(
    built_pages, open_page, lang, report
):
    folder = built_pages if lang == "vi" else built_pages / "en"
    page, errors, network = open_page(folder / report)
    assert errors == [] and network == []
    cards = page.locator(".vn-cards").bounding_box()
    assert cards and cards["y"] + cards["height"] <= 900 and cards["x"] + cards["width"] <= WIDTH
    first = page.locator(".vn-summary li").first.bounding_box()
    assert first and first["y"] < 900
    links = page.locator("nav a")
    assert links.count() >= 3
    last = links.nth(links.count() - 1)
    target = last.get_attribute("href")
    last.click()
    top = page.locator(target).bounding_box()
    assert top is not None and -2 <= top["y"] < 900, (target, top)  # scrolled to it
