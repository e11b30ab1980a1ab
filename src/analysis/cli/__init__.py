"""Command line: `python -m analysis <command>`. Run with --help for the commands.

Exit codes: 0 success; 1 the data or a report failed (the problems are printed); 2 usage
errors (unknown option, bad parameter, missing file).
"""

from analysis.cli.commands import (
    TABLES,
    cmd_check,
    cmd_datapackage,
    cmd_find,
    cmd_rules,
    cmd_strip,
    cmd_table,
    cmd_tables,
)
from analysis.cli.options import EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError
from analysis.cli.reports import cmd_reports
from analysis.cli.run import Terminated, build_parser, main

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "TABLES",
    "Terminated",
    "UsageError",
    "build_parser",
    "cmd_check",
    "cmd_datapackage",
    "cmd_find",
    "cmd_reports",
    "cmd_rules",
    "cmd_strip",
    "cmd_table",
    "cmd_tables",
    "main",
]
