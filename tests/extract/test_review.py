import csv
import io
import re

from analysis.extract import extract_facts
from analysis.extract.review import REVIEW_COLUMNS, review_csv, review_page, write_review
from analysis.text.periods import parse_partial_date

HOSTILE = (
    "Huyện ủy Mường Tè <script>alert('x')</script> & \"báo cáo\"\n"
    "Đến nay, Đảng bộ huyện Mường Tè có 38 tổ chức cơ sở đảng <b>với</b> 3.215 đảng viên.\n"
)


def _articles(source: str = "bai <img src=x onerror=alert(1)>.txt"):
    return [extract_facts(HOSTILE, source=source, published=parse_partial_date("2024-01-15"))]


def test_article_markup_shows_as_text():
    page = review_page(_articles(), "review.csv")
    assert (
        "<script>alert" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    )
    assert "<b>với</b>" not in page and "&lt;b&gt;với&lt;/b&gt;" in page
    assert "<img" not in page
    assert page.count("<script>") == 1


def test_each_figure_is_marked_and_listed():
    page = review_page(_articles(), "review.csv")
    assert re.findall(r"<mark id='a1-\d+'>([^<]*)</mark>", page) == ["38", "3.215"]
    assert page.count("<tr data-mark=") == 2


def test_script_sets_text_only_and_page_loads_nothing():
    page = review_page(_articles(), "review.csv")
    script = page[page.index("<script>") : page.index("</script>")]
    assert "innerHTML" not in script and "outerHTML" not in script
    assert "textContent" in script
    assert not re.search(r"(src|href)=['\"]?https?:", page)


def test_csv_has_accept_first_and_offsets_not_sentences():
    rows = list(csv.DictReader(io.StringIO(review_csv(_articles(source="=cmd.txt")))))
    assert tuple(rows[0]) == REVIEW_COLUMNS
    assert [r["accept"] for r in rows] == ["", ""]
    assert rows[0]["source"] == "'=cmd.txt"
    assert (rows[0]["span_start"], rows[0]["value"]) == (str(HOSTILE.index("38")), "38")
    assert all(len(v) < 60 for r in rows for v in r.values())


def test_write_review_writes_page_and_csv_beside_it(tmp_path):
    page, table = write_review(_articles(), tmp_path / "out" / "review.html")
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert table == tmp_path / "out" / "review.csv" and table.is_file()
    assert [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".tmp")] == []
