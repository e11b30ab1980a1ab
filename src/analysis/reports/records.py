"""The provenance record of a report: what it was made from, written beside it as JSON.

The record is a dataclass written and read here only (`write_record`, `read_record`), so
the runner, the staleness check and the index agree on its fields. `key` is the hash that
decides whether the report is up to date (`plan.report_key`); `notebook_sha256` is
`notebook_hash`, the one hash of a notebook used everywhere.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from analysis.files import write_text_atomic
from analysis.reports.provenance import sha256_bytes
from analysis.reports.registry import ReportState


def notebook_hash(path: Path) -> str:
    """The hash of a notebook: SHA-256 of its file's bytes (one definition, used everywhere)."""
    return sha256_bytes(Path(path).read_bytes())


@dataclass
class ProvenanceRecord:
    """What one report was made from and what came of it.

    Attributes:
        name, title, group, region, province: The report, as the index lists it.
        notebook: The notebook's file name; `notebook_sha256` its `notebook_hash`.
        parameters: The values injected into the notebook.
        dataset: The dataset specification (`spec.DatasetSpec.as_record`).
        data: origin, dataset_fingerprint (of the dataset's files) and data_key (of the
            rows this report uses).
        library_sha256, versions: The library's source hash and package versions.
        key: The hash of every input (`plan.report_key`).
        status: A `ReportState` value: "ok" or "failed".
        error: The first line of the error of a failed report.
        key_figures: The figures the notebook recorded for the index.
        generated: When (UTC, ISO 8601).
        timings, runner: How long each step took; which worker, how many kernel restarts.
        outputs: Relative paths of the .ipynb and .html, and their SHA-256.
    """

    name: str
    title: str
    group: str
    notebook: str
    notebook_sha256: str
    parameters: dict
    dataset: dict
    data: dict
    library_sha256: str
    versions: dict
    key: str
    status: str
    generated: str
    region: str = ""
    province: str = ""
    error: str = ""
    key_figures: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)
    runner: dict = field(default_factory=dict)
    outputs: dict = field(default_factory=dict)

    @property
    def state(self) -> ReportState:
        """The recorded outcome as a named state."""
        return ReportState(self.status)

    def to_json(self) -> str:
        """The record as the JSON text of its sidecar file."""
        return json.dumps(asdict(self), indent=1, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> ProvenanceRecord | None:
        """Reads a sidecar's text; None when it is not a record of this format."""
        try:
            raw = json.loads(text)
            names = {f.name for f in fields(cls)}
            record = cls(**{k: v for k, v in raw.items() if k in names})
            record.state  # noqa: B018 - an unknown status is not a record
        except (ValueError, TypeError, AttributeError):
            return None
        return record


def read_record(path: Path) -> ProvenanceRecord | None:
    """Returns the record in a sidecar file, or None (missing, unreadable or foreign)."""
    try:
        return ProvenanceRecord.from_json(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def write_record(path: Path, record: ProvenanceRecord) -> None:
    """Writes a record atomically: it is the last file of a report, so it marks it whole."""
    write_text_atomic(path, record.to_json())
