import errno
import json
import os
import re
from pathlib import Path

import pytest

from analysis import files
from analysis.reports.execute import ReportResult
from analysis.reports.index import write_index
from analysis.reports.plan import Job
from analysis.reports.records import ProvenanceRecord, write_record
from analysis.reports.registry import Group, ReportState

DATA = {"origin": "embedded", "fingerprint": "f" * 64, "synthetic": False}


def _job(name, group=Group.DISTRICT, title="huyện X (Sơn La)"):
    return Job(
        name, group, Path("nb.ipynb"), {}, title, "k", region="Tây Nguyên", province="Kon Tum"
    )


def _written(out: Path, job: Job, figures: dict) -> ProvenanceRecord:
    """Writes the files of a report made earlier (test data) and returns its record."""
    folder = out / job.group.folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{job.name}.html").write_text("<html></html>")
    record = ProvenanceRecord(
        name=job.name, title=job.title, group=job.group.value, notebook="nb.ipynb",
        notebook_sha256="n", parameters={}, dataset={}, data={}, library_sha256="l", versions={},
        key="k", status="ok", generated="2026-01-02T00:00:00+00:00", region=job.region,
        province=job.province, key_figures=figures,
        outputs={"html": f"{job.group.folder}/{job.name}.html", "ipynb": f"{job.group.folder}/{job.name}.ipynb"},
    )  # fmt: skip
    write_record(folder / f"{job.name}.json", record)
    return record


def test_index_lists_made_failed_and_missing_reports_escaped(tmp_path):
    made = _job("made-one", title="huyện <script>alert(1)</script> (Kon Tum)")
    failed = _job("failed-one")
    missing = _job("missing-one")
    general = _job("compare-growth", Group.COMPARISON, "Growth across districts")
    results = [
        ReportResult(general, ReportState.COMPLETED, 1.0, "", {"districts": 3}),
        ReportResult(made, ReportState.COMPLETED, 1.0, "", {"members": 4014.0, "rank": None}),
        ReportResult(failed, ReportState.FAILED, 1.0, "ValueError: <bad>"),
    ]
    planned = [general, made, failed, missing]
    html = write_index(tmp_path, results, planned, DATA, 3.0, True, "en").read_text()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert '<td class="num" data-sort="4014.000000">4,014</td>' in html
    assert "districts: 3" in html
    assert "ValueError: &lt;bad&gt;" in html
    assert "not produced (run interrupted)" in html
    assert html.index("Growth across districts") < html.index("Tây Nguyên")
    assert (tmp_path / "index.json").is_file()


def test_index_keeps_reports_of_an_earlier_selection(tmp_path):
    earlier = _job("van-ho-son-la", title="huyện Vân Hồ (Sơn La)")
    _written(tmp_path, earlier, {"members": 123})
    now = _job("sop-cop-son-la", title="huyện Sốp Cộp (Sơn La)")
    record = _written(tmp_path, now, {"members": 4014})
    results = [ReportResult(now, ReportState.COMPLETED, 1.0, "", {"members": 4014}, record)]
    html = write_index(tmp_path, results, [now], DATA, lang="en").read_text()
    assert 'href="districts/van-ho-son-la.html"' in html and "Vân Hồ" in html
    assert 'href="districts/sop-cop-son-la.html"' in html
    assert "from an earlier run: 1" in html
    rows = json.loads((tmp_path / "index.json").read_text())["reports"]
    assert {r["name"]: r["state"] for r in rows} == {
        "sop-cop-son-la": "ok",
        "van-ho-son-la": "kept",
    }


def test_index_html_that_is_a_directory_changes_neither_file(tmp_path):
    (tmp_path / "index.json").write_text('{"old": true}')
    (tmp_path / "index.html").mkdir()
    with pytest.raises(OSError, match=r"index\.html"):
        write_index(tmp_path, [], [], DATA)
    assert (tmp_path / "index.json").read_text() == '{"old": true}'
    assert not list(tmp_path.glob(f"{files.TEMP_PREFIX}*"))


def test_a_disk_filling_during_the_index_changes_neither_file(tmp_path, monkeypatch):
    (tmp_path / "index.html").write_text("old html")
    (tmp_path / "index.json").write_text("old json")
    calls = []
    real_fsync = os.fsync

    def fill_on_second(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(files.os, "fsync", fill_on_second)
    with pytest.raises(OSError, match="No space left"):
        write_index(tmp_path, [], [], DATA)
    assert (tmp_path / "index.html").read_text() == "old html"
    assert (tmp_path / "index.json").read_text() == "old json"
    assert not list(tmp_path.glob(f"{files.TEMP_PREFIX}*"))


def test_index_orders_names_the_vietnamese_way_and_speaks_vietnamese(tmp_path):
    jobs = [_job(n, title=t) for n, t in (("tanh-linh", "huyện Tánh Linh (Bình Thuận)"),
                                          ("duc-linh", "huyện Đức Linh (Bình Thuận)"),
                                          ("di-linh", "huyện Di Linh (Lâm Đồng)"))]  # fmt: skip
    results = [ReportResult(j, ReportState.COMPLETED, 1.0, "", {"members": 8723.0}) for j in jobs]
    html = write_index(tmp_path, results, jobs, DATA, lang="vi").read_text()
    assert html.index("Di Linh") < html.index("Đức Linh") < html.index("Tánh Linh")
    assert '<html lang="vi">' in html and "Đảng viên" in html and ">8.723<" in html
    ranks = re.findall(r'<td data-sort="(\d+)">huyện ([^<]+)<', html)
    assert [name for _, name in sorted(ranks)] == ["Di Linh", "Đức Linh", "Tánh Linh"]
    assert "innerHTML" not in html and "textContent" in html


@pytest.mark.parametrize(("lang", "written"), [("vi", r"\d{1,2}/\d{1,2}/\d{4}, \d\d:\d\d \(UTC\)"),
                                               ("en", r"\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC")])  # fmt: skip
def test_the_index_says_when_it_was_made_as_people_write_it(tmp_path, lang, written):
    html = write_index(tmp_path, [], [], DATA, lang=lang).read_text()
    shown = re.search(r'<time datetime="([^"]+)">([^<]+)</time>', html)
    assert shown and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", shown.group(1))
    assert re.fullmatch(written, shown.group(2))
