"""The funnel table: its columns, positions, groups, listing of districts without a figure,
false-discovery control, and refusal of bad input."""

import math

import numpy as np
import pandas as pd
import pytest

from analysis.compare.funnel import (
    CURVE_COLUMNS,
    FUNNEL_COLUMNS,
    Position,
    compute_funnel,
    funnel_curves,
)
from analysis.compare.inputs import ComparisonInputError
from analysis.compare.limits import Adjustment


def panel(n: int = 40, seed: int = 7, kind: str = "rate", indicator: str = "admissions") -> pd.DataFrame:  # fmt: skip
    """Test data: Poisson or binomial counts around one common rate."""
    rng = np.random.default_rng(seed)
    exposure = rng.integers(20, 3000, n).astype(float)
    numerator = rng.poisson(0.04 * exposure) if kind == "rate" else rng.binomial(exposure.astype(int), 0.2)  # fmt: skip
    return pd.DataFrame(
        {
            "district_id": [f"{indicator[:3]}-{i:02d}" for i in range(n)],
            "indicator": indicator,
            "window": "2020–2025",
            "kind": kind,
            "numerator": numerator.astype(float),
            "exposure": exposure,
            "district": [f"Huyện {i}" for i in range(n)],
        }
    )


def test_columns_types_and_pooled_target():
    data = panel()
    table = compute_funnel(data)
    assert list(table.columns) == [*FUNNEL_COLUMNS, "district"]  # extra columns kept, after
    assert table["target"].iloc[0] == pytest.approx(data["numerator"].sum() / data["exposure"].sum() * 100)  # fmt: skip
    assert table["value"].to_numpy() == pytest.approx(data["numerator"] / data["exposure"] * 100)
    assert (table["n_districts"] == len(data)).all()
    assert list(table["position_998"].cat.categories) == [p.value for p in Position]
    assert (table["low_998"] <= table["low_95"]).all() and (table["high_95"] <= table["high_998"]).all()  # fmt: skip


@pytest.mark.parametrize("adjustment", list(Adjustment))
@pytest.mark.parametrize("kind", ["rate", "share"])
def test_positions_agree_with_p_values(adjustment, kind):
    data = panel(200, seed=3, kind=kind)
    data.loc[:9, "numerator"] = np.minimum(data.loc[:9, "numerator"] * 3, data.loc[:9, "exposure"])  # fmt: skip
    table = compute_funnel(data, adjustment=adjustment, od_alpha=1.0)  # always adjust
    for key, alpha in (("95", 0.05), ("998", 0.002)):
        outside = table[f"position_{key}"] != Position.WITHIN
        assert (outside == (table["p_value"] < alpha)).all()
    above = table["position_998"] == Position.ABOVE
    assert (table.loc[above, "value"] > table.loc[above, "high_998"]).all()
    assert above.sum() >= 3


def test_districts_without_a_figure_are_listed_not_dropped():
    data = panel(12)
    data.loc[2, "numerator"] = np.nan
    data.loc[5, "exposure"] = 0.0
    data.loc[5, "numerator"] = 0.0
    table = compute_funnel(data)
    assert len(table) == 12 and (table["n_districts"] == 10).all()
    missing = table[table["district_id"].isin(["adm-02", "adm-05"])]
    assert missing["value"].isna().all() and missing["position_95"].isna().all()
    assert missing["flagged_fdr"].isna().all()


def test_each_indicator_and_window_is_its_own_comparison():
    first, second = panel(20), panel(30, seed=8, kind="share", indicator="excellent")
    later = panel(15, seed=9).assign(window="2015–2020")
    table = compute_funnel(pd.concat([first, second, later]))
    sizes = table.groupby(["indicator", "window"])["n_districts"].first().to_dict()
    assert sizes == {("admissions", "2015–2020"): 15, ("admissions", "2020–2025"): 20, ("excellent", "2020–2025"): 30}  # fmt: skip
    assert table.groupby(["indicator", "window"])["phi"].nunique().eq(1).all()


def test_a_given_target_replaces_the_pooled_one():
    table = compute_funnel(panel(), targets={"admissions": 5.0}, adjustment=Adjustment.NONE)
    assert (table["target"] == 5.0).all()
    assert (table["position_95"] == Position.BELOW).sum() > 0  # the districts sit near 4 per 100


def test_false_discovery_control_flags_fewer_than_raw_p_values():
    data = panel(200, seed=11)
    data.loc[:4, "numerator"] *= 2
    table = compute_funnel(data, adjustment=Adjustment.NONE, fdr=0.05)
    assert table["flagged_fdr"].dtype == "boolean"
    assert table["flagged_fdr"].sum() <= (table["p_value"] <= 0.05).sum()
    assert table.loc[table["flagged_fdr"].astype(bool), "q_value"].le(0.05).all()
    assert compute_funnel(data)["flagged_fdr"].isna().all()  # not requested


def test_the_curves_follow_the_limits_at_each_exposure():
    data = pd.concat([panel(60, seed=5), panel(20, seed=6, kind="share", indicator="excellent")])
    table = compute_funnel(data, adjustment=Adjustment.NONE)
    curves = funnel_curves(table, points=400)
    assert list(curves.columns) == CURVE_COLUMNS
    assert set(curves["indicator"]) == {"admissions", "excellent"}
    curve = curves[curves["indicator"] == "admissions"]
    assert curve["exposure"].is_monotonic_increasing
    widths = curve["high_998"] - curve["low_998"]
    assert widths.iloc[-1] < widths.iloc[0]  # the funnel narrows
    row = table.iloc[0]
    nearest = curve.iloc[(curve["exposure"] - row["exposure"]).abs().argmin()]
    assert nearest["high_998"] == pytest.approx(row["high_998"], rel=0.05)
    shares = curves.loc[curves["indicator"] == "excellent", "exposure"]
    assert (shares == shares.round()).all()  # whole numbers of units rated
    assert funnel_curves(compute_funnel(panel(0))).empty


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("numerator", -1, "column numerator: found -1; expected a finite number of zero or more"),
        ("numerator", 2.5, "expected a whole count"),
        ("numerator", "many", "column numerator: found 'many'; expected a number"),
        ("exposure", np.inf, "expected a finite number"),
        ("kind", "ratio", "column kind: found 'ratio'; expected one of rate, share"),
        ("district_id", "", "column district_id: found an empty value"),
    ],
)
def test_bad_input_names_row_column_value_and_expectation(column, value, expected):
    data = panel(5).astype({column: object})
    data.loc[3, column] = value
    with pytest.raises(ComparisonInputError) as error:
        compute_funnel(data)
    assert "row 3" in str(error.value) and expected in str(error.value)


def test_share_above_its_exposure_and_duplicates_are_refused_together():
    data = panel(5, kind="share")
    data.loc[1, "numerator"] = data.loc[1, "exposure"] + 1
    data = pd.concat([data, data.iloc[[4]]])
    with pytest.raises(ComparisonInputError, match="2 problem") as error:
        compute_funnel(data)
    assert "expected at most the exposure" in str(error.value)
    assert "rows 4, 5 (district 'adm-04'" in str(error.value) and "found 2 times" in str(
        error.value
    )


def test_missing_columns_are_named():
    with pytest.raises(ComparisonInputError, match=r"lacks the column.*exposure"):
        compute_funnel(panel(5).drop(columns="exposure"))


def test_empty_input_gives_an_empty_table():
    assert list(compute_funnel(panel(0)).columns) == FUNNEL_COLUMNS


def test_a_share_of_100_percent_is_placed_by_the_exact_tail_not_the_interpolated_line():
    """16 of 16 against a given 85 %: P(X ≥ 16) = 0.85^16 = 0.074, within 95 % and 99.8 %,
    though the interpolated 99.8 % line lies just under 100 %; 60 of 60 (0.85^60 = 5.8e-5)
    is above both; 10 of 16 (P(X ≤ 10) = 0.0235, two-sided 0.047) is below 95 % only."""
    data = pd.DataFrame(
        {
            "district_id": ["a", "b", "c"],
            "indicator": "good_or_above",
            "window": "2023",
            "kind": "share",
            "numerator": [16.0, 60.0, 10.0],
            "exposure": [16.0, 60.0, 16.0],
        }
    )
    table = compute_funnel(data, targets={"good_or_above": 85.0}, adjustment=Adjustment.NONE)
    first = table.iloc[0]
    assert first["high_998"] < 100 and first["value"] == 100  # beyond the drawn line ...
    assert first["position_998"] == Position.WITHIN and first["position_95"] == Position.WITHIN
    assert first["p_value"] == pytest.approx(2 * 0.85**16)
    second = table.iloc[1]
    assert second["position_998"] == Position.ABOVE and second["p_value"] == pytest.approx(2 * 0.85**60)  # fmt: skip
    lower = sum(math.comb(16, k) * 0.85**k * 0.15 ** (16 - k) for k in range(11))
    assert table.iloc[2]["p_value"] == pytest.approx(2 * lower)
    assert table.iloc[2]["position_95"] == Position.BELOW
    assert table.iloc[2]["position_998"] == Position.WITHIN
