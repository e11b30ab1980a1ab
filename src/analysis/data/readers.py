"""Reading the files of a dataset into tables of text, whatever their encoding and layout.

Accepted: a folder of CSV files or an Excel workbook with one sheet per table; UTF-8 (with or
without byte-order mark), UTF-16, and Windows-1258 when the text proves to be Vietnamese; `,`
`;` tab or `|` separators; a title row above the header; header names in Vietnamese or English
as `schema` lists them; merged header cells in workbooks. Type checks happen in `validation`.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.data.problems import Problem
from analysis.data.schema import TABLES, Table
from analysis.text.vietnamese import fold

HEADER_SEARCH_ROWS = 10
_SEPARATORS = (",", ";", "\t", "|")
_VIETNAMESE_ONLY = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323]")
_C1_CONTROLS = re.compile("[\u0080-\u009f]")


@dataclass
class RawTable:
    """A table read as text, before type checks.

    Attributes:
        table: The schema table it was matched to.
        file: Display name of the file (or "workbook.xlsx [sheet]").
        frame: One column per schema field found (canonical names), all text, indexed by
            spreadsheet row number.
        headers: Canonical column name to the header as the file spells it.
        notes: Normalisations applied while reading, for the check summary.
        problems: Problems found while reading.
    """

    table: Table
    file: str
    frame: pd.DataFrame
    headers: dict[str, str]
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _header_key(text: str) -> str:
    return fold(str(text)).replace(" ", "_")


def _column_index(table: Table) -> dict[str, str]:
    index = {}
    for f in table.fields:
        for name in (f.name, *f.aliases):
            index[_header_key(name)] = f.name
    return index


def decode_bytes(data: bytes, file: str, encoding: str | None = None) -> tuple[str, str]:
    """Decodes file content, detecting the encoding when none is given.

    Returns:
        The text and a description of the encoding used.

    Raises:
        ValueError: With a message for the user when the encoding cannot be decided.
    """
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise ValueError(f"cannot be read as {encoding}: {exc}") from None
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), f"{name} (byte-order mark)"
            except UnicodeDecodeError as exc:
                raise ValueError(f"starts with a {name} byte-order mark but {exc}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    even_nuls = data[1::2].count(0) / max(1, len(data) // 2)
    odd_nuls = data[0::2].count(0) / max(1, len(data) // 2)
    if even_nuls > 0.3 or odd_nuls > 0.3:
        name = "utf-16-le" if even_nuls > odd_nuls else "utf-16-be"
        try:
            return data.decode(name), f"{name} (no byte-order mark; detected from zero bytes)"
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = ""
    if text and _VIETNAMESE_ONLY.search(text) and not _C1_CONTROLS.search(text):
        return unicodedata.normalize("NFC", text), "windows-1258 (not UTF-8; detected)"
    raise ValueError(
        "the encoding cannot be decided: the file is not UTF-8 or UTF-16, and as Windows-1258 "
        "it does not read as Vietnamese; save it as UTF-8 ('CSV UTF-8' in Excel) or pass the "
        "encoding explicitly (load_dataset(path, encoding=...), --encoding)"
    )


def _detect_separator(text: str, table: Table) -> str:
    index = _column_index(table)
    best, best_score = ",", (-1, -1)
    lines = [line for line in text[:65536].splitlines()[:HEADER_SEARCH_ROWS] if line.strip()]
    for sep in _SEPARATORS:
        known = 0
        for line in lines:
            try:
                cells = next(csv.reader([line], delimiter=sep))
            except (csv.Error, StopIteration):
                continue
            known = max(known, sum(_header_key(c) in index for c in cells))
        count = sum(line.count(sep) for line in lines[:1])
        if (known, count) > best_score:
            best, best_score = sep, (known, count)
    return best


def _find_header(rows: list[list[str]], table: Table) -> int | None:
    index = _column_index(table)
    for i, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = [_header_key(c) for c in cells if str(c).strip()]
        if keys and sum(k in index for k in keys) >= max(1, len(table.fields) // 3):
            return i
    return None


def _map_header(
    cells: list[str],
    table: Table,
    file: str,
    row_number: int,
    notes: list[str],
    problems: list[Problem],
) -> tuple[dict[str, str], dict[str, int]]:
    """Matches header cells to schema columns; returns spellings and positions by column."""
    index = _column_index(table)
    headers: dict[str, str] = {}
    positions: dict[str, int] = {}
    for pos, cell in enumerate(cells):
        spelled = str(cell).strip()
        if not spelled:
            continue
        canonical = index.get(_header_key(spelled))
        if canonical is None:
            problems.append(
                Problem(
                    file,
                    row_number,
                    spelled,
                    None,
                    f"a known column ({', '.join(table.column_names)}); this column is ignored",
                    "warning",
                )
            )
            continue
        if canonical in headers:
            problems.append(
                Problem(
                    file,
                    row_number,
                    spelled,
                    spelled,
                    f"each column once; {headers[canonical]!r} already provides {canonical}",
                )
            )
            continue
        headers[canonical] = spelled
        positions[canonical] = pos
        if spelled != canonical:
            notes.append(f"{file}: column {spelled!r} read as {canonical}")
    for f in table.fields:
        if f.required and f.name not in headers:
            problems.append(
                Problem(file, row_number, f.name, None, f"a column {f.name!r} ({f.description})")
            )
    return headers, positions


def _strip(values: pd.Series) -> tuple[np.ndarray, bool]:
    """Strips white space, working on distinct values only (files repeat values a lot)."""
    codes, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=False)
    stripped = np.array(["" if u is None else str(u).strip() for u in uniques], dtype=object)
    changed = any(a != b for a, b in zip(stripped, uniques, strict=True))
    return stripped[codes], changed


def _finish(
    body: pd.DataFrame,
    table: Table,
    file: str,
    header_row_number: int,
    headers: dict[str, str],
    positions: dict[str, int],
    notes: list[str],
    problems: list[Problem],
) -> RawTable:
    """Turns the cells below the header (columns by position) into a RawTable."""
    body = body.fillna("")
    body.index = pd.RangeIndex(header_row_number + 1, header_row_number + 1 + len(body))
    columns, blank, changed = {}, np.ones(len(body), dtype=bool), False
    for position in body.columns:
        values, was_changed = _strip(body[position])
        changed |= was_changed
        blank &= values == ""
        columns[position] = values
    frame = pd.DataFrame(
        {
            name: columns.get(pos, np.full(len(body), "", dtype=object))
            for name, pos in positions.items()
        },
        index=body.index,
        dtype=object,
    )
    if changed:
        notes.append(f"{file}: removed spaces around values")
    if blank.any():
        notes.append(f"{file}: skipped {int(blank.sum())} blank row(s)")
    return RawTable(table, file, frame[~blank], headers, notes, problems)


def _build_table(
    rows: list[list[str]], table: Table, file: str, notes: list[str], first_row_number: int = 1
) -> RawTable:
    """Turns rows of text (header somewhere in the first rows) into a RawTable."""
    problems: list[Problem] = []
    empty = pd.DataFrame(columns=list(table.column_names), dtype=object)
    if not any(any(str(c).strip() for c in r) for r in rows):
        problems.append(
            Problem(file, None, None, None, "a header row naming the columns; the file is empty")
        )
        return RawTable(table, file, empty, {}, notes, problems)
    header_at = _find_header(rows, table)
    if header_at is None:
        names = ", ".join(table.column_names)
        problems.append(
            Problem(file, None, None, None, f"a header row within the first rows naming: {names}")
        )
        return RawTable(table, file, empty, {}, notes, problems)
    if header_at:
        notes.append(f"{file}: skipped {header_at} title row(s) above the header")
    header_row_number = first_row_number + header_at
    headers, positions = _map_header(
        rows[header_at], table, file, header_row_number, notes, problems
    )
    body = rows[header_at + 1 :]
    width = len(rows[header_at])
    for offset, r in enumerate(body):
        extra = [c for c in r[width:] if str(c).strip()]
        if extra:
            problems.append(
                Problem(
                    file,
                    header_row_number + 1 + offset,
                    None,
                    str(extra[0]),
                    f"at most {width} cells, as many as the header has",
                )
            )
    cells = pd.DataFrame(
        [list(r[:width]) + [""] * (width - len(r)) for r in body],
        columns=range(width),
        dtype=object,
    )
    return _finish(cells, table, file, header_row_number, headers, positions, notes, problems)


def _read_fast(text: str, sep: str, table: Table, file: str, notes: list[str]) -> RawTable | None:
    """Reads a regular CSV with pandas' C parser; None when the file needs the careful path
    (ragged rows, no header found in the first lines)."""
    head = list(
        csv.reader(
            io.StringIO("\n".join(text[:65536].splitlines()[:HEADER_SEARCH_ROWS])), delimiter=sep
        )
    )
    header_at = _find_header(head, table)
    if header_at is None:
        return None
    width = len(head[header_at])
    try:
        body = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            header=None,
            skiprows=header_at + 1,
            index_col=False,
            dtype=object,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
        )
    except (pd.errors.ParserError, ValueError):
        return None
    if body.shape[1] > width:
        return None  # cells beyond the header: the careful path names their rows
    for position in range(body.shape[1], width):
        body[position] = ""
    if header_at:
        notes.append(f"{file}: skipped {header_at} title row(s) above the header")
    problems: list[Problem] = []
    header_row_number = 1 + header_at
    headers, positions = _map_header(
        head[header_at], table, file, header_row_number, notes, problems
    )
    return _finish(body, table, file, header_row_number, headers, positions, notes, problems)


def read_csv_table(
    path: Path, table: Table, display: str | None = None, encoding: str | None = None
) -> RawTable:
    """Reads one CSV file of a dataset folder."""
    file = display or path.name
    notes: list[str] = []
    data = path.read_bytes()
    try:
        text, used = decode_bytes(data, file, encoding)
    except ValueError as exc:
        empty = pd.DataFrame(columns=list(table.column_names), dtype=object)
        return RawTable(table, file, empty, {}, notes, [Problem(file, None, None, None, str(exc))])
    if used not in ("utf-8", "utf-8-sig (byte-order mark)"):
        notes.append(f"{file}: decoded as {used}")
    text = text.lstrip("\ufeff")
    sep = _detect_separator(text, table)
    if sep != ",":
        notes.append(f"{file}: separator {sep!r}")
    fast = _read_fast(text, sep, table, file, notes) if text.strip() else None
    if fast is not None:
        return fast
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    except csv.Error as exc:
        problem = Problem(file, None, None, None, f"well-formed CSV ({exc})")
        empty = pd.DataFrame(columns=list(table.column_names), dtype=object)
        return RawTable(table, file, empty, {}, notes, [problem])
    return _build_table(rows, table, file, notes)


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
        return repr(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _sheet_rows(sheet) -> list[list[str]]:
    merged_values = {}
    for merged in list(sheet.merged_cells.ranges):
        top_left = sheet.cell(merged.min_row, merged.min_col).value
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                merged_values[(row, col)] = top_left
    rows = []
    for r, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        rows.append(
            [_cell_text(merged_values.get((r, c), value)) for c, value in enumerate(row, start=1)]
        )
    return rows


def read_workbook(path: Path) -> tuple[dict[str, RawTable], list[Problem]]:
    """Reads an Excel workbook with one sheet per table (names as in schema, or aliases)."""
    from openpyxl import load_workbook

    problems: list[Problem] = []
    try:
        book = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        return {}, [Problem(path.name, None, None, None, f"a readable .xlsx workbook ({exc})")]
    by_key = {}
    for table in TABLES.values():
        for name in (table.name, *table.aliases):
            by_key[_header_key(name)] = table
    tables: dict[str, RawTable] = {}
    for sheet in book.worksheets:
        table = by_key.get(_header_key(sheet.title))
        if table is None:
            problems.append(
                Problem(
                    f"{path.name} [{sheet.title}]",
                    None,
                    None,
                    None,
                    f"a sheet named {', '.join(TABLES)}; this sheet is ignored",
                    "warning",
                )
            )
            continue
        file = f"{path.name} [{sheet.title}]"
        notes: list[str] = []
        if sheet.merged_cells.ranges:
            notes.append(f"{file}: filled {len(sheet.merged_cells.ranges)} merged cell range(s)")
        tables[table.name] = _build_table(_sheet_rows(sheet), table, file, notes)
    return tables, problems


def find_table_file(folder: Path, table: Table) -> Path | None:
    """Finds the CSV of a table in a folder: `<name>.csv` or an alias, any letter case."""
    wanted = {_header_key(n) for n in (table.name, *table.aliases)}
    for candidate in sorted(folder.iterdir()):
        is_table = candidate.suffix.lower() in (".csv", ".tsv", ".txt") and candidate.is_file()
        if is_table and _header_key(candidate.stem) in wanted:
            return candidate
    return None


def read_folder(folder: Path, encoding: str | None = None) -> tuple[dict[str, RawTable], list]:
    """Reads every table of a dataset folder; a missing file is a problem."""
    tables: dict[str, RawTable] = {}
    problems: list[Problem] = []
    for table in TABLES.values():
        path = find_table_file(folder, table)
        if path is None:
            problems.append(
                Problem(
                    f"{folder.name}/{table.filename}",
                    None,
                    None,
                    None,
                    f"a file {table.filename} in {folder} ({table.description})",
                )
            )
            continue
        tables[table.name] = read_csv_table(path, table, path.name, encoding)
    return tables, problems
