"""The client side: submitting a batch's reports to Dask and writing what comes back."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from analysis.reports.execute import ReportResult, RunContext, run_interruptibly, write_report
from analysis.reports.plan import Job, RunnerError
from analysis.reports.registry import ReportState
from analysis.reports.warm import national_languages, preload_code

INSTALL_HINT = (
    'running on a cluster needs Dask: pip install -e ".[cluster]" '
    "(or conda install -c conda-forge dask distributed)"
)
RETRIES = 1
"""A report whose worker is lost, or whose task raises, runs once more elsewhere."""
LOCAL = re.compile(r"^local(?::(\d+))?$")


class ClusterError(RunnerError):
    """Dask missing, a cluster that cannot be reached, or workers without kernels."""


def require_dask() -> None:
    """Raises ClusterError saying how to install Dask when it is not installed."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise ClusterError(INSTALL_HINT) from None


def parse_cluster(text: str, default_workers: int) -> int:
    """Reads `local` or `local:N` into a number of local workers.

    Raises:
        ClusterError: On anything else, or N < 1.
    """
    match = LOCAL.fullmatch(text.strip())
    if not match or (match.group(1) is not None and int(match.group(1)) < 1):
        raise ClusterError(
            f"--cluster takes local or local:N (N workers, N >= 1), got {text!r}; "
            "for an existing cluster use --scheduler tcp://HOST:8786"
        )
    return int(match.group(1)) if match.group(1) else max(1, default_workers)


def make_executor(cluster: str | None, scheduler: str | None, default_workers: int):
    """The executor for `--cluster local[:N]` or `--scheduler ADDRESS`; None for neither.

    Raises:
        ClusterError: When Dask is not installed or `cluster` is not local[:N].
    """
    if not (cluster or scheduler):
        return None
    require_dask()
    if scheduler:
        return DaskExecutor(scheduler=scheduler)
    return DaskExecutor(workers=parse_cluster(cluster, default_workers))


def task_key(job: Job, key: str) -> str:
    """The Dask key of a report: its name, its language folder and its content hash (the
    cache key; the two languages of a report differ in it too)."""
    return f"report-{job.root + '-' if job.root else ''}{job.name}-{key[:20]}"


@dataclass
class DaskExecutor:
    """Runs reports on a Dask cluster: a new LocalCluster, or an existing scheduler.

    Attributes:
        workers: Worker processes of the LocalCluster (ignored with `scheduler`).
        kernels_per_worker: Kernels (and threads) per LocalCluster worker.
        scheduler: Address of an existing scheduler ("tcp://host:8786"); "" for a local one.
    """

    workers: int = 2
    kernels_per_worker: int = 1
    scheduler: str = ""

    def run(self, jobs: list[Job], context: RunContext, on_result) -> int | None:
        """Makes every job, calling `on_result` as each ends (the `execute.Executor`
        interface); returns the signal number if SIGINT or SIGTERM stopped it."""
        require_dask()
        return run_interruptibly(self._run(jobs, context, on_result))

    async def _run(self, jobs: list[Job], context: RunContext, on_result) -> None:
        # The kernels of a LocalCluster share a folder on this machine; those of another
        # cluster each build what they need (their machines need not share a disk).
        with contextlib.ExitStack() as stack:
            shared = None
            if not self.scheduler:
                shared = stack.enter_context(tempfile.TemporaryDirectory(prefix="analysis-batch-"))
            async with self._client() as client:
                await self._prepare(client, jobs, context, shared)
                await _submit_and_collect(client, jobs, context, on_result)

    @contextlib.asynccontextmanager
    async def _client(self):
        import dask
        from distributed import Client, LocalCluster

        if self.scheduler:
            try:
                client = await Client(self.scheduler, asynchronous=True, timeout=30)
            except (OSError, TimeoutError) as exc:
                raise ClusterError(
                    f"cannot reach the Dask scheduler {self.scheduler}: {exc}"
                ) from None
            async with client:
                yield client
            return
        # One retry after a lost worker: a report that kills its worker twice is reported
        # as failed instead of taking down every worker in turn.
        with dask.config.set({"distributed.scheduler.allowed-failures": RETRIES}):
            cluster = await LocalCluster(
                n_workers=self.workers,
                threads_per_worker=self.kernels_per_worker,
                resources={"kernel": self.kernels_per_worker},
                processes=True,
                dashboard_address=":0",  # any free port: no clash with another cluster
                silence_logs=logging.ERROR,
                asynchronous=True,
            )
        async with cluster, Client(cluster, asynchronous=True) as client:
            yield client

    async def _prepare(
        self, client, jobs: list[Job], context: RunContext, shared: str | None
    ) -> None:
        from analysis.reports.cluster.plugin import WarmKernels

        await client.wait_for_workers(1, timeout=120)
        if not await _capacity(client):
            raise ClusterError(
                f"no worker of {self.scheduler or 'the cluster'} offers a 'kernel' resource; "
                "start the workers with: dask worker SCHEDULER --nthreads 1 --resources kernel=1"
            )
        # Each kernel loads the dataset once, at start, as the notebooks will load it; the
        # kernels of a local cluster prepare the national comparisons together (`warm`).
        preload = preload_code(context.spec.as_record(), shared, national_languages(jobs))
        plugin = WarmKernels(str(jobs[0].notebook.parent), preload, context.timeout,
                             context.keep_code, context.fresh_kernels, shared)  # fmt: skip
        await client.register_plugin(plugin)


async def _capacity(client) -> int:
    """How many kernels the cluster's workers offer now."""
    identity = await client.scheduler.identity(n_workers=-1)
    workers = identity.get("workers", {}).values()
    return int(sum(w.get("resources", {}).get("kernel", 0) for w in workers))


async def _submit_and_collect(client, jobs: list[Job], context: RunContext, on_result) -> None:
    """Keeps as many reports in flight as there are kernels, in the plan's order.

    Submitting only what can run now (instead of the whole batch) matters for the retry:
    the scheduler counts a lost worker against every task assigned to it, started or not,
    so a queue of reports held by a lost worker would use up their one retry.
    """
    from distributed import as_completed

    from analysis.reports.cluster.plugin import RESOURCE, run_report

    waiting = list(reversed(jobs))
    running: dict[str, Job] = {}
    completed = as_completed()

    async def refill() -> None:
        if not waiting:
            return
        capacity = max(1, await _capacity(client))  # asked each time: workers come and go
        while waiting and len(running) < capacity:
            job = waiting.pop()
            key = context.keys[job.ident]
            own = dataclasses.replace(context, keys={job.ident: key})  # not every job's key
            future = client.submit(run_report, job, own, key=task_key(job, key),
                                   resources={RESOURCE: 1}, retries=RETRIES, pure=False)  # fmt: skip
            running[future.key] = job
            completed.add(future)

    try:
        await refill()
        async for future in completed:
            job = running.pop(future.key)
            await refill()  # the next report starts while this one is fetched and written
            result = await _collect(future, job, context.out_dir)
            future.release()
            on_result(result)
    except asyncio.CancelledError:
        await client.cancel(list(completed.futures))
        raise


async def _collect(future, job: Job, out_dir: Path) -> ReportResult:
    """Writes a finished report; turns a lost or failed task into a failed result."""
    from distributed import KilledWorker

    failed = ReportState.FAILED
    try:
        made = await future
    except KilledWorker:
        return ReportResult(
            job,
            failed,
            error=f"the Dask worker running this report was lost, and again on the retry "
            f"({RETRIES + 1} workers lost: a crash, the memory limit or a killed process)",
        )
    except Exception as exc:  # raised by the task, after its retry
        return ReportResult(job, failed, error=f"{type(exc).__name__}: {exc}"[:500])
    try:
        return write_report(out_dir, made)
    except OSError as exc:
        return ReportResult(job, failed, error=f"cannot write the report: {exc}")
