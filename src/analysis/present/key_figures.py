"""Key figures: recorded by a notebook as it runs, read back by the batch runner for the
index page. A leaf module (no pandas) so the runner's quick paths stay quick."""

from __future__ import annotations

import contextlib
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

    clean = {k: _plain(v) for k, v in figures.items()}
    text = "Key figures: " + ", ".join(f"{k} = {format_figure(v)}" for k, v in clean.items())
    display({KEY_FIGURES_MIMETYPE: clean, "text/plain": text}, raw=True)


def _plain(value: object) -> object:
    """A JSON value: numpy and pandas scalars as Python numbers, missing values as None."""
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        with contextlib.suppress(ValueError, TypeError):
            value = value.item()
    if (
        value is None
        or (isinstance(value, float) and math.isnan(value))
        or str(value) in ("<NA>", "NaT")
    ):
        return None
    if isinstance(value, bool | int | float | str):
        return value
    return json.loads(json.dumps(value, default=str))


def format_figure(value: object) -> str:
    """A key figure for reading: "—" when missing, whole numbers without decimals."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.0f}" if value.is_integer() else f"{value:.3g}"
    return str(value)


def read_key_figures(notebook) -> dict:
    """Returns the key figures recorded in an executed notebook."""
    figures: dict = {}
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if KEY_FIGURES_MIMETYPE in data:
                figures.update(data[KEY_FIGURES_MIMETYPE])
    return figures
