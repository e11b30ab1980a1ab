"""Rules that hold the districts table to the register (see `rules` for what a rule is)."""

from __future__ import annotations

import pandas as pd

from analysis.data.problems import Severity
from analysis.data.register import canonical_province, load_register, province_facts
from analysis.data.rules import Finding, Rule, Tables, rule
from analysis.text.vietnamese import fold

DISTRICT_RULES: list[Rule] = []


def _districts(tables: Tables) -> pd.DataFrame:
    return tables["districts"].frame


def _known(frame: pd.DataFrame) -> pd.Series:
    return frame["province"].map(lambda p: bool(p) and canonical_province(p) is not None)


@rule(DISTRICT_RULES, "province-known", "districts", ("province",),
      "a province of Vietnam before the 2025 merger (e.g. Sơn La, Thừa Thiên Huế)")  # fmt: skip
def _province_known(tables: Tables) -> pd.Series:
    frame = _districts(tables)
    return (frame["province"].fillna("") != "") & ~_known(frame)


def _consistent(column: str) -> Rule:
    def check(tables: Tables) -> list[Finding]:
        frame, found = _districts(tables), []
        for row in frame.index[_known(frame)]:
            province = frame.at[row, "province"]
            stated, expected = frame.at[row, column], province_facts(province)[column]
            agrees = fold(stated or "") == fold(expected) or (
                column == "province_2025" and canonical_province(stated or "") == expected
            )
            if not agrees:
                found.append(Finding(int(row), stated, f"{expected} for a district of {province}"))
        return found

    what = "successor province (2025 merger)" if column == "province_2025" else "region"
    return Rule(f"{column.replace('_', '-')}-consistent", "districts", (column, "province"),
                f"the {what} of the district's province", Severity.ERROR, check)  # fmt: skip


DISTRICT_RULES += [_consistent("province_2025"), _consistent("region")]


@rule(DISTRICT_RULES, "gso-code-owner", "districts", ("gso_code", "name", "province"),
      "the GSO code the register gives the district")  # fmt: skip
def _gso_code(tables: Tables) -> list[Finding]:
    frame = _districts(tables)
    owners = load_register().set_index("gso_code")
    found = []
    for row in frame.itertuples():
        if not row.gso_code or row.gso_code not in owners.index:
            continue
        owner = owners.loc[row.gso_code]
        if fold(owner["name"]) != fold(row.name or "") or owner["province"] != row.province:
            found.append(Finding(int(row.Index), row.gso_code, (
                f"the GSO code of {row.name} ({row.province}); {row.gso_code} is "
                f"{owner['registered_name']} ({owner['province']})")))  # fmt: skip
    return found


@rule(DISTRICT_RULES, "in-register", "districts", ("name", "district_id", "province"),
      "a district in the GSO register of July 2025; accepted as declared here (merged or "
      "renamed before 2025?)", Severity.WARNING)  # fmt: skip
def _in_register(tables: Tables) -> list[Finding]:
    frame = _districts(tables)
    outside = ~frame["in_register"] & _known(frame)
    return [
        Finding(int(row), expected=(
            f"a district of {frame.at[row, 'province']} in the GSO register of July 2025; "
            "accepted as declared here (merged or renamed before 2025?)"))
        for row in outside.index[outside]
    ]  # fmt: skip


@rule(DISTRICT_RULES, "name-matches-register", "districts", ("name", "district_id"),
      "the name the register gives the district's id (after normalising accents, case "
      "and spaces)", Severity.WARNING)  # fmt: skip
def _name_matches_id(tables: Tables) -> list[Finding]:
    frame = _districts(tables)
    register = load_register().set_index("district_id")
    found = []
    for row in frame.itertuples():
        if row.district_id not in register.index:
            continue
        known = register.loc[row.district_id]
        names = {fold(known["name"]), fold(known["registered_name"])}
        if fold(row.name or "") not in names:
            found.append(Finding(int(row.Index), row.name, (
                f"{known['name']}, the register's name for {row.district_id}; the row names "
                f"{row.name!r} (a wrong id, or a letter from another alphabet?)")))  # fmt: skip
    return found
