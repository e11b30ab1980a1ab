"""Empirical-Bayes estimates of each district's share or rate, with 95 % posterior intervals
and rank intervals.

Shares: counts are binomial given the district's share, shares follow a Beta(α, β) across
districts (beta-binomial). Rates: counts are Poisson given the district's rate per unit of
exposure, rates follow a Gamma(shape a, rate b) across districts (gamma-Poisson, i.e.
negative binomial counts). The prior's two parameters are estimated by marginal maximum
likelihood over the districts of one comparison (indicator and window); each district's
posterior is then Beta(α + O, β + n − O) or Gamma(a + O, b + E). Estimates are posterior means;
intervals are equal-tailed posterior quantiles. The uncertainty of the estimated prior is not
carried into the intervals, which is why a comparison needs `MIN_DISTRICTS_FOR_PRIOR`
districts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import optimize, special, stats

from analysis.compare.inputs import (
    PER,
    Kind,
    assemble_groups,
    check_inputs,
    group_seed,
    iter_groups,
)
from analysis.compare.ranks import DEFAULT_DRAWS, DEFAULT_SEED, simulate_rank_intervals

MIN_DISTRICTS_FOR_PRIOR = 5
"""Fewer districts in a comparison than this and no prior is estimated (estimates left empty)."""
LOG_STRENGTH_BOUNDS = (np.log(1e-2), np.log(1e8))
"""Bounds of log(α + β) or log(a): at the upper one the districts show no spread."""
SHRINKAGE_COLUMNS = [
    "district_id",
    "indicator",
    "window",
    "kind",
    "numerator",
    "exposure",
    "n_districts",
    "raw",
    "estimate",
    "low",
    "high",
    "rank",
    "rank_low",
    "rank_high",
    "prior_mean",
    "prior_a",
    "prior_b",
]


@dataclass(frozen=True)
class Prior:
    """The distribution of true shares or rates across districts.

    Attributes:
        kind: Share (Beta(a, b)) or rate (Gamma(shape a, rate b) per unit of exposure).
        a: α of the Beta, or the Gamma's shape.
        b: β of the Beta, or the Gamma's rate.
        no_spread: The spread reached its bound: no variation between districts beyond
            chance was found, so every estimate is close to the pooled value.
    """

    kind: Kind
    a: float
    b: float
    no_spread: bool

    @property
    def mean(self) -> float:
        """The prior mean share, or rate per unit of exposure."""
        return self.a / (self.a + self.b) if self.kind == Kind.SHARE else self.a / self.b


def _split(kind: Kind, u: float, v: float) -> tuple[float, float]:
    strength = np.exp(v)
    if kind == Kind.SHARE:
        mean = special.expit(u)
        return mean * strength, (1 - mean) * strength
    return strength, strength / np.exp(u)


def _negative_log_likelihood(params, kind, numerator, exposure) -> float:
    a, b = _split(kind, *params)
    if kind == Kind.SHARE:
        return -float(stats.betabinom.logpmf(numerator, exposure, a, b).sum())
    return -float(stats.nbinom.logpmf(numerator, a, b / (b + exposure)).sum())


def fit_prior(kind: Kind, numerator: np.ndarray, exposure: np.ndarray) -> Prior:
    """Estimates the prior by marginal maximum likelihood (a grid over the spread, then
    L-BFGS-B on the logit or log mean and the log strength)."""
    numerator, exposure = np.asarray(numerator, dtype=float), np.asarray(exposure, dtype=float)
    pooled = np.clip(
        numerator.sum() / exposure.sum(), 1e-6, 1 - 1e-6 if kind == Kind.SHARE else None
    )
    u0 = special.logit(pooled) if kind == Kind.SHARE else np.log(pooled)
    grid = np.linspace(*LOG_STRENGTH_BOUNDS, 41)
    v0 = min(grid, key=lambda v: _negative_log_likelihood((u0, v), kind, numerator, exposure))
    result = optimize.minimize(
        _negative_log_likelihood,
        x0=[u0, v0],
        args=(kind, numerator, exposure),
        method="L-BFGS-B",
        bounds=[(u0 - 15, u0 + 15), LOG_STRENGTH_BOUNDS],
    )
    a, b = _split(kind, *result.x)
    return Prior(kind, float(a), float(b), bool(result.x[1] >= LOG_STRENGTH_BOUNDS[1] - 0.01))


def posterior(prior: Prior, numerator: np.ndarray, exposure: np.ndarray):
    """Each district's posterior parameters: Beta(a, b) for shares, Gamma(a, rate b) for rates."""
    if prior.kind == Kind.SHARE:
        return prior.a + numerator, prior.b + exposure - numerator
    return prior.a + numerator, prior.b + exposure


def posterior_summary(
    kind: Kind, a: np.ndarray, b: np.ndarray, level: float = 0.95
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Posterior mean and equal-tailed interval (proportion or rate per unit of exposure)."""
    tail = (1 - level) / 2
    if kind == Kind.SHARE:
        dist, mean = stats.beta(a, b), a / (a + b)
    else:
        dist, mean = stats.gamma(a, scale=1 / b), a / b
    return mean, dist.ppf(tail), dist.ppf(1 - tail)


def _shrink_group(group, kind, rng, level, draws, descending) -> pd.DataFrame:
    out = group.copy()
    rows = group[group["compared"]]
    out["n_districts"] = len(rows)
    out["raw"] = group["numerator"] / group["exposure"] * PER
    out.loc[~group["compared"], "raw"] = np.nan
    for name in ("estimate", "low", "high", "prior_mean", "prior_a", "prior_b"):
        out[name] = np.nan
    for name in ("rank", "rank_low", "rank_high"):
        out[name] = pd.array([pd.NA] * len(out), dtype="Int64")
    if len(rows) < MIN_DISTRICTS_FOR_PRIOR:
        return out
    numerator, exposure = rows["numerator"].to_numpy(), rows["exposure"].to_numpy()
    prior = fit_prior(kind, numerator, exposure)
    a, b = posterior(prior, numerator, exposure)
    mean, low, high = posterior_summary(kind, a, b, level)
    out.loc[rows.index, "estimate"] = mean * PER
    out.loc[rows.index, "low"], out.loc[rows.index, "high"] = low * PER, high * PER
    out["prior_mean"], out["prior_a"], out["prior_b"] = prior.mean * PER, prior.a, prior.b
    ranks = simulate_rank_intervals(
        kind, a, b, mean, rng, draws=draws, level=level, descending=descending
    )
    for name in ranks.columns:
        out.loc[rows.index, name] = ranks[name].to_numpy()
    return out


def shrink_estimates(
    data: pd.DataFrame,
    *,
    level: float = 0.95,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    descending: bool = True,
) -> pd.DataFrame:
    """Empirical-Bayes estimates, posterior intervals and rank intervals for each district.

    Each indicator and window is a separate comparison. Districts without a comparable figure
    are listed with empty estimates, as are all districts of a comparison with fewer than
    `MIN_DISTRICTS_FOR_PRIOR` districts (the raw value is still given).

    Args:
        data: The tidy input (see `analysis.compare.inputs`).
        level: Coverage of the posterior and rank intervals.
        draws: Number of simulated rankings per comparison.
        seed: Seed of the rank simulation; each comparison's draws depend only on it and on
            the comparison's indicator and window.
        descending: Rank 1 is the highest estimate when True.

    Returns:
        One row per input row with the columns `SHRINKAGE_COLUMNS` (raw, estimate, interval
        and prior mean per 100; `prior_a`, `prior_b` on the scale of one unit of exposure),
        then any extra input columns.
    """
    frame = check_inputs(data)
    parts = [
        _shrink_group(group, kind, group_seed(seed, ind, win), level, draws, descending)
        for ind, win, kind, group in iter_groups(frame)
    ]
    return assemble_groups(parts, SHRINKAGE_COLUMNS, data)
