"""Ranks with their uncertainty, by simulation from each district's posterior (in the manner
of Goldstein & Spiegelhalter 1996, JRSS A 159:385).

Each draw takes one value from every district's posterior and ranks the districts; the 2.5 %
and 97.5 % quantiles of a district's simulated ranks make its 95 % rank interval. Posteriors
are treated as independent given the estimated prior (its own uncertainty is not carried).
The same seed gives the same intervals.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.compare.inputs import Kind

DEFAULT_DRAWS = 4000
DEFAULT_SEED = 20260512
CHUNK_DRAWS = 500
"""Draws simulated and ranked at a time: the counts of ranks are all that is kept, so memory
stays at 500 × districts values whatever the number of draws (the generator gives the same
values in chunks as at once)."""
RANK_COLUMNS = ["rank", "rank_low", "rank_high"]


def draw_posterior(
    kind: Kind, a: np.ndarray, b: np.ndarray, draws: int, rng: np.random.Generator
) -> np.ndarray:
    """Draws × districts values from Beta(a, b) (shares) or Gamma(a, rate b) (rates)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if kind == Kind.SHARE:
        return rng.beta(a, b, size=(draws, len(a)))
    return rng.gamma(a, 1 / b, size=(draws, len(a)))


def rank_draws(samples: np.ndarray, descending: bool = True) -> np.ndarray:
    """Ranks each row of draws × districts (1 = highest when `descending`)."""
    keys = -samples if descending else samples
    # Draws are continuous: ties are all but impossible, and where they happen (a share
    # rounded to exactly 1) any order of the tied districts is an equally valid draw.
    order = np.argsort(keys, axis=1)
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(1, samples.shape[1] + 1)[None, :], axis=1)
    return ranks


def rank_counts(ranks: np.ndarray) -> np.ndarray:
    """Districts × ranks: how many rows of draws × districts `ranks` (1..n) give each
    district each rank."""
    n = ranks.shape[1]
    flat = (ranks - 1 + np.arange(n)[None, :] * n).ravel()
    return np.bincount(flat, minlength=n * n).reshape(n, n)


def quantiles_from_counts(
    counts: np.ndarray, draws: int, levels: tuple[float, ...]
) -> list[np.ndarray]:
    """Each district's quantiles of its simulated ranks from `rank_counts` over `draws`
    draws, as `np.quantile(..., method="inverted_cdf")` gives them."""
    below = np.cumsum(counts, axis=1)
    quantiles = []
    for level in levels:
        k = int(np.quantile(np.arange(draws), level, method="inverted_cdf"))  # numpy's index
        quantiles.append(np.argmax(below > k, axis=1) + 1)
    return quantiles


def rank_quantiles(ranks: np.ndarray, levels: tuple[float, ...]) -> list[np.ndarray]:
    """Each column's quantiles of draws × districts ranks (1..n), as `np.quantile(ranks,
    level, axis=0, method="inverted_cdf")` gives them, from counts rather than by sorting
    every column (ranks are small integers)."""
    return quantiles_from_counts(rank_counts(ranks), ranks.shape[0], levels)


def simulate_rank_intervals(
    kind: Kind,
    a: np.ndarray,
    b: np.ndarray,
    estimate: np.ndarray,
    rng: np.random.Generator,
    *,
    draws: int = DEFAULT_DRAWS,
    level: float = 0.95,
    descending: bool = True,
) -> pd.DataFrame:
    """Rank of each estimate and the interval of its simulated ranks.

    Args:
        kind: Share (Beta posteriors) or rate (Gamma posteriors).
        a: First posterior parameter of each district.
        b: Second posterior parameter (Beta β, or Gamma rate).
        estimate: The point estimates ranked for `rank` (ties share the best rank).
        rng: The random generator (seeded by the caller).
        draws: Number of simulated rankings.
        level: Coverage of the rank interval.
        descending: Rank 1 is the highest value when True.

    Returns:
        rank, rank_low, rank_high (integers), one row per district, in input order.
    """
    estimate = pd.Series(np.asarray(estimate, dtype=float))
    if not len(estimate):
        return pd.DataFrame({c: pd.Series(dtype="Int64") for c in RANK_COLUMNS})
    counts = np.zeros((len(estimate), len(estimate)), dtype=np.int64)
    for start in range(0, draws, CHUNK_DRAWS):
        chunk = draw_posterior(kind, a, b, min(CHUNK_DRAWS, draws - start), rng)
        counts += rank_counts(rank_draws(chunk, descending))
    tail = (1 - level) / 2
    low, high = quantiles_from_counts(counts, draws, (tail, 1 - tail))
    return pd.DataFrame(
        {
            "rank": estimate.rank(ascending=not descending, method="min").astype("Int64"),
            "rank_low": pd.array(low.astype(int), dtype="Int64"),
            "rank_high": pd.array(high.astype(int), dtype="Int64"),
        }
    )
