# Classes Duo — `make run` opens the app, `make test` runs the whole suite headless.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench translations wheel clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/classesduo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

# Regenerate the .ts files from the sources, then compile them to the .qm files that ship.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find classesduo -name '*.py' | sort) -ts resources/translations/classesduo_fr.ts resources/translations/classesduo_en.ts resources/translations/classesduo_es.ts
	$(BIN)/pyside6-lrelease resources/translations/classesduo_fr.ts resources/translations/classesduo_en.ts resources/translations/classesduo_es.ts

wheel: $(STAMP)
	$(BIN)/python -m build --wheel --outdir dist .

clean:
	rm -rf $(VENV) build dist .pytest_cache
