"""Annual evaluations: distributions over rating categories and their consistency.

Sources state ratings as counts, as shares, or both, often for only some categories. This
module rebuilds each distribution (district, period, subject) under the rating scheme of its
year, derives what follows from what is stated (a share from a count and the total, a missing
count from the total), and checks what does not add up, including the rule that those rated
excellent may not exceed 20 % of those rated good.

Ratings cover every organisation or member of a district: a census, not a sample. Shares and
the differences between districts are exact (`share_differences`), so no sampling interval is
attached; the one test offered (`test_homogeneity`) is model-based and says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.stats import chi2_contingency

from analysis.data.dataset import Dataset
from analysis.data.schema import (
    CUMULATIVE_CATEGORIES,
    PRE2018_ORGANIZATION_CATEGORIES,
    RATING_CATEGORIES,
)
from analysis.data.selection import join_ids, select_facts, text_of
from analysis.growth import stock_series
from analysis.memo import memoize
from analysis.text.periods import period_label
from analysis.text.rounding import DIFFERS, compare_to_stated, rounding_tolerance, stated_decimals

PRE2018_ONLY = {"clean_strong_exemplary", "clean_strong", "clean_strong_or_above"}
TOTAL_WINDOW_BEFORE = pd.Timedelta(days=366)
TOTAL_WINDOW_AFTER = pd.Timedelta(days=120)
"""A membership or organisation stock serves as the total rated in a year when dated within
a year before that year's end or four months after it (ratings are done early next year)."""

KEYS = ["district_id", "period", "year", "subject"]


def evaluation_figures(dataset: Dataset) -> pd.DataFrame:
    """Returns the stated evaluation figures, one row per district, period, subject and
    category, with the stated count and the stated share side by side.

    Stocks stated for each year of a period ("90 % every year of 2010–2020") get a period
    label and no single year.
    """
    facts = select_facts(dataset, metric="evaluation", kind="stock")
    facts = facts.assign(
        subject=text_of(facts["subject"]),
        category=text_of(facts["category"]),
        unit=text_of(facts["unit"]),
        qualifier=text_of(facts["comparator"]),
        period=[
            period_label(s, e) + (" (each year)" if s else "")
            for s, e in zip(facts["period_start_text"], facts["period_end_text"], strict=True)
        ],
        year=facts["period_end"].dt.year.where(facts["period_start"].isna()).astype("Int64"),
    )
    rows = {}
    for fact in facts.itertuples():
        key = (fact.district_id, fact.period, fact.year, fact.subject, fact.category)
        row = rows.setdefault(
            key,
            {
                "count": np.nan,
                "share_stated": np.nan,
                "qualifier": "",
                "count_fact": "",
                "share_fact": "",
                "date": fact.period_end,
            },
        )
        slot = "count" if fact.unit == "count" else "share_stated"
        if not math.isnan(row[slot]):
            continue  # a second figure for the same cell: quality lists disagreements
        row[slot] = fact.value
        row["count_fact" if slot == "count" else "share_fact"] = fact.fact_id
        row["qualifier"] = row["qualifier"] or fact.qualifier
    table = pd.DataFrame(
        [dict(zip([*KEYS, "category"], key, strict=True), **value) for key, value in rows.items()]
    )
    if table.empty:
        return pd.DataFrame(
            columns=[
                *KEYS,
                "category",
                "count",
                "share_stated",
                "qualifier",
                "count_fact",
                "share_fact",
                "date",
            ]
        )
    return table


def rating_scheme(year) -> str:
    """The rating scheme in force for a year's ratings: "pre-2018" (clean-and-strong grades),
    "2018" (Regulation 132-QĐ/TW of 8 March 2018, kept by 124-QĐ/TW: four grades, from the
    2018 ratings to 2024) or "2025" (Regulation 366-QĐ/TW of 30 August 2025, 100-point scale).
    Schemes are never compared with one another."""
    if pd.isna(year):
        return ""
    year = int(year)
    return "pre-2018" if year < 2018 else ("2018" if year < 2025 else "2025")


def _scheme(subject: str, year) -> tuple[str, tuple[str, ...]]:
    scheme = rating_scheme(year)
    if subject == "organization" and scheme == "pre-2018":
        return scheme, PRE2018_ORGANIZATION_CATEGORIES
    return scheme, RATING_CATEGORIES


def _stock_total(stocks: pd.DataFrame, district: str, year, subject: str):
    if pd.isna(year):
        return None
    metric = "base_organizations" if subject == "organization" else "party_members"
    year_end = pd.Timestamp(int(year), 12, 31)
    near = stocks[
        (stocks["district_id"] == district)
        & (stocks["metric"] == metric)
        & (stocks["date"] > year_end - TOTAL_WINDOW_BEFORE)
        & (stocks["date"] <= year_end + TOTAL_WINDOW_AFTER)
    ]
    if near.empty:
        return None
    best = near.loc[(near["date"] - year_end).abs().idxmin()]
    return best


@memoize
def summarize_evaluations(dataset: Dataset) -> pd.DataFrame:
    """Returns every evaluation distribution, category by category.

    For each district, period and subject: the rating scheme of the year (`rating_scheme`),
    the total rated and how it is known (a stated number assessed, the sum
    of a complete set of counts, or the organisation or membership stock near the year's
    end, an estimate), counts (stated, derived as the total minus the other counts, or
    reconstructed from a stated share and the total: labelled estimates, about 8 % high when
    the total is all members, since not every member is rated), stated and computed shares,
    and cumulative categories (good_or_above, completed_or_above). No sampling intervals:
    the ratings are a census.

    Returns:
        Columns district_id, period, year, subject, scheme, category, cumulative, count,
        count_basis, share_stated, share_computed, share, share_check, share_difference,
        ci_low, ci_high, multi_low, multi_high, total, total_basis, total_estimated,
        complete, derived, qualifier, fact_ids.
    """
    figures = evaluation_figures(dataset)
    stocks = stock_series(dataset, ("base_organizations", "party_members"))
    out = []
    for key, group in figures.groupby(KEYS, dropna=False, sort=True):
        subject = key[3]
        cells = group.set_index("category")
        year = key[2] if not pd.isna(key[2]) else group["date"].iloc[0].year
        scheme, partition = _scheme(subject, year)
        out.extend(_distribution(key, cells, scheme, partition, stocks))
    columns = [
        *KEYS, "scheme", "category", "cumulative", "count", "count_basis", "share_stated",
        "share_computed", "share", "share_check", "share_difference", "total", "total_basis",
        "total_estimated", "complete",
        "derived", "qualifier", "fact_ids",
    ]  # fmt: skip
    return pd.DataFrame(out, columns=columns)


def _distribution(key, cells, scheme, partition, stocks) -> list[dict]:
    district, period, year, subject = key

    def stated(category: str, column: str) -> float:
        return cells.at[category, column] if category in cells.index else np.nan

    def ids(category: str) -> list[str]:
        if category not in cells.index:
            return []
        return [cells.at[category, "count_fact"], cells.at[category, "share_fact"]]

    counts = {c: stated(c, "count") for c in partition}
    basis = {c: "stated" if not math.isnan(v) else "" for c, v in counts.items()}
    total, total_basis, total_ids, total_estimated = np.nan, "", [], False
    if not math.isnan(stated("assessed", "count")):
        total, total_basis, total_ids = (
            stated("assessed", "count"),
            "stated number assessed",
            ids("assessed"),
        )
    elif all(b == "stated" for b in basis.values()):
        total, total_basis = sum(counts.values()), "sum of the stated counts"
    else:
        stock = _stock_total(stocks, district, year, subject)
        if stock is not None:
            what = "base organizations" if subject == "organization" else "party members"
            total, total_ids, total_estimated = stock["value"], [stock["fact_ids"]], True
            total_basis = f"{what} on {stock['date'].date()} (estimate of those rated)"
    missing = [c for c in partition if not basis[c]]
    if not math.isnan(total) and len(missing) == 1:
        rest = total - sum(counts[c] for c in partition if basis[c])
        if rest >= 0:
            counts[missing[0]] = rest
            basis[missing[0]] = "derived: total minus the other counts"
    if not math.isnan(total):
        for c in partition:
            share = stated(c, "share_stated")
            if not basis[c] and not math.isnan(share):
                counts[c] = round(share / 100 * total)
                basis[c] = "reconstructed from the stated share × the total (an estimate)"
    complete = all(basis[c] for c in partition)
    exact = {c: basis[c] and not basis[c].startswith("reconstructed") for c in partition}

    rows = []
    for category in (*partition, *CUMULATIVE_CATEGORIES):
        parts = CUMULATIVE_CATEGORIES.get(category)
        if parts and not set(parts) <= set(partition):
            continue
        count = counts.get(category, stated(category, "count"))
        count_basis = basis.get(category, "stated" if not math.isnan(count) else "")
        fact_ids = ids(category)
        if parts and math.isnan(count) and all(basis[p] for p in parts):
            count = sum(counts[p] for p in parts)
            count_basis = "derived: sum of its categories"
            if any(not exact[p] for p in parts):
                count_basis = "reconstructed: sum of its categories"
            fact_ids += [i for p in parts for i in ids(p)]
        share_stated = stated(category, "share_stated")
        if parts and math.isnan(share_stated):
            part_shares = [stated(p, "share_stated") for p in parts]
            share_derived = (
                sum(part_shares) if not any(math.isnan(s) for s in part_shares) else np.nan
            )
        else:
            share_derived = np.nan
        exact_count = count_basis and not count_basis.startswith("reconstructed")
        share_computed = count / total * 100 if exact_count and total else np.nan
        check, difference = ("", np.nan)
        if not math.isnan(share_computed) and not math.isnan(share_stated):
            check, difference = compare_to_stated(
                share_computed,
                share_stated,
                cells.at[category, "qualifier"] if category in cells.index else "",
            )
        share = share_computed if not math.isnan(share_computed) else share_stated
        if math.isnan(share):
            share = share_derived
        if all(math.isnan(v) for v in (count, share_stated, share)):
            continue
        rows.append(
            {
                "district_id": district,
                "period": period,
                "year": year,
                "subject": subject,
                "scheme": scheme,
                "category": category,
                "cumulative": parts is not None,
                "count": count,
                "count_basis": count_basis,
                "share_stated": share_stated,
                "share_computed": share_computed,
                "share": share,
                "share_check": check,
                "share_difference": difference,
                "total": total,
                "total_basis": total_basis,
                "total_estimated": total_estimated,
                "complete": complete,
                "derived": count_basis not in ("", "stated") or not math.isnan(share_computed),
                "qualifier": cells.at[category, "qualifier"] if category in cells.index else "",
                "fact_ids": join_ids(fact_ids + total_ids),
            }
        )
    return rows


@memoize
def check_evaluations(dataset: Dataset, summary: pd.DataFrame | None = None) -> pd.DataFrame:
    """Returns what does not add up in the evaluation figures.

    Checks: stated shares of a distribution that do not sum to 100 (tolerance: half a unit
    of the last stated decimal per share summed, e.g. 0.15 for three shares with one
    decimal); a stated share that differs from count ÷ total beyond rounding (Sốp Cộp 2023:
    6 of 41 is 14.6 %, stated 15.2 %); counts that add up to more than the total rated.

    Returns:
        Columns district_id, period, subject, check, what, stated, computed, difference,
        fact_ids.
    """
    summary = summarize_evaluations(dataset) if summary is None else summary
    findings = []
    for key, group in summary.groupby(KEYS, dropna=False, sort=True):
        district, period, _, subject = key
        parts = group[~group["cumulative"]]
        shares = parts.dropna(subset=["share_stated"])
        if len(shares) >= 2:
            total_share = shares["share_stated"].sum()
            tolerance = sum(rounding_tolerance(s) for s in shares["share_stated"]) + 1e-9
            known_zero = parts[parts["share_stated"].isna() & (parts["count"] == 0)]
            complete = len(shares) + len(known_zero) == len(parts) and parts["complete"].all()
            if total_share > 100 + tolerance or (complete and abs(total_share - 100) > tolerance):
                findings.append(
                    {
                        "district_id": district,
                        "period": period,
                        "subject": subject,
                        "check": "shares do not sum to 100",
                        "what": f"stated shares of {', '.join(shares['category'])} sum to "
                        f"{total_share:.4g} % (tolerance ±{tolerance:.2g})",
                        "stated": total_share,
                        "computed": 100.0,
                        "difference": total_share - 100,
                        "fact_ids": join_ids(shares["fact_ids"]),
                    }
                )
        for row in group[group["share_check"] == DIFFERS].itertuples():
            findings.append(
                {
                    "district_id": district,
                    "period": period,
                    "subject": subject,
                    "check": "share differs from count ÷ total",
                    "what": f"{row.category}: {row.count:g} of {row.total:g} is "
                    f"{row.share_computed:.{max(1, stated_decimals(row.share_stated))}f} %, "
                    f"stated {row.share_stated:g} % ({row.total_basis})",
                    "stated": row.share_stated,
                    "computed": row.share_computed,
                    "difference": row.share_difference,
                    "fact_ids": row.fact_ids,
                }
            )
        stated_counts = parts[parts["count_basis"] == "stated"]["count"].sum()
        total = group["total"].iloc[0]
        if not math.isnan(total) and stated_counts > total:
            findings.append(
                {
                    "district_id": district,
                    "period": period,
                    "subject": subject,
                    "check": "counts exceed the total",
                    "what": f"stated counts sum to {stated_counts:g}, more than the "
                    f"{total:g} rated ({group['total_basis'].iloc[0]})",
                    "stated": stated_counts,
                    "computed": total,
                    "difference": stated_counts - total,
                    "fact_ids": join_ids(group["fact_ids"]),
                }
            )
    columns = [
        "district_id",
        "period",
        "subject",
        "check",
        "what",
        "stated",
        "computed",
        "difference",
        "fact_ids",
    ]
    return pd.DataFrame(findings, columns=columns)


@dataclass
class HomogeneityTest:
    """The result of a chi-square test of homogeneity of rating distributions.

    Attributes:
        name: The test's name.
        subject: organization or member.
        statistic: Pearson's chi-square statistic.
        dof: Degrees of freedom.
        p_value: The p-value.
        table: The contingency table tested (districts × categories, counts).
        expected: Expected counts under homogeneity.
        min_expected: The smallest expected count.
        share_expected_below_5: Share of cells with an expected count under 5.
        assumptions_met: True when no expected count is under 1 and at most 20 % are
            under 5 (Cochran's rule).
        reconstructed: Whether counts reconstructed from rounded shares were used.
        reading: A plain-language reading of the result.
        periods: The period of each district's distribution.
    """

    name: str
    subject: str
    statistic: float
    dof: int
    p_value: float
    table: pd.DataFrame
    expected: pd.DataFrame
    min_expected: float
    share_expected_below_5: float
    assumptions_met: bool
    reconstructed: bool
    reading: str
    periods: dict = field(default_factory=dict)

    def as_row(self) -> dict:
        """The result as one row for a table."""
        return {
            "test": self.name,
            "subject": self.subject,
            "districts": len(self.table),
            "categories": len(self.table.columns),
            "statistic": self.statistic,
            "dof": self.dof,
            "p_value": self.p_value,
            "min_expected": self.min_expected,
            "share_expected_below_5": self.share_expected_below_5,
            "assumptions_met": self.assumptions_met,
            "reconstructed_counts": self.reconstructed,
            "reading": self.reading,
        }


class NotTestable(ValueError):
    """Too few complete distributions to test."""


def contingency_table(
    summary: pd.DataFrame, subject: str, scheme: str = "2018", use_reconstructed: bool = False
) -> tuple[pd.DataFrame, dict, bool]:
    """Returns districts × categories counts of complete distributions (latest period each),
    the period of each, and whether any count was reconstructed from a share."""
    parts = summary[
        (summary["subject"] == subject)
        & (summary["scheme"] == scheme)
        & ~summary["cumulative"]
        & summary["complete"]
    ]
    if not use_reconstructed:
        exact = parts.groupby(KEYS, dropna=False)["count_basis"].transform(
            lambda b: not b.str.startswith("reconstructed").any()
        )
        parts = parts[exact.astype(bool)]
    parts = parts[parts["year"].notna()]
    latest = parts.groupby("district_id")["year"].transform("max")
    parts = parts[parts["year"] == latest]
    table = parts.pivot_table(
        index="district_id", columns="category", values="count", aggfunc="first"
    )
    order = [
        c
        for c in (PRE2018_ORGANIZATION_CATEGORIES if scheme == "pre-2018" else RATING_CATEGORIES)
        if c in table
    ]
    periods = parts.groupby("district_id")["period"].first().to_dict()
    reconstructed = bool(parts["count_basis"].str.startswith("reconstructed").any())
    return table[order].fillna(0), periods, reconstructed


def test_homogeneity(
    dataset: Dataset,
    subject: str = "member",
    scheme: str = "2018",
    use_reconstructed: bool = False,
    alpha: float = 0.05,
    summary: pd.DataFrame | None = None,
) -> HomogeneityTest:
    """Tests whether districts share one distribution of ratings (Pearson chi-square).

    Uses each district's latest complete distribution of exact counts (or, with
    `use_reconstructed`, counts rebuilt from rounded shares, which the result says).
    Categories with no count anywhere are dropped. Districts rated in different years are
    compared as they are; the reading says so.

    Raises:
        NotTestable: With fewer than two districts or two categories.
    """
    summary = summarize_evaluations(dataset) if summary is None else summary
    table, periods, reconstructed = contingency_table(summary, subject, scheme, use_reconstructed)
    table = table.loc[:, table.sum() > 0]
    table = table[table.sum(axis=1) > 0]
    if len(table) < 2 or len(table.columns) < 2:
        raise NotTestable(
            f"{len(table)} district(s) with a complete {scheme} distribution of "
            f"{subject} ratings{' (reconstructed counts allowed)' if use_reconstructed else ''}; "
            "a test of homogeneity needs at least two, over at least two categories"
        )
    statistic, p_value, dof, expected = chi2_contingency(table.to_numpy(), correction=False)
    expected = pd.DataFrame(expected, index=table.index, columns=table.columns)
    below_5 = float((expected < 5).to_numpy().mean())
    min_expected = float(expected.to_numpy().min())
    met = min_expected >= 1 and below_5 <= 0.2
    years = sorted({p for p in periods.values()})
    reading = _reading(p_value, alpha, met, reconstructed, years, len(table))
    return HomogeneityTest(
        name="Pearson chi-square test of homogeneity (model-based)",
        subject=subject,
        statistic=float(statistic),
        dof=int(dof),
        p_value=float(p_value),
        table=table,
        expected=expected,
        min_expected=min_expected,
        share_expected_below_5=below_5,
        assumptions_met=met,
        reconstructed=reconstructed,
        reading=reading,
        periods=periods,
    )


def _reading(
    p_value: float, alpha: float, met: bool, reconstructed: bool, periods: list, n: int
) -> str:
    if p_value < alpha:
        verdict = (
            f"The {n} districts' rating distributions differ more than chance alone would "
            f"explain (p {'< 0.001' if p_value < 0.001 else f'= {p_value:.3f}'})."
        )
    else:
        verdict = (
            f"The data give no evidence that the {n} districts' distributions differ "
            f"(p = {p_value:.3f}); this does not show that they are the same."
        )
    notes = [
        "The ratings are a census of the districts' organisations or members, so their "
        "differences are exact; this p-value is model-based: it asks whether the ratings "
        "could be draws from one common distribution."
    ]
    if len(periods) > 1:
        notes.append(
            f"The distributions come from different periods ({', '.join(periods)}), so a "
            "difference may reflect the year rather than the district."
        )
    if not met:
        notes.append(
            "Some expected counts are small (Cochran's rule not met), so the p-value is "
            "only approximate."
        )
    if reconstructed:
        notes.append(
            "Some counts were reconstructed from rounded shares and a membership "
            "total, so they are estimates."
        )
    return " ".join([verdict, *notes])


test_homogeneity.__test__ = False  # not a pytest test despite its name


def homogeneity_table(
    dataset: Dataset, alpha: float = 0.05, summary: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Runs every model-based test of homogeneity the data allows: members and
    organisations, each scheme on its own (never across schemes), exact counts only (counts
    rebuilt from a share × total membership are estimates and stay out of tests). A
    combination that cannot be tested gets a row saying why.

    Ratings cover every organisation or member of a district: a census. Differences between
    districts are exact (`share_differences`); the chi-square p-value answers a modelled
    question (could the districts' ratings be draws from one common distribution?), and the
    reading says so.
    """
    summary = summarize_evaluations(dataset) if summary is None else summary
    rows = []
    for subject, scheme in (
        ("member", "2018"),
        ("organization", "2018"),
        ("member", "pre-2018"),
        ("organization", "pre-2018"),
    ):
        for reconstructed in (False,):
            try:
                result = test_homogeneity(dataset, subject, scheme, reconstructed, alpha, summary)
                rows.append(
                    result.as_row()
                    | {
                        "scheme": scheme,
                        "counts": "reconstructed allowed" if reconstructed else "exact",
                    }
                )
            except NotTestable as exc:
                rows.append(
                    {
                        "test": "not testable",
                        "subject": subject,
                        "scheme": scheme,
                        "counts": "reconstructed allowed" if reconstructed else "exact",
                        "reading": str(exc),
                    }
                )
    columns = [
        "subject", "scheme", "counts", "test", "districts", "categories", "statistic", "dof",
        "p_value", "min_expected", "share_expected_below_5", "assumptions_met",
        "reconstructed_counts", "reading",
    ]  # fmt: skip
    return pd.DataFrame(rows).reindex(columns=columns)


CAP = 20.0
"""Since 2018, those rated excellent may not exceed 20 % of those rated good."""
CAP_ROUNDING = 0.5


def check_excellent_cap(summary: pd.DataFrame) -> pd.DataFrame:
    """Returns, for each 2018-scheme distribution with both figures, excellent as a percent
    of good, whether it is at the cap (within half a point of 20 %) or above it.

    "Those rated good" is read two ways: good alone (`ratio_percent`) or good and excellent
    together (`ratio_of_good_or_above_percent`). A distribution is `above_cap` only when it
    breaks the rule under both readings (Chương Mỹ 2022: 10 excellent is 21.7 % of 46 good
    but 17.9 % of 56, so it is not a breach); `at_cap` when either reading is at 20 %.

    Uses exact counts where both are counts, else the stated or computed shares (excellent
    share ÷ good share is the same ratio).

    Returns:
        Columns district_id, period, subject, excellent, good, ratio_percent,
        ratio_of_good_or_above_percent, at_cap, above_cap, fact_ids.
    """
    rows = []
    parts = summary[(summary["scheme"] == "2018") & ~summary["cumulative"]]
    for (district, period, _, subject), group in parts.groupby(KEYS, dropna=False, sort=True):
        cells = group.set_index("category")
        if not {"excellent", "good"} <= set(cells.index):
            continue
        exact = all(
            cells.at[c, "count_basis"] in ("stated", "derived: total minus the other counts")
            for c in ("excellent", "good")
        )
        column = "count" if exact else "share"
        excellent, good = cells.at["excellent", column], cells.at["good", column]
        if pd.isna(excellent) or pd.isna(good) or not good:
            continue
        ratio = excellent / good * 100
        lenient = excellent / (excellent + good) * 100
        rows.append(
            {
                "district_id": district,
                "period": period,
                "subject": subject,
                "excellent": excellent,
                "good": good,
                "ratio_percent": ratio,
                "ratio_of_good_or_above_percent": lenient,
                "at_cap": min(abs(ratio - CAP), abs(lenient - CAP)) <= CAP_ROUNDING,
                "above_cap": lenient > CAP + CAP_ROUNDING,
                "fact_ids": join_ids(group["fact_ids"]),
            }
        )
    columns = [
        "district_id", "period", "subject", "excellent", "good", "ratio_percent",
        "ratio_of_good_or_above_percent", "at_cap", "above_cap", "fact_ids",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def share_differences(summary: pd.DataFrame, category: str = "good_or_above") -> pd.DataFrame:
    """Returns the exact difference of one category's share between every two districts rated
    in the same year under the same scheme (ratings are a census: no sampling error).

    Returns:
        Columns year, scheme, subject, district_id, other_district_id, share, other_share,
        difference (percentage points, district minus other), derived (always True), fact_ids.
    """
    rows = summary[(summary["category"] == category) & summary["year"].notna()]
    rows = rows.dropna(subset=["share"])
    pairs = rows.merge(rows, on=["year", "scheme", "subject"], suffixes=("", "_other"))
    pairs = pairs[pairs["district_id"] < pairs["district_id_other"]]
    return pd.DataFrame(
        {
            "year": pairs["year"],
            "scheme": pairs["scheme"],
            "subject": pairs["subject"],
            "district_id": pairs["district_id"],
            "other_district_id": pairs["district_id_other"],
            "share": pairs["share"],
            "other_share": pairs["share_other"],
            "difference": pairs["share"] - pairs["share_other"],
            "derived": True,
            "fact_ids": [
                join_ids(p) for p in zip(pairs["fact_ids"], pairs["fact_ids_other"], strict=True)
            ],
        }
    ).reset_index(drop=True)
