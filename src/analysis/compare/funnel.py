"""Funnel comparisons: each district's value against its exposure, placed within or outside
95 % and 99.8 % limits around a target, with over-dispersion handled (Spiegelhalter 2005,
both papers). See `analysis.compare.limits` for the limits and
`analysis.compare.dispersion` for φ and τ².

A district's p-value matches its position: without adjustment the exact 2·min(P(X ≤ O),
P(X ≥ O)) under the target's binomial or Poisson distribution (a district is outside at a
level exactly when this falls below 1 − level; the interpolated limits are drawn, and a
count at the whole number just past a drawn limit may be within), or from the normal where
counts are large; with adjustment, from the normal on the variance-stabilising scale with
the widened variance.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd
from scipy import stats

from analysis.compare.dispersion import PhiEstimator, estimate_overdispersion
from analysis.compare.inputs import PER, Kind, assemble_groups, check_inputs, iter_groups
from analysis.compare.limits import (
    LEVELS,
    Adjustment,
    control_limits,
    is_large,
    null_distribution,
    standard_error,
    to_stable_scale,
)


class Position(StrEnum):
    """Where a district's value lies relative to a pair of limits."""

    BELOW = "below"
    WITHIN = "within"
    ABOVE = "above"


POSITIONS = pd.CategoricalDtype([p.value for p in Position])
FUNNEL_COLUMNS = [
    "district_id",
    "indicator",
    "window",
    "kind",
    "numerator",
    "exposure",
    "value",
    "target",
    "n_districts",
    "limit_method",
    "low_95",
    "high_95",
    "low_998",
    "high_998",
    "z",
    "phi",
    "phi_p_value",
    "tau2",
    "phi_estimator",
    "adjustment",
    "p_value",
    "q_value",
    "flagged_fdr",
    "position_95",
    "position_998",
]


def benjamini_hochberg(p_values: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (q-values); NaN stays NaN."""
    p = np.asarray(p_values, dtype=float)
    q = np.full(p.shape, np.nan)
    known = np.flatnonzero(np.isfinite(p))
    if not len(known):
        return q
    order = known[np.argsort(p[known])]
    m = len(order)
    scaled = p[order] * m / np.arange(1, m + 1)
    q[order] = np.minimum(1, np.minimum.accumulate(scaled[::-1])[::-1])
    return q


def _exact_tails(kind: Kind, target: float, numerator: np.ndarray, exposure: np.ndarray):
    """P(X ≤ O) and P(X ≥ O) under the target's distribution. With a target of 0 (or a share
    of 1) nothing else can happen: 1 at the target, else 0."""
    if target <= 0 or (kind == Kind.SHARE and target >= 1):
        at = np.where(numerator == target * exposure, 1.0, 0.0)
        return at, at
    dist = null_distribution(kind, target, exposure)
    return dist.cdf(numerator), dist.sf(numerator - 1)


def _exact_p_values(kind: Kind, target: float, numerator: np.ndarray, exposure: np.ndarray):
    """Two-sided exact p-values: 2·min(P(X ≤ O), P(X ≥ O))."""
    lower, upper = _exact_tails(kind, target, numerator, exposure)
    return np.minimum(1, 2 * np.minimum(lower, upper))


def _exact_positions(kind, target, rows, level: float) -> np.ndarray:
    """Above when P(X ≥ O) < (1 − level)/2, below when P(X ≤ O) < (1 − level)/2: the exact
    test. Comparing O with the interpolated limit instead would place every share of 100 %
    above any upper limit under 100 % (1 − F(n) = 0), however small the district."""
    lower, upper = _exact_tails(kind, target, rows["numerator"].to_numpy(), rows["exposure"].to_numpy())  # fmt: skip
    tail = (1 - level) / 2
    return np.where(
        upper < tail,
        Position.ABOVE.value,
        np.where(lower < tail, Position.BELOW.value, Position.WITHIN.value),
    )


def _p_values(kind, target, rows, z, adjustment, od) -> np.ndarray:
    numerator, exposure = rows["numerator"].to_numpy(), rows["exposure"].to_numpy()
    if adjustment == Adjustment.MULTIPLICATIVE:
        return 2 * stats.norm.sf(np.abs(z) / np.sqrt(od.phi))
    if adjustment == Adjustment.ADDITIVE:
        s = standard_error(exposure)
        return 2 * stats.norm.sf(np.abs(z) * s / np.hypot(s, np.sqrt(od.tau2)))
    p = _exact_p_values(kind, target, numerator, exposure)
    large = is_large(kind, target, exposure)
    variance = target * (1 - target) if kind == Kind.SHARE else target
    z_normal = (numerator / exposure - target) / np.sqrt(variance / exposure)
    return np.where(large, 2 * stats.norm.sf(np.abs(z_normal)), p)


def _place(value: np.ndarray, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    return np.where(
        value > high,
        Position.ABOVE.value,
        np.where(value < low, Position.BELOW.value, Position.WITHIN.value),
    )


@dataclass(frozen=True)
class _Settings:
    adjustment: Adjustment
    estimator: PhiEstimator
    od_alpha: float
    fdr: float | None


def _funnel_group(group, kind, target, settings: _Settings) -> pd.DataFrame:
    out = group.copy()
    rows = group[group["compared"]]
    pooled = target is None
    if target is None:
        total = rows["exposure"].sum()
        theta0 = rows["numerator"].sum() / total if total > 0 else np.nan
    else:
        theta0 = target / PER
    exposure = rows["exposure"].to_numpy()
    value = rows["numerator"].to_numpy() / exposure if len(rows) else np.array([])
    z = (to_stable_scale(kind, value) - to_stable_scale(kind, theta0)) / standard_error(exposure)
    od = estimate_overdispersion(z, standard_error(exposure), pooled, settings.estimator)
    applied = settings.adjustment if od.significant(settings.od_alpha) else Adjustment.NONE
    out["target"], out["n_districts"] = theta0 * PER, len(rows)
    out["phi"], out["phi_p_value"], out["tau2"] = od.phi, od.p_value, od.tau2
    out["phi_estimator"], out["adjustment"] = settings.estimator.value, applied.value
    out["value"] = group["numerator"] / group["exposure"] * PER
    out.loc[~group["compared"], "value"] = np.nan
    for name in ("z", "p_value", "q_value", "limit_method", *(f"{e}_{k}" for k in LEVELS for e in ("low", "high"))):  # fmt: skip
        out[name] = np.nan if name != "limit_method" else None
    out["flagged_fdr"] = pd.array([pd.NA] * len(out), dtype="boolean")
    for name in (f"position_{k}" for k in LEVELS):
        out[name] = pd.Series(pd.NA, index=out.index, dtype=POSITIONS)
    if not len(rows) or not np.isfinite(theta0):
        return out
    index = rows.index
    out.loc[index, "z"] = z
    p = _p_values(kind, theta0, rows, z, applied, od)
    out.loc[index, "p_value"] = p
    out.loc[index, "q_value"] = benjamini_hochberg(p)
    if settings.fdr is not None:
        out.loc[index, "flagged_fdr"] = out.loc[index, "q_value"] <= settings.fdr
    for key, level in LEVELS.items():
        low, high, method = control_limits(kind, theta0, exposure, level, applied, od.phi, od.tau2)
        out.loc[index, f"low_{key}"], out.loc[index, f"high_{key}"] = low * PER, high * PER
        out.loc[index, "limit_method"] = method
        placed = _place(value, low, high)
        if applied == Adjustment.NONE:
            exact = ~is_large(kind, theta0, exposure)
            placed = np.where(exact, _exact_positions(kind, theta0, rows, level), placed)
        out.loc[index, f"position_{key}"] = placed
    return out


def compute_funnel(
    data: pd.DataFrame,
    *,
    targets: Mapping[str, float] | None = None,
    adjustment: Adjustment = Adjustment.ADDITIVE,
    estimator: PhiEstimator = PhiEstimator.CONSISTENT,
    od_alpha: float = 0.05,
    fdr: float | None = None,
) -> pd.DataFrame:
    """Places each district's value within or outside 95 % and 99.8 % funnel limits.

    Each indicator and window is a separate comparison. Districts without a comparable figure
    are listed with empty values and positions. Extra input columns are kept after the
    declared ones.

    Args:
        data: The tidy input (see `analysis.compare.inputs`).
        targets: Target per 100 for some indicators; the others use the pooled value
            (total numerator ÷ total exposure of the districts compared).
        adjustment: How to widen the limits when φ is significantly above 1 (at `od_alpha`);
            additive by default, because districts differ widely in size and multiplicative
            limits narrow to the target for the largest ones.
        estimator: Spiegelhalter's winsorised φ divided by 0.679 (default), so that it is not
            biased down when districts truly differ, or the paper's own (to match other
            implementations); docs/comparisons.md gives what each does to the false flags in
            simulation: the paper's reaches 3.1 % of in-control districts in single panels.
        od_alpha: Significance level of the over-dispersion test.
        fdr: If given, `flagged_fdr` marks districts whose Benjamini–Hochberg q-value (within
            their comparison) is at most this false-discovery rate.

    Returns:
        One row per input row, with the columns `FUNNEL_COLUMNS`; values, targets and limits
        per 100; `z` unadjusted on the transformed scale; `p_value` after adjustment.
    """
    frame = check_inputs(data)
    targets = dict(targets or {})
    settings = _Settings(Adjustment(adjustment), PhiEstimator(estimator), od_alpha, fdr)
    parts = [
        _funnel_group(group, kind, targets.get(indicator), settings)
        for indicator, _window, kind, group in iter_groups(frame)
    ]
    return assemble_groups(parts, FUNNEL_COLUMNS, data)


CURVE_COLUMNS = ["indicator", "window", "exposure", "target", "low_95", "high_95", "low_998", "high_998"]  # fmt: skip


def _curve(comparison: pd.DataFrame, points: int) -> pd.DataFrame:
    rows = comparison[comparison["value"].notna()]
    first = comparison.iloc[0]
    if rows.empty or not np.isfinite(first["target"]):
        return pd.DataFrame(columns=CURVE_COLUMNS)
    kind, target = Kind(first["kind"]), first["target"] / PER
    low, high = rows["exposure"].min(), rows["exposure"].max()
    exposure = np.geomspace(low / 2, high * 1.5, points)
    if kind == Kind.SHARE:
        exposure = np.unique(np.maximum(1, np.round(exposure)))
    curve = {"exposure": exposure, "target": np.full(len(exposure), target * PER)}
    adjustment, phi, tau2 = Adjustment(first["adjustment"]), first["phi"], first["tau2"]
    for key, level in LEVELS.items():
        lower, upper, _ = control_limits(kind, target, exposure, level, adjustment, phi, tau2)
        curve[f"low_{key}"], curve[f"high_{key}"] = lower * PER, upper * PER
    return pd.DataFrame(curve).assign(indicator=first["indicator"], window=first["window"])[
        CURVE_COLUMNS
    ]


def funnel_curves(funnel: pd.DataFrame, points: int = 200) -> pd.DataFrame:
    """The target and limits of every comparison of `compute_funnel` over a range of
    exposures (half the smallest to 1.5 times the largest), for drawing; per 100."""
    parts = [_curve(group, points) for _, group in funnel.groupby(["indicator", "window"])]
    parts = [part for part in parts if not part.empty]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=CURVE_COLUMNS)
