# Set-up and everyday commands. `make report` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install report test lint check golden bench eval-extract rates clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,build-tables]'
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/reconcile report claims/ --out reports --force

test: $(STAMP)
	$(BIN)/ruff check reconcile tests scripts benchmarks
	$(BIN)/ruff format --check reconcile tests scripts benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff format reconcile tests scripts benchmarks
	$(BIN)/ruff check --fix reconcile tests scripts benchmarks

check: $(STAMP)
	$(BIN)/reconcile check claims/

golden: $(STAMP)
	$(BIN)/python -m tests.regenerate_golden

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

eval-extract: $(STAMP)
	$(BIN)/reconcile eval-extract claims/ --seeds ../shared/seeds

rates: $(STAMP)
	$(BIN)/python scripts/build_tables.py --reference ../shared/reference --out reconcile/data

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
