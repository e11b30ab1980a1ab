"""Issue 9's data defects, each as a class of cases: rows lost to a stray quote, workbook
percent cells, two files or sheets for one table, numbers too large to be true, paths that
are no files, names that contradict the register, and the low-severity cases. Every test
failed before its fix."""

from __future__ import annotations

import copy
import io
import os
import stat
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from openpyxl import Workbook

from analysis import DatasetError, load_dataset
from analysis.cli import main
from analysis.data.schema import TABLES

from conftest import tiny_tables, write_dataset


def _refused(path, **options) -> list:
    with pytest.raises(DatasetError) as info:
        load_dataset(path, **options)
    return info.value.problems


def _run(*argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _changed(tmp_path, **changes) -> Path:
    tables = copy.deepcopy(tiny_tables())
    for table, edits in changes.items():
        for index, values in edits:
            tables[table][index].update(values)
    return write_dataset(tmp_path / "d", tables)


# --- 1. a stray double quote swallows rows --------------------------------------------


@pytest.mark.parametrize("where", ["note", "fact_id"])
def test_a_stray_quote_that_swallows_rows_is_refused_at_its_row(tmp_path, where):
    folder = _changed(tmp_path)
    lines = (folder / "facts.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    if where == "note":  # a note that opens a quote, closed only by a later note's quote
        lines[2] = lines[2].rstrip("\n") + '"opens here\n'
        lines[4] = lines[4].rstrip("\n") + 'closes"\n'
    else:  # a quote at the start of a row, closed by a quote three rows below
        lines[1] = '"' + lines[1]
        lines[4] = lines[4].rstrip("\n") + '"\n'
    (folder / "facts.csv").write_text("".join(lines), encoding="utf-8")
    problems = _refused(folder)
    lost = [
        p for p in problems if "closing double quote" in p.expected or "never closed" in p.expected
    ]
    assert lost, "\n".join(map(str, problems))
    assert lost[0].file == "facts.csv" and lost[0].row == (3 if where == "note" else 2)


def test_a_quote_left_open_to_the_end_of_the_file_names_its_row(tmp_path):
    folder = _changed(tmp_path)
    lines = (folder / "facts.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].rstrip("\n") + '"never closed\n'
    (folder / "facts.csv").write_text("".join(lines), encoding="utf-8")
    problems = _refused(folder)
    assert any(p.row == 4 and "double quote" in p.expected for p in problems), problems


def test_a_quoted_line_break_in_a_note_loses_no_record(tmp_path):
    folder = _changed(tmp_path, facts=[(1, {"note": "line one\nline two, with a comma"})])
    dataset = load_dataset(folder)
    assert len(dataset.facts) == len(tiny_tables()["facts"])


# --- 2. workbook percent cells ---------------------------------------------------------


def _book(path: Path, value, unit: str, number_format: str, formula: str | None = None) -> Path:
    book = Workbook()
    book.remove(book.active)
    tables = tiny_tables()
    for name, rows in tables.items():
        sheet = book.create_sheet(name)
        columns = list(TABLES[name].column_names)
        sheet.append(columns)
        for row in rows:
            sheet.append([row[c] for c in columns])
    facts = book["facts"]
    cell = facts.cell(row=5, column=9)  # t4, an evaluation: value column
    cell.value = formula or value
    cell.number_format = number_format
    facts.cell(row=5, column=10).value = unit
    book.save(path)
    return path


def test_a_percent_formatted_cell_is_read_as_excel_shows_it(tmp_path):
    path = _book(tmp_path / "b.xlsx", 0.152, "percent", "0.0%")
    facts = load_dataset(path).facts.set_index("fact_id")
    assert facts.loc["t4", "value"] == pytest.approx(15.2)


def test_a_percent_formatted_cell_in_a_count_row_is_an_error(tmp_path):
    problems = _refused(_book(tmp_path / "b.xlsx", 0.152, "count", "0%"))
    assert any(p.row == 5 and "formatted as a percent" in p.expected for p in problems)


def test_typed_cells_take_no_part_in_the_number_convention_vote(tmp_path):
    # A typed 15.2 beside a text "4.014": the text column has no English evidence, so 4.014
    # is read the Vietnamese way (4014), not as 4.014 and refused as a fraction of a count.
    path = _book(tmp_path / "b.xlsx", 15.2, "percent", "General")
    from openpyxl import load_workbook

    book = load_workbook(path)
    book["facts"].cell(row=2, column=9).value = "4.014"
    book.save(path)
    facts = load_dataset(path).facts.set_index("fact_id")
    assert facts.loc["t1", "value"] == 4014 and facts.loc["t4", "value"] == pytest.approx(15.2)


def test_a_formula_without_a_saved_result_says_so(tmp_path):
    problems = _refused(_book(tmp_path / "b.xlsx", None, "count", "General", formula="=2*3"))
    hits = [p for p in problems if p.row == 5 and p.column == "value"]
    assert hits and "formula without a saved" in hits[0].expected and hits[0].value == "=2*3"
    assert not any(p.value == "" for p in problems), "\n".join(map(str, problems))


def test_workbooks_keep_merged_header_cells_in_read_only_mode(tmp_path):
    path = _book(tmp_path / "b.xlsx", 6, "count", "General")
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book["facts"]
    sheet.insert_rows(1)
    sheet.cell(row=1, column=1).value = "Số liệu (test data)"
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=15)
    book.save(path)
    dataset = load_dataset(path)
    assert any("merged cell range" in n for n in dataset.notes)
    assert dataset.facts.set_index("fact_id").loc["t1", "row"] == 3


# --- 4. two sheets or two files for one table --------------------------------------------


@pytest.mark.parametrize("second", ["Số liệu", "FACTS1", "facts (2)"])
def test_two_sheets_for_one_table_are_refused_naming_both(tmp_path, second):
    path = _book(tmp_path / "b.xlsx", 6, "count", "General")
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.copy_worksheet(book["facts"]).title = second
    book.save(path)
    problems = _refused(path)
    both = [p for p in problems if "b.xlsx [facts]" in p.expected and second in p.file]
    assert both, "\n".join(map(str, problems))


@pytest.mark.parametrize("second", ["figures.csv", "Facts1.csv", "so_lieu.txt"])
def test_two_files_for_one_table_are_refused_naming_both(tmp_path, second):
    folder = _changed(tmp_path)
    (folder / second).write_bytes((folder / "facts.csv").read_bytes())
    problems = _refused(folder)
    assert any("facts.csv" in p.expected and second in p.expected for p in problems), problems


# --- 6. numbers too large to be true --------------------------------------------------------


def test_a_number_that_overflows_is_refused_without_blaming_the_separator(tmp_path):
    problems = _refused(_changed(tmp_path, facts=[(0, {"value": "9" * 401})]))
    hits = [p for p in problems if p.row == 2 and p.column == "value"]
    assert hits and all("decimal separator" not in p.expected for p in hits)
    assert "overflows" in hits[0].expected and "401 characters" in hits[0].value


@pytest.mark.parametrize("value", ["1" + "0" * 30, "250000", "1e30"])
def test_an_implausible_count_is_refused_naming_the_bound(tmp_path, value):
    problems = _refused(_changed(tmp_path, facts=[(0, {"value": value})]))
    hits = [p for p in problems if p.row == 2 and p.column == "value"]
    assert hits, problems
    message = " ".join(str(p) for p in hits)
    assert "e+" not in message and "000000000000000019" not in message
    if value != "1e30":
        assert "200,000" in message


def test_the_largest_real_membership_is_accepted(tmp_path):
    folder = _changed(tmp_path, facts=[(0, {"value": "18000"})])
    assert load_dataset(folder).facts["value"].max() == 18000


# --- 7. paths that are no files ---------------------------------------------------------------


def test_a_device_as_data_path_is_a_usage_error():
    code, _, err = _run("check", os.devnull)
    assert code == 2 and "character device" in err and "Traceback" not in err


def test_a_fifo_as_data_path_or_table_is_a_usage_error(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = _run("check", str(fifo))
    assert code == 2 and "FIFO" in err
    folder = _changed(tmp_path)
    (folder / "sources.csv").unlink()
    os.mkfifo(folder / "sources.csv")
    code, _, err = _run("check", str(folder))
    assert code == 2 and "FIFO" in err and "sources.csv" in err


def test_a_table_file_that_may_not_be_read_is_a_usage_error(tmp_path, monkeypatch):
    folder = _changed(tmp_path)
    target = folder / "facts.csv"
    target.chmod(0)
    original = Path.read_bytes

    def read_bytes(self):  # root reads any file: refuse as the OS would for a user
        if self == target and not os.stat(self).st_mode & stat.S_IRUSR:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    code, _, err = _run("check", str(folder))
    assert code == 2 and "no permission" in err and "facts.csv" in err


# --- 8. names that contradict the register ------------------------------------------------------


@pytest.mark.parametrize("name", ["Hoàn Kiếm", "Sốp Cộр"])  # the second has a Cyrillic р
def test_a_name_that_contradicts_the_register_is_a_warning_naming_both(tmp_path, name):
    folder = _changed(tmp_path, districts=[(0, {"name": name, "gso_code": ""})])
    warnings = [str(w) for w in load_dataset(folder).warnings]
    assert any(name in w and "Sốp Cộp" in w for w in warnings), warnings


def test_a_name_written_differently_but_equal_is_no_warning(tmp_path):
    folder = _changed(tmp_path, districts=[(0, {"name": "SỐP  CỘP"})])
    assert not [w for w in load_dataset(folder).warnings if "register's name" in w.expected]


# --- low -----------------------------------------------------------------------------------


@pytest.mark.parametrize("content", ["xlsx", "zip"])
def test_a_zip_file_is_named_for_what_it_is(tmp_path, content):
    folder = _changed(tmp_path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml" if content == "xlsx" else "facts.csv", "x")
    (folder / "facts.csv").write_bytes(buffer.getvalue())
    problems = _refused(folder)
    assert any("ZIP archive" in p.expected for p in problems)
    assert not any("encoding" in p.expected for p in problems)


def test_year_0001_gets_one_error_only(tmp_path):
    problems = _refused(_changed(tmp_path, facts=[(1, {"period_start": "0001"})]))
    assert [p.column for p in problems if p.row == 3] == ["period_start"]
    assert "outside 1900-2100" in problems[0].expected


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u200d", "\u2060", "\ufeff"])
def test_ids_that_differ_only_by_invisible_characters_collide(tmp_path, invisible):
    problems = _refused(_changed(tmp_path, facts=[(1, {"fact_id": "t" + invisible + "1"})]))
    assert any(p.column == "fact_id" and "unique fact_id" in p.expected for p in problems)


@pytest.mark.parametrize("control", ["\u202e", "\u202a", "\u2066", "\u2069", "\u200f"])
def test_bidirectional_controls_and_soft_hyphens_are_stripped(tmp_path, control):
    folder = _changed(
        tmp_path,
        facts=[(0, {"note": f"ghi {control}chú\u00ad test"})],
        districts=[(0, {"name": f"Sốp{control} Cộp"})],
    )
    dataset = load_dataset(folder)
    assert dataset.facts.loc[0, "note"] == "ghi chú test"
    assert dataset.districts.loc[0, "name"] == "Sốp Cộp"
    assert any("invisible character" in n for n in dataset.notes)


def test_ten_thousand_unknown_columns_give_one_warning(tmp_path):
    folder = _changed(tmp_path)
    lines = (folder / "facts.csv").read_text(encoding="utf-8").splitlines()
    extra = [f"x{i}" for i in range(10_000)]
    lines[0] += "," + ",".join(extra)
    lines[1:] = [line + "," * len(extra) for line in lines[1:]]
    (folder / "facts.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    warnings = [w for w in load_dataset(folder).warnings if "unknown columns" in w.expected]
    assert len(warnings) == 1 and "10000 unknown columns" in warnings[0].expected


def test_percent_sign_is_a_form_of_unit_percent(tmp_path):
    folder = _changed(tmp_path, facts=[(3, {"unit": "%", "value": "15,2"})])
    assert load_dataset(folder).facts.set_index("fact_id").loc["t4", "unit"] == "percent"


def test_vocabulary_typos_get_a_suggestion(tmp_path):
    problems = _refused(_changed(tmp_path, facts=[(0, {"metric": "đảng viênn"})]))
    assert any("did you mean 'đảng viên'" in p.expected for p in problems), problems


def test_problems_are_sorted_by_file_and_row(tmp_path):
    folder = _changed(
        tmp_path,
        facts=[(3, {"value": "x"}), (0, {"metric": "y"})],
        sources=[(0, {"published": "z"})],
        districts=[(1, {"province": "Atlantis"})],
    )
    problems = _refused(folder)
    keys = [(p.file, -1 if p.row is None else p.row) for p in problems]
    assert keys == sorted(keys) and len({p.file for p in problems}) == 3
