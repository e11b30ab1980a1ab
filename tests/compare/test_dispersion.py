"""Over-dispersion against a worked example computed step by step."""

import math

import numpy as np
import pandas as pd
import pytest
from scipy import integrate, stats

from analysis.compare.dispersion import (
    PhiEstimator,
    estimate_overdispersion,
    winsorise,
    winsorised_normal_moment,
)
from analysis.compare.funnel import benjamini_hochberg, compute_funnel
from analysis.compare.limits import Adjustment

# Ten districts: admissions over a year (events) and members (member-years); test data.
EVENTS = [12, 30, 45, 20, 90, 8, 60, 150, 25, 40]
MEMBERS = [600, 1000, 1500, 900, 2000, 500, 1800, 3000, 1200, 1100]


def worked_example() -> dict:
    """φ and τ² by hand, following Spiegelhalter (2005) line by line."""
    n = len(EVENTS)
    target = sum(EVENTS) / sum(MEMBERS)  # pooled rate per member-year
    s = [1 / (2 * math.sqrt(e)) for e in MEMBERS]  # square-root scale
    z = [
        (math.sqrt(o / e) - math.sqrt(target)) / si
        for o, e, si in zip(EVENTS, MEMBERS, s, strict=True)
    ]
    ordered = sorted(z)
    # R's type-7 quantiles: position (n − 1)·p between order statistics.
    h_low, h_high = (n - 1) * 0.1, (n - 1) * 0.9
    q_low = ordered[0] + (h_low - 0) * (ordered[1] - ordered[0])
    q_high = ordered[8] + (h_high - 8) * (ordered[9] - ordered[8])
    winsorised = [min(max(v, q_low), q_high) for v in z]
    phi = sum(v * v for v in winsorised) / n
    q = n * phi
    w = [1 / si**2 for si in s]
    tau2 = max(0.0, (q - (n - 1)) / (sum(w) - sum(x * x for x in w) / sum(w)))
    return {"z": z, "phi": phi, "p_value": stats.chi2.sf(q, n - 1), "tau2": tau2, "q": (q_low, q_high)}  # fmt: skip


def example_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "district_id": [f"d{i:02d}" for i in range(len(EVENTS))],
            "indicator": "admissions per 100 members",
            "window": "2023",
            "kind": "rate",
            "numerator": np.array(EVENTS, dtype=float),
            "exposure": np.array(MEMBERS, dtype=float),
        }
    )


def test_phi_and_tau2_match_the_worked_example():
    expected = worked_example()
    table = compute_funnel(example_frame(), estimator=PhiEstimator.WINSORISED)  # the paper's
    assert table["z"].to_numpy() == pytest.approx(expected["z"])
    assert table["phi"].iloc[0] == pytest.approx(expected["phi"])
    assert table["phi_p_value"].iloc[0] == pytest.approx(expected["p_value"])
    assert table["tau2"].iloc[0] == pytest.approx(expected["tau2"])
    assert expected["phi"] > 1.5 and expected["tau2"] > 0  # the example is over-dispersed
    assert (table["adjustment"] == Adjustment.ADDITIVE).all()


def test_winsorising_pulls_the_tails_to_the_10_and_90_percent_quantiles():
    expected = worked_example()
    clipped = winsorise(np.array(expected["z"]))
    assert clipped.min() == pytest.approx(expected["q"][0])
    assert clipped.max() == pytest.approx(expected["q"][1])
    assert (clipped == np.array(expected["z"])).sum() == 8  # one pulled in at each end


def test_the_adjustment_applied_is_stated_and_widens_the_limits():
    frame = example_frame()
    plain = compute_funnel(frame, adjustment=Adjustment.NONE)
    additive = compute_funnel(frame, adjustment=Adjustment.ADDITIVE)
    multiplicative = compute_funnel(frame, adjustment=Adjustment.MULTIPLICATIVE)
    assert set(plain["adjustment"]) == {"none"}
    assert set(multiplicative["adjustment"]) == {"multiplicative"}
    for widened in (additive, multiplicative):
        assert (widened["high_998"] - widened["low_998"] > plain["high_998"] - plain["low_998"]).all()  # fmt: skip
    assert (plain["position_998"] != "within").sum() >= (additive["position_998"] != "within").sum()


def test_no_adjustment_when_phi_is_not_significant():
    frame = example_frame()
    frame["numerator"] = np.round(frame["exposure"] * 0.03)  # every district at the target
    table = compute_funnel(frame)
    assert table["phi"].iloc[0] < 1 and table["tau2"].iloc[0] == 0
    assert set(table["adjustment"]) == {"none"}
    assert set(table["position_998"]) == {"within"}


def test_a_given_target_keeps_every_degree_of_freedom():
    z, s = np.array([1.0, -2.0, 0.5, 3.0]), np.full(4, 0.1)
    pooled = estimate_overdispersion(z, s, pooled=True)
    given = estimate_overdispersion(z, s, pooled=False)
    assert (pooled.df, given.df) == (3, 4)
    assert given.tau2 == pytest.approx(max(0.0, (4 * given.phi - 4) / (4 / 0.01)))
    assert np.isnan(estimate_overdispersion(z[:2], s[:2]).phi)  # too few districts


def test_the_consistent_estimator_divides_by_the_winsorised_normal_moment():
    q = stats.norm.ppf(0.9)
    inside, _ = integrate.quad(lambda x: x * x * stats.norm.pdf(x), -q, q)
    assert winsorised_normal_moment() == pytest.approx(inside + 2 * 0.1 * q * q)
    assert winsorised_normal_moment() == pytest.approx(0.6787, abs=1e-4)
    z, s = np.array(worked_example()["z"]), np.full(10, 0.01)
    plain = estimate_overdispersion(z, s)
    consistent = estimate_overdispersion(z, s, estimator=PhiEstimator.CONSISTENT)
    assert consistent.phi == pytest.approx(plain.phi / winsorised_normal_moment())


def test_benjamini_hochberg_by_hand():
    # sorted 0.01, 0.03, 0.04, 0.2 → ×4/rank 0.04, 0.06, 0.0533, 0.2 → running minimum from the top
    q = benjamini_hochberg(np.array([0.01, 0.04, 0.03, 0.2, np.nan]))
    assert q[:4] == pytest.approx([0.04, 0.16 / 3, 0.16 / 3, 0.2])
    assert np.isnan(q[4])
