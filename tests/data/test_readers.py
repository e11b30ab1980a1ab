import codecs
from pathlib import Path

import pytest
from openpyxl import Workbook

from analysis.data.readers import decode_bytes, read_csv_table, read_folder, read_workbook
from analysis.data.schema import TABLES

SOURCES = TABLES["sources"]
HEADER = "source_id,url,publisher,published\n"
ROW = "s1,seed:x,Báo Sơn La,2024-01-23\n"


def write(tmp_path: Path, data: bytes, name: str = "sources.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("encode", "expected"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: t.encode("cp1258"), "windows-1258"),
    ],
)
def test_encodings_are_detected(encode, expected):
    text, used = decode_bytes(encode(HEADER + ROW), "f")
    assert used.startswith(expected)
    assert "Báo Sơn La" in text


def test_undecidable_encoding_is_refused_with_advice():
    latin = (HEADER + "s1,x,Café Ünïcode,2024\n").encode("latin-1")
    with pytest.raises(ValueError, match="cannot be decided"):
        decode_bytes(latin, "f")


def test_explicit_encoding_wins():
    text, used = decode_bytes("é".encode("latin-1"), "f", encoding="latin-1")
    assert (text, used) == ("é", "latin-1")


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
def test_separators_are_detected(tmp_path, sep):
    path = write(tmp_path, (HEADER + ROW).replace(",", sep).encode())
    table = read_csv_table(path, SOURCES)
    assert not table.problems
    assert table.frame.loc[2, "publisher"] == "Báo Sơn La"


def test_title_row_blank_lines_and_spaces(tmp_path):
    text = "Danh sách nguồn\n" + HEADER + "\n" + " s1 , seed:x , Báo ,2024 \n\n"
    table = read_csv_table(write(tmp_path, text.encode()), SOURCES)
    assert not table.problems
    assert list(table.frame.index) == [3 + 1]  # title row 1, header row 2, blank row 3
    assert table.frame.loc[4, "source_id"] == "s1"
    assert any("title row" in n for n in table.notes)
    assert any("blank" in n for n in table.notes)


def test_vietnamese_headers_are_aliases(tmp_path):
    text = "Mã nguồn;Đường dẫn;Báo;Ngày đăng\ns1;seed:x;Báo;23/01/2024\n"
    table = read_csv_table(write(tmp_path, text.encode()), SOURCES)
    assert not table.problems
    assert table.headers == {
        "source_id": "Mã nguồn",
        "url": "Đường dẫn",
        "publisher": "Báo",
        "published": "Ngày đăng",
    }


def test_missing_required_column_is_named(tmp_path):
    table = read_csv_table(write(tmp_path, b"source_id,publisher\ns1,x\n"), SOURCES)
    assert [p.column for p in table.problems] == ["url"]


def test_unknown_column_is_a_warning_and_duplicate_an_error(tmp_path):
    text = "source_id,url,url,extra\ns1,a,b,c\n"
    table = read_csv_table(write(tmp_path, text.encode()), SOURCES)
    severities = sorted((p.column, p.severity) for p in table.problems)
    assert severities == [("extra", "warning"), ("url", "error")]


def test_too_many_cells_is_reported_with_row(tmp_path):
    table = read_csv_table(write(tmp_path, (HEADER + "s1,a,b,2024,zzz\n").encode()), SOURCES)
    assert [(p.row, p.value) for p in table.problems] == [(2, "zzz")]


def test_empty_file(tmp_path):
    table = read_csv_table(write(tmp_path, b""), SOURCES)
    assert "empty" in table.problems[0].expected


def test_missing_table_file_is_a_problem(tmp_path):
    write(tmp_path, (HEADER + ROW).encode())
    tables, problems = read_folder(tmp_path)
    assert set(tables) == {"sources"}
    missing = {f"{tmp_path.name}/facts.csv", f"{tmp_path.name}/districts.csv"}
    assert {p.file for p in problems} == missing


def test_workbook_with_title_row_and_merged_cells(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Nguồn"
    sheet.append(["Bảng nguồn số liệu", None, None, None])
    sheet.merge_cells("A1:D1")
    sheet.append(["source_id", "url", "publisher", "published"])
    sheet.append(["s1", "seed:x", "Báo", 2024])
    path = tmp_path / "book.xlsx"
    book.save(path)
    tables, problems = read_workbook(path)
    assert not problems
    table = tables["sources"]
    assert not table.problems
    assert table.frame.loc[3, "published"] == "2024"
    assert table.file == "book.xlsx [Nguồn]"
