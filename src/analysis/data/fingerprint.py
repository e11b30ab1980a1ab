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
    from analysis.data.table_files import table_files

    path = Path(path)
    if path.is_file():
        return [path]
    found = [file for files in table_files(path)[0].values() for file in files]
    descriptor = path / DESCRIPTOR
    if descriptor.is_file():
        found.append(descriptor)
    return sorted(set(found))


def fingerprint_files(path: Path) -> str:
    """Returns a SHA-256 over the names and bytes of a dataset's files (a folder or one file)."""
    digest = hashlib.sha256()
    for file in dataset_files(path):
        digest.update(file.name.encode("utf-8") + b"\0")
        digest.update(file.read_bytes())
    return digest.hexdigest()
