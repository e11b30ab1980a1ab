"""The district header says whether a district is in the GSO register by looking it up,
not by whether the user's row happens to give a GSO code."""

from analysis import load_dataset
from analysis.present.page import Page

from conftest import tiny_tables, write_dataset


def _header_html(tmp_path, **changes) -> str:
    tables = tiny_tables()
    tables["districts"][0].update(changes)
    dataset = load_dataset(write_dataset(tmp_path / "data", tables))
    return _render(dataset, "sop-cop-son-la")


def _render(dataset, district_id: str, lang: str = "en") -> str:
    return Page(dataset, lang, district_id).header_html()


def test_a_registered_district_without_a_gso_code_is_not_called_unregistered(tmp_path):
    html = _header_html(tmp_path, gso_code="")
    assert "not in the GSO register" not in html
    assert "GSO code 127" in html  # the register's code for Sốp Cộp


def test_a_district_missing_from_the_register_is_said_to_be(tmp_path):
    html = _header_html(tmp_path, gso_code="", district_id="sop-cop-son-la", name="Sốp Cộp Cũ")
    assert "GSO code 127" in html  # found by its id
    tables = tiny_tables()
    tables["districts"].append(
        dict(tables["districts"][0], district_id="tam-nong-son-la", gso_code="", name="Tam Nông Cũ")
    )
    dataset = load_dataset(write_dataset(tmp_path / "more", tables))
    assert "not in the GSO register of July 2025" in _render(dataset, "tam-nong-son-la")
    assert "không có trong danh mục GSO" in _render(dataset, "tam-nong-son-la", "vi")
