"""Command line: `python -m analysis <command>`. Run with --help for the commands.

Exit codes: 0 success; 1 the data or a report failed (the problems are printed); 2 usage
errors (unknown option, bad parameter, missing file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command line that cannot be run as given (exit code 2)."""


def _add_data_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding", help="text encoding of CSV files (default: detected; e.g. cp1258)"
    )
    parser.add_argument(
        "--number-format",
        choices=["vi", "en"],
        help="how to read ambiguous numbers such as 8.723 (default: detected per column)",
    )


def _load(path: str | None, args: argparse.Namespace):
    from .dataset import load_dataset

    if path and not Path(path).exists():
        raise UsageError(f"no dataset at {path}")
    return load_dataset(path, encoding=args.encoding, number_format=args.number_format)


def cmd_check(args: argparse.Namespace) -> int:
    """Validates a dataset and prints its summary."""
    from .problems import DatasetError

    try:
        dataset = _load(args.path, args)
    except DatasetError as exc:
        print(f"INVALID: {exc.args[0].splitlines()[0]}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  error: {problem}", file=sys.stderr)
        for problem in exc.warnings:
            print(f"  warning: {problem}", file=sys.stderr)
        return EXIT_FAILED
    summary = dataset.summary()
    label = " (SYNTHETIC DATA)" if summary["synthetic"] else ""
    print(f"VALID: {summary['origin']}{label}")
    print(f"  districts: {summary['districts']} in {summary['provinces']} provinces")
    print(f"  facts:     {summary['facts']}")
    print(f"  sources:   {summary['sources']}")
    if summary["years"]:
        print(f"  years:     {summary['years'][0]}–{summary['years'][1]}")
    print("  facts per metric:")
    for metric, count in summary["facts_per_metric"].items():
        print(f"    {metric:<22} {count}")
    for note in dataset.notes:
        print(f"  note: {note}")
    for problem in dataset.warnings:
        print(f"  warning: {problem}")
    return EXIT_OK


def cmd_datapackage(args: argparse.Namespace) -> int:
    """Prints or writes data/datapackage.json and the README field tables."""
    import json

    from .datapackage import build_datapackage, write_descriptor_files
    from .paths import SOURCE_ROOT

    if args.write:
        for path in write_descriptor_files(SOURCE_ROOT / "data"):
            print(f"wrote {path}")
    else:
        print(json.dumps(build_datapackage(), ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_find(args: argparse.Namespace) -> int:
    """Looks a district up by name or id."""
    from .lookup import find_district

    dataset = _load(args.data, args)
    matches = find_district(args.query, dataset)
    if matches.empty:
        print(f"no district matches {args.query!r}", file=sys.stderr)
        return EXIT_FAILED
    print(matches.to_string(index=False))
    return EXIT_OK


TABLES = {
    "growth": ("growth", "compute_growth", "annualised growth between stocks"),
    "stocks": ("growth", "stock_series", "stock levels, stated and derived"),
    "admissions": ("growth", "admissions_per_year", "admissions per year and per 100 members"),
    "admission-changes": ("growth", "admission_changes", "year-on-year change of admissions"),
    "comparison": ("growth", "compare_districts", "one row per district, with ranks"),
    "evaluations": ("evaluations", "summarize_evaluations", "rating distributions"),
    "evaluation-checks": ("evaluations", "check_evaluations", "evaluation inconsistencies"),
    "targets": ("targets", "assess_targets", "targets, attainment and status"),
    "attainments": ("targets", "compare_stated_attainment", "stated vs computed attainment"),
    "quality": ("quality", "find_contradictions", "every contradiction found"),
}


def cmd_table(args: argparse.Namespace) -> int:
    """Prints an analysis table to stdout."""
    import importlib

    from .export import write_table
    from .lookup import DistrictLookupError, resolve_district

    dataset = _load(args.data, args)
    module, function, _ = TABLES[args.name]
    table = getattr(importlib.import_module(f"analysis.{module}"), function)(dataset)
    if args.district:
        try:
            district = resolve_district(args.district, dataset)
        except DistrictLookupError as exc:
            raise UsageError(str(exc)) from None
        table = table[table["district_id"] == district]
    write_table(table, args.format, sys.stdout)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """Returns the argument parser with every command."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Organisational statistics of Vietnam's district-level party committees.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate a dataset and print its summary")
    check.add_argument("path", nargs="?", help="dataset folder or .xlsx (default: embedded)")
    _add_data_options(check)
    check.set_defaults(func=cmd_check)

    package = commands.add_parser("datapackage", help="print or write data/datapackage.json")
    package.add_argument("--write", action="store_true", help="write into data/")
    package.set_defaults(func=cmd_datapackage)

    find = commands.add_parser("find", help="look a district up by name or id")
    find.add_argument("query", help='e.g. "huyện Sốp Cộp", "sop cop", "TP Long Xuyên"')
    find.add_argument("--data", help="dataset folder or .xlsx (default: embedded)")
    _add_data_options(find)
    find.set_defaults(func=cmd_find)

    table = commands.add_parser(
        "table",
        help="print an analysis table (csv, markdown or json)",
        description="Tables: " + "; ".join(f"{k}: {v[2]}" for k, v in TABLES.items()),
    )
    table.add_argument("name", choices=list(TABLES), metavar="NAME", help=", ".join(TABLES))
    table.add_argument("--data", help="dataset folder or .xlsx (default: embedded)")
    table.add_argument("--district", help="only this district (name or id)")
    table.add_argument("--format", choices=["csv", "markdown", "json"], default="csv")
    _add_data_options(table)
    table.set_defaults(func=cmd_table)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Runs the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
