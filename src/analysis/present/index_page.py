"""The index page of a batch, as a reader uses it: a sortable, filterable table of districts.

Rows come from `reports.index`; this module chooses the words (Vietnamese or English), formats
the key figures, orders names the Vietnamese way and renders `templates/index.html.j2`. The
page's few lines of script sort, filter and search with textContent only, from file:// with
no network; without script the table reads the same, in region, province and name order.
"""

from __future__ import annotations

import jinja2

from analysis import __version__
from analysis.paths import TEMPLATES_DIR
from analysis.present.collation import collation_key
from analysis.present.wording import TITLES
from analysis.text.moments import write_moment
from analysis.text.phrases import write_number
from analysis.text.vietnamese import split_type_prefix

_WORDS = {
    "vi": {
        "title": "Báo cáo: số liệu tổ chức của các đảng bộ cấp huyện",
        "general": "Báo cáo chung", "districts": "Các đơn vị", "district": "Đơn vị", "province": "Tỉnh",
        "region": "Vùng", "members": "Đảng viên", "admissions": "Kết nạp/năm", "per_100": "Trên 100 ĐV",
        "facts": "Số liệu", "contradictions": "Mâu thuẫn", "targets": "Chỉ tiêu đạt", "fingerprint": "Dấu vân tay",
        "search": "Tìm", "all_regions": "Mọi vùng", "all_provinces": "Mọi tỉnh", "shown": "đơn vị hiển thị",
        "status": "Tình trạng lần chạy", "made": "mới tạo", "up_to_date": "không đổi", "failed": "lỗi",
        "missing": "chưa tạo (bị ngắt)", "kept": "từ lần chạy trước", "report": "Báo cáo", "figures": "Số chính",
        "data": "Số liệu", "generated": "tạo lúc", "synthetic": "SỐ LIỆU TỔNG HỢP (SYNTHETIC), sinh ra để đo hiệu năng: không phải số liệu thật.",
        "per_region": "Số đơn vị theo vùng", "notebook": "notebook", "provenance": "nguồn gốc", "of": "/",
    },
    "en": {
        "title": "Reports: district party committees' organisational statistics",
        "general": "Across districts", "districts": "Districts", "district": "District", "province": "Province",
        "region": "Region", "members": "Members", "admissions": "Admissions a year", "per_100": "Per 100 members",
        "facts": "Figures", "contradictions": "Contradictions", "targets": "Targets met", "fingerprint": "Fingerprint",
        "search": "Search", "all_regions": "All regions", "all_provinces": "All provinces", "shown": "districts shown",
        "status": "Build status", "made": "made", "up_to_date": "up to date", "failed": "failed",
        "missing": "not produced (run interrupted)", "kept": "from an earlier run", "report": "Report",
        "figures": "Key figures", "data": "Data", "generated": "generated",
        "synthetic": "SYNTHETIC DATA, generated for benchmarks: these are not real figures.",
        "per_region": "Districts per region", "notebook": "notebook", "provenance": "provenance", "of": "of",
    },
}  # fmt: skip
_FIGURE_LABELS = {
    "vi": {"districts": "đơn vị", "with_members": "có số đảng viên", "with_admissions": "có số kết nạp",
           "slope": "hệ số co giãn", "distributions": "phân bố xếp loại", "inconsistencies": "không khớp",
           "tests_run": "kiểm định", "targets": "chỉ tiêu", "measurable": "đo được", "met": "đạt",
           "stated_attainments": "tỷ lệ đạt công bố", "findings": "phát hiện", "by_library": "tự động"},
    "en": {"slope": "elasticity"},
}  # fmt: skip
_FIGURE_DECIMALS = {"members": 0, "admissions_per_year": 1, "per_100_members": 2, "facts": 0,
                    "contradictions": 0}  # fmt: skip


def _number(value: object, decimals: int, lang: str) -> tuple[str, str]:
    """(shown text, sort value) of a key figure; missing figures are empty and sort last."""
    if value is None or isinstance(value, str) or value != value:
        return "", ""
    return write_number(float(value), decimals, lang), f"{float(value):.6f}"


def _district_cells(row: dict, lang: str) -> dict:
    values = row.get("values", {})
    cells = {k: _number(values.get(k), d, lang) for k, d in _FIGURE_DECIMALS.items()}
    met, all_ = values.get("targets_met"), values.get("targets")
    if isinstance(all_, int | float) and all_:
        of = _WORDS[lang]["of"]
        cells["targets"] = (f"{int(met or 0)} {of} {int(all_)}", f"{(met or 0) / all_:.6f}")
    else:
        cells["targets"] = ("", "")
    return cells


def _general_figures(figures: dict, lang: str) -> str:
    parts = []
    for key, value in figures.items():
        shown = value if isinstance(value, str) else ""
        if isinstance(value, int | float) and not isinstance(value, bool):
            shown = write_number(value, 0 if float(value).is_integer() else 2, lang)
        label = _FIGURE_LABELS[lang].get(key, key.replace("_", " "))
        parts.append(f"{label}: {shown or '—'}")
    return "; ".join(parts)


def render_index(rows, data, counts, generated, lang="vi", other_language=None) -> str:
    """Returns the HTML of the index page.

    Args:
        rows: From `reports.index.index_rows`.
        data: origin, fingerprint and synthetic of the dataset.
        counts: Reports per state value.
        generated: When the page was made.
        lang: 'vi' or 'en'.
        other_language: (label, address) of the same page in the other language, or None.
    """
    words = _WORDS[lang]
    general = [dict(r, shown=_general_figures(r.get("values", {}), lang),
                    title=TITLES.get(r["name"].replace("-", "_"), {}).get(lang, r["title"]))
               for r in rows if r["group"] != "districts"]  # fmt: skip
    districts = [r for r in rows if r["group"] == "districts"]
    order = sorted(districts, key=lambda r: collation_key(split_type_prefix(r["title"])[1]))
    rank = {id(r): i for i, r in enumerate(order)}
    districts.sort(key=lambda r: (collation_key(r["region"]), collation_key(r["province"]),
                                  rank[id(r)]))  # fmt: skip
    table = [dict(r, rank=f"{rank[id(r)]:06d}", cells=_district_cells(r, lang)) for r in districts]
    regions: dict[str, int] = {}
    for row in districts:
        regions[row["region"]] = regions.get(row["region"], 0) + 1
    provinces = sorted({r["province"] for r in districts}, key=collation_key)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    return environment.get_template("index.html.j2").render(
        lang=lang, w=words, title=words["title"], synthetic=data["synthetic"],
        data_origin=data["origin"], data_fingerprint=data["fingerprint"], generated=generated,
        generated_text=write_moment(generated, lang),
        version=__version__, counts=counts, general=general, districts=table,
        regions=list(regions.items()), provinces=provinces, other_language=other_language,
        failed=[r for r in rows if r["state"] in ("failed", "missing")],
    )  # fmt: skip
