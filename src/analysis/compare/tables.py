"""The comparisons of a dataset: funnel, shrinkage, the figures left out, coverage, where one
district sits, and the count model or the reason it is refused.

These tie `analysis.compare.indicators` (what is compared, over which windows) to the
statistical core (`funnel`, `shrinkage`, `model`) with the project's defaults: the pooled
target, additive widening with the consistent φ, seeded rank intervals. Values are per 100:
per 100 members per year for admissions and growth, per 100 organisations rated, per 100 of
the pro-rata target.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.compare.dispersion import MIN_DISTRICTS_FOR_DISPERSION
from analysis.compare.funnel import compute_funnel
from analysis.compare.indicators import (
    Indicator,
    build_indicators,
    comparison_inputs,
    coverage,
    indicator_inputs,
    label,
    left_out,
)
from analysis.compare.inputs import ComparisonInputError
from analysis.compare.model import (
    CountModel,
    EffectsConfounded,
    Family,
    NotARate,
    TooFewUnits,
    fit_count_model,
)
from analysis.compare.ranks import DEFAULT_SEED
from analysis.compare.shrinkage import shrink_estimates
from analysis.data.dataset import Dataset
from analysis.memo import memoize
from analysis.text.phrases import Label, Wording

MIN_DISTRICTS_FOR_FUNNEL = MIN_DISTRICTS_FOR_DISPERSION
"""A window with fewer districts has no limits or positions: the pooled target would be
little more than the districts' own values."""
LIMIT_COLUMNS = ["low_95", "high_95", "low_998", "high_998", "z", "p_value", "q_value"]
POSITION_COLUMNS = ["position_95", "position_998"]


def _labelled(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    labels = {code: label(code, lang) for code in table["indicator"].unique()}
    return table.assign(indicator_label=table["indicator"].map(labels))


def _funnel_limits(inputs: pd.DataFrame) -> pd.DataFrame:
    table = compute_funnel(inputs)
    small = table["n_districts"] < MIN_DISTRICTS_FOR_FUNNEL
    table.loc[small, LIMIT_COLUMNS] = np.nan
    for column in POSITION_COLUMNS:
        table.loc[small, column] = pd.NA
    return table


def compute_funnel_table(inputs: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Returns every district's place in the funnel of each indicator and window of
    `comparison_inputs`.

    Columns of `analysis.compare.funnel.FUNNEL_COLUMNS` (value, target and the four limits
    per 100, φ, τ², the positions), then the district's name and region, the period, term,
    years, reading of the period, and `indicator_label`. Windows with fewer than
    `MIN_DISTRICTS_FOR_FUNNEL` districts keep their rows without limits or positions.
    """
    return _labelled(_funnel_limits(inputs), lang)


def compute_shrinkage_table(inputs: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Returns empirical-Bayes estimates with 95 % intervals and rank intervals of each
    indicator and window of `comparison_inputs` (`analysis.compare.shrinkage.SHRINKAGE_COLUMNS`,
    per 100), with the district's name, region, period and `indicator_label`; seeded."""
    return _labelled(shrink_estimates(inputs, seed=DEFAULT_SEED), lang)


@memoize
def build_comparisons(dataset: Dataset) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Returns the inputs of every comparison and the figures left out (computed once)."""
    return build_indicators(dataset)


@memoize
def national_funnel(dataset: Dataset) -> pd.DataFrame:
    """The funnel table of a dataset without labels (the same in every language)."""
    return _funnel_limits(comparison_inputs(dataset))


def compared_indicators(dataset: Dataset) -> list[str]:
    """The indicators of a dataset's comparisons, in the order of the tables."""
    return sorted(comparison_inputs(dataset)["indicator"].astype(str).unique())


@memoize
def shrunk_indicator(dataset: Dataset, indicator: str) -> pd.DataFrame:
    """The shrinkage table of one indicator of a dataset, without labels.

    Each comparison's draws depend only on the seed, its indicator and window, so the
    indicators can be estimated apart (by different kernels of a batch) and joined.
    """
    return shrink_estimates(indicator_inputs(dataset, indicator), seed=DEFAULT_SEED)


@memoize
def funnel_table(dataset: Dataset, lang: str = "en") -> pd.DataFrame:
    """The funnel table of a dataset (see `compute_funnel_table`)."""
    return _labelled(national_funnel(dataset), lang)


@memoize
def shrinkage_table(dataset: Dataset, lang: str = "en") -> pd.DataFrame:
    """The shrinkage table of a dataset (see `compute_shrinkage_table`), joined from the
    tables of its indicators."""
    return _labelled(_joined_shrinkage(dataset), lang)


def _joined_shrinkage(dataset: Dataset) -> pd.DataFrame:
    parts = [shrunk_indicator(dataset, code) for code in compared_indicators(dataset)]
    if len(parts) < 2:
        return shrink_estimates(comparison_inputs(dataset), seed=DEFAULT_SEED)
    return pd.concat(parts, ignore_index=True)


@memoize
def comparison_tables(dataset: Dataset, lang: str = "en") -> tuple[pd.DataFrame, pd.DataFrame]:
    """The funnel and the shrinkage tables of a dataset from one build of their inputs
    (what a district report shows; in an interactive session too the national inputs are
    then built once, see `analysis.memo`)."""
    return funnel_table(dataset, lang), shrinkage_table(dataset, lang)


@memoize
def left_out_table(dataset: Dataset) -> pd.DataFrame:
    """Returns every figure of a compared kind that no comparison uses, with the reason
    (see `analysis.compare.indicators.left_out`)."""
    return left_out(dataset)


@memoize
def coverage_table(dataset: Dataset) -> pd.DataFrame:
    """Returns how many districts share each indicator and window, how many are compared on
    each indicator, and how many have a figure of it but none comparable."""
    return coverage(comparison_inputs(dataset), left_out(dataset))


def locate_district(funnel: pd.DataFrame, shrunk: pd.DataFrame, district_id: str) -> pd.DataFrame:
    """Returns where one district sits in every comparison it is part of: its value, the
    target, the districts sharing the window, its positions, its shrunk estimate with the
    95 % interval, and its rank with the rank interval.

    Args:
        funnel: The funnel table (`funnel_table` or `compute_funnel_table`).
        shrunk: The shrinkage table of the same inputs.
        district_id: The district.
    """
    keys = ["district_id", "indicator", "window"]
    mine = funnel[funnel["district_id"] == district_id]
    shown = ["indicator_label", "period", "n_districts", "value", "target", "low_998",
             "high_998", "position_95", "position_998", "phi", "tau2"]  # fmt: skip
    estimates = shrunk.reindex(columns=[*keys, "estimate", "low", "high", "rank", "rank_low", "rank_high"])  # fmt: skip
    mine = mine.reindex(columns=keys + shown)
    return mine.merge(estimates, on=keys, how="left").reset_index(drop=True)


def district_position(dataset: Dataset, district_id: str, lang: str = "en") -> pd.DataFrame:
    """Where one district sits in every comparison of a dataset (see `locate_district`)."""
    return locate_district(funnel_table(dataset, lang), shrinkage_table(dataset, lang), district_id)


def windows_for_model(inputs: pd.DataFrame, indicator: str) -> list[str]:
    """The windows of an indicator shared by enough districts for a count model."""
    from analysis.compare.model import MIN_UNITS_PER_WINDOW

    rows = inputs[inputs["indicator"] == indicator]
    counts = rows.groupby("window")["district_id"].nunique()
    return sorted(counts.index[counts >= MIN_UNITS_PER_WINDOW])


def fit_or_refuse(
    inputs: pd.DataFrame,
    indicator: str = Indicator.ADMISSIONS,
    effects: tuple[str, ...] = ("region",),
    family: Family = Family.NEGATIVE_BINOMIAL,
) -> tuple[CountModel | None, str]:
    """Fits the count model of an indicator over the windows that at least 10 districts
    share (with a `window` effect when there are several), or says in a sentence why not.

    Returns:
        (the model, its reading) or (None, the refusal as a sentence).
    """
    named = Label(label(indicator), label(indicator, "vi"))
    windows = windows_for_model(inputs, indicator)
    if not windows:
        counts = inputs[inputs["indicator"] == indicator].groupby("window")["district_id"]
        largest = counts.nunique().max() if len(counts.size()) else 0
        return None, Wording("no_model", indicator=named, largest=int(largest or 0))
    effects = tuple(effects) + (("window",) if len(windows) > 1 else ())
    try:
        model = fit_count_model(inputs, indicator, windows=windows, effects=effects, family=family)
    except NotARate:
        return None, Wording("no_model_share", indicator=named)
    except EffectsConfounded as exc:
        return None, Wording("no_model_confounded", indicator=named, effects=list(exc.effects))
    except (TooFewUnits, ComparisonInputError) as exc:
        reason = str(exc).rstrip(".")
        return None, Wording("no_model_input", indicator=named, reason=reason)
    return model, model.reading.replace(f"model of {indicator} over", f"model of {label(indicator)} over", 1)  # fmt: skip
