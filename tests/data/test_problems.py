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


def test_a_dataset_error_crosses_to_another_process_whole():
    """The runner plans in a process of its own and raises its errors again (pickled)."""
    import pickle

    problems = [Problem("facts.csv", 3, "value", "abc", "a number"), Problem("f", 1, "c", "v", "w", "warning")]  # fmt: skip
    copied = pickle.loads(pickle.dumps(DatasetError(problems, "data/")))
    assert type(copied) is DatasetError and copied.origin == "data/"
    assert copied.problems == problems[:1] and copied.warnings == problems[1:]
    assert str(copied) == str(DatasetError(problems, "data/"))
