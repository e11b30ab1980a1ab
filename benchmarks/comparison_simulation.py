"""A SYNTHETIC check of the comparison methods: districts with known true rates (or shares),
counts drawn from them, and how well the funnel, the empirical-Bayes estimates and their
intervals recover the truth. Every figure here is invented by code, seeded.

    python benchmarks/comparison_simulation.py [--replicates 20] [--seed 1]

The tests (tests/compare/test_simulation.py) run a few of these panels.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from analysis.compare.dispersion import PhiEstimator  # noqa: E402
from analysis.compare.funnel import Position, compute_funnel  # noqa: E402
from analysis.compare.limits import Adjustment  # noqa: E402
from analysis.compare.shrinkage import shrink_estimates  # noqa: E402

LABEL = "SYNTHETIC"


def _districts(n: int, outliers: int, rng: np.random.Generator) -> pd.DataFrame:
    flagged = np.zeros(n, dtype=bool)
    flagged[rng.choice(n, size=outliers, replace=False)] = True
    return pd.DataFrame(
        {
            "district_id": [f"synthetic-{i:03d}" for i in range(1, n + 1)],
            "district": [f"{LABEL} district {i}" for i in range(1, n + 1)],
            "outlier": flagged,
        }
    )


def simulate_rates(
    n_districts: int = 300,
    outliers: int = 5,
    factor: float = 3.0,
    seed: int = 1,
    mean_rate: float = 0.03,
    spread: float = 0.2,
) -> pd.DataFrame:
    """A SYNTHETIC rate comparison: admissions over one year per member.

    Members per district are log-normal (median 4,000, from 300 to 40,000); true rates are
    Gamma with mean `mean_rate` per member-year and coefficient of variation `spread`;
    `outliers` districts chosen at random get `factor` times their rate; admissions are
    Poisson. Returns the tidy comparison input plus `district`, `outlier` and `true_value`
    (per 100 members per year).
    """
    rng = np.random.default_rng(seed)
    frame = _districts(n_districts, outliers, rng)
    members = np.round(np.clip(rng.lognormal(np.log(4000), 0.8, n_districts), 300, 40000))
    shape = 1 / spread**2
    true = rng.gamma(shape, mean_rate / shape, n_districts) * np.where(frame["outlier"], factor, 1)
    return frame.assign(
        indicator=f"admissions per 100 members ({LABEL})",
        window=f"one year ({LABEL})",
        kind="rate",
        numerator=rng.poisson(true * members).astype(float),
        exposure=members,
        true_value=true * 100,
    )


def simulate_shares(
    n_districts: int = 300,
    outliers: int = 5,
    seed: int = 1,
    mean_share: float = 0.15,
    strength: float = 60.0,
) -> pd.DataFrame:
    """A SYNTHETIC share comparison: organisations rated excellent out of those rated.

    Organisations per district are uniform from 15 to 150; true shares are Beta with mean
    `mean_share` and α + β = `strength`; `outliers` districts get three times their share
    (at most 0.95); counts are binomial. Same extra columns as `simulate_rates`.
    """
    rng = np.random.default_rng(seed)
    frame = _districts(n_districts, outliers, rng)
    rated = rng.integers(15, 151, n_districts)
    true = rng.beta(mean_share * strength, (1 - mean_share) * strength, n_districts)
    true = np.where(frame["outlier"], np.minimum(3 * true, 0.95), true)
    return frame.assign(
        indicator=f"organisations rated excellent ({LABEL})",
        window=f"one year ({LABEL})",
        kind="share",
        numerator=rng.binomial(rated, true).astype(float),
        exposure=rated.astype(float),
        true_value=true * 100,
    )


def accuracy(panel: pd.DataFrame) -> dict:
    """Mean squared errors of the raw and shrunk values against the truth (per 100, squared)
    and the share of 95 % posterior intervals that cover the truth."""
    shrunk = shrink_estimates(panel, draws=100)
    truth = panel["true_value"].to_numpy()
    return {
        "mse_raw": float(np.mean((shrunk["raw"] - truth) ** 2)),
        "mse_shrunk": float(np.mean((shrunk["estimate"] - truth) ** 2)),
        "coverage": float(np.mean((shrunk["low"] <= truth) & (truth <= shrunk["high"]))),
    }


def flags(panel: pd.DataFrame, adjustment: Adjustment, estimator: PhiEstimator) -> dict:
    """Districts outside the 99.8 % funnel, among the outliers and among the others."""
    funnel = compute_funnel(panel, adjustment=adjustment, estimator=estimator)
    outside = (funnel["position_998"] != Position.WITHIN).to_numpy()
    outlier = panel["outlier"].to_numpy()
    return {
        "flagged_outliers": int(outside[outlier].sum()),
        "flagged_others": int(outside[~outlier].sum()),
        "others": int((~outlier).sum()),
        "phi": float(funnel["phi"].iloc[0]),
        "tau2": float(funnel["tau2"].iloc[0]),
        "applied": str(funnel["adjustment"].iloc[0]),
    }


SCENARIOS = {
    "rates, no outlier": lambda seed: simulate_rates(seed=seed, outliers=0),
    "rates, 5 outliers": lambda seed: simulate_rates(seed=seed),
    "shares, no outlier": lambda seed: simulate_shares(seed=seed, outliers=0),
    "shares, 5 outliers": lambda seed: simulate_shares(seed=seed),
}


def run(seeds: range) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Accuracy per panel, and flags per panel and funnel setting."""
    accuracies, flagged = [], []
    for scenario, make in SCENARIOS.items():
        for seed in seeds:
            panel = make(seed)
            accuracies.append({"scenario": scenario, "seed": seed, **accuracy(panel)})
            for adjustment in (Adjustment.ADDITIVE, Adjustment.MULTIPLICATIVE):
                for estimator in PhiEstimator:
                    flagged.append({"scenario": scenario, "seed": seed, "adjustment": adjustment.value,
                                    "phi_estimator": estimator.value,
                                    **flags(panel, adjustment, estimator)})  # fmt: skip
    return pd.DataFrame(accuracies), pd.DataFrame(flagged)


def summarise(accuracies: pd.DataFrame, flagged: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:  # fmt: skip
    """Means over panels, with the worst panel and how often each criterion holds."""
    first = accuracies.groupby("scenario", sort=False).agg(
        panels=("seed", "size"),
        mse_raw=("mse_raw", "mean"),
        mse_shrunk=("mse_shrunk", "mean"),
        shrunk_better=(
            "mse_shrunk",
            lambda s: float((s < accuracies.loc[s.index, "mse_raw"]).mean()),
        ),
        coverage=("coverage", "mean"),
        coverage_min=("coverage", "min"),
    )
    flagged = flagged.assign(false_rate=flagged["flagged_others"] / flagged["others"])
    second = flagged.groupby(["scenario", "adjustment", "phi_estimator"], sort=False).agg(
        phi=("phi", "mean"),
        outliers_flagged=("flagged_outliers", "mean"),
        outliers_min=("flagged_outliers", "min"),
        others_flagged=("flagged_others", "mean"),
        false_rate=("false_rate", "mean"),
        false_rate_max=("false_rate", "max"),
        under_2_percent=("false_rate", lambda s: float((s < 0.02).mean())),
    )
    return first, second


def main(argv: list[str] | None = None) -> int:
    """Prints the summary of several SYNTHETIC panels of each scenario."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicates", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    first, second = summarise(*run(range(args.seed, args.seed + args.replicates)))
    pd.set_option("display.width", 200)
    print(f"{LABEL} panels of 300 districts (seeds {args.seed}–{args.seed + args.replicates - 1})")
    print("\nEmpirical-Bayes estimates against the truth:")
    print(first.to_string(float_format=lambda x: f"{x:.4g}"))
    print("\n99.8 % funnel flags (outliers: 5 districts at three times their rate or share):")
    print(second.to_string(float_format=lambda x: f"{x:.4g}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
