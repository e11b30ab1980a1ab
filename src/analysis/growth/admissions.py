"""Admissions flows, read as their sources mean their periods, per year and per 100 members."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.selection import join_ids, select_facts, text_of
from analysis.growth.stocks import START_SLACK_DAYS, stock_series
from analysis.memo import memoize
from analysis.period_readings import read_periods
from analysis.text.periods import (
    MIN_RANKED_YEARS,
    PeriodKind,
    parse_partial_date,
    period_label,
    read_period,
)
from analysis.text.phrases import Wording, joined

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
        "method": Wording(
            "admitted_minus_difference",
            value=current["value"],
            period=label,
            change=change.value,
            since=change.period_start_text,
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


def _empty_per_year() -> pd.DataFrame:
    """The per-year table of a dataset without admissions flows, with its column types."""
    dates = ("period_start", "period_end", "reading_start", "reading_end", "members_date")
    return pd.DataFrame(columns=PER_YEAR_COLUMNS).astype(
        {"ranked": bool, "partial_year": bool, "years": float, "per_year": float}
        | {c: "datetime64[ns]" for c in dates}
    )


def _add_provenance(table, flows, base_date, base_ids) -> None:
    """Sets how each row was derived (`method`, `derived`) and the facts it rests on."""
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


@memoize
def admissions_per_year(dataset: Dataset) -> pd.DataFrame:
    """Returns admissions per year for every admissions flow, and per 100 members.

    A flow's period is read as the source means it (period_readings): a term from congress
    to congress, a review "2010–2020" as ten years, a year-to-date figure up to its cut-off.
    `per_year` divides by the point reading (`period_reading` names it); `per_year_low` and
    `per_year_high` by the longest and shortest admissible lengths (high is empty when an
    unstated cut-off admits any length). Only flows that are at least six months long under
    every reading and are not year-to-date are `ranked` (compared across districts);
    year-to-date figures are compared among the same cut-off (`compare_year_to_date`). The
    rate per 100 members uses a membership stock dated at the start of the period or within
    it, never one from another period.

    Returns:
        Columns district_id, period, period_kind, period_reading (the point reading's
        name), period_start, period_end,
        reading_start, reading_end, years, years_low, years_high, admissions, qualifier,
        per_year, per_year_low, per_year_high, partial_year, ranked, members, members_date,
        per_100_members, derived, method, fact_ids.
    """
    flows = admission_flows(dataset).reset_index(drop=True)
    if flows.empty:
        return _empty_per_year()
    bases = _membership_bases(flows, stock_series(dataset, ("party_members",)))
    base_value = bases["value"].reindex(flows.index)
    base_date = bases["date"].reindex(flows.index)
    base_ids = bases["fact_ids"].reindex(flows.index)
    table = flows.assign(
        period_reading=flows["reading"],
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
    _add_provenance(table, flows, base_date, base_ids)
    return (
        table[PER_YEAR_COLUMNS]
        .sort_values(["district_id", "period_start", "period_end"])
        .reset_index(drop=True)
    )


PER_YEAR_COLUMNS = [
    "district_id", "period", "period_kind", "period_reading", "period_start", "period_end",
    "reading_start", "reading_end", "years", "years_low", "years_high", "admissions",
    "qualifier", "per_year", "per_year_low", "per_year_high", "partial_year", "ranked",
    "members", "members_date", "per_100_members", "derived", "method", "fact_ids",
]  # fmt: skip


def _method(flow, base_date) -> str:
    methods = [] if not flow.derived else [flow.method]
    if flow.years != 1:
        methods.append(Wording("total_over_years", years=flow.years, reading=flow.reading))
    if not flow.cutoff_known:
        methods.append(Wording("cutoff_not_stated"))
    if base_date is not None:
        methods.append(Wording("per_100_on", date=base_date))
    return joined(methods) if methods else "stated"


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
