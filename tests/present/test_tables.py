import pandas as pd

from analysis.present import tables as present
from analysis.present.page import Page


def test_html_table_escapes_every_cell_and_links_only_web_addresses():
    frame = pd.DataFrame(
        {
            "name": ["<script>x</script>", "Sốp Cộp"],
            "url": ["javascript:alert(1)", "https://example.invalid/a?b=1&c=2"],
            "derived": [True, False],
        }
    )
    html = present.html_table(frame, ["name", "url"], links=["url"])
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert 'href="javascript' not in html
    assert '<a href="https://example.invalid/a?b=1&amp;c=2" rel="noopener noreferrer">' in html
    assert html.count('class="derived"') == 1


def test_html_table_says_how_many_rows_it_leaves_out():
    html = present.html_table(pd.DataFrame({"a": range(5)}), max_rows=2)
    assert "3 more rows not shown" in html


def test_escape_formats_values():
    assert present.escape(float("nan")) == ""
    assert present.escape(None) == ""
    assert present.escape(pd.Timestamp("2024-01-23")) == "2024-01-23"
    assert present.escape(4014.0) == "4,014"


def test_facts_with_sources(embedded):
    table = present.facts_with_sources(embedded, "sop-cop-son-la")
    assert len(table) == 33  # every Sốp Cộp figure of the seed article
    assert {
        "period",
        "figure",
        "value",
        "source",
        "published",
        "paragraph",
        "url",
        "fact_id",
    } <= set(table.columns)
    row = table[table["fact_id"] == "seed-004-07"].iloc[0]
    assert (row["qualifier"], row["value"], row["period"]) == ("at least", 400, "2020–2025")
    assert row["figure"] == "admissions"
    row = present.facts_with_sources(embedded, "sop-cop-son-la", "vi").set_index("fact_id")
    assert row.loc["seed-004-07", "qualifier"] == "từ … trở lên"
    assert row.loc["seed-004-07", "figure"] == "kết nạp đảng viên"


def test_banner_labels_synthetic_data(embedded):
    from dataclasses import replace

    for lang in ("vi", "en"):
        assert "SYNTHETIC" in Page(replace(embedded, synthetic=True), lang).banner_html()
        assert "SYNTHETIC" not in Page(embedded, lang).banner_html()
