# planlens: every target creates or reuses .venv, so `make report` and `make test`
# work on a fresh machine with nothing but Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PLANS := plans

.PHONY: report test lint bench format update-gold clean

# The stamps record which extras are installed; they are redone when pyproject.toml changes.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.stamp-base: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.stamp-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.stamp-lint: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[lint]'
	touch $@

report: $(VENV)/.stamp-base
	$(BIN)/planlens validate $(PLANS)
	$(BIN)/planlens build $(PLANS) -o reports

# The browser tests drive Debian's Chromium; install-browser.sh installs it when it is missing
# and never downloads a browser of Playwright's own.
test: $(VENV)/.stamp-test
	bash scripts/install-browser.sh
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/python -m pytest -q

lint: $(VENV)/.stamp-lint
	$(BIN)/ruff check planlens tests bench
	$(BIN)/ruff format --check planlens tests bench
	$(BIN)/mypy --strict planlens

format: $(VENV)/.stamp-lint
	$(BIN)/ruff format planlens tests bench
	$(BIN)/ruff check --fix planlens tests bench

# Benchmarks are not tests: they print figures beside baselines measured in the same run
# (difflib.HtmlDiff, git diff --word-diff) and rewrite bench/RESULTS.md.
bench: $(VENV)/.stamp-test
	$(BIN)/python bench/import_counts.py
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/speed.py --write-results
	$(BIN)/python bench/report_scale.py --write-results

update-gold: $(VENV)/.stamp-test
	$(BIN)/python -m pytest -q tests/test_report.py --update-gold

clean:
	rm -rf $(VENV) tests/actual tests/artifacts
