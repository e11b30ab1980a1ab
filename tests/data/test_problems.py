from analysis.data.problems import DatasetError, Problem


def test_problem_text_names_file_row_column_value_and_expectation():
    problem = Problem("facts.csv", 7, "value", "100,6", "a share within 0-100")
    assert (
        str(problem)
        == "facts.csv, row 7, column value: found '100,6'; expected a share within 0-100"
    )
    assert (
        str(Problem("facts.csv", None, None, None, "a header row"))
        == "facts.csv: expected a header row"
    )


def test_dataset_error_separates_errors_and_warnings_and_shortens_long_lists():
    problems = [Problem("f", i, "c", "v", "x") for i in range(60)] + [
        Problem("f", 1, "c", "v", "w", "warning")
    ]
    error = DatasetError(problems, "somewhere")
    assert len(error.problems) == 60 and len(error.warnings) == 1
    assert "somewhere: 60 problem(s) found" in str(error)
    assert "and 10 more" in str(error)
