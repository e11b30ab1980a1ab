"""Writes the corpus of malformed and awkward dataset files (tests/corpus/cases/).

Each case is a dataset (a folder of CSV files or a workbook) plus case.json with its
expected outcome: accepted (with the normalisation expected) or refused (with the problems
expected: file, row, column, value, and a fragment of what was expected). The figures are
TEST DATA derived from the seed facts, attributed to the source "test:corpus"; they are
never mixed into data/.

    python tests/corpus/make_corpus.py      # rewrites every case
"""

from __future__ import annotations

import codecs
import copy
import csv
import io
import json
import shutil
from pathlib import Path

from openpyxl import Workbook

from analysis.data.schema import DISTRICTS, FACTS, SOURCES

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"

FACT_COLUMNS = list(FACTS.column_names)
DISTRICT_COLUMNS = list(DISTRICTS.column_names)
SOURCE_COLUMNS = list(SOURCES.column_names)


def _fact(fid, district, metric, kind, start, end, value, unit="count", **extra):
    row = dict.fromkeys(FACT_COLUMNS, "")
    row.update(fact_id=fid, district_id=district, metric=metric, kind=kind, period_start=start,
               period_end=end, value=value, unit=unit, source_id="c-1", paragraph="1", note="test data")  # fmt: skip
    row.update(extra)
    return row


BASE = {
    "facts": [
        _fact("f1", "sop-cop-son-la", "party_members", "stock", "", "2023-12-31", "4014"),
        _fact("f2", "sop-cop-son-la", "admissions", "flow", "2020", "2024-01-23", "469"),
        _fact("f3", "sop-cop-son-la", "admissions", "target", "2020", "2025", "400", comparator=">=", basis="total"),
        _fact("f4", "sop-cop-son-la", "evaluation", "stock", "", "2023", "6", subject="organization", category="excellent"),
        _fact("f5", "sop-cop-son-la", "evaluation", "stock", "", "2023", "15.2", "percent", subject="organization",
              category="excellent"),
        _fact("f6", "sa-thay-kon-tum", "base_organizations", "stock", "", "2021-10-18", "56"),
    ],
    "districts": [
        {"district_id": "sop-cop-son-la", "gso_code": "127", "name": "Sốp Cộp", "type": "huyện", "province": "Sơn La",
         "province_2025": "Sơn La", "region": "Trung du và miền núi phía Bắc", "note": ""},
        {"district_id": "sa-thay-kon-tum", "gso_code": "616", "name": "Sa Thầy", "type": "huyện", "province": "Kon Tum",
         "province_2025": "Quảng Ngãi", "region": "Tây Nguyên", "note": ""},
    ],
    "sources": [{"source_id": "c-1", "url": "test:corpus", "publisher": "TEST DATA", "published": "2024-01-23"}],
}  # fmt: skip
COLUMNS = {"facts": FACT_COLUMNS, "districts": DISTRICT_COLUMNS, "sources": SOURCE_COLUMNS}


TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Encodes Vietnamese the way Windows-1258 does: letters precomposed, tones combining."""
    import unicodedata

    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += (base + "".join(c for c in parts if c in TONES)).encode("cp1258")
    return bytes(out)


def _csv_text(
    rows: list[dict], columns: list[str], sep: str = ",", header: list[str] | None = None
) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\n")
    writer.writerow(header or columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    return buffer.getvalue()


def write_case(name: str, case: dict, tables: dict | None = None, *, texts: dict | None = None,
               raw: dict | None = None, skip: tuple = ()) -> None:  # fmt: skip
    """Writes one case folder: the three tables (changed as given) and case.json.

    Args:
        name: Folder name.
        case: description, outcome, and the checks (see tests/test_corpus.py).
        tables: Table rows to write (default: BASE).
        texts: Table name to the exact text of its CSV (overrides the rows).
        raw: Table name to the exact bytes of its file (overrides everything).
        skip: Tables not to write.
    """
    folder = CASES / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    tables = tables or BASE
    for table, columns in COLUMNS.items():
        if table in skip:
            continue
        path = folder / f"{table}.csv"
        if raw and table in raw:
            path.write_bytes(raw[table])
        else:
            text = (texts or {}).get(table) or _csv_text(tables[table], columns)
            path.write_bytes(text.encode("utf-8"))
    (folder / "case.json").write_text(
        json.dumps({"name": name, **case}, ensure_ascii=False, indent=1) + "\n"
    )


def _changed(**changes) -> dict:
    """BASE with some cells changed: changes are table=[(row index, {column: value}), ...]."""
    tables = copy.deepcopy(BASE)
    for table, edits in changes.items():
        for index, values in edits:
            if index >= len(tables[table]):
                tables[table].append(dict(tables[table][0]))
            tables[table][index].update(values)
    return tables


def _problem(file, row, column, expected, value=None) -> dict:
    return {"file": file, "row": row, "column": column, "value": value, "expected": expected}


def build() -> int:
    """Writes every case; returns how many."""
    shutil.rmtree(CASES, ignore_errors=True)
    CASES.mkdir()
    facts_text = _csv_text(BASE["facts"], FACT_COLUMNS)
    districts_text = _csv_text(BASE["districts"], DISTRICT_COLUMNS)
    accepted_base = {"outcome": "accepted", "facts": 6, "values": {"f1": {"value": 4014}}}

    # --- encodings
    write_case(
        "encoding-utf8-bom",
        {**accepted_base, "description": "UTF-8 with a byte-order mark (Excel's 'CSV UTF-8')"},
        raw={"districts": codecs.BOM_UTF8 + districts_text.encode()},
    )
    write_case(
        "encoding-utf16-bom",
        {
            **accepted_base,
            "description": "UTF-16 with a byte-order mark",
            "notes": ["decoded as utf-16"],
        },
        raw={"districts": districts_text.encode("utf-16")},
    )
    write_case(
        "encoding-utf16-no-bom",
        {
            **accepted_base,
            "description": "UTF-16 little-endian without byte-order mark",
            "notes": ["utf-16-le (no byte-order mark"],
        },
        raw={"districts": districts_text.encode("utf-16-le")},
    )
    write_case(
        "encoding-windows-1258",
        {
            **accepted_base,
            "description": "Windows-1258 (Vietnamese Windows code page)",
            "notes": ["windows-1258 (not UTF-8; detected)"],
            "districts": {"sop-cop-son-la": {"name": "Sốp Cộp"}},
        },
        raw={"districts": to_cp1258(districts_text)},
    )
    write_case(
        "encoding-undecidable",
        {
            "outcome": "refused",
            "description": "Latin-1 text that is neither UTF-8 nor Vietnamese",
            "problems": [_problem("sources.csv", None, None, "encoding cannot be decided")],
        },
        raw={
            "sources": "source_id,url,publisher,published\nc-1,test:corpus,Café Über,2024\n".encode(
                "latin-1"
            )
        },
    )
    write_case(
        "text-nfd",
        {
            **accepted_base,
            "description": "names decomposed (NFD), as macOS writes them",
            "districts": {"sop-cop-son-la": {"name": "Sốp Cộp"}},
        },
        texts={"districts": __import__("unicodedata").normalize("NFD", districts_text)},
    )
    write_case(
        "text-old-tone-marks",
        {
            **accepted_base,
            "description": "old-style tone placement (Hoà) and a double space",
            "districts": {"sop-cop-son-la": {"province": "Sơn La"}},
        },
        texts={"districts": districts_text.replace("Sơn La,Sơn La", "Sơn  La,Sơn La")},
    )
    write_case(
        "text-nbsp-and-trailing-spaces",
        {
            **accepted_base,
            "description": "non-breaking and trailing spaces around values",
            "notes": ["removed spaces around values"],
        },
        texts={"facts": facts_text.replace("4014", " 4014\u00a0").replace(",stock,", ",stock ,")},
    )

    # --- separators and layout
    write_case(
        "separator-semicolon",
        {
            **accepted_base,
            "description": "';' as separator (European Excel)",
            "notes": ["separator ';'"],
        },
        texts={"facts": facts_text.replace(",", ";")},
    )
    write_case(
        "separator-tab",
        {**accepted_base, "description": "tab-separated", "notes": ["separator '\\t'"]},
        texts={"facts": facts_text.replace(",", "\t")},
    )
    write_case(
        "line-endings-crlf",
        {**accepted_base, "description": "Windows line endings"},
        texts={"facts": facts_text.replace("\n", "\r\n")},
    )
    write_case(
        "blank-lines",
        {
            **accepted_base,
            "description": "blank lines between rows (rows keep their file numbers)",
            "notes": ["skipped 2 blank row(s)"],
        },
        texts={"facts": facts_text.replace("\nf3,", "\n\nf3,").replace("\nf5,", "\n\nf5,")},
    )
    write_case(
        "title-row",
        {
            **accepted_base,
            "description": "a title line above the header",
            "notes": ["skipped 1 title row(s)"],
        },
        texts={"facts": "Số liệu tổ chức đảng (test data)\n" + facts_text},
    )
    write_case(
        "quoted-newline-in-note",
        {
            **accepted_base,
            "description": "a note spanning two lines, quoted",
            "values": {"f2": {"note": "line one\nline two"}},
        },
        tables=_changed(facts=[(1, {"note": "line one\nline two"})]),
    )
    write_case(
        "header-only-facts",
        {
            "outcome": "accepted",
            "facts": 0,
            "description": "a facts file with a header and no rows",
        },
        texts={"facts": ",".join(FACT_COLUMNS) + "\n"},
    )

    # --- headers
    vietnamese = ["mã số liệu", "mã huyện", "chỉ số", "đối tượng", "xếp loại", "kiểu", "từ ngày", "đến ngày", "giá trị",
                  "đơn vị", "so sánh", "cơ sở", "mã nguồn", "đoạn", "ghi chú"]  # fmt: skip
    write_case(
        "headers-vietnamese",
        {
            **accepted_base,
            "description": "Vietnamese column names",
            "notes": ["column 'giá trị' read as value"],
        },
        texts={"facts": _csv_text(BASE["facts"], FACT_COLUMNS, header=vietnamese)},
    )
    write_case(
        "headers-english-aliases",
        {**accepted_base, "description": "English aliases and capitals (District, Source)"},
        texts={
            "facts": facts_text.replace("district_id", "District").replace("source_id", "Source", 1)
        },
    )
    write_case(
        "header-unknown-column",
        {
            **accepted_base,
            "description": "an extra column the schema does not know",
            "warnings": ["this column is ignored"],
        },
        texts={"facts": facts_text.replace("note\n", "note,reviewer\n", 1)},
    )
    write_case(
        "header-missing-column",
        {
            "outcome": "refused",
            "description": "the value column is missing",
            "problems": [_problem("facts.csv", 1, "value", "a column 'value'")],
        },
        texts={
            "facts": "\n".join(
                ",".join(c for i, c in enumerate(line.split(",")) if i != 8)
                for line in facts_text.splitlines()
            )
            + "\n"
        },
    )
    write_case(
        "header-duplicated-column",
        {
            "outcome": "refused",
            "description": "two columns both meaning value",
            "problems": [_problem("facts.csv", 1, "gia_tri", "each column once")],
        },
        texts={"facts": facts_text.replace("note\n", "gia_tri\n", 1)},
    )

    # --- numbers
    write_case(
        "numbers-vietnamese",
        {
            **accepted_base,
            "description": "8.723-style thousands and 15,2-style decimals",
            "values": {"f1": {"value": 4014}, "f5": {"value": 15.2}},
        },
        tables=_changed(facts=[(0, {"value": "4.014"}), (4, {"value": "15,2"})]),
    )
    write_case(
        "numbers-english",
        {
            **accepted_base,
            "description": "4,014-style thousands with 15.2-style decimals",
            "values": {"f1": {"value": 4014}, "f5": {"value": 15.2}},
        },
        tables=_changed(facts=[(0, {"value": "4,014"}), (4, {"value": "15.2"})]),
    )
    write_case(
        "numbers-mixed-conventions",
        {
            "outcome": "refused",
            "description": "15,2 and 117.3 in one column",
            "problems": [_problem("facts.csv", None, "value", "one number convention per column")],
        },
        tables=_changed(
            facts=[
                (4, {"value": "15,2"}),
                (
                    6,
                    {
                        "fact_id": "f7",
                        "unit": "percent",
                        "value": "117.3",
                        "kind": "attainment",
                        "metric": "admissions",
                        "period_start": "2020",
                        "period_end": "2024-01-23",
                    },
                ),
            ]
        ),
    )
    write_case(
        "numbers-ambiguous-dot",
        {
            **accepted_base,
            "description": "4.014 with no other clue: read the Vietnamese way, and said",
            "notes": ["read the Vietnamese way"],
            "values": {"f1": {"value": 4014}},
        },
        tables=_changed(facts=[(0, {"value": "4.014"}), (4, {"value": "15"})]),
    )
    write_case(
        "numbers-ambiguous-in-english-column",
        {
            "outcome": "refused",
            "description": "4.014 beside 15.2: read as 4.014, not a whole count",
            "problems": [
                _problem("facts.csv", 2, "value", "is the decimal separator right?", "4.014")
            ],
        },
        tables=_changed(facts=[(0, {"value": "4.014"})]),
    )
    write_case(
        "numbers-with-words",
        {
            **accepted_base,
            "description": "'gần 4.014' and 'trên 400' carry their qualifier",
            "values": {
                "f1": {"value": 4014, "comparator": "~"},
                "f2": {"value": 469, "comparator": ">"},
            },
        },
        tables=_changed(
            facts=[(0, {"value": "gần 4.014"}), (1, {"value": "trên 469"}), (4, {"value": "15,2"})]
        ),
    )
    write_case(
        "numbers-percent-sign",
        {
            **accepted_base,
            "description": "15,2% in a percent column",
            "values": {"f5": {"value": 15.2}},
        },
        tables=_changed(facts=[(4, {"value": "15,2%"})]),
    )
    write_case(
        "numbers-percent-on-count",
        {
            "outcome": "refused",
            "description": "a % sign on a count",
            "problems": [_problem("facts.csv", 2, "value", "a count without %", "4014%")],
        },
        tables=_changed(facts=[(0, {"value": "4014%"})]),
    )
    write_case(
        "numbers-not-a-number",
        {
            "outcome": "refused",
            "description": "text where a number belongs",
            "problems": [_problem("facts.csv", 3, "value", "a number", "bốn trăm")],
        },
        tables=_changed(facts=[(1, {"value": "bốn trăm"})]),
    )
    write_case(
        "numbers-negative-count",
        {
            "outcome": "refused",
            "description": "a negative count",
            "problems": [_problem("facts.csv", 2, "value", "a count of at least 0", "-4014")],
        },
        tables=_changed(facts=[(0, {"value": "-4014"})]),
    )
    write_case(
        "numbers-share-above-100",
        {
            "outcome": "refused",
            "description": "a share of 100,6 %",
            "problems": [_problem("facts.csv", 6, "value", "a share within 0-100", "100,6")],
        },
        tables=_changed(facts=[(4, {"value": "100,6"})]),
    )

    # --- dates and periods
    write_case(
        "dates-day-first",
        {
            **accepted_base,
            "description": "dates written 23/01/2024, as in Vietnam",
            "values": {"f2": {"period_end_text": "2024-01-23"}},
        },
        tables=_changed(facts=[(1, {"period_end": "23/01/2024"})]),
    )
    write_case(
        "dates-impossible-day",
        {
            "outcome": "refused",
            "description": "30/02/2024",
            "problems": [_problem("facts.csv", 3, "period_end", "no such day", "30/02/2024")],
        },
        tables=_changed(facts=[(1, {"period_end": "30/02/2024"})]),
    )
    write_case(
        "period-ends-before-start",
        {
            "outcome": "refused",
            "description": "a flow from 2024 to 2020",
            "problems": [_problem("facts.csv", 3, "period_end", "on or after its start")],
        },
        tables=_changed(facts=[(1, {"period_start": "2024", "period_end": "2020"})]),
    )

    # --- rows and ids
    write_case(
        "rows-duplicated",
        {
            "outcome": "accepted",
            "facts": 7,
            "description": "the same figure twice under two ids",
            "warnings": ["repeats row 2"],
        },
        tables=_changed(facts=[(6, {"fact_id": "f7"})]),
    )
    write_case(
        "ids-duplicated",
        {
            "outcome": "refused",
            "description": "two facts with id f1",
            "problems": [_problem("facts.csv", 3, "fact_id", "a unique fact_id; row 2", "f1")],
        },
        tables=_changed(facts=[(1, {"fact_id": "f1"})]),
    )
    write_case(
        "rows-too-many-cells",
        {
            "outcome": "refused",
            "description": "a row with a cell beyond the header",
            "problems": [_problem("facts.csv", 3, None, "at most 15 cells")],
        },
        texts={
            "facts": facts_text.replace("\nf2,", "\nf2,", 1)
            .replace("since", "since")
            .replace(
                "f2,sop-cop-son-la,admissions,,,flow,2020,2024-01-23,469,count,,,c-1,1,test data",
                "f2,sop-cop-son-la,admissions,,,flow,2020,2024-01-23,469,count,,,c-1,1,test data,extra",
            )
        },
    )
    write_case(
        "vocabulary-unknown",
        {
            "outcome": "refused",
            "description": "metric 'villages' is not in the vocabulary",
            "problems": [_problem("facts.csv", 2, "metric", "one of party_members", "villages")],
        },
        tables=_changed(facts=[(0, {"metric": "villages"})]),
    )
    write_case(
        "vocabulary-vietnamese",
        {
            **accepted_base,
            "description": "category and kind in Vietnamese words",
            "values": {"f4": {"category": "excellent", "kind": "stock"}},
        },
        tables=_changed(
            facts=[(3, {"category": "Hoàn thành xuất sắc nhiệm vụ", "kind": "Hiện có"})]
        ),
    )

    # --- references and tables
    write_case(
        "reference-unknown-district",
        {
            "outcome": "refused",
            "description": "a fact about a district not in districts.csv",
            "problems": [
                _problem(
                    "facts.csv", 7, "district_id", "an id listed in districts", "tan-yen-bac-giang"
                )
            ],
        },
        tables=_changed(facts=[(5, {"district_id": "tan-yen-bac-giang"})]),
    )
    write_case(
        "reference-unknown-source",
        {
            "outcome": "refused",
            "description": "a fact citing a source not in sources.csv",
            "problems": [_problem("facts.csv", 2, "source_id", "an id listed in sources", "c-9")],
        },
        tables=_changed(facts=[(0, {"source_id": "c-9"})]),
    )
    write_case(
        "province-unknown",
        {
            "outcome": "refused",
            "description": "a province that does not exist",
            "problems": [
                _problem("districts.csv", 2, "province", "a province of Vietnam", "Atlantis")
            ],
        },
        tables=_changed(districts=[(0, {"province": "Atlantis"})]),
    )
    write_case(
        "district-outside-register",
        {
            **accepted_base,
            "description": "Cửa Lò, merged before the 2025 register",
            "warnings": ["accepted as declared here"],
        },
        tables=_changed(
            districts=[
                (
                    2,
                    {
                        "district_id": "cua-lo-nghe-an",
                        "gso_code": "",
                        "name": "Cửa Lò",
                        "type": "thị xã",
                        "province": "Nghệ An",
                        "province_2025": "",
                        "region": "",
                    },
                )
            ]
        ),
    )
    write_case(
        "district-id-unsafe",
        {
            "outcome": "refused",
            "description": "a district id that would be a path",
            "problems": [_problem("districts.csv", 2, "district_id", "text matching", "../../etc")],
        },
        tables=_changed(
            districts=[(0, {"district_id": "../../etc"})],
            facts=[(i, {"district_id": "../../etc"}) for i in range(5)],
        ),
    )
    write_case(
        "table-missing",
        {
            "outcome": "refused",
            "description": "sources.csv is missing",
            "problems": [_problem("table-missing/sources.csv", None, None, "a file sources.csv")],
        },
        skip=("sources",),
    )
    write_case(
        "table-empty-file",
        {
            "outcome": "refused",
            "description": "facts.csv has zero bytes",
            "problems": [_problem("facts.csv", None, None, "the file is empty")],
        },
        raw={"facts": b""},
    )

    # --- workbooks
    _workbook(
        "excel-title-row-and-merged-title",
        {**accepted_base, "description": "a merged title row above each header"},
        title=True,
    )
    _workbook(
        "excel-merged-header-cells",
        {
            "outcome": "refused",
            "description": "the value header merged across two columns",
            "problems": [_problem("book.xlsx [facts]", 1, "value", "each column once")],
        },
        merge_value_header=True,
    )
    _workbook(
        "excel-numbers-and-dates",
        {
            **accepted_base,
            "description": "numbers and dates typed as Excel numbers and dates",
            "values": {"f2": {"period_end_text": "2024-01-23"}, "f5": {"value": 15.2}},
        },
        typed=True,
    )
    from more_cases import build as build_more

    build_more()
    return len(list(CASES.iterdir()))


def _workbook(name: str, case: dict, *, title=False, merge_value_header=False, typed=False) -> None:
    import datetime as dt

    folder = CASES / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    book = Workbook()
    book.remove(book.active)
    for table, columns in COLUMNS.items():
        sheet = book.create_sheet(table)
        if title:
            sheet.append([f"Bảng {table} (test data)"] + [None] * (len(columns) - 1))
            sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
        sheet.append(columns)
        for row in BASE[table]:
            values = [row.get(c, "") for c in columns]
            if typed and table == "facts":
                values[8] = float(row["value"]) if "." in row["value"] else int(row["value"])
                if row["period_end"] == "2024-01-23":
                    values[7] = dt.datetime(2024, 1, 23)
            sheet.append(values)
        if merge_value_header and table == "facts":
            header_row = 2 if title else 1
            sheet.merge_cells(
                start_row=header_row, start_column=9, end_row=header_row, end_column=10
            )
    fixed = dt.datetime(2026, 1, 1)  # fixed document times keep the file identical between builds
    book.properties.created = book.properties.modified = fixed
    book.save(folder / "book.xlsx")
    _normalise_zip_times(folder / "book.xlsx")
    (folder / "case.json").write_text(
        json.dumps({"name": name, "path": "book.xlsx", **case}, ensure_ascii=False, indent=1) + "\n"
    )


def _normalise_zip_times(path: Path) -> None:
    """Rewrites a workbook with fixed time stamps (zip entries, and the document's modified
    time, which openpyxl sets when saving)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    entries = [
        (
            name,
            re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-01-01T00:00:00Z", data)
            if name == "docProps/core.xml"
            else data,
        )
        for name, data in entries
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            target.writestr(
                zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED
            )


if __name__ == "__main__":
    print(f"wrote {build()} cases into {CASES}")
