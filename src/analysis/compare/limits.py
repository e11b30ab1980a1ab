"""Control limits of a funnel plot for a share or a rate, around a target.

Without adjustment the limits are exact, with Spiegelhalter's interpolation for discreteness
(Statistics in Medicine 2005, 24:1185, appendix): for the p-th quantile r_p of
Binomial(n, θ0) or Poisson(θ0·E), α = (F(r_p) − p) / (F(r_p) − F(r_p − 1)) and the limit is
(r_p − α) / exposure, i.e. the p-quantile of the cumulative distribution interpolated linearly
between whole counts. Where the expected count (and, for a share, the expected non-events)
reaches `NORMAL_FROM_EXPECTED`, the normal approximation θ0 ± z·√(V(θ0)/exposure) is used.

Limits widened for over-dispersion are normal on a variance-stabilising scale (arcsine
square root for shares, square root for rates; standard error 1/(2√exposure)), multiplied
by √φ or with τ² added to each variance, and transformed back.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np
from scipy import stats

from analysis.compare.inputs import Kind

LEVELS = {"95": 0.95, "998": 0.998}
"""The two funnels drawn, keyed by the suffix of their columns."""
NORMAL_FROM_EXPECTED = 1000.0
"""Expected counts (and, for shares, expected non-events) from which limits are normal."""


class Adjustment(StrEnum):
    """How limits are widened for over-dispersion."""

    NONE = "none"
    MULTIPLICATIVE = "multiplicative"
    ADDITIVE = "additive"


class LimitMethod(StrEnum):
    """How a district's limits were computed."""

    EXACT_BINOMIAL = "exact binomial, interpolated"
    EXACT_POISSON = "exact Poisson, interpolated"
    NORMAL = "normal approximation"
    NORMAL_ARCSINE = "normal on the arcsine square-root scale"
    NORMAL_SQRT = "normal on the square-root scale"


def to_stable_scale(kind: Kind, value: np.ndarray) -> np.ndarray:
    """Arcsine square root of a share, square root of a rate (variance-stabilising)."""
    value = np.asarray(value, dtype=float)
    return np.arcsin(np.sqrt(np.clip(value, 0, 1))) if kind == Kind.SHARE else np.sqrt(value)


def from_stable_scale(kind: Kind, value: np.ndarray) -> np.ndarray:
    """The inverse of `to_stable_scale`, clipped to the possible values."""
    if kind == Kind.SHARE:
        return np.sin(np.clip(value, 0, np.pi / 2)) ** 2
    return np.clip(value, 0, None) ** 2


def standard_error(exposure: np.ndarray) -> np.ndarray:
    """The standard error of a share or rate on its variance-stabilising scale."""
    return 1 / (2 * np.sqrt(np.asarray(exposure, dtype=float)))


def null_distribution(kind: Kind, target: float, exposure: np.ndarray):
    """Binomial(exposure, target) for shares, Poisson(target × exposure) for rates."""
    if kind == Kind.SHARE:
        return stats.binom(np.round(exposure).astype(int), target)
    return stats.poisson(target * exposure)


def exact_limit(kind: Kind, target: float, exposure: np.ndarray, p: float) -> np.ndarray:
    """The interpolated exact p-quantile of a share or rate (Spiegelhalter 2005, appendix)."""
    exposure = np.asarray(exposure, dtype=float)
    dist = null_distribution(kind, target, exposure)
    r_p = dist.ppf(p)
    at, below = dist.cdf(r_p), dist.cdf(r_p - 1)
    alpha = np.divide(at - p, at - below, out=np.zeros_like(at), where=at > below)
    limit = (r_p - alpha) / exposure
    return np.clip(limit, 0, 1 if kind == Kind.SHARE else None)


def normal_limit(kind: Kind, target: float, exposure: np.ndarray, p: float) -> np.ndarray:
    """The normal approximation to the p-quantile of a share or rate."""
    variance = target * (1 - target) if kind == Kind.SHARE else target
    limit = target + stats.norm.ppf(p) * np.sqrt(variance / np.asarray(exposure, dtype=float))
    return np.clip(limit, 0, 1 if kind == Kind.SHARE else None)


def is_large(kind: Kind, target: float, exposure: np.ndarray) -> np.ndarray:
    """Where the expected counts are large enough for the normal approximation."""
    """Where the counts are large enough for the normal approximation."""
    expected = target * exposure
    if kind == Kind.SHARE:
        expected = np.minimum(expected, (1 - target) * exposure)
    return expected >= NORMAL_FROM_EXPECTED


def control_limits(
    kind: Kind,
    target: float,
    exposure: np.ndarray,
    level: float,
    adjustment: Adjustment = Adjustment.NONE,
    phi: float = 1.0,
    tau2: float = 0.0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Lower and upper limits (as proportions or rates per unit of exposure) and the method.

    Args:
        kind: Share or rate.
        target: The target proportion or rate per unit of exposure.
        exposure: Exposures at which to compute the limits.
        level: Two-sided coverage, e.g. 0.95 or 0.998.
        adjustment: The over-dispersion adjustment to apply.
        phi: The multiplicative over-dispersion factor.
        tau2: The additive between-district variance, on the transformed scale.
    """
    exposure = np.asarray(exposure, dtype=float)
    p_low, p_high = (1 - level) / 2, (1 + level) / 2
    if adjustment != Adjustment.NONE:
        s = standard_error(exposure)
        spread = (
            np.sqrt(phi) * s
            if adjustment == Adjustment.MULTIPLICATIVE
            else np.hypot(s, np.sqrt(tau2))
        )
        centre, z = to_stable_scale(kind, target), stats.norm.ppf(p_high)
        method = LimitMethod.NORMAL_ARCSINE if kind == Kind.SHARE else LimitMethod.NORMAL_SQRT
        return (
            from_stable_scale(kind, centre - z * spread),
            from_stable_scale(kind, centre + z * spread),
            np.full(exposure.shape, method.value, dtype=object),
        )
    large = is_large(kind, target, exposure)
    exact = LimitMethod.EXACT_BINOMIAL if kind == Kind.SHARE else LimitMethod.EXACT_POISSON
    low, high = np.empty_like(exposure), np.empty_like(exposure)
    for mask, limit in ((large, normal_limit), (~large, exact_limit)):
        if mask.any():
            low[mask] = limit(kind, target, exposure[mask], p_low)
            high[mask] = limit(kind, target, exposure[mask], p_high)
    method = np.where(large, LimitMethod.NORMAL.value, exact.value).astype(object)
    return low, high, method
