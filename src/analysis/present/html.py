"""Exporting executed notebooks to HTML in-process, for sharing.

One exporter is built per worker and reused (building one loads and compiles templates).
By default the export shows no code and no parameter cells; a header gives the parameters,
the data version and the generation date. Figures are embedded as images and nothing is
loaded from the network, so a report works offline and alone.
"""

from __future__ import annotations

import copy

import nbformat
from nbconvert import HTMLExporter
from traitlets.config import Config

from analysis.paths import TEMPLATES_DIR
from analysis.present.key_figures import KEY_FIGURES_MIMETYPE
from analysis.text.moments import write_moment

PARAMETER_TAGS = ("parameters", "injected-parameters")


class ReportExporter(HTMLExporter):
    """HTMLExporter without its final BeautifulSoup pass.

    nbconvert re-parses the whole page to add alternative text to images and tab stops to
    cells, which costs most of an export's time. The report template writes the alternative
    text itself (the chart's title), so that pass is not needed.
    """

    def from_notebook_node(self, nb, resources=None, **kw):
        """Converts a notebook with the template only (see the class docstring)."""
        from nbconvert.exporters.templateexporter import TemplateExporter
        from nbconvert.filters.highlight import Highlight2HTML
        from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

        langinfo = nb.metadata.get("language_info", {})
        lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
        self.register_filter(
            "highlight_code",
            self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)),
        )
        resources = self._init_resources(resources)
        self.register_filter(
            "filter_data_type",
            WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources
            ),
        )
        return TemplateExporter.from_notebook_node(self, nb, resources, **kw)


def make_exporter(keep_code: bool = False) -> HTMLExporter:
    """Builds an HTML exporter using the project's report template.

    Args:
        keep_code: Show code cells (inputs), parameter cells included.
    """
    config = Config()
    config.TagRemovePreprocessor.enabled = not keep_code
    config.TagRemovePreprocessor.remove_cell_tags = {*PARAMETER_TAGS, "notebook-only"}
    config.HTMLExporter.exclude_input = not keep_code
    config.HTMLExporter.exclude_input_prompt = not keep_code
    config.HTMLExporter.exclude_output_prompt = True
    exporter = ReportExporter(
        config=config, template_name="report", extra_template_basedirs=[str(TEMPLATES_DIR)]
    )
    return exporter


def _without_key_figures(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    clean = copy.deepcopy(notebook)
    for cell in clean.cells:
        if cell.get("cell_type") == "code":
            cell.outputs = [
                o for o in cell.get("outputs", []) if KEY_FIGURES_MIMETYPE not in o.get("data", {})
            ]
    return clean


def export_html(exporter: HTMLExporter, notebook: nbformat.NotebookNode, report: dict) -> str:
    """Returns the HTML of an executed notebook.

    Args:
        exporter: From `make_exporter`.
        notebook: The executed notebook.
        report: Header fields: title, lang (else the `lang` parameter, else English),
            parameters, data_origin, data_fingerprint, generated, version, provenance,
            synthetic, and error (for a failed report).
    """
    header = {"synthetic": False, "error": "", **report}
    lang = str(header.get("lang") or header.get("parameters", {}).get("lang", "en"))
    header["generated_text"] = write_moment(header.get("generated", ""), lang)
    body, _ = exporter.from_notebook_node(
        _without_key_figures(notebook),
        resources={"report": header, "metadata": {"name": header["title"]}},
    )
    return body
