"""All contradictions found, summarised by check and by source."""

from __future__ import annotations

import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.selection import label_districts
from analysis.memo import memoize
from analysis.quality.findings import COLUMNS
from analysis.quality.flows import (
    _change_findings,
    _component_findings,
    _flow_findings,
    _membership_findings,
    _rate_findings,
)
from analysis.quality.ratings import (
    _attainment_findings,
    _cap_findings,
    _evaluation_findings,
    _target_findings,
)
from analysis.quality.sources import _duplicate_findings, _reader_findings

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
