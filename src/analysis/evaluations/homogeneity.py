"""A model-based chi-square test of homogeneity of ratings across districts."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from scipy.stats import chi2_contingency

from analysis.data.dataset import Dataset
from analysis.data.schema import (
    PRE2018_ORGANIZATION_CATEGORIES,
    RATING_CATEGORIES,
    code_label,
)
from analysis.evaluations.distributions import KEYS, summarize_evaluations
from analysis.text.phrases import Label, Wording, joined


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
            Wording(
                "too_few_to_test",
                n=len(table),
                scheme=Label(scheme, scheme.replace("pre-", "trước ")),
                subject=code_label("subject", subject),
                allowed=Wording("with_reconstructed" if use_reconstructed else "nothing"),
            )
        )
    statistic, p_value, dof, expected = chi2_contingency(table.to_numpy(), correction=False)
    expected = pd.DataFrame(expected, index=table.index, columns=table.columns)
    below_5 = float((expected < 5).to_numpy().mean())
    min_expected = float(expected.to_numpy().min())
    met = min_expected >= 1 and below_5 <= 0.2
    years = sorted({p for p in periods.values()})
    reading = _reading(p_value, alpha, met, reconstructed, years, len(table))
    return HomogeneityTest(
        name=Wording("pearson_test"),
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
        p = Wording("p_below") if p_value < 0.001 else Wording("p_equals", p=p_value)
        verdict = Wording("differ", n=n, p=p)
    else:
        verdict = Wording("no_evidence", n=n, p=p_value)
    notes = [Wording("census_note")]
    if len(periods) > 1:
        notes.append(Wording("periods_differ", periods=", ".join(periods)))
    if not met:
        notes.append(Wording("cochran_not_met"))
    if reconstructed:
        notes.append(Wording("estimated_counts"))
    return joined([verdict, *notes], ".")


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
                        "counts": Wording(
                            "reconstructed_allowed" if reconstructed else "exact_counts"
                        ),
                    }
                )
            except NotTestable as exc:
                rows.append(
                    {
                        "test": Wording("not_testable"),
                        "subject": subject,
                        "scheme": scheme,
                        "counts": Wording(
                            "reconstructed_allowed" if reconstructed else "exact_counts"
                        ),
                        "reading": exc.args[0],
                    }
                )
    columns = [
        "subject", "scheme", "counts", "test", "districts", "categories", "statistic", "dof",
        "p_value", "min_expected", "share_expected_below_5", "assumptions_met",
        "reconstructed_counts", "reading",
    ]  # fmt: skip
    return pd.DataFrame(rows).reindex(columns=columns)
