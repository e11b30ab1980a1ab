"""The register of every district-level unit and province, shipped inside the package.

Built by scripts/build_register.py from the GSO register of July 2025 and the 2025 province
merger list, so that lookup and validation know all ~700 units, not only those with facts.
A unit missing from the 2025 register (merged or renamed earlier) can still be declared in a
dataset's own districts.csv.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from analysis.paths import REFERENCE_DIR
from analysis.text.vietnamese import clean_name, fold, slugify

_PROVINCE_PREFIXES = ("tinh ", "thanh pho ", "thu do ", "tp ")


def district_id_for(name: str, province: str, unit_type: str | None = None) -> str:
    """Returns the stable id of a district: its name and pre-2025 province as an ASCII slug.

    Args:
        name: District name without type prefix ("Sốp Cộp").
        province: Pre-2025 province ("Sơn La").
        unit_type: Given only where one province has two units of the same name (the town
            and the rural district of Kỳ Anh, say); it then leads the id.

    Returns:
        For example "sop-cop-son-la", or "thi-xa-ky-anh-ha-tinh".
    """
    parts = [unit_type] if unit_type else []
    parts += [name, province]
    return "-".join(slugify(p) for p in parts)


@lru_cache(maxsize=1)
def load_provinces() -> pd.DataFrame:
    """Returns the 63 pre-2025 provinces with GSO code, region, successor and aliases."""
    table = pd.read_csv(
        REFERENCE_DIR / "provinces.csv", dtype=str, keep_default_na=False, encoding="utf-8"
    )
    return table


@lru_cache(maxsize=1)
def load_register() -> pd.DataFrame:
    """Returns every district-level unit of the July 2025 GSO register (about 700).

    Columns: district_id, gso_code, name, type, province, province_2025, region,
    registered_name (the register's own spelling).
    """
    return pd.read_csv(
        REFERENCE_DIR / "districts.csv", dtype=str, keep_default_na=False, encoding="utf-8"
    )


@lru_cache(maxsize=1)
def _provinces_by_name() -> pd.DataFrame:
    return load_provinces().set_index("province")


@lru_cache(maxsize=1)
def _province_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for row in load_provinces().itertuples(index=False):
        keys[fold(row.province)] = row.province
        for alias in filter(None, row.aliases.split(";")):
            keys[fold(alias)] = row.province
    return keys


@lru_cache(maxsize=1024)
def canonical_province(name: str) -> str | None:
    """Returns the pre-2025 province a name refers to, or None if it is not a province.

    Accepts prefixes and variants: "Tỉnh Hoà Bình", "tp Hồ Chí Minh", "TPHCM", "Huế".
    """
    key = fold(clean_name(str(name)))
    for prefix in _PROVINCE_PREFIXES:
        if key.startswith(prefix) and key[len(prefix) :] in _province_keys():
            return _province_keys()[key[len(prefix) :]]
    return _province_keys().get(key)


@lru_cache(maxsize=256)
def province_facts(province: str) -> dict[str, str] | None:
    """Returns region, province_2025 and GSO code of a province, or None if unknown."""
    canonical = canonical_province(province)
    if canonical is None:
        return None
    row = _provinces_by_name().loc[canonical]
    return {
        "province": canonical,
        "region": row["region"],
        "province_2025": row["province_2025"],
        "province_code": row["province_code"],
    }
