"""The worker side: warm kernels kept by a Dask worker plugin, and the report task.

This module imports `distributed`; `executor` imports it only once Dask is known to be
installed, and workers import it when they unpickle the plugin.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import logging
import os
import queue
import shutil
import socket
import tempfile
import threading
from pathlib import Path

from distributed import WorkerPlugin, get_worker

from analysis.reports.execute import MadeReport, RunContext, make_report
from analysis.reports.kernels import Worker
from analysis.reports.plan import Job

PLUGIN_NAME = "analysis-warm-kernels"
SOCKETS_PREFIX = "analysis-sockets-"
"""A worker's own sockets folder is named `analysis-sockets-<pid>-<random>`."""
RESOURCE = "kernel"
logger = logging.getLogger(__name__)


def remove_orphan_sockets(folder: str | None = None) -> list[Path]:
    """Removes the sockets folders of workers that no longer run (killed, so that neither
    their teardown nor their exit handler could remove them); returns those removed."""
    removed = []
    for path in Path(folder or tempfile.gettempdir()).glob(f"{SOCKETS_PREFIX}*-*"):
        pid = path.name[len(SOCKETS_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: running
        pass
    return True


class WarmKernels(WorkerPlugin):
    """Starts a worker's kernels once, lends them to report tasks, and stops them.

    One kernel per unit of the worker's `kernel` resource (one if it declares none). The
    kernels live on an event loop of their own, in a thread, so that a report's messages
    never wait for the worker's communications and the other way round.
    """

    name = PLUGIN_NAME

    def __init__(
        self,
        notebook_dir: str,
        preload: str,
        timeout: float,
        keep_code: bool,
        fresh: bool,
        socket_dir: str | None = None,
    ) -> None:
        """`socket_dir`: where kernels put their sockets (the batch's folder on a local
        cluster, removed with it); elsewhere a folder of the worker's, removed at teardown."""
        self.socket_dir = socket_dir
        self.notebook_dir = notebook_dir
        self.preload = preload
        self.timeout = timeout
        self.keep_code = keep_code
        self.fresh = fresh

    async def setup(self, worker) -> None:
        """Starts the kernels: imports, then the dataset, loaded once per kernel."""
        from analysis.present.html import make_exporter

        self.host = socket.gethostname()
        self.address = worker.address
        count = max(1, int(worker.state.total_resources.get(RESOURCE, 1)))
        folder = Path(self.notebook_dir)
        if not folder.is_dir():  # notebooks elsewhere on this machine: any folder will do
            folder = Path(tempfile.mkdtemp(prefix="analysis-kernels-"))
        self.own_sockets = None
        if not (self.socket_dir and Path(self.socket_dir).is_dir()):
            remove_orphan_sockets()
            self.own_sockets = tempfile.mkdtemp(prefix=f"{SOCKETS_PREFIX}{os.getpid()}-")
            atexit.register(shutil.rmtree, self.own_sockets, True)  # a worker closed abruptly
        sockets = self.own_sockets or self.socket_dir
        self.kernels = [
            Worker(i, folder, self.timeout, self.fresh, "ipc", self.preload, sockets)
            for i in range(count)
        ]
        self.exporters = {k.index: make_exporter(self.keep_code) for k in self.kernels}
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name=PLUGIN_NAME, daemon=True)
        self.thread.start()
        started = await asyncio.gather(
            *(asyncio.wrap_future(self.submit(k.start())) for k in self.kernels),
            return_exceptions=True,
        )
        for kernel, outcome in zip(self.kernels, started, strict=True):
            if isinstance(outcome, BaseException):  # started again by its first report
                logger.warning("kernel %d did not start: %s", kernel.index, outcome)
        self.idle: queue.SimpleQueue = queue.SimpleQueue()
        for kernel in self.kernels:
            self.idle.put(kernel)

    async def teardown(self, worker) -> None:
        """Shuts the kernels down and stops their loop."""
        stopping = [asyncio.wrap_future(self.submit(k.stop())) for k in self.kernels]
        await asyncio.gather(*stopping, return_exceptions=True)
        self.loop.call_soon_threadsafe(self.loop.stop)
        await asyncio.to_thread(self.thread.join, 10)
        if self.own_sockets:
            shutil.rmtree(self.own_sockets, ignore_errors=True)

    def submit(self, coroutine):
        """Schedules a coroutine on the kernels' loop; returns a concurrent future."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    def run_report(self, job: Job, context: RunContext) -> MadeReport:
        """Runs one report on an idle kernel (waiting for one) and labels its provenance."""
        kernel = self.idle.get()
        try:
            exporter = self.exporters[kernel.index]
            made = self.submit(make_report(kernel, exporter, job, context)).result()
        except Exception:  # a kernel that cannot start or answer: replace it, let Dask retry
            with contextlib.suppress(Exception):
                self.submit(kernel.restart()).result()
            raise
        finally:
            self.idle.put(kernel)
        made.result.record.runner.update(
            executor="dask",
            host=self.host,
            dask_worker=self.address,
            worker_pid=os.getpid(),
            kernel=kernel.index,
        )
        return made


def run_report(job: Job, context: RunContext) -> MadeReport:
    """The Dask task: one report, made on this worker's warm kernels."""
    worker = get_worker()
    plugin = worker.plugins.get(PLUGIN_NAME)
    if plugin is None:
        raise RuntimeError(f"worker {worker.address} has no {PLUGIN_NAME} plugin")
    return plugin.run_report(job, context)
