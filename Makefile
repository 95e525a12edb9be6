# The Makefile only bootstraps the virtual environment; tasks.py does the work.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help serve build test lint install

help:
	@echo "make serve   build content/ and serve it on http://127.0.0.1:8000"
	@echo "make test    run the whole test suite (installs Chromium if missing)"
	@echo "make build   build content/ into output/; fails on any warning or error"
	@echo "make lint    ruff check and format check"

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/invoke serve

build: $(STAMP)
	$(BIN)/invoke build

test: $(STAMP)
	$(BIN)/invoke test

lint: $(STAMP)
	$(BIN)/invoke lint
