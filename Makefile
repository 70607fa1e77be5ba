# planlens: every target creates or reuses .venv, so `make report` and `make test`
# work on a fresh machine with nothing but Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PLANS := plans

.PHONY: report test test-lowest lint bench format update-gold templates patterns fuzz clean

# The stamps record which extras are installed; they are redone when pyproject.toml changes.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.stamp-base: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[fast]'
	touch $@

$(VENV)/.stamp-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[fast,test,browser,import]'
	touch $@

$(VENV)/.stamp-lint: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[lint]'
	touch $@

report: $(VENV)/.stamp-base
	$(BIN)/planlens validate $(PLANS)
	$(BIN)/planlens build $(PLANS) -o reports
	@echo "Open reports/index.html in a browser: the index of every plan, comparison and lineage."

# The browser tests drive Debian's Chromium; install-browser.sh installs it when it is missing
# and never downloads a browser of Playwright's own. The Word-redline tests open their documents
# in Debian's LibreOffice Writer, which install-libreoffice.sh installs the same way.
# The tests run in one process per core, at most four (pytest-xdist; `make test TEST_JOBS=0`
# runs them in this process). Many tests start `planlens` in a fresh process: planlens is
# compiled to bytecode first, so that no process compiles it again when the environment
# forbids writing bytecode (PYTHONDONTWRITEBYTECODE).
TEST_JOBS ?= auto
PYTEST_JOBS = -n $(TEST_JOBS) --maxprocesses=4

test: $(VENV)/.stamp-test
	bash scripts/install-browser.sh
	bash scripts/install-libreoffice.sh
	$(BIN)/python -m compileall -q planlens
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/python -m pytest -q $(PYTEST_JOBS)

# The same tests in a second environment where every dependency is at the lowest version
# pyproject.toml allows (scripts/lowest-requirements.py), so our lower bounds stay true.
LOWEST := .venv-lowest
$(LOWEST)/.stamp: pyproject.toml scripts/lowest-requirements.py
	rm -rf $(LOWEST)
	$(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install --quiet --upgrade pip
	$(PYTHON) scripts/lowest-requirements.py fast test browser import > $(LOWEST)/constraints.txt
	$(LOWEST)/bin/python -m pip install --quiet -c $(LOWEST)/constraints.txt -e '.[fast,test,browser,import]'
	touch $@

test-lowest: $(LOWEST)/.stamp
	bash scripts/install-browser.sh
	bash scripts/install-libreoffice.sh
	$(LOWEST)/bin/python -m compileall -q planlens
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(LOWEST)/bin/python -m pytest -q $(PYTEST_JOBS)

LINTED := planlens tests bench scripts

lint: $(VENV)/.stamp-lint
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy --strict planlens bench

format: $(VENV)/.stamp-lint
	$(BIN)/ruff format $(LINTED)
	$(BIN)/ruff check --fix $(LINTED)

# Benchmarks are not tests: they print figures beside baselines measured in the same run
# (difflib.HtmlDiff, git diff --word-diff, a difflib-ratio aligner) and rewrite bench/RESULTS.md.
bench: $(VENV)/.stamp-test
	$(BIN)/python bench/import_counts.py
	$(BIN)/python bench/gold_pairs.py
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/speed.py --write-results
	$(BIN)/python bench/flag_accuracy.py --write-results
	$(BIN)/python bench/real_pairs.py --write-results
	$(BIN)/python bench/real_pairs.py --held-out --write-results
	$(BIN)/python bench/real_pairs.py --redrafts --write-results
	$(BIN)/python bench/link_agreement.py --write-results
	$(BIN)/python bench/perhaps.py --write-results
	$(BIN)/python bench/redlines_pairs.py --write-results
	$(BIN)/python bench/align_speed.py --write-results
	$(BIN)/python bench/compare_scale.py --write-results
	$(BIN)/python bench/report_scale.py --write-results
	$(BIN)/python bench/load_speed.py --write-results
	$(BIN)/python bench/build_speed.py --write-results

# The fuzz tests with random seeds and many more examples than `make test` runs (derandomized
# there); FUZZ_EXAMPLES per property. A failure found here is pinned with @example in the test.
FUZZ_EXAMPLES ?= 2000
fuzz: $(VENV)/.stamp-test
	PLANLENS_FUZZ=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q tests/test_fuzz.py \
		tests/test_report.py::test_clause_text_never_becomes_markup

# The Python jinja2 writes for each template, kept in planlens/render/compiled-templates.json so
# that no run pays for compiling them; rewrite it after changing a template (the tests say when).
templates: $(VENV)/.stamp-base
	$(BIN)/python scripts/compile-templates.py

# The programs Python's regex compiler writes for the flag rules' patterns, kept in
# planlens/compare/compiled-patterns.json (and compiled-blocks.json, the blocks of long
# alternations: `blocks`) for this Python; rewrite them after changing a pattern or Python (the
# tests say when).
patterns: $(VENV)/.stamp-base
	$(BIN)/python scripts/compile-patterns.py

update-gold: $(VENV)/.stamp-test
	$(BIN)/python -m pytest -q tests/test_report.py --update-gold

clean:
	rm -rf $(VENV) $(LOWEST) tests/actual tests/artifacts
