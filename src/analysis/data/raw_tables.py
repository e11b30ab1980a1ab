"""Tables of text as read from a file, before any cleaning: header matching and row numbers.

Shared by the CSV and the workbook readers. A RawTable keeps every cell as text, indexed by
spreadsheet row number, with the header as the file spells it; workbook readers add what
the cells themselves say (numbers, percent formats, formulas without a saved result).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.data.problems import Problem, Severity
from analysis.data.schema import Table
from analysis.data.table_files import header_key

HEADER_SEARCH_ROWS = 10
UNKNOWN_COLUMNS_LISTED = 5


@dataclass
class CellFacts:
    """What workbook cells say beyond their text, for one column (indexed like the frame).

    Attributes:
        number: The cell's number where the cell holds a number (NaN elsewhere).
        percent_format: Whether the cell's number format shows it as a percent.
        formula: The formula of a cell that has no saved result ("" elsewhere).
    """

    number: pd.Series
    percent_format: pd.Series
    formula: pd.Series


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
        positions: Canonical column name to its position in the file's rows.
        cells: For workbooks, what the cells of each column say beyond their text.
    """

    table: Table
    file: str
    frame: pd.DataFrame
    headers: dict[str, str]
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    positions: dict[str, int] = field(default_factory=dict)
    cells: dict[str, CellFacts] = field(default_factory=dict)


def empty_table(table: Table, file: str, problems: list[Problem], notes=None) -> RawTable:
    """Returns a table with no rows, carrying the problems that left it empty."""
    frame = pd.DataFrame(columns=list(table.column_names), dtype=object)
    return RawTable(table, file, frame, {}, notes or [], problems)


def _column_index(table: Table) -> dict[str, str]:
    index = {}
    for f in table.fields:
        for name in (f.name, *f.aliases):
            index[header_key(name)] = f.name
    return index


def find_header(rows: list[list[str]], table: Table) -> int | None:
    """Returns the index of the header among the first rows, or None."""
    index = _column_index(table)
    for i, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = [header_key(c) for c in cells if str(c).strip()]
        if keys and sum(k in index for k in keys) >= max(1, len(table.fields) // 3):
            return i
    return None


def _unknown_columns(unknown: list[str], table: Table, file: str, row: int) -> list[Problem]:
    known = ", ".join(table.column_names)
    if len(unknown) <= UNKNOWN_COLUMNS_LISTED:
        return [
            Problem(
                file, row, name, None, f"a known column ({known}); this column is ignored",
                Severity.WARNING,
            )
            for name in unknown
        ]  # fmt: skip
    first = ", ".join(repr(n) for n in unknown[:UNKNOWN_COLUMNS_LISTED])
    return [
        Problem(
            file, row, None, None,
            f"known columns ({known}); {len(unknown)} unknown columns such as {first} "
            "are ignored",
            Severity.WARNING,
        )
    ]  # fmt: skip


def map_header(cells, table: Table, file: str, row_number: int, notes, problems) -> tuple:
    """Matches header cells to schema columns; returns spellings and positions by column."""
    index = _column_index(table)
    headers: dict[str, str] = {}
    positions: dict[str, int] = {}
    unknown: list[str] = []
    for pos, cell in enumerate(cells):
        spelled = str(cell).strip()
        if not spelled:
            continue
        canonical = index.get(header_key(spelled))
        if canonical is None:
            unknown.append(spelled)
        elif canonical in headers:
            problems.append(
                Problem(
                    file, row_number, spelled, spelled,
                    f"each column once; {headers[canonical]!r} already provides {canonical}",
                )
            )  # fmt: skip
        else:
            headers[canonical] = spelled
            positions[canonical] = pos
            if spelled != canonical:
                notes.append(f"{file}: column {spelled!r} read as {canonical}")
    problems.extend(_unknown_columns(unknown, table, file, row_number))
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


def finish_table(body: pd.DataFrame, table: Table, file: str, header_row_number: int,
                 header: tuple[dict, dict], notes: list[str], problems: list[Problem]) -> RawTable:  # fmt: skip
    """Turns the cells below the header (columns by position) into a RawTable."""
    headers, positions = header
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
    return RawTable(table, file, frame[~blank], headers, notes, problems, positions)


def build_table(rows: list[list[str]], table: Table, file: str, notes: list[str],
                first_row_number: int = 1) -> RawTable:  # fmt: skip
    """Turns rows of text (header somewhere in the first rows) into a RawTable."""
    if not any(any(str(c).strip() for c in r) for r in rows):
        problem = Problem(
            file, None, None, None, "a header row naming the columns; the file is empty"
        )
        return empty_table(table, file, [problem], notes)
    header_at = find_header(rows, table)
    if header_at is None:
        names = ", ".join(table.column_names)
        problem = Problem(
            file, None, None, None, f"a header row within the first rows naming: {names}"
        )
        return empty_table(table, file, [problem], notes)
    if header_at:
        notes.append(f"{file}: skipped {header_at} title row(s) above the header")
    header_row_number = first_row_number + header_at
    problems: list[Problem] = []
    header = map_header(rows[header_at], table, file, header_row_number, notes, problems)
    body = rows[header_at + 1 :]
    width = len(rows[header_at])
    for offset, r in enumerate(body):
        extra = [c for c in r[width:] if str(c).strip()]
        if extra:
            problems.append(
                Problem(
                    file, header_row_number + 1 + offset, None, str(extra[0]),
                    f"at most {width} cells, as many as the header has",
                )
            )  # fmt: skip
    cells = pd.DataFrame(
        [list(r[:width]) + [""] * (width - len(r)) for r in body],
        columns=range(width),
        dtype=object,
    )
    return finish_table(cells, table, file, header_row_number, header, notes, problems)
