"""Candidate facts from Vietnamese news text, for a person to review before they are data.

`extract_facts` reads one article and proposes facts in the dataset's layout, each pointing
at the figure's offsets in the text; `review` writes a page and a CSV to accept or reject
them; `merge` adds the accepted rows to a dataset, validated like any other data;
`evaluate` scores proposals against hand-read facts. Modules: segment (paragraphs,
sentences), quantities (numbers), periods (time phrases), metrics (what a figure counts),
districts (names through the register), readings, ratings and rules (reading one figure),
dating (its period), propose (an article), review, merge, evaluate, command (the command
line). Names are imported on first use, so that the command line starts quickly.
"""

from importlib import import_module

_LAZY = {"COLUMNS": "propose", "Extraction": "propose", "extract_facts": "propose"}
__all__ = sorted(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'analysis.extract' has no attribute {name!r}")
