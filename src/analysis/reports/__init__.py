"""The batch runner: `build_reports(spec, out_dir, ...) -> BatchResult` makes a batch.

Modules: `registry` (report types as data), `spec` (the dataset specification), `plan`
(what to make and what is stale), `records` (the provenance record), `kernels` (warm
kernels and their reset), `execute` (one report; the local executor), `index` (the index
page), `build` (the batch), `params` (notebook parameters), `provenance` (hashes).
Names are imported on first use, so a kernel importing `analysis.reports.kernels` pays
for nothing else.
"""

from __future__ import annotations

_EXPORTS = {
    "build_reports": "analysis.reports.build",
    "run_jobs": "analysis.reports.build",
    "BuildOptions": "analysis.reports.build",
    "BatchResult": "analysis.reports.build",
    "DatasetSpec": "analysis.reports.spec",
    "ReportState": "analysis.reports.registry",
    "RunnerError": "analysis.reports.plan",
    "LocalExecutor": "analysis.reports.execute",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'analysis.reports' has no attribute {name!r}")
