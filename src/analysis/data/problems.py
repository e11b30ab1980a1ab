"""Problems found in a dataset, reported together and each pointing at file, row and column."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How much a problem matters: an error refuses the dataset, a warning is shown."""

    ERROR = "error"
    WARNING = "warning"


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
        severity: Severity.ERROR (the dataset is refused) or Severity.WARNING (accepted,
            but read this).
        rule: Name of the rule that found it (see `python -m analysis rules`), or "" for
            problems found while reading files.
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    expected: str
    severity: Severity = Severity.ERROR
    rule: str = ""

    @property
    def is_error(self) -> bool:
        """Whether this problem refuses the dataset."""
        return self.severity == Severity.ERROR

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column}")
        seen = "" if self.value is None else f"found {self.value!r}; "
        return f"{', '.join(where)}: {seen}expected {self.expected}"


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Returns problems ordered by file, then row (whole-file problems first), stably."""
    return sorted(problems, key=lambda p: (p.file, -1 if p.row is None else p.row))


class DatasetError(ValueError):
    """A dataset that cannot be loaded, with every problem found in it."""

    def __init__(self, problems: list[Problem], origin: str = "dataset") -> None:
        ordered = sort_problems(problems)
        self.problems = [p for p in ordered if p.is_error]
        self.warnings = [p for p in ordered if not p.is_error]
        shown = "\n".join(f"  - {p}" for p in self.problems[:50])
        more = len(self.problems) - 50
        tail = f"\n  … and {more} more" if more > 0 else ""
        self.origin = origin
        super().__init__(f"{origin}: {len(self.problems)} problem(s) found\n{shown}{tail}")

    def __reduce__(self):
        """Rebuilt from its problems in another process (the batch's planning process)."""
        return type(self), (self.problems + self.warnings, self.origin)


class DataPathError(OSError):
    """A data path that cannot be read as a dataset at all: a device, a FIFO, a file that
    may not be read. A usage error (exit code 2), not a problem of the data."""
