"""The data commands: check, rules, datapackage, find, table, tables, strip."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.cli.options import EXIT_FAILED, EXIT_OK, UsageError, _load
from analysis.data.outputs import TABLES as DECLARED_TABLES


def cmd_check(args: argparse.Namespace) -> int:
    """Validates a dataset and prints its summary."""
    dataset = _load(args.path, args)
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


def cmd_rules(args: argparse.Namespace) -> int:
    """Lists every validation rule: name, table, columns, severity and what it expects."""
    from analysis.data.problems import Severity
    from analysis.data.rules import all_rules

    rules = all_rules()
    print(f"{'table':<10} {'rule':<36} {'severity':<8} columns: expects")
    for r in rules:
        print(
            f"{r.table:<10} {r.name:<36} {r.severity.value:<8} {', '.join(r.columns)}: {r.expects}"
        )
    errors = sum(r.severity is Severity.ERROR for r in rules)
    print(f"{len(rules)} rules: {errors} errors, {len(rules) - errors} warnings")
    return EXIT_OK


def cmd_datapackage(args: argparse.Namespace) -> int:
    """Prints or writes data/datapackage.json and the README field tables."""
    import json

    from analysis.data.datapackage import build_datapackage, write_descriptor_files
    from analysis.paths import SOURCE_ROOT

    if args.write:
        for path in write_descriptor_files(SOURCE_ROOT / "data"):
            print(f"wrote {path}")
    else:
        print(json.dumps(build_datapackage(), ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_find(args: argparse.Namespace) -> int:
    """Looks a district up by name or id."""
    from analysis.data.lookup import find_district

    dataset = _load(args.data, args)
    matches = find_district(args.query, dataset)
    if matches.empty:
        print(f"no district matches {args.query!r}", file=sys.stderr)
        return EXIT_FAILED
    print(matches.to_string(index=False))
    return EXIT_OK


TABLES = {t.name: t for t in DECLARED_TABLES.values() if t.dataset_only}
"""The declared output tables `python -m analysis table` prints: those computed from a dataset
alone (`analysis.data.outputs`, `produced_by`)."""


def cmd_table(args: argparse.Namespace) -> int:
    """Prints an analysis table to stdout."""
    import importlib

    from analysis.data.lookup import DistrictLookupError, resolve_district
    from analysis.present.export import write_table

    dataset = _load(args.data, args)
    declared = TABLES[args.name]
    module, function = declared.produced_by.rsplit(".", 1)
    table = getattr(importlib.import_module(f"analysis.{module}"), function)(dataset)
    table = declared.declared_frame(table)
    if args.district:
        if "district_id" not in table:
            raise UsageError(f"table {args.name!r} is not per district: --district does not apply")
        try:
            district = resolve_district(args.district, dataset)
        except DistrictLookupError as exc:
            raise UsageError(str(exc)) from None
        table = table[table["district_id"] == district]
    write_table(table, args.format, sys.stdout)
    return EXIT_OK


def cmd_tables(args: argparse.Namespace) -> int:
    """Lists the declared output tables, or prints docs/tables.md."""
    from analysis.data.outputs import describe_tables

    if args.markdown:
        sys.stdout.write(describe_tables())
        return EXIT_OK
    for table in DECLARED_TABLES.values():
        print(f"{table.name:<18} {table.en} — {table.vi}")
        print(f"{'':<18} from analysis.{table.produced_by}; key: {', '.join(table.key)}")
    return EXIT_OK


def cmd_strip(args: argparse.Namespace) -> int:
    """Removes outputs and execution counts from notebooks (in place)."""
    import nbformat

    from analysis.files import write_text_atomic

    for name in args.notebooks:
        notebook = nbformat.read(name, as_version=4)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
            cell.metadata.pop("execution", None)
        notebook.metadata.pop("papermill", None)
        notebook.metadata.pop("widgets", None)
        write_text_atomic(Path(name), nbformat.writes(notebook) + "\n")
        print(f"stripped {name}")
    return EXIT_OK
