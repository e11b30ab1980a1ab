"""Problems found in a dataset, reported together and each pointing at file, row and column."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong (error) or worth knowing (warning) about an input file.

    Attributes:
        file: The file, or "workbook.xlsx [sheet]" for a sheet of a workbook.
        row: Spreadsheet row number (the header is row 1 unless a title row precedes it),
            or None when the problem is about the whole file or column.
        column: Column name as the file spells it, or None.
        value: The value seen, or None.
        expected: What was expected instead.
        severity: 'error' (the dataset is refused) or 'warning' (accepted, but read this).
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    expected: str
    severity: str = "error"

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column}")
        seen = "" if self.value is None else f"found {self.value!r}; "
        return f"{', '.join(where)}: {seen}expected {self.expected}"


class DatasetError(ValueError):
    """A dataset that cannot be loaded, with every problem found in it."""

    def __init__(self, problems: list[Problem], origin: str = "dataset") -> None:
        self.problems = [p for p in problems if p.severity == "error"]
        self.warnings = [p for p in problems if p.severity != "error"]
        shown = "\n".join(f"  - {p}" for p in self.problems[:50])
        more = len(self.problems) - 50
        tail = f"\n  … and {more} more" if more > 0 else ""
        super().__init__(f"{origin}: {len(self.problems)} problem(s) found\n{shown}{tail}")
