import csv
import io

import pytest

from analysis import load_dataset
from analysis.extract import extract_facts
from analysis.extract.merge import MergeError, merge_reviewed
from analysis.extract.review import review_csv
from analysis.text.periods import parse_partial_date

TEXT = (
    "Đến nay, Đảng bộ huyện Sốp Cộp có 44 tổ chức cơ sở đảng với 4.321 đảng viên.\n"
    "Năm 2024, toàn huyện kết nạp 150 đảng viên.\n"
)


def reviewed(tmp_path, decisions: list[str], edit=None):
    """Writes a review CSV for TEXT with the given accept values (test data)."""
    article = extract_facts(TEXT, source="bai-moi.txt", published=parse_partial_date("2025-02-01"))
    rows = list(csv.DictReader(io.StringIO(review_csv([article]))))
    for row, decision in zip(rows, decisions, strict=True):
        row["accept"] = decision
    if edit:
        edit(rows)
    path = tmp_path / "review.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_accepted_rows_are_added_with_source_and_paragraph(tmp_path, tiny_dataset):
    before = snapshot(tiny_dataset)
    result = merge_reviewed(reviewed(tmp_path, ["yes", "", "x"]), tiny_dataset)
    assert (result.facts, result.sources, result.districts, result.rejected) == (2, 1, 0, 1)
    after = snapshot(tiny_dataset)
    for name, data in before.items():
        assert after[name].startswith(data)  # appended, nothing changed
    facts = load_dataset(tiny_dataset).facts
    new = facts[facts["source_id"].str.startswith("file-")]
    assert list(new["metric"]) == ["base_organizations", "admissions"]
    assert list(new["paragraph"]) == [1, 2]
    assert new["note"].str.contains("extracted by rule").all()
    sources = load_dataset(tiny_dataset).sources
    assert "file:bai-moi.txt" in set(sources["url"])


def test_merging_again_adds_nothing(tmp_path, tiny_dataset):
    path = reviewed(tmp_path, ["yes", "yes", "yes"])
    merge_reviewed(path, tiny_dataset)
    before = snapshot(tiny_dataset)
    result = merge_reviewed(path, tiny_dataset)
    assert (result.facts, result.duplicates) == (0, [2, 3, 4])
    assert snapshot(tiny_dataset) == before


def test_a_district_missing_from_the_dataset_comes_from_the_register(tmp_path, tiny_dataset):
    def move(rows):
        rows[0]["district_id"] = "muong-te-lai-chau"

    result = merge_reviewed(reviewed(tmp_path, ["yes", "", ""], move), tiny_dataset)
    assert result.districts == 1
    assert "muong-te-lai-chau" in set(load_dataset(tiny_dataset).districts["district_id"])


def test_an_invalid_accepted_row_names_its_row_and_leaves_the_dataset(tmp_path, tiny_dataset):
    def spoil(rows):
        rows[1]["unit"] = "people"

    before = snapshot(tiny_dataset)
    with pytest.raises(MergeError) as caught:
        merge_reviewed(reviewed(tmp_path, ["yes", "yes", ""], spoil), tiny_dataset)
    assert not caught.value.usage
    assert caught.value.problems == [
        "review.csv, row 3 (new facts row), column unit: found 'people'; expected one of "
        "count, percent, percent_above_target (Unit of `value`.)"
    ]
    assert snapshot(tiny_dataset) == before


def test_an_accepted_row_without_district_is_refused(tmp_path, tiny_dataset):
    def blank(rows):
        rows[2]["district_id"] = ""

    with pytest.raises(MergeError, match="1 problem") as caught:
        merge_reviewed(reviewed(tmp_path, ["", "", "yes"], blank), tiny_dataset)
    assert "row 4, column district_id" in caught.value.problems[0]


def test_a_rejected_invalid_row_does_not_matter(tmp_path, tiny_dataset):
    def spoil(rows):
        rows[1]["unit"] = "people"

    assert merge_reviewed(reviewed(tmp_path, ["yes", "no", ""], spoil), tiny_dataset).facts == 1


def test_unclear_decision_and_missing_columns_are_usage_errors(tmp_path, tiny_dataset):
    with pytest.raises(MergeError) as caught:
        merge_reviewed(reviewed(tmp_path, ["yes", "maybe", ""]), tiny_dataset)
    assert caught.value.usage and "row 3, column accept: found 'maybe'" in caught.value.problems[0]
    bare = tmp_path / "bare.csv"
    bare.write_text("accept,metric\nyes,admissions\n", encoding="utf-8")
    with pytest.raises(MergeError, match="missing column"):
        merge_reviewed(bare, tiny_dataset)


def test_dry_run_writes_nothing(tmp_path, tiny_dataset):
    before = snapshot(tiny_dataset)
    assert (
        merge_reviewed(reviewed(tmp_path, ["yes", "yes", "yes"]), tiny_dataset, dry_run=True).facts
        == 3
    )
    assert snapshot(tiny_dataset) == before


def test_another_layout_is_rewritten_and_said(tmp_path):
    from conftest import tiny_tables, write_dataset

    folder = write_dataset(tmp_path / "semi", tiny_tables(), sep=";")
    result = merge_reviewed(reviewed(tmp_path, ["yes", "", ""]), folder)
    assert any("rewritten" in note for note in result.notes)
    assert len(load_dataset(folder).facts) == len(tiny_tables()["facts"]) + 1
