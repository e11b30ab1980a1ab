"""The index page of a batch run: every report with its status, key figures and links.

Reports across districts come first, then districts by region and province. Everything
shown comes through Jinja2 with autoescaping, so names from data are text, never markup.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

import jinja2

from analysis import __version__
from analysis.files import write_text_atomic
from analysis.paths import TEMPLATES_DIR
from analysis.present.key_figures import format_figure
from analysis.reports.runner import BatchResult, output_path


def _row(result, out_dir: Path) -> dict:
    record = result.provenance or {}
    outputs = record.get("outputs", {})
    exists = bool(outputs) and output_path(out_dir, result.job, ".html").is_file()
    status = result.status
    if status == "skipped":
        status = f"up to date (made {record.get('generated', '')[:10]})"
    elif status == "ok":
        status = "made"
    figures = result.key_figures or record.get("key_figures", {})
    return {
        "name": result.job.name,
        "title": result.job.title.split(" (")[0]
        if result.job.group == "district"
        else result.job.title,
        "state": result.status,
        "status_text": status,
        "group": result.job.group,
        "region": result.job.region,
        "province": result.job.province,
        "status": result.status,
        "error": result.error or record.get("error", ""),
        "figures": {k: format_figure(v) for k, v in figures.items()},
        "html": outputs.get("html") if exists else None,
        "ipynb": outputs.get("ipynb") if exists else None,
        "json": str(Path(outputs["ipynb"]).with_suffix(".json")) if exists else None,
        "seconds": round(result.seconds, 3),
    }


def write_index(
    batch: BatchResult,
    data_origin: str,
    data_fingerprint: str,
    planned: list,
    synthetic: bool = False,
) -> Path:
    """Writes index.html and index.json into the output folder; returns the HTML path.

    Args:
        batch: The batch's results.
        data_origin: Where the data came from.
        data_fingerprint: The dataset's fingerprint.
        planned: Every planned job; those without a result (an interrupted run) are listed
            as not produced.
        synthetic: Label the page as made from synthetic data.
    """
    out_dir = batch.out_dir
    by_name = {r.job.name: r for r in batch.results}
    rows = []
    for job in planned:
        if job.name in by_name:
            rows.append(_row(by_name[job.name], out_dir))
        else:
            rows.append({"name": job.name, "title": job.title, "group": job.group, "region": job.region,
                         "province": job.province, "status": "missing", "state": "missing",
                         "status_text": "not produced (run interrupted)", "error": "",
                         "figures": {}, "html": None, "ipynb": None, "json": None, "seconds": 0})  # fmt: skip
    general = [r for r in rows if r["group"] != "district"]
    districts = [r for r in rows if r["group"] == "district"]
    grouped: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for row in sorted(districts, key=lambda r: (r["region"], r["province"], r["title"])):
        grouped[row["region"]][row["province"]].append(row)
    counts = {
        s: sum(1 for r in rows if r["status"] == s) for s in ("ok", "skipped", "failed", "missing")
    }
    generated = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    html = environment.get_template("index.html.j2").render(
        title="Reports: district party committees' organisational statistics",
        synthetic=synthetic,
        data_origin=data_origin,
        data_fingerprint=data_fingerprint,
        generated=generated,
        version=__version__,
        counts=counts,
        general=general,
        districts=districts,
        regions=[(region, list(provinces.items())) for region, provinces in grouped.items()],
    )
    path = out_dir / "index.html"
    write_text_atomic(path, html)
    summary = {
        "generated": generated,
        "data": {"origin": data_origin, "fingerprint": data_fingerprint, "synthetic": synthetic},
        "counts": counts,
        "seconds": round(batch.seconds, 3),
        "interrupted": batch.interrupted,
        "reports": rows,
    }
    write_text_atomic(out_dir / "index.json", json.dumps(summary, indent=1, ensure_ascii=False))
    return path
