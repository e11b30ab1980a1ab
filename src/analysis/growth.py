"""Growth of membership and organisations, and the pace of admissions.

Every row carries the ids of the facts it comes from (`fact_ids`) and says whether it is
stated by a source or derived by the library (`derived`, with the `method`).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.schema import STOCK_METRICS
from analysis.data.selection import count_ids, join_ids, label_districts, select_facts, text_of
from analysis.memo import memoize
from analysis.period_readings import read_periods
from analysis.text.periods import (
    MIN_RANKED_YEARS,
    PeriodKind,
    moment_of,
    parse_partial_date,
    period_label,
    read_period,
    years_between_series,
)

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
                "method": (
                    f"{current['value']:g} on {key[2].date()} minus the stated change "
                    f"{change.value:+g} since {change.period_start_text}"
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
    if levels.empty:
        return pd.DataFrame(columns=GROWTH_COLUMNS)
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
    pairs = pd.concat([consecutive, span], ignore_index=True)
    if pairs.empty:
        return pd.DataFrame(columns=GROWTH_COLUMNS)
    pairs["derived_end"] = pairs["derived_end"].astype(bool)
    years = years_between_series(pairs["date"] + pd.Timedelta(days=1), pairs["date_end"])
    either_derived = pairs["derived"] | pairs["derived_end"]
    table = pd.DataFrame(
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
            "method": np.where(
                either_derived,
                "compound annual growth between the two levels (a level is itself derived)",
                "compound annual growth between the two levels",
            ),
            "fact_ids": [
                join_ids(p) for p in zip(pairs["fact_ids"], pairs["fact_ids_end"], strict=True)
            ],
        }
    )
    order = {"consecutive": 0, "first to last": 1}
    table = table.sort_values(
        ["district_id", "metric", "pair", "start_date"],
        key=lambda c: c.map(order) if c.name == "pair" else c,
    )
    return table[GROWTH_COLUMNS].reset_index(drop=True)


KIND_PRECEDENCE = ("year_to_date", "term_to_date", "review", "term", "dates", "year")
"""When two sources state one flow over the same parsed dates but mean the period
differently, the merged figure keeps the least precise reading (first in this order)."""

READING = [
    "period_kind", "reading_start", "reading_end", "start_low", "start_high", "end_low",
    "end_high", "years", "years_low", "years_high", "reading", "cutoff_known",
]  # fmt: skip


def _with_readings(dataset: Dataset, facts: pd.DataFrame) -> pd.DataFrame:
    readings = read_periods(dataset).rename(
        columns={"start": "reading_start", "end": "reading_end"}
    )
    return facts.drop(columns="period_kind", errors="ignore").join(readings[READING], on="fact_id")


def _derived_flow(change, current: pd.Series) -> dict:
    """The earlier year's flow from a stated difference ("15 more than in the whole of 2021")."""
    span = parse_partial_date(change.period_start_text)
    period = read_period(change.period_start_text, change.period_start_text, "year")
    label = period_label(current["period_start_text"], current["period_end_text"])
    return {
        "district_id": change.district_id,
        "period_start": pd.Timestamp(span.first_day),
        "period_end": pd.Timestamp(span.last_day),
        "period_start_text": change.period_start_text,
        "period_end_text": change.period_start_text,
        "value": current["value"] - change.value,
        "qualifier": current["qualifier"],
        "derived": True,
        "method": (
            f"{current['value']:g} admitted {label} minus the stated difference "
            f"{change.value:+g} from {change.period_start_text}"
        ),
        "fact_ids": join_ids([current["fact_ids"], change.fact_id]),
        "period_kind": period.kind.value,
        "reading_start": pd.Timestamp(period.start),
        "reading_end": pd.Timestamp(period.end),
        **{k: pd.Timestamp(getattr(period, k)) for k in READING[3:7]},
        "years": period.years,
        "years_low": period.years_low,
        "years_high": period.years_high,
        "reading": period.reading,
        "cutoff_known": True,
    }


@memoize
def admission_flows(dataset: Dataset) -> pd.DataFrame:
    """Returns admissions totals over periods: stated flows, plus flows derived from a
    stated difference between two periods (Kinh Môn: 15 more by September 2022 than in the
    whole of 2021 gives 2021's total).

    One figure stated by several sources over the same parsed dates is one row with all
    their citations (Bắc Kạn 2020: "in 2020" and "in 2020 up to the article date", 55 both).

    Returns:
        Columns district_id, period_start, period_end (the stated dates by the convention),
        period_start_text, period_end_text, value, qualifier, derived, method, fact_ids, and
        the period's reading (period_readings): period_kind, reading_start, reading_end,
        start_low, start_high, end_low, end_high, years, years_low, years_high, reading,
        cutoff_known.
    """
    flows = select_facts(dataset, metric="admissions", kind="flow", unit="count", total_only=True)
    flows = _with_readings(dataset, flows.assign(qualifier=text_of(flows["comparator"])))
    order = {k: i for i, k in enumerate(KIND_PRECEDENCE)}
    flows = flows.sort_values(
        ["period_kind", "fact_id"], key=lambda c: c.map(order) if c.name == "period_kind" else c
    )
    keys = ["district_id", "period_start", "period_end", "value", "qualifier"]
    firsts = ["period_start_text", "period_end_text", *READING]
    stated = (
        flows.groupby(keys, sort=True)
        .agg(**{c: (c, "first") for c in firsts}, fact_ids=("fact_id", join_ids))
        .reset_index()
        .assign(derived=False, method="stated")
    )
    changes = select_facts(
        dataset, metric="admissions", kind="change", unit="count", total_only=True
    )
    derived = []
    for change in changes.itertuples():
        current = stated[
            (stated["district_id"] == change.district_id)
            & (stated["period_end"] == change.period_end)
        ]
        if not current.empty:
            derived.append(_derived_flow(change, current.iloc[0]))
    flows = pd.concat([stated, pd.DataFrame(derived, columns=stated.columns)], ignore_index=True)
    dates = ["period_start", "period_end", "reading_start", "reading_end", *READING[3:7]]
    return flows.astype(
        {"derived": bool, "value": float, "cutoff_known": bool}
        | {c: "datetime64[ns]" for c in dates}
        | {c: float for c in ("years", "years_low", "years_high")}
    )


def _membership_bases(flows: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """The membership stock each flow is paired with: dated at the start of the period (up to
    a month before its earliest admissible start) or within it; the earliest such."""
    pairs = (
        flows[["district_id", "start_low", "reading_end"]]
        .reset_index(names="flow")
        .merge(members[["district_id", "date", "value", "fact_ids"]], on="district_id")
    )
    pairs = pairs[
        (pairs["date"] >= pairs["start_low"] - pd.Timedelta(days=START_SLACK_DAYS))
        & (pairs["date"] <= pairs["reading_end"])
    ]
    return pairs.sort_values(["flow", "date"]).drop_duplicates("flow").set_index("flow")


@memoize
def admissions_per_year(dataset: Dataset) -> pd.DataFrame:
    """Returns admissions per year for every admissions flow, and per 100 members.

    A flow's period is read as the source means it (period_readings): a term from congress
    to congress, a review "2010–2020" as ten years, a year-to-date figure up to its cut-off.
    `per_year` divides by the point reading (`reading` names it); `per_year_low` and
    `per_year_high` by the longest and shortest admissible lengths (high is empty when an
    unstated cut-off admits any length). Only flows that are at least six months long under
    every reading and are not year-to-date are `ranked` (compared across districts);
    year-to-date figures are compared among the same cut-off (`compare_year_to_date`). The
    rate per 100 members uses a membership stock dated at the start of the period or within
    it, never one from another period.

    Returns:
        Columns district_id, period, period_kind, reading, period_start, period_end,
        reading_start, reading_end, years, years_low, years_high, admissions, qualifier,
        per_year, per_year_low, per_year_high, partial_year, ranked, members, members_date,
        per_100_members, derived, method, fact_ids.
    """
    flows = admission_flows(dataset).reset_index(drop=True)
    if flows.empty:
        dates = ("period_start", "period_end", "reading_start", "reading_end", "members_date")
        return pd.DataFrame(columns=PER_YEAR_COLUMNS).astype(
            {"ranked": bool, "partial_year": bool, "years": float, "per_year": float}
            | {c: "datetime64[ns]" for c in dates}
        )
    bases = _membership_bases(flows, stock_series(dataset, ("party_members",)))
    base_value = bases["value"].reindex(flows.index)
    base_date = bases["date"].reindex(flows.index)
    base_ids = bases["fact_ids"].reindex(flows.index)
    table = flows.assign(
        period=[
            period_label(s, e)
            for s, e in zip(flows["period_start_text"], flows["period_end_text"], strict=True)
        ],
        admissions=flows["value"],
        per_year=flows["value"] / flows["years"],
        per_year_low=flows["value"] / flows["years_high"],
        per_year_high=(flows["value"] / flows["years_low"]).where(flows["cutoff_known"]),
        partial_year=flows["years"] < 1,
        ranked=(flows["years_low"] >= MIN_RANKED_YEARS)
        & flows["cutoff_known"]
        & (flows["period_kind"] != PeriodKind.YEAR_TO_DATE.value),
        members=base_value,
        members_date=base_date,
    )
    table["per_100_members"] = table["per_year"] / table["members"] * 100
    has_base = table["members"].notna()
    table["method"] = [
        _method(flow, base_date[i] if has_base[i] else None)
        for i, flow in enumerate(flows.itertuples())
    ]
    table["derived"] = flows["derived"] | (flows["years"] != 1) | has_base
    table["fact_ids"] = [
        join_ids([ids] + ([base_ids[i]] if has_base[i] else []))
        for i, ids in enumerate(flows["fact_ids"])
    ]
    return (
        table[PER_YEAR_COLUMNS]
        .sort_values(["district_id", "period_start", "period_end"])
        .reset_index(drop=True)
    )


PER_YEAR_COLUMNS = [
    "district_id", "period", "period_kind", "reading", "period_start", "period_end",
    "reading_start", "reading_end", "years", "years_low", "years_high", "admissions",
    "qualifier", "per_year", "per_year_low", "per_year_high", "partial_year", "ranked",
    "members", "members_date", "per_100_members", "derived", "method", "fact_ids",
]  # fmt: skip


def _method(flow, base_date) -> str:
    methods = [] if not flow.derived else [flow.method]
    if flow.years != 1:
        methods.append(f"total ÷ {flow.years:.2f} years ({flow.reading})")
    if not flow.cutoff_known:
        methods.append("cut-off not stated")
    if base_date is not None:
        methods.append(f"per 100 members on {base_date.date()}")
    return "; ".join(methods) or "stated"


@memoize
def compare_year_to_date(dataset: Dataset) -> pd.DataFrame:
    """Returns year-to-date admissions grouped by their cut-off, ranked within each cut-off.

    Year-to-date figures are compared only among districts with the same stated cut-off
    (the same day of the same year); figures whose cut-off is not stated are left out.

    Returns:
        Columns cutoff, district_id, period, admissions, districts (at that cut-off),
        rank_admissions (1 = most), fact_ids.
    """
    table = admissions_per_year(dataset)
    ytd = table[
        (table["period_kind"] == PeriodKind.YEAR_TO_DATE.value)
        & table["years_high"].eq(table["years_low"])
    ]
    ytd = ytd.assign(cutoff=ytd["reading_end"])
    ytd = ytd.assign(
        districts=ytd.groupby("cutoff")["district_id"].transform("nunique"),
        rank_admissions=ytd.groupby("cutoff")["admissions"]
        .rank(ascending=False, method="min")
        .astype("Int64"),
    )
    columns = [
        "cutoff",
        "district_id",
        "period",
        "admissions",
        "districts",
        "rank_admissions",
        "fact_ids",
    ]
    return ytd[columns].sort_values(["cutoff", "rank_admissions"]).reset_index(drop=True)


@memoize
def admission_changes(dataset: Dataset) -> pd.DataFrame:
    """Returns the year-on-year change of annual admissions.

    Uses flows that cover exactly one calendar year as the sources mean it (not a
    year-to-date figure whose cut-off is unstated); where sources disagree on a year's
    total, that year is left out (the quality report lists the disagreement).

    Returns:
        Columns district_id, year, previous_year, admissions, previous_admissions, change,
        change_percent, derived, fact_ids.
    """
    per_year = admissions_per_year(dataset)
    per_year = per_year[per_year["period_kind"] == PeriodKind.YEAR.value]
    calendar = per_year[
        (per_year["period_start"].dt.month == 1)
        & (per_year["period_start"].dt.day == 1)
        & (per_year["period_end"].dt.year == per_year["period_start"].dt.year)
        & (per_year["period_end"].dt.month == 12)
        & (per_year["period_end"].dt.day == 31)
    ].assign(year=lambda t: t["period_start"].dt.year)
    agreed = calendar.groupby(["district_id", "year"]).filter(
        lambda g: g["admissions"].nunique() == 1
    )
    agreed = agreed.groupby(["district_id", "year"]).agg(
        admissions=("admissions", "first"),
        fact_ids=("fact_ids", join_ids),
        derived=("derived", "any"),
    )
    rows = []
    for (district, year), row in agreed.iterrows():
        previous = (district, year - 1)
        if previous not in agreed.index:
            continue
        before = agreed.loc[previous]
        change = row["admissions"] - before["admissions"]
        rows.append(
            {
                "district_id": district,
                "year": year,
                "previous_year": year - 1,
                "admissions": row["admissions"],
                "previous_admissions": before["admissions"],
                "change": change,
                "change_percent": change / before["admissions"] * 100
                if before["admissions"]
                else np.nan,
                "derived": True,
                "fact_ids": join_ids([before["fact_ids"], row["fact_ids"]]),
            }
        )
    columns = [
        "district_id", "year", "previous_year", "admissions", "previous_admissions", "change",
        "change_percent", "derived", "fact_ids",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def _latest(series: pd.DataFrame, metric: str) -> pd.DataFrame:
    levels = series[series["metric"] == metric].sort_values(
        ["date", "derived"], ascending=[True, False]
    )
    return levels.groupby("district_id").tail(1).set_index("district_id")


@memoize
def compare_districts(dataset: Dataset) -> pd.DataFrame:
    """Returns one row per district with its latest figures, ranks and support.

    Figures of different districts come from different dates; each comes with its date so
    that a reader can judge whether a comparison is fair. Ranks are 1 for the highest value
    among the districts that have the figure. Only comparable windows enter: admissions over
    at least six months that are not year-to-date (`ranked` in admissions_per_year), growth
    over at least a year; shorter spans are shown in their own tables, never annualised here.
    `admissions_members` is the membership paired with the admissions' own period (at its
    start or within it), used for per-100 rates and the fit.

    Returns:
        Columns district_id, district, district_type, province, region, members,
        members_date, members_facts, base_organizations, base_organizations_date,
        base_organizations_facts, admissions_per_year, admissions_period, admissions_facts,
        admissions_per_100_members, admissions_members, admissions_members_date,
        members_cagr_percent, members_cagr_years, the rank_*
        columns, and n_facts.
    """
    series = stock_series(dataset)
    members = _latest(series, "party_members")
    organizations = _latest(series, "base_organizations")
    per_year = admissions_per_year(dataset)
    per_year = per_year[per_year["ranked"].astype(bool)].sort_values(["period_end", "years"])
    admissions = per_year.groupby("district_id").tail(1).set_index("district_id")
    growth = compute_growth(dataset, ("party_members",))
    growth = growth[~growth["short_span"].astype(bool)]
    growth = (
        growth[growth["pair"] != "consecutive"].combine_first(growth) if len(growth) else growth
    )
    growth = growth.sort_values("years").groupby("district_id").tail(1).set_index("district_id")

    table = dataset.districts[["district_id"]].set_index("district_id")
    table["members"] = members["value"]
    table["members_date"] = members["date"]
    table["members_facts"] = count_ids(members["fact_ids"])
    table["base_organizations"] = organizations["value"]
    table["base_organizations_date"] = organizations["date"]
    table["base_organizations_facts"] = count_ids(organizations["fact_ids"])
    table["admissions_per_year"] = admissions["per_year"]
    table["admissions_period"] = admissions["period"]
    table["admissions_facts"] = count_ids(admissions["fact_ids"])
    table["admissions_per_100_members"] = admissions["per_100_members"]
    table["admissions_members"] = admissions["members"]
    table["admissions_members_date"] = admissions["members_date"]
    table["members_cagr_percent"] = growth["cagr_percent"] if len(growth) else np.nan
    table["members_cagr_years"] = growth["years"] if len(growth) else np.nan
    for column in (
        "members",
        "admissions_per_year",
        "admissions_per_100_members",
        "members_cagr_percent",
    ):
        table[f"rank_{column}"] = table[column].rank(ascending=False, method="min").astype("Int64")
    for column in ("members_facts", "base_organizations_facts", "admissions_facts"):
        table[column] = table[column].fillna(0).astype(int)
    table["n_facts"] = (
        dataset.facts.groupby("district_id").size().reindex(table.index).fillna(0).astype(int)
    )
    return label_districts(table.reset_index(), dataset)


def keep_province(comparison: pd.DataFrame, district_id: str) -> pd.DataFrame:
    """Returns the rows of `compare_districts` for the province of one district, with the
    number of districts its ranks were computed over (`ranked_among`)."""
    province = comparison.loc[comparison["district_id"] == district_id, "province"].iloc[0]
    rows = comparison[comparison["province"] == province].assign(ranked_among=len(comparison))
    return rows.sort_values("rank_admissions_per_100_members", na_position="last").reset_index(
        drop=True
    )


def fit_admissions_vs_members(comparison: pd.DataFrame) -> dict | None:
    """Fits admissions per year ∝ members^slope across districts (OLS on logarithms).

    A slope of 1 means districts admit in proportion to their size. Each district's
    admissions are paired with its membership at the start of (or within) the same period
    (`admissions_members`), never with a figure from another period. Districts come from
    different years, and each district counts once, so the fit describes
    this collection of figures, not a causal relation.

    Args:
        comparison: The table of `compare_districts`.

    Returns:
        slope, its 95 % interval, intercept, r_squared, n, p_value (slope = 0) and a reading;
        None with fewer than three districts having both figures.
    """
    import statsmodels.api as sm

    rows = comparison.dropna(subset=["admissions_members", "admissions_per_year"])
    rows = rows[(rows["admissions_members"] > 0) & (rows["admissions_per_year"] > 0)]
    if len(rows) < 3:
        return None
    x = sm.add_constant(np.log(rows["admissions_members"].to_numpy(dtype=float)))
    model = sm.OLS(np.log(rows["admissions_per_year"].to_numpy(dtype=float)), x).fit()
    low, high = model.conf_int(0.05)[1]
    slope = float(model.params[1])
    reading = (
        f"Across {len(rows)} districts, admissions per year grow with membership to the power "
        f"{slope:.2f} (95 % interval {low:.2f} to {high:.2f}); "
        + (
            "larger districts admit proportionally as many."
            if low <= 1 <= high
            else (
                "larger districts admit proportionally fewer."
                if high < 1
                else "larger districts admit proportionally more."
            )
        )
        + " Figures come from different years; this describes the collection, not a cause."
    )
    return {
        "slope": slope,
        "slope_low": float(low),
        "slope_high": float(high),
        "intercept": float(model.params[0]),
        "r_squared": float(model.rsquared),
        "n": len(rows),
        "p_value": float(model.pvalues[1]),
        "reading": reading,
    }
