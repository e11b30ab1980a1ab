"""SYNTHETIC panels with known district rates (benchmarks/comparison_simulation.py): how well
the empirical-Bayes estimates, their intervals and the over-dispersed funnel recover them."""

import importlib.util

import numpy as np
import pytest

from analysis.compare.dispersion import PhiEstimator
from analysis.compare.funnel import Position, compute_funnel
from analysis.compare.shrinkage import shrink_estimates

from conftest import REPO

_spec = importlib.util.spec_from_file_location(
    "comparison_simulation", REPO / "benchmarks" / "comparison_simulation.py"
)
simulation = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(simulation)


def accuracy(panel) -> tuple[float, float, float]:
    table = shrink_estimates(panel, draws=100)
    truth = panel["true_value"].to_numpy()
    mse_raw = np.mean((table["raw"] - truth) ** 2)
    mse_shrunk = np.mean((table["estimate"] - truth) ** 2)
    coverage = np.mean((table["low"] <= truth) & (truth <= table["high"]))
    return mse_raw, mse_shrunk, coverage


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_shrunk_rates_beat_raw_rates_and_their_intervals_cover(seed):
    panel = simulation.simulate_rates(seed=seed, outliers=0)
    assert panel["indicator"].str.contains("SYNTHETIC").all()
    mse_raw, mse_shrunk, coverage = accuracy(panel)
    assert mse_shrunk < mse_raw
    assert coverage >= 0.90


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_shrunk_shares_beat_raw_shares_and_their_intervals_cover(seed):
    mse_raw, mse_shrunk, coverage = accuracy(simulation.simulate_shares(seed=seed, outliers=0))
    assert mse_shrunk < mse_raw
    assert coverage >= 0.90


def flags(panel, estimator: PhiEstimator) -> tuple[int, int, int]:
    table = compute_funnel(panel, estimator=estimator)
    outside = (table["position_998"] != Position.WITHIN).to_numpy()
    outlier = panel["outlier"].to_numpy()
    assert table["adjustment"].iloc[0] == "additive"  # φ is significant in every panel
    return int(outside[outlier].sum()), int(outside[~outlier].sum()), int((~outlier).sum())


def test_the_papers_phi_flags_districts_with_three_times_their_rate():
    """Ten panels of 300 districts, 5 of them at three times their rate: the 99.8 % funnel
    with the additive over-dispersion adjustment and the paper's winsorised φ flags at least
    4 of the 5 in each panel, and under 2 % of the other districts over all panels (it
    underestimates the spread, so a single panel can reach 3 %; see docs/comparisons.md)."""
    results = [
        flags(simulation.simulate_rates(seed=seed), PhiEstimator.WINSORISED)
        for seed in range(1, 11)
    ]
    assert all(found >= 4 for found, _, _ in results)
    false_flags = sum(others for _, others, _ in results)
    assert false_flags / sum(total for _, _, total in results) < 0.02


@pytest.mark.parametrize("seed", range(1, 11))
def test_the_default_consistent_phi_keeps_false_flags_under_2_percent_in_every_panel(seed):
    assert compute_funnel(simulation.simulate_rates(seed=seed))["phi_estimator"].iloc[0] == (
        PhiEstimator.CONSISTENT.value
    )
    found, others, total = flags(simulation.simulate_rates(seed=seed), PhiEstimator.CONSISTENT)
    assert found >= 4
    assert others / total < 0.02


def test_the_simulation_is_seeded():
    first, again = simulation.simulate_rates(seed=5), simulation.simulate_rates(seed=5)
    assert first.equals(again)
    assert not first.equals(simulation.simulate_rates(seed=6))
    assert first["outlier"].sum() == 5 and len(first) == 300
