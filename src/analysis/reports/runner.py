"""The batch runner: every report, in parallel, on warm kernels, incrementally.

How it is fast: each worker starts one kernel, imports pandas, seaborn, statsmodels and the
library once, and runs report after report in it, resetting the kernel's state between
reports (`kernels`); parameters are injected as papermill does; HTML is exported
in-process by one exporter per worker. A report whose inputs are unchanged (`provenance`) is
not run at all.

How it is safe: parameters are checked against each notebook's parameters cell before any
kernel starts; every file is written under a temporary name and renamed, the provenance
sidecar last, so an interrupted run leaves no partial report and the next run redoes only
what is missing; a failing, timed-out or crashed notebook is saved with its error, reported,
and its worker's kernel restarted, while the other reports go on.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import datetime as dt
import json
import os
import re
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from analysis import __version__
from analysis.data.fingerprint import fingerprint_files
from analysis.files import remove_stale_temporaries, write_text_atomic
from analysis.paths import embedded_data_dir, notebooks_dir
from analysis.present.key_figures import read_key_figures
from analysis.reports.params import check_parameters, read_parameters
from analysis.reports.provenance import (
    FORMAT_VERSION,
    library_hash,
    package_versions,
    sha256_bytes,
    sha256_json,
)

SAFE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
COMPARISONS = (
    ("compare_growth", "Growth across districts"),
    ("compare_evaluations", "Ratings across districts"),
    ("compare_targets", "Targets across districts"),
)
QUALITY = ("data_quality", "Data quality")
DISTRICT_NOTEBOOK = "district_report"
STARTUP_TIMEOUT = 60
START_ATTEMPTS = 2
"""A kernel that does not answer in time (a port taken meanwhile, a loaded machine) is
replaced once before its report counts as failed."""
GRACE_SECONDS = 30


class RunnerError(RuntimeError):
    """A batch that cannot start (bad parameters, unwritable output folder)."""


@dataclass(frozen=True)
class Job:
    """One report to produce.

    Attributes:
        name: Output name: a safe slug, also the file stem.
        group: "comparison", "quality" or "district" (the folder under the output).
        notebook: The source notebook.
        parameters: Values injected into the notebook.
        title: Title of the report.
        data_key: Hash of the data the report depends on.
        region, province: For district reports, where the index lists them.
    """

    name: str
    group: str
    notebook: Path
    parameters: dict
    title: str
    data_key: str
    region: str = ""
    province: str = ""

    def folder(self) -> str:
        """The sub-folder of the output for this job's group."""
        return {"comparison": "comparisons", "quality": "quality", "district": "districts"}[
            self.group
        ]


@dataclass
class JobResult:
    """What happened to one job."""

    job: Job
    status: str  # "ok", "failed" or "skipped"
    seconds: float = 0.0
    error: str = ""
    key_figures: dict = field(default_factory=dict)
    provenance: dict = field(default_factory=dict)


@dataclass
class BatchResult:
    """What happened to a batch."""

    results: list[JobResult]
    seconds: float
    out_dir: Path
    interrupted: bool = False

    def count(self, status: str) -> int:
        """How many jobs ended with this status."""
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list[JobResult]:
        """The failed jobs."""
        return [r for r in self.results if r.status == "failed"]


def output_path(out_dir: Path, job: Job, suffix: str) -> Path:
    """Returns where a job's file goes, refusing any name that could leave `out_dir`."""
    if not SAFE_NAME.fullmatch(job.name):
        raise RunnerError(
            f"unsafe report name {job.name!r}: expected lowercase letters, digits and hyphens"
        )
    base = out_dir.resolve()
    path = (base / job.folder() / f"{job.name}{suffix}").resolve()
    if base not in path.parents:
        raise RunnerError(f"report path {path} is outside {base}")
    return path


# --- Planning -------------------------------------------------------------------------------


def plan_jobs(
    dataset,
    data_argument: str,
    districts: list[str] | None = None,
    notebooks: Path | None = None,
    include_comparisons: bool = True,
) -> list[Job]:
    """Lists the reports to produce: comparisons and quality first, then one per district.

    Args:
        dataset: The loaded dataset.
        data_argument: The `data` parameter given to notebooks ("" for the embedded data).
        districts: District ids or names; None for every district of the dataset.
        notebooks: Folder of the notebooks (the project's by default).
        include_comparisons: Also plan the comparison and quality reports.
    """
    from analysis.data.lookup import resolve_district
    from analysis.reports.provenance import combine_hashes, district_hashes

    folder = notebooks or notebooks_dir()
    jobs: list[Job] = []
    if include_comparisons:
        for stem, title in COMPARISONS:
            jobs.append(Job(stem.replace("_", "-"), "comparison", folder / f"{stem}.ipynb", {"data": data_argument},
                            title, dataset.fingerprint))  # fmt: skip
        jobs.append(Job("data-quality", "quality", folder / f"{QUALITY[0]}.ipynb", {"data": data_argument},
                        QUALITY[1], dataset.fingerprint))  # fmt: skip
    ids = (
        list(dataset.districts["district_id"])
        if districts is None
        else list(dict.fromkeys(resolve_district(d, dataset) for d in districts))
    )
    hashes = district_hashes(dataset)
    table = dataset.districts.set_index("district_id")
    region_members = table.groupby("region", observed=True).groups
    seen: dict[str, str] = {}
    table_order = table.reset_index()[["district_id", "region", "province"]].astype(str)
    rank = {
        row.district_id: (row.region, row.province, row.district_id)
        for row in table_order.itertuples()
    }
    # District reports of one region share its comparison: running them together lets each
    # kernel compute it once (memo) and keep it while it is needed.
    ids = sorted(ids, key=lambda d: rank.get(d, ("", "", d)))
    for district_id in ids:
        if not SAFE_NAME.fullmatch(district_id):
            raise RunnerError(f"district id {district_id!r} cannot name a report file")
        folded = district_id.casefold()
        if folded in seen:
            raise RunnerError(
                f"district ids {seen[folded]!r} and {district_id!r} would share a file name"
            )
        seen[folded] = district_id
        row = table.loc[district_id]
        peers = region_members[row["region"]]
        jobs.append(
            Job(
                name=district_id,
                group="district",
                notebook=folder / f"{DISTRICT_NOTEBOOK}.ipynb",
                parameters={"district": district_id, "data": data_argument},
                title=f"{row['type']} {row['name']} ({row['province']})",
                data_key=combine_hashes(hashes, peers),
                region=str(row["region"]),
                province=str(row["province"]),
            )
        )
    return jobs


def check_jobs(jobs: list[Job]) -> dict[Path, str]:
    """Checks every job's parameters against its notebook before anything runs.

    Returns:
        Each notebook's text (read once), by path.

    Raises:
        RunnerError: Listing every problem of every job.
    """
    from analysis.reports.params import ParameterError

    notebooks: dict[Path, str] = {}
    parsed: dict[Path, dict] = {}
    problems = []
    for job in jobs:
        if job.notebook not in notebooks:
            try:
                notebooks[job.notebook] = job.notebook.read_text(encoding="utf-8")
                parsed[job.notebook] = json.loads(notebooks[job.notebook])
            except (OSError, ValueError) as exc:
                raise RunnerError(f"cannot read notebook {job.notebook}: {exc}") from None
        try:
            specs = read_parameters(parsed[job.notebook], job.notebook.name)
            check_parameters(specs, job.parameters, job.notebook.name)
        except ParameterError as exc:
            problems.append(f"{job.name}: {exc}")
    if problems:
        raise RunnerError("parameters refused before running anything:\n" + "\n".join(problems))
    return notebooks


PLAN_FILE = ".plan.json"


def plan_signature(request: dict, data_path: Path, notebooks: Path | None = None) -> str:
    """A cheap hash of everything a plan depends on: the data files, the notebooks, the
    library, package versions and the request (districts, parameters, options)."""
    folder = notebooks or notebooks_dir()
    return sha256_json(
        {
            "request": request,
            "data": fingerprint_files(data_path),
            "notebooks": {
                p.name: sha256_bytes(p.read_bytes()) for p in sorted(folder.glob("*.ipynb"))
            },
            "library": library_hash(),
            "versions": package_versions(),
            "format": FORMAT_VERSION,
        }
    )


def read_plan(out_dir: Path, signature: str) -> tuple[list[Job], dict] | None:
    """Returns the jobs and data description saved by an earlier run with the same inputs."""
    try:
        saved = json.loads((out_dir / PLAN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if saved.get("signature") != signature:
        return None
    jobs = [Job(**{**job, "notebook": Path(job["notebook"])}) for job in saved["jobs"]]
    return jobs, saved["data"]


def write_plan(out_dir: Path, signature: str, jobs: list[Job], data: dict) -> None:
    """Saves a plan so that a run with unchanged inputs need not load the data to plan."""
    import dataclasses

    records = [{**dataclasses.asdict(job), "notebook": str(job.notebook)} for job in jobs]
    write_text_atomic(
        out_dir / PLAN_FILE,
        json.dumps({"signature": signature, "data": data, "jobs": records}, ensure_ascii=False),
    )


def job_key(job: Job, notebook_sha: str, keep_code: bool) -> str:
    """The hash that decides whether a report is up to date."""
    return sha256_json(
        {
            "notebook": notebook_sha,
            "parameters": job.parameters,
            "library": library_hash(),
            "data": job.data_key,
            "versions": package_versions(),
            "keep_code": keep_code,
            "format": FORMAT_VERSION,
        }
    )


def read_sidecar(out_dir: Path, job: Job) -> dict | None:
    """Returns a job's provenance record from a previous run, or None."""
    try:
        return json.loads(output_path(out_dir, job, ".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_up_to_date(out_dir: Path, job: Job, key: str) -> bool:
    """Whether a previous run produced this report, successfully, from the same inputs."""
    record = read_sidecar(out_dir, job)
    if not record or record.get("key") != key or record.get("status") != "ok":
        return False
    return all(output_path(out_dir, job, s).is_file() for s in (".ipynb", ".html"))


# --- Kernels ----------------------------------------------------------------------------------


class KernelFailure(RuntimeError):
    """The kernel died or stopped answering; the worker must restart it."""


class Worker:
    """One warm kernel and one HTML exporter, running reports one after another."""

    def __init__(self, index: int, cwd: Path, timeout: float, keep_code: bool, fresh: bool) -> None:
        self.index = index
        self.cwd = cwd
        self.timeout = timeout
        self.fresh = fresh
        self.km = None
        self.kc = None
        self.used = False
        self.restarts = 0
        self.language_info: dict = {}
        self.last_timings: dict = {}
        from analysis.present.html import make_exporter

        self.exporter = make_exporter(keep_code)

    async def start(self) -> None:
        """Starts the kernel and imports the heavy libraries in it, trying twice."""
        for attempt in range(1, START_ATTEMPTS + 1):
            try:
                await self._start_once()
                return
            except (RuntimeError, TimeoutError, KernelFailure):
                await self.stop()
                if attempt == START_ATTEMPTS:
                    raise

    async def _start_once(self) -> None:
        from jupyter_client.kernelspec import KernelSpec
        from jupyter_client.manager import AsyncKernelManager

        from analysis.reports.kernels import WARMUP

        self.km = AsyncKernelManager(kernel_name="python3")
        # This interpreter, whatever "python3" kernel a user has installed elsewhere: the
        # provenance records this environment's package versions.
        self.km._kernel_spec = KernelSpec(
            argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            display_name="Python 3 (analysis)",
            language="python",
        )
        await self.km.start_kernel(
            cwd=str(self.cwd),
            extra_arguments=["--HistoryManager.enabled=False", "--IPKernelApp.log_level=ERROR"],
        )
        self.kc = self.km.client()
        self.kc.start_channels()
        await self.kc.wait_for_ready(timeout=STARTUP_TIMEOUT)
        info = await self.kc.kernel_info(reply=True, timeout=STARTUP_TIMEOUT)
        self.language_info = info["content"].get("language_info", {})
        await self._silent(WARMUP)
        self.used = False

    async def stop(self) -> None:
        """Shuts the kernel down (at once)."""
        if self.kc is not None:
            with contextlib.suppress(Exception):
                self.kc.stop_channels()
        if self.km is not None:
            with contextlib.suppress(Exception):
                await self.km.shutdown_kernel(now=True)
            with contextlib.suppress(Exception):
                await self.km.cleanup_resources()
        self.km = self.kc = None

    async def restart(self) -> None:
        """Replaces a dead, hung or possibly damaged kernel with a new warm one."""
        await self.stop()
        self.restarts += 1
        await self.start()

    async def _silent(self, code: str) -> None:
        reply = await self.kc.execute_interactive(
            code,
            silent=True,
            store_history=False,
            timeout=STARTUP_TIMEOUT,
            output_hook=lambda msg: None,
        )
        if reply["content"].get("status") != "ok":
            content = reply["content"]
            raise KernelFailure(
                f"kernel set-up failed: {content.get('ename')}: {content.get('evalue')}"
            )

    async def execute(self, notebook) -> str:
        """Runs a parameterized notebook in the warm kernel; returns an error text or ''.

        `self.last_timings` says how long the kernel preparation and the cells took.
        """
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

        from analysis.reports.kernels import RESET

        began = time.monotonic()
        if self.km is None:
            await self.start()
        elif self.fresh and self.used:
            await self.restart()
        elif self.used:
            await self._silent(RESET)
        self.used = True
        prepared = time.monotonic()
        self.last_timings = {"prepare_kernel_seconds": round(prepared - began, 3)}
        deadline = time.monotonic() + self.timeout
        client = NotebookClient(
            notebook,
            km=self.km,
            timeout=int(self.timeout),
            timeout_func=lambda cell: max(1, int(deadline - time.monotonic())),
            allow_errors=False,
            record_timing=True,
            resources={"metadata": {"path": str(self.cwd)}},
        )
        client.kc = self.kc
        client.reset_execution_trackers()
        notebook.metadata["language_info"] = self.language_info

        async def run_cells() -> None:
            for index, cell in enumerate(notebook.cells):
                await client.async_execute_cell(
                    cell, index, execution_count=client.code_cells_executed + 1
                )

        try:
            await asyncio.wait_for(run_cells(), timeout=self.timeout + GRACE_SECONDS)
            self.last_timings["cells_seconds"] = round(time.monotonic() - prepared, 3)
        except CellExecutionError as exc:
            return _first_line(exc)
        except (TimeoutError, CellTimeoutError):
            await self.restart()
            return f"time limit of {self.timeout:g} s exceeded"
        except DeadKernelError:
            await self.restart()
            return "the kernel died (crash or out of memory)"
        return ""


def _first_line(exc: Exception) -> str:
    ename = getattr(exc, "ename", type(exc).__name__)
    evalue = getattr(exc, "evalue", str(exc))
    return f"{ename}: {evalue}".strip().splitlines()[0][:500]


# --- Running ----------------------------------------------------------------------------------


def parameterize(notebook: str | dict, parameters: dict):
    """Injects parameters after the parameters cell, exactly as papermill does.

    Args:
        notebook: The notebook's JSON text (or an nbformat node).
        parameters: The values to inject.
    """
    import nbformat
    from papermill.parameterize import parameterize_notebook

    node = (
        nbformat.reads(notebook, as_version=4)
        if isinstance(notebook, str)
        else copy.deepcopy(notebook)
    )
    node.metadata.setdefault("papermill", {})
    for cell in node.cells:  # papermill's loader gives every cell a tags list
        cell.metadata.setdefault("tags", [])
    return parameterize_notebook(node, parameters, kernel_name="python3", language="python")


def _error_cell(error: str):
    import html

    import nbformat

    return nbformat.v4.new_markdown_cell(f"**This report failed:** {html.escape(error)}")


@dataclass
class BatchSettings:
    """How to run a batch."""

    out_dir: Path
    jobs: int = max(1, os.cpu_count() or 1)
    timeout: float = 600.0
    force: bool = False
    keep_code: bool = False
    fresh_kernels: bool = False
    data_origin: str = "embedded"
    data_fingerprint: str = ""
    progress: bool = True


async def _run_job(
    worker: Worker, job: Job, source: dict, key: str, settings: BatchSettings
) -> JobResult:
    started = time.time()
    started_clock = time.monotonic()
    notebook = parameterize(source, job.parameters)
    parameterized = time.monotonic()
    error = await worker.execute(notebook)
    executed = time.monotonic()
    status = "failed" if error else "ok"
    if error:
        notebook.cells.insert(0, _error_cell(error))
    generated = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    relative = {
        s: str(output_path(settings.out_dir, job, s).relative_to(settings.out_dir.resolve()))
        for s in (".ipynb", ".html", ".json")
    }
    header = {
        "title": job.title,
        "parameters": job.parameters,
        "data_origin": settings.data_origin,
        "data_fingerprint": job.data_key,
        "generated": generated,
        "version": __version__,
        "provenance": relative[".json"],
        "synthetic": "SYNTHETIC" in settings.data_origin.upper(),
        "error": error,
    }
    notebook.metadata["vn_report"] = {"key": key, "status": status, "generated": generated}
    import nbformat

    notebook_text = nbformat.writes(notebook)
    html = await asyncio.to_thread(_export, worker, notebook, header)
    exported = time.monotonic()
    figures = read_key_figures(notebook)
    record = {
        "name": job.name,
        "title": job.title,
        "group": job.group,
        "region": job.region,
        "province": job.province,
        "notebook": job.notebook.name,
        "notebook_sha256": sha256_bytes(source.encode()),
        "parameters": job.parameters,
        "data": {
            "origin": settings.data_origin,
            "dataset_fingerprint": settings.data_fingerprint,
            "data_key": job.data_key,
        },
        "library_sha256": library_hash(),
        "versions": package_versions(),
        "key": key,
        "status": status,
        "error": error,
        "key_figures": figures,
        "generated": generated,
        "timings": {
            "started": dt.datetime.fromtimestamp(started, dt.UTC).isoformat(),
            "parameterize_seconds": round(parameterized - started_clock, 3),
            **worker.last_timings,
            "execute_seconds": round(executed - started_clock, 3),
            "export_seconds": round(exported - executed, 3),
            "total_seconds": round(exported - started_clock, 3),
        },
        "runner": {
            "worker": worker.index,
            "kernel_restarts": worker.restarts,
            "fresh_kernels": settings.fresh_kernels,
        },
        "outputs": {
            "ipynb": relative[".ipynb"],
            "html": relative[".html"],
            "sha256": {
                "ipynb": sha256_bytes(notebook_text.encode()),
                "html": sha256_bytes(html.encode()),
            },
        },
    }
    write_text_atomic(output_path(settings.out_dir, job, ".ipynb"), notebook_text)
    write_text_atomic(output_path(settings.out_dir, job, ".html"), html)
    write_text_atomic(
        output_path(settings.out_dir, job, ".json"),
        json.dumps(record, indent=1, ensure_ascii=False),
    )
    return JobResult(job, status, exported - started_clock, error, figures, record)


def _export(worker: Worker, notebook, header: dict) -> str:
    from analysis.present.html import export_html

    return export_html(worker.exporter, notebook, header)


def _check_writable(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / ".write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise RunnerError(
            f"cannot write into {out_dir}: {exc.strerror or exc}; nothing was changed"
        ) from None


async def _run(
    jobs: list[Job],
    sources: dict,
    keys: dict,
    settings: BatchSettings,
    results: list[JobResult],
    progress,
) -> None:
    """Runs jobs on `settings.jobs` warm kernels, appending to `results` as each ends."""
    queue: asyncio.Queue = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    workers = [Worker(i, jobs[0].notebook.parent, settings.timeout, settings.keep_code, settings.fresh_kernels)
               for i in range(min(settings.jobs, len(jobs)))]  # fmt: skip

    async def work(worker: Worker) -> None:
        while not queue.empty():
            job = queue.get_nowait()
            try:
                result = await _run_job(
                    worker, job, sources[job.notebook], keys[job.name], settings
                )
            except OSError as exc:
                result = JobResult(job, "failed", 0.0, f"cannot write the report: {exc}")
            except Exception as exc:  # a kernel that cannot start or answer: report, go on
                result = JobResult(job, "failed", 0.0, f"{type(exc).__name__}: {exc}")
                try:
                    await worker.restart()
                except Exception:
                    results.append(result)
                    progress(result)
                    return  # this worker is broken; the others take the remaining jobs
            results.append(result)
            progress(result)

    try:
        await asyncio.gather(*(work(w) for w in workers))
    finally:
        await asyncio.gather(*(w.stop() for w in workers), return_exceptions=True)
    while not queue.empty():  # every worker broke: say so for each job left
        job = queue.get_nowait()
        results.append(JobResult(job, "failed", 0.0, "no kernel could be started"))


def run_batch(jobs: list[Job], settings: BatchSettings) -> BatchResult:
    """Runs a batch: checks parameters, skips what is up to date, runs the rest in parallel.

    Raises:
        RunnerError: Before anything runs, when a parameter does not fit its notebook or the
            output folder cannot be written.
    """
    began = time.monotonic()
    sources = check_jobs(jobs)
    _check_writable(settings.out_dir)
    remove_stale_temporaries(settings.out_dir)
    notebook_shas = {
        path: sha256_bytes(json.dumps(nb, sort_keys=True).encode()) for path, nb in sources.items()
    }
    keys = {job.name: job_key(job, notebook_shas[job.notebook], settings.keep_code) for job in jobs}
    results: list[JobResult] = []
    pending = []
    for job in jobs:
        if not settings.force and is_up_to_date(settings.out_dir, job, keys[job.name]):
            record = read_sidecar(settings.out_dir, job) or {}
            results.append(
                JobResult(job, "skipped", 0.0, "", record.get("key_figures", {}), record)
            )
        else:
            pending.append(job)
    bar = None
    if settings.progress and pending:
        from tqdm import tqdm

        bar = tqdm(
            total=len(pending), unit="report", file=sys.stderr, dynamic_ncols=True, desc="reports"
        )

    def progress(result: JobResult) -> None:
        if bar is not None:
            bar.set_postfix_str(
                f"failed {sum(r.status == 'failed' for r in results)}", refresh=False
            )
            bar.update(1)

    interrupted = False
    if pending:
        loop = asyncio.new_event_loop()
        task = loop.create_task(_run(pending, sources, keys, settings, results, progress))
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signal.SIGINT, task.cancel)
            loop.add_signal_handler(signal.SIGTERM, task.cancel)
        try:
            loop.run_until_complete(task)
        except asyncio.CancelledError:
            interrupted = True
        finally:
            loop.close()
            if bar is not None:
                bar.close()
    order = {job.name: i for i, job in enumerate(jobs)}
    results.sort(key=lambda r: order[r.job.name])
    return BatchResult(results, time.monotonic() - began, settings.out_dir, interrupted)


def default_data_argument(path: str | None) -> str:
    """The `data` parameter for notebooks: "" for the embedded data, else an absolute path."""
    if not path:
        return ""
    resolved = Path(path).expanduser().resolve()
    if resolved == embedded_data_dir().resolve():
        return ""
    return str(resolved)
