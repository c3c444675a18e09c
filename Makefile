# The two commands of the README: `make run` and `make test`. Both build .venv first.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck check demo bench clean system-deps

$(STAMP): pyproject.toml
	@PYBIN=$$(.ci/find-python) && echo "Using $$PYBIN ($$($$PYBIN --version))" && \
	  { [ -x $(PY) ] || $$PYBIN -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/kiosk run

test: $(STAMP)
	@.ci/system-deps || echo "note: optional system packages could not be installed; tests that need them will say so"
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	$(VENV)/bin/ruff check kiosk hardware tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

demo: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/kiosk demo --auto --out demo-out

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache demo-out
