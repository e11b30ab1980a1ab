import os
import warnings

import matplotlib
import pandas as pd

from analysis.reports import kernels


def test_reset_restores_what_a_report_may_change(tmp_path):
    here = os.getcwd()
    kernels.snapshot()
    try:
        matplotlib.rcParams["lines.linewidth"] = 9
        warnings.simplefilter("error")
        pd.set_option("display.max_rows", 3)
        os.chdir(tmp_path)
        kernels.reset()
        assert matplotlib.rcParams["lines.linewidth"] != 9
        assert not any(f[0] == "error" and f[2] is Warning for f in warnings.filters[:1])
        assert pd.get_option("display.max_rows") == 60
        assert os.getcwd() == here
    finally:
        os.chdir(here)
        kernels._snapshot = None


def test_a_warning_shown_before_a_reset_is_shown_again_after_it():
    kernels.snapshot()
    try:

        def warn():
            warnings.warn("once per location", UserWarning, stacklevel=1)

        with warnings.catch_warnings(record=True) as first:
            warnings.simplefilter("default")
            warn()
            warn()
        assert len(first) == 1
        kernels.reset()
        with warnings.catch_warnings(record=True) as second:
            warnings.simplefilter("default")
            warn()
        assert len(second) == 1
    finally:
        kernels._snapshot = None


def test_warmup_imports_and_cleans_up():
    assert "snapshot()" in kernels.WARMUP and kernels.WARMUP.rstrip().endswith("reset()")
    assert kernels.RESET.startswith("import analysis.reports.kernels")
