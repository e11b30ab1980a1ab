"""The machine-readable descriptor (Frictionless Data Package) and the field tables of the
data README, both generated from `schema` so that they cannot drift from the code."""

from __future__ import annotations

import json
import re
from pathlib import Path

from analysis.data import schema

LICENSE_NOTE = (
    "Figures and citations read from public Vietnamese news pages and the project's seed "
    "articles; no article text is included."
)


def _field_descriptor(f: schema.Field) -> dict:
    descriptor: dict = {"name": f.name, "type": f.type, "description": f.description}
    constraints: dict = {}
    if f.required:
        constraints["required"] = True
    if f.unique:
        constraints["unique"] = True
    if f.pattern:
        constraints["pattern"] = f.pattern
    if f.vocabulary:
        constraints["enum"] = list(schema.VOCABULARIES[f.vocabulary].codes)
    if constraints:
        descriptor["constraints"] = constraints
    if f.aliases:
        descriptor["aliases"] = list(f.aliases)
    if f.vocabulary:
        vocab = schema.VOCABULARIES[f.vocabulary]
        descriptor["vocabulary"] = [
            {"value": t.code, "label_vi": t.label_vi, "description": t.description}
            | ({"metrics": list(t.applies_to)} if t.applies_to else {})
            for t in vocab.terms
        ]
    if f.example:
        descriptor["example"] = f.example
    return descriptor


def build_datapackage(name: str = "vn-district-party-statistics", **extra) -> dict:
    """Returns a Frictionless Data Package descriptor of the three tables."""
    resources = []
    for table in schema.TABLES.values():
        table_schema: dict = {
            "fields": [_field_descriptor(f) for f in table.fields],
            "primaryKey": [table.primary_key],
            "missingValues": [""],
        }
        if table.foreign_keys:
            table_schema["foreignKeys"] = [
                {
                    "fields": [fk.column],
                    "reference": {"resource": fk.table, "fields": [fk.table_column]},
                }
                for fk in table.foreign_keys
            ]
        resources.append(
            {
                "name": table.name,
                "path": table.filename,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": table.description,
                "schema": table_schema,
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": name,
        "title": "Organisational statistics of Vietnam's district-level party committees",
        "description": LICENSE_NOTE,
        "resources": resources,
        **extra,
    }


def render_field_table(table: schema.Table) -> str:
    """Returns a Markdown table of a table's columns."""
    lines = ["| column | type | required | meaning | input aliases |", "|---|---|---|---|---|"]
    for f in table.fields:
        kind = f.type + (f" ({f.vocabulary})" if f.vocabulary else "")
        aliases = ", ".join(f"`{a}`" for a in f.aliases)
        required = "yes" if f.required else ""
        lines.append(f"| `{f.name}` | {kind} | {required} | {f.description} | {aliases} |")
    return "\n".join(lines)


def render_vocabularies() -> str:
    """Returns Markdown tables of every vocabulary."""
    parts = []
    for vocab in schema.VOCABULARIES.values():
        parts.append(f"#### {vocab.name}\n\n{vocab.description}\n")
        parts.append("| value | Vietnamese | meaning |\n|---|---|---|")
        for t in vocab.terms:
            scope = f" (for {', '.join(t.applies_to)})" if t.applies_to else ""
            parts.append(f"| `{t.code}` | {t.label_vi} | {t.description}{scope} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def _generated_sections() -> dict[str, str]:
    sections = {f"fields {t.name}": render_field_table(t) for t in schema.TABLES.values()}
    sections["vocabularies"] = render_vocabularies()
    return sections


def update_readme(text: str) -> str:
    """Replaces the generated sections (between BEGIN/END markers) of a README."""
    for key, body in _generated_sections().items():
        pattern = re.compile(
            rf"(<!-- BEGIN {re.escape(key)} -->\n)(?:.*?\n)?(<!-- END {re.escape(key)} -->)", re.S
        )
        if not pattern.search(text):
            raise ValueError(f"README has no section markers for {key!r}")
        text = pattern.sub(lambda m, b=body: m.group(1) + b.rstrip("\n") + "\n" + m.group(2), text)
    return text


def write_descriptor_files(data_dir: Path) -> list[Path]:
    """Writes datapackage.json and refreshes README.md in a data folder; returns the paths."""
    descriptor = data_dir / "datapackage.json"
    descriptor.write_text(
        json.dumps(build_datapackage(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    readme = data_dir / "README.md"
    readme.write_text(update_readme(readme.read_text(encoding="utf-8")), encoding="utf-8")
    return [descriptor, readme]
