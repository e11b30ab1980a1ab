import numpy as np
import pandas as pd

from analysis.present.key_figures import (
    KEY_FIGURES_MIMETYPE,
    _plain,
    format_figure,
    read_key_figures,
)


def test_values_become_plain_json():
    assert _plain(np.int64(3)) == 3 and isinstance(_plain(np.int64(3)), int)
    assert _plain(float("nan")) is None and _plain(pd.NA) is None and _plain(None) is None
    assert _plain("text") == "text"


def test_format_figure():
    assert format_figure(None) == "—"
    assert format_figure(4014.0) == "4014"
    assert format_figure(57.8125) == "57.8"
    assert format_figure(3) == "3"


def test_read_key_figures():
    notebook = {
        "cells": [{"outputs": [{"data": {KEY_FIGURES_MIMETYPE: {"a": 1}}}]}, {"outputs": []}]
    }
    assert read_key_figures(notebook) == {"a": 1}
