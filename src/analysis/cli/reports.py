"""The `reports` command: its options, and the batch summary it prints."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from analysis.cli.options import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    _add_data_options,
    _positive_int,
    _positive_seconds,
    _spec,
)


def _parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--param takes NAME=VALUE, got {pair!r}")
        params[name.strip()] = value
    return params


def _print_report_lines(batch, verbose: bool) -> None:
    """One line per report made or failed (every report with --verbose)."""
    from analysis.reports.registry import ReportState

    shown = [r for r in batch.results if verbose or r.state is not ReportState.UP_TO_DATE]
    if shown:
        print(f"{'report':<40} {'status':<8} {'seconds':>8}")
    for result in shown:
        print(f"{_shown_name(result.job):<40} {result.state.value:<8} {result.seconds:>8.2f}")
    for result in batch.failed:
        print(f"FAILED {_shown_name(result.job)}: {result.error}", file=sys.stderr)


def _shown_name(job) -> str:
    """A report as its path under the output folder, without suffix ("en/districts/x")."""
    return "/".join(part for part in (job.root, job.folder(), job.name) if part)


def _print_batch(batch, verbose: bool) -> None:
    """Prints the report lines and a summary."""
    from analysis.reports.registry import ReportState

    _print_report_lines(batch, verbose)
    made = batch.count(ReportState.COMPLETED)
    rate = made / batch.seconds if batch.seconds and made else 0
    indexes = ", ".join(map(str, batch.indexes)) or "not written"
    print(
        f"{len(batch.results)} reports: {made} made, {batch.count(ReportState.UP_TO_DATE)} "
        f"unchanged (skipped), {len(batch.failed)} failed in {batch.seconds:.1f} s "
        f"({rate:.2f} reports/s); index: {indexes}"
    )


def _make_executor(args: argparse.Namespace):
    """The Dask executor asked for by --cluster or --scheduler, or None (the local pool)."""
    if not (args.cluster or args.scheduler):
        return None
    from analysis.reports.cluster import ClusterError, make_executor

    try:
        return make_executor(args.cluster, args.scheduler, args.jobs)
    except ClusterError as exc:
        raise UsageError(str(exc)) from None


def cmd_reports(args: argparse.Namespace) -> int:
    """Renders every report (or those asked for), exports HTML and writes the index.

    A run whose inputs are all unchanged reuses the previous plan and imports neither pandas
    nor the notebook machinery, so it finishes in a fraction of a second. `--lang vi,en` is
    one batch too: one load of the data, one pool of kernels for both languages.
    """
    spec = _spec(args.data, args)
    languages = _languages(args.lang)
    params = _parse_params(args.param)
    if languages and "lang" in params:
        raise UsageError("give the language with --lang or with --param lang=…, not both")
    batch = _build(args, spec, params, languages)
    _print_batch(batch, args.verbose)
    if batch.index_error:
        print(f"error: {batch.index_error}", file=sys.stderr)
    if batch.interrupted:
        print("interrupted: finished reports are kept; run again to make the rest",
              file=sys.stderr)  # fmt: skip
        return batch.exit_status
    return EXIT_FAILED if batch.failed or batch.index_error else EXIT_OK


def _languages(text: str | None) -> list[str]:
    """The languages of --lang: 'vi', 'en', 'vi,en' or 'en,vi' (the first in --out)."""
    if text is None:
        return []
    languages = [t.strip() for t in text.split(",") if t.strip()]
    if not languages or len(set(languages)) != len(languages) or not set(languages) <= {"vi", "en"}:
        raise UsageError(f"--lang takes vi, en, vi,en or en,vi; got {text!r}")
    return languages


def _build(args, spec, params, languages):
    """The one batch of `cmd_reports`, in every language asked for."""
    from analysis.reports.build import BuildOptions, build_reports
    from analysis.reports.grid import parse_grid
    from analysis.reports.plan import RunnerError

    executor = _make_executor(args)
    options = BuildOptions(
        jobs=args.jobs,
        timeout=args.timeout,
        force=args.force,
        keep_code=args.keep_code,
        fresh_kernels=args.fresh_kernels,
        progress=not args.no_progress,
    )
    try:
        return build_reports(
            spec,
            Path(args.out) if args.out else None,
            districts=args.districts,
            comparisons=not args.no_comparisons,
            params=params,
            grid=parse_grid(args.grid),
            options=options,
            executor=executor,
            languages=languages or None,
        )
    except RunnerError as exc:
        raise UsageError(str(exc)) from None


def _add_reports_command(commands) -> None:
    """Adds the `reports` command and its options."""
    reports = commands.add_parser(
        "reports",
        help="render every report with papermill-style notebooks, export HTML, write the index",
    )
    reports.add_argument("--data", help="dataset folder or .xlsx (default: embedded)")
    reports.add_argument("--out", help="output folder (default: reports/)")
    reports.add_argument("--districts", nargs="+", metavar="ID", help="only these districts")
    reports.add_argument(
        "--jobs", type=_positive_int, default=max(1, os.cpu_count() or 1), help="parallel kernels"
    )
    reports.add_argument(
        "--timeout", type=_positive_seconds, default=600, help="time limit per report, seconds"
    )
    reports.add_argument("--force", action="store_true", help="remake reports even when up to date")
    reports.add_argument("--keep-code", action="store_true", help="show code cells in the HTML")
    reports.add_argument(
        "--fresh-kernels",
        action="store_true",
        help="a new kernel for every report (slow; for checks)",
    )
    reports.add_argument("--no-comparisons", action="store_true", help="only the district reports")
    reports.add_argument(
        "--param", action="append", metavar="NAME=VALUE", help="extra notebook parameter"
    )
    reports.add_argument(
        "--grid",
        action="append",
        metavar="NAME=V1,V2",
        help="a report per value (per combination, if repeated), e.g. alpha=0.05,0.1, each "
        "named for its value in the same folder (lang=vi,en: sop-cop-son-la-lang-en.html; "
        "--lang vi,en writes the languages to folders instead)",
    )
    where = reports.add_mutually_exclusive_group()
    where.add_argument(
        "--cluster",
        metavar="local[:N]",
        help="run on a new Dask LocalCluster of N workers (default: --jobs); needs .[cluster]",
    )
    where.add_argument(
        "--scheduler", metavar="ADDRESS", help="run on an existing Dask cluster (tcp://HOST:8786)"
    )
    reports.add_argument("--no-progress", action="store_true", help="no progress bar")
    reports.add_argument("--verbose", action="store_true", help="list skipped reports too")
    reports.add_argument(
        "--lang",
        metavar="vi|en|vi,en",
        help="language of the reports (default: vi); vi,en writes both in one batch, "
        "Vietnamese in OUT/, English under the same names in OUT/en/, each folder with its "
        "index, each report linking to the other (en,vi: English in OUT/, Vietnamese in OUT/vi/)",
    )
    _add_data_options(reports)
    reports.set_defaults(func=cmd_reports)
