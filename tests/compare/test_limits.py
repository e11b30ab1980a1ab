"""Funnel limits against quantiles computed by hand."""

import math

import numpy as np
import pandas as pd
import pytest

from analysis.compare.funnel import compute_funnel
from analysis.compare.inputs import Kind
from analysis.compare.limits import (
    Adjustment,
    LimitMethod,
    control_limits,
    exact_limit,
    normal_limit,
)

N, P0 = 41, 0.15
NORMAL = {0.95: 1.959963984540054, 0.998: 3.090232306167813}


def binomial_cdf(r: int, n: int = N, p: float = P0) -> float:
    return sum(math.comb(n, k) * p**k * (1 - p) ** (n - k) for k in range(r + 1)) if r >= 0 else 0.0


def poisson_cdf(r: int, mu: float) -> float:
    return sum(math.exp(-mu) * mu**k / math.factorial(k) for k in range(r + 1)) if r >= 0 else 0.0


def interpolated_quantile(cdf, p: float) -> float:
    """Spiegelhalter's interpolation, step by step: the smallest r with F(r) ≥ p, then
    α = (F(r) − p) / (F(r) − F(r − 1)) and the quantile r − α."""
    r = 0
    while cdf(r) < p:
        r += 1
    alpha = (cdf(r) - p) / (cdf(r) - cdf(r - 1))
    return r - alpha


@pytest.mark.parametrize("level", [0.95, 0.998])
def test_binomial_limits_match_hand_computed_quantiles(level):
    for p in ((1 - level) / 2, (1 + level) / 2):
        expected = max(0.0, interpolated_quantile(binomial_cdf, p)) / N
        assert exact_limit(Kind.SHARE, P0, np.array([N]), p)[0] == pytest.approx(
            expected, abs=1e-12
        )
    low, high, method = control_limits(Kind.SHARE, P0, np.array([N]), level)
    assert method[0] == LimitMethod.EXACT_BINOMIAL
    assert low[0] < P0 < high[0]


def test_binomial_quantiles_for_41_at_15_percent():
    """The counts behind the limits: F(1) < 0.025 ≤ F(2), F(10) < 0.975 ≤ F(11),
    0.001 ≤ F(0) (the lower 99.8 % limit is 0) and F(13) < 0.999 ≤ F(14)."""
    limit = lambda p: exact_limit(Kind.SHARE, P0, np.array([N]), p)[0]  # noqa: E731
    assert binomial_cdf(1) < 0.025 <= binomial_cdf(2) and 1 / N < limit(0.025) <= 2 / N
    assert binomial_cdf(10) < 0.975 <= binomial_cdf(11) and 10 / N < limit(0.975) <= 11 / N
    assert binomial_cdf(0) >= 0.001 and limit(0.001) == 0
    assert binomial_cdf(13) < 0.999 <= binomial_cdf(14) and 13 / N < limit(0.999) <= 14 / N


@pytest.mark.parametrize("level", [0.95, 0.998])
def test_poisson_limits_match_hand_computed_quantiles(level):
    exposure, rate = 250.0, 0.03  # 7.5 events expected
    for p in ((1 - level) / 2, (1 + level) / 2):
        expected = max(0.0, interpolated_quantile(lambda r: poisson_cdf(r, 7.5), p)) / exposure
        assert exact_limit(Kind.RATE, rate, np.array([exposure]), p)[0] == pytest.approx(expected, abs=1e-12)  # fmt: skip


def test_the_funnel_table_shows_the_limits_per_100():
    data = pd.DataFrame(
        {
            "district_id": ["a", "b", "c"],
            "indicator": "excellent",
            "window": "2023",
            "kind": "share",
            "numerator": [6.0, 5, 30],
            "exposure": [41.0, 40, 100],
        }
    )
    row = compute_funnel(data, targets={"excellent": 15.0}, adjustment=Adjustment.NONE).iloc[0]
    for key, level in (("95", 0.95), ("998", 0.998)):
        low = max(0.0, interpolated_quantile(binomial_cdf, (1 - level) / 2)) / N * 100
        high = interpolated_quantile(binomial_cdf, (1 + level) / 2) / N * 100
        assert row[f"low_{key}"] == pytest.approx(low)
        assert row[f"high_{key}"] == pytest.approx(high)
    assert row["target"] == 15.0 and row["value"] == pytest.approx(600 / 41)


def test_large_counts_use_the_normal_approximation_close_to_the_exact_limits():
    exposure = np.array([1e6])  # 30,000 events expected
    low, high, method = control_limits(Kind.RATE, 0.03, exposure, 0.998)
    assert method[0] == LimitMethod.NORMAL
    assert low[0] == pytest.approx(0.03 - NORMAL[0.998] * math.sqrt(0.03 / 1e6))
    assert high[0] == pytest.approx(0.03 + NORMAL[0.998] * math.sqrt(0.03 / 1e6))
    assert high[0] == pytest.approx(exact_limit(Kind.RATE, 0.03, exposure, 0.999)[0], rel=1e-3)
    assert normal_limit(Kind.SHARE, 0.05, np.array([10]), 0.001)[0] == 0  # clipped, not negative


@pytest.mark.parametrize("level", [0.95, 0.998])
def test_widened_limits_follow_the_stabilised_scale(level):
    z, s = NORMAL[level], 1 / (2 * math.sqrt(N))
    centre = math.asin(math.sqrt(P0))
    low, high, method = control_limits(Kind.SHARE, P0, np.array([N]), level, Adjustment.MULTIPLICATIVE, phi=2.0)  # fmt: skip
    assert high[0] == pytest.approx(math.sin(centre + z * math.sqrt(2.0) * s) ** 2)
    assert low[0] == pytest.approx(math.sin(centre - z * math.sqrt(2.0) * s) ** 2)
    assert method[0] == LimitMethod.NORMAL_ARCSINE
    low, high, _ = control_limits(Kind.RATE, 0.03, np.array([400.0]), level, Adjustment.ADDITIVE, tau2=1e-4)  # fmt: skip
    spread = math.sqrt(1 / (4 * 400) + 1e-4)
    assert high[0] == pytest.approx((math.sqrt(0.03) + z * spread) ** 2)
    assert low[0] == pytest.approx(max(0.0, math.sqrt(0.03) - z * spread) ** 2)


def test_limits_never_leave_the_possible_values():
    exposure = np.array([1, 2, 5, 30, 1000])
    for kind, target in ((Kind.SHARE, 0.98), (Kind.SHARE, 0.01), (Kind.RATE, 0.001)):
        for adjustment in Adjustment:
            low, high, _ = control_limits(kind, target, exposure, 0.998, adjustment, 3.0, 0.01)
            assert (low >= 0).all() and (low <= high).all()
            assert kind != Kind.SHARE or (high <= 1).all()
