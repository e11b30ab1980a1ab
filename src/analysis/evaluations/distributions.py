"""Rating distributions rebuilt from what sources state, under the scheme of each year."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

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
from analysis.text.phrases import Wording
from analysis.text.rounding import compare_to_stated

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


def _index_stocks(stocks: pd.DataFrame) -> dict:
    """Stock rows by district and metric (dates as an array, rows as records), so that each
    distribution searches a handful of rows."""
    records = stocks.to_dict("records")
    dates = stocks["date"].to_numpy()
    return {
        key: (dates[rows], [records[i] for i in rows])
        for key, rows in stocks.groupby(["district_id", "metric"], sort=False).indices.items()
    }


def _stock_total(stocks: dict, district: str, year, subject: str) -> dict | None:
    """The stock row dated nearest the year's end within the window, or None."""
    if pd.isna(year):
        return None
    metric = "base_organizations" if subject == "organization" else "party_members"
    if (district, metric) not in stocks:
        return None
    dates, rows = stocks[(district, metric)]
    year_end = np.datetime64(pd.Timestamp(int(year), 12, 31))
    near = np.flatnonzero(
        (dates > year_end - TOTAL_WINDOW_BEFORE.to_timedelta64())
        & (dates <= year_end + TOTAL_WINDOW_AFTER.to_timedelta64())
    )
    if near.size == 0:
        return None
    return rows[near[np.argmin(np.abs(dates[near] - year_end))]]


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
    stocks = _index_stocks(stock_series(dataset, ("base_organizations", "party_members")))
    out = []
    if not figures.empty:
        groups = figures.groupby(KEYS, dropna=False, sort=True).ngroup().to_numpy()
        records = figures.to_dict("records")
        order = np.argsort(groups, kind="stable")
        for rows in np.split(order, np.flatnonzero(np.diff(groups[order])) + 1):
            first = records[rows[0]]
            key = tuple(first[k] for k in KEYS)
            cells = {records[i]["category"]: records[i] for i in rows}
            year = key[2] if not pd.isna(key[2]) else first["date"].year
            scheme, partition = _scheme(key[3], year)
            out.extend(_distribution(key, cells, scheme, partition, stocks))
    columns = [
        *KEYS, "scheme", "category", "cumulative", "count", "count_basis", "share_stated",
        "share_computed", "share", "share_check", "share_difference", "total", "total_basis",
        "total_estimated", "complete",
        "derived", "qualifier", "fact_ids",
    ]  # fmt: skip
    return pd.DataFrame(out, columns=columns)


class _Cells:
    """What one distribution's sources state, category by category."""

    def __init__(self, cells: dict[str, dict]):
        self.cells = cells

    def stated(self, category: str, column: str) -> float:
        """The stated value of `column` for `category`, or NaN when not stated."""
        cell = self.cells.get(category)
        return cell[column] if cell is not None else np.nan

    def ids(self, category: str) -> list[str]:
        """The ids of the count and share facts stated for `category`."""
        cell = self.cells.get(category)
        return [] if cell is None else [cell["count_fact"], cell["share_fact"]]

    def qualifier(self, category: str) -> str:
        """The qualifier stated with `category` ("" when none)."""
        cell = self.cells.get(category)
        return cell["qualifier"] if cell is not None else ""


def _total_rated(key, cells: _Cells, basis: dict, counts: dict, stocks) -> tuple:
    """The total rated and how it is known: stated, the sum of complete counts, or a stock."""
    district, _, year, subject = key
    if not math.isnan(cells.stated("assessed", "count")):
        return (
            cells.stated("assessed", "count"),
            Wording("stated_assessed"),
            cells.ids("assessed"),
            False,
        )
    if all(b == "stated" for b in basis.values()):
        return sum(counts.values()), Wording("sum_of_stated"), [], False
    stock = _stock_total(stocks, district, year, subject)
    if stock is None:
        return np.nan, "", [], False
    what = "organizations_on" if subject == "organization" else "members_on"
    return (
        stock["value"],
        Wording(what, date=stock["date"]),
        [stock["fact_ids"]],
        True,
    )


def _fill_counts(cells: _Cells, partition, counts: dict, basis: dict, total: float) -> None:
    """Fills missing counts from the total: one missing count as the rest, others from shares."""
    if math.isnan(total):
        return
    missing = [c for c in partition if not basis[c]]
    if len(missing) == 1:
        rest = total - sum(counts[c] for c in partition if basis[c])
        if rest >= 0:
            counts[missing[0]] = rest
            basis[missing[0]] = Wording("total_minus_others")
    for c in partition:
        share = cells.stated(c, "share_stated")
        if not basis[c] and not math.isnan(share):
            counts[c] = round(share / 100 * total)
            basis[c] = Wording("from_share")


def _category_count(category, parts, cells: _Cells, counts, basis, exact) -> tuple:
    """A category's count, its basis and fact ids; a cumulative one sums its categories."""
    count = counts.get(category, cells.stated(category, "count"))
    count_basis = basis.get(category, "stated" if not math.isnan(count) else "")
    fact_ids = cells.ids(category)
    if parts and math.isnan(count) and all(basis[p] for p in parts):
        count = sum(counts[p] for p in parts)
        count_basis = Wording("sum_of_categories")
        if any(not exact[p] for p in parts):
            count_basis = Wording("sum_of_estimates")
        fact_ids += [i for p in parts for i in cells.ids(p)]
    return count, count_basis, fact_ids


def _summed_share(parts, share_stated: float, cells: _Cells) -> float:
    """A cumulative category's share as the sum of its stated shares, when all are stated."""
    if not parts or not math.isnan(share_stated):
        return np.nan
    part_shares = [cells.stated(p, "share_stated") for p in parts]
    return sum(part_shares) if not any(math.isnan(s) for s in part_shares) else np.nan


def _category_shares(category, parts, cells: _Cells, count, count_basis, total) -> dict:
    """A category's stated, computed and chosen share, and how stated and computed agree."""
    share_stated = cells.stated(category, "share_stated")
    exact_count = count_basis and not count_basis.startswith("reconstructed")
    share_computed = count / total * 100 if exact_count and total else np.nan
    check, difference = ("", np.nan)
    if not math.isnan(share_computed) and not math.isnan(share_stated):
        check, difference = compare_to_stated(
            share_computed, share_stated, cells.qualifier(category)
        )
    share = share_computed if not math.isnan(share_computed) else share_stated
    if math.isnan(share):
        share = _summed_share(parts, share_stated, cells)
    return {
        "share_stated": share_stated,
        "share_computed": share_computed,
        "share": share,
        "share_check": check,
        "share_difference": difference,
    }


def _distribution(key, cells, scheme, partition, stocks) -> list[dict]:
    """Rebuilds one distribution: its total, every category's count and share, and checks."""
    district, period, year, subject = key
    cells = _Cells(cells)
    counts = {c: cells.stated(c, "count") for c in partition}
    basis = {c: "stated" if not math.isnan(v) else "" for c, v in counts.items()}
    total, total_basis, total_ids, total_estimated = _total_rated(key, cells, basis, counts, stocks)
    _fill_counts(cells, partition, counts, basis, total)
    complete = all(basis[c] for c in partition)
    exact = {c: basis[c] and not basis[c].startswith("reconstructed") for c in partition}
    rows = []
    for category in (*partition, *CUMULATIVE_CATEGORIES):
        parts = CUMULATIVE_CATEGORIES.get(category)
        if parts and not set(parts) <= set(partition):
            continue
        count, count_basis, fact_ids = _category_count(category, parts, cells, counts, basis, exact)
        shares = _category_shares(category, parts, cells, count, count_basis, total)
        if all(math.isnan(v) for v in (count, shares["share_stated"], shares["share"])):
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
                **shares,
                "total": total,
                "total_basis": total_basis,
                "total_estimated": total_estimated,
                "complete": complete,
                "derived": count_basis not in ("", "stated")
                or not math.isnan(shares["share_computed"]),
                "qualifier": cells.qualifier(category),
                "fact_ids": join_ids(fact_ids + total_ids),
            }
        )
    return rows
