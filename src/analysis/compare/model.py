"""A model across districts: counts (admissions …) as Poisson or negative-binomial GLMs with
log(exposure) as offset and optional categorical effects (region, year), fitted with
statsmodels.

The districts with figures are a census of those districts, not a sample: the model treats
each count as drawn from a rate, and its intervals describe what the counts say about those
rates and how they differ by region or year. It is refused when fewer than
`MIN_UNITS_PER_WINDOW` districts share a window, where a comparison across districts says
little.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import pandas as pd
from scipy import stats

from analysis.compare.inputs import PER, ComparisonInputError, Kind, check_inputs

MIN_UNITS_PER_WINDOW = 10
"""A model is refused when a window has fewer districts with a comparable figure."""
RATE_RATIO_COLUMNS = ["effect", "level", "reference", "rate_ratio", "low", "high", "p_value"]


class Family(StrEnum):
    """The distribution of the counts given the rate."""

    POISSON = "poisson"
    NEGATIVE_BINOMIAL = "negative binomial"


class TooFewUnits(ValueError):
    """Too few districts share a window for a model across districts."""


class NotARate(ComparisonInputError):
    """A count model of a share: it needs events over an exposure (member-years)."""


class EffectsConfounded(ComparisonInputError):
    """Effects that cannot be told apart with the districts at hand.

    Attributes:
        effects: The effects asked for.
    """

    def __init__(self, effects: Sequence[str]) -> None:
        self.effects = tuple(effects)
        super().__init__(
            f"the effects {', '.join(self.effects)} cannot be told apart with these districts "
            "(a level is empty once the others are known); drop one of them"
        )

    def __reduce__(self):
        return type(self), (self.effects,)


@dataclass
class CountModel:
    """A fitted count model across districts.

    Attributes:
        family: Poisson or negative binomial (NB2, variance μ + α·μ²).
        indicator: The indicator modelled.
        windows: The windows included, each with its number of districts.
        effects: The categorical effects, in order.
        n_units: Number of rows (district × window) fitted.
        baseline: Rate per 100 at the reference levels, with its 95 % interval.
        rate_ratios: One row per non-reference level: rate ratio against the reference
            level, 95 % interval and p-value.
        cells: Districts, events and exposure per combination of effect levels.
        dispersion: Pearson χ² / residual degrees of freedom of the fitted model.
        dispersion_tests: Formal tests of over-dispersion relative to Poisson.
        alpha: The negative binomial's α (None for Poisson).
        diagnostics: Deviance, Pearson χ², residual df, AIC, log-likelihood, convergence.
        residuals: Observed and fitted counts and Pearson residuals, per row.
        excluded: Districts of the indicator without a comparable figure, not fitted.
        reading: A plain-language summary.
    """

    family: Family
    indicator: str
    windows: dict[str, int]
    effects: list[str]
    n_units: int
    baseline: dict[str, float]
    rate_ratios: pd.DataFrame
    cells: pd.DataFrame
    dispersion: float
    dispersion_tests: pd.DataFrame
    alpha: float | None
    diagnostics: dict[str, float]
    residuals: pd.DataFrame
    excluded: list[str] = field(default_factory=list)
    reading: str = ""


def _select(data: pd.DataFrame, indicator: str, windows, effects) -> tuple[pd.DataFrame, list]:
    frame = check_inputs(data)
    frame = frame[frame["indicator"] == indicator]
    if frame.empty:
        raise ComparisonInputError(f"no row has the indicator {indicator!r}")
    if frame["kind"].iloc[0] != Kind.RATE:
        raise NotARate(
            f"indicator {indicator!r} is a share; a count model with an exposure offset "
            "needs a rate (events over member-years)"
        )
    if windows is not None:
        frame = frame[frame["window"].isin(list(windows))]
    missing = [e for e in effects if e not in frame.columns]
    if missing:
        raise ComparisonInputError(
            f"effect column(s) {', '.join(missing)} not in the input; "
            f"columns present: {', '.join(map(str, frame.columns))}"
        )
    blank = frame[list(effects)].isna().any(axis=1) if effects else frame["compared"] & False
    excluded = sorted(frame.loc[~frame["compared"] | blank, "district_id"].astype(str))
    return frame[frame["compared"] & ~blank], excluded


def _require_units(frame: pd.DataFrame, indicator: str) -> dict[str, int]:
    counts = frame.groupby("window")["district_id"].nunique().to_dict()
    short = {w: n for w, n in counts.items() if n < MIN_UNITS_PER_WINDOW}
    if not counts or short:
        found = ", ".join(f"{w!r}: {n}" for w, n in (short or {"(none)": 0}).items())
        raise TooFewUnits(
            f"indicator {indicator!r}: too few districts with a comparable figure share a "
            f"window ({found}); a model across districts needs at least "
            f"{MIN_UNITS_PER_WINDOW} in every window modelled. Choose windows with more "
            "districts, or compare them with the funnel and the shrunk estimates instead."
        )
    return {str(w): int(n) for w, n in counts.items()}


def _reference(frame: pd.DataFrame, effect: str) -> str:
    sizes = frame[effect].astype(str).value_counts()
    return sorted(sizes.index[sizes == sizes.max()])[0]


def _design(frame: pd.DataFrame, effects: Sequence[str]) -> tuple[pd.DataFrame, list[tuple]]:
    """An intercept and one indicator column per non-reference level of each effect."""
    columns = {"intercept": np.ones(len(frame))}
    terms = []
    for effect in effects:
        values, reference = frame[effect].astype(str), _reference(frame, effect)
        for level in sorted(set(values) - {reference}):
            columns[f"{effect}={level}"] = (values == level).to_numpy(dtype=float)
            terms.append((effect, level, reference))
    design = pd.DataFrame(columns, index=frame.index)
    if np.linalg.matrix_rank(design.to_numpy()) < design.shape[1]:
        raise EffectsConfounded(effects)
    return design, terms


def _cells(frame: pd.DataFrame, effects: Sequence[str]) -> pd.DataFrame:
    keys = list(effects) or np.zeros(len(frame), dtype=int)
    cells = frame.groupby(keys).agg(
        districts=("district_id", "nunique"),
        events=("numerator", "sum"),
        exposure=("exposure", "sum"),
    )
    cells["rate"] = cells["events"] / cells["exposure"] * PER
    return cells.reset_index(drop=not effects)


def _dispersion_tests(poisson_result, nb_llf: float | None) -> pd.DataFrame:
    from statsmodels.discrete.diagnostic import PoissonDiagnostic

    found = PoissonDiagnostic(poisson_result).test_dispersion()
    position = list(found.method).index("CT nb2")
    rows = [
        {
            "test": "Cameron–Trivedi (variance μ + α·μ²) on the Poisson fit",
            "statistic": float(found.statistic[position]),
            "p_value": float(found.pvalue[position]),
        }
    ]
    if nb_llf is not None:
        ratio = max(0.0, 2 * (nb_llf - poisson_result.llf))
        rows.append(
            {
                "test": "likelihood ratio, negative binomial against Poisson (α = 0, halved χ²₁)",
                "statistic": ratio,
                "p_value": float(0.5 * stats.chi2.sf(ratio, 1)),
            }
        )
    return pd.DataFrame(rows)


def _rate_ratios(result, terms: list[tuple]) -> pd.DataFrame:
    intervals = np.asarray(result.conf_int(0.05))
    rows = [
        {
            "effect": effect,
            "level": level,
            "reference": reference,
            "rate_ratio": float(np.exp(result.params.iloc[i])),
            "low": float(np.exp(intervals[i, 0])),
            "high": float(np.exp(intervals[i, 1])),
            "p_value": float(result.pvalues.iloc[i]),
        }
        for i, (effect, level, reference) in enumerate(terms, start=1)
    ]
    return pd.DataFrame(rows, columns=RATE_RATIO_COLUMNS)


def _fit(frame: pd.DataFrame, design: pd.DataFrame, family: Family):
    """The Poisson fit, the chosen fit and the negative binomial's α (or None)."""
    import statsmodels.api as sm

    counts, offset = frame["numerator"].to_numpy(), np.log(frame["exposure"].to_numpy())
    poisson = sm.GLM(counts, design, family=sm.families.Poisson(), offset=offset).fit()
    if family == Family.POISSON:
        return poisson, poisson, None, None
    discrete = sm.NegativeBinomial(counts, design, offset=offset).fit(disp=0, maxiter=200)
    alpha = float(discrete.params["alpha"])
    chosen = sm.GLM(
        counts, design, family=sm.families.NegativeBinomial(alpha=alpha), offset=offset
    ).fit()
    return poisson, chosen, alpha, float(discrete.llf)


def _diagnostics(result) -> dict[str, float]:
    return {
        "deviance": float(result.deviance),
        "pearson_chi2": float(result.pearson_chi2),
        "df_resid": float(result.df_resid),
        "aic": float(result.aic),
        "log_likelihood": float(result.llf),
        "converged": bool(result.converged),
    }


def _residuals(frame: pd.DataFrame, result) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "district_id": frame["district_id"].to_numpy(),
            "window": frame["window"].to_numpy(),
            "observed": frame["numerator"].to_numpy(),
            "fitted": np.asarray(result.fittedvalues),
            "pearson_residual": np.asarray(result.resid_pearson),
        }
    )


def _reading(model: CountModel) -> str:
    windows = ", ".join(f"{w} ({n} districts)" for w, n in model.windows.items())
    overdispersed = bool(model.dispersion_tests["p_value"].iloc[0] < 0.05)
    if not overdispersed:
        verdict = "no over-dispersion beyond Poisson is detected"
    elif model.family == Family.POISSON:
        verdict = "counts vary more than a Poisson model allows: prefer the negative binomial"
    else:
        verdict = "counts vary more than a Poisson model allows, as the negative binomial lets them"
    return (
        f"{model.family.value.capitalize()} model of {model.indicator} over {windows}: "
        f"Pearson χ²/df = {model.dispersion:.2f}; {verdict}. The districts are all those with "
        "figures, not a sample; intervals describe the rates behind the counts."
    )


def fit_count_model(
    data: pd.DataFrame,
    indicator: str,
    *,
    windows: Sequence[str] | None = None,
    effects: Sequence[str] = (),
    family: Family = Family.POISSON,
) -> CountModel:
    """Fits counts of one rate indicator across districts, with log(exposure) as offset.

    Args:
        data: The tidy comparison input (see `analysis.compare.inputs`) with a column per
            effect (e.g. `region`, or `year`).
        indicator: The indicator to model (a rate).
        windows: The windows to include; all of the indicator's by default.
        effects: Categorical effect columns; each level is compared with the level having
            the most districts (ties: the first alphabetically).
        family: Poisson, or negative binomial with α estimated by maximum likelihood.

    Raises:
        TooFewUnits: When a window included has fewer than `MIN_UNITS_PER_WINDOW` districts
            with a comparable figure.
        ComparisonInputError: For bad input, a share, an unknown effect column, or effects
            that cannot be told apart.
    """
    family = Family(family)
    frame, excluded = _select(data, indicator, windows, list(effects))
    counts = _require_units(frame, indicator)
    design, terms = _design(frame, list(effects))
    poisson, result, alpha, nb_llf = _fit(frame, design, family)
    low, high = (float(v) for v in np.exp(np.asarray(result.conf_int(0.05))[0]) * PER)
    model = CountModel(
        family=family,
        indicator=indicator,
        windows=counts,
        effects=list(effects),
        n_units=len(frame),
        baseline={"rate": float(np.exp(result.params.iloc[0]) * PER), "low": low, "high": high},
        rate_ratios=_rate_ratios(result, terms),
        cells=_cells(frame, list(effects)),
        dispersion=float(result.pearson_chi2 / result.df_resid),
        dispersion_tests=_dispersion_tests(poisson, nb_llf),
        alpha=alpha,
        diagnostics=_diagnostics(result),
        residuals=_residuals(frame, result),
        excluded=excluded,
    )
    model.reading = _reading(model)
    return model
