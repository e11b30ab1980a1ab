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

from analysis import memo
from analysis.reports.heap import release_memory

KEPT = {"analysis.compare.tables.comparison_tables"}
"""What a kernel keeps in memory after preparing: the tables the district reports show, in
each language of the batch (the language-free parts stay in the folder)."""


def preload_code(spec_record: dict, folder: str | None, languages: list[str]) -> str:
    """The code a new kernel runs before its first report (binding no name, so the
    report's namespace starts empty); `languages` of the national comparisons to prepare,
    none for a batch without district reports."""
    return (
        "__import__('analysis.reports.warm', fromlist=['prepare'])"
        f".prepare({spec_record!r}, {folder!r}, {languages!r})"
    )


def national_languages(jobs) -> list[str]:
    """The languages of a batch's district reports (each places its district in the
    national comparisons): the `lang` each is given, or its notebook's default."""
    import json

    from analysis.reports.params import declared_language
    from analysis.reports.registry import DISTRICT_REPORT

    languages, defaults = set(), {}
    for job in jobs:
        if job.group != DISTRICT_REPORT.group:
            continue
        if "lang" not in job.parameters and job.notebook not in defaults:
            notebook = json.loads(job.notebook.read_text(encoding="utf-8"))
            defaults[job.notebook] = declared_language(notebook, job.notebook.name)
        languages.add(job.parameters.get("lang") or defaults[job.notebook])
    return sorted(languages)


def prepare(spec_record: dict, folder: str | None, languages: list[str]) -> None:
    """Loads the batch's dataset and prepares its comparisons in `languages` (see the
    module docstring). Runs inside a kernel; an analysis that fails here fails again, with
    its message, in the report that needs it."""
    from analysis.reports.spec import DatasetSpec

    dataset = DatasetSpec(**spec_record).load()
    if folder is None:
        return
    memo.share(folder, dataset.fingerprint)
    if not languages:
        return
    try:
        _take_parts(dataset, languages)
    except Exception:  # the report that needs the part fails with the message
        return
    memo.keep_only(KEPT)
    release_memory()


PART_ORDER = ("targets", "ratings", "admissions", "growth")
"""The parts of the comparison inputs (`compare.indicators.PARTS`), longest first on a
national panel."""
SHRINKAGE_ORDER = (
    "rated_good_or_above",
    "rated_excellent",
    "admissions",
    "membership_growth",
    "admissions_target",
)
"""Codes of `compare.indicators.Indicator` (named, not imported: the runner's own process
imports this module without pandas): their shrinkage tables, longest first on a national
panel (ratings have a comparison per year); each waits only for the part that gives its
indicator, so the ratings are estimated while another kernel still assesses the targets."""


def _first_steps() -> list:
    """The analyses several parts need, longest first: taken before the parts, so that one
    kernel rates the districts while another reads the periods and the admissions, instead
    of both waiting for the kernel that assesses the targets to compute them all."""
    from analysis.evaluations.distributions import summarize_evaluations
    from analysis.growth.admissions import admissions_per_year
    from analysis.period_readings import read_periods
    from analysis.targets.attainment import compare_stated_attainment

    return [summarize_evaluations, compare_stated_attainment, admissions_per_year, read_periods]


def _take_parts(dataset, languages: list[str]) -> None:
    from analysis.compare import indicators, tables

    for step in _first_steps():
        memo.take(step, dataset)
    for part in PART_ORDER:
        memo.take(indicators.indicator_part, dataset, part)
    for code in SHRINKAGE_ORDER:
        memo.take(tables.shrunk_indicator, dataset, code)
    memo.take(tables.national_funnel, dataset)
    for lang in languages:
        tables.comparison_tables(dataset, lang)  # waits for the parts other kernels took
