"""Warm kernels: start one per worker, replace it when it fails, and put it back in the
state of a fresh one between two reports.

`Worker` (used by the runner process) starts a kernel, imports the heavy libraries once
(`WARMUP`), and runs report after report in it, calling `reset()` (which runs inside the
kernel) before each report after the first. What a report can
change and `reset()` restores: the user namespace, input history and execution count
(IPython's own reset, as in a new session); matplotlib's rcParams (seaborn themes change
them) and any pyplot figures; the warning filters and the "shown once" registries, so a
warning appears in every report as it would in a fresh kernel; pandas options; the working
directory. Modules stay imported, and analysis results stay memoised by dataset fingerprint
(`memo`): that is the point. A test compares a report produced this way with one from a
fresh kernel, cell by cell.

`snapshot` and `reset` run inside kernels; `Worker` in the runner process (its Jupyter
imports are deferred, so a kernel importing this module pays nothing for them).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

from analysis.reports.heap import release_memory

WARMUP = (
    "import analysis.reports.kernels, analysis.memo, analysis.present.plots, "
    "analysis.present.tables, analysis.evaluations, analysis.growth, analysis.targets, "
    "analysis.quality, analysis.data.lookup, analysis.reports.params, "
    "analysis.data.selection, seaborn, pandas\n"
    "analysis.memo.enable()\n"
    "analysis.reports.kernels.snapshot()\n"
    "analysis.reports.kernels.reset()"
)
"""Run once in a new kernel: imports, snapshot, and a first reset that clears the names the
imports bound, so the first report starts as clean as the later ones. Not `statsmodels.api`
(35 MiB a kernel): only the count model and the fit of the reports across districts use it,
and they import it when they first do."""

RESET = "import analysis.reports.kernels\nanalysis.reports.kernels.reset()"
"""Run before each report after the first (the reset removes the name it imports)."""

_snapshot: dict | None = None


def snapshot() -> None:
    """Records the state that `reset()` restores. Call once, after the warm-up imports."""
    global _snapshot
    import matplotlib

    _snapshot = {
        "rc": dict(matplotlib.rcParams),
        "warnings": list(warnings.filters),
        "cwd": os.getcwd(),
    }


def reset() -> None:
    """Restores the snapshot and clears the user namespace, as a new kernel would have it."""
    if _snapshot is None:
        raise RuntimeError("kernels.snapshot() was not called after warm-up")
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        shell.reset(new_session=True, aggressive=False)
    import matplotlib

    dict.update(matplotlib.rcParams, _snapshot["rc"])
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")
    warnings.resetwarnings()  # also invalidates every module's "already shown" registry
    warnings.filters[:] = _snapshot["warnings"]
    pandas = sys.modules.get("pandas")
    if pandas is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pandas.reset_option("all")
    os.chdir(_snapshot["cwd"])
    release_memory(collect=False)  # IPython's reset has dropped the report's objects


# --- The runner's side: one warm kernel per worker -------------------------------------------

STARTUP_TIMEOUT = 60
START_ATTEMPTS = 2
"""A kernel that does not answer in time (a port taken meanwhile, a loaded machine) is
replaced once before its report counts as failed."""
GRACE_SECONDS = 30


class KernelFailure(RuntimeError):
    """The kernel died or stopped answering; the worker must restart it."""


class Worker:
    """One warm kernel, running notebooks one after another in a working folder."""

    def __init__(
        self,
        index: int,
        cwd: Path,
        timeout: float,
        fresh: bool = False,
        transport: str = "tcp",
        preload: str = "",
        socket_dir: str | None = None,
    ) -> None:
        self.index = index
        self.transport = transport
        self.preload = preload
        self.socket_dir = socket_dir or tempfile.gettempdir()
        self.cwd = cwd
        self.timeout = timeout
        self.fresh = fresh
        self.km = None
        self.kc = None
        self.used = False
        self.restarts = 0
        self.language_info: dict = {}
        self.last_timings: dict = {}

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

        self.km = AsyncKernelManager(
            kernel_name="python3", **_transport_options(self.transport, self.socket_dir)
        )
        # This interpreter, whatever "python3" kernel a user has installed elsewhere: the
        # provenance records this environment's package versions.
        self.km._kernel_spec = KernelSpec(
            argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            display_name="Python 3 (analysis)",
            language="python",
        )
        await self.km.start_kernel(
            cwd=str(self.cwd),
            # No output cache (`Out`, `_`): IPython's reset then skips its full garbage
            # collection, most of the reset between reports (0.5 s → 0.015 s, loaded 2 cores).
            extra_arguments=[
                "--HistoryManager.enabled=False",
                "--IPKernelApp.log_level=ERROR",
                "--InteractiveShell.cache_size=0",
            ],
        )
        self.kc = self.km.client()
        self.kc.start_channels()
        await self.kc.wait_for_ready(timeout=STARTUP_TIMEOUT)
        info = await self.kc.kernel_info(reply=True, timeout=STARTUP_TIMEOUT)
        self.language_info = info["content"].get("language_info", {})
        await self._silent(WARMUP)
        if self.preload:  # the dataset, and the batch's national comparisons (`warm`)
            await self._silent(self.preload, timeout=self.timeout)
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

    async def _silent(self, code: str, timeout: float = STARTUP_TIMEOUT) -> None:
        reply = await self.kc.execute_interactive(
            code,
            silent=True,
            store_history=False,
            timeout=timeout,
            output_hook=lambda msg: None,
        )
        if reply["content"].get("status") != "ok":
            content = reply["content"]
            raise KernelFailure(
                f"kernel set-up failed: {content.get('ename')}: {content.get('evalue')}"
            )

    async def _prepare(self) -> None:
        """A kernel in the state of a fresh one: started, replaced, or reset."""
        if self.km is None:
            await self.start()
        elif self.fresh and self.used:
            await self.restart()
        elif self.used:
            await self._silent(RESET)
        self.used = True

    async def execute(self, notebook) -> str:
        """Runs a parameterized notebook in the warm kernel; returns an error text or ''.

        `self.last_timings` says how long the kernel preparation and the cells took.
        """
        from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

        began = time.monotonic()
        await self._prepare()
        prepared = time.monotonic()
        self.last_timings = {"prepare_kernel_seconds": round(prepared - began, 3)}
        try:
            await asyncio.wait_for(self._run_cells(notebook), timeout=self.timeout + GRACE_SECONDS)
            self.last_timings["cells_seconds"] = round(time.monotonic() - prepared, 3)
        except CellExecutionError as exc:
            return first_line(exc)
        except (TimeoutError, CellTimeoutError):
            await self.restart()
            return f"time limit of {self.timeout:g} s exceeded"
        except DeadKernelError:
            await self.restart()
            return "the kernel died (crash or out of memory)"
        return ""

    async def _run_cells(self, notebook) -> None:
        from nbclient import NotebookClient

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
        for index, cell in enumerate(notebook.cells):
            await client.async_execute_cell(
                cell, index, execution_count=client.code_cells_executed + 1
            )


def _transport_options(transport: str, socket_dir: str) -> dict:
    """Kernel manager options for "tcp" (ports on localhost) or "ipc" (Unix sockets).

    IPC sockets are files under a name of their own (an absolute path: the kernel runs in
    another folder), so no other process can take them between choice and use, as it can
    a TCP port when many workers start kernels at once.
    """
    if transport != "ipc":
        return {"transport": "tcp"}
    import uuid

    name = f"kernel-{uuid.uuid4().hex[:16]}"
    return {"transport": "ipc", "ip": os.path.join(socket_dir, name)}


def first_line(exc: Exception) -> str:
    """The first line of an error as `Name: message`, for reports and the index."""
    ename = getattr(exc, "ename", type(exc).__name__)
    evalue = getattr(exc, "evalue", str(exc))
    return f"{ename}: {evalue}".strip().splitlines()[0][:500]
