"""Parameter grids: every combination of some notebook parameters, each its own report.

`--grid lang=vi,en --grid alpha=0.05,0.1` makes four reports of each notebook that declares
both parameters. Each combination gets its own file name (the job's name followed by the
combination, "sop-cop-son-la-lang-vi-alpha-0-1"), its own provenance and its own cache key,
so no report overwrites another; the variant is kept on the job for the index, which lists
a report's variants side by side. A notebook that declares none of the grid's parameters is
made once, as without a grid.

`--lang vi,en` is a grid on `lang` whose values go to folders instead of names
(`expand_languages`): the first language's reports keep their names in the output folder,
the second's the same names in a sub-folder named for it (`en/`), with an index of its own;
each report links to the same report in the other language.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from pathlib import Path

from analysis.reports.params import coerce_text, read_parameters
from analysis.reports.plan import SAFE_NAME, Job, RunnerError
from analysis.reports.registry import RUNNER_OWNED
from analysis.text.vietnamese import slugify


def parse_grid(items: list[str] | None) -> dict[str, list[str]]:
    """Reads `NAME=V1,V2` items into {name: [values]}, in the order given.

    Raises:
        RunnerError: On an item without "=" or values, or a parameter given twice.
    """
    grid: dict[str, list[str]] = {}
    for item in items or []:
        name, sep, values = item.partition("=")
        name = name.strip()
        listed = [v.strip() for v in values.split(",") if v.strip()]
        if not sep or not name or not listed:
            raise RunnerError(f"--grid takes NAME=VALUE1,VALUE2,..., got {item!r}")
        if name in grid:
            raise RunnerError(f"--grid gives {name!r} twice; list its values once: {name}=a,b")
        grid[name] = list(dict.fromkeys(listed))
    return grid


LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
"""The report languages, with the name a page in the other language links to them by."""


def check_languages(languages: list[str]) -> list[str]:
    """Returns the languages of a batch written to folders: one or two of `LANGUAGES`.

    Raises:
        RunnerError: On another language, one given twice, or none.
    """
    if (
        not languages
        or len(languages) > len(LANGUAGES)
        or len(set(languages)) != len(languages)
        or not set(languages) <= set(LANGUAGES)
    ):
        raise RunnerError(
            f"languages must be vi, en, vi,en or en,vi; got {','.join(map(str, languages))!r}"
        )
    return list(languages)


def _link(languages: list[str], index: int) -> tuple[str, str] | None:
    """(label, folder) of the other language, relative to the folder of `languages[index]`."""
    if len(languages) < 2:
        return None
    other = 1 - index
    folder = f"{languages[other]}/" if other else ""
    return LANGUAGES[languages[other]], ("../" if index else "") + folder


def expand_languages(jobs: list[Job], languages: list[str]) -> list[Job]:
    """Returns each job once per language, the first language's in the output folder, the
    second's in the sub-folder named for it, each linked to the other; the two versions of a
    report follow each other, so that a kernel reuses for the second what it computed for
    the first. A notebook that declares no `lang` is made once, in the output folder.

    Raises:
        RunnerError: On languages `check_languages` refuses.
    """
    languages = check_languages(languages)
    specs = _declared(jobs)
    expanded = []
    for job in jobs:
        if "lang" not in specs[job.notebook]:
            expanded.append(job)
            continue
        for index, lang in enumerate(languages):
            expanded.append(
                dataclasses.replace(
                    job,
                    parameters={**job.parameters, "lang": lang},
                    root=lang if index else "",
                    other_language=_link(languages, index),
                )
            )
    return expanded


def _declared(jobs: list[Job]) -> dict[Path, dict]:
    specs = {}
    for job in jobs:
        if job.notebook not in specs:
            notebook = json.loads(job.notebook.read_text(encoding="utf-8"))
            specs[job.notebook] = read_parameters(notebook, job.notebook.name)
    return specs


def _suffix(combination: dict[str, str]) -> str:
    return "-".join(f"{slugify(name)}-{slugify(value)}" for name, value in combination.items())


def expand_grid(jobs: list[Job], grid: dict[str, list[str]]) -> list[Job]:
    """Returns one job per combination of the grid's values, for each job whose notebook
    declares the grid's parameters; values are typed as each notebook declares them.

    Raises:
        RunnerError: When no notebook declares a grid parameter, a value does not fit its
            type, or two combinations would share a file name.
    """
    if not grid:
        return jobs
    owned = sorted(set(grid) & RUNNER_OWNED)
    if owned:
        raise RunnerError(
            f"--grid: {', '.join(owned)} are set by the runner for each report "
            "(choose districts with --districts, the dataset with --data)"
        )
    specs = _declared(jobs)
    declared = set().union(*(set(s) for s in specs.values()))
    unknown = [name for name in grid if name not in declared]
    if unknown:
        raise RunnerError(
            f"--grid: no report notebook declares {', '.join(unknown)} "
            f"(declared: {', '.join(sorted(declared))})"
        )
    expanded = []
    for job in jobs:
        names = [name for name in grid if name in specs[job.notebook]]
        if not names:
            expanded.append(job)
            continue
        for values in itertools.product(*(grid[name] for name in names)):
            combination = dict(zip(names, values, strict=True))
            try:
                typed = {n: coerce_text(specs[job.notebook][n], v) for n, v in combination.items()}
            except ValueError as exc:
                raise RunnerError(f"--grid: {exc}") from None
            variant = ", ".join(f"{n}={v}" for n, v in combination.items())
            expanded.append(
                dataclasses.replace(
                    job,
                    name=f"{job.name}-{_suffix(combination)}",
                    parameters={**job.parameters, **typed},
                    title=f"{job.title} · {variant}",
                    variant=variant,
                )
            )
    _check_names(expanded)
    return expanded


def _check_names(jobs: list[Job]) -> None:
    seen: dict[tuple[str, str, str], Job] = {}
    for job in jobs:
        if not SAFE_NAME.fullmatch(job.name):
            raise RunnerError(
                f"--grid: the combination {job.variant!r} cannot name a file ({job.name!r}); "
                "use values made of letters, digits, '.', '-' or spaces"
            )
        key = (job.root, job.group, job.name)
        if key in seen:
            raise RunnerError(
                f"--grid: {seen[key].variant!r} and {job.variant!r} would both write {job.name!r}"
            )
        seen[key] = job
