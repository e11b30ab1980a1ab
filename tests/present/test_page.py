import re

import pandas as pd

from analysis import growth, quality, targets
from analysis.present.declared import render_table
from analysis.present.page import Page


def test_a_declared_table_has_labels_key_columns_first_and_no_codes(embedded):
    own = embedded.subset(["sop-cop-son-la"])
    page = Page(own, "en", "sop-cop-son-la")
    html = render_table(targets.assess_targets(own), "targets", "en", page.cite)
    headers = re.findall(r"<th[^>]*>([^<]*)</th>", html)
    assert headers[:4] == ["Figure", "Period", "Status", "Attained"]
    assert not any("_" in h for h in headers)
    assert "True" not in html and "False" not in html
    assert "117.3 %" in html and "2020–2025 term" in html


def test_fact_ids_become_numbered_links_to_the_all_figures_rows(embedded):
    own = embedded.subset(["sop-cop-son-la"])
    page = Page(own, "vi", "sop-cop-son-la")
    html = render_table(growth.admissions_per_year(own), "admissions", "vi", page.cite)
    numbers = set(re.findall(r'href="#fact-(\d+)"', html))
    assert numbers and "seed-004" not in html
    figures = render_table(
        pd.DataFrame(), "facts", "vi", page.cite
    )  # an empty table folds into one line
    assert figures.startswith('<p class="vn-empty">')
    assert len(page.numbers) == len(own.facts)  # a district's facts are numbered in advance
    assert {str(page.numbers[f]) for f in page.numbers} >= numbers


def test_data_are_escaped_in_declared_tables(embedded):
    findings = quality.find_contradictions(embedded).head(1)
    findings = findings.assign(what="<script>alert(1)</script>")
    html = render_table(findings, "quality", "en", lambda ids: "")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_vietnamese_labels_come_from_the_declarations(embedded):
    own = embedded.subset(["sop-cop-son-la"])
    html = render_table(growth.stock_series(own), "stocks", "vi", lambda ids: "")
    assert "<th" in html and "Thời điểm" in html and "đảng viên" in html
    assert "4.014" in html and "cuối năm 2023" in html
