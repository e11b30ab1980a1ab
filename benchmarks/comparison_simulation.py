"""A SYNTHETIC check of the comparison methods: districts with known true rates (or shares),
counts drawn from them, and how well the funnel, the empirical-Bayes estimates and their
intervals recover the truth. Every figure here is invented by code, seeded.

    python benchmarks/comparison_simulation.py [--replicates 20] [--seed 1]

The tests (tests/compare/test_simulation.py) run one panel of each kind.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from analysis.compare.funnel import Adjustment, Position, compute_funnel  # noqa: E402
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


def score(panel: pd.DataFrame, adjustment: Adjustment = Adjustment.ADDITIVE) -> dict:
    """Mean squared errors (per 100, squared), coverage of the 95 % intervals and flags of
    the 99.8 % funnel among the outliers and among the others."""
    shrunk = shrink_estimates(panel, draws=200)
    funnel = compute_funnel(panel, adjustment=adjustment)
    truth = panel["true_value"].to_numpy()
    outside = (funnel["position_998"] != Position.WITHIN).to_numpy()
    outlier = panel["outlier"].to_numpy()
    return {
        "mse_raw": float(np.mean((shrunk["raw"] - truth) ** 2)),
        "mse_shrunk": float(np.mean((shrunk["estimate"] - truth) ** 2)),
        "coverage": float(np.mean((shrunk["low"] <= truth) & (truth <= shrunk["high"]))),
        "flagged_outliers": int(outside[outlier].sum()),
        "outliers": int(outlier.sum()),
        "flagged_others": int(outside[~outlier].sum()),
        "others": int((~outlier).sum()),
        "phi": float(funnel["phi"].iloc[0]),
        "tau2": float(funnel["tau2"].iloc[0]),
        "adjustment": str(funnel["adjustment"].iloc[0]),
    }


def main(argv: list[str] | None = None) -> int:
    """Prints the scores of several SYNTHETIC panels of each kind, and their means."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicates", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rows = []
    for seed in range(args.seed, args.seed + args.replicates):
        for kind, panel in (("rate", simulate_rates(seed=seed)), ("share", simulate_shares(seed=seed))):  # fmt: skip
            for adjustment in (Adjustment.ADDITIVE, Adjustment.MULTIPLICATIVE):
                rows.append({"kind": kind, "seed": seed, **score(panel, adjustment)})
    table = pd.DataFrame(rows)
    pd.set_option("display.width", 200)
    print(f"{LABEL} panels of 300 districts, 5 with three times their rate or share")
    print(table.to_string(index=False, float_format=lambda x: f"{x:.4g}"))
    print("\nMeans by kind and adjustment:")
    print(table.drop(columns="seed").groupby(["kind", "adjustment"]).mean().to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
