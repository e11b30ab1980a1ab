"""The report types, as data: which notebook, which title, which folder, and which
parameters the runner sets itself (a user may not override them with `--param`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

DATASET_PARAMETERS = ("data", "encoding", "number_format")
"""The notebook parameters that carry the dataset specification (`spec.DatasetSpec`)."""


class Group(Enum):
    """The kind of a report; its value names the sub-folder of the output."""

    COMPARISON = "comparisons"
    QUALITY = "quality"
    DISTRICT = "districts"

    @property
    def folder(self) -> str:
        """The sub-folder of the output folder for reports of this kind."""
        return self.value


class ReportState(Enum):
    """Where a report stands. Values are what index.json and the sidecars record."""

    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "ok"
    FAILED = "failed"
    UP_TO_DATE = "skipped"
    MISSING = "missing"
    KEPT = "kept"
    """A report of an earlier run, outside this run's selection: listed, not checked."""


@dataclass(frozen=True)
class ReportType:
    """One kind of report.

    Attributes:
        stem: The notebook's file stem (and, for reports across districts, the output name
            with hyphens).
        title: The report's title (district reports make theirs from the district).
        group: Its kind and output folder.
        per_district: One report per district (else one for the dataset).
    """

    stem: str
    title: str
    group: Group
    per_district: bool = False

    @property
    def name(self) -> str:
        """The output name of a report across districts."""
        return self.stem.replace("_", "-")

    @property
    def owned_parameters(self) -> tuple[str, ...]:
        """The parameters the runner sets for this type: never taken from `--param`."""
        return DATASET_PARAMETERS + (("district",) if self.per_district else ())


COMPARE_GROWTH = ReportType("compare_growth", "Growth across districts", Group.COMPARISON)
COMPARE_EVALUATIONS = ReportType(
    "compare_evaluations", "Ratings across districts", Group.COMPARISON
)
COMPARE_TARGETS = ReportType("compare_targets", "Targets across districts", Group.COMPARISON)
DATA_QUALITY = ReportType("data_quality", "Data quality", Group.QUALITY)
DISTRICT_REPORT = ReportType("district_report", "", Group.DISTRICT, per_district=True)

DATASET_REPORTS = (COMPARE_GROWTH, COMPARE_EVALUATIONS, COMPARE_TARGETS, DATA_QUALITY)
"""The reports made once per dataset, in the order the index lists them."""
REPORT_TYPES = (*DATASET_REPORTS, DISTRICT_REPORT)

RUNNER_OWNED = frozenset(name for t in REPORT_TYPES for name in t.owned_parameters)
"""Every parameter name the runner sets for some report."""
