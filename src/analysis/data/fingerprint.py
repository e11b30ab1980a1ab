"""The fingerprint of a dataset's files: what decides whether data changed between runs."""

from __future__ import annotations

import hashlib
from pathlib import Path

DESCRIPTOR = "datapackage.json"
"""Read too: it may mark a dataset as synthetic."""


def dataset_files(path: Path) -> list[Path]:
    """The files a dataset is read from: the workbook itself, or in a folder the file of each
    table (as the reader finds it) and the descriptor. Other files in the folder (notes, a
    README, a backup) are not part of the dataset and do not change its fingerprint."""
    from analysis.data.readers import find_table_file
    from analysis.data.schema import TABLES

    path = Path(path)
    if path.is_file():
        return [path]
    found = [find_table_file(path, table) for table in TABLES.values()]
    descriptor = path / DESCRIPTOR
    if descriptor.is_file():
        found.append(descriptor)
    return sorted({p for p in found if p is not None})


def fingerprint_files(path: Path) -> str:
    """Returns a SHA-256 over the names and bytes of a dataset's files (a folder or one file)."""
    digest = hashlib.sha256()
    for file in dataset_files(path):
        digest.update(file.name.encode("utf-8") + b"\0")
        digest.update(file.read_bytes())
    return digest.hexdigest()
