"""Adding reviewed proposals to a dataset, validated like any other data.

    python -m analysis merge review.csv --into path/to/dataset

Only rows whose `accept` says yes are added, each with its source (the article: `source_url`,
`published`) and paragraph; a district or source the dataset lacks is added too (districts
from the register). The whole result is checked by the dataset loader before anything is
written: if any accepted row is invalid, the error names its row of the review CSV and the
dataset is left as it was. Rows already in the dataset are not added twice. Files are written
under a temporary name and renamed; rows are appended to files in the layout this project
writes, so nothing already there changes (other layouts are rewritten in that layout, and
the user is told).
"""

from __future__ import annotations

import csv
import hashlib
import io
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from analysis.data import schema
from analysis.data.dataset import Dataset, load_dataset, to_tables
from analysis.data.decoding import decode_bytes
from analysis.data.problems import DatasetError
from analysis.data.register import load_register
from analysis.extract.review import REVIEW_COLUMNS
from analysis.files import write_bytes_atomic

ACCEPT_YES = frozenset(
    {"yes", "y", "x", "1", "true", "ok", "accept", "accepted", "có", "co", "đúng"}
)
ACCEPT_NO = frozenset({"", "no", "n", "0", "false", "reject", "rejected", "không", "khong", "sai"})
REQUIRED = tuple(
    c
    for c in REVIEW_COLUMNS
    if c not in ("note", "span_start", "span_end", "rule", "confidence", "period_kind", "source")
)


class MergeError(ValueError):
    """Reviewed rows that cannot be merged, with every problem found.

    Attributes:
        problems: One message per problem, each naming file, row, column and value.
        usage: True when the input itself is unusable (missing file, unreadable, missing
            columns), False when accepted rows are not valid data.
    """

    def __init__(self, message: str, problems: list[str], usage: bool = False) -> None:
        self.problems = problems
        self.usage = usage
        super().__init__(message)


@dataclass
class MergeResult:
    """What a merge did (or would do, in a dry run)."""

    target: Path
    facts: int = 0
    sources: int = 0
    districts: int = 0
    rejected: int = 0
    duplicates: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _unneutralise(text: str) -> str:
    """Undoes the apostrophe the review CSV puts before text a spreadsheet would compute."""
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@") else text


def read_reviewed(path: Path) -> list[tuple[int, dict]]:
    """Reads a review CSV; returns (spreadsheet row number, row) pairs.

    Raises:
        MergeError: When the file is missing, cannot be decoded or lacks columns.
    """
    if not path.is_file():
        raise MergeError(f"no review file at {path}", [f"{path}: not found"], usage=True)
    try:
        text, _ = decode_bytes(path.read_bytes(), path.name)
    except ValueError as exc:
        raise MergeError(f"{path.name}: {exc}", [f"{path.name}: {exc}"], usage=True) from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        problem = f"{path.name}, row 1: missing column(s) {', '.join(missing)}; expected the columns extract --review writes"
        raise MergeError(problem, [problem], usage=True)
    return [
        (n, {k: _unneutralise((v or "").strip()) for k, v in row.items() if k})
        for n, row in enumerate(reader, 2)
    ]


def _accepted(path: Path, rows: list[tuple[int, dict]]) -> tuple[list[tuple[int, dict]], int]:
    problems, accepted, rejected = [], [], 0
    for number, row in rows:
        decision = row["accept"].strip().lower()
        if decision in ACCEPT_YES:
            accepted.append((number, row))
        elif decision in ACCEPT_NO:
            rejected += 1
        else:
            problems.append(
                f"{path.name}, row {number}, column accept: found {row['accept']!r}; expected yes or no (empty means no)"
            )
    if problems:
        raise MergeError(f"{path.name}: {len(problems)} problem(s) found", problems, usage=True)
    return accepted, rejected


def _source_id(url: str) -> str:
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:8]
    return ("web-" if url.startswith(("http://", "https://")) else "file-") + digest


def _next_number(facts: list[dict], source_id: str) -> int:
    numbers = [
        int(f["fact_id"].rsplit("-", 1)[1])
        for f in facts
        if f["fact_id"].startswith(source_id + "-") and f["fact_id"].rsplit("-", 1)[1].isdigit()
    ]
    return max(numbers, default=0) + 1


def _fact(row: dict, fact_id: str, source_id: str) -> dict:
    note = row.get("note", "")
    origin = f"extracted by rule {row.get('rule', '')} (confidence {row.get('confidence', '')})"
    if "period_kind" not in schema.FACTS.column_names and row.get("period_kind"):
        origin += f"; period kind {row['period_kind']}"
    fact = {c: row.get(c, "") for c in schema.FACTS.column_names}
    fact.update(fact_id=fact_id, source_id=source_id, note=f"{note}; {origin}" if note else origin)
    if row["kind"] != "target":
        fact["comparator"] = row.get("qualifier", "")
    return fact


def _key(fact: dict) -> tuple:
    return tuple(
        str(fact.get(c, "")) for c in schema.FACTS.column_names if c not in ("fact_id", "note")
    )


def _register_row(district_id: str) -> dict | None:
    register = load_register()
    found = register[register["district_id"] == district_id]
    if found.empty:
        return None
    row = found.iloc[0]
    return {c: row.get(c, "") for c in schema.DISTRICTS.column_names} | {
        "note": "added by merge from the register"
    }


def _number_text(text: str) -> str:
    try:
        return f"{float(text):.10g}"
    except ValueError:
        return text


def _new_source(url: str, row: dict) -> dict:
    return {
        "source_id": _source_id(url),
        "url": url,
        "publisher": "",
        "published": row["published"],
    }


def _district_problem(path: Path, number: int, district_id: str) -> str:
    found = repr(district_id)
    if not district_id:
        return f"{path.name}, row {number}, column district_id: found ''; expected the district's id (the extractor could not tell which; fill it in)"
    return f"{path.name}, row {number}, column district_id: found {found}; expected an id of the register or of the dataset's districts"


def _plan(
    path: Path, accepted: list[tuple[int, dict]], existing: dict, result: MergeResult
) -> dict:
    """Works out the rows to add to each table, numbering the new facts."""
    urls = {s["url"]: s for s in existing["sources"]}
    districts = {d["district_id"] for d in existing["districts"]}
    keys = {_key(f) for f in existing["facts"]}
    added: dict[str, list[tuple[int, dict]]] = {"facts": [], "sources": [], "districts": []}
    problems, numbering = [], {}
    for number, row in accepted:
        url = row["source_url"] or f"file:{row.get('source', '')}"
        if url not in urls:
            urls[url] = _new_source(url, row)
            added["sources"].append((number, urls[url]))
        district_id = row["district_id"]
        if district_id not in districts:
            register_row = _register_row(district_id) if district_id else None
            if register_row is None:
                problems.append(_district_problem(path, number, district_id))
                continue
            districts.add(district_id)
            added["districts"].append((number, register_row))
        source_id = urls[url]["source_id"]
        rank = numbering.setdefault(source_id, _next_number(existing["facts"], source_id))
        row = {
            **row,
            "value": _number_text(row["value"]),
            "paragraph": _number_text(row["paragraph"]),
        }
        fact = _fact(row, f"{source_id}-{rank:02d}", source_id)
        if _key(fact) in keys:
            result.duplicates.append(number)
            continue
        numbering[source_id] = rank + 1
        keys.add(_key(fact))
        added["facts"].append((number, fact))
    if problems:
        raise MergeError(f"{path.name}: {len(problems)} problem(s) found", problems)
    return added


def _csv_text(columns: tuple[str, ...], rows: list[dict], header: bool) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    if header:
        writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _locate(path: Path, problem, existing: dict, added: dict) -> str:
    """Names the review CSV row behind a problem the loader found in the merged tables."""
    table = problem.file.removesuffix(".csv")
    index = (problem.row or 0) - 2 - len(existing.get(table, []))
    if table in added and 0 <= index < len(added[table]):
        number = added[table][index][0]
        where = f"{path.name}, row {number} (new {table} row)"
        column = f", column {problem.column}" if problem.column else ""
        seen = "" if problem.value is None else f"found {problem.value!r}; "
        return f"{where}{column}: {seen}expected {problem.expected}"
    return str(problem)


def _validate(path: Path, existing: dict, added: dict) -> None:
    """Loads the merged tables from a temporary folder; raises MergeError if invalid."""
    with tempfile.TemporaryDirectory(prefix="merge-") as folder:
        for name, table in schema.TABLES.items():
            rows = existing[name] + [r for _, r in added[name]]
            (Path(folder) / table.filename).write_text(
                _csv_text(table.column_names, rows, True), encoding="utf-8"
            )
        try:
            load_dataset(folder)
        except DatasetError as exc:
            problems = [_locate(path, p, existing, added) for p in exc.problems]
            raise MergeError(
                f"{path.name}: the accepted rows are not valid data", problems
            ) from None


def _write(target: Path, existing: dict, added: dict, result: MergeResult) -> None:
    """Appends the new rows to each file (districts and sources before facts)."""
    for name in ("districts", "sources", "facts"):
        rows = [r for _, r in added[name]]
        if not rows:
            continue
        table = schema.TABLES[name]
        file = target / table.filename
        data = file.read_bytes() if file.is_file() else b""
        first_line = data.split(b"\n", 1)[0].decode("utf-8", "replace").lstrip("\ufeff").strip()
        if first_line == ",".join(table.column_names):
            joint = b"" if not data or data.endswith(b"\n") else b"\n"
            new = data + joint + _csv_text(table.column_names, rows, False).encode("utf-8")
        else:
            new = _csv_text(table.column_names, existing[name] + rows, True).encode("utf-8")
            result.notes.append(
                f"{file.name} was rewritten in the project's layout (UTF-8, English column names)"
            )
        write_bytes_atomic(file, new)


def merge_reviewed(reviewed: Path, target: Path, dry_run: bool = False) -> MergeResult:
    """Adds the accepted rows of a review CSV to a dataset folder.

    Args:
        reviewed: The CSV written by `extract --review`, with `accept` filled in.
        target: A dataset folder (facts.csv, districts.csv, sources.csv).
        dry_run: Check everything, write nothing.

    Returns:
        What was (or would be) added.

    Raises:
        MergeError: With every problem; nothing is written then.
    """
    reviewed, target = Path(reviewed), Path(target)
    if not target.is_dir():
        message = f"no dataset folder at {target} (merge writes into a folder of CSV files)"
        raise MergeError(message, [message], usage=True)
    accepted, rejected = _accepted(reviewed, read_reviewed(reviewed))
    try:
        dataset: Dataset = load_dataset(target)
    except DatasetError as exc:
        raise MergeError(
            f"the dataset at {target} is not valid; fix it first (python -m analysis check {target})",
            [str(p) for p in exc.problems],
        ) from None
    existing = {name: frame.to_dict("records") for name, frame in to_tables(dataset).items()}
    result = MergeResult(target, rejected=rejected)
    added = _plan(reviewed, accepted, existing, result)
    _validate(reviewed, existing, added)
    result.facts, result.sources, result.districts = (
        len(added[n]) for n in ("facts", "sources", "districts")
    )
    if not dry_run:
        _write(target, existing, added, result)
    return result
