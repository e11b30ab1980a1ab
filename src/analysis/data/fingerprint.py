"""The fingerprint of a dataset's files: what decides whether data changed between runs."""

from __future__ import annotations

import hashlib
from pathlib import Path


def dataset_files(path: Path) -> list[Path]:
    """The files of a dataset: the workbook itself, or a folder's files (hidden ones aside)."""
    path = Path(path)
    if path.is_file():
        return [path]
    return sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))


def fingerprint_files(path: Path) -> str:
    """Returns a SHA-256 over the names and bytes of a dataset's files (a folder or one file)."""
    digest = hashlib.sha256()
    for file in dataset_files(path):
        digest.update(file.name.encode("utf-8") + b"\0")
        digest.update(file.read_bytes())
    return digest.hexdigest()
