"""Loading a dataset: the embedded one, a folder of CSV files, or an Excel workbook."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from analysis.data.fingerprint import dataset_files, fingerprint_files
from analysis.data.problems import DataPathError, DatasetError, Problem, sort_problems
from analysis.data.readers import RawTable, check_data_path, read_folder, read_workbook
from analysis.data.schema import TABLES
from analysis.data.validation import check_tables
from analysis.paths import embedded_data_dir

EXCEL_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class Dataset:
    """The three tables of a dataset, typed, with where they came from.

    Attributes:
        facts: One stated figure per row (see schema.FACTS), with dates resolved by the
            period convention (periods module), `period_years`, and `row`, the row of the
            input file.
        districts: The districts the facts are about (schema.DISTRICTS) plus `in_register`.
        sources: The sources (schema.SOURCES); `published` as a date, `published_text` as
            stated.
        origin: The path loaded, or "embedded".
        fingerprint: SHA-256 of the input files, for provenance and incremental reports.
        synthetic: True for generated data (benchmarks), which reports label as such.
        warnings: Problems that did not stop loading.
        notes: Normalisations applied while reading.
    """

    facts: pd.DataFrame
    districts: pd.DataFrame
    sources: pd.DataFrame
    origin: str
    fingerprint: str
    synthetic: bool = False
    warnings: tuple[Problem, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())

    def copy(self) -> Dataset:
        """Returns a copy whose tables can be changed without touching this one: shallow
        copies, which pandas' copy-on-write copies as soon as either side is changed (so a
        report's copy of a national panel costs no memory until the report changes it)."""
        return replace(
            self,
            facts=self.facts.copy(deep=False),
            districts=self.districts.copy(deep=False),
            sources=self.sources.copy(deep=False),
        )

    def subset(self, district_ids: list[str]) -> Dataset:
        """Returns the dataset restricted to some districts (their facts and sources).

        The fingerprint of a subset combines the dataset's with the ids, so that caches and
        provenance tell subsets apart.
        """
        wanted = set(district_ids)
        facts = self.facts[self.facts["district_id"].isin(wanted)].reset_index(drop=True)
        districts = self.districts[self.districts["district_id"].isin(wanted)].reset_index(
            drop=True
        )
        sources = self.sources[self.sources["source_id"].isin(set(facts["source_id"]))].reset_index(
            drop=True
        )
        digest = hashlib.sha256(
            (self.fingerprint + "|" + ";".join(sorted(wanted))).encode()
        ).hexdigest()
        return replace(self, facts=facts, districts=districts, sources=sources, fingerprint=digest)

    def summary(self) -> dict:
        """Counts for the check command and report headers."""
        years = pd.concat([self.facts["period_start"], self.facts["period_end"]]).dt.year
        return {
            "origin": self.origin,
            "synthetic": self.synthetic,
            "districts": len(self.districts),
            "facts": len(self.facts),
            "sources": len(self.sources),
            "provinces": int(self.districts["province"].nunique()),
            "years": (int(years.min()), int(years.max())) if len(years.dropna()) else None,
            "facts_per_metric": self.facts["metric"].value_counts(sort=False).to_dict(),
            "fingerprint": self.fingerprint,
        }


def _is_synthetic(path: Path, sources: pd.DataFrame) -> bool:
    descriptor = path / "datapackage.json" if path.is_dir() else None
    if descriptor is not None and descriptor.is_file():
        try:
            if json.loads(descriptor.read_text(encoding="utf-8")).get("synthetic"):
                return True
        except (ValueError, OSError):
            pass
    return bool(sources["url"].str.startswith("synthetic:").any())


def to_tables(dataset: Dataset) -> dict[str, pd.DataFrame]:
    """Returns the three tables in the file layout: schema columns, canonical text."""
    facts = dataset.facts.copy()
    facts["period_start"] = facts["period_start_text"]
    facts["period_end"] = facts["period_end_text"]
    facts["value"] = facts["value"].map(lambda v: f"{v:.10g}")
    facts["paragraph"] = facts["paragraph"].astype("string").fillna("")
    sources = dataset.sources.copy()
    sources["published"] = sources["published_text"]
    out = {"facts": facts, "districts": dataset.districts.copy(), "sources": sources}
    return {
        name: out[name][list(table.column_names)].astype("string").fillna("")
        for name, table in TABLES.items()
    }


def save_dataset(dataset: Dataset, path: str | Path) -> Path:
    """Writes a dataset as a folder of CSV files, or as an .xlsx workbook (one sheet a table).

    Files are written to a temporary name first and renamed, so an interruption never
    leaves a half-written table.
    """
    from analysis.files import atomic_path

    target = Path(path)
    tables = to_tables(dataset)
    if target.suffix.lower() in EXCEL_SUFFIXES:
        with atomic_path(target) as tmp, pd.ExcelWriter(tmp, engine="openpyxl") as writer:
            for name, frame in tables.items():
                frame.to_excel(writer, sheet_name=name, index=False)
        return target
    target.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        with atomic_path(target / f"{name}.csv") as tmp:
            frame.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
    return target


_CACHE: dict[tuple, Dataset] = {}


def forget_loaded() -> None:
    """Drops the copy `load_dataset` keeps of the last dataset (the batch runner's own
    process, once it has planned the reports, so that only the kernels hold the data)."""
    _CACHE.clear()


def _cache_key(path: Path, encoding: str | None, convention: str | None) -> tuple:
    stats = tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in dataset_files(path))
    return (str(path), encoding, convention, stats)


def _read(folder: Path, encoding: str | None, origin: str) -> tuple[dict[str, RawTable], list]:
    """Reads a workbook or a folder of CSV files into text tables."""
    if folder.is_dir():
        return read_folder(folder, encoding)
    if folder.suffix.lower() not in EXCEL_SUFFIXES:
        expected = "a folder of CSV files or an Excel workbook (.xlsx)"
        raise DatasetError([Problem(folder.name, None, None, None, expected)], origin)
    try:
        raw, problems = read_workbook(folder)
    except PermissionError:
        raise DataPathError(f"no permission to read {folder}") from None
    for table in TABLES.values():
        if table.name not in raw:
            expected = f"a sheet named {table.name} ({table.description})"
            problems.append(Problem(folder.name, None, None, None, expected))
    return raw, problems


def load_dataset(
    path: str | Path | None = None,
    *,
    encoding: str | None = None,
    number_format: str | None = None,
) -> Dataset:
    """Loads and validates a dataset.

    Args:
        path: None or "" for the embedded real dataset; a folder with facts.csv,
            districts.csv and sources.csv; or an Excel workbook with sheets facts,
            districts and sources.
        encoding: Force the text encoding of CSV files (detected by default).
        number_format: 'vi' or 'en' to force how ambiguous numbers such as 8.723 are read
            (detected per column by default).

    Returns:
        The typed Dataset. Loading the same unchanged files again returns a cached copy.

    Raises:
        DatasetError: With every problem found, when any is an error.
        FileNotFoundError: When the path does not exist.
        DataPathError: When the path is a device, a FIFO, or a file that may not be read.
    """
    origin = "embedded" if not path else str(path)
    folder = embedded_data_dir() if not path else Path(path).expanduser()
    if not folder.exists():
        raise FileNotFoundError(f"no dataset at {folder}")
    check_data_path(folder)
    key = _cache_key(folder.resolve(), encoding, number_format)
    if key in _CACHE:
        return _CACHE[key].copy()
    raw, problems = _read(folder, encoding, origin)
    checked = check_tables(raw, number_format)
    problems = problems + checked.problems
    if any(p.is_error for p in problems):
        raise DatasetError(problems, origin)
    tables = checked.tables
    try:
        fingerprint = fingerprint_files(folder)
    except PermissionError as exc:
        raise DataPathError(f"no permission to read {exc.filename}") from None
    dataset = Dataset(
        facts=tables["facts"],
        districts=tables["districts"],
        sources=tables["sources"],
        origin=origin,
        fingerprint=fingerprint,
        synthetic=_is_synthetic(folder, tables["sources"]),
        warnings=tuple(sort_problems(problems)),
        notes=tuple(checked.notes),
    )
    _CACHE.clear()
    _CACHE[key] = dataset
    return dataset.copy()
