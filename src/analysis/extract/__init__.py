"""Candidate facts from Vietnamese news text, for a person to review before they are data.

`extract_facts` reads one article and proposes facts in the dataset's layout, each pointing
at the figure's offsets in the text; `review` writes a page and a CSV to accept or reject
them; `merge` adds the accepted rows to a dataset, validated like any other data;
`evaluate` scores proposals against hand-read facts. Modules: segment (paragraphs,
sentences), quantities (numbers), periods (time phrases), metrics (what a figure counts),
districts (names through the register), rules (reading one figure), dating (its period),
propose (an article), review, merge, evaluate, command (the command line).
"""

from .propose import COLUMNS, Extraction, extract_facts

__all__ = ["COLUMNS", "Extraction", "extract_facts"]
