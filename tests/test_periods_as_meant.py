"""Issue 11: the numbers researchers read are the ones the sources support.

Each value was worked out by hand against its article (seed articles in ../shared/seeds,
public pages through the readers' notes).
"""

import math
from datetime import date

import pandas as pd
import pytest

from analysis.data.schema import TABLES
from analysis.evaluations import check_excellent_cap, homogeneity_table, summarize_evaluations
from analysis.growth import (
    admission_flows,
    admissions_per_year,
    compare_districts,
    compare_year_to_date,
    compute_growth,
)
from analysis.quality import find_contradictions
from analysis.targets import UNDETERMINED, assess_targets, compare_stated_attainment
from analysis.text.periods import read_period, years_between

from conftest import dataset_with, fact

BAC_KAN, DUC_TRONG, SOP = "bac-kan-bac-kan", "duc-trong-lam-dong", "sop-cop-son-la"


def _rows(table, district):
    return table[table["district_id"] == district]


def test_sa_thay_ten_year_review(embedded):
    findings = _rows(find_contradictions(embedded), "sa-thay-kon-tum")
    assert not findings["what"].str.contains("last 10 years").any()
    row = _rows(admissions_per_year(embedded), "sa-thay-kon-tum").iloc[0]
    assert row["admissions"] == 862
    assert round(row["per_year"], 1) == 86.2
    assert (round(row["per_year_low"], 1), round(row["per_year_high"], 1)) == (78.4, 86.2)


def test_bac_kan_term_is_five_years_and_2020_is_not_in_it(embedded):
    findings = _rows(find_contradictions(embedded), BAC_KAN)
    assert not findings["what"].str.contains("450|91.6").any(), findings["what"].tolist()
    targets = _rows(assess_targets(embedded), BAC_KAN)
    assert "behind" not in set(targets["status"])
    term = targets[targets["period"] == "2020–2025"]
    assert set(term["period_kind"]) == {"term"}
    assert term["target_years"].tolist() == [5.0, 5.0]
    attainment = _rows(compare_stated_attainment(embedded), BAC_KAN)
    stated_2020 = attainment[attainment["period"] == "2020"].iloc[0]
    assert math.isnan(stated_2020["target"])  # no 2020 plan in the data
    assert round(stated_2020["implied_target"]) == 60  # 55 ÷ 0.916


def test_bac_kan_2020_appears_once_with_two_citations(embedded):
    flows = _rows(admission_flows(embedded), BAC_KAN)
    in_2020 = flows[flows["period_start"].dt.year == 2020]
    assert len(in_2020) == 1
    assert in_2020.iloc[0]["value"] == 55
    ids = in_2020.iloc[0]["fact_ids"].split(";")
    sources = embedded.facts.set_index("fact_id").loc[ids, "source_id"]
    assert sources.nunique() == 2


@pytest.mark.parametrize("district", ["yen-mo-ninh-binh", "son-dong-bac-giang"])
def test_year_to_date_with_unknown_cutoff_is_undetermined(embedded, district):
    target = _rows(assess_targets(embedded), district).iloc[0]
    assert target["status"] == UNDETERMINED
    assert "not met" in target["status_reason"] and "cut-off" in target["status_reason"]


def test_duc_trong_short_growth_not_ranked_and_rise_is_a_finding(embedded):
    growth = _rows(compute_growth(embedded, ("party_members",)), DUC_TRONG).iloc[0]
    assert (growth["end_date"] - growth["start_date"]).days == 71
    assert growth["short_span"] and math.isnan(growth["cagr_percent"])
    row = compare_districts(embedded).set_index("district_id").loc[DUC_TRONG]
    assert pd.isna(row["rank_members_cagr_percent"])
    findings = _rows(find_contradictions(embedded), DUC_TRONG)
    rise = findings[findings["check"] == "membership rise beyond admissions"].iloc[0]
    assert (rise["stated"], rise["computed"]) == (161, 10)


def test_short_admissions_never_ranked(embedded):
    table = admissions_per_year(embedded)
    tan_yen = table[(table["district_id"] == "tan-yen-bac-giang") & (table["admissions"] == 60)]
    assert not tan_yen["ranked"].any()
    assert not table[table["years_low"].fillna(0) < 0.5]["ranked"].any()
    comparison = compare_districts(embedded).set_index("district_id")
    assert comparison.loc["tan-yen-bac-giang", "admissions_per_year"] == 208  # the full 2018


def test_membership_paired_within_the_period(embedded):
    table = admissions_per_year(embedded)
    paired = table[table["members"].notna()]
    reading_start = paired["reading_start"] - pd.Timedelta(days=366)
    assert (paired["members_date"] <= paired["reading_end"]).all()
    assert (paired["members_date"] >= reading_start).all()
    bao_lam = _rows(table, "bao-lam-lam-dong").iloc[0]
    assert math.isnan(bao_lam["members"])  # its 2022 membership is not 2006–2016's


def test_dam_rong_2016_is_pre_2018_and_no_test_mixes_schemes(embedded):
    summary = summarize_evaluations(embedded)
    dam_rong = summary[(summary["district_id"] == "dam-rong-lam-dong") & (summary["year"] == 2016)]
    assert set(dam_rong["scheme"]) == {"pre-2018"}
    organizations = dam_rong[dam_rong["subject"] == "organization"]
    assert "clean_strong_or_above" in set(organizations["category"])
    assert "excellent" not in set(organizations["category"])
    tests = homogeneity_table(embedded)
    assert tests["scheme"].notna().all()
    assert set(tests["counts"]) == {"exact"}  # rebuilt counts stay out of tests


def test_long_thanh_is_consistent(embedded):
    row = _rows(compare_stated_attainment(embedded), "long-thanh-dong-nai").iloc[0]
    assert row["check"].startswith("consistent")
    assert "long-thanh-dong-nai" not in set(find_contradictions(embedded)["district_id"])


def test_sop_cop_term_to_date():
    period = read_period("2020", "2024-01-23", "term_to_date")
    assert period.start == date(2020, 7, 1)
    assert round(period.years, 2) == 3.57  # about 3.56 years: 3 + 207/366
    assert period.years == pytest.approx(3 + 207 / 366)
    assert round(469 / period.years) == 132


def test_sop_cop_rate_in_the_embedded_data(embedded):
    row = _rows(admissions_per_year(embedded), SOP).iloc[0]
    assert row["period_kind"] == "term_to_date"
    assert round(row["per_year"]) == 132


@pytest.mark.parametrize(
    ("start", "end", "kind", "low", "high"),
    [
        ("2008", "2015", "review", 7, 8),
        ("2020", "2025", "term", 4.58, 5.42),
        ("2021", "2021", "year", 1, 1),
    ],
)
def test_admissible_lengths(start, end, kind, low, high):
    period = read_period(start, end)
    assert period.kind == kind
    assert (round(period.years_low, 2), round(period.years_high, 2)) == (low, high)
    assert period.years_low <= period.years <= period.years_high


def test_known_congress_date_is_used():
    period = read_period("2020", "2025", "term", congresses=(date(2020, 6, 10), date(2025, 6, 20)))
    assert (period.start, period.end) == (date(2020, 6, 10), date(2025, 6, 19))
    assert period.years_low == period.years_high == years_between(period.start, period.end)


def test_multi_year_target_without_basis_is_undetermined(tmp_path):
    facts = [
        fact("a", SOP, "admissions", "target", "2020", "2025", "400", comparator=">="),
        fact("b", SOP, "admissions", "target", "2021", "2021", "80", comparator=">="),
        fact("c", SOP, "admissions", "flow", "2021", "2021", "90"),
    ]
    table = assess_targets(dataset_with(tmp_path, facts)).set_index("period")
    assert table.loc["2020–2025", "status"] == UNDETERMINED
    assert "basis unknown" in table.loc["2020–2025", "status_reason"]
    assert table.loc["2021", "status"] == "met"


def test_excellent_cap_is_checked(tmp_path):
    facts = [
        fact(
            "a",
            SOP,
            "evaluation",
            "stock",
            "",
            "2022",
            "10",
            subject="organization",
            category="excellent",
        ),
        fact(
            "b",
            SOP,
            "evaluation",
            "stock",
            "",
            "2022",
            "50",
            subject="organization",
            category="good",
        ),
    ]
    cap = check_excellent_cap(summarize_evaluations(dataset_with(tmp_path, facts))).iloc[0]
    assert cap["ratio_percent"] == 20 and cap["at_cap"] and not cap["above_cap"]


def test_excellent_cap_needs_a_breach_under_both_readings(embedded):
    cap = check_excellent_cap(summarize_evaluations(embedded)).set_index(["district_id", "subject"])
    chuong_my = cap.loc[("chuong-my-ha-noi", "organization")]
    assert round(chuong_my["ratio_percent"], 1) == 21.7  # 10 of 46 good
    assert not chuong_my["above_cap"]  # 10 of 56 good or above is 17.9 %
    assert cap.loc[("sop-cop-son-la", "member"), "at_cap"]  # 15.2 % against 75.3 %
    findings = find_contradictions(embedded)
    assert "excellent above 20 % of good" not in set(findings["check"])


def test_dataset_without_basis_or_period_kind_loads_with_one_warning(tmp_path):
    from analysis import load_dataset

    from conftest import tiny_tables, write_table

    tables = tiny_tables()
    tables["facts"] = [
        fact("a", SOP, "admissions", "target", "2020", "2025", "400", comparator=">="),
        fact("b", SOP, "admissions", "flow", "2020", "2024-01-23", "469"),
    ]
    folder = tmp_path / "first-layout"
    folder.mkdir()
    for name, rows in tables.items():
        columns = [c for c in TABLES[name].column_names if c not in ("basis", "period_kind")]
        write_table(
            folder / f"{name}.csv", [{c: r.get(c, "") for c in columns} for r in rows], columns
        )
    dataset = load_dataset(folder)
    warnings = [p for p in dataset.warnings if p.column == "basis"]
    assert len(warnings) == 1 and warnings[0].severity == "warning"
    target = assess_targets(dataset).iloc[0]
    assert target["status"] == UNDETERMINED and "basis unknown" in target["status_reason"]
    flow = admissions_per_year(dataset).iloc[0]
    assert flow["period_kind"] == "term_to_date"  # read from the shape
    assert round(flow["per_year"]) == 132


def test_year_to_date_compared_only_at_the_same_cutoff(embedded):
    table = compare_year_to_date(embedded)
    same_day = table[table["cutoff"] == pd.Timestamp(2017, 5, 28)]
    assert set(same_day["district_id"]) == {
        "cai-rang-can-tho", "o-mon-can-tho", "phong-dien-can-tho", "thoi-lai-can-tho",
    }  # fmt: skip
    assert same_day.set_index("district_id").loc["thoi-lai-can-tho", "rank_admissions"] == 1
    assert (table.groupby("cutoff")["districts"].first() == table.groupby("cutoff").size()).all()
    assert "yen-mo-ninh-binh" not in set(table["district_id"])  # its cut-off is unknown
