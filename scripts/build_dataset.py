"""Builds the embedded dataset (data/*.csv) from the hand-checked facts in ../shared/data.

Maintainers run it with `make data`; the package never reads ../shared at run time, and a
test checks that every seed fact is in data/ with its value, period and source.

What the conversion does, row by row (documented in data/README.md):
  * districts get their stable id from the package's register (name and pre-2025 province,
    accent-insensitive; spelling variants such as Đăk/Đắk and Quí/Quý match);
  * sources get an id (seed-NNN from the seed file name, web-<8 hex of SHA-1 of the address>);
  * each fact gets the id <source id>-<rank of the row within its source>;
  * `basis` is set for targets and for stocks over a period, from the reader's note;
  * qualifiers the reader wrote in the note ("stated as more than 9200") go to `comparator`;
  * `period_kind` is set from the reader's note (PERIOD_KINDS), a few decisions by hand
    (PERIOD_KIND_BY_HAND), or else the period's shape;
  * the pre-2018 "clean and strong" grades of Đam Rông, Long Xuyên and Quảng Điền are
    recoded to the pre-2018 categories (PRE2018_RECODES);
  * some `other` rows are recoded to named metrics or categories where several districts
    share them (RECODES below); the note records it.
Nothing else changes: values, periods, paragraphs and notes stay as the readers wrote them.
"""

from __future__ import annotations

import csv
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from analysis.data.register import (  # noqa: E402
    canonical_province,
    district_id_for,
    load_register,
    province_facts,
)
from analysis.data.schema import DISTRICTS, FACTS, SOURCES  # noqa: E402
from analysis.text.periods import PeriodKind, infer_period_kind  # noqa: E402
from analysis.text.vietnamese import clean_name, clean_text, fold  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "data"
INPUTS = ("seed_facts.csv", "public_facts.csv")
RECODE_MARK = "[recoded from metric other]"


# (pattern on the reader's note, changes). Applied to rows whose metric is `other`.
def _group(category: str) -> dict[str, str]:
    return {"metric": "admissions", "category": category}


RECODES: tuple[tuple[str, dict[str, str]], ...] = (
    (r"^newly admitted members who attended", _group("induction_trained")),
    (r"^admissions in enterprises and cooperatives", _group("in_enterprises")),
    (r"^(stated )?(share of )?women among", _group("women")),
    (r"^youth union members among", _group("youth_union")),
    (r"^farmers among", _group("farmers")),
    (r"^university-educated among", _group("university_educated")),
    (r"^ethnic-minority members among", _group("ethnic_minority")),
    (r"^pupils or students among", _group("students")),
    (r"admissions as share of total district membership", {"metric": "admission_rate"}),
    (r"admissions target as share of total membership", {"metric": "admission_rate"}),
    (r"^stated annual admission rate", {"metric": "admission_rate"}),
    (r"admissions relative to membership", {"metric": "admission_rate"}),
    (r"admission rate relative to membership", {"metric": "admission_rate"}),
    (
        r"exceeded (the )?[\w\s-]*plan by this many percent|^margin by which admissions "
        r"already exceeded|^stated margin above the",
        {"metric": "admissions", "kind": "attainment", "unit": "percent_above_target"},
    ),
    (r"^members assessed", {"metric": "evaluation", "subject": "member", "category": "assessed"}),
    (
        r"^base organizations assessed",
        {"metric": "evaluation", "subject": "organization", "category": "assessed"},
    ),
    (
        r"^exemplary clean-and-strong base organizations|^share of assessed organizations "
        r"rated exemplary|^rise in the exemplary share",
        {"metric": "evaluation", "subject": "organization", "category": "clean_strong_exemplary"},
    ),
    (
        r"^clean-and-strong \(non-exemplary\)|^share rated clean-and-strong \(non-exemplary\)",
        {"metric": "evaluation", "subject": "organization", "category": "clean_strong"},
    ),
    (
        r"^base organizations rated clean and strong \(pre-2018|^share of base organizations "
        r"rated clean and strong|^2014 goal for share of base organizations rated clean",
        {"metric": "evaluation", "subject": "organization", "category": "clean_strong_or_above"},
    ),
)

# Pre-2018 "clean and strong" grades that readers recorded as another category (hand-checked
# against their notes): (district, pattern on the note, changes).
PRE2018_RECODES: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("Đam Rông", r"^top tier of the pre-2018 scheme", {"category": "clean_strong_or_above"}),
    ("Long Xuyên", r"pre-2018 rating clean and strong", {"category": "clean_strong_or_above"}),
    (
        "Quảng Điền",
        r"exemplary clean-and-strong for 2017",
        {"metric": "evaluation", "subject": "organization", "category": "clean_strong_exemplary"},
    ),
    (
        "Quảng Điền",
        r"^cells and committees recognised as clean-and-strong",
        {"metric": "evaluation", "subject": "organization", "category": "clean_strong_or_above"},
    ),
)
PRE2018_MARK = "[recoded to the pre-2018 clean-and-strong grade]"

# How a period is meant (period_kind), from the reader's note: first match wins. Rows that
# match none get the kind their shape implies (analysis.text.periods.infer_period_kind).
PERIOD_KINDS: tuple[tuple[str, str], ...] = (
    (r"since the start of (the )?(\d{4}-\d{4} )?term|term to date|since start of the "
     r"\d{4}-\d{4} term", "term_to_date"),
    (r"last 10 years|ten years since|10-year review|\breview\b.*\bsince\b|plan under review",
     "review"),
    (r"up to the article date|year to date|since (the )?start of \d{4}|first (half|quarter|"
     r"two months|three|eight months|nine months)|up to \d|through end of|reached by|"
     r"period not stated in the excerpt", "year_to_date"),
    (r"\bterm\b", "term"),
)  # fmt: skip

# Periods whose kind the note and the shape leave open, decided by hand (data/README.md).
PERIOD_KIND_BY_HAND: dict[tuple[str, str, str, str], str] = {
    # "since 2015" to July 2018: read literally from 1 January 2015, not from the congress.
    ("Đơn Dương", "2015", "2018-07-13", "admissions"): "dates",
}

QUALIFIERS = (
    (r"stated (in words )?as (more than|over) \w", ">"),
    (r"stated (in words )?as nearly \w", "~"),
)


def source_id_for(url: str) -> str:
    """Returns the source id: seed-NNN for seed files, web-<8 hex> for web pages."""
    if url.startswith("seed:"):
        return "seed-" + url.removeprefix("seed:")[:3]
    return "web-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:8]


def publisher_for(url: str) -> str:
    """Returns the host name of a page address (empty for seed files, whose site is unknown)."""
    if url.startswith("seed:"):
        return ""
    return urlparse(url).netloc.removeprefix("www.")


def match_register(name: str, unit_type: str, province: str) -> dict[str, str] | None:
    """Finds a unit of the register by name and province, using the type to break ties."""
    register = load_register()
    candidates = register[
        (register["province"] == province)
        & (
            (register["name"].map(fold) == fold(name))
            | (register["registered_name"].map(fold).str.endswith(" " + fold(name)))
        )
    ]
    if len(candidates) > 1:
        candidates = candidates[candidates["type"] == unit_type]
    return candidates.iloc[0].to_dict() if len(candidates) == 1 else None


def basis_for(row: dict[str, str]) -> str:
    """Infers `basis` from the kind, unit and the reader's note."""
    note = row["note"].lower()
    if row["kind"] == "target":
        if "per year" in note:
            return "per_year"
        if "every year" in note or row["unit"] == "percent":
            return "each_year"
        return "total"
    if row["kind"] == "stock" and row["period_start"]:
        return "each_year"
    return ""


def period_kind_for(row: dict[str, str]) -> str:
    """Sets `period_kind` from the reader's note, a decision by hand, or the period's shape.

    Only periods get one: a change's start is a baseline moment, not a period.
    """
    if not row["period_start"] or row["kind"] == "change":
        return ""  # a moment, or the baseline moment of a change
    key = (row["district"], row["period_start"], row["period_end"], row["metric"])
    if key in PERIOD_KIND_BY_HAND:
        return PERIOD_KIND_BY_HAND[key]
    shape = infer_period_kind(row["period_start"], row["period_end"])
    for pattern, kind in PERIOD_KINDS:
        if re.search(pattern, row["note"], re.IGNORECASE):
            if kind == "term" and shape is not PeriodKind.TERM:
                continue  # "term" in a note about a one-year plan or a term to date
            if kind == "year_to_date" and shape not in (PeriodKind.YEAR_TO_DATE, PeriodKind.YEAR):
                continue  # "since the start of 2021" over two years: exact dates
            return kind
    return shape.value if shape else ""


def convert_row(row: dict[str, str]) -> dict[str, str]:
    """Applies recodes, basis and qualifiers to one row of a shared fact file."""
    out = dict(row)
    notes = [row["note"]] if row["note"] else []
    if row["metric"] == "other":
        for pattern, changes in RECODES:
            if re.search(pattern, row["note"]):
                out.update(changes)
                notes.append(RECODE_MARK)
                break
    for district, pattern, changes in PRE2018_RECODES:
        if row["district"] == district and re.search(pattern, row["note"]):
            out.update(changes)
            metric_changed = out["metric"] != row["metric"]
            notes.append(
                f"[recoded from metric {row['metric']}: pre-2018 grade]"
                if metric_changed
                else PRE2018_MARK
            )
            break
    if row["metric"] == "admissions" and row["kind"] == "target" and row["unit"] == "percent":
        out["metric"] = "admission_rate"
        notes.append("[recoded from metric admissions: a share of membership]")
    if out["kind"] != "target" and not out["comparator"]:
        for pattern, qualifier in QUALIFIERS:
            if re.search(pattern, row["note"]):
                out["comparator"] = qualifier
    out["basis"] = basis_for(out)
    out["period_kind"] = period_kind_for(out)
    out["note"] = " ".join(notes)
    return out


def main() -> None:
    """Writes data/facts.csv, data/districts.csv and data/sources.csv."""
    rows: list[dict[str, str]] = []
    for name in INPUTS:
        with open(SHARED / name, encoding="utf-8") as handle:
            rows.extend(
                {k: clean_text(v) if k != "note" else v.strip() for k, v in r.items()}
                for r in csv.DictReader(handle)
            )

    districts: dict[str, dict[str, str]] = {}
    sources: dict[str, dict[str, str]] = {}
    facts: list[dict[str, str]] = []
    rank: Counter[str] = Counter()
    for row in rows:
        province = canonical_province(row["province"])
        if province is None:
            raise SystemExit(f"unknown province {row['province']!r}")
        name = clean_name(row["district"])
        unit = match_register(name, row["district_type"], province)
        if unit is None:
            info = province_facts(province)
            unit = {
                "district_id": district_id_for(name, province),
                "gso_code": "",
                "name": name,
                "type": row["district_type"],
                "province": province,
                "province_2025": info["province_2025"],
                "region": info["region"],
                "note": "not in the GSO register of July 2025 (merged or renamed before)",
            }
        else:
            remarks = []
            if fold(unit["name"]) != fold(name):
                remarks.append(f"spelled {name} in sources")
            elif unit["name"] != name:
                remarks.append(f"also spelled {name} in sources")
            if unit["type"] != row["district_type"]:
                remarks.append(f"called {row['district_type']} in sources")
            unit = {**unit, "note": "; ".join(remarks)}
        did = unit["district_id"]
        earlier = districts.get(did, {}).get("note", "")
        if earlier and unit["note"] not in earlier:
            unit["note"] = "; ".join(filter(None, [earlier, unit["note"]]))
        districts[did] = {c: unit.get(c, "") for c in DISTRICTS.column_names}

        sid = source_id_for(row["source_url"])
        source = {
            "source_id": sid,
            "url": row["source_url"],
            "publisher": publisher_for(row["source_url"]),
            "published": row["published"],
        }
        if sources.setdefault(sid, source) != source:
            raise SystemExit(f"source {sid} appears with two descriptions")

        converted = convert_row(row)
        rank[sid] += 1
        converted.update(fact_id=f"{sid}-{rank[sid]:02d}", district_id=did, source_id=sid)
        facts.append({c: converted.get(c, "") for c in FACTS.column_names})

    for table, records in (
        (FACTS, facts),
        (DISTRICTS, sorted(districts.values(), key=lambda d: d["district_id"])),
        (SOURCES, sorted(sources.values(), key=lambda s: s["source_id"])),
    ):
        path = OUT / table.filename
        tmp = path.with_suffix(".csv.tmp")
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, table.column_names, lineterminator="\n")
            writer.writeheader()
            writer.writerows(records)
        tmp.replace(path)
        print(f"wrote {len(records):4d} rows to {path.relative_to(ROOT)}")
    recoded = sum(1 for f in facts if RECODE_MARK in f["note"])
    print(f"{recoded} rows recoded from metric other")


if __name__ == "__main__":
    main()
