"""Which files of a folder hold which table: the names a table file may have.

Kept free of pandas, so that asking which files a dataset is read from (the fingerprint
that decides whether a batch of reports is up to date) costs no heavy import.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

from analysis.data.problems import DataPathError, Problem
from analysis.data.schema import TABLES, Table
from analysis.text.vietnamese import fold

TABLE_SUFFIXES = (".csv", ".tsv", ".txt")
_COPY_SUFFIX = re.compile(r"^(.*?)[ _]*(?:\d+|\(\d+\))$")


def header_key(text: str) -> str:
    """Returns the key a header or file name is matched by (folded, underscores)."""
    return fold(str(text)).replace(" ", "_")


def table_for_name(name: str) -> tuple[Table | None, bool]:
    """Returns the table a file or sheet name stands for, and whether it is a numbered copy.

    "facts", "Số liệu" and "figures" stand for facts; so do "FACTS1" and "facts (2)", the
    names Excel and file managers give to copies.
    """
    key = header_key(name)
    for table in TABLES.values():
        names = {header_key(n) for n in (table.name, *table.aliases)}
        if key in names:
            return table, False
        copy = _COPY_SUFFIX.match(fold(str(name)))
        if copy and header_key(copy.group(1)) in names:
            return table, True
    return None, False


def file_kind(path: Path) -> str | None:
    """Returns what a path is when it is neither a regular file nor a folder, else None."""
    mode = path.stat().st_mode
    for test, kind in (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return None


def table_files(folder: Path) -> tuple[dict[str, list[Path]], list[Problem]]:
    """Finds the files of each table in a folder: `<name>.csv`, an alias, or a numbered copy.

    Returns:
        The candidate files by table name, and problems about files that are no files.
    """
    found: dict[str, list[Path]] = {name: [] for name in TABLES}
    try:
        entries = sorted(folder.iterdir())
    except PermissionError:
        raise DataPathError(f"no permission to list the folder {folder}") from None
    for candidate in entries:
        if candidate.suffix.lower() not in TABLE_SUFFIXES:
            continue
        table, _ = table_for_name(candidate.stem)
        if table is None:
            continue
        kind = file_kind(candidate)
        if kind:
            raise DataPathError(f"{candidate} is {kind}, not a table file")
        found[table.name].append(candidate)
    return found, []


def find_table_file(folder: Path, table: Table) -> Path | None:
    """Finds the CSV of a table in a folder (the first, when there are several)."""
    files = table_files(folder)[0][table.name]
    return files[0] if files else None
