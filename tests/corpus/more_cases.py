"""The corpus cases added for issue 9: each is one member of a class of defects (rows lost to
a quote, workbook cell formats, two files for one table, numbers too large to be true, files
that are no CSV, names that contradict the register, invisible characters, typos) or a
near miss that must still be accepted. Written by make_corpus.build(); TEST DATA."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import zipfile

from make_corpus import (
    BASE,
    CASES,
    COLUMNS,
    FACT_COLUMNS,
    _changed,
    _csv_text,
    _normalise_zip_times,
    _problem,
    write_case,
)  # fmt: skip
from openpyxl import Workbook

ACCEPTED = {"outcome": "accepted", "facts": 6}
FACTS = "facts.csv"


def _refused(description: str, *problems: dict) -> dict:
    return {"outcome": "refused", "description": description, "problems": list(problems)}


def _accepted(description: str, **checks) -> dict:
    return {**ACCEPTED, "description": description, **checks}


def _facts_text(**changes) -> str:
    return _csv_text(_changed(**changes)["facts"], FACT_COLUMNS)


def _lines(text: str, edits: dict[int, str]) -> str:
    """The CSV text with some physical lines (0 = header) replaced by `edit(line)`."""
    lines = text.splitlines(keepends=True)
    for index, edit in edits.items():
        lines[index] = edit(lines[index].rstrip("\n")) + "\n"
    return "".join(lines)


def _zip_bytes(names: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), "test data")
    return buffer.getvalue()


def write_workbook_case(name: str, case: dict, edit=None, tables=None) -> None:
    """Writes a workbook case: one sheet per table from `tables` (BASE), changed by `edit`."""
    folder = CASES / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    book = Workbook()
    book.remove(book.active)
    for table, columns in COLUMNS.items():
        sheet = book.create_sheet(table)
        sheet.append(columns)
        for row in (tables or BASE)[table]:
            sheet.append([row.get(c, "") for c in columns])
    if edit:
        edit(book)
    book.properties.created = book.properties.modified = dt.datetime(2026, 1, 1)
    book.save(folder / "book.xlsx")
    _normalise_zip_times(folder / "book.xlsx")
    text = json.dumps({"name": name, "path": "book.xlsx", **case}, ensure_ascii=False, indent=1)
    (folder / "case.json").write_text(text + "\n")


def _set_value(row: int, value, number_format: str = "General", unit: str | None = None):
    def edit(book) -> None:
        cell = book["facts"].cell(row=row, column=9)
        cell.value, cell.number_format = value, number_format
        if unit:
            book["facts"].cell(row=row, column=10).value = unit

    return edit


def _copy_sheet(title: str):
    def edit(book) -> None:
        book.copy_worksheet(book["facts"]).title = title

    return edit


def _rename_sheet(old: str, new: str):
    def edit(book) -> None:
        book[old].title = new

    return edit


def _remove_sheet(title: str):
    def edit(book) -> None:
        book.remove(book[title])

    return edit


def build_quotes() -> None:
    """Rows lost to a double quote, and quotes that are fine."""
    text = _csv_text(BASE["facts"], FACT_COLUMNS)
    swallow = "a closing double quote"
    write_case(
        "quote-stray-in-note",
        _refused(
            "a note opens a quote that a later note closes: rows 4-5 would vanish into its cell",
            _problem(FACTS, 3, None, swallow),
        ),
        texts={
            "facts": _lines(
                text, {2: lambda s: s.replace(",test", ',"xem test'), 4: lambda s: s + ' tiếp"'}
            )
        },
    )
    write_case(
        "quote-stray-at-row-start",
        _refused(
            "a row starts with a quote closed three rows below", _problem(FACTS, 2, None, swallow)
        ),
        texts={"facts": _lines(text, {1: lambda s: '"' + s, 4: lambda s: s + '"'})},
    )
    write_case(
        "quote-never-closed",
        _refused(
            "a quote opened in the last-but-two row is never closed",
            _problem(FACTS, 5, None, "double quote"),
        ),
        texts={"facts": _lines(text, {4: lambda s: s + ',"open'})},
    )
    write_case(
        "quote-inside-a-cell",
        _accepted(
            "a quote inside a cell (not at its start) is a character, not a quote",
            values={"f2": {"note": 'màn hình 5" test'}},
        ),
        texts={"facts": _lines(text, {2: lambda s: s.replace("test data", 'màn hình 5" test')})},
    )
    write_case(
        "quote-escaped-and-multiline",
        _accepted(
            "a quoted note with a doubled quote, a comma and a line break",
            values={"f3": {"note": 'line "one", and\nline two'}},
        ),
        tables=_changed(facts=[(2, {"note": 'line "one", and\nline two'})]),
    )
    write_case(
        "quote-multiline-crlf",
        _accepted(
            "a quoted line break in a file with Windows line endings",
            values={"f1": {"note": "one\r\ntwo"}},
        ),
        texts={"facts": _facts_text(facts=[(0, {"note": "one\ntwo"})]).replace("\n", "\r\n")},
    )


def build_workbooks() -> None:
    """Cell formats, formulas and sheets of workbooks."""
    write_workbook_case(
        "excel-percent-cell",
        _accepted(
            "0.152 formatted 0.0% in a percent row: Excel shows 15.2 %, read as 15.2",
            values={"f5": {"value": 15.2}},
        ),
        _set_value(6, 0.152, "0.0%"),
    )
    write_workbook_case(
        "excel-percent-cell-on-count",
        _refused(
            "0.06 formatted 0% in a count row",
            _problem("book.xlsx [facts]", 5, "value", "formatted as a percent"),
        ),
        _set_value(5, 0.06, "0%"),
    )
    write_workbook_case(
        "excel-typed-number-no-vote",
        _accepted(
            "a typed 15.2 beside the text 4.014: typed cells carry no convention, 4.014 = 4014",
            values={"f1": {"value": 4014}, "f5": {"value": 15.2}},
        ),
        lambda book: (_set_value(6, 15.2)(book), _set_value(2, "4.014")(book)),
    )
    write_workbook_case(
        "excel-formula-without-result",
        _refused(
            "a formula that was never calculated (written by a program, not Excel)",
            _problem("book.xlsx [facts]", 2, "value", "formula without a saved", "=4000+14"),
        ),
        _set_value(2, "=4000+14"),
    )
    write_workbook_case(
        "excel-two-sheets-alias",
        _refused(
            "sheets facts and Số liệu both provide the facts",
            _problem("book.xlsx [Số liệu]", None, None, "book.xlsx [facts]"),
        ),
        _copy_sheet("Số liệu"),
    )
    write_workbook_case(
        "excel-two-sheets-copy",
        _refused(
            "sheets facts and FACTS1 (a copy) both provide the facts",
            _problem("book.xlsx [FACTS1]", None, None, "one sheet for the table facts"),
        ),
        _copy_sheet("FACTS1"),
    )
    write_workbook_case(
        "excel-sheet-alias-only",
        _accepted("the facts sheet named in Vietnamese"),
        _rename_sheet("facts", "Số liệu"),
    )
    write_workbook_case(
        "excel-sheet-missing",
        _refused(
            "a workbook without a sources sheet",
            _problem("book.xlsx", None, None, "a sheet named sources"),
        ),
        _remove_sheet("sources"),
    )
    write_workbook_case(
        "excel-huge-typed-number",
        _refused(
            "1e30 typed as a number in a count row",
            _problem("book.xlsx [facts]", 2, "value", "at most 200,000"),
        ),
        _set_value(2, 1e30),
    )


def build_files() -> None:
    """Two files for one table, and files that are no CSV."""
    write_case(
        "table-two-files-alias",
        _refused(
            "figures.csv beside facts.csv: both are the facts table",
            _problem("figures.csv", None, None, "facts.csv and figures.csv"),
        ),
        texts={"facts": _csv_text(BASE["facts"], FACT_COLUMNS)},
    )
    (CASES / "table-two-files-alias" / "figures.csv").write_bytes(
        (CASES / "table-two-files-alias" / FACTS).read_bytes()
    )
    write_case(
        "table-two-files-copy",
        _refused(
            "facts.csv and a copy Facts (2).csv",
            _problem("facts.csv", None, None, "one file for the table facts"),
        ),
    )
    (CASES / "table-two-files-copy" / "Facts (2).csv").write_bytes(
        (CASES / "table-two-files-copy" / FACTS).read_bytes()
    )
    write_case(
        "table-alias-file-only", _accepted("the facts file named so_lieu.csv"), skip=("facts",)
    )
    (CASES / "table-alias-file-only" / "so_lieu.csv").write_text(
        _csv_text(BASE["facts"], FACT_COLUMNS), encoding="utf-8"
    )
    write_case(
        "file-xlsx-renamed-csv",
        _refused(
            "an Excel workbook saved as facts.csv", _problem(FACTS, None, None, "ZIP archive")
        ),
        raw={"facts": _zip_bytes(["[Content_Types].xml", "xl/workbook.xml"])},
    )
    write_case(
        "file-zip-as-csv",
        _refused(
            "a zipped folder named sources.csv", _problem("sources.csv", None, None, "ZIP archive")
        ),
        raw={"sources": _zip_bytes(["sources.csv"])},
    )
    write_case(
        "file-pdf-as-csv",
        _refused(
            "a PDF named districts.csv", _problem("districts.csv", None, None, "a PDF document")
        ),
        raw={"districts": b"%PDF-1.4\n% test data\n"},
    )
    write_case(
        "file-xls-as-csv",
        _refused(
            "an old Excel .xls named facts.csv", _problem(FACTS, None, None, "old Excel .xls")
        ),
        raw={"facts": bytes.fromhex("d0cf11e0a1b11ae1") + bytes(64)},
    )
    write_case(
        "header-not-found",
        _refused(
            "a facts file whose first rows name no column",
            _problem(FACTS, None, None, "a header row within the first rows"),
        ),
        texts={"facts": "a,b,c\n1,2,3\n"},
    )


def build_numbers() -> None:
    """Numbers too large, not finite, or written in ways that are still fine."""
    value = "value"

    def one(name, description, fact, new, outcome):
        write_case(
            name,
            {**outcome, "description": description},
            tables=_changed(facts=[(fact, {value: new})]),
        )

    bound = "at most 200,000"
    one(
        "numbers-overflow-400-digits",
        "a count of 400 nines",
        0,
        "9" * 400,
        _refused("", _problem(FACTS, 2, value, "overflows")),
    )
    one(
        "numbers-401-digits-decimal",
        "401 digits with a decimal comma",
        0,
        "9" * 401 + ",5",
        _refused("", _problem(FACTS, 2, value, "overflows")),
    )
    one(
        "numbers-ten-to-the-thirty",
        "10^30 members",
        0,
        "1" + "0" * 30,
        _refused("", _problem(FACTS, 2, value, bound, "1" + "0" * 30)),
    )
    one(
        "numbers-above-bound",
        "250000 members in one district",
        0,
        "250000",
        _refused("", _problem(FACTS, 2, value, bound, "250000")),
    )
    one(
        "numbers-admissions-above-bound",
        "300000 admissions",
        1,
        "300000",
        _refused("", _problem(FACTS, 3, value, bound, "300000")),
    )
    one(
        "numbers-at-bound",
        "200000 members: the bound itself is accepted",
        0,
        "200000",
        _accepted("", values={"f1": {value: 200000}}),
    )
    one(
        "numbers-word-infinity",
        "'inf' written as a count",
        0,
        "inf",
        _refused("", _problem(FACTS, 2, value, "a number such as", "inf")),
    )
    one(
        "numbers-nan",
        "'NaN' written as a count",
        0,
        "NaN",
        _refused("", _problem(FACTS, 2, value, "a number such as", "NaN")),
    )
    one(
        "numbers-exponent",
        "4.014e3 written as a count",
        0,
        "4.014e3",
        _refused("", _problem(FACTS, 2, value, "a number such as", "4.014e3")),
    )
    one(
        "numbers-decimal-count",
        "4014,5 members",
        0,
        "4014,5",
        _refused("", _problem(FACTS, 2, value, "whole number for a count", "4014,5")),
    )
    one(
        "numbers-spaced-thousands",
        "4 014 with a thin space",
        0,
        "4\u2009014",
        _accepted("", values={"f1": {value: 4014}}),
    )
    one(
        "numbers-negative-share",
        "a share of -3 %",
        4,
        "-3",
        _refused("", _problem(FACTS, 6, value, "a share within 0-100", "-3")),
    )


def build_text() -> None:
    """Invisible and look-alike characters, typos in codes."""
    write_case(
        "ids-zero-width-duplicate",
        _refused(
            "fact ids f1 and f\u200b1 differ only by a zero-width space",
            _problem(FACTS, 3, "fact_id", "a unique fact_id; row 2"),
        ),
        tables=_changed(facts=[(1, {"fact_id": "f\u200b1"})]),
    )
    write_case(
        "ids-soft-hyphen-duplicate",
        _refused(
            "source ids c-1 and c-\u00ad1 differ only by a soft hyphen",
            _problem("sources.csv", 3, "source_id", "a unique source_id; row 2"),
        ),
        tables=_changed(sources=[(1, {"source_id": "c-\u00ad1"})]),
    )
    write_case(
        "text-bidi-override",
        _accepted(
            "a right-to-left override and an isolate in a note and a name: stripped",
            values={"f1": {"note": "test data"}},
            districts={"sop-cop-son-la": {"name": "Sốp Cộp"}},
            notes=["invisible character"],
        ),
        tables=_changed(
            facts=[(0, {"note": "test \u202edata\u2069"})],
            districts=[(0, {"name": "Sốp \u2066Cộp"})],
        ),
    )
    write_case(
        "text-soft-hyphen-and-joiner",
        _accepted(
            "a soft hyphen and a zero-width joiner inside a name: stripped",
            districts={"sa-thay-kon-tum": {"name": "Sa Thầy"}},
        ),
        tables=_changed(districts=[(1, {"name": "Sa Th\u00adầ\u200dy"})]),
    )
    write_case(
        "vocabulary-typo-suggestion",
        _refused(
            "metric 'đảng viênn' (a typo)",
            _problem(FACTS, 2, "metric", "did you mean 'đảng viên'", "đảng viênn"),
        ),
        tables=_changed(facts=[(0, {"metric": "đảng viênn"})]),
    )
    write_case(
        "vocabulary-unit-typo",
        _refused(
            "unit 'cout' (a typo)", _problem(FACTS, 2, "unit", "did you mean 'count'", "cout")
        ),
        tables=_changed(facts=[(0, {"unit": "cout"})]),
    )
    write_case(
        "vocabulary-percent-sign-unit",
        _accepted("unit written as %", values={"f5": {"unit": "percent", "value": 15.2}}),
        tables=_changed(facts=[(4, {"unit": "%"})]),
    )
    write_case(
        "dates-year-0001",
        {
            **_refused(
                "a period starting in year 0001",
                _problem(FACTS, 3, "period_start", "outside 1900-2100", "0001"),
            ),
            "error_count": 1,
        },
        tables=_changed(facts=[(1, {"period_start": "0001"})]),
    )
    write_case(
        "dates-month-13",
        _refused(
            "month 13", _problem(FACTS, 2, "period_end", "month 13 does not exist", "2023-13")
        ),
        tables=_changed(facts=[(0, {"period_end": "2023-13"})]),
    )
    write_case(
        "dates-month-year",
        _accepted(
            "an end written 12/2023 (month/year)", values={"f1": {"period_end_text": "2023-12"}}
        ),
        tables=_changed(facts=[(0, {"period_end": "12/2023"})]),
    )
    unknown = ",".join(f"extra{i}" for i in range(300))
    text = _csv_text(BASE["facts"], FACT_COLUMNS).splitlines()
    text = [text[0] + "," + unknown] + [line + "," * 300 for line in text[1:]]
    write_case(
        "header-300-unknown-columns",
        _accepted(
            "300 columns the schema does not know: one summarised warning",
            warnings=["300 unknown columns"],
            most_warnings=1,
        ),
        texts={"facts": "\n".join(text) + "\n"},
    )


def build_districts() -> None:
    """Districts whose declared name, code or region contradicts the register."""
    write_case(
        "district-name-contradicts-register",
        _accepted("Hoàn Kiếm declared under the id of Sốp Cộp", warnings=["Hoàn Kiếm", "Sốp Cộp"]),
        tables=_changed(districts=[(0, {"name": "Hoàn Kiếm", "gso_code": ""})]),
    )
    write_case(
        "district-name-cyrillic-letter",
        _accepted("Sốp Cộp written with a Cyrillic р", warnings=["register's name"]),
        tables=_changed(districts=[(0, {"name": "Sốp Cộр", "gso_code": ""})]),
    )
    write_case(
        "district-name-upper-case",
        _accepted("SỐP CỘP in capitals and NFD: the same name", most_warnings=0),
        tables=_changed(districts=[(0, {"name": "SỐP CỘP"})]),
    )
    write_case(
        "district-province-prefix",
        _accepted(
            "the province written 'Tỉnh Sơn La'",
            districts={"sop-cop-son-la": {"province": "Sơn La"}},
        ),
        tables=_changed(districts=[(0, {"province": "Tỉnh Sơn La"})]),
    )
    write_case(
        "district-region-wrong",
        _refused(
            "Sốp Cộp placed in the Central Highlands",
            _problem(
                "districts.csv",
                2,
                "region",
                "Trung du và miền núi phía Bắc for a district",
                "Tây Nguyên",
            ),
        ),
        tables=_changed(districts=[(0, {"region": "Tây Nguyên"})]),
    )
    write_case(
        "district-gso-code-of-another",
        _refused(
            "Sốp Cộp given Sa Thầy's GSO code",
            _problem("districts.csv", 2, "gso_code", "616 is", "616"),
        ),
        tables=_changed(districts=[(0, {"gso_code": "616"})]),
    )


def build() -> None:
    """Writes every case of this module."""
    for builder in (build_quotes, build_workbooks, build_files, build_numbers, build_text,
                    build_districts):  # fmt: skip
        builder()
