# Set-up and everyday commands. `make report` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# `make report` needs only the package itself: its own stamp, without the test tools.
REPORT_STAMP := $(VENV)/.installed-report

.PHONY: install report test lint check golden bench eval-extract rates fuzz clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,build-tables,spark]'
	touch $(STAMP)

$(REPORT_STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(REPORT_STAMP)

report: $(REPORT_STAMP)
	$(BIN)/reconcile report claims/ --out reports --force

# The browser tests drive Debian's chromium and the Spark tests need a Java runtime; each is
# installed once when it is missing.
test: $(STAMP)
	test -x /usr/bin/chromium || sh scripts/install-browser.sh
	command -v java >/dev/null || sh scripts/install-java.sh
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

# Long fuzzing campaigns (atheris): 1e6 figures and 1e4 claim files from the seeds in
# tests/data/fuzz/; `make test` runs the same invariants briefly through hypothesis.
FUZZ_PARSER_RUNS ?= 1000000
FUZZ_CLAIM_RUNS ?= 10000
fuzz: $(STAMP)
	$(BIN)/python -c 'import atheris' 2>/dev/null || $(BIN)/pip install --quiet -e '.[fuzz]'
	mkdir -p build/fuzz/parser build/fuzz/claims
	cp tests/data/fuzz/parser/* build/fuzz/parser/
	cp tests/data/fuzz/claims/* build/fuzz/claims/
	$(BIN)/python scripts/fuzz.py parser -runs=$(FUZZ_PARSER_RUNS) -max_len=256 \
		-artifact_prefix=build/fuzz/ build/fuzz/parser
	$(BIN)/python scripts/fuzz.py claims -runs=$(FUZZ_CLAIM_RUNS) -max_len=4096 \
		-artifact_prefix=build/fuzz/ build/fuzz/claims

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
