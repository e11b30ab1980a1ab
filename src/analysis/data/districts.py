"""Completing the districts table from the register: canonical province names, successor
province and region where left empty, and whether each district is in the register.

Cleaning only: what disagrees with the register is left as written for the rules
(`rules_districts`) to report.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from analysis.data.normalise import CleanTable
from analysis.data.register import canonical_province, load_register, province_facts
from analysis.text.vietnamese import fold


@lru_cache(maxsize=1)
def register_keys() -> tuple[frozenset, frozenset]:
    """Returns the register's district ids, and its (folded name, province) pairs."""
    register = load_register()
    keys = set(zip(register["name"].map(fold), register["province"], strict=True))
    keys |= set(zip(register["registered_name"].map(fold), register["province"], strict=True))
    return frozenset(register["district_id"]), frozenset(keys)


def _completed_row(row) -> dict:
    province = canonical_province(row.province) if row.province else None
    if province is None:
        return {}
    info = province_facts(province)
    out = {"province": province}
    for column in ("province_2025", "region"):
        if not getattr(row, column):
            out[column] = info[column]
    return out


def complete_districts(districts: CleanTable) -> None:
    """Completes province, province_2025 and region, and adds `in_register` (a boolean)."""
    frame = districts.frame
    ids, keys = register_keys()
    updates: dict[str, dict] = {"province": {}, "province_2025": {}, "region": {}}
    in_register = {}
    for row in frame.itertuples():
        for column, value in _completed_row(row).items():
            updates[column][row.Index] = value
        province = updates["province"].get(row.Index, row.province)
        in_register[row.Index] = row.district_id in ids or (fold(row.name or ""), province) in keys
    for column, values in updates.items():
        if values:
            filled = pd.Series(values, dtype=object).reindex(frame.index)
            frame[column] = filled.fillna(frame[column])
    frame["in_register"] = pd.Series(in_register, dtype=bool).reindex(frame.index, fill_value=True)
