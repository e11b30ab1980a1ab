"""Key figures: recorded by a notebook as it runs, read back by the batch runner for the
index page. A leaf module (no pandas) so the runner's quick paths stay quick."""

from __future__ import annotations

import json
import math

KEY_FIGURES_MIMETYPE = "application/vnd.vn-party-stats.key-figures+json"
"""Outputs of this type carry figures the batch runner copies into the index page."""


def record_key_figures(**figures: object) -> None:
    """Records figures for the index page of a batch run, and shows them as text.

    Values should be numbers or short text. The batch runner reads them from the executed
    notebook; the HTML export does not show this output.
    """
    from IPython.display import display

    clean = {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in figures.items()}
    text = "Key figures: " + ", ".join(f"{k} = {v}" for k, v in clean.items())
    display(
        {KEY_FIGURES_MIMETYPE: json.loads(json.dumps(clean, default=str)), "text/plain": text},
        raw=True,
    )


def read_key_figures(notebook) -> dict:
    """Returns the key figures recorded in an executed notebook."""
    figures: dict = {}
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if KEY_FIGURES_MIMETYPE in data:
                figures.update(data[KEY_FIGURES_MIMETYPE])
    return figures
