"""Builds the district register shipped in the package from ../shared/data/reference.

Maintainers run it with `make data`; the package never reads ../shared at run time.

Inputs (public data, see ../shared/data/reference/README.md):
  * gso_districts_2025-07-18.csv: the General Statistics Office register of district-level
    units as of 18 July 2025 (696 units);
  * province_merger_2025.csv: the 34 provinces from 1 July 2025 and the provinces each absorbed.

Outputs (src/analysis/reference/):
  * provinces.csv: the 63 pre-2025 provinces: name, GSO code, region, successor, aliases;
  * districts.csv: every registered unit with its id, GSO code, name, type, province,
    successor province and region.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from analysis.data.register import district_id_for  # noqa: E402
from analysis.text.vietnamese import clean_name, clean_text, fold, split_type_prefix  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "reference"
OUT = ROOT / "src" / "analysis" / "reference"

# The six socio-economic regions of the General Statistics Office (the grouping of its
# statistical yearbooks), by pre-2025 province. Declared here because the reference files
# do not carry it.
REGIONS: dict[str, tuple[str, ...]] = {
    "Trung du và miền núi phía Bắc": (
        "Hà Giang",
        "Cao Bằng",
        "Bắc Kạn",
        "Tuyên Quang",
        "Lào Cai",
        "Yên Bái",
        "Thái Nguyên",
        "Lạng Sơn",
        "Bắc Giang",
        "Phú Thọ",
        "Điện Biên",
        "Lai Châu",
        "Sơn La",
        "Hòa Bình",
    ),
    "Đồng bằng sông Hồng": (
        "Hà Nội",
        "Vĩnh Phúc",
        "Bắc Ninh",
        "Quảng Ninh",
        "Hải Dương",
        "Hải Phòng",
        "Hưng Yên",
        "Thái Bình",
        "Hà Nam",
        "Nam Định",
        "Ninh Bình",
    ),
    "Bắc Trung Bộ và duyên hải miền Trung": (
        "Thanh Hóa",
        "Nghệ An",
        "Hà Tĩnh",
        "Quảng Bình",
        "Quảng Trị",
        "Thừa Thiên Huế",
        "Đà Nẵng",
        "Quảng Nam",
        "Quảng Ngãi",
        "Bình Định",
        "Phú Yên",
        "Khánh Hòa",
        "Ninh Thuận",
        "Bình Thuận",
    ),
    "Tây Nguyên": ("Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng"),
    "Đông Nam Bộ": (
        "Bình Phước",
        "Tây Ninh",
        "Bình Dương",
        "Đồng Nai",
        "Bà Rịa - Vũng Tàu",
        "Hồ Chí Minh",
    ),
    "Đồng bằng sông Cửu Long": (
        "Long An",
        "Tiền Giang",
        "Bến Tre",
        "Trà Vinh",
        "Vĩnh Long",
        "Đồng Tháp",
        "An Giang",
        "Kiên Giang",
        "Cần Thơ",
        "Hậu Giang",
        "Sóc Trăng",
        "Bạc Liêu",
        "Cà Mau",
    ),
}

# Names the register spells differently from the sources and most of the press.
PROVINCE_RENAMES = {
    # Thừa Thiên Huế became the centrally governed city of Huế on 1 January 2025; the facts
    # (2010-2024) use the old name, which the project keeps as the pre-merger province.
    "Huế": "Thừa Thiên Huế",
}
PROVINCE_ALIASES = {
    "Thừa Thiên Huế": ("Huế", "TT Huế", "Thừa Thiên - Huế"),
    "Hồ Chí Minh": ("TPHCM", "TP HCM", "HCM", "Sài Gòn"),
    "Bà Rịa - Vũng Tàu": ("Bà Rịa Vũng Tàu", "BR-VT"),
    "Hà Nội": ("Thủ đô Hà Nội",),
}
DISTRICT_NAME_FIXES = {
    # (registered name, province): name used by the sources and the press
    ("Phú Quí", "Bình Thuận"): "Phú Quý",
}


def strip_province_prefix(name: str) -> str:
    """Removes "Tỉnh", "Thành phố", "Thủ đô" or "TP" from a province name."""
    cleaned = clean_name(name)
    for prefix in ("Thủ đô ", "Thành phố ", "thành phố ", "Tỉnh ", "tỉnh ", "TP "):
        if cleaned.startswith(prefix):
            return cleaned[len(prefix) :]
    return cleaned


def read_merger() -> dict[str, str]:
    """Maps each pre-2025 province (folded) to its post-merger province."""
    successor: dict[str, str] = {}
    with open(SHARED / "province_merger_2025.csv", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            new = strip_province_prefix(row["tentinh"])
            before = clean_name(row["truocsapnhap"])
            if fold(before) == "khong sap nhap":
                olds = [new]
            else:
                parts = before.replace(" và ", ", ").split(", ")
                olds = ["Hồ Chí Minh" if p == "TPHCM" else strip_province_prefix(p) for p in parts]
            for old in olds:
                successor[fold(PROVINCE_RENAMES.get(old, old))] = new
    return successor


def main() -> None:
    """Writes provinces.csv and districts.csv into the package's reference folder."""
    successor = read_merger()
    region_of = {fold(p): r for r, provinces in REGIONS.items() for p in provinces}
    with open(SHARED / "gso_districts_2025-07-18.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))

    provinces: dict[str, dict[str, str]] = {}
    units = []
    for row in rows:
        province = strip_province_prefix(row["Tỉnh / Thành Phố"])
        province = PROVINCE_RENAMES.get(province, province)
        key = fold(province)
        if key not in region_of or key not in successor:
            raise SystemExit(f"no region or successor for province {province!r}")
        provinces.setdefault(
            key,
            {
                "province": province,
                "province_code": row["Mã TP"].zfill(2),
                "region": region_of[key],
                "province_2025": successor[key],
                "aliases": ";".join(PROVINCE_ALIASES.get(province, ())),
            },
        )
        registered = clean_text(row["Tên"])
        unit_type, name = split_type_prefix(registered)
        if unit_type is None or fold(unit_type) != fold(row["Cấp"]):
            raise SystemExit(f"type prefix of {registered!r} disagrees with {row['Cấp']!r}")
        name = DISTRICT_NAME_FIXES.get((name, province), name)
        units.append(
            {
                "gso_code": row["Mã"].zfill(3),
                "name": name,
                "type": unit_type,
                "province": province,
                "province_2025": successor[key],
                "region": region_of[key],
                "registered_name": registered,
            }
        )
    if len(provinces) != 63:
        raise SystemExit(f"expected 63 provinces, found {len(provinces)}")

    same_name: dict[tuple[str, str], int] = {}
    for unit in units:
        pair = (fold(unit["name"]), fold(unit["province"]))
        same_name[pair] = same_name.get(pair, 0) + 1
    for unit in units:
        shared_name = same_name[(fold(unit["name"]), fold(unit["province"]))] > 1
        unit["district_id"] = district_id_for(
            unit["name"], unit["province"], unit["type"] if shared_name else None
        )
    ids = [u["district_id"] for u in units]
    if len(set(ids)) != len(ids):
        raise SystemExit("district ids are not unique")

    OUT.mkdir(parents=True, exist_ok=True)
    province_cols = ["province", "province_code", "region", "province_2025", "aliases"]
    with open(OUT / "provinces.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, province_cols, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(provinces.values(), key=lambda p: p["province_code"]))
    district_cols = [
        "district_id",
        "gso_code",
        "name",
        "type",
        "province",
        "province_2025",
        "region",
        "registered_name",
    ]
    with open(OUT / "districts.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, district_cols, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(units, key=lambda u: u["gso_code"]))
    print(f"wrote {len(provinces)} provinces and {len(units)} districts to {OUT}")


if __name__ == "__main__":
    main()
