"""The README's promises: its commands, its example code, its quoted benchmark."""

import re

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_the_two_commands_and_ci():
    assert "make reports" in README and "make test" in README
    assert "make test" in (REPO / ".ci" / "run").read_text()


def test_python_example_runs():
    code = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    exec(compile(code, "README.md", "exec"), {})


def test_performance_section_quotes_the_benchmark_results():
    results = REPO / "benchmarks" / "results.md"
    section = re.search(
        r"<!-- BEGIN benchmark -->\n(.*?)\n<!-- END benchmark -->", README, re.S
    ).group(1)
    assert results.is_file(), "run `make bench`"
    body = results.read_text(encoding="utf-8").split("\n", 2)[2].strip()
    assert section == body


def test_documented_layout_exists():
    for folder in ("notebooks", "data", "src/analysis", "reports", "tests", "benchmarks", "docs"):
        assert (REPO / folder).is_dir(), folder
    assert (REPO / "environment.yml").is_file()
    assert (REPO / "docs" / "report.png").stat().st_size > 10_000
