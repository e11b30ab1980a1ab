import math

import pytest

from analysis.growth import (
    admission_changes,
    admissions_per_year,
    annualised_growth,
    compare_districts,
    compute_growth,
    stock_series,
)

from conftest import dataset_with, fact

SOP, SA = "sop-cop-son-la", "sa-thay-kon-tum"


def test_sa_thay_2010_base_organizations_derived_from_change(embedded):
    series = stock_series(embedded, ("base_organizations",))
    sa_thay = series[series["district_id"] == SA].set_index("date")
    baseline = sa_thay.loc["2010-12-31"]
    assert baseline["value"] == 56 - 7 == 49
    assert baseline["derived"]
    assert "minus the stated change +7" in baseline["method"]
    assert set(baseline["fact_ids"].split(";")) == {"seed-000-01", "seed-000-04"}
    assert not sa_thay.loc["2021-10-18", "derived"]


def test_sa_thay_annualised_growth(embedded):
    growth = compute_growth(embedded, ("base_organizations",))
    row = growth[growth["district_id"] == SA].iloc[0]
    # 31 Dec 2010 to 18 Oct 2021: 10 years + 291 days of 2021.
    years = 10 + 291 / 365
    assert row["years"] == pytest.approx(years)
    assert row["cagr_percent"] == pytest.approx(((56 / 49) ** (1 / years) - 1) * 100)
    assert row["cagr_percent"] == pytest.approx(1.2444, abs=1e-4)


def test_long_xuyen_admissions_per_year(embedded):
    table = admissions_per_year(embedded)
    row = table[table["district_id"] == "long-xuyen-an-giang"].iloc[0]
    assert row["period_kind"] == "review"  # 2008 to 31 December 2015: 7 to 8 years
    assert (row["years"], row["years_low"], row["years_high"]) == (7.0, 7.0, 8.0)
    assert row["per_year"] == pytest.approx(1710 / 7)
    assert row["per_year_low"] == 1710 / 8 == 213.75
    # The only membership figure (6654, July 2016) is dated after the period: not paired.
    assert math.isnan(row["members"])
    assert math.isnan(row["per_100_members"])


def test_van_ho_change_of_admissions_2021_to_2022(embedded):
    changes = admission_changes(embedded)
    row = changes[changes["district_id"] == "van-ho-son-la"].iloc[0]
    assert (row["previous_year"], row["year"]) == (2021, 2022)
    assert (row["previous_admissions"], row["admissions"]) == (187, 106)
    assert row["change"] == -81
    assert row["change_percent"] == pytest.approx(-81 / 187 * 100)


def test_sa_thay_review_is_ten_years(embedded):
    table = admissions_per_year(embedded)
    row = table[table["district_id"] == SA].iloc[0]
    assert row["period_kind"] == "review"
    assert row["years"] == 10.0
    assert row["per_year"] == pytest.approx(86.2)
    assert (round(row["per_year_low"], 1), round(row["per_year_high"], 1)) == (78.4, 86.2)
    assert "10 years" in row["reading"]


def test_partial_year_is_shown_but_not_ranked(tmp_path):
    ds = dataset_with(
        tmp_path, [fact("a", SOP, "admissions", "flow", "2021-01-01", "2021-06-30", "50")]
    )
    row = admissions_per_year(ds).iloc[0]
    assert row["partial_year"]
    assert row["period_kind"] == "year_to_date"
    assert row["per_year"] == pytest.approx(50 / (181 / 365))  # shown, with its method
    assert "cut-off" in row["method"]
    assert not row["ranked"]  # year-to-date: compared only at the same cut-off


def test_flow_change_derives_the_earlier_flow(embedded):
    table = admissions_per_year(embedded)
    kinh_mon = table[
        (table["district_id"] == "kinh-mon-hai-duong") & (table["period"] == "2021")
    ].iloc[0]
    assert kinh_mon["admissions"] == 166 - 15
    assert kinh_mon["derived"]


def test_conflicting_years_are_left_out_of_changes(tmp_path):
    facts = [
        fact("a", SOP, "admissions", "flow", "2021", "2021", "100"),
        fact("b", SOP, "admissions", "flow", "2022", "2022", "120"),
        fact("c", SOP, "admissions", "flow", "2022", "2022", "125", source_id="test-1"),
    ]
    assert admission_changes(dataset_with(tmp_path, facts)).empty


def test_corroborating_facts_are_merged(tmp_path):
    facts = [
        fact("a", SOP, "party_members", "stock", "", "2023-12-31", "4014"),
        fact("b", SOP, "party_members", "stock", "", "2023-12-31", "4014"),
    ]
    series = stock_series(dataset_with(tmp_path, facts))
    assert len(series) == 1
    assert series.iloc[0]["fact_ids"] == "a;b"


def test_annualised_growth_edge_cases():
    assert annualised_growth(100, 121, 2) == pytest.approx(10)
    assert math.isnan(annualised_growth(0, 10, 1))
    assert math.isnan(annualised_growth(10, 20, 0))


def test_compare_districts(embedded):
    table = compare_districts(embedded).set_index("district_id")
    assert len(table) == len(embedded.districts)
    sop = table.loc[SOP]
    assert (sop["members"], sop["base_organizations"]) == (4014, 41)
    assert sop["admissions_per_year"] == pytest.approx(469 / (3 + 207 / 366))
    assert sop["members_facts"] == 1
    biggest = table["members"].idxmax()
    assert table.loc[biggest, "rank_members"] == 1
    assert table["rank_members"].max() == table["members"].notna().sum()
