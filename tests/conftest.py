"""Shared fixtures: small datasets written by code, in the project's layout."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from analysis.data.schema import TABLES

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


def tiny_tables() -> dict[str, list[dict[str, str]]]:
    """A minimal valid dataset: two real districts, one source, a few figures (test data)."""
    return {
        "districts": [
            {
                "district_id": "sop-cop-son-la",
                "gso_code": "127",
                "name": "Sốp Cộp",
                "type": "huyện",
                "province": "Sơn La",
                "province_2025": "Sơn La",
                "region": "Trung du và miền núi phía Bắc",
                "note": "",
                "congresses": "",
            },
            {
                "district_id": "sa-thay-kon-tum",
                "gso_code": "616",
                "name": "Sa Thầy",
                "type": "huyện",
                "province": "Kon Tum",
                "province_2025": "Quảng Ngãi",
                "region": "Tây Nguyên",
                "note": "",
                "congresses": "",
            },
        ],
        "sources": [
            {"source_id": "test-1", "url": "test:tiny", "publisher": "tests", "published": "2024"}
        ],
        "facts": [
            fact("t1", "sop-cop-son-la", "party_members", "stock", "", "2023-12-31", "4014"),
            fact("t2", "sop-cop-son-la", "admissions", "flow", "2020", "2024-01-23", "469"),
            fact(
                "t3",
                "sop-cop-son-la",
                "admissions",
                "target",
                "2020",
                "2025",
                "400",
                comparator=">=",
                basis="total",
            ),
            fact(
                "t4",
                "sop-cop-son-la",
                "evaluation",
                "stock",
                "",
                "2023",
                "6",
                subject="organization",
                category="excellent",
            ),
            fact("t5", "sa-thay-kon-tum", "base_organizations", "stock", "", "2021-10-18", "56"),
        ],
    }


def fact(fid, district, metric, kind, start, end, value, **extra) -> dict[str, str]:
    """One facts.csv row (test data), with unit count and source test-1 unless given."""
    row = {c: "" for c in TABLES["facts"].column_names}
    row.update(
        fact_id=fid,
        district_id=district,
        metric=metric,
        kind=kind,
        period_start=start,
        period_end=end,
        value=value,
        unit=extra.pop("unit", "count"),
        source_id="test-1",
        paragraph="1",
    )
    row.update(extra)
    return row


def write_table(
    path: Path,
    rows: list[dict[str, str]],
    columns: list[str] | None = None,
    *,
    encoding: str = "utf-8",
    sep: str = ",",
) -> Path:
    """Writes rows as a CSV file with the given encoding and separator."""
    columns = columns or list(rows[0]) if rows else columns or []
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, columns, delimiter=sep, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_dataset(folder: Path, tables: dict[str, list[dict[str, str]]], **options) -> Path:
    """Writes a dataset folder (facts.csv, districts.csv, sources.csv)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        write_table(folder / f"{name}.csv", rows, list(TABLES[name].column_names), **options)
    return folder


@pytest.fixture
def tiny_dataset(tmp_path: Path) -> Path:
    """A folder with the tiny valid dataset."""
    return write_dataset(tmp_path / "tiny", tiny_tables())


@pytest.fixture(scope="session")
def embedded():
    """The embedded real dataset, loaded once."""
    from analysis import load_dataset

    return load_dataset()


def dataset_with(tmp_path: Path, facts: list[dict[str, str]], name: str = "built"):
    """Loads a dataset of the two tiny districts with the given facts (test data)."""
    from analysis import load_dataset

    tables = tiny_tables()
    tables["facts"] = facts
    return load_dataset(write_dataset(tmp_path / name, tables))


PAGE_DISTRICTS = ["sop-cop-son-la", "buon-ma-thuot-dak-lak", "yen-mo-ninh-binh"]
"""A data-rich district, one with a single fact, one with a few (for the page tests)."""


@pytest.fixture(scope="session")
def built_pages(tmp_path_factory) -> Path:
    """Reports in Vietnamese (in the folder) and English (in en/), linked, built once."""
    from analysis.reports.build import BuildOptions, build_reports
    from analysis.reports.spec import DatasetSpec

    out = tmp_path_factory.mktemp("pages")
    options = BuildOptions(jobs=2, progress=False)
    batch = build_reports(DatasetSpec(), out, districts=PAGE_DISTRICTS, options=options,
                          languages=["vi", "en"])  # fmt: skip
    assert not batch.failed, [r.error for r in batch.failed]
    return out
