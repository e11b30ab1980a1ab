"""Selecting facts and carrying their ids into derived tables."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from analysis.data.dataset import Dataset


def select_facts(
    dataset: Dataset,
    *,
    metric: str | Iterable[str] | None = None,
    kind: str | Iterable[str] | None = None,
    unit: str | Iterable[str] | None = None,
    category: str | Iterable[str] | None = None,
    total_only: bool = False,
    district: str | None = None,
) -> pd.DataFrame:
    """Returns the facts matching every given criterion.

    Args:
        dataset: The dataset.
        metric, kind, unit, category: A code or several; None means any.
        total_only: Keep only rows without a category (admission totals, not groups).
        district: A district id.
    """
    facts = dataset.facts
    mask = pd.Series(True, index=facts.index)
    for column, wanted in (
        ("metric", metric),
        ("kind", kind),
        ("unit", unit),
        ("category", category),
    ):
        if wanted is not None:
            values = [wanted] if isinstance(wanted, str) else list(wanted)
            mask &= facts[column].isin(values)
    if total_only:
        mask &= facts["category"].isna()
    if district is not None:
        mask &= facts["district_id"] == district
    return facts[mask]


def text_of(column: pd.Series) -> pd.Series:
    """Returns a code column as plain text, '' where missing (categoricals included)."""
    return column.astype(object).where(column.notna(), "").astype(str)


def join_ids(ids: Iterable[str]) -> str:
    """Joins fact ids into the `fact_ids` text of derived tables ("a;b"), without repeats."""
    seen: dict[str, None] = {}
    for value in ids:
        for part in str(value).split(";"):
            if part:
                seen[part] = None
    return ";".join(seen)


def count_ids(fact_ids: pd.Series) -> pd.Series:
    """Counts the fact ids in each `fact_ids` text."""
    return fact_ids.fillna("").map(lambda text: len([p for p in text.split(";") if p]))


def label_districts(table: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """Adds district name, type, province and region after `district_id`."""
    info = dataset.districts[["district_id", "name", "type", "province", "region"]].rename(
        columns={"name": "district", "type": "district_type"}
    )
    labelled = table.merge(info, on="district_id", how="left")
    front = ["district_id", "district", "district_type", "province", "region"]
    return labelled[front + [c for c in labelled.columns if c not in front]]


def peer_districts(dataset: Dataset, district_id: str) -> list[str]:
    """Returns the districts of the same region (which includes the same province)."""
    table = dataset.districts
    region = table.loc[table["district_id"] == district_id, "region"].iloc[0]
    return table.loc[table["region"] == region, "district_id"].tolist()


def choose_districts(
    dataset: Dataset, districts: Iterable[str] = (), region: str = "", province: str = ""
) -> Dataset:
    """Returns the dataset limited to chosen districts, a region or a province.

    Args:
        dataset: The dataset.
        districts: District ids or names (resolved like `find_district`); empty for all.
        region: A region name (accent-insensitive); empty for all.
        province: A pre-2025 province; empty for all.

    Raises:
        DistrictLookupError: If a district name is unknown or ambiguous.
        ValueError: If the region or province matches no district of the dataset.
    """
    from analysis.data.lookup import resolve_district
    from analysis.data.register import canonical_province
    from analysis.text.vietnamese import fold

    ids = list(dataset.districts["district_id"])
    if districts:
        ids = [resolve_district(d, dataset) for d in districts]
    table = dataset.districts[dataset.districts["district_id"].isin(ids)]
    if region:
        table = table[table["region"].astype(str).map(fold) == fold(region)]
        if table.empty:
            raise ValueError(f"no district of the dataset is in region {region!r}")
    if province:
        table = table[table["province"] == (canonical_province(province) or province)]
        if table.empty:
            raise ValueError(f"no district of the dataset is in province {province!r}")
    return dataset.subset(table["district_id"].tolist())


class DistrictSlices:
    """A table split by `district_id` once, so that a loop over many districts' rows reads
    each district's few rows instead of filtering the whole national table every time."""

    def __init__(self, table: pd.DataFrame, column: str = "district_id"):
        self.empty = table.iloc[0:0]
        self.slices = dict(tuple(table.groupby(column, sort=False))) if len(table) else {}

        self._records: dict[str, list[dict]] = {}

    def __getitem__(self, district_id: str) -> pd.DataFrame:
        return self.slices.get(district_id, self.empty)

    def records(self, district_id: str) -> list[dict]:
        """The district's rows as dictionaries (made once), for loops over a few rows."""
        if district_id not in self._records:
            self._records[district_id] = self[district_id].to_dict("records")
        return self._records[district_id]
