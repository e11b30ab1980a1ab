# Run `make help` for the list of targets. Everything runs inside .venv, created on demand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
JOBS   ?=
ARGS   ?=
# Test processes (pytest-xdist); tests that share a fixture stay together (--dist loadgroup).
TEST_WORKERS ?= auto
PYTEST := $(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

.DEFAULT_GOAL := help
.PHONY: help setup reports check test test-fast lint format lab data datapackage strip bench extract-eval screenshot pdf clean distclean

help: ## List the targets with what they do
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=/path/to/python3.11")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv and install the project with its dependencies

reports: $(STAMP) ## Set up, validate the embedded dataset, render every report into reports/
	$(PY) -m analysis check
	$(PY) -m analysis reports $(if $(JOBS),--jobs $(JOBS)) $(ARGS)

check: $(STAMP) ## Validate the embedded dataset and print its summary
	$(PY) -m analysis check

test: $(STAMP) ## Lint, then run the whole test suite (unit, data, notebooks, faults)
	$(BIN)/ruff check src tests benchmarks scripts notebooks
	$(BIN)/ruff format --check src tests benchmarks scripts notebooks
	$(PYTEST) $(ARGS)

test-fast: $(STAMP) ## Run the tests that do not execute notebooks
	$(PYTEST) -m "not notebook" $(ARGS)

lint: $(STAMP) ## Check style with ruff (no changes)
	$(BIN)/ruff check src tests benchmarks scripts notebooks
	$(BIN)/ruff format --check src tests benchmarks scripts notebooks

format: $(STAMP) ## Format and fix what ruff can fix
	$(BIN)/ruff format src tests benchmarks scripts notebooks
	$(BIN)/ruff check --fix src tests benchmarks scripts notebooks

lab: $(STAMP) ## Start JupyterLab on the project
	$(BIN)/jupyter lab --notebook-dir=.

data: $(STAMP) ## Rebuild data/ and the district register from ../shared/data (maintainers)
	$(PY) scripts/build_register.py
	$(PY) scripts/build_dataset.py
	$(PY) -m analysis datapackage --write

datapackage: $(STAMP) ## Regenerate data/datapackage.json and the field tables of data/README.md
	$(PY) -m analysis datapackage --write

strip: $(STAMP) ## Remove outputs and execution counts from the committed notebooks
	$(PY) -m analysis strip notebooks/*.ipynb

bench: $(STAMP) ## Run the performance benchmark (synthetic data; writes benchmarks/results.md)
	$(PY) benchmarks/run.py $(ARGS)

extract-eval: $(STAMP) ## Score the fact extractor on the seed articles (../shared) and time it
	$(PY) benchmarks/extraction.py $(ARGS)

screenshot: $(STAMP) ## Render the README pictures (a report, the index in vi and en) with headless Chromium
	$(PY) scripts/screenshot.py

pdf: $(STAMP) ## Print the reports in reports/ to A4 PDF beside them (needs the system's Chromium)
	$(PY) scripts/print_pdf.py

clean: ## Remove generated reports and caches (keeps .venv)
	rm -rf reports/* reports/.plan.json reports/.lock .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean ## Remove everything generated, .venv included
	rm -rf $(VENV)
