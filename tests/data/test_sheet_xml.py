"""The streaming sheet reader on a workbook laid out as Excel writes it: shared strings,
cells without references, a namespace prefix, percent and date formats, cached formula
results and a formula never calculated. (openpyxl, which writes the other test workbooks,
writes inline strings only.)"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from analysis import DatasetError, load_dataset
from analysis.data.schema import TABLES

from conftest import tiny_tables

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PERCENT, DATE = 1, 2  # cell style indexes: 0.0% and d/m/yyyy


def _column(i: int) -> str:
    return chr(ord("A") + i)


def _sheet(rows: list[list], strings: list[str], prefix: str = "") -> str:
    p = f"{prefix}:" if prefix else ""
    ns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    out = []
    for r, row in enumerate(rows, start=1):
        cells, written = [], False
        for c, value in enumerate(row):
            # some writers omit the reference of a cell that follows the previous one
            ref = "" if written and c % 2 else f' r="{_column(c)}{r}"'
            written = bool(value) or value == 0
            if isinstance(value, tuple):  # (xml inside the cell, style)
                inner, style = value
                cells.append(f'<{p}c{ref} s="{style}">{inner}</{p}c>')
            elif isinstance(value, int | float):
                cells.append(f"<{p}c{ref}><{p}v>{value}</{p}v></{p}c>")
            elif value:
                strings.append(value)
                cells.append(f'<{p}c{ref} t="s"><{p}v>{len(strings) - 1}</{p}v></{p}c>')
        out.append(f'<{p}row r="{r}">{"".join(cells)}</{p}row>')
    return f"<{p}worksheet {ns}><{p}sheetData>{''.join(out)}</{p}sheetData></{p}worksheet>"


def _excel_like(path: Path, facts_edit) -> Path:
    tables = tiny_tables()
    strings: list[str] = []
    sheets = {}
    for name, rows in tables.items():
        columns = list(TABLES[name].column_names)
        grid = [columns] + [[row[c] for c in columns] for row in rows]
        if name == "facts":
            facts_edit(grid)
        sheets[name] = _sheet(grid, strings, prefix="x" if name == "districts" else "")
    shared = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    files = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                for i in (1, 2, 3)
            )
            + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
            + "".join(
                f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
                for i, name in enumerate(sheets, start=1)
            )
            + "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(
                f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                for i in (1, 2, 3)
            )
            + f'<Relationship Id="rId4" Type="{REL}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId5" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ),
        "xl/styles.xml": (
            f'<styleSheet xmlns="{MAIN}">'
            '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>'
            '<fonts count="1"><font/></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
            '<cellXfs count="3"><xf numFmtId="0" xfId="0"/>'
            '<xf numFmtId="164" xfId="0" applyNumberFormat="1"/>'
            '<xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        ),
        "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}">{shared}</sst>',
    }
    for i, name in enumerate(sheets, start=1):
        files[f"xl/worksheets/sheet{i}.xml"] = sheets[name]
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return path


def _as_excel_writes_it(grid: list[list]) -> None:
    grid[2][7] = ("<v>45314</v>", DATE)  # t2 period_end: 23/01/2024 as a date serial
    grid[2][8] = ("<f>400+69</f><v>469</v>", 0)  # a formula with its saved result
    grid[4][8] = ("<v>0.152</v>", PERCENT)  # t4 value 15.2 %
    grid[4][9] = "percent"


def test_an_excel_like_workbook_reads_as_the_csv_does(tmp_path):
    facts = load_dataset(_excel_like(tmp_path / "b.xlsx", _as_excel_writes_it)).facts
    facts = facts.set_index("fact_id")
    assert facts.loc["t2", "period_end_text"] == "2024-01-23"
    assert facts.loc["t2", "value"] == 469
    assert facts.loc["t4", "value"] == pytest.approx(15.2)
    assert facts.loc["t1", "value"] == 4014 and facts.loc["t5", "district_id"] == "sa-thay-kon-tum"


def test_an_uncalculated_formula_in_an_excel_like_workbook_is_named(tmp_path):
    def edit(grid):
        grid[1][8] = ("<f>4000+14</f>", 0)

    with pytest.raises(DatasetError) as info:
        load_dataset(_excel_like(tmp_path / "b.xlsx", edit))
    [problem] = [p for p in info.value.problems if p.row == 2]
    assert problem.value == "=4000+14" and "formula without a saved" in problem.expected
