"""Streaming the cells of one workbook sheet straight from its XML, with expat.

openpyxl builds an object per cell, which made a workbook load some twenty times slower
than the same rows as CSV. This reader keeps only what the dataset needs: each cell's value
(as openpyxl's data-only mode gives it: shared and inline strings, numbers, booleans, dates
by the cell's number format, cached formula results), whether a number is formatted as a
percent, formulas without a saved result, and the merged ranges. The workbook's styles,
shared strings and date epoch come from openpyxl's read-only load (attributes it keeps
private; the tests read workbooks written by openpyxl and laid out as Excel writes them).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from openpyxl.styles.numbers import BUILTIN_FORMATS
from openpyxl.utils.cell import column_index_from_string, range_boundaries
from openpyxl.utils.datetime import from_excel

_TEXT_PARTS = {"v", "t", "f"}


@dataclass
class SheetCells:
    """The cells of one sheet.

    Attributes:
        values: Cell values by row (1-based rows and columns become list positions + 1).
        numbers: (row, column) to the number of a numeric cell.
        percent: (row, column) to whether that number is formatted as a percent.
        formulas: (row, column) to the formula of a cell with no saved result.
        merged: Merged ranges as (min_col, min_row, max_col, max_row).
    """

    values: list[list] = field(default_factory=list)
    numbers: dict = field(default_factory=dict)
    percent: dict = field(default_factory=dict)
    formulas: dict = field(default_factory=dict)
    merged: list = field(default_factory=list)


class _Styles:
    """Which cell styles are dates, and which are percents, from the workbook's styles."""

    def __init__(self, book) -> None:
        self.dates = set(book._date_formats)
        self.percent = set()
        for index, style in enumerate(book._cell_styles):
            fmt_id = style.numFmtId
            code = BUILTIN_FORMATS.get(fmt_id)
            if code is None and fmt_id >= 164 and fmt_id - 164 < len(book._number_formats):
                code = book._number_formats[fmt_id - 164]
            if code and "%" in code:
                self.percent.add(index)


class _Parser:
    """expat handlers that fill a SheetCells."""

    def __init__(self, book, strings: list[str]) -> None:
        self.cells = SheetCells()
        self.styles = _Styles(book)
        self.strings = strings
        self.epoch = book.epoch
        self.row, self.column, self.attrs = 0, 0, {}
        self.parts: dict[str, list[str]] = {}
        self.reading: str | None = None

    def start(self, name: str, attrs: dict) -> None:
        tag = name if ":" not in name else name.rpartition(":")[2]
        if tag == "c":
            ref = attrs.get("r")
            self.column = _column(ref) if ref else self.column + 1
            self.attrs, self.parts = attrs, {}
        elif tag in _TEXT_PARTS:
            self.reading = tag
            self.parts.setdefault(tag, [])
        elif tag == "row":
            self.row = int(attrs.get("r", self.row + 1))
            self.column = 0
        elif tag == "mergeCell":
            self.cells.merged.append(range_boundaries(attrs["ref"]))

    def text(self, data: str) -> None:
        if self.reading:
            self.parts[self.reading].append(data)

    def end(self, name: str) -> None:
        tag = name if ":" not in name else name.rpartition(":")[2]
        if tag == "c":
            self._store(self._value())
        elif tag in _TEXT_PARTS:
            self.reading = None

    def _value(self):
        kind = self.attrs.get("t", "n")
        raw = "".join(self.parts["v"]) if "v" in self.parts else None
        if kind == "inlineStr":
            return "".join(self.parts.get("t", []))
        if raw is None or raw == "":
            if "f" in self.parts:
                formula = "".join(self.parts["f"]) or "(a shared formula)"
                self.cells.formulas[(self.row, self.column)] = "=" + formula.lstrip("=")
            return None
        return self._typed(kind, raw)

    def _typed(self, kind: str, raw: str):
        if kind == "s":
            return self.strings[int(raw)]
        if kind == "b":
            return raw == "1"
        if kind in ("str", "e", "d"):
            return raw
        number = float(raw)
        if number.is_integer() and "." not in raw and "e" not in raw.lower():
            number = int(number)
        style = int(self.attrs.get("s", 0))
        if style in self.styles.dates:
            try:
                return from_excel(number, self.epoch)
            except (OverflowError, ValueError):
                return raw
        self.cells.numbers[(self.row, self.column)] = float(number)
        self.cells.percent[(self.row, self.column)] = style in self.styles.percent
        return number

    def _store(self, value) -> None:
        rows = self.cells.values
        while len(rows) < self.row:
            rows.append([])
        line = rows[self.row - 1]
        if len(line) < self.column:
            line.extend([None] * (self.column - len(line)))
        line[self.column - 1] = value


_COLUMNS: dict[str, int] = {}


def _column(ref: str) -> int:
    letters = ref.rstrip("0123456789")
    if letters not in _COLUMNS:
        _COLUMNS[letters] = column_index_from_string(letters)
    return _COLUMNS[letters]


def read_sheet_cells(path: Path, book, sheet) -> SheetCells:
    """Reads the cells of one sheet of a workbook opened by openpyxl in read-only mode."""
    # openpyxl's read-only sheets hold the shared strings and know their part in the
    # archive; they do not parse it until asked.
    parser = _Parser(book, sheet._shared_strings)
    xml = expat.ParserCreate()  # tags as written: "c", or "x:c" under a prefix
    xml.buffer_text = True
    xml.StartElementHandler = parser.start
    xml.EndElementHandler = parser.end
    xml.CharacterDataHandler = parser.text
    with zipfile.ZipFile(path) as archive, archive.open(sheet._worksheet_path) as stream:
        xml.ParseFile(stream)
    return parser.cells
