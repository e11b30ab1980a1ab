"""Findings between sources: one figure stated with different values, and readers' notes."""

from __future__ import annotations

import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.schema import code_label
from analysis.data.selection import join_ids, text_of
from analysis.quality.findings import READER_PHRASES, _finding
from analysis.text.periods import period_label
from analysis.text.phrases import Label, Wording
from analysis.text.rounding import DIFFERS, compare_to_stated


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
    grouped = facts.groupby(keys, sort=False)
    several = (grouped["value"].transform("nunique") > 1) & (
        grouped["source_id"].transform("nunique") > 1
    )  # figures stated differently by several sources: the only ones worth a closer look
    for key, group in facts[several].groupby(keys, sort=True):
        if group["value"].nunique() > 1 and group["source_id"].nunique() > 1:
            if _qualifiers_agree(group):
                continue
            values = tuple(
                Wording("value_of_fact", value=v, fact=i)
                for v, i in zip(group["value"], group["fact_id"], strict=True)
            )
            label = _figure_label(key)
            findings.append(
                _finding(
                    key[0],
                    Wording("same_figure"),
                    Wording(
                        "figure_values",
                        label=label,
                        period=period_label(
                            group.iloc[0]["period_start_text"], group.iloc[0]["period_end_text"]
                        ),
                        values=values,
                    ),
                    float(group["value"].max()),
                    float(group["value"].min()),
                    join_ids(group["fact_id"]),
                )
            )
    return findings


def _figure_label(key: tuple) -> Label:
    """What a group of facts counts (metric, subject, category, kind), in either language."""
    names = ("metric", "subject", "category", "kind")
    labels = [code_label(n, p) for n, p in zip(names, key[1:5], strict=True) if p]
    return Label(" ".join(labels), " ".join(label.vi for label in labels))


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
            Wording("noted_by_reader"),
            Wording(
                "reader_note",
                metric=code_label("metric", fact.metric),
                value=fact.value,
                note=fact.note,
            ),
            fact_ids=fact.fact_id,
            found_by=Wording("readers_note"),
        )
        for fact in facts.itertuples()
    ]
