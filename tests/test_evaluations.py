import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.contingency_tables import Table

from analysis.evaluations import (
    NotTestable,
    check_evaluations,
    share_differences,
    summarize_evaluations,
    test_homogeneity,
)

from conftest import dataset_with, fact

SOP = "sop-cop-son-la"


def _distribution(dataset, district, subject, period="2023"):
    table = summarize_evaluations(dataset)
    rows = table[
        (table["district_id"] == district)
        & (table["subject"] == subject)
        & (table["period"] == period)
    ]
    return rows.set_index("category")


def test_sop_cop_organizations_2023(embedded):
    orgs = _distribution(embedded, SOP, "organization")
    assert orgs.loc["excellent", "total"] == 41
    assert "base organizations on 2023-12-31" in orgs.loc["excellent", "total_basis"]
    assert orgs.loc["excellent", "share_computed"] == pytest.approx(6 / 41 * 100)
    assert orgs.loc["excellent", "share_stated"] == 15.2
    assert orgs.loc["excellent", "share_check"] == "differs beyond rounding"
    assert orgs.loc["completed", "share_check"] == "consistent"  # 3/41 = 7.32 → 7.3
    assert orgs.loc["not_completed", "count"] == 0  # 41 - 6 - 32 - 3
    assert orgs.loc["not_completed", "count_basis"].startswith("derived")
    assert orgs.loc["good_or_above", "count"] == 38
    assert orgs.loc["good_or_above", "cumulative"]


def test_sop_cop_inconsistencies_are_found(embedded):
    findings = check_evaluations(embedded)
    sop = findings[findings["district_id"] == SOP].set_index("check")
    assert sop.loc["shares do not sum to 100", "stated"] == pytest.approx(100.6)
    share = sop.loc["share differs from count ÷ total"]
    assert share["computed"] == pytest.approx(14.634, abs=1e-3)
    assert share["stated"] == 15.2
    assert "6 of 41 is 14.6 %" in share["what"]


def test_members_reconstructed_from_shares_are_labelled(embedded):
    members = _distribution(embedded, SOP, "member")
    assert members.loc["excellent", "count"] == round(0.152 * 4014)
    assert members.loc["excellent", "count_basis"].startswith("reconstructed")
    assert "estimate" in members.loc["excellent", "count_basis"]
    assert "ci_low" not in members.columns  # a census: no sampling interval


def test_share_differences_are_exact_and_within_one_scheme(embedded):
    summary = summarize_evaluations(embedded)
    differences = share_differences(summary, "good_or_above")
    assert (differences["derived"]).all()
    for row in differences.itertuples():
        shares = summary[
            (summary["category"] == "good_or_above")
            & (summary["year"] == row.year)
            & (summary["subject"] == row.subject)
        ].set_index("district_id")["share"]
        assert row.difference == pytest.approx(
            shares[row.district_id] - shares[row.other_district_id]
        )
    pairs = differences.merge(
        summary[["district_id", "year", "scheme"]].drop_duplicates(),
        left_on=["other_district_id", "year"],
        right_on=["district_id", "year"],
        suffixes=("", "_other"),
    )
    assert (pairs["scheme"] == pairs["scheme_other"]).all()


def _two_districts(tmp_path):
    facts = []
    for district, counts in ((SOP, (6, 32, 3, 0)), ("sa-thay-kon-tum", (20, 25, 8, 3))):
        for category, count in zip(
            ("excellent", "good", "completed", "not_completed"), counts, strict=True
        ):
            facts.append(
                fact(
                    f"{district}-{category}",
                    district,
                    "evaluation",
                    "stock",
                    "",
                    "2023",
                    str(count),
                    subject="organization",
                    category=category,
                )
            )
    return dataset_with(tmp_path, facts)


def test_homogeneity_matches_scipy_and_statsmodels(tmp_path):
    result = test_homogeneity(_two_districts(tmp_path), subject="organization")
    table = np.array([[6, 32, 3, 0], [20, 25, 8, 3]])
    statistic, p_value, dof, _ = stats.chi2_contingency(table, correction=False)
    assert (result.statistic, result.p_value, result.dof) == pytest.approx(
        (statistic, p_value, dof)
    )
    # statsmodels adds 0.5 to every cell when one is zero unless told not to.
    reference = Table(table, shift_zeros=False).test_nominal_association()
    assert result.statistic == pytest.approx(reference.statistic)
    assert result.p_value == pytest.approx(reference.pvalue)
    assert result.dof == reference.df
    assert result.name == "Pearson chi-square test of homogeneity (model-based)"
    assert "census" in result.reading
    assert not result.assumptions_met  # expected counts of 1.4 for not_completed
    assert "only approximate" in result.reading


def test_homogeneity_needs_two_districts(embedded):
    with pytest.raises(NotTestable, match="needs at least two"):
        test_homogeneity(embedded, subject="member")
    # Đam Rông's 2016 members were rated under the pre-2018 scheme: never tested against
    # the 2018 ratings of other districts, even with counts rebuilt from shares.
    with pytest.raises(NotTestable, match="needs at least two"):
        test_homogeneity(embedded, subject="member", use_reconstructed=True)
    result = test_homogeneity(embedded, subject="member", scheme="pre-2018", use_reconstructed=True)
    assert all(int(str(p)[:4]) < 2018 for p in result.periods.values())
    assert "dam-rong-lam-dong" in result.table.index


def test_shares_over_100_are_flagged_even_when_incomplete(tmp_path):
    facts = [
        fact(
            "a",
            SOP,
            "evaluation",
            "stock",
            "",
            "2022",
            "70",
            unit="percent",
            subject="member",
            category="excellent",
        ),
        fact(
            "b",
            SOP,
            "evaluation",
            "stock",
            "",
            "2022",
            "40",
            unit="percent",
            subject="member",
            category="good",
        ),
    ]
    findings = check_evaluations(dataset_with(tmp_path, facts))
    assert findings.iloc[0]["check"] == "shares do not sum to 100"
    assert findings.iloc[0]["stated"] == 110


def test_counts_above_the_number_assessed_are_flagged(tmp_path):
    facts = [
        fact(
            "a",
            SOP,
            "evaluation",
            "stock",
            "",
            "2022",
            "30",
            subject="member",
            category="excellent",
        ),
        fact("b", SOP, "evaluation", "stock", "", "2022", "25", subject="member", category="good"),
        fact(
            "c", SOP, "evaluation", "stock", "", "2022", "50", subject="member", category="assessed"
        ),
    ]
    findings = check_evaluations(dataset_with(tmp_path, facts))
    assert "counts exceed the total" in set(findings["check"])


def test_the_prefilter_of_the_checks_misses_no_finding(embedded, monkeypatch):
    """The checks run only on distributions that may fail them; on figures disturbed at
    random (shares, counts, totals), that gives exactly what checking every one gives."""
    from analysis.evaluations import checks

    rng = np.random.default_rng(7)
    summary = summarize_evaluations(embedded)
    disturbed = []
    for _ in range(20):
        copy = summary.copy()
        rows = rng.random(len(copy)) < 0.3
        copy.loc[rows, "share_stated"] += rng.choice([-3.0, -0.06, 0.04, 2.5], rows.sum())
        rows = rng.random(len(copy)) < 0.2
        copy.loc[rows, "total"] = copy.loc[rows, "total"] * rng.choice([0.5, 1.0, 1.5])
        disturbed.append(copy)
    filtered = [checks.check_evaluations(embedded, d) for d in disturbed]
    monkeypatch.setattr(checks, "_may_have_findings", lambda s: pd.Series(True, index=s.index))
    every = [checks.check_evaluations(embedded, d) for d in disturbed]
    assert sum(len(f) for f in every) > 20  # the disturbances do produce findings
    for one, other in zip(filtered, every, strict=True):
        pd.testing.assert_frame_equal(one.reset_index(drop=True), other.reset_index(drop=True))
