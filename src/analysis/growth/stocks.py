"""Levels of membership and organisations over time, and the growth between them."""

from __future__ import annotations

import math

import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.schema import STOCK_METRICS
from analysis.data.selection import count_ids, join_ids, select_facts, text_of
from analysis.memo import memoize
from analysis.text.periods import (
    moment_of,
    years_between_series,
)
from analysis.text.phrases import Wording

START_SLACK_DAYS = 31
"""How long (days) before a period's earliest admissible start a membership stock may be
dated and still count as the membership at its start (a year-end figure for a new year)."""


STOCK_COLUMNS = [
    "district_id",
    "metric",
    "date",
    "value",
    "qualifier",
    "derived",
    "method",
    "fact_ids",
]


@memoize
def stock_series(dataset: Dataset, metrics: tuple[str, ...] = STOCK_METRICS) -> pd.DataFrame:
    """Returns every stock level per district and metric, stated and derived.

    Stated levels are stocks at a moment. Derived levels are baselines of `change` facts:
    Sa Thầy had 56 base organisations on 18 October 2021, 7 more than in 2010, so 49 at the
    end of 2010 (the baseline year's last day, by the period convention).

    Returns:
        Columns district_id, metric, date, value, qualifier ('>', '<', '~' or ''), derived,
        method, fact_ids; one row per distinct level (facts stating the same level at the
        same date are merged and all their ids kept).
    """
    stocks = select_facts(dataset, metric=metrics, kind="stock", unit="count", total_only=True)
    stocks = stocks[stocks["period_start"].isna()].assign(
        metric=lambda f: f["metric"].astype(str),
        qualifier=lambda f: text_of(f["comparator"]),
    )
    stated = (
        stocks.groupby(["district_id", "metric", "period_end", "value", "qualifier"])["fact_id"]
        .agg(";".join)
        .reset_index()
        .rename(columns={"period_end": "date", "fact_id": "fact_ids"})
        .assign(derived=False, method="stated")
    )
    changes = select_facts(dataset, metric=metrics, kind="change", unit="count", total_only=True)
    derived = []
    by_key = stated.set_index(["district_id", "metric", "date"]).sort_index()
    for change in changes.itertuples():
        key = (change.district_id, str(change.metric), change.period_end)
        if key not in by_key.index:
            continue
        current = by_key.loc[[key]].iloc[0]
        baseline = pd.Timestamp(moment_of(change.period_start_text))
        derived.append(
            {
                "district_id": change.district_id,
                "metric": str(change.metric),
                "date": baseline,
                "value": current["value"] - change.value,
                "qualifier": current["qualifier"],
                "derived": True,
                "method": Wording(
                    "level_minus_change",
                    value=current["value"],
                    date=key[2],
                    change=change.value,
                    since=change.period_start_text,
                ),
                "fact_ids": join_ids([current["fact_ids"], change.fact_id]),
            }
        )
    series = pd.concat([stated, pd.DataFrame(derived, columns=stated.columns)], ignore_index=True)
    series = series[STOCK_COLUMNS].astype(
        {"derived": bool, "value": float, "date": "datetime64[ns]"}
    )
    series = series.sort_values(["district_id", "metric", "date", "derived"])
    return series.reset_index(drop=True)


def annualised_growth(start_value: float, end_value: float, years: float) -> float:
    """Compound annual growth rate in percent: (end/start)^(1/years) - 1."""
    if years <= 0 or start_value <= 0 or end_value < 0:
        return math.nan
    return ((end_value / start_value) ** (1 / years) - 1) * 100


def _one_per_date(series: pd.DataFrame) -> pd.DataFrame:
    """Keeps one level per series and date: stated before derived, then the best supported."""
    ranked = series.assign(_support=count_ids(series["fact_ids"]))
    ranked = ranked.sort_values(
        ["district_id", "metric", "date", "derived", "_support"],
        ascending=[True, True, True, True, False],
    )
    return ranked.drop_duplicates(["district_id", "metric", "date"]).drop(columns="_support")


GROWTH_COLUMNS = [
    "district_id", "metric", "pair", "start_date", "end_date", "start_value", "end_value",
    "years", "change", "cagr_percent", "approximate", "short_span", "derived", "method",
    "fact_ids",
]  # fmt: skip


def _level_pairs(levels: pd.DataFrame) -> pd.DataFrame:
    """Pairs each level with the next of its series, and the first with the last of a series
    of more than two (columns of the end level get the suffix `_end`)."""
    keys = ["district_id", "metric"]
    group = levels.groupby(keys, sort=False)
    following = group.shift(-1)
    consecutive = (
        levels.join(following.add_suffix("_end"))
        .dropna(subset=["date_end"])
        .assign(pair="consecutive")
    )
    size = group["date"].transform("size")
    firsts = levels[group.cumcount() == 0]
    lasts = levels[group.cumcount(ascending=False) == 0]
    span = (
        firsts[size[firsts.index] > 2]
        .merge(lasts, on=keys, suffixes=("", "_end"))
        .assign(pair="first to last")
    )
    return pd.concat([consecutive, span], ignore_index=True)


def _growth_of_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    """The change and compound annual growth between the two levels of each pair."""
    pairs["derived_end"] = pairs["derived_end"].astype(bool)
    years = years_between_series(pairs["date"] + pd.Timedelta(days=1), pairs["date_end"])
    either_derived = pairs["derived"] | pairs["derived_end"]
    return pd.DataFrame(
        {
            "district_id": pairs["district_id"],
            "metric": pairs["metric"],
            "pair": pairs["pair"],
            "start_date": pairs["date"],
            "end_date": pairs["date_end"],
            "start_value": pairs["value"],
            "end_value": pairs["value_end"].astype(float),
            "years": years,
            "change": pairs["value_end"].astype(float) - pairs["value"],
            "cagr_percent": [
                annualised_growth(a, b, y) if y >= 1 else math.nan
                for a, b, y in zip(pairs["value"], pairs["value_end"], years, strict=True)
            ],
            "approximate": (pairs["qualifier"] != "") | (pairs["qualifier_end"] != ""),
            "short_span": years < 1,
            "derived": True,
            "method": [
                Wording("growth_of_derived" if derived else "growth_between")
                for derived in either_derived
            ],
            "fact_ids": [
                join_ids(p) for p in zip(pairs["fact_ids"], pairs["fact_ids_end"], strict=True)
            ],
        }
    )


@memoize
def compute_growth(dataset: Dataset, metrics: tuple[str, ...] = STOCK_METRICS) -> pd.DataFrame:
    """Returns the annualised growth between stocks of each district and metric.

    One row per pair of consecutive levels, plus first-to-last where a series has more than
    two. Durations come from the dates (periods.years_since).

    Returns:
        Columns district_id, metric, pair, start_date, end_date, start_value, end_value,
        years, change, cagr_percent (empty for spans under a year: shown as a change, never
        annualised), approximate (a level was stated as "more than" or "about"), short_span
        (under a year), derived, method,
        fact_ids.
    """
    levels = _one_per_date(stock_series(dataset, metrics)).reset_index(drop=True)
    pairs = _level_pairs(levels) if not levels.empty else levels
    if pairs.empty:
        return pd.DataFrame(columns=GROWTH_COLUMNS)
    table = _growth_of_pairs(pairs)
    order = {"consecutive": 0, "first to last": 1}
    table = table.sort_values(
        ["district_id", "metric", "pair", "start_date"],
        key=lambda c: c.map(order) if c.name == "pair" else c,
    )
    return table[GROWTH_COLUMNS].reset_index(drop=True)
