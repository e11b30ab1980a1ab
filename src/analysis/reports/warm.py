"""A batch's kernels prepare the national comparisons together, before their first report.

Every district report places its district among all districts of the dataset: the funnel
and shrinkage tables of the whole dataset, the costliest part of a report (about 25 s on a
national panel, the same in every report). In a batch, each kernel runs `prepare` once it
has started: it takes the parts of that work no other kernel has taken yet, longest first,
and writes each to the batch's folder (`analysis.memo.share`), so two kernels build it in
a little more than half the time of one; a part another kernel is still computing is waited
for, not computed twice. Then each kernel keeps in memory only the tables its reports show
and gives the rest back to the system (the parts stay in the folder while the batch runs).

Results are the same as without sharing: each part is the same memoised call, and the rank
simulation of each comparison depends only on its seed, indicator and window.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc

from analysis import memo

KEPT = {
    "analysis.compare.tables.national_funnel",
    "analysis.compare.tables.shrunk_indicator",
}
"""What a kernel keeps in memory after preparing: the language-free tables the district
reports label and show."""


def preload_code(spec_record: dict, folder: str | None, national: bool) -> str:
    """The code a new kernel runs before its first report (binding no name, so the
    report's namespace starts empty)."""
    return (
        "__import__('analysis.reports.warm', fromlist=['prepare'])"
        f".prepare({spec_record!r}, {folder!r}, {national!r})"
    )


def needs_national(jobs) -> bool:
    """Whether a batch has reports that place districts in the national comparisons."""
    from analysis.reports.registry import DISTRICT_REPORT

    return any(job.group == DISTRICT_REPORT.group for job in jobs)


def prepare(spec_record: dict, folder: str | None, national: bool) -> None:
    """Loads the batch's dataset and, when `national`, prepares its comparisons (see the
    module docstring). Runs inside a kernel; an analysis that fails here fails again, with
    its message, in the report that needs it."""
    from analysis.reports.spec import DatasetSpec

    dataset = DatasetSpec(**spec_record).load()
    if folder is None:
        return
    memo.share(folder, dataset.fingerprint)
    if not national:
        return
    try:
        _take_parts(dataset)
    except Exception:  # the report that needs the part fails with the message
        return
    memo.keep_only(KEPT)
    release_memory()


def _take_parts(dataset) -> None:
    from analysis.compare import indicators, tables

    for part in indicators.PARTS:  # longest first
        memo.take(indicators.indicator_part, dataset, part)
    tables.build_comparisons(dataset)  # waits for the parts other kernels computed
    for code in tables.compared_indicators(dataset):
        memo.take(tables.shrunk_indicator, dataset, code)
    memo.take(tables.national_funnel, dataset)
    for code in tables.compared_indicators(dataset):
        tables.shrunk_indicator(dataset, code)
    tables.national_funnel(dataset)


def release_memory() -> None:
    """Collects garbage and returns freed heap pages to the system (glibc's `malloc_trim`;
    elsewhere only the collection), so that a kernel's resident size falls back after the
    national tables are built."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
