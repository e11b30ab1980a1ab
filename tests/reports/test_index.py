from pathlib import Path

from analysis.reports.index import write_index
from analysis.reports.runner import BatchResult, Job, JobResult


def _job(name, group="district", title="huyện X (Sơn La)"):
    return Job(
        name, group, Path("nb.ipynb"), {}, title, "k", region="Tây Nguyên", province="Kon Tum"
    )


def test_index_lists_made_failed_and_missing_reports_escaped(tmp_path):
    made = _job("made-one", title="huyện <script>alert(1)</script> (Kon Tum)")
    failed = _job("failed-one")
    missing = _job("missing-one")
    general = _job("compare-growth", "comparison", "Growth across districts")
    results = [
        JobResult(general, "ok", 1.0, "", {"districts": 3}),
        JobResult(made, "ok", 1.0, "", {"members": 4014.0, "rank": None}),
        JobResult(failed, "failed", 1.0, "ValueError: <bad>"),
    ]
    batch = BatchResult(results, 3.0, tmp_path, interrupted=True)
    html = write_index(batch, "embedded", "f" * 64, [general, made, failed, missing]).read_text()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "members = 4014; rank = —" in html
    assert "ValueError: &lt;bad&gt;" in html
    assert "not produced (run interrupted)" in html
    assert html.index("Growth across districts") < html.index("Tây Nguyên")
    assert (tmp_path / "index.json").is_file()
