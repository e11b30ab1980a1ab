"""A batch of reports, from a dataset specification to an index page: `build_reports`.

The one entry point of a batch (the command line, the tests and the benchmark call it).
In order, under an OS lock on the output folder: plan the reports (`plan`; a saved plan is
reused when no input changed, so an unchanged run loads no data), decide which are stale
(`plan.decide`, reading the provenance records), make the stale ones with an executor
(`execute.LocalExecutor` by default: warm kernels on this machine), and write the index.
A batch in two languages (`languages=["vi", "en"]`) is one batch: one plan, one load of
the data, one pool of kernels taking the reports of both, and an index per language folder.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from analysis.files import check_writable, folder_lock, remove_stale_temporaries
from analysis.reports.execute import Executor, LocalExecutor, ReportResult, RunContext
from analysis.reports.grid import check_languages
from analysis.reports.heap import release_memory, use_one_heap
from analysis.reports.index import write_index
from analysis.reports.plan import (
    Job,
    RunnerError,
    check_jobs,
    decide,
    plan_signature,
    read_plan,
    write_plan,
)
from analysis.reports.planning import plan_apart
from analysis.reports.registry import ReportState
from analysis.reports.spec import DatasetSpec

SIGNAL_EXIT_BASE = 128


@dataclass(frozen=True)
class BuildOptions:
    """How to run a batch.

    Attributes:
        jobs: Parallel kernels of the default executor (a whole number, at least 1).
        timeout: Time limit per report, seconds (finite, above 0).
        force: Remake reports even when up to date.
        keep_code: Show code cells in the HTML.
        fresh_kernels: A new kernel for every report (slow; for checks).
        progress: Show a progress bar on stderr.
        other_language: (label, folder) of the same batch in another language, the folder
            relative to this batch's output folder ("en/", "../"): reports and the index
            link to it. Not needed with `build_reports(languages=...)`, which links the
            languages of one batch itself.
    """

    jobs: int = max(1, os.cpu_count() or 1)
    timeout: float = 600.0
    force: bool = False
    keep_code: bool = False
    fresh_kernels: bool = False
    progress: bool = True
    other_language: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        if isinstance(self.jobs, bool) or not isinstance(self.jobs, int) or self.jobs < 1:
            raise ValueError(f"jobs must be a whole number of at least 1, got {self.jobs!r}")
        if (
            not isinstance(self.timeout, int | float)
            or not math.isfinite(self.timeout)
            or self.timeout <= 0
        ):
            raise ValueError(f"timeout must be a number of seconds above 0, got {self.timeout!r}")


@dataclass
class BatchResult:
    """What happened to a batch.

    Attributes:
        results: One per planned report, in plan order.
        seconds: Wall time of the batch.
        out_dir: The output folder.
        signal: The signal that interrupted the batch, or None.
        index: The index page of the output folder, or None when it was not written.
        indexes: Every index page written: the output folder's, then each other
            language folder's.
        index_error: Why an index could not be written ("" when every one was).
        executor_runs: How many times an executor was started (0 when nothing was stale,
            else 1: one pool of kernels for the whole batch, whatever its languages).
    """

    results: list[ReportResult]
    seconds: float
    out_dir: Path
    signal: int | None = None
    index: Path | None = None
    index_error: str = ""
    data: dict = field(default_factory=dict)
    indexes: list[Path] = field(default_factory=list)
    executor_runs: int = 0

    @property
    def interrupted(self) -> bool:
        """Whether a signal stopped the batch before every report was made."""
        return self.signal is not None

    @property
    def exit_status(self) -> int:
        """128 + the signal when interrupted (130 for SIGINT, 143 for SIGTERM)."""
        return SIGNAL_EXIT_BASE + self.signal if self.signal else 0

    def count(self, state: ReportState) -> int:
        """How many reports ended in this state."""
        return sum(1 for r in self.results if r.state is state)

    @property
    def failed(self) -> list[ReportResult]:
        """The failed reports."""
        return [r for r in self.results if r.state is ReportState.FAILED]


def _progress_bar(total: int, show: bool):
    if not show or not total:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="report", file=sys.stderr, dynamic_ncols=True, desc="reports")


def _say_waiting(folder: Path):
    def say(pid: int | None) -> None:
        holder = f" (process {pid})" if pid else ""
        print(f"another run{holder} is writing into {folder}; waiting for it to finish…",
              file=sys.stderr, flush=True)  # fmt: skip

    return say


def _prepare_folder(out_dir: Path) -> None:
    try:
        check_writable(out_dir)
    except OSError as exc:
        raise RunnerError(
            f"cannot write into {out_dir}: {exc.strerror or exc}; nothing was changed"
        ) from None


def _execute(
    jobs: list[Job], context: RunContext, options: BuildOptions, executor: Executor | None
):
    """Decides what is stale, then makes it; returns the results and the interrupting signal."""
    decisions = decide(
        jobs, context.out_dir, options.keep_code, options.force, options.other_language
    )
    results = [
        ReportResult(d.job, d.state, 0.0, "", d.record.key_figures, d.record)
        for d in decisions
        if d.state is ReportState.UP_TO_DATE
    ]
    pending = [d.job for d in decisions if d.state is ReportState.PENDING]
    if not pending:
        return results, None, 0
    bar = _progress_bar(len(pending), options.progress)

    def on_result(result: ReportResult) -> None:
        results.append(result)
        release_memory(collect=False)  # the report's texts are written and dropped
        if bar is not None:
            bar.set_postfix_str(
                f"failed {sum(r.state is ReportState.FAILED for r in results)}", refresh=False
            )
            bar.update(1)

    runner = executor or LocalExecutor(options.jobs)
    use_one_heap()
    context = dataclasses.replace(context, keys={d.job.ident: d.key for d in decisions})
    try:
        signum = runner.run(pending, context, on_result)
    finally:
        if bar is not None:
            bar.close()
    return results, signum, 1


def _write_indexes(batch: BatchResult, jobs: list[Job]) -> None:
    """Writes the index of each folder of the batch (the output folder, then each other
    language's), each listing that folder's reports in its language."""
    errors = []
    for root in dict.fromkeys(job.root for job in jobs) or [""]:
        planned = [job for job in jobs if job.root == root]
        results = [r for r in batch.results if r.job.root == root]
        folder = batch.out_dir / root if root else batch.out_dir
        lang = next((j.parameters["lang"] for j in planned if "lang" in j.parameters), "vi")
        other = next((j.other_language for j in planned if j.other_language), None)
        try:
            path = write_index(folder, results, planned, batch.data, batch.seconds,
                               batch.interrupted, lang,
                               other and (other[0], other[1] + "index.html"))  # fmt: skip
        except OSError as exc:
            where = exc.filename or folder / "index.html"
            errors.append(
                f"cannot write the index {where}: {exc.strerror or exc}; the reports are kept, "
                "index.html and index.json were left as they were"
            )
            continue
        batch.indexes.append(path)
        if not root:
            batch.index = path
    batch.index_error = "\n".join(errors)


def _run_locked(jobs, spec, out_dir, data, options, executor, began) -> BatchResult:
    """Runs planned jobs and writes the indexes; the caller holds the folders' locks."""
    remove_stale_temporaries(out_dir)
    check_jobs(jobs)
    if options.other_language:  # the batch's link, for the jobs that have none of their own
        link = options.other_language
        jobs = [
            j if j.other_language else dataclasses.replace(j, other_language=link) for j in jobs
        ]
    context = RunContext(out_dir, spec, data["origin"], data["fingerprint"], {}, options.timeout,
                         options.keep_code, options.fresh_kernels)  # fmt: skip
    results, signum, runs = _execute(jobs, context, options, executor)
    order = {job.ident: i for i, job in enumerate(jobs)}
    results.sort(key=lambda r: order[r.job.ident])
    batch = BatchResult(results, time.monotonic() - began, out_dir, signum, data=data,
                        executor_runs=runs)  # fmt: skip
    _write_indexes(batch, jobs)
    return batch


def run_jobs(
    jobs: list[Job],
    out_dir: Path,
    *,
    spec: DatasetSpec | None = None,
    options: BuildOptions | None = None,
    executor: Executor | None = None,
    data: dict | None = None,
) -> BatchResult:
    """Runs a list of jobs already planned (own notebooks, tests); see `build_reports`.

    Raises:
        RunnerError: Before anything runs, when a parameter does not fit its notebook or the
            output folder cannot be written.
    """
    began = time.monotonic()
    options = options or BuildOptions()
    data = data or {"origin": "given jobs", "fingerprint": "", "synthetic": False}
    check_jobs(jobs)
    with _locked_folders(out_dir, [job.root for job in jobs]):
        return _run_locked(jobs, spec or DatasetSpec(), out_dir, data, options, executor, began)


@contextlib.contextmanager
def _locked_folders(out_dir: Path, roots: list[str]):
    """Checks and locks the output folder, then each language folder under it (in that
    order, so two runs never wait for each other in a circle), while the block runs.

    Raises:
        RunnerError: When a folder cannot be written.
    """
    folders = [out_dir] + [out_dir / root for root in dict.fromkeys(roots) if root]
    with contextlib.ExitStack() as stack:
        for folder in folders:
            _prepare_folder(folder)
            stack.enter_context(folder_lock(folder, _say_waiting(folder)))
        yield


def _plan(spec, out_dir, request, notebooks) -> tuple[list[Job], dict, str | None]:
    """The jobs and data description: saved by an earlier run with the same inputs, or made
    by loading the data in a planning process. Returns the signature to save the plan under
    (None: reused)."""
    signature = plan_signature(request, spec, notebooks)
    cached = read_plan(out_dir, signature)
    if cached is not None:
        return *cached, None
    return *plan_apart(spec, request, notebooks), signature


def _request(districts, comparisons, params, grid, languages, options: BuildOptions) -> dict:
    """What a batch asks for, as the saved plan's signature hashes it.

    Raises:
        RunnerError: On refused languages, or a language given twice.
    """
    request = {"districts": districts, "comparisons": comparisons, "params": dict(params or {})}
    if grid:  # only when given, so that plans saved without a grid stay valid
        request["grid"] = grid
    if not languages:
        return request
    languages = check_languages(list(languages))
    if "lang" in request["params"] or "lang" in (grid or {}):
        raise RunnerError("give the languages once: languages (--lang) or lang as a parameter")
    if options.other_language and len(languages) > 1:
        raise RunnerError("a batch in two languages links them itself: leave other_language out")
    if len(languages) == 1:  # one language: a parameter, as it always was
        request["params"]["lang"] = languages[0]
    else:
        request["languages"] = languages
    return request


def build_reports(
    spec: DatasetSpec | None = None,
    out_dir: Path | None = None,
    *,
    districts: list[str] | None = None,
    comparisons: bool = True,
    params: dict | None = None,
    grid: dict[str, list[str]] | None = None,
    options: BuildOptions | None = None,
    notebooks: Path | None = None,
    executor: Executor | None = None,
    languages: list[str] | None = None,
) -> BatchResult:
    """Makes every stale report of a dataset, and the index: the one entry point of a batch.

    Args:
        spec: The dataset and how to read it (the embedded data by default).
        out_dir: The output folder (the checkout's reports/ by default).
        districts: District ids or names; None for every district.
        comparisons: Also make the reports across districts and the data-quality report.
        params: Extra notebook parameters, by name; text values are converted to the type
            the notebook declares. The runner's own (district, data, encoding, number_format)
            are refused.
        grid: Values per parameter ({"alpha": ["0.05", "0.1"]}): a report per combination,
            each under its own name in the same folder (`grid.expand_grid`).
        options: How to run (`BuildOptions`).
        notebooks: The folder of the report notebooks (the project's by default).
        executor: What makes the reports: `execute.LocalExecutor(options.jobs)` by default;
            any object with the `execute.Executor` interface (a cluster) may replace it.
        languages: ["vi", "en"] or ["en", "vi"]: both languages in this one batch, the
            first's reports in `out_dir`, the second's under the same names in
            `out_dir/<language>/`, each folder with its index in its language and each report
            linking to its version in the other (`grid.expand_languages`). One language
            (["en"]) is `params={"lang": "en"}`. None: the `lang` of `params` (Vietnamese).

    Raises:
        RunnerError: Before anything runs: a refused parameter, district or language, a
            language given twice (`languages` and `lang` in `params` or `grid`), an output
            folder that cannot be written.
        analysis.data.problems.DatasetError: When the dataset is not valid.
    """
    from analysis.paths import default_reports_dir, notebooks_dir

    began = time.monotonic()
    spec = spec or DatasetSpec()
    out_dir = Path(out_dir) if out_dir else default_reports_dir()
    options = options or BuildOptions()
    request = _request(districts, comparisons, params, grid, languages, options)
    roots = request.get("languages", [""])[1:]
    with _locked_folders(out_dir, roots):
        jobs, data, signature = _plan(spec, out_dir, request, notebooks or notebooks_dir())
        batch = _run_locked(jobs, spec, out_dir, data, options, executor, began)
        if signature is not None and not batch.interrupted:
            write_plan(out_dir, signature, jobs, data)
    return batch
