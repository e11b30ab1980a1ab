"""Reading an Excel workbook with one sheet per table, in openpyxl's read-only mode.

Read-only mode streams the cells instead of building the whole workbook in memory; it does
not expose merged cells, so their ranges are read from the sheet's XML. Beyond each cell's
text, the reader keeps what the cell itself says: a number typed as a number (which carries
no Vietnamese or English number convention), a percent number format (Excel shows 0.152 as
15.2 %), and a formula that has no saved result (the file was written by a program that does
not calculate).
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.data.problems import Problem, Severity
from analysis.data.raw_tables import CellFacts, RawTable, build_table
from analysis.data.schema import TABLES
from analysis.data.table_files import table_for_name

_MERGE = re.compile(rb'<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"')
_FORMULA = re.compile(rb"<f[ >/]")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.hour == value.minute == value.second == 0:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


def _sheet_xml(path: Path, sheet) -> bytes:
    # openpyxl's read-only sheets know their part in the archive but do not expose merges.
    with zipfile.ZipFile(path) as archive:
        return archive.read(sheet._worksheet_path)


def _merged_values(xml: bytes, rows: list[list]) -> int:
    """Fills every cell of a merged range with its top-left value; returns the ranges."""
    from openpyxl.utils.cell import range_boundaries

    ranges = [range_boundaries(m.decode()) for m in _MERGE.findall(xml)]
    for min_col, min_row, max_col, max_row in ranges:
        if min_row > len(rows):
            continue
        top_left = rows[min_row - 1][min_col - 1] if min_col <= len(rows[min_row - 1]) else None
        for r in range(min_row, min(max_row, len(rows)) + 1):
            row = rows[r - 1]
            row.extend([None] * (max_col - len(row)))
            for c in range(min_col, max_col + 1):
                row[c - 1] = top_left
    return len(ranges)


def _read_cells(sheet) -> tuple[list[list], dict, dict]:
    """Returns the values by row, and the numbers and percent formats by (row, column)."""
    values, numbers, percent = [], {}, {}
    for r, row in enumerate(sheet.iter_rows(min_row=1), start=1):
        line = []
        for c, cell in enumerate(row, start=1):
            value = getattr(cell, "value", None)
            line.append(value)
            if isinstance(value, int | float) and not isinstance(value, bool):
                numbers[(r, c)] = float(value)
                percent[(r, c)] = "%" in (getattr(cell, "number_format", "") or "")
        values.append(line)
    return values, numbers, percent


def _unsaved_formulas(path: Path, title: str, values: list[list]) -> dict:
    """Returns the formulas of cells that have no saved result, by (row, column)."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False)
    formulas = {}
    try:
        for r, row in enumerate(book[title].iter_rows(min_row=1, values_only=True), start=1):
            for c, value in enumerate(row, start=1):
                saved = (
                    values[r - 1][c - 1] if r <= len(values) and c <= len(values[r - 1]) else None
                )
                if isinstance(value, str) and value.startswith("=") and saved is None:
                    formulas[(r, c)] = value
    finally:
        book.close()
    return formulas


def _cell_facts(raw: RawTable, numbers: dict, percent: dict, formulas: dict) -> None:
    """Attaches what the cells say to each column of the table read from the sheet."""
    index = raw.frame.index
    for column, position in raw.positions.items():
        col = position + 1
        number = [numbers.get((r, col), np.nan) for r in index]
        raw.cells[column] = CellFacts(
            number=pd.Series(number, index=index, dtype=float),
            percent_format=pd.Series([percent.get((r, col), False) for r in index], index=index),
            formula=pd.Series([formulas.get((r, col), "") for r in index], index=index),
        )


def _read_sheet(path: Path, sheet, table, file: str) -> RawTable:
    xml = _sheet_xml(path, sheet)
    values, numbers, percent = _read_cells(sheet)
    merged = _merged_values(xml, values)
    formulas = _unsaved_formulas(path, sheet.title, values) if _FORMULA.search(xml) else {}
    for (r, c), formula in formulas.items():
        values[r - 1][c - 1] = formula
    notes = [f"{file}: filled {merged} merged cell range(s)"] if merged else []
    rows = [[_cell_text(v) for v in row] for row in values]
    raw = build_table(rows, table, file, notes)
    _cell_facts(raw, numbers, percent, formulas)
    return raw


def _sheet_problem(file: str, expected: str, severity=Severity.ERROR) -> Problem:
    return Problem(file, None, None, None, expected, severity)


def read_workbook(path: Path) -> tuple[dict[str, RawTable], list[Problem]]:
    """Reads an Excel workbook with one sheet per table (names as in schema, or aliases).

    Two sheets for one table (`facts` beside `Số liệu`, or beside its copy `FACTS1`) are an
    error naming both: neither silently replaces the other.
    """
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except PermissionError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        return {}, [_sheet_problem(path.name, f"a readable .xlsx workbook ({exc})")]
    tables: dict[str, RawTable] = {}
    problems: list[Problem] = []
    try:
        for sheet in book.worksheets:
            file = f"{path.name} [{sheet.title}]"
            table, _ = table_for_name(sheet.title)
            if table is None:
                expected = f"a sheet named {', '.join(TABLES)}; this sheet is ignored"
                problems.append(_sheet_problem(file, expected, Severity.WARNING))
            elif table.name in tables:
                first = tables[table.name].file
                expected = (
                    f"one sheet for the table {table.name}; {first} and {file} both provide it "
                    "(remove or rename one)"
                )
                problems.append(_sheet_problem(file, expected))
            else:
                tables[table.name] = _read_sheet(path, sheet, table, file)
    finally:
        book.close()
    return tables, problems
