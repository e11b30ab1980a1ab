"""Reading the files of a dataset into tables of text, whatever their encoding and layout.

Accepted: a folder of CSV files or an Excel workbook with one sheet per table (see
`workbook`); the encodings of `decoding`; `,` `;` tab or `|` separators; a title row above
the header; header names in Vietnamese or English as `schema` lists them. Every record in
the file must be read: a stray double quote that would swallow the rows after it is an
error naming the row where it opens. Cleaning happens in `normalise`, checks in `rules`.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from analysis.data.decoding import binary_kind, decode_bytes
from analysis.data.problems import DataPathError, Problem
from analysis.data.raw_tables import (
    HEADER_SEARCH_ROWS,
    RawTable,
    build_table,
    empty_table,
    find_header,
    finish_table,
    header_key,
    map_header,
)
from analysis.data.schema import TABLES, Table
from analysis.data.table_files import file_kind, table_files
from analysis.data.workbook import read_workbook

__all__ = ["RawTable", "decode_bytes", "read_csv_table", "read_folder", "read_workbook"]

_SEPARATORS = (",", ";", "\t", "|")
_LINE_BREAK = re.compile(r"\r\n|\n|\r")


def _detect_separator(text: str, table: Table) -> str:
    fields = {header_key(n) for f in table.fields for n in (f.name, *f.aliases)}
    best, best_score = ",", (-1, -1)
    lines = [line for line in text[:65536].splitlines()[:HEADER_SEARCH_ROWS] if line.strip()]
    for sep in _SEPARATORS:
        known = 0
        for line in lines:
            try:
                cells = next(csv.reader([line], delimiter=sep))
            except (csv.Error, StopIteration):
                continue
            known = max(known, sum(header_key(c) in fields for c in cells))
        count = sum(line.count(sep) for line in lines[:1])
        if (known, count) > best_score:
            best, best_score = sep, (known, count)
    return best


def _looks_like_record(line: str, sep: str, width: int) -> bool:
    return line.count(sep) + 1 >= width


def _swallowing_record(text: str, sep: str, header_at: int, width: int) -> tuple[int, int, int]:
    """Finds the record whose quoted cell runs over lines that are records of their own.

    Returns:
        The record's offset below the header, its first and its last physical line.
    """
    lines = _LINE_BREAK.split(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    previous, offset = 0, -header_at - 2
    try:
        for _ in reader:
            first, last = previous + 1, reader.line_num
            previous, offset = last, offset + 1
            if offset >= 0 and any(
                _looks_like_record(lines[i], sep, width) for i in range(first, last)
            ):
                return offset, first, last
    except csv.Error:
        pass
    return max(offset + 1, 0), previous + 1, len(lines)


def check_record_count(text: str, sep: str, header_at: int, width: int,
                       read: int, file: str, header_row: int) -> Problem | None:  # fmt: skip
    """Compares the records read with the lines that are records in the file.

    A line holding as many cells as the header is a record of its own; a record with a
    quoted line break spreads over lines that hold fewer. More such lines than records read
    means that a quote swallowed rows.
    """
    if text.count("\n") - header_at - 1 <= read:
        return None  # no record spans two lines: none can have swallowed another
    lines = _LINE_BREAK.split(text)[header_at + 1 :]
    in_file = sum(_looks_like_record(line, sep, width) for line in lines)
    if in_file <= read:
        return None
    offset, first, last = _swallowing_record(text, sep, header_at, width)
    return Problem(
        file, header_row + 1 + offset, None, None,
        f"a closing double quote: a quote opened in this row (line {first}) runs on to line "
        f"{last}, so {in_file - read} record(s) would be lost inside one cell; close the "
        "quote or remove it",
    )  # fmt: skip


def _read_fast(text: str, sep: str, table: Table, file: str, notes: list[str]) -> RawTable | None:
    """Reads a regular CSV with pandas' C parser; None when the file needs the careful path
    (ragged rows, no header found in the first lines, a quote left open)."""
    first_lines = "\n".join(text[:65536].splitlines()[:HEADER_SEARCH_ROWS])
    head = list(csv.reader(io.StringIO(first_lines), delimiter=sep))
    header_at = find_header(head, table)
    if header_at is None:
        return None
    width = len(head[header_at])
    try:
        body = pd.read_csv(
            io.StringIO(text), sep=sep, header=None, skiprows=header_at + 1, index_col=False,
            dtype=object, keep_default_na=False, na_filter=False, skip_blank_lines=False,
            engine="c",
        )  # fmt: skip
    except (pd.errors.ParserError, ValueError):
        return None
    if body.shape[1] > width:
        return None  # cells beyond the header: the careful path names their rows
    for position in range(body.shape[1], width):
        body[position] = ""
    if header_at:
        notes.append(f"{file}: skipped {header_at} title row(s) above the header")
    problems: list[Problem] = []
    header_row = 1 + header_at
    lost = check_record_count(text, sep, header_at, width, len(body), file, header_row)
    if lost:
        problems.append(lost)
    header = map_header(head[header_at], table, file, header_row, notes, problems)
    return finish_table(body, table, file, header_row, header, notes, problems)


def _read_careful(text: str, sep: str, table: Table, file: str, notes: list[str]) -> RawTable:
    """Reads a CSV row by row with the csv module (ragged rows, title rows, open quotes)."""
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    except csv.Error as exc:
        rows = None
        reason = str(exc)
    if rows is None:
        head = list(csv.reader(io.StringIO("\n".join(text.splitlines()[:HEADER_SEARCH_ROWS]))))
        header_at = find_header(head, table) or 0
        width = len(head[header_at]) if head else 1
        offset, first, last = _swallowing_record(text, sep, header_at, width)
        problem = Problem(
            file, header_at + 2 + offset, None, None,
            f"well-formed CSV ({reason}): a double quote opened in this row (line {first}) "
            f"is never closed before line {last}",
        )  # fmt: skip
        return empty_table(table, file, [problem], notes)
    raw = build_table(rows, table, file, notes)
    header_at = find_header(rows, table)
    if header_at is not None:
        width, read = len(rows[header_at]), len(rows) - header_at - 1
        lost = check_record_count(text, sep, header_at, width, read, file, header_at + 1)
        if lost:
            raw.problems.append(lost)
    return raw


def _read_bytes(path: Path, file: str) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError:
        raise DataPathError(f"{file}: no permission to read {path}") from None
    except IsADirectoryError:
        raise DataPathError(f"{file}: {path} is a folder, not a table file") from None


def read_csv_table(
    path: Path, table: Table, display: str | None = None, encoding: str | None = None
) -> RawTable:
    """Reads one CSV file of a dataset folder."""
    file = display or path.name
    notes: list[str] = []
    data = _read_bytes(path, file)
    kind = binary_kind(data)
    if kind:
        expected = f"a CSV text file; this file is {kind}"
        return empty_table(table, file, [Problem(file, None, None, None, expected)], notes)
    try:
        text, used = decode_bytes(data, file, encoding)
    except ValueError as exc:
        return empty_table(table, file, [Problem(file, None, None, None, str(exc))], notes)
    if used not in ("utf-8", "utf-8-sig (byte-order mark)"):
        notes.append(f"{file}: decoded as {used}")
    text = text.lstrip("\ufeff")
    sep = _detect_separator(text, table)
    if sep != ",":
        notes.append(f"{file}: separator {sep!r}")
    fast = _read_fast(text, sep, table, file, notes) if text.strip() else None
    return fast if fast is not None else _read_careful(text, sep, table, file, notes)


def check_data_path(path: Path) -> None:
    """Refuses a data path that is a device, a FIFO or a socket before anything opens it.

    Raises:
        DataPathError: With a message for the user.
    """
    kind = file_kind(path)
    if kind:
        raise DataPathError(
            f"{path} is {kind}, not a dataset: give a folder of CSV files or an .xlsx workbook"
        )


def read_folder(folder: Path, encoding: str | None = None) -> tuple[dict[str, RawTable], list]:
    """Reads every table of a dataset folder; a missing file, or two files for one table,
    is a problem."""
    tables: dict[str, RawTable] = {}
    found, problems = table_files(folder)
    for table in TABLES.values():
        paths = found[table.name]
        if not paths:
            expected = f"a file {table.filename} in {folder} ({table.description})"
            problems.append(Problem(f"{folder.name}/{table.filename}", None, None, None, expected))
            continue
        if len(paths) > 1:
            names = " and ".join(p.name for p in paths)
            problems.append(
                Problem(
                    paths[1].name, None, None, None,
                    f"one file for the table {table.name}; {names} both provide it "
                    "(remove or rename all but one)",
                )
            )  # fmt: skip
            continue
        tables[table.name] = read_csv_table(paths[0], table, paths[0].name, encoding)
    return tables, problems
