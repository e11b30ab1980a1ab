"""Rules across the columns of the facts table (see `rules` for what a rule is)."""

from __future__ import annotations

import pandas as pd

from analysis.data import schema
from analysis.data.normalise import CleanTable
from analysis.data.problems import Severity
from analysis.data.rules import Finding, Rule, Tables, rule
from analysis.text.periods import parse_partial_date

MAX_DISTRICT_COUNT = 200_000
"""The largest count one district can state (persons, organizations, admissions).

The largest district-level party committees (Biên Hòa, Thủ Đức, the big urban districts of
Hà Nội) have some tens of thousands of members; the largest in the embedded data is 18,000
(Biên Hòa, 2018). 200,000 is over ten times that: a larger figure is a typing error or a
province-level figure entered as a district's."""

FACT_RULES: list[Rule] = []


def _facts(tables: Tables) -> pd.DataFrame:
    return tables["facts"].frame


def _clean(tables: Tables) -> CleanTable:
    return tables["facts"]


@rule(FACT_RULES, "qualifier-matches-comparator", "facts", ("comparator", "value"),
      "the same qualifier as the words in value")  # fmt: skip
def _qualifier_clash(tables: Tables) -> pd.Series:
    qualifier = _clean(tables).marks["value"].qualifier
    return (qualifier != "") & (_facts(tables)["comparator"] != qualifier)


@rule(FACT_RULES, "count-without-percent-sign", "facts", ("value", "unit"),
      "a count without % (or unit percent)")  # fmt: skip
def _percent_sign_on_count(tables: Tables) -> pd.Series:
    return _clean(tables).marks["value"].percent_sign & (_facts(tables)["unit"] == "count")


@rule(FACT_RULES, "count-not-percent-cell", "facts", ("value", "unit"),
      "a count, not a workbook cell formatted as a percent (Excel shows 0.152 as 15.2 %); "
      "format the cell as a number, or give the row unit percent")  # fmt: skip
def _percent_format_on_count(tables: Tables) -> pd.Series:
    return _clean(tables).marks["value"].percent_format & (_facts(tables)["unit"] == "count")


def _mask_rule(name: str, columns: tuple[str, ...], expects: str, mask) -> None:
    """Declares a rule whose check is a mask over the facts frame."""
    FACT_RULES.append(
        Rule(name, "facts", columns, expects, Severity.ERROR, lambda t: mask(_facts(t)))
    )


def _is(frame: pd.DataFrame, column: str, *codes: str) -> pd.Series:
    return frame[column].isin(codes)


def _empty(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame[column] == ""


_mask_rule(
    "evaluation-has-subject",
    ("subject", "metric"),
    "organization or member for an evaluation",
    lambda f: _is(f, "metric", "evaluation") & _empty(f, "subject"),
)
_mask_rule(
    "subject-only-for-evaluation",
    ("subject", "metric"),
    "no subject except for evaluation figures",
    lambda f: ~_is(f, "metric", "evaluation") & ~_empty(f, "subject") & f["subject"].notna(),
)
_mask_rule("evaluation-has-category", ("category", "metric"),
           "a rating category for an evaluation",
           lambda f: _is(f, "metric", "evaluation") & _empty(f, "category"))  # fmt: skip


@rule(FACT_RULES, "category-fits-metric", "facts", ("category", "metric"),
      "a category allowed for the metric")  # fmt: skip
def _category_for_metric(tables: Tables) -> list[Finding]:
    facts = _facts(tables)
    allowed = pd.MultiIndex.from_tuples(
        [(m, c) for m in schema.METRIC.codes for c in schema.categories_for(m)]
    )
    pairs = pd.MultiIndex.from_arrays([facts["metric"], facts["category"]])
    given = facts["category"].notna() & (facts["category"] != "") & facts["metric"].notna()
    wrong = given & ~pd.Series(pairs.isin(allowed), index=facts.index)
    found = []
    for row in wrong.index[wrong]:
        metric = facts.at[row, "metric"]
        codes = ", ".join(schema.categories_for(metric)) or "no category"
        found.append(Finding(int(row), expected=f"for metric {metric}: {codes}"))
    return found


_mask_rule(
    "target-comparator",
    ("comparator", "kind"),
    "a target comparator: >=, <= or =",
    lambda f: _is(f, "kind", "target") & ~f["comparator"].isin(schema.TARGET_COMPARATORS),
)
_mask_rule(
    "stated-qualifier",
    ("comparator", "kind"),
    "for a stated figure, a qualifier >, < or ~ (>=, <=, = are for targets)",
    lambda f: ~_is(f, "kind", "target") & f["comparator"].isin(schema.TARGET_COMPARATORS),
)
_mask_rule("period-start-for-flows", ("period_start", "kind"),
           "a start date for a flow, change or target",
           lambda f: _is(f, "kind", "flow", "change", "target") & _empty(f, "period_start"))  # fmt: skip


def _stock_period(f: pd.DataFrame) -> pd.Series:
    return _is(f, "kind", "stock") & (f["period_start"] != "")


_mask_rule(
    "stock-period-basis",
    ("basis", "kind", "period_start"),
    "each_year for a stock stated over a period",
    lambda f: _stock_period(f) & ~_is(f, "basis", "each_year"),
)
_mask_rule(
    "basis-where-meaningful",
    ("basis", "kind"),
    "no basis except for targets and stocks over a period",
    lambda f: (
        ~_empty(f, "basis") & f["basis"].notna() & ~(_is(f, "kind", "target") | _stock_period(f))
    ),
)
# No rule asks a target for a basis: a one-year target needs none, and a multi-year target
# without one is assessed as "undetermined (basis unknown)" (targets.assess_targets).
_mask_rule(
    "percent-above-target-for-attainment",
    ("unit", "kind"),
    "percent_above_target only for attainment figures",
    lambda f: _is(f, "unit", "percent_above_target") & ~_is(f, "kind", "attainment"),
)
_mask_rule(
    "attainment-unit",
    ("unit", "kind"),
    "percent or percent_above_target for an attainment",
    lambda f: _is(f, "kind", "attainment") & _is(f, "unit", "count"),
)
_mask_rule(
    "assessed-is-count",
    ("unit", "category"),
    "count for the number assessed",
    lambda f: _is(f, "category", "assessed") & ~_is(f, "unit", "count") & f["unit"].notna(),
)
_mask_rule("share-within-0-100", ("value", "unit", "kind"),
           "a share within 0-100",
           lambda f: _is(f, "unit", "percent") & _is(f, "kind", "stock", "flow", "target")
           & ((f["value"] < 0) | (f["value"] > 100)))  # fmt: skip


def _counts(f: pd.DataFrame) -> pd.Series:
    return _is(f, "unit", "count") & ~_is(f, "kind", "change")


_mask_rule(
    "count-not-negative",
    ("value", "unit", "kind"),
    "a count of at least 0 (a decrease is a change)",
    lambda f: _counts(f) & (f["value"] < 0),
)
_mask_rule(
    "count-whole",
    ("value", "unit", "kind"),
    "a whole number for a count (is the decimal separator right?)",
    lambda f: _counts(f) & f["value"].notna() & (f["value"] % 1 != 0),
)
_mask_rule(
    "count-plausible",
    ("value", "unit"),
    f"a count of at most {MAX_DISTRICT_COUNT:,} for one district (more than ten times "
    "the largest district committee; see data/README.md)",
    lambda f: _is(f, "unit", "count") & (f["value"].abs() > MAX_DISTRICT_COUNT),
)
_mask_rule("attainment-not-negative", ("value", "kind", "unit"),
           "at least 0",
           lambda f: _is(f, "kind", "attainment") & _is(f, "unit", "percent") & (f["value"] < 0))  # fmt: skip


def _bound(text: pd.Series, last: bool) -> pd.Series:
    """Returns the first (or last) day of each partial date, as datetimes (NaT where none)."""
    text = text.astype("category")  # few distinct dates: map those only
    days = {}
    for value in text.cat.categories:
        if value:
            day = parse_partial_date(value)
            days[value] = pd.Timestamp(day.last_day if last else day.first_day)
    return pd.to_datetime(text.map(days).astype(object), errors="coerce")


@rule(FACT_RULES, "period-order", "facts", ("period_end", "period_start"),
      "a period end on or after its start")  # fmt: skip
def _period_order(tables: Tables) -> pd.Series:
    facts = _facts(tables)
    both = facts["period_start"].fillna("").ne("") & facts["period_end"].fillna("").ne("")
    start = _bound(facts["period_start"].where(both), last=False)
    end = _bound(facts["period_end"].where(both), last=True)
    return both & (start > end)


@rule(FACT_RULES, "distinct-rows", "facts", schema.FACTS.column_names[1:],
      "distinct rows (a repeated row is kept, but check it)", Severity.WARNING)  # fmt: skip
def _repeated_rows(tables: Tables) -> list[Finding]:
    facts = _facts(tables)
    key = [c for c in schema.FACTS.column_names if c != "fact_id"]
    repeated = facts.duplicated(subset=key, keep="first")
    if not repeated.any():
        return []
    first_rows = facts[~repeated].reset_index().set_index(key)["index"]
    return [
        Finding(int(row), None, expected=(
            f"distinct rows; this row repeats row {first_rows.get(tuple(facts.loc[row, key]))} "
            "(kept, but check it)"), column="")
        for row in repeated.index[repeated]
    ]  # fmt: skip
