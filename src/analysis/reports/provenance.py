"""What a report was made from: hashes of its inputs, package versions, and the key that
decides whether a report must be made again.

A report is redone when its notebook, its parameters, the library's source, the data it
uses or a package version changes. "The data it uses" is precise: a district report shows
its district and compares it with the districts of its region, so its data key is the
content hash of that region's rows (facts with their sources, and district rows). A change
to one district's figures redoes that region's reports and the cross-district reports, and
nothing else.
"""

from __future__ import annotations

import hashlib
import json
import platform
import sys
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from analysis.data.schema import DISTRICTS
from analysis.paths import PACKAGE_DIR

PACKAGES = (
    "analysis", "pandas", "numpy", "scipy", "statsmodels", "matplotlib", "seaborn",
    "nbconvert", "nbclient", "nbformat", "ipykernel", "jupyter_client", "papermill", "openpyxl",
)  # fmt: skip
FORMAT_VERSION = 1
"""Bump when the runner's output layout changes, to redo every report once."""

_FACT_COLUMNS = ["fact_id", "district_id", "metric", "subject", "category", "kind", "period_start_text",
                 "period_end_text", "value", "unit", "comparator", "basis", "paragraph", "note",
                 "source_id", "url", "publisher", "published_text"]  # fmt: skip
_DISTRICT_COLUMNS = list(DISTRICTS.column_names)


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's content."""
    return sha256_bytes(Path(path).read_bytes())


def sha256_json(value: object) -> str:
    """Hex SHA-256 of a JSON value (keys sorted), for keys made of several parts."""
    return sha256_bytes(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode())


@lru_cache(maxsize=1)
def library_hash() -> str:
    """Hash of the library's source and packaged files (Python, templates, reference data)."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if (
            path.is_file()
            and path.suffix in (".py", ".j2", ".json", ".csv")
            and "__pycache__" not in path.parts
        ):
            digest.update(str(path.relative_to(PACKAGE_DIR)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def package_versions() -> dict[str, str]:
    """Versions of Python and of the packages that shape a report."""
    versions = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def _row_hashes(frame):
    import pandas as pd

    text = frame.astype(object).where(frame.notna(), "").astype(str)
    return pd.util.hash_pandas_object(text, index=False)


def district_hashes(dataset):
    """Returns a content hash per district: its district row and its facts with their sources.

    Fact order does not matter (row hashes are sorted); every column does.
    """
    import pandas as pd

    facts = dataset.facts.merge(dataset.sources, on="source_id", how="left")
    fact_rows = pd.DataFrame(
        {"district_id": facts["district_id"], "h": _row_hashes(facts[_FACT_COLUMNS])}
    )
    by_district = {
        district: hashlib.sha256(group.sort_values().to_numpy().tobytes()).hexdigest()
        for district, group in fact_rows.groupby("district_id")["h"]
    }
    district_rows = dict(
        zip(
            dataset.districts["district_id"],
            _row_hashes(dataset.districts[_DISTRICT_COLUMNS]),
            strict=True,
        )
    )
    return pd.Series(
        {
            district: sha256_bytes(f"{row_hash}|{by_district.get(district, '')}".encode())
            for district, row_hash in district_rows.items()
        },
        dtype=object,
    )


def combine_hashes(hashes, ids: Iterable[str]) -> str:
    """Combines the hashes of some districts into one (order-independent)."""
    return sha256_bytes(";".join(f"{i}={hashes[i]}" for i in sorted(set(ids))).encode())


def content_fingerprint(dataset) -> str:
    """A hash of a dataset's content (independent of file layout and row order)."""
    hashes = district_hashes(dataset)
    return combine_hashes(hashes, hashes.index)


def environment() -> dict:
    """Where a report was made."""
    return {"platform": platform.platform(), "python": sys.version.split()[0]}
