from analysis.data.register import (
    canonical_province,
    district_id_for,
    load_provinces,
    load_register,
    province_facts,
)
from analysis.data.schema import DISTRICT_TYPE, REGION


def test_register_covers_every_unit():
    register = load_register()
    assert len(register) == 696
    assert register["district_id"].is_unique
    assert register["gso_code"].str.fullmatch(r"\d{3}").all()
    assert set(register["type"]) == set(DISTRICT_TYPE.codes)
    assert set(register["region"]) == set(REGION.codes)


def test_provinces_and_merger():
    provinces = load_provinces()
    assert len(provinces) == 63
    assert provinces["province_2025"].nunique() == 34
    assert province_facts("Hải Dương")["province_2025"] == "Hải Phòng"
    assert province_facts("Kon Tum")["province_2025"] == "Quảng Ngãi"
    assert province_facts("Sơn La")["province_2025"] == "Sơn La"


def test_six_regions():
    counts = load_provinces()["region"].value_counts()
    assert counts["Trung du và miền núi phía Bắc"] == 14
    assert counts["Đồng bằng sông Hồng"] == 11
    assert counts["Bắc Trung Bộ và duyên hải miền Trung"] == 14
    assert counts["Tây Nguyên"] == 5
    assert counts["Đông Nam Bộ"] == 6
    assert counts["Đồng bằng sông Cửu Long"] == 13


def test_province_names_and_aliases():
    assert canonical_province("Tỉnh Hoà Bình") == "Hòa Bình"
    assert canonical_province("TPHCM") == "Hồ Chí Minh"
    assert canonical_province("thành phố Huế") == "Thừa Thiên Huế"
    assert canonical_province("Thua Thien Hue") == "Thừa Thiên Huế"
    assert canonical_province("Atlantis") is None


def test_ids_are_name_and_province_with_type_only_when_needed():
    assert district_id_for("Sốp Cộp", "Sơn La") == "sop-cop-son-la"
    assert district_id_for("Kỳ Anh", "Hà Tĩnh", "thị xã") == "thi-xa-ky-anh-ha-tinh"
    ids = set(load_register()["district_id"])
    assert {"huyen-ky-anh-ha-tinh", "thi-xa-ky-anh-ha-tinh", "long-xuyen-an-giang"} <= ids
