"""Every validation rule, each with an example that breaks it."""

import copy

import pytest

from analysis import DatasetError, load_dataset

from conftest import tiny_tables, write_dataset

# (table, row index in tiny_tables, {column: new value}, column named, fragment of expected)
BREAKS = [
    ("facts", 0, {"fact_id": ""}, "fact_id", "a value"),
    ("facts", 0, {"value": "12abc"}, "value", "a number"),
    ("facts", 0, {"value": "8,5"}, "value", "whole number for a count"),
    ("facts", 0, {"paragraph": "0"}, "paragraph", "at least 1"),
    ("facts", 0, {"metric": "members_total"}, "metric", "one of party_members"),
    ("facts", 1, {"category": "excellent"}, "category", "for metric admissions"),
    ("facts", 3, {"subject": ""}, "subject", "organization or member"),
    ("facts", 0, {"subject": "member"}, "subject", "no subject except"),
    ("facts", 3, {"category": ""}, "category", "a rating category"),
    ("facts", 2, {"comparator": ""}, "comparator", "a target comparator"),
    ("facts", 0, {"comparator": ">="}, "comparator", "qualifier >, < or ~"),
    ("facts", 1, {"period_start": ""}, "period_start", "a start date"),
    ("facts", 0, {"period_start": "2020"}, "basis", "each_year for a stock"),
    ("facts", 1, {"basis": "total"}, "basis", "no basis except"),
    ("facts", 1, {"unit": "percent_above_target"}, "unit", "only for attainment"),
    ("facts", 1, {"kind": "attainment"}, "unit", "percent or percent_above_target"),
    ("facts", 3, {"category": "assessed", "unit": "percent"}, "unit", "count for the number"),
    ("facts", 3, {"unit": "percent", "value": "100,6"}, "value", "within 0-100"),
    ("facts", 0, {"value": "-5"}, "value", "at least 0"),
    ("facts", 1, {"period_start": "2024", "period_end": "2023"}, "period_end", "on or after"),
    ("facts", 0, {"period_end": "2023-02-30"}, "period_end", "no such day"),
    ("facts", 1, {"fact_id": "t1"}, "fact_id", "unique fact_id; row 2"),
    ("facts", 0, {"district_id": "nowhere"}, "district_id", "listed in districts"),
    ("facts", 0, {"source_id": "nosuch"}, "source_id", "listed in sources"),
    ("facts", 0, {"value": "4014%"}, "value", "a count without %"),
    ("facts", 0, {"value": "trên 4014", "comparator": "<"}, "comparator", "same qualifier"),
    ("facts", 0, {"unit": "people"}, "unit", "one of count"),
    ("districts", 0, {"province": "Atlantis"}, "province", "a province of Vietnam"),
    ("districts", 0, {"region": "Tây Nguyên"}, "region", "Trung du"),
    ("districts", 0, {"province_2025": "Lào Cai"}, "province_2025", "Sơn La for a district"),
    ("districts", 0, {"gso_code": "616"}, "gso_code", "616 is Huyện Sa Thầy"),
    ("districts", 0, {"district_id": "Sốp Cộp"}, "district_id", "text matching"),
    ("districts", 0, {"type": "làng"}, "type", "one of huyện"),
    ("districts", 0, {"name": ""}, "name", "a value"),
    ("sources", 0, {"published": "mùa xuân"}, "published", "a date"),
    ("sources", 0, {"url": ""}, "url", "a value"),
]


@pytest.mark.parametrize(("table", "index", "change", "column", "expected"), BREAKS)
def test_rule_is_enforced(tmp_path, table, index, change, column, expected):
    tables = copy.deepcopy(tiny_tables())
    if table == "districts" and "district_id" in change:
        for fact in tables["facts"]:
            if fact["district_id"] == tables["districts"][index]["district_id"]:
                fact["district_id"] = change["district_id"]
    tables[table][index].update(change)
    folder = write_dataset(tmp_path / "d", tables)
    with pytest.raises(DatasetError) as info:
        load_dataset(folder)
    hits = [p for p in info.value.problems if p.column == column and expected in p.expected]
    assert hits, "\n".join(str(p) for p in info.value.problems)
    problem = hits[0]
    assert problem.file == f"{table}.csv"
    assert problem.row == index + 2  # header is row 1
    assert str(problem).startswith(f"{table}.csv, row {index + 2}, column {column}")


def test_every_problem_is_reported_together(tmp_path):
    tables = tiny_tables()
    tables["facts"][0]["value"] = "x"
    tables["facts"][4]["metric"] = "y"
    tables["sources"][0]["published"] = "z"
    with pytest.raises(DatasetError) as info:
        load_dataset(write_dataset(tmp_path / "d", tables))
    located = {(p.file, p.row, p.column) for p in info.value.problems}
    assert {
        ("facts.csv", 2, "value"),
        ("facts.csv", 6, "metric"),
        ("sources.csv", 2, "published"),
    } <= located
    assert "3 problem(s)" in str(info.value)


def test_mixed_number_conventions_are_an_error(tmp_path):
    tables = tiny_tables()
    tables["facts"][0]["value"] = "4.014"
    tables["facts"][3].update(unit="percent", value="14,6")
    tables["facts"][4].update(unit="count", value="56")
    tables["facts"].append(dict(tables["facts"][3], fact_id="t6", category="good", value="78.1"))
    with pytest.raises(DatasetError, match="one number convention per column"):
        load_dataset(write_dataset(tmp_path / "d", tables))


def test_duplicated_rows_are_a_warning(tmp_path):
    tables = tiny_tables()
    tables["facts"].append(dict(tables["facts"][0], fact_id="t9"))
    dataset = load_dataset(write_dataset(tmp_path / "d", tables))
    warnings = [str(w) for w in dataset.warnings]
    assert any("row 7" in w and "repeats row 2" in w for w in warnings), warnings


def test_district_outside_the_register_is_accepted_with_a_warning(tmp_path):
    tables = tiny_tables()
    tables["districts"].append(
        dict(
            tables["districts"][0],
            district_id="cua-lo-nghe-an",
            gso_code="",
            name="Cửa Lò",
            type="thị xã",
            province="Nghệ An",
            province_2025="",
            region="",
        )
    )
    dataset = load_dataset(write_dataset(tmp_path / "d", tables))
    row = dataset.districts.set_index("district_id").loc["cua-lo-nghe-an"]
    assert not row["in_register"]
    assert row["province_2025"] == "Nghệ An"  # filled from the province
    assert row["region"] == "Bắc Trung Bộ và duyên hải miền Trung"
    assert any("Cửa Lò" in str(w) for w in dataset.warnings)


def test_vocabulary_accepts_vietnamese_wording(tmp_path):
    tables = tiny_tables()
    tables["facts"][3].update(
        metric="đánh giá, xếp loại", subject="Tổ chức", category="Hoàn thành xuất sắc nhiệm vụ"
    )
    tables["facts"][1]["kind"] = "Trong kỳ"
    dataset = load_dataset(write_dataset(tmp_path / "d", tables))
    row = dataset.facts.set_index("fact_id").loc["t4"]
    assert (row["metric"], row["subject"], row["category"]) == (
        "evaluation",
        "organization",
        "excellent",
    )
    assert dataset.facts.set_index("fact_id").loc["t2", "kind"] == "flow"


def test_qualifier_words_fill_the_comparator(tmp_path):
    tables = tiny_tables()
    tables["facts"][0]["value"] = "gần 4.014"
    dataset = load_dataset(write_dataset(tmp_path / "d", tables))
    row = dataset.facts.set_index("fact_id").loc["t1"]
    assert (row["value"], row["comparator"]) == (4014, "~")
