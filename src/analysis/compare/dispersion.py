"""Over-dispersion of performance indicators (Spiegelhalter 2005, Quality and Safety in Health
Care 14:347).

z-scores on the variance-stabilising scale are winsorised at 10 % in each tail and
φ = mean of their squares. Q = I·φ is referred to χ² on I − 1 degrees of freedom when the
target is pooled from the same I districts (I when the target is given from outside). The
additive alternative estimates a between-district variance τ² from the same z-scores,
DerSimonian–Laird style: τ² = max(0, (Q − (I − 1)) / (Σw − Σw²/Σw)), w = 1/s² (with a given
target, (Q − I) / Σw).

Winsorising biases φ down: for normal z-scores the mean square falls to 0.679 of its value,
so when districts truly differ τ² comes out smaller than it is and the widened limits are
too narrow. `PhiEstimator.CONSISTENT` divides by 0.679 and is the default of the funnel;
`PhiEstimator.WINSORISED` follows the paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from scipy import stats

WINSOR_FRACTION = 0.10
MIN_DISTRICTS_FOR_DISPERSION = 3
"""φ and τ² need at least this many compared districts (two degrees of freedom)."""


class PhiEstimator(StrEnum):
    """How φ is estimated from the winsorised z-scores."""

    WINSORISED = "winsorised"
    """The mean of the squared winsorised z-scores, as Spiegelhalter (2005) defines it."""
    CONSISTENT = "winsorised, consistent"
    """The same divided by its expectation for standard normal z-scores (0.679 at 10 %),
    so that φ is not biased down by a third when districts truly differ."""


def winsorised_normal_moment(fraction: float = WINSOR_FRACTION) -> float:
    """E[Z_w²] for a standard normal Z winsorised at `fraction` in each tail (0.679 at 10 %)."""
    q = stats.norm.ppf(1 - fraction)
    return float((1 - 2 * fraction) - 2 * q * stats.norm.pdf(q) + 2 * fraction * q**2)


def winsorise(z: np.ndarray, fraction: float = WINSOR_FRACTION) -> np.ndarray:
    """Pulls the z-scores below the `fraction` quantile up to it, and those above the
    1 − `fraction` quantile down to it (quantiles interpolated linearly, R's type 7)."""
    low, high = np.quantile(z, [fraction, 1 - fraction])
    return np.clip(z, low, high)


@dataclass(frozen=True)
class Overdispersion:
    """Over-dispersion of a set of z-scores (Spiegelhalter 2005).

    Attributes:
        phi: Mean of the squared winsorised z-scores.
        p_value: P(χ²(df) ≥ n·φ), the test of φ = 1.
        tau2: The additive between-district variance on the transformed scale.
        n: Number of districts.
        df: Degrees of freedom of the test (n − 1 with a pooled target, n with a given one).
    """

    phi: float
    p_value: float
    tau2: float
    n: int
    df: int

    def significant(self, alpha: float) -> bool:
        """Whether φ is significantly above 1 at level `alpha`."""
        return bool(np.isfinite(self.p_value) and self.p_value < alpha)


def estimate_overdispersion(
    z: np.ndarray,
    s: np.ndarray,
    pooled: bool = True,
    estimator: PhiEstimator = PhiEstimator.WINSORISED,
) -> Overdispersion:
    """Estimates φ and τ² from z-scores and their standard errors on the transformed scale.

    Args:
        z: Unadjusted z-scores, (transformed value − transformed target) / s.
        s: Standard errors on the transformed scale.
        pooled: Whether the target was pooled from the same districts (one degree of freedom
            used).
        estimator: Spiegelhalter's winsorised φ, or the same made consistent at the normal.
    """
    z, s = np.asarray(z, dtype=float), np.asarray(s, dtype=float)
    n = len(z)
    df = n - 1 if pooled else n
    if n < MIN_DISTRICTS_FOR_DISPERSION:
        return Overdispersion(np.nan, np.nan, np.nan, n, df)
    phi = float(np.mean(winsorise(z) ** 2))
    if estimator == PhiEstimator.CONSISTENT:
        phi /= winsorised_normal_moment()
    q = n * phi
    w = 1 / s**2
    if pooled:
        tau2 = (q - df) / (w.sum() - (w**2).sum() / w.sum())
    else:
        tau2 = (q - df) / w.sum()
    return Overdispersion(phi, float(stats.chi2.sf(q, df)), float(max(0.0, tau2)), n, df)
