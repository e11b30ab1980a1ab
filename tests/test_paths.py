import ast

from analysis import paths


def test_folders_exist():
    assert (paths.embedded_data_dir() / "facts.csv").is_file()
    assert (paths.notebooks_dir() / "district_report.ipynb").is_file()
    assert (paths.REFERENCE_DIR / "districts.csv").is_file()


def test_paths_is_a_leaf_without_io_at_import():
    with open(paths.__file__, encoding="utf-8") as handle:
        tree = ast.parse(handle.read())
    imports = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)
               for alias in node.names} | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}  # fmt: skip
    assert imports <= {"__future__", "annotations", "pathlib", "Path"}
    calls_at_top = [
        n for n in tree.body if isinstance(n, ast.Expr) and isinstance(n.value, ast.Call)
    ]
    assert not calls_at_top
