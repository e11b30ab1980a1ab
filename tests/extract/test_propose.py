import re

from analysis.extract import COLUMNS, extract_facts
from analysis.text.periods import parse_partial_date

TEXT = (
    "Đảng bộ huyện Mường Tè: kết quả công tác xây dựng Đảng\n"
    "08:30 15/01/2024\n"
    "Đến nay, Đảng bộ huyện Mường Tè có 38 tổ chức cơ sở đảng với 3.215 đảng viên.\n"
    "Năm 2023, toàn huyện kết nạp 142 đảng viên, đạt 101,4% kế hoạch.\n"
)


def test_rows_have_the_columns_and_point_at_their_figures():
    result = extract_facts(TEXT, source="bai.txt")
    assert result.published == "2024-01-15"
    assert result.districts == ["muong-te-lai-chau"]
    assert [tuple(row) for row in result.rows] == [COLUMNS] * 4
    figures = [result.text[r["span_start"] : r["span_end"]] for r in result.rows]
    assert figures == ["38", "3.215", "142", "101,4%"]
    assert [r["paragraph"] for r in result.rows] == [3, 3, 4, 4]
    assert {r["source"] for r in result.rows} == {"bai.txt"}


def test_rows_carry_no_text_of_the_article():
    result = extract_facts(TEXT, source="bai.txt")
    for row in result.rows:
        for value in row.values():
            assert not (isinstance(value, str) and re.search(r"\s", value))


def test_given_district_and_date_override_the_text():
    result = extract_facts(
        TEXT, district="sop-cop-son-la", published=parse_partial_date("2024-02-01")
    )
    assert {r["district_id"] for r in result.rows} == {"sop-cop-son-la"}
    assert result.rows[0]["period_end"] == "2024-02-01"


def test_without_date_or_district_a_figure_is_only_a_low_confidence_proposal():
    text = "Đến nay, toàn huyện có 3.215 đảng viên."
    result = extract_facts(text)
    assert any("publication date" in w for w in result.warnings)
    assert any("no district" in w for w in result.warnings)
    assert result.rows == []
    (row,) = extract_facts(text, include_other=True).rows
    assert (row["metric"], row["district_id"], row["period_end"]) == ("party_members", "", "")
    assert row["confidence"] < 0.3


def test_confidence_is_lower_when_the_period_is_inferred():
    result = extract_facts(
        "Đảng bộ huyện Mường Tè có 3.215 đảng viên. Đến nay, Đảng bộ có 38 TCCSĐ.",
        published=parse_partial_date("2024-02-01"),
    )
    assert result.rows[0]["confidence"] < result.rows[1]["confidence"]
