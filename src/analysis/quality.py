"""Every contradiction found in a dataset, in one table.

Contradictions are findings, not errors to fix: the figures stay as stated, and this table
says which disagree, by how much, and which facts are involved. The checks:

* ratings from 2018 on with more rated excellent than 20 % of those rated good;
* evaluation shares that do not sum to 100, shares that differ from count ÷ total, counts
  above the total rated (evaluations module);
* stated attainments that differ from admissions ÷ target beyond rounding or truncation
  (targets module);
* a stated change that disagrees with the two stocks it links;
* admissions over a period above the membership they add to;
* a group of admitted members larger than all admitted (Sa Thầy: 983 trained, 862
  admitted), or a stated share of a group that differs from its count ÷ the total;
* base party committees plus base party cells that differ from base organizations;
* a per-year target whose total over the period differs from a total target stated for the
  same period under every admissible length of the period (periods as the sources mean them);
* a rise in membership between two dates far beyond the admissions over the same dates;
* a stated admission rate more than 10 % away from admissions per 100 members (sources
  divide by membership at dates the data may not have, so small gaps are expected);
* two sources stating the same figure with different values (within one source, two values
  usually mean two different things, such as two kinds of expulsion);
* contradictions the readers noted in their own words (marked as such).
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.selection import join_ids, label_districts, select_facts, text_of
from analysis.evaluations import check_evaluations, check_excellent_cap, summarize_evaluations
from analysis.growth import admission_flows, admissions_per_year, stock_series
from analysis.memo import memoize
from analysis.period_readings import read_periods
from analysis.targets import compare_stated_attainment
from analysis.text.periods import period_label
from analysis.text.rounding import DIFFERS, compare_to_stated

RATE_TOLERANCE = 0.10
RISE_FACTOR = 2
RISE_MARGIN = 20
COLUMNS = [
    "district_id",
    "check",
    "what",
    "stated",
    "computed",
    "difference",
    "fact_ids",
    "found_by",
]
READER_PHRASES = re.compile(
    r"does not reconcile|inconsistent|exceeds the|oddly|also stated as|contradict|in error",
    re.IGNORECASE,
)
"""Words with which readers noted a contradiction. Notes that only explain a reading ("the
article calls it the last 10 years", "implies a 2020 plan of about 60", "80 of 85 would be
94.12") are not findings: periods and truncation are now read as the sources mean them."""


def _finding(district, check, what, stated=None, computed=None, fact_ids="", found_by="library"):
    difference = None if stated is None or computed is None else stated - computed
    return {
        "district_id": district,
        "check": check,
        "what": what,
        "stated": stated,
        "computed": computed,
        "difference": difference,
        "fact_ids": fact_ids,
        "found_by": found_by,
    }


def _evaluation_findings(dataset: Dataset) -> list[dict]:
    return [
        _finding(
            row.district_id,
            f"evaluation: {row.check}",
            f"{row.subject} ratings {row.period}: {row.what}",
            row.stated,
            row.computed,
            row.fact_ids,
        )
        for row in check_evaluations(dataset).itertuples()
    ]


def _cap_findings(dataset: Dataset) -> list[dict]:
    """Ratings of 2018 on with more rated excellent than 20 % of those rated good."""
    cap = check_excellent_cap(summarize_evaluations(dataset))
    return [
        _finding(
            row.district_id,
            "excellent above 20 % of good",
            f"{row.subject} ratings {row.period}: excellent {row.excellent:g} is "
            f"{row.ratio_percent:.1f} % of good {row.good:g} and "
            f"{row.ratio_of_good_or_above_percent:.1f} % of good or above (the rule allows at "
            "most 20 %)",
            row.ratio_percent,
            20.0,
            row.fact_ids,
        )
        for row in cap[cap["above_cap"]].itertuples()
    ]


def _attainment_findings(dataset: Dataset) -> list[dict]:
    table = compare_stated_attainment(dataset)
    return [
        _finding(
            row.district_id,
            "attainment differs from admissions ÷ target",
            f"admissions {row.period}: {row.achieved:g} against {row.target:g} "
            f"({row.target_meaning}) is {row.computed_attainment_percent:.2f} %, stated "
            f"{row.qualifier}{row.stated_attainment_percent:g} %",
            row.stated_attainment_percent,
            row.computed_attainment_percent,
            join_ids([row.fact_ids, row.target_facts]),
        )
        for row in table[table["check"] == DIFFERS].itertuples()
    ]


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
                    "change disagrees with the stocks",
                    f"{metric}: stated change {change.value:+g} since {change.period_start_text}, "
                    f"but the stocks give {computed:+g} ({baseline.iloc[-1]['value']:g} on "
                    f"{baseline.iloc[-1]['date'].date()}, {current.iloc[0]['value']:g} on "
                    f"{change.period_end.date()})",
                    change.value,
                    computed,
                    join_ids(
                        [change.fact_id, current.iloc[0]["fact_ids"], baseline.iloc[-1]["fact_ids"]]
                    ),
                )
            )
    return findings


def _flow_findings(dataset: Dataset) -> list[dict]:
    findings = []
    flows = admission_flows(dataset)
    members = stock_series(dataset, ("party_members",))
    for flow in flows.itertuples():
        near = members[
            (members["district_id"] == flow.district_id)
            & (members["date"] >= flow.period_start)
            & (members["date"] <= flow.period_end + pd.Timedelta(days=366))
        ]
        for level in near.itertuples():
            if flow.value > level.value:
                findings.append(
                    _finding(
                        flow.district_id,
                        "admissions exceed membership",
                        f"{flow.value:g} admitted {period_label(flow.period_start_text, flow.period_end_text)} "
                        f"but {level.value:g} members on {level.date.date()}",
                        flow.value,
                        level.value,
                        join_ids([flow.fact_ids, level.fact_ids]),
                    )
                )
    groups = select_facts(dataset, metric="admissions", kind="flow")
    groups = groups[groups["category"].notna()]
    totals = flows[~flows["derived"]]
    for group in groups.itertuples():
        total = totals[
            (totals["district_id"] == group.district_id)
            & (totals["period_start"] == group.period_start)
            & (totals["period_end"] == group.period_end)
        ]
        if total.empty:
            continue
        total = total.iloc[0]
        label = f"{group.category} among admissions {period_label(group.period_start_text, group.period_end_text)}"
        if group.unit == "count" and group.value > total["value"]:
            findings.append(
                _finding(
                    group.district_id,
                    "group larger than all admitted",
                    f"{label}: {group.value:g}, more than the {total['value']:g} admitted",
                    group.value,
                    total["value"],
                    join_ids([group.fact_id, total["fact_ids"]]),
                )
            )
        if group.unit == "percent":
            count = groups[
                (groups["district_id"] == group.district_id)
                & (groups["category"] == group.category)
                & (groups["unit"] == "count")
                & (groups["period_start"] == group.period_start)
                & (groups["period_end"] == group.period_end)
            ]
            if count.empty:
                continue
            computed = count.iloc[0]["value"] / total["value"] * 100
            check, _ = compare_to_stated(computed, group.value)
            if check == DIFFERS:
                findings.append(
                    _finding(
                        group.district_id,
                        "group share differs from count ÷ total",
                        f"{label}: {count.iloc[0]['value']:g} of {total['value']:g} is "
                        f"{computed:.2f} %, stated {group.value:g} %",
                        group.value,
                        computed,
                        join_ids([group.fact_id, count.iloc[0]["fact_id"], total["fact_ids"]]),
                    )
                )
    return findings


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
                    "parts differ from base organizations",
                    f"on {date.date()}: {row['base_party_committees']:g} committees + "
                    f"{row['base_party_cells']:g} cells = {parts:g}, stated "
                    f"{row['base_organizations']:g} base organizations",
                    row["base_organizations"],
                    parts,
                    ids[(district, date)],
                )
            )
    return findings


def _target_findings(dataset: Dataset) -> list[dict]:
    """A per-year target whose total over the period differs from a stated total target under
    every admissible length of the period (Bắc Kạn: 90 a year over the 2020–2025 term is
    412–488 over 4.6–5.4 years, so a stated 450 agrees)."""
    findings = []
    targets = select_facts(dataset, kind="target", unit="count")
    targets = targets.assign(basis=text_of(targets["basis"]), metric=text_of(targets["metric"]))
    targets = targets.join(
        read_periods(dataset)[["years", "years_low", "years_high", "reading"]], on="fact_id"
    )
    for per_year in targets[targets["basis"] == "per_year"].itertuples():
        totals = targets[
            (targets["district_id"] == per_year.district_id)
            & (targets["metric"] == per_year.metric)
            & (targets["basis"] == "total")
            & (targets["period_start"] == per_year.period_start)
            & (targets["period_end"] == per_year.period_end)
        ]
        low, high = per_year.value * per_year.years_low, per_year.value * per_year.years_high
        for total in totals.itertuples():
            if low - 0.5 <= total.value <= high + 0.5:
                continue
            findings.append(
                _finding(
                    per_year.district_id,
                    "per-year target × years differs from the total target",
                    f"{per_year.metric} {period_label(per_year.period_start_text, per_year.period_end_text)}: "
                    f"{per_year.value:g} a year over {per_year.years_low:.2f}–"
                    f"{per_year.years_high:.2f} years ({per_year.reading}) is {low:.0f}–"
                    f"{high:.0f}, but the stated total is {total.value:g}",
                    total.value,
                    per_year.value * per_year.years,
                    join_ids([per_year.fact_id, total.fact_id]),
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
                        "membership rise beyond admissions",
                        f"members {before.value:g} on {before.date.date()} → {after.value:g} on "
                        f"{after.date.date()} ({rise:+g} in {days} days), but {admitted:g} "
                        "admitted over the same dates (the two figures may be counted differently)",
                        rise,
                        admitted,
                        join_ids([before.fact_ids, after.fact_ids, ids]),
                    )
                )
    return findings


def _rate_findings(dataset: Dataset) -> list[dict]:
    findings = []
    rates = select_facts(dataset, metric="admission_rate", kind="flow")
    per_year = admissions_per_year(dataset)
    for rate in rates.itertuples():
        same = per_year[
            (per_year["district_id"] == rate.district_id)
            & (per_year["period_start"] == rate.period_start)
            & (per_year["period_end"] == rate.period_end)
            & per_year["per_100_members"].notna()
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
                    "stated admission rate differs from admissions per 100 members",
                    f"{period_label(rate.period_start_text, rate.period_end_text)}: stated "
                    f"{qualifier}{rate.value:g} %, computed {computed:.2f} per 100 members on "
                    f"{same.iloc[0]['members_date'].date()} (the source may use another date)",
                    rate.value,
                    computed,
                    join_ids([rate.fact_id, same.iloc[0]["fact_ids"]]),
                )
            )
    return findings


def _duplicate_findings(dataset: Dataset) -> list[dict]:
    findings = []
    facts = dataset.facts.copy()
    keys = [
        "district_id",
        "metric",
        "subject",
        "category",
        "kind",
        "unit",
        "period_start",
        "period_end",
    ]
    for column in ("metric", "subject", "category", "kind", "unit"):
        facts[column] = text_of(facts[column])
    facts["period_start"] = facts["period_start"].fillna(pd.Timestamp(0))
    facts = facts[facts["metric"] != "other"]
    for key, group in facts.groupby(keys, sort=True):
        if group["value"].nunique() > 1 and group["source_id"].nunique() > 1:
            if _qualifiers_agree(group):
                continue
            values = ", ".join(
                f"{v:g} ({i})" for v, i in zip(group["value"], group["fact_id"], strict=True)
            )
            label = " ".join(p for p in (key[1], key[2], key[3], key[4]) if p)
            findings.append(
                _finding(
                    key[0],
                    "the same figure stated with different values",
                    f"{label} {period_label(group.iloc[0]['period_start_text'], group.iloc[0]['period_end_text'])}: {values}",
                    float(group["value"].max()),
                    float(group["value"].min()),
                    join_ids(group["fact_id"]),
                )
            )
    return findings


def _qualifiers_agree(group: pd.DataFrame) -> bool:
    """Whether one exact figure agrees with every other, qualified one ("more than 6,700",
    "nearly 11,000") within what its qualifier allows."""
    qualifier = text_of(group["comparator"])
    exact = group["value"][qualifier == ""].unique()
    if len(exact) != 1:
        return False
    return all(
        compare_to_stated(exact[0], value, q)[0] != DIFFERS
        for value, q in zip(
            group["value"][qualifier != ""], qualifier[qualifier != ""], strict=True
        )
    )


def _reader_findings(dataset: Dataset) -> list[dict]:
    facts = dataset.facts[dataset.facts["note"].str.contains(READER_PHRASES, na=False)]
    return [
        _finding(
            fact.district_id,
            "noted by the reader",
            f"{fact.metric} {fact.value:g}: {fact.note}",
            fact_ids=fact.fact_id,
            found_by="reader's note",
        )
        for fact in facts.itertuples()
    ]


CHECKS = (
    _evaluation_findings,
    _cap_findings,
    _attainment_findings,
    _change_findings,
    _flow_findings,
    _component_findings,
    _target_findings,
    _membership_findings,
    _rate_findings,
    _duplicate_findings,
    _reader_findings,
)


@memoize
def find_contradictions(dataset: Dataset) -> pd.DataFrame:
    """Returns every contradiction found in the dataset, one row each.

    Returns:
        Columns district_id, district, district_type, province, region, check, what,
        stated, computed, difference (stated minus computed), fact_ids, found_by ('library'
        for computed checks, "reader's note" for contradictions the readers wrote down).
    """
    rows = [finding for check in CHECKS for finding in check(dataset)]
    table = pd.DataFrame(rows, columns=COLUMNS)
    table = table.sort_values(["district_id", "found_by", "check"], kind="stable").reset_index(
        drop=True
    )
    return label_districts(table, dataset)


def summarize_quality(findings: pd.DataFrame) -> pd.DataFrame:
    """Counts findings by check, with the number of districts concerned."""
    if findings.empty:
        return pd.DataFrame(columns=["check", "findings", "districts"])
    return (
        findings.groupby("check")
        .agg(findings=("what", "size"), districts=("district_id", "nunique"))
        .sort_values("findings", ascending=False)
        .reset_index()
    )


def findings_by_source(dataset: Dataset, findings: pd.DataFrame) -> pd.DataFrame:
    """Returns one row per finding and source involved: which sources each contradiction
    touches, with publisher, publication date and address."""
    if findings.empty:
        return pd.DataFrame(
            columns=["source_id", "publisher", "published", "url", "district", "check", "what"]
        )
    exploded = findings.assign(fact_id=findings["fact_ids"].str.split(";")).explode("fact_id")
    joined = exploded.merge(dataset.facts[["fact_id", "source_id"]], on="fact_id", how="inner")
    joined = joined.merge(dataset.sources, on="source_id", how="left")
    joined = joined.drop_duplicates(["source_id", "district_id", "check", "what"])
    return (
        joined[["source_id", "publisher", "published_text", "url", "district", "check", "what"]]
        .rename(columns={"published_text": "published"})
        .sort_values(["source_id", "district"])
        .reset_index(drop=True)
    )
