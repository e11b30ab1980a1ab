"""Where things are. A leaf module: constants and path arithmetic, no I/O at import."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
"""The installed `analysis` package."""

TEMPLATES_DIR = PACKAGE_DIR / "present" / "templates"
"""Templates of the HTML pages: the report (nbconvert) and the index (Jinja)."""

REFERENCE_DIR = PACKAGE_DIR / "reference"
"""Reference tables shipped inside the package (district register, provinces)."""

SOURCE_ROOT = PACKAGE_DIR.parent.parent
"""The repository root when running from a checkout (src/analysis/../..)."""

TABLE_FILES = ("facts.csv", "districts.csv", "sources.csv")
"""The files of a dataset folder."""


def embedded_data_dir() -> Path:
    """Returns the folder of the embedded real dataset.

    Wheels carry a copy at analysis/embedded_data; a checkout (editable install) uses the
    repository's data/ folder.
    """
    packaged = PACKAGE_DIR / "embedded_data"
    if (packaged / "facts.csv").is_file():
        return packaged
    return SOURCE_ROOT / "data"


def notebooks_dir() -> Path:
    """Returns the folder of the report notebooks (packaged copy, or a checkout's notebooks/)."""
    packaged = PACKAGE_DIR / "notebooks"
    if packaged.is_dir():
        return packaged
    return SOURCE_ROOT / "notebooks"


def default_reports_dir() -> Path:
    """Returns the default output folder of the batch runner (a checkout's reports/)."""
    return SOURCE_ROOT / "reports"
