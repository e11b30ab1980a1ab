"""The runner on the work of 25 November: 20 SYNTHETIC districts, the district notebook
without the cells that compare the district with the whole panel (added by the comparisons
issue), so that the runner and the report pages can be compared with the figure of that day
(26.9 s cold).

    python benchmarks/same_work.py
"""

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run

from analysis.reports.build import BuildOptions, build_reports
from analysis.reports.spec import DatasetSpec

nb_dir = Path(tempfile.mkdtemp()) / "notebooks"
shutil.copytree(run.ROOT / "notebooks", nb_dir)
p = nb_dir / "district_report.ipynb"
nb = json.loads(p.read_text())
keep = [
    c
    for c in nb["cells"]
    if not any(w in "".join(c["source"]) for w in ("compared.", 'page.section("place")'))
]
print("cells removed:", len(nb["cells"]) - len(keep))
nb["cells"] = keep
p.write_text(json.dumps(nb))
out = Path(tempfile.mkdtemp()) / "out"
ids = run.sample_districts(20)
t = time.monotonic()
batch = build_reports(
    DatasetSpec.from_arguments(run.PANEL),
    out,
    districts=ids,
    comparisons=False,
    notebooks=nb_dir,
    options=BuildOptions(jobs=2, progress=False, force=True),
)
print(
    "seconds",
    round(time.monotonic() - t, 1),
    "failed",
    len(batch.failed),
    "made",
    len(batch.results),
)
