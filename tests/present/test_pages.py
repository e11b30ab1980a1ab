"""Every generated page reads as a document: no program output leaks into it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.notebook

SCIENTIFIC = re.compile(r"\b\d+(?:[.,]\d+)?e[+-]?\d+\b", re.I)
TAGS = re.compile(r"<[^>]+>")
SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")


def _pages(folder: Path) -> list[Path]:
    pages = sorted(folder.rglob("*.html"))
    assert len(pages) >= 16  # two languages: index, 4 reports across districts, 3 districts
    return pages


def _text(html: str) -> str:
    """The page's visible text: without images, styles, scripts and tags."""
    html = re.sub(r"<(style|script)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r'src="data:[^"]*"', " ", html)
    return TAGS.sub(" ", html)


def test_no_scientific_notation_on_any_page(built_pages):
    for page in _pages(built_pages):
        found = SCIENTIFIC.findall(_text(page.read_text(encoding="utf-8")))
        assert not found, (page.name, found[:5])


def test_no_true_or_false_cells(built_pages):
    for page in _pages(built_pages):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<td[^>]*>\s*(True|False)\s*</td>", html), page.name


def test_no_snake_case_headers(built_pages):
    for page in _pages(built_pages):
        headers = re.findall(r"<th\b[^>]*>(.*?)</th>", page.read_text(encoding="utf-8"), re.S)
        codes = [h for h in map(lambda h: TAGS.sub("", h), headers) if SNAKE.search(h)]
        assert not codes, (page.name, codes[:5])


def test_nothing_is_loaded_from_the_network(built_pages):
    loads = re.compile(r"<(?:script|link|img|iframe)\b[^>]*(?:src|href)=\"(?:https?:)?//", re.I)
    for page in _pages(built_pages):
        html = page.read_text(encoding="utf-8")
        assert not loads.search(html), page.name
        assert "@import" not in html and "url(http" not in html, page.name


def test_the_two_languages_link_to_each_other(built_pages):
    vi = (built_pages / "districts" / "sop-cop-son-la.html").read_text(encoding="utf-8")
    en = (built_pages / "en" / "districts" / "sop-cop-son-la.html").read_text(encoding="utf-8")
    assert 'href="../en/districts/sop-cop-son-la.html"' in vi and "Đảng viên" in vi
    assert 'href="../../districts/sop-cop-son-la.html"' in en and "Party members" in en
    assert 'href="en/index.html"' in (built_pages / "index.html").read_text(encoding="utf-8")


def test_one_fingerprint_per_report_in_its_header_and_the_index(built_pages):
    html = (built_pages / "districts" / "sop-cop-son-la.html").read_text(encoding="utf-8")
    shown = re.search(r"<code>([0-9a-f]{12})</code>\)", html).group(1)
    index = (built_pages / "index.html").read_text(encoding="utf-8")
    row = re.search(r"Sốp Cộp.*?</tr>", index, re.S).group(0)
    assert shown in row
    assert len(set(re.findall(r"[0-9a-f]{12,}", _text(html)))) == 1


def test_a_single_fact_report_has_no_chart_and_says_what_is_missing(built_pages):
    html = (built_pages / "en" / "districts" / "buon-ma-thuot-dak-lak.html").read_text(
        encoding="utf-8"
    )
    assert "<img" not in html
    assert html.count('class="vn-empty"') >= 4
    assert 'class="vn-cards"' in html and 'id="fact-1"' in html
