"""The summary at the top of the reports across districts and of the data-quality report:
cards, cited sentences, a table of contents whose links resolve, and labels, not codes."""

from __future__ import annotations

import re

import pytest

from analysis.data.schema import VOCABULARIES

pytestmark = pytest.mark.notebook

REPORTS = ["comparisons/compare-growth", "comparisons/compare-evaluations",
           "comparisons/compare-targets", "quality/data-quality"]  # fmt: skip
TAGS = re.compile(r"<[^>]+>")
CODES = {
    code
    for vocabulary in ("metric", "category", "unit", "basis", "period_kind", "subject")
    for code in VOCABULARIES[vocabulary].codes
    if "_" in code
}
"""Codes that are not words: seeing one in a cell means a label is missing."""


def _page(built_pages, lang: str, report: str) -> str:
    folder = built_pages if lang == "vi" else built_pages / "en"
    return (folder / f"{report}.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("report", REPORTS)
def test_the_summary_opens_the_report_with_cards_and_cited_sentences(built_pages, lang, report):
    html = _page(built_pages, lang, report)
    cards = html.index('class="vn-cards"')
    assert cards < html.index("<h2"), "the cards come before the first section"
    assert len(re.findall(r"<div class=vn-card>", html)) >= 3
    items = re.findall(r"<li>(.*?)</li>", re.search(r'<ul class="vn-summary">(.*?)</ul>', html, re.S)[1], re.S)  # fmt: skip
    assert 3 <= len(items) <= 6, items
    for item in items:
        text = TAGS.sub("", item).strip()
        assert re.search(r"\d", text), text  # each sentence states figures
        assert 'href="#fact-' in item or 'href="#sec-' in item, text  # and cites them
        assert "{" not in text and "nan" not in text.split(), text


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("report", REPORTS)
def test_every_link_of_the_contents_and_citations_reaches_its_target(built_pages, lang, report):
    html = _page(built_pages, lang, report)
    contents = re.search(r"<nav>(.*?)</nav>", html, re.S)[1]
    sections = re.findall(r'href="#(sec-[\w-]+)"', contents)
    assert len(sections) >= 3
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    targets = set(re.findall(r'href="#((?:sec|fact)-[\w-]+)"', html))
    assert not targets - ids, sorted(targets - ids)
    order = [html.index(f'id="{s}"') for s in sections]
    assert order == sorted(order), "the contents follow the page"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("report", REPORTS)
def test_table_cells_show_labels_not_codes(built_pages, lang, report):
    html = _page(built_pages, lang, report)
    cells = [
        TAGS.sub("", c).strip() for c in re.findall(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", html, re.S)
    ]
    assert cells
    words = {w for cell in cells for w in re.findall(r"[\w>=<~]+", cell)}
    assert not words & CODES, sorted(words & CODES)
    assert not {"count", "percent", "True", "False"} & set(cells)
    headers = [TAGS.sub("", h) for h in re.findall(r"<th\b[^>]*>(.*?)</th>", html, re.S)]
    codes = [h for h in headers if re.fullmatch(r"[a-z]+(?:[_ ][a-z]+)*", h.strip())]
    assert not codes, codes  # "window", "district compared": column names, not labels


def test_the_vietnamese_summary_is_in_vietnamese(built_pages):
    html = _page(built_pages, "vi", "comparisons/compare-growth")
    summary = TAGS.sub("", re.search(r'<ul class="vn-summary">(.*?)</ul>', html, re.S)[1])
    assert "đơn vị" in summary and "district" not in summary
    assert re.search(r"\d,\d\d\b", summary)  # a rate written 6,62, not 6.62
