"""Executing reports: one report in a warm kernel, exported to HTML, and a local pool.

`run_report` injects the parameters (as papermill does), runs the notebook in a `Worker`'s
kernel, exports HTML in-process and writes the notebook, the HTML and the provenance record,
each under a temporary name renamed into place, the record last.

An executor makes a list of pending reports and calls back as each ends. `LocalExecutor`
(the default) runs them on a pool of warm kernels on this machine. Another executor (a
cluster) implements the same `Executor` protocol: `run(jobs, context, on_result)`, where
each of its workers calls `run_report` or does the same work and returns a `ReportResult`.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import datetime as dt
import os
import signal
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from analysis import __version__
from analysis.files import write_text_atomic
from analysis.present.key_figures import read_key_figures
from analysis.present.wording import TITLES
from analysis.reports.kernels import Worker
from analysis.reports.params import declared_language
from analysis.reports.plan import Job, output_path, root_folder
from analysis.reports.provenance import library_hash, package_versions, sha256_bytes
from analysis.reports.records import ProvenanceRecord, notebook_hash, write_record
from analysis.reports.registry import ReportState
from analysis.reports.spec import DatasetSpec
from analysis.reports.warm import national_languages, preload_code


@dataclass
class ReportResult:
    """What happened to one report."""

    job: Job
    state: ReportState
    seconds: float = 0.0
    error: str = ""
    key_figures: dict = field(default_factory=dict)
    record: ProvenanceRecord | None = None


@dataclass(frozen=True)
class RunContext:
    """What every report of a batch shares.

    Attributes:
        out_dir: The output folder.
        spec: The dataset specification (also in each job's parameters).
        data_origin: Where the data came from, as the header shows it.
        data_fingerprint: The hash of the dataset's files.
        keys: Each job's key (`plan.report_key`), by `Job.ident`.
        timeout: Time limit per report, seconds.
        keep_code: Show code cells in the HTML.
        fresh_kernels: A new kernel for every report.
    """

    out_dir: Path
    spec: DatasetSpec
    data_origin: str
    data_fingerprint: str
    keys: dict
    timeout: float = 600.0
    keep_code: bool = False
    fresh_kernels: bool = False


class Executor(Protocol):
    """Makes pending reports; `LocalExecutor` is the default."""

    def run(
        self, jobs: list[Job], context: RunContext, on_result: Callable[[ReportResult], None]
    ) -> int | None:
        """Makes every job, calling `on_result` as each ends.

        Returns:
            None, or the number of the signal that interrupted the batch.
        """


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


FAILED_WORDS = {"vi": "Báo cáo bị lỗi", "en": "This report failed"}
"""What the first cell of a failed report says, in the report's language, before the error."""


def _error_cell(error: str, lang: str):
    import html

    import nbformat

    words = FAILED_WORDS.get(lang, FAILED_WORDS["en"])
    return nbformat.v4.new_markdown_cell(f"**{words}:** {html.escape(error)}")


def _relative_outputs(job: Job, out_dir: Path) -> dict[str, str]:
    """A job's files relative to its root (its language's folder), as its page and its
    record name them."""
    base = root_folder(out_dir, job).resolve()
    return {
        s: str(output_path(out_dir, job, s).relative_to(base)) for s in (".ipynb", ".html", ".json")
    }


def report_language(job: Job, notebook) -> str:
    """The language a report is written in: its `lang` parameter, else the default its
    notebook (a node, or its JSON as a dict) declares (`params.declared_language`)."""
    return str(job.parameters.get("lang") or declared_language(notebook, job.notebook.name))


def _title(job: Job, lang: str) -> str:
    """The report's title in its language (a district's as planned)."""
    return TITLES.get(job.name.replace("-", "_"), {}).get(lang, job.title)


def _header(job: Job, context: RunContext, generated: str, error: str, lang: str) -> dict:
    """What the HTML header of a report shows."""
    html = _relative_outputs(job, context.out_dir)[".html"]
    other = job.other_language
    return {
        "other_language": other
        and {"label": other[0], "href": "../" * html.count("/") + other[1] + html},
        "title": _title(job, lang),
        "lang": lang,
        "parameters": job.parameters,
        "data_origin": context.data_origin,
        "data_fingerprint": job.data_key,
        "generated": generated,
        "version": __version__,
        "provenance": _relative_outputs(job, context.out_dir)[".json"],
        "synthetic": "SYNTHETIC" in context.data_origin.upper(),
        "error": error,
    }


def _record(job, context, worker, state, error, figures, generated, timings, hashes):
    relative = _relative_outputs(job, context.out_dir)
    return ProvenanceRecord(
        name=job.name, title=job.title, group=job.group.value, region=job.region,
        province=job.province, notebook=job.notebook.name, notebook_sha256=notebook_hash(job.notebook),
        parameters=job.parameters, dataset=context.spec.as_record(),
        data={"origin": context.data_origin, "dataset_fingerprint": context.data_fingerprint,
              "data_key": job.data_key},
        library_sha256=library_hash(), versions=package_versions(), key=context.keys[job.ident],
        status=state.value, error=error, key_figures=figures, generated=generated, timings=timings,
        runner={"worker": worker.index, "kernel_restarts": worker.restarts,
                "fresh_kernels": context.fresh_kernels},
        outputs={"ipynb": relative[".ipynb"], "html": relative[".html"], "sha256": hashes},
    )  # fmt: skip


@dataclass
class MadeReport:
    """A report made but not yet written: what happened, and its two files' text.

    Made where the kernel is (this process, or a cluster worker); written by the process
    that owns the output folder (`write_report`).
    """

    result: ReportResult
    notebook_text: str
    html: str


async def run_report(worker: Worker, exporter, job: Job, context: RunContext) -> ReportResult:
    """Makes one report in a worker's warm kernel and writes its three files."""
    return write_report(context.out_dir, await make_report(worker, exporter, job, context))


def write_report(out_dir: Path, made: MadeReport) -> ReportResult:
    """Writes a report's notebook, HTML and record, each atomically, the record last (its
    presence says the report is whole)."""
    job = made.result.job
    write_text_atomic(output_path(out_dir, job, ".ipynb"), made.notebook_text)
    write_text_atomic(output_path(out_dir, job, ".html"), made.html)
    write_record(output_path(out_dir, job, ".json"), made.result.record)
    return made.result


async def make_report(worker: Worker, exporter, job: Job, context: RunContext) -> MadeReport:
    """Makes one report in a worker's warm kernel and exports its HTML; writes nothing."""
    import nbformat

    from analysis.present.html import export_html

    started, clock = time.time(), time.monotonic()
    notebook = parameterize(job.notebook.read_text(encoding="utf-8"), job.parameters)
    parameterized = time.monotonic()
    error = await worker.execute(notebook)
    executed = time.monotonic()
    state = ReportState.FAILED if error else ReportState.COMPLETED
    lang = report_language(job, notebook)
    if error:
        notebook.cells.insert(0, _error_cell(error, lang))
    generated = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    notebook.metadata["vn_report"] = {
        "key": context.keys[job.ident],
        "status": state.value,
        "generated": generated,
    }
    notebook_text = nbformat.writes(notebook)
    header = _header(job, context, generated, error, lang)
    html = await asyncio.to_thread(export_html, exporter, notebook, header)
    exported = time.monotonic()
    figures = read_key_figures(notebook)
    timings = {
        "started": dt.datetime.fromtimestamp(started, dt.UTC).isoformat(),
        "parameterize_seconds": round(parameterized - clock, 3),
        **worker.last_timings,
        "execute_seconds": round(executed - clock, 3),
        "export_seconds": round(exported - executed, 3),
        "total_seconds": round(exported - clock, 3),
    }
    hashes = {"ipynb": sha256_bytes(notebook_text.encode()), "html": sha256_bytes(html.encode())}
    record = _record(job, context, worker, state, error, figures, generated, timings, hashes)
    result = ReportResult(job, state, exported - clock, error, figures, record)
    return MadeReport(result, notebook_text, html)


LOCAL_TRANSPORT = "ipc" if os.name == "posix" else "tcp"
"""Kernels talk over Unix sockets where there are some: a TCP port chosen free can be taken
by another process before the kernel binds it ("Address already in use", papermill #511)."""


class LocalExecutor:
    """Runs reports on `jobs` warm kernels of this machine (the default executor).

    SIGINT and SIGTERM stop the batch cleanly: running reports are abandoned (their
    temporary files removed), finished ones are kept, and `run` returns the signal.
    """

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = max(1, jobs)

    def run(self, jobs: list[Job], context: RunContext, on_result) -> int | None:
        """Makes every job; returns the signal number if interrupted, else None."""
        return run_interruptibly(self._run(jobs, context, on_result))

    async def _run(self, jobs: list[Job], context: RunContext, on_result) -> None:
        from analysis.present.html import make_exporter

        queue: asyncio.Queue = asyncio.Queue()
        for job in jobs:
            queue.put_nowait(job)
        cwd = jobs[0].notebook.parent
        shared = tempfile.TemporaryDirectory(prefix="analysis-batch-")
        preload = preload_code(context.spec.as_record(), shared.name, national_languages(jobs))
        workers = [
            Worker(
                i,
                cwd,
                context.timeout,
                context.fresh_kernels,
                LOCAL_TRANSPORT,
                preload,
                shared.name,
            )
            for i in range(min(self.jobs, len(jobs)))
        ]
        try:
            await asyncio.gather(
                *(
                    self._work(w, make_exporter(context.keep_code), queue, context, on_result)
                    for w in workers
                )
            )
        finally:
            await asyncio.gather(*(w.stop() for w in workers), return_exceptions=True)
            shared.cleanup()
        while not queue.empty():  # every worker broke: say so for each job left
            on_result(
                ReportResult(
                    queue.get_nowait(), ReportState.FAILED, error="no kernel could be started"
                )
            )

    @staticmethod
    async def _work(worker: Worker, exporter, queue, context: RunContext, on_result) -> None:
        while not queue.empty():
            job = queue.get_nowait()
            try:
                result = await run_report(worker, exporter, job, context)
            except OSError as exc:
                result = ReportResult(
                    job, ReportState.FAILED, error=f"cannot write the report: {exc}"
                )
            except Exception as exc:  # a kernel that cannot start or answer: report, go on
                on_result(
                    ReportResult(job, ReportState.FAILED, error=f"{type(exc).__name__}: {exc}")
                )
                try:
                    await worker.restart()
                except Exception:
                    return  # this worker is broken; the others take the remaining jobs
                continue
            on_result(result)


def run_interruptibly(coroutine) -> int | None:
    """Runs a batch's coroutine on a new event loop, stopping it cleanly on SIGINT or
    SIGTERM; returns the signal number if one stopped it, else None."""
    caught: list[int] = []
    loop = asyncio.new_event_loop()
    task = loop.create_task(coroutine)

    def stop(signum: int) -> None:
        caught.append(signum)
        task.cancel()

    def report(loop: asyncio.AbstractEventLoop, context: dict) -> None:
        if not caught:  # after a signal, tasks cut short end with errors nobody awaits
            loop.default_exception_handler(context)

    loop.set_exception_handler(report)
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, stop, signum)
    try:
        loop.run_until_complete(task)
    except asyncio.CancelledError:
        caught.append(caught[0] if caught else signal.SIGINT)
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(signum)
        _close_quietly(loop)
    return caught[0] if caught else None


def _close_quietly(loop: asyncio.AbstractEventLoop) -> None:
    """Closes a loop after cancelling what is left, so no task warns about being destroyed."""
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    with contextlib.suppress(Exception):
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    with contextlib.suppress(Exception):
        loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()
