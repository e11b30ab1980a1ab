"""What a batch must do: the reports to make, the key of each, and which are stale.

Planning reads the dataset, the notebooks and the provenance records of an earlier run; it
never executes anything (as jupyter-cache keeps deciding apart from executing). `decide`
marks each report PENDING or UP_TO_DATE; an executor then makes the pending ones.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from pathlib import Path

from analysis.files import write_text_atomic
from analysis.reports.params import ParameterError, check_parameters, coerce_text, read_parameters
from analysis.reports.provenance import FORMAT_VERSION, library_hash, package_versions, sha256_json
from analysis.reports.records import ProvenanceRecord, notebook_hash, read_record
from analysis.reports.registry import (
    DATASET_REPORTS,
    DISTRICT_REPORT,
    RUNNER_OWNED,
    Group,
    ReportState,
)
from analysis.reports.spec import DatasetSpec

SAFE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PLAN_FILE = ".plan.json"


class RunnerError(RuntimeError):
    """A batch that cannot start (bad parameters, unwritable output folder)."""


@dataclass(frozen=True)
class Job:
    """One report to produce.

    Attributes:
        name: Output name: a safe slug, also the file stem.
        group: Its kind (and output folder).
        notebook: The source notebook.
        parameters: Values injected into the notebook.
        title: Title of the report.
        data_key: Hash of the data the report depends on.
        region, province: For district reports, where the index lists them.
        variant: For a parameter grid, the combination ("lang=vi, alpha=0.1"); else "".
        root: The sub-folder of the batch's output folder that holds this report's language
            ("en" for the English half of `--lang vi,en`); "" for the output folder itself.
            Its paths, provenance and index are those of a batch written to that folder.
        other_language: (label, folder) of the same report in the other language, the
            folder relative to this report's root ("en/", "../"): its page links there.
    """

    name: str
    group: Group
    notebook: Path
    parameters: dict
    title: str
    data_key: str
    region: str = ""
    province: str = ""
    variant: str = ""
    root: str = ""
    other_language: tuple[str, str] | None = None

    def folder(self) -> str:
        """The sub-folder of the output for this job's group."""
        return self.group.folder

    @property
    def ident(self) -> str:
        """What tells this report apart in a batch: its name, under its root if it has one
        (the Vietnamese and English reports of a district share a name)."""
        return f"{self.root}/{self.name}" if self.root else self.name


def root_folder(out_dir: Path, job: Job) -> Path:
    """The folder a job's paths are relative to: the output folder, or its language's."""
    return out_dir / job.root if job.root else out_dir


@dataclass(frozen=True)
class Decision:
    """A job, its key, and whether it must run (PENDING) or is UP_TO_DATE (with its record)."""

    job: Job
    key: str
    state: ReportState
    record: ProvenanceRecord | None = None


def output_path(out_dir: Path, job: Job, suffix: str) -> Path:
    """Returns where a job's file goes, refusing any name that could leave `out_dir`."""
    for part in (job.name, job.root) if job.root else (job.name,):
        if not SAFE_NAME.fullmatch(part):
            raise RunnerError(
                f"unsafe report name {part!r}: expected lowercase letters, digits and hyphens"
            )
    base = out_dir.resolve()
    path = (base / job.root / job.folder() / f"{job.name}{suffix}").resolve()
    if base not in path.parents:
        raise RunnerError(f"report path {path} is outside {base}")
    return path


def _district_order(dataset, districts: list[str] | None) -> list[str]:
    """District ids to report on, grouped by region and province (so that reports sharing a
    region's comparison run together and each kernel computes it once)."""
    from analysis.data.lookup import resolve_district

    ids = (
        list(dataset.districts["district_id"])
        if districts is None
        else list(dict.fromkeys(resolve_district(d, dataset) for d in districts))
    )
    table = dataset.districts[["district_id", "region", "province"]].astype(str)
    rank = {
        row.district_id: (row.region, row.province, row.district_id) for row in table.itertuples()
    }
    seen: dict[str, str] = {}
    for district_id in ids:
        if not SAFE_NAME.fullmatch(district_id):
            raise RunnerError(f"district id {district_id!r} cannot name a report file")
        if district_id.casefold() in seen:
            raise RunnerError(
                f"district ids {seen[district_id.casefold()]!r} and {district_id!r} would share a file name"
            )
        seen[district_id.casefold()] = district_id
    return sorted(ids, key=lambda d: rank.get(d, ("", "", d)))


def plan_jobs(
    dataset,
    spec: DatasetSpec,
    districts: list[str] | None = None,
    notebooks: Path | None = None,
    include_comparisons: bool = True,
) -> list[Job]:
    """Lists the reports to produce: comparisons and quality first, then one per district.

    Args:
        dataset: The loaded dataset.
        spec: How it was loaded; every notebook gets it as parameters.
        districts: District ids or names; None for every district of the dataset.
        notebooks: Folder of the notebooks (the project's by default).
        include_comparisons: Also plan the comparison and quality reports.
    """
    from analysis.paths import notebooks_dir
    from analysis.reports.provenance import combine_hashes, district_hashes

    folder = notebooks or notebooks_dir()
    given = spec.parameters()
    jobs = [
        Job(t.name, t.group, folder / f"{t.stem}.ipynb", dict(given), t.title, dataset.fingerprint)
        for t in (DATASET_REPORTS if include_comparisons else ())
    ]
    hashes = district_hashes(dataset)
    table = dataset.districts.set_index("district_id")
    region_members = table.groupby("region", observed=True).groups
    for district_id in _district_order(dataset, districts):
        row = table.loc[district_id]
        jobs.append(
            Job(
                name=district_id,
                group=DISTRICT_REPORT.group,
                notebook=folder / f"{DISTRICT_REPORT.stem}.ipynb",
                parameters={"district": district_id, **given},
                title=f"{row['type']} {row['name']} ({row['province']})",
                data_key=combine_hashes(hashes, region_members[row["region"]]),
                region=str(row["region"]),
                province=str(row["province"]),
            )
        )
    return jobs


def _notebook_parameters(jobs: list[Job]) -> dict[Path, dict]:
    """Each notebook's declared parameters, read once."""
    specs: dict[Path, dict] = {}
    for job in jobs:
        if job.notebook not in specs:
            try:
                node = json.loads(job.notebook.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise RunnerError(f"cannot read notebook {job.notebook}: {exc}") from None
            try:
                specs[job.notebook] = read_parameters(node, job.notebook.name)
            except ParameterError as exc:
                raise RunnerError(str(exc)) from None
    return specs


def apply_parameters(jobs: list[Job], given: dict) -> list[Job]:
    """Gives each job the extra parameters its notebook declares, typed as declared.

    Text values (from the command line) are converted to the declared type.

    Raises:
        RunnerError: For a name the runner sets itself (district, the dataset options), or
            one that no notebook declares, or a value that does not convert.
    """
    if not given:
        return jobs
    owned = sorted(set(given) & RUNNER_OWNED)
    if owned:
        raise RunnerError(
            f"parameter(s) {', '.join(owned)} are set by the runner for each report and cannot be "
            "given as --param (choose districts with --districts, the dataset with --data, "
            "--encoding and --number-format)"
        )
    specs = _notebook_parameters(jobs)
    declared = set().union(*(set(s) for s in specs.values()))
    unknown = sorted(set(given) - declared)
    if unknown:
        raise RunnerError(
            f"unknown parameter(s) {', '.join(unknown)}: no report notebook declares them "
            f"(declared: {', '.join(sorted(declared - RUNNER_OWNED))})"
        )
    updated = []
    for job in jobs:
        own = specs[job.notebook]
        try:
            extra = {
                k: coerce_text(own[k], v) if isinstance(v, str) else v
                for k, v in given.items()
                if k in own
            }
        except ValueError as exc:
            raise RunnerError(f"--param: {exc}") from None
        updated.append(dataclasses.replace(job, parameters={**job.parameters, **extra}))
    return updated


def check_jobs(jobs: list[Job]) -> None:
    """Checks every job's parameters against its notebook before anything runs.

    Raises:
        RunnerError: Listing every problem of every job.
    """
    specs = _notebook_parameters(jobs)
    problems = []
    for job in jobs:
        try:
            check_parameters(specs[job.notebook], job.parameters, job.notebook.name)
        except ParameterError as exc:
            problems.append(f"{job.ident}: {exc}")
    if problems:
        raise RunnerError("parameters refused before running anything:\n" + "\n".join(problems))


def report_key(
    job: Job, notebook_sha: str, keep_code: bool, other_language: tuple[str, str] | None = None
) -> str:
    """The hash that decides whether a report is up to date: every input of the report,
    including the link to its version in the other language (`--lang vi,en`)."""
    return sha256_json(
        {
            "notebook": notebook_sha,
            "other_language": list(other_language) if other_language else None,
            "parameters": job.parameters,
            "library": library_hash(),
            "data": job.data_key,
            "versions": package_versions(),
            "keep_code": keep_code,
            "format": FORMAT_VERSION,
        }
    )


def decide(
    jobs: list[Job],
    out_dir: Path,
    keep_code: bool,
    force: bool,
    other_language: tuple[str, str] | None = None,
) -> list[Decision]:
    """Decides, for each job, whether it must run: nothing is executed here.

    A report is UP_TO_DATE when an earlier run made it successfully from the same key and its
    notebook and HTML are there; otherwise (or with `force`) it is PENDING. A job's own
    `other_language` takes precedence over the batch's.
    """
    hashes = {path: notebook_hash(path) for path in {job.notebook for job in jobs}}
    decisions = []
    for job in jobs:
        link = job.other_language or other_language
        key = report_key(job, hashes[job.notebook], keep_code, link)
        record = None if force else read_record(output_path(out_dir, job, ".json"))
        fresh = (
            record is not None
            and record.key == key
            and record.state is ReportState.COMPLETED
            and all(output_path(out_dir, job, s).is_file() for s in (".ipynb", ".html"))
        )
        state = ReportState.UP_TO_DATE if fresh else ReportState.PENDING
        decisions.append(Decision(job, key, state, record if fresh else None))
    return decisions


# --- A saved plan: unchanged inputs need not load the data ------------------------------------


def plan_signature(request: dict, spec: DatasetSpec, notebooks: Path) -> str:
    """A cheap hash of everything a plan depends on: the dataset's own files and how they
    are read, the notebooks, the library, package versions and the request."""
    from analysis.data.fingerprint import fingerprint_files

    return sha256_json(
        {
            "request": request,
            "dataset": spec.as_record(),
            "data": fingerprint_files(spec.location),
            "notebooks": {p.name: notebook_hash(p) for p in sorted(notebooks.glob("*.ipynb"))},
            "library": library_hash(),
            "versions": package_versions(),
            "format": FORMAT_VERSION,
        }
    )


def read_plan(out_dir: Path, signature: str) -> tuple[list[Job], dict] | None:
    """Returns the jobs and data description saved by an earlier run with the same inputs."""
    try:
        saved = json.loads((out_dir / PLAN_FILE).read_text(encoding="utf-8"))
        if saved.get("signature") != signature:
            return None
        jobs = [_saved_job(job) for job in saved["jobs"]]
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None
    return jobs, saved["data"]


def _saved_job(saved: dict) -> Job:
    """A job as `write_plan` saved it, its path, group and link made whole again."""
    link = saved.get("other_language")
    return Job(
        **{
            **saved,
            "notebook": Path(saved["notebook"]),
            "group": Group(saved["group"]),
            "other_language": (str(link[0]), str(link[1])) if link else None,
        }
    )


def write_plan(out_dir: Path, signature: str, jobs: list[Job], data: dict) -> None:
    """Saves a plan so that a run with unchanged inputs need not load the data to plan."""
    records = [
        {**dataclasses.asdict(job), "notebook": str(job.notebook), "group": job.group.value}
        for job in jobs
    ]
    write_text_atomic(
        out_dir / PLAN_FILE,
        json.dumps({"signature": signature, "data": data, "jobs": records}, ensure_ascii=False),
    )
