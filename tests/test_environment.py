"""environment.yml (conda) declares the same dependencies as pyproject.toml (pip)."""

import re
import tomllib

from conftest import REPO

CONDA_ONLY = {"python", "pip"}


def _normalise(requirement: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
    return name, match.group(2).replace(" ", "")


def _expand_extras(requirement: str) -> list[str]:
    """`dask[distributed]>=X` is two conda packages, `dask>=X` and `distributed>=X`."""
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\[([^\]]+)\](.*)$", requirement)
    if not match:
        return [requirement]
    name, extras, spec = match.groups()
    return [name + spec] + [extra.strip() + spec for extra in extras.split(",")]


def _pyproject() -> dict[str, str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    requirements = project["dependencies"] + extras["dev"] + extras["cluster"]
    return dict(_normalise(r) for req in requirements for r in _expand_extras(req))


def _environment() -> dict[str, str]:
    deps = {}
    in_deps = False
    for line in (REPO / "environment.yml").read_text().splitlines():
        if line.startswith("dependencies:"):
            in_deps = True
            continue
        if in_deps and re.match(r"^  - [^\s]", line) and not line.strip().endswith(":"):
            name, spec = _normalise(line.strip()[2:])
            if name not in CONDA_ONLY:
                deps[name] = spec
    return deps


def test_same_dependencies_and_bounds():
    assert _environment() == _pyproject()


def test_environment_installs_the_project_and_python_version_agrees():
    text = (REPO / "environment.yml").read_text()
    assert "- -e ." in text
    assert "conda-forge" in text
    python = re.search(r"- python(>=[\d.]+)", text).group(1)
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == python
