"""The summaries of `present.overview`: sentences come from the tables, and a sentence
without figures to rest on is not written."""

from __future__ import annotations

import pandas as pd

from analysis.data.labels import LABELS_EN, label_codes, term_label
from analysis.data.schema import VOCABULARIES
from analysis.present import overview


def _funnel(rows):
    columns = [
        "district_id",
        "district",
        "indicator",
        "window",
        "value",
        "position_998",
        "fact_ids",
    ]
    return pd.DataFrame(rows, columns=columns)


def _comparison(n):
    return pd.DataFrame({"district": [f"D{i}" for i in range(n)], "members": [100.0] * n,
                         "admissions_per_year": [5.0] * n, "admissions_per_100_members": [5.0] * n})  # fmt: skip


def _levels():
    return pd.DataFrame(columns=["district_id", "metric", "short_span", "cagr_percent", "end_date", "fact_ids"])  # fmt: skip


def test_the_growth_summary_names_the_extremes_and_the_districts_outside_the_limits():
    funnel = _funnel([
        ("a", "Alpha", "admissions", "2020–2025", 6.5, "above", "f1"),
        ("b", "Beta", "admissions", "2020–2025", 1.25, "within", "f2"),
        ("c", "Gamma", "admissions", "2015–2020", 2.0, "within", "f3"),
    ])  # fmt: skip
    said = overview.summarize_growth(_comparison(3), _levels(), funnel, {}, "vi")
    texts = [s[0] for s in said.sentences]
    assert any("cao nhất là Alpha (6,50, nhiệm kỳ 2020–2025)" in t for t in texts)
    assert any("thấp nhất là Beta (1,25, nhiệm kỳ 2020–2025)" in t for t in texts)
    outside = [s for s in said.sentences if "ngoài giới hạn" in s[0]]
    assert outside and "Alpha (cao hơn, nhiệm kỳ 2020–2025)" in outside[0][0]
    assert outside[0][1] == "f1" and outside[0][2] == "fair-growth"
    assert ("Ngoài giới hạn phễu", "1", "giới hạn 99,8 %", "") in said.cards


def test_a_sentence_without_figures_is_not_written():
    said = overview.summarize_growth(_comparison(2), _levels(), _funnel([]), {}, "en")
    assert len(said.sentences) == 1  # how many districts; no extremes, no funnel limits
    assert not any("highest" in s[0] or "funnel" in s[0] for s in said.sentences)
    quiet = overview.summarize_quality(
        pd.DataFrame(columns=["district_id", "district", "check", "found_by", "fact_ids"]),
        pd.DataFrame(columns=["check", "findings", "districts"]), "en",
    )  # fmt: skip
    assert [s[0] for s in quiet.sentences] == ["No contradiction was found."]


def test_the_targets_summary_counts_statuses_and_leaves_out_zeros():
    assessment = pd.DataFrame({
        "district_id": ["a", "a", "b", "c"], "status": ["met", "undetermined", "behind", "not yet measurable"],
        "target_facts": ["t1", "t2", "t3", "t4"],
    })  # fmt: skip
    stated = pd.DataFrame(columns=["check", "fact_ids"])
    said = overview.summarize_targets(assessment, stated, "en")
    text = " ".join(s[0] for s in said.sentences)
    assert "4 targets of 3 districts" in text
    assert "Of the 3 targets that can be assessed: 1 met, 1 behind, 1 undetermined." in text
    assert "not met" not in text and "on track" not in text
    assert ("Met", "1", "", "") in said.cards


def test_windows_are_written_as_people_write_them():
    assert overview.format_window("2020–2025", "vi") == "nhiệm kỳ 2020–2025"
    assert overview.format_window("2023 (2018 scheme)", "vi") == "năm 2023 (quy định 2018)"
    assert overview.format_window("2023 (2018 scheme)", "en") == "2023 (2018 scheme)"


def test_every_code_has_an_english_label_and_the_vietnamese_one_of_the_schema():
    for name, vocabulary in VOCABULARIES.items():
        for code in vocabulary.codes:
            assert LABELS_EN[name][code] and "_" not in LABELS_EN[name][code], (name, code)
            assert term_label(name, code, "vi") == vocabulary.term(code).label_vi
    assert (
        label_codes("induction_trained among admissions", "en")
        == "induction trained among admissions"
    )
    assert label_codes("base_organizations", "vi") == "tổ chức cơ sở đảng (TCCSĐ)"
