"""Notebook parameters: declared once, in the notebook's `parameters` cell, and checked.

A parameters cell holds one annotated assignment per line, with a comment saying what it is:

    district: str = "sop-cop-son-la"  # (required) district id or name
    alpha: float = 0.05  # 1 - confidence level

papermill only warns about an unknown parameter and turns numeric-looking text into numbers
(`-p district 029` arrives as the integer 29). The batch runner therefore checks names,
types and required parameters against this cell before any kernel starts, and every report
notebook calls `check_types(globals())` after the parameters, so that a plain papermill run
with a wrong type stops with a clear message instead of producing a wrong report.
"""

from __future__ import annotations

import ast
import difflib
import io
import math
import tokenize
from dataclasses import dataclass
from typing import Any

SUPPORTED_TYPES = {"str": str, "int": int, "float": float, "bool": bool, "list[str]": list}
REQUIRED_MARK = "(required)"


class ParameterError(ValueError):
    """Parameters that do not fit a notebook, all problems listed."""

    def __init__(self, notebook: str, problems: list[str]) -> None:
        self.notebook = notebook
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"parameters for {notebook}:\n{listed}")

    def __reduce__(self):
        """Rebuilt from its problems in another process (the batch's planning process)."""
        return type(self), (self.notebook, self.problems)


@dataclass(frozen=True)
class ParameterSpec:
    """One parameter declared in a notebook's parameters cell."""

    name: str
    type: str
    default: Any
    help: str

    @property
    def required(self) -> bool:
        """Whether batch runs must give it (marked "(required)" in its comment)."""
        return self.help.startswith(REQUIRED_MARK)


def _comments(source: str) -> dict[int, str]:
    comments = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            comments[token.start[0]] = token.string.lstrip("#").strip()
    return comments


def parameters_cell(notebook: dict) -> dict | None:
    """Returns the cell tagged `parameters`, or None."""
    for cell in notebook.get("cells", []):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            return cell
    return None


def read_parameters(notebook: dict, name: str = "notebook") -> dict[str, ParameterSpec]:
    """Reads the declared parameters of a notebook.

    Raises:
        ParameterError: If there is no parameters cell, or a line is not an annotated
            assignment of a literal with a supported type (str, int, float, bool, list[str]).
    """
    cell = parameters_cell(notebook)
    if cell is None:
        raise ParameterError(name, ["no cell tagged 'parameters'"])
    source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
    tree = ast.parse(source)
    comments = _comments(source)
    specs: dict[str, ParameterSpec] = {}
    problems = []
    for node in tree.body:
        if not (
            isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value
        ):
            problems.append(f"line {node.lineno}: expected `name: type = value  # help`")
            continue
        type_name = ast.unparse(node.annotation)
        if type_name not in SUPPORTED_TYPES:
            problems.append(
                f"{node.target.id}: type {type_name} is not one of {', '.join(SUPPORTED_TYPES)}"
            )
            continue
        try:
            default = ast.literal_eval(node.value)
        except ValueError:
            problems.append(f"{node.target.id}: the default must be a literal")
            continue
        specs[node.target.id] = ParameterSpec(
            node.target.id, type_name, default, comments.get(node.lineno, "")
        )
    if problems:
        raise ParameterError(name, problems)
    return specs


def declared_language(notebook: dict, name: str = "notebook") -> str:
    """The language a notebook writes in when not given one: the default of its `lang`
    parameter (Vietnamese for the project's reports), English when it declares none."""
    try:
        declared = read_parameters(notebook, name).get("lang")
    except ParameterError:
        return "en"
    return str(declared.default) if declared else "en"


def _type_problem(spec: ParameterSpec, value: Any) -> str | None:
    expected = SUPPORTED_TYPES[spec.type]
    if spec.type == "float" and isinstance(value, int) and not isinstance(value, bool):
        return None
    if spec.type == "int" and isinstance(value, bool):
        return f"{spec.name} must be int, got bool {value!r}"
    if not isinstance(value, expected):
        hint = ""
        if spec.type == "str" and isinstance(value, int | float):
            hint = (
                " (papermill reads -p values that look like numbers as numbers; "
                f"pass it as text with -r {spec.name} VALUE)"
            )
        return f"{spec.name} must be {spec.type}, got {type(value).__name__} {value!r}{hint}"
    if spec.type == "list[str]" and not all(isinstance(v, str) for v in value):
        return f"{spec.name} must be a list of text values, got {value!r}"
    return None


def _value_problem(spec: ParameterSpec, value: Any) -> str | None:
    """A wrong type, or a float that is not a finite number (nan, inf)."""
    problem = _type_problem(spec, value)
    if problem is None and spec.type == "float" and not math.isfinite(value):
        problem = f"{spec.name} must be a finite number, got {value!r}"
    return problem


def check_parameters(
    specs: dict[str, ParameterSpec], given: dict[str, Any], notebook: str = "notebook"
) -> dict:
    """Checks parameters before a run: names, required ones, and types.

    Returns:
        The full set of parameters: defaults updated with `given`.

    Raises:
        ParameterError: Listing every unknown name, missing required one and wrong type.
    """
    problems = []
    for name in given:
        if name not in specs:
            problems.append(
                f"unknown parameter {name!r}; the notebook declares {', '.join(specs) or 'none'}"
            )
    for spec in specs.values():
        if spec.required and spec.name not in given:
            problems.append(f"missing required parameter {spec.name!r} ({spec.help})")
        if spec.name in given:
            problem = _value_problem(spec, given[spec.name])
            if problem:
                problems.append(problem)
    if problems:
        raise ParameterError(notebook, problems)
    return {name: given.get(name, spec.default) for name, spec in specs.items()}


def coerce_text(spec: ParameterSpec, text: str) -> Any:
    """Converts a command-line value to the declared type (text stays text: "029")."""
    if spec.type == "str":
        return text
    if spec.type in ("int", "float"):
        try:
            return int(text) if spec.type == "int" else float(text)
        except ValueError:
            raise ValueError(f"{spec.name} must be {spec.type}, got {text!r}") from None
    if spec.type == "bool":
        lowered = text.strip().lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off"):
            return False
        raise ValueError(f"{spec.name} must be true or false, got {text!r}")
    return [part.strip() for part in text.split(",") if part.strip()]


INJECTABLE = (str, int, float, bool, list, dict, type(None))
"""The types of values papermill injects: literals, never modules, functions or classes."""


def _kernel_names() -> set[str]:
    """Names the kernel itself put in the namespace (In, Out, exit, get_ipython, ...)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return set()
    shell = get_ipython()
    return set(getattr(shell, "user_ns_hidden", {}) or {})


def undeclared_names(namespace: dict) -> list[str]:
    """Names holding a literal value that the parameters cell does not declare.

    Before `check_types` runs, a notebook's namespace holds its declared parameters, the
    names its import cell binds (modules and functions), the kernel's own names, and
    whatever papermill injected below the parameters cell. A literal under any other name
    can only have been injected: a misspelt parameter.
    """
    declared = set(namespace.get("__annotations__", {}))
    hidden = _kernel_names()
    return sorted(
        name
        for name, value in namespace.items()
        if not name.startswith("_")
        and name not in declared
        and name not in hidden
        and isinstance(value, INJECTABLE)
    )


def _unknown_problem(name: str, declared: list[str]) -> str:
    close = difflib.get_close_matches(name, declared, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return (
        f"unknown parameter {name!r}{hint}; the notebook declares {', '.join(declared) or 'none'}"
    )


def check_types(namespace: dict) -> dict[str, Any]:
    """Checks, inside a running notebook, the parameters against their annotations.

    Call it right after the parameters cell and the imports: `params = check_types(globals())`.
    The annotations of the parameters cell are kept by Python in `__annotations__`; values
    injected by papermill below the cell replace the defaults but not the annotations. A
    value injected under a name the cell does not declare (`papermill -p distrct X`) is
    refused: papermill itself only warns, and the report would show the default.

    Returns:
        The parameters and their values.

    Raises:
        ParameterError: If a value does not have its declared type, or a name is unknown.
    """
    annotations = namespace.get("__annotations__", {})
    problems = [_unknown_problem(n, list(annotations)) for n in undeclared_names(namespace)]
    values = {}
    for name, annotation in annotations.items():
        type_name = (
            annotation
            if isinstance(annotation, str)
            else getattr(annotation, "__name__", str(annotation))
        )
        if str(annotation) == "list[str]":
            type_name = "list[str]"
        if type_name not in SUPPORTED_TYPES or name not in namespace:
            continue
        spec = ParameterSpec(name, type_name, None, "")
        problem = _value_problem(spec, namespace[name])
        if problem:
            problems.append(problem)
        values[name] = namespace[name]
    if problems:
        raise ParameterError("this notebook", problems)
    return values
