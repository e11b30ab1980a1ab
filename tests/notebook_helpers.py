"""Small notebooks written by tests, and output normalisation for comparisons."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


def write_notebook(
    path: Path, *code: str, parameters: str = 'name: str = "x"  # (required) a name'
) -> Path:
    """Writes a notebook: a title, a parameters cell, then the given code cells."""
    params = new_code_cell(parameters)
    params.metadata["tags"] = ["parameters"]
    notebook = new_notebook(
        cells=[new_markdown_cell("# Test notebook"), params, *map(new_code_cell, code)]
    )
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(notebook, path)
    return path


def normalise_outputs(notebook) -> list:
    """Cell outputs without timings, prompts' metadata or memory addresses."""
    cells = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.outputs:
            item = {"type": output.output_type}
            if "text" in output:
                item["text"] = ADDRESS.sub("0x…", output.text)
            if "data" in output:
                item["data"] = {
                    k: ADDRESS.sub("0x…", v) if isinstance(v, str) else v
                    for k, v in output.data.items()
                }
            if output.output_type == "error":
                item["error"] = (output.ename, output.evalue)
            outputs.append(item)
        cells.append(
            {"source": cell.source, "execution_count": cell.execution_count, "outputs": outputs}
        )
    return cells
