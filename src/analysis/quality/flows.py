"""Findings about admissions flows, their components, membership changes and rates."""

from __future__ import annotations

import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.schema import code_label
from analysis.data.selection import DistrictSlices, join_ids, select_facts
from analysis.growth import admission_flows, admissions_per_year, stock_series
from analysis.quality.findings import RATE_TOLERANCE, RISE_FACTOR, RISE_MARGIN, _finding
from analysis.text.periods import period_label
from analysis.text.phrases import Wording
from analysis.text.rounding import DIFFERS, compare_to_stated


def _change_findings(dataset: Dataset) -> list[dict]:
    findings = []
    stocks = stock_series(dataset)
    stated = stocks[~stocks["derived"]]
    changes = select_facts(dataset, kind="change", unit="count", total_only=True)
    for change in changes.itertuples():
        metric = str(change.metric)
        same = stated[(stated["district_id"] == change.district_id) & (stated["metric"] == metric)]
        current = same[same["date"] == change.period_end]
        baseline_year = int(change.period_start_text[:4])
        baseline = same[same["date"].dt.year == baseline_year]
        if current.empty or baseline.empty:
            continue
        computed = current.iloc[0]["value"] - baseline.iloc[-1]["value"]
        if computed != change.value:
            findings.append(
                _finding(
                    change.district_id,
                    Wording("change_vs_stocks"),
                    Wording(
                        "change_stocks",
                        metric=code_label("metric", metric),
                        change=change.value,
                        since=change.period_start_text,
                        computed=computed,
                        before=baseline.iloc[-1]["value"],
                        before_date=baseline.iloc[-1]["date"],
                        after=current.iloc[0]["value"],
                        after_date=change.period_end,
                    ),
                    change.value,
                    computed,
                    join_ids(
                        [change.fact_id, current.iloc[0]["fact_ids"], baseline.iloc[-1]["fact_ids"]]
                    ),
                )
            )
    return findings


def _flow_membership_findings(flows: pd.DataFrame, members: pd.DataFrame) -> list[dict]:
    """Admissions over a period larger than a membership dated within it or a year after."""
    findings = []
    members = DistrictSlices(members)
    for flow in flows.itertuples():
        own = members[flow.district_id]
        near = own[
            (own["date"] >= flow.period_start)
            & (own["date"] <= flow.period_end + pd.Timedelta(days=366))
        ]
        for level in near.itertuples():
            if flow.value > level.value:
                findings.append(
                    _finding(
                        flow.district_id,
                        Wording("admissions_exceed"),
                        Wording(
                            "admitted_vs_members",
                            admitted=flow.value,
                            period=period_label(flow.period_start_text, flow.period_end_text),
                            members=level.value,
                            date=level.date,
                        ),
                        flow.value,
                        level.value,
                        join_ids([flow.fact_ids, level.fact_ids]),
                    )
                )
    return findings


def _group_share_findings(group, groups: DistrictSlices, total, label: str) -> list[dict]:
    """A group's stated share of admissions that differs from its stated count ÷ the total."""
    groups = groups[group.district_id]
    count = groups[
        (groups["category"] == group.category)
        & (groups["unit"] == "count")
        & (groups["period_start"] == group.period_start)
        & (groups["period_end"] == group.period_end)
    ]
    if count.empty:
        return []
    computed = count.iloc[0]["value"] / total["value"] * 100
    check, _ = compare_to_stated(computed, group.value)
    if check != DIFFERS:
        return []
    return [
        _finding(
            group.district_id,
            Wording("group_share_differs"),
            Wording(
                "group_share",
                label=label,
                count=count.iloc[0]["value"],
                total=total["value"],
                computed=computed,
                stated=group.value,
            ),
            group.value,
            computed,
            join_ids([group.fact_id, count.iloc[0]["fact_id"], total["fact_ids"]]),
        )
    ]


def _group_findings(dataset: Dataset, flows: pd.DataFrame) -> list[dict]:
    """Groups among admissions (by category) larger than, or at odds with, all admitted."""
    findings = []
    groups = select_facts(dataset, metric="admissions", kind="flow")
    groups = groups[groups["category"].notna()]
    totals = DistrictSlices(flows[~flows["derived"]])
    by_district = DistrictSlices(groups)
    for group in groups.itertuples():
        own = totals[group.district_id]
        total = own[
            (own["period_start"] == group.period_start) & (own["period_end"] == group.period_end)
        ]
        if total.empty:
            continue
        total = total.iloc[0]
        label = Wording(
            "group_among",
            category=code_label("category", group.category),
            period=period_label(group.period_start_text, group.period_end_text),
        )
        if group.unit == "count" and group.value > total["value"]:
            findings.append(
                _finding(
                    group.district_id,
                    Wording("group_larger"),
                    Wording("group_more", label=label, value=group.value, total=total["value"]),
                    group.value,
                    total["value"],
                    join_ids([group.fact_id, total["fact_ids"]]),
                )
            )
        if group.unit == "percent":
            findings += _group_share_findings(group, by_district, total, label)
    return findings


def _flow_findings(dataset: Dataset) -> list[dict]:
    """Admissions flows at odds with membership, and groups at odds with all admitted."""
    flows = admission_flows(dataset)
    members = stock_series(dataset, ("party_members",))
    return _flow_membership_findings(flows, members) + _group_findings(dataset, flows)


def _component_findings(dataset: Dataset) -> list[dict]:
    findings = []
    stocks = stock_series(
        dataset, ("base_organizations", "base_party_committees", "base_party_cells")
    )
    stocks = stocks[~stocks["derived"]]
    wide = stocks.pivot_table(
        index=["district_id", "date"], columns="metric", values="value", aggfunc="first"
    )
    ids = stocks.groupby(["district_id", "date"])["fact_ids"].agg(join_ids)
    needed = {"base_organizations", "base_party_committees", "base_party_cells"}
    if not needed <= set(wide.columns):
        return findings
    complete = wide.dropna(subset=list(needed))
    for (district, date), row in complete.iterrows():
        parts = row["base_party_committees"] + row["base_party_cells"]
        if parts != row["base_organizations"]:
            findings.append(
                _finding(
                    district,
                    Wording("parts_differ"),
                    Wording(
                        "parts_sum",
                        date=date,
                        committees=row["base_party_committees"],
                        cells=row["base_party_cells"],
                        parts=parts,
                        stated=row["base_organizations"],
                    ),
                    row["base_organizations"],
                    parts,
                    ids[(district, date)],
                )
            )
    return findings


def _admitted_between(flows: pd.DataFrame, first: pd.Timestamp, last: pd.Timestamp):
    """Admissions from the day after `first` to `last`: one flow over exactly those days, or
    the difference of two flows from the same start ending on those days. None if unknown."""
    exact = flows[
        (flows["reading_start"] == first + pd.Timedelta(days=1))
        & (flows["reading_end"] == last)
        & flows["cutoff_known"]
    ]
    if not exact.empty:
        return exact.iloc[0]["value"], exact.iloc[0]["fact_ids"]
    ends = flows[flows["cutoff_known"]]
    early = ends[ends["reading_end"] == first]
    for one in early.itertuples():
        late = ends[(ends["reading_start"] == one.reading_start) & (ends["reading_end"] == last)]
        if not late.empty:
            return late.iloc[0]["value"] - one.value, join_ids(
                [one.fact_ids, late.iloc[0]["fact_ids"]]
            )
    return None


def _membership_findings(dataset: Dataset) -> list[dict]:
    """A rise in membership between two stated dates far beyond the admissions stated over
    the same dates (Đức Trọng: 4,058 → 4,219 in 71 days with 10 admitted). Members leave
    (deaths, expulsions, transfers out) and arrive by transfer, which sources rarely state, so
    only a rise more than RISE_FACTOR times the admissions and RISE_MARGIN members above them
    is reported."""
    findings = []
    members = stock_series(dataset, ("party_members",))
    members = members[~members["derived"]].drop_duplicates(["district_id", "date"])
    flows = admission_flows(dataset)
    for district, levels in members.groupby("district_id"):
        levels = levels.sort_values("date")
        mine = flows[flows["district_id"] == district]
        for before, after in zip(
            levels.iloc[:-1].itertuples(), levels.iloc[1:].itertuples(), strict=True
        ):
            known = _admitted_between(mine, before.date, after.date)
            if known is None:
                continue
            admitted, ids = known
            rise = after.value - before.value
            if rise > RISE_FACTOR * admitted and rise - admitted >= RISE_MARGIN:
                days = (after.date - before.date).days
                findings.append(
                    _finding(
                        district,
                        Wording("rise_beyond"),
                        Wording(
                            "rise_admitted",
                            before=before.value,
                            before_date=before.date,
                            after=after.value,
                            after_date=after.date,
                            rise=rise,
                            days=days,
                            admitted=admitted,
                        ),
                        rise,
                        admitted,
                        join_ids([before.fact_ids, after.fact_ids, ids]),
                    )
                )
    return findings


def _rate_findings(dataset: Dataset) -> list[dict]:
    findings = []
    rates = select_facts(dataset, metric="admission_rate", kind="flow")
    per_year = DistrictSlices(admissions_per_year(dataset))
    for rate in rates.itertuples():
        own = per_year[rate.district_id]
        same = own[
            (own["period_start"] == rate.period_start)
            & (own["period_end"] == rate.period_end)
            & own["per_100_members"].notna()
        ]
        if same.empty:
            continue
        computed = same.iloc[0]["per_100_members"]
        qualifier = "" if pd.isna(rate.comparator) else str(rate.comparator)
        check, difference = compare_to_stated(computed, rate.value, qualifier)
        if check == DIFFERS and abs(difference) > RATE_TOLERANCE * rate.value:
            findings.append(
                _finding(
                    rate.district_id,
                    Wording("rate_differs"),
                    Wording(
                        "rate_vs",
                        period=period_label(rate.period_start_text, rate.period_end_text),
                        qualifier=qualifier,
                        stated=rate.value,
                        computed=computed,
                        date=same.iloc[0]["members_date"],
                    ),
                    rate.value,
                    computed,
                    join_ids([rate.fact_id, same.iloc[0]["fact_ids"]]),
                )
            )
    return findings
