"""Finding a district from what a person types: "huyện Sốp Cộp", "sop cop", "TP Long Xuyên"."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.register import canonical_province, load_register
from analysis.text.vietnamese import clean_name, fold, split_type_prefix

CANDIDATE_COLUMNS = ["district_id", "name", "type", "province", "province_2025", "region"]


class DistrictLookupError(LookupError):
    """No district, or more than one, matches a query.

    Attributes:
        query: What was asked.
        candidates: The matching districts (empty when none), with their provinces.
        suggestions: Close names when nothing matched.
    """

    def __init__(self, query: str, candidates: pd.DataFrame, suggestions: list[str]) -> None:
        self.query = query
        self.candidates = candidates
        self.suggestions = suggestions
        if len(candidates):
            listed = "; ".join(
                f"{r.district_id} ({r.type} {r.name}, {r.province})"
                for r in candidates.itertuples()
            )
            message = f"{query!r} matches {len(candidates)} districts: {listed}"
        else:
            hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
            message = f"no district matches {query!r}{hint}"
        super().__init__(message)


@lru_cache(maxsize=1)
def _register_table() -> pd.DataFrame:
    register = load_register()[CANDIDATE_COLUMNS].copy()
    register["key"] = register["name"].map(fold)
    register["alt_key"] = load_register()["registered_name"].map(
        lambda n: fold(split_type_prefix(n)[1])
    )
    register["in_dataset"] = False
    return register


def _search_table(dataset: Dataset | None) -> pd.DataFrame:
    register = _register_table()
    if dataset is None:
        return register
    own = dataset.districts[CANDIDATE_COLUMNS].astype(str).copy()
    own["key"] = own["name"].map(fold)
    alt = dict(zip(register["district_id"], register["alt_key"], strict=True))
    own["alt_key"] = own["district_id"].map(alt).fillna(own["key"])
    own["in_dataset"] = True
    rest = register[~register["district_id"].isin(own["district_id"])]
    return pd.concat([own, rest], ignore_index=True)


def _split_query(query: str) -> tuple[str | None, str, str | None]:
    """Splits "huyện Sốp Cộp, Sơn La" into type, name and province."""
    text = clean_name(query)
    province = None
    if m := re.match(r"^(.*?)\s*[,(]\s*([^,()]+?)\s*\)?\s*$", text):
        maybe = canonical_province(m.group(2))
        if maybe:
            text, province = m.group(1), maybe
    unit_type, name = split_type_prefix(text)
    return unit_type, name, province


def find_district(query: str, dataset: Dataset | None = None) -> pd.DataFrame:
    """Finds the districts a query may mean, accent- and case-insensitively.

    Searches the ~700 units of the package's register and the dataset's own districts (which
    may include units merged before 2025). Accepts ids ("sop-cop-son-la"), names with or
    without a type prefix ("huyện Sốp Cộp", "sop cop", "TP Long Xuyên"), and a province after
    a comma or in brackets ("Kỳ Anh, Hà Tĩnh").

    Args:
        query: What the user typed.
        dataset: A loaded dataset whose districts are searched too, and marked `in_dataset`.

    Returns:
        One row per candidate (district_id, name, type, province, province_2025, region,
        in_dataset); several rows when a name is ambiguous, none when nothing matches.
    """
    table = _search_table(dataset)
    if not str(query).strip():
        return table.iloc[0:0][[*CANDIDATE_COLUMNS, "in_dataset"]]
    exact = table[table["district_id"] == str(query).strip().lower()]
    if len(exact):
        return exact[[*CANDIDATE_COLUMNS, "in_dataset"]].reset_index(drop=True)
    unit_type, name, province = _split_query(str(query))
    key = fold(name)
    matches = table[(table["key"] == key) | (table["alt_key"] == key)]
    if province:
        matches = matches[matches["province"] == province]
    if unit_type and len(matches) > 1:
        typed = matches[matches["type"] == unit_type]
        matches = typed if len(typed) else matches
    columns = [*CANDIDATE_COLUMNS, "in_dataset"]
    return matches[columns].drop_duplicates("district_id").reset_index(drop=True)


def resolve_district(query: str, dataset: Dataset | None = None) -> str:
    """Returns the one district id a query means.

    With a dataset, a name shared by several units resolves to the one the dataset has
    figures for, if exactly one ("Phong Điền" is in Cần Thơ and in Huế).

    Raises:
        DistrictLookupError: When no district or several match (with candidates listed).
    """
    matches = find_district(query, dataset)
    if len(matches) > 1 and matches["in_dataset"].sum() == 1:
        matches = matches[matches["in_dataset"]]
    if len(matches) == 1:
        return str(matches.iloc[0]["district_id"])
    suggestions: list[str] = []
    if matches.empty:
        table = _search_table(dataset)
        by_key = dict(zip(table["key"], table["name"], strict=False))
        _, name, _ = _split_query(str(query))
        close = difflib.get_close_matches(fold(name), list(by_key), n=3, cutoff=0.75)
        suggestions = [by_key[c] for c in close]
    raise DistrictLookupError(str(query), matches, suggestions)
