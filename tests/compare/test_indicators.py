"""Indicators built from a dataset over comparable windows, the comparison tables, the figures
left out, and the count model or its refusal."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stdout

import numpy as np
import pandas as pd
import pytest

from analysis.cli import main
from analysis.compare import tables
from analysis.compare.indicators import comparison_inputs, left_out, term_of
from analysis.growth import admissions_per_year
from analysis.text.periods import years_between

from conftest import REPO, dataset_with, fact

sys.path.insert(0, str(REPO / "benchmarks"))


def day(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def test_a_figure_belongs_to_the_term_holding_two_thirds_of_its_days():
    assert term_of(day("2021-01-01"), day("2022-09-30")) == ("2020–2025", 1.0)
    # 2015-01-01 to 2018-07-13: 1,290 days, 1,109 of them from 1 July 2015 (worked by hand)
    term, share = term_of(day("2015-01-01"), day("2018-07-13"))
    assert term == "2015–2020" and share == pytest.approx(1109 / 1290)
    # calendar 2020 straddles the congress of mid-2020: about half in each term, so in neither
    term, share = term_of(day("2020-01-01"), day("2020-12-31"))
    assert term is None and share == pytest.approx(184 / 366)  # 1 July to 31 December


def test_admissions_per_100_members_use_the_term_reading_and_the_membership_at_its_start(
    embedded,
):
    rows = comparison_inputs(embedded)
    row = rows[(rows["indicator"] == "admissions") & (rows["district_id"] == "sop-cop-son-la")]
    assert len(row) == 1
    row = row.iloc[0]
    years = years_between(pd.Timestamp("2020-07-01").date(), pd.Timestamp("2024-01-23").date())
    assert row["window"] == "2020–2025" and row["kind"] == "rate"
    assert row["numerator"] == 469
    assert row["exposure"] == pytest.approx(4014 * years)  # members on 2023-12-31 × years
    assert "congress" in row["reading"] and "2023-12-31" in row["reading"]


def test_no_admissions_window_is_year_to_date_or_under_six_months(embedded):
    rows = comparison_inputs(embedded)
    admissions = rows[rows["indicator"] == "admissions"]
    flows = admissions_per_year(embedded)
    used = flows[flows["fact_ids"].isin(admissions["fact_ids"])]
    assert len(used) == len(admissions)
    assert (used["years_low"] >= 0.5).all()
    assert (used["period_kind"] != "year_to_date").all()


def test_every_admissions_figure_is_compared_or_listed_with_a_reason(embedded):
    compared = comparison_inputs(embedded)
    compared = compared[compared["indicator"] == "admissions"]
    left = left_out(embedded)
    left = left[left["indicator"] == "admissions"]
    flows = admissions_per_year(embedded)
    assert len(compared) + len(left) == len(flows)
    assert set(flows["district_id"]) == set(compared["district_id"]) | set(left["district_id"])
    assert left["reason"].str.len().gt(0).all()
    ytd = left[left["reason"].str.startswith("year to date")]
    assert not ytd.empty and not ytd["district_compared"].all()


def test_a_fall_in_membership_is_left_out_with_its_reason(tmp_path):
    dataset = dataset_with(
        tmp_path,
        [
            fact("m1", "sop-cop-son-la", "party_members", "stock", "", "2016-12-31", "4100"),
            fact("m2", "sop-cop-son-la", "party_members", "stock", "", "2018-12-31", "4000"),
            fact("m3", "sa-thay-kon-tum", "party_members", "stock", "", "2016-12-31", "2000"),
            fact("m4", "sa-thay-kon-tum", "party_members", "stock", "", "2018-12-31", "2100"),
        ],
    )
    rows = comparison_inputs(dataset)
    growth = rows[rows["indicator"] == "membership_growth"]
    assert list(growth["district_id"]) == ["sa-thay-kon-tum"]
    assert growth["numerator"].iloc[0] == 100 and growth["exposure"].iloc[0] == 2000 * 2
    assert growth["window"].iloc[0] == "2015–2020"
    left = left_out(dataset)
    fall = left[left["district_id"] == "sop-cop-son-la"]
    assert fall["reason"].iloc[0].startswith("membership fell")


def test_ratings_are_windowed_by_year_and_scheme_never_across(tmp_path):
    facts = []
    for year, excellent, good in ((2017, 3, 20), (2019, 5, 30)):
        for district in ("sop-cop-son-la", "sa-thay-kon-tum"):
            for category, count in (("excellent", excellent), ("good", good),
                                    ("completed", 4), ("not_completed", 1)):  # fmt: skip
                facts.append(
                    fact(
                        f"e{year}{district[:3]}{category}",
                        district,
                        "evaluation",
                        "stock",
                        "",
                        str(year),
                        str(count),
                        subject="organization",
                        category=category,
                    )
                )
    rows = comparison_inputs(dataset_with(tmp_path, facts))
    ratings = rows[rows["indicator"].str.startswith("rated")]
    assert set(ratings["window"]) == {"2019 (2018 scheme)"}  # 2017's grades are pre-2018 ones
    excellent = ratings[ratings["indicator"] == "rated_excellent"]
    assert list(excellent["numerator"]) == [5, 5] and list(excellent["exposure"]) == [40, 40]


def test_the_funnel_table_has_the_declared_columns_per_100(embedded):
    funnel = tables.funnel_table(embedded)
    wanted = ["district_id", "indicator", "window", "value", "exposure", "low_95", "high_95",
              "low_998", "high_998", "phi", "tau2", "position_95", "position_998"]  # fmt: skip
    assert set(wanted) <= set(funnel.columns)
    admissions = funnel[funnel["indicator"] == "admissions"]
    assert np.allclose(admissions["value"], admissions["numerator"] / admissions["exposure"] * 100)
    small = funnel[funnel["n_districts"] < tables.MIN_DISTRICTS_FOR_FUNNEL]
    assert not small.empty and small["position_998"].isna().all()
    assert small["high_998"].isna().all() and small["value"].notna().all()


def test_the_shrinkage_table_gives_rank_intervals(embedded):
    shrunk = tables.shrinkage_table(embedded)
    wanted = ["district_id", "indicator", "window", "raw", "estimate", "low", "high", "rank",
              "rank_low", "rank_high"]  # fmt: skip
    assert set(wanted) <= set(shrunk.columns)
    ranked = shrunk[shrunk["estimate"].notna()]
    assert not ranked.empty
    assert ((ranked["rank_low"] <= ranked["rank"]) & (ranked["rank"] <= ranked["rank_high"])).all()
    assert ((ranked["low"] <= ranked["estimate"]) & (ranked["estimate"] <= ranked["high"])).all()


def test_the_district_position_gives_its_estimate_and_rank_interval(embedded):
    position = tables.district_position(embedded, "sop-cop-son-la")
    admissions = position[position["indicator"] == "admissions"].iloc[0]
    assert admissions["n_districts"] >= 5
    assert admissions["low"] <= admissions["estimate"] <= admissions["high"]
    assert admissions["rank_low"] <= admissions["rank"] <= admissions["rank_high"]


def test_the_count_model_is_refused_in_a_sentence_with_few_districts(embedded):
    model, reading = tables.fit_or_refuse(comparison_inputs(embedded), "admissions")
    assert model is None
    assert "at least 10 districts" in reading and reading.endswith(".")


def test_the_count_model_is_fitted_on_a_synthetic_panel(tmp_path):
    import synthetic

    from analysis import load_dataset

    synthetic.generate(tmp_path / "panel", n_districts=30, seed=3)
    inputs = comparison_inputs(load_dataset(tmp_path / "panel"))  # SYNTHETIC
    assert inputs.groupby(["indicator", "window"])["district_id"].nunique().max() == 30
    model, reading = tables.fit_or_refuse(inputs, "admissions")
    assert model is not None and model.n_units == 90  # three terms × 30 districts
    assert set(model.rate_ratios["effect"]) >= {"window"}
    assert "Negative binomial" in reading and "admissions per 100 members per year" in reading
    model, reading = tables.fit_or_refuse(inputs, "rated_excellent")
    assert model is None and "is a share" in reading and reading.endswith(".")
    assert "tỷ lệ phần trăm" in reading.say("vi") and "share" not in reading.say("vi")
    model, reading = tables.fit_or_refuse(inputs, "admissions", effects=("region", "province"))
    assert model is None and "region, province, window cannot be told apart" in reading
    assert reading.say("vi").startswith(
        "Không có mô hình đếm cho"
    ) and "region, province" in reading.say("vi")


@pytest.mark.parametrize("name", ["funnel", "shrinkage", "compared-left-out"])
def test_the_command_line_prints_the_comparison_tables(name):
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["table", name, "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(out.getvalue()))
    assert len(table) > 0
    if name == "funnel":
        assert {"position_998", "phi", "tau2"} <= set(table.columns)


def test_a_dataset_without_compared_figures_gives_empty_tables_and_a_refusal(tmp_path):
    dataset = dataset_with(
        tmp_path, [fact("m1", "sop-cop-son-la", "party_members", "stock", "", "2023-12-31", "4014")]
    )
    assert tables.funnel_table(dataset).empty and tables.shrinkage_table(dataset).empty
    assert tables.district_position(dataset, "sop-cop-son-la").empty
    coverage = tables.coverage_table(dataset)
    assert (coverage["districts"] == 0).all() and len(coverage) == 5
    model, reading = tables.fit_or_refuse(comparison_inputs(dataset), "admissions")
    assert model is None and "the most in one window is 0" in reading


def test_windows_keep_their_english_and_are_said_in_vietnamese(embedded):
    inputs = tables.build_comparisons(embedded)[0]
    windows = {str(w): w for w in inputs["window"].unique()}
    assert {"2023 (2018 scheme)", "2020–2025 (term)", "2022 (year)"} <= set(windows)
    assert windows["2023 (2018 scheme)"].say("vi") == "năm 2023 (quy định 2018)"
    assert windows["2020–2025 (term)"].say("vi") == "nhiệm kỳ 2020–2025"
    assert windows["2022 (year)"].say("vi") == "năm 2022"
