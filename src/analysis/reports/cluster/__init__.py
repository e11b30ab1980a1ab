"""Running a batch on a Dask cluster, with warm kernels on every worker.

`DaskExecutor` plugs into `run_batch(..., executor=...)` instead of the local pool. Each
Dask worker runs a `WarmKernels` plugin (`plugin`): its `setup` starts the worker's kernels
(IPC sockets, so no TCP port can be taken by another process in between), imports the
libraries and loads the dataset once; its `teardown` shuts them down. A report is a task
that needs one `kernel` resource; its key comes from the report's content hash. The worker
returns the notebook, the HTML and the provenance record, and this process writes them
atomically, so the cache, the failure isolation, the provenance and the index are those of
a local run.

Dask is an optional dependency (`pip install -e ".[cluster]"`); nothing here imports it
until a cluster is asked for.
"""

from __future__ import annotations

from analysis.reports.cluster.executor import (
    ClusterError,
    DaskExecutor,
    make_executor,
    parse_cluster,
    require_dask,
)

__all__ = ["ClusterError", "DaskExecutor", "make_executor", "parse_cluster", "require_dask"]
