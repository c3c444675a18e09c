# The two commands of the README: `make run` and `make test`. Both build .venv first.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

TS := $(wildcard resources/translations/kiosk_*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test lint typecheck check demo bench clean system-deps translations update-translations bytecode

$(STAMP): pyproject.toml
	@PYBIN=$$(.ci/find-python) && echo "Using $$PYBIN ($$($$PYBIN --version))" && \
	  { [ -x $(PY) ] || $$PYBIN -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Compiled translations (.qm, not in git) from the Linguist sources (.ts, in git).
translations: $(QM)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# After changing texts in kiosk/ui: add the new source texts to the .ts files (then translate
# them with pyside6-linguist; tests/ui/test_translations.py fails until every text is done).
update-translations: $(STAMP)
	for ts in $(TS); do \
	  $(VENV)/bin/pyside6-lupdate -extensions py -locations none -no-obsolete kiosk/ui -ts $$ts; \
	done

# The project's own modules compiled to bytecode, as an installed wheel has them (an editable
# install does not; with PYTHONDONTWRITEBYTECODE set nothing caches them and every start compiles
# ~100 modules again: +0.3 s). Only changed files are compiled again.
bytecode: $(STAMP)
	@$(PY) -m compileall -q kiosk hardware

run: $(STAMP) translations bytecode
	@.ci/system-deps || echo "note: Qt's X11 libraries could not be installed; if the kiosk says one is missing, install it"
	$(VENV)/bin/kiosk run

# The Debian packages the tests and the kiosk's X11 window use (apt-get, when root or with
# passwordless sudo); `make run` and `make test` call it, quiet when nothing is missing.
system-deps: $(STAMP)
	.ci/system-deps

test: $(STAMP) translations
	@.ci/system-deps || echo "note: optional system packages could not be installed; tests that need them will say so"
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	$(VENV)/bin/ruff check kiosk hardware tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

demo: $(STAMP) translations bytecode
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/kiosk demo --auto --out demo-out

bench: $(STAMP) bytecode
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache demo-out
