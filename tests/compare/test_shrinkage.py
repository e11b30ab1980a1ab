"""Empirical-Bayes estimates and rank intervals."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.compare.inputs import Kind, group_seed
from analysis.compare.ranks import rank_draws, simulate_rank_intervals
from analysis.compare.shrinkage import (
    MIN_DISTRICTS_FOR_PRIOR,
    SHRINKAGE_COLUMNS,
    fit_prior,
    posterior,
    shrink_estimates,
)


def rates(n: int = 40, seed: int = 2) -> pd.DataFrame:
    """Test data: gamma-distributed true rates, Poisson counts."""
    rng = np.random.default_rng(seed)
    exposure = rng.integers(100, 5000, n).astype(float)
    true = rng.gamma(10, 0.004, n)
    return pd.DataFrame(
        {
            "district_id": [f"r-{i:02d}" for i in range(n)],
            "indicator": "admissions",
            "window": "2023",
            "kind": "rate",
            "numerator": rng.poisson(true * exposure).astype(float),
            "exposure": exposure,
        }
    )


def test_marginal_likelihood_recovers_a_known_beta_prior():
    rng = np.random.default_rng(4)
    rated = rng.integers(20, 200, 3000)
    counts = rng.binomial(rated, rng.beta(6, 24, 3000))  # mean 0.2, strength 30
    prior = fit_prior(Kind.SHARE, counts, rated)
    assert prior.mean == pytest.approx(0.2, abs=0.005)
    assert prior.a + prior.b == pytest.approx(30, rel=0.15)
    assert not prior.no_spread


def test_marginal_likelihood_recovers_a_known_gamma_prior():
    rng = np.random.default_rng(5)
    exposure = rng.uniform(200, 5000, 3000)
    counts = rng.poisson(rng.gamma(16, 0.03 / 16, 3000) * exposure)  # mean 0.03, CV 0.25
    prior = fit_prior(Kind.RATE, counts, exposure)
    assert prior.mean == pytest.approx(0.03, rel=0.02)
    assert prior.a == pytest.approx(16, rel=0.2)


def test_no_spread_between_districts_is_detected():
    rng = np.random.default_rng(6)
    exposure = rng.uniform(500, 5000, 200)
    prior = fit_prior(Kind.RATE, rng.poisson(0.03 * exposure), exposure)
    assert prior.no_spread or prior.a > 1000  # nearly every estimate is the pooled rate


def test_posterior_is_the_conjugate_update_and_the_interval_its_quantiles():
    data = rates()
    table = shrink_estimates(data)
    prior_a, prior_b = table["prior_a"].iloc[0], table["prior_b"].iloc[0]
    row = table.iloc[7]
    a, b = prior_a + row["numerator"], prior_b + row["exposure"]
    assert row["estimate"] == pytest.approx(a / b * 100)
    assert row["low"] == pytest.approx(stats.gamma.ppf(0.025, a, scale=1 / b) * 100)
    assert row["high"] == pytest.approx(stats.gamma.ppf(0.975, a, scale=1 / b) * 100)
    assert row["raw"] == pytest.approx(row["numerator"] / row["exposure"] * 100)
    prior_mean = table["prior_mean"].iloc[0]
    # every estimate lies between its raw value and the prior mean
    between = (table["estimate"] - table["raw"]) * (table["estimate"] - prior_mean) <= 1e-12
    assert between.all()


def test_share_posterior_counts_successes_and_failures():
    from analysis.compare.shrinkage import Prior

    a, b = posterior(Prior(Kind.SHARE, 2.0, 8.0, False), np.array([3.0]), np.array([10.0]))
    assert (a[0], b[0]) == (5.0, 15.0)


def test_output_columns_and_small_comparisons_left_empty():
    data = pd.concat(
        [rates(), rates(MIN_DISTRICTS_FOR_PRIOR - 1, seed=3).assign(window="2024")],
        ignore_index=True,
    )
    data.loc[0, "numerator"] = np.nan
    table = shrink_estimates(data, draws=200)
    assert list(table.columns) == SHRINKAGE_COLUMNS
    small = table[table["window"] == "2024"]
    assert small["estimate"].isna().all() and small["raw"].notna().all()
    assert small["rank"].isna().all()
    missing = table.iloc[0]
    assert np.isnan(missing["raw"]) and np.isnan(missing["estimate"]) and pd.isna(missing["rank"])
    assert (table.loc[table["window"] == "2023", "n_districts"] == 39).all()


def test_rank_intervals_are_deterministic_for_a_seed_and_contain_the_rank():
    data = rates(60)
    first, again = shrink_estimates(data, seed=3), shrink_estimates(data.sample(frac=1, random_state=1), seed=3)  # fmt: skip
    merged = first.merge(again, on="district_id")
    for column in ("rank", "rank_low", "rank_high"):
        assert (merged[f"{column}_x"] == merged[f"{column}_y"]).all()
    other = shrink_estimates(data, seed=4)
    assert not (other["rank_low"] == first["rank_low"]).all()
    assert (first["rank_low"] <= first["rank"]).mean() > 0.95
    assert (first["rank"] <= first["rank_high"]).mean() > 0.95
    assert first["rank"].min() == 1 and first.loc[first["estimate"].idxmax(), "rank"] == 1


def test_a_clear_leader_has_a_narrow_rank_interval():
    rng = group_seed(1, "x", "y")
    a = np.array([5000.0, 100, 100, 100])  # posterior Gamma shapes
    b = np.array([10000.0, 1000, 1000, 1000])  # posterior rates: means 0.5, 0.1, 0.1, 0.1
    ranks = simulate_rank_intervals(Kind.RATE, a, b, a / b, rng)
    assert ranks.iloc[0].tolist() == [1, 1, 1]
    assert ranks["rank_low"].iloc[1:].min() == 2 and ranks["rank_high"].iloc[1:].max() == 4


def test_rank_draws_rank_each_row():
    ranks = rank_draws(np.array([[0.1, 0.3, 0.2], [3.0, 1.0, 2.0]]))
    assert ranks.tolist() == [[3, 1, 2], [1, 3, 2]]
    assert rank_draws(np.array([[0.1, 0.3, 0.2]]), descending=False).tolist() == [[1, 3, 2]]
