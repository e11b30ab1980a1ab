"""Putting a warm kernel back in the state of a fresh one, between two reports.

The batch runner starts a kernel once per worker, imports the heavy libraries once
(`WARMUP`), takes a `snapshot()`, and calls `reset()` before each report. What a report can
change and `reset()` restores: the user namespace, input history and execution count
(IPython's own reset, as in a new session); matplotlib's rcParams (seaborn themes change
them) and any pyplot figures; the warning filters and the "shown once" registries, so a
warning appears in every report as it would in a fresh kernel; pandas options; the working
directory. Modules stay imported, and analysis results stay memoised by dataset fingerprint
(`memo`): that is the point. A test compares a report produced this way with one from a
fresh kernel, cell by cell.

This module runs inside kernels; nothing here is used by the runner process itself.
"""

from __future__ import annotations

import os
import sys
import warnings

WARMUP = (
    "import analysis.reports.kernels, analysis.memo, analysis.present.plots, "
    "analysis.present.tables, analysis.evaluations, analysis.growth, analysis.targets, "
    "analysis.quality, analysis.data.lookup, analysis.reports.params, "
    "analysis.data.selection, statsmodels.api, seaborn, pandas\n"
    "analysis.memo.enable()\n"
    "analysis.reports.kernels.snapshot()\n"
    "analysis.reports.kernels.reset()"
)
"""Run once in a new kernel: imports, snapshot, and a first reset that clears the names the
imports bound, so the first report starts as clean as the later ones."""

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
