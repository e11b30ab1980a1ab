import pytest

from analysis import DistrictLookupError, find_district, resolve_district


@pytest.mark.parametrize(
    ("query", "district_id"),
    [
        ("huyện Sốp Cộp", "sop-cop-son-la"),
        ("sop cop", "sop-cop-son-la"),
        ("SỐP CỘP", "sop-cop-son-la"),
        ("TP Long Xuyên", "long-xuyen-an-giang"),
        ("thành phố long xuyen", "long-xuyen-an-giang"),
        ("sop-cop-son-la", "sop-cop-son-la"),
        ("Đăk Hà", "dak-ha-kon-tum"),
        ("Đắk Hà", "dak-ha-kon-tum"),
        ("phu qui", "phu-quy-binh-thuan"),
        ("thị xã Kỳ Anh", "thi-xa-ky-anh-ha-tinh"),
        ("Quận 1", "quan-1-ho-chi-minh"),
        ("Châu Thành, Long An", "chau-thanh-long-an"),
        ("Châu Thành (Bến Tre)", "chau-thanh-ben-tre"),
    ],
)
def test_resolves(query, district_id):
    assert resolve_district(query) == district_id


def test_ambiguous_names_list_every_candidate_with_province():
    matches = find_district("Châu Thành")
    assert len(matches) >= 5
    assert matches["province"].is_unique
    with pytest.raises(DistrictLookupError) as info:
        resolve_district("Châu Thành")
    assert "Long An" in str(info.value) and "Bến Tre" in str(info.value)


def test_dataset_breaks_ties_for_its_own_districts(embedded):
    assert len(find_district("Phong Điền", embedded)) == 2
    assert resolve_district("Phong Điền", embedded) == "phong-dien-can-tho"
    with pytest.raises(DistrictLookupError):
        resolve_district("Phong Điền")  # without a dataset both are possible


def test_districts_outside_the_register_come_from_the_dataset(embedded):
    assert find_district("Cửa Lò").empty
    assert resolve_district("thị xã Cửa Lò", embedded) == "cua-lo-nghe-an"


def test_unknown_name_suggests_close_ones():
    with pytest.raises(DistrictLookupError, match="did you mean Sốp Cộp"):
        resolve_district("Sop Kop")


def test_empty_query_matches_nothing():
    assert find_district("   ").empty
