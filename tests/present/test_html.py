import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from analysis.present.html import export_html, make_exporter
from analysis.present.key_figures import KEY_FIGURES_MIMETYPE

PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="


def _notebook():
    params = new_code_cell('district = "x"')
    params.metadata["tags"] = ["parameters"]
    chart = new_code_cell("plots.plot_stocks(stocks)")
    chart.outputs = [
        new_output(
            "display_data",
            data={"image/png": PNG},
            metadata={"image/png": {"alt": "Levels <over> time"}},
        )
    ]
    figures = new_code_cell("record_key_figures(members=1)")
    figures.outputs = [
        new_output(
            "display_data",
            data={KEY_FIGURES_MIMETYPE: {"members": 1}, "text/plain": "Key figures: members = 1"},
        )
    ]
    return new_notebook(cells=[new_markdown_cell("# Title"), params, chart, figures])


HEADER = {
    "title": "Sốp Cộp <b>",
    "parameters": {"district": 'x"<i>'},
    "data_origin": "embedded",
    "data_fingerprint": "f" * 64,
    "generated": "2026-11-24",
    "version": "0.1.0",
    "provenance": "districts/x.json",
}


def test_export_hides_code_and_parameters_and_keeps_images():
    html = export_html(make_exporter(), _notebook(), HEADER)
    assert 'district = "x"' not in html and "plots.plot_stocks" not in html
    assert 'src="data:image/png;base64,' in html
    assert 'alt="Levels &lt;over&gt; time"' in html
    assert "Key figures: members" not in html
    assert "<script" not in html


def test_header_is_escaped():
    html = export_html(
        make_exporter(), _notebook(), {**HEADER, "error": "ValueError: <x>", "synthetic": True}
    )
    assert "Sốp Cộp &lt;b&gt;" in html
    assert '"<i>' not in html and "\\u003ci\\u003e" in html  # JSON in the header escapes < and >
    assert "This report failed: ValueError: &lt;x&gt;" in html
    assert "SYNTHETIC DATA" in html


def test_the_header_says_when_the_report_was_made_in_its_language():
    made = "2026-11-30T14:41:02+00:00"
    vi = export_html(make_exporter(), _notebook(), {**HEADER, "generated": made, "parameters": {"lang": "vi"}})  # fmt: skip
    en = export_html(make_exporter(), _notebook(), {**HEADER, "generated": made, "parameters": {"lang": "en"}})  # fmt: skip
    assert f'<time datetime="{made}">30/11/2026, 14:41 (UTC)</time>' in vi
    assert f'<time datetime="{made}">30 Nov 2026, 14:41 UTC</time>' in en


def test_keep_code_shows_the_code():
    html = export_html(make_exporter(keep_code=True), _notebook(), HEADER)
    assert "plots" in html and "plot_stocks" in html


def test_exported_notebook_is_unchanged():
    notebook = _notebook()
    before = nbformat.writes(notebook)
    export_html(make_exporter(), notebook, HEADER)
    assert nbformat.writes(notebook) == before


def test_the_header_speaks_the_reports_language_when_no_lang_parameter_was_given():
    """The notebooks write Vietnamese by default; the runner says so in `lang`."""
    html = export_html(make_exporter(), _notebook(), {**HEADER, "lang": "vi"})
    assert "<dt>Tham số</dt>" in html and "<dt>Tạo lúc</dt>" in html and "24/11/2026" in html
    assert "<dt>Parameters</dt>" not in html
