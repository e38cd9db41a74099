# dify-chatflow: every target installs what it needs into .venv first.
#   make demo   run the quickstart against the embedded local Dify-compatible server
#   make test   check generated code, lint, typecheck and run the tests

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The demo needs only the package and its runtime dependencies.
RUNTIME_STAMP := $(VENV)/.runtime-installed
# Handwritten Python (generated/ is excluded: the generator formats it).
LINTED := $(wildcard overlay tests tools examples bench)

.DEFAULT_GOAL := help
.PHONY: help venv generate check-generated lint typecheck test build demo bench update-spec clean

help:
	@echo "make demo             run examples/quickstart.py against the embedded server"
	@echo "make test             check-generated + lint + typecheck + pytest"
	@echo "make generate         regenerate generated/ from openapi_chatflow.json"
	@echo "make check-generated  fail if generated/ differs from a fresh generation"
	@echo "make update-spec URL=...  download a newer spec and summarise what changed"
	@echo "make lint | typecheck | build | bench | venv | clean"

venv: $(STAMP)

# Pinned tools first, then the project itself (editable, no dependency resolution: the
# lock already holds every runtime dependency).
$(STAMP): requirements/dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(RUNTIME_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $(RUNTIME_STAMP)

generate: $(STAMP)
	$(BIN)/python tools/generate.py --out generated

check-generated: $(STAMP)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(BIN)/python tools/generate.py --out "$$tmp" && \
	if diff -r "$$tmp/dify_chatflow_api" generated/dify_chatflow_api; then \
		echo "generated/ matches openapi_chatflow.json and generator-config.yaml"; \
	else \
		echo "generated/ is out of date or was edited by hand: run 'make generate' and commit the result" >&2; \
		exit 1; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

# The package strictly ([tool.mypy]); then the tests, tools, benchmarks and examples, whose
# every function body is checked but whose test functions and fixtures need no annotations.
# Module names are the ones pytest imports (tests/ has no __init__.py: `client_support`,
# `test_models`). tests/resources/ gets its own run: its conftest.py is a second top-level
# `conftest`, which one mypy run cannot hold next to tests/conftest.py. Their own cache:
# sharing the package's, under other options, would re-check the package every time.
SCRIPT_MYPY := $(BIN)/mypy --cache-dir .mypy_cache/scripts --explicit-package-bases \
	--allow-untyped-defs --allow-incomplete-defs --allow-untyped-calls --check-untyped-defs

typecheck: $(STAMP)
	$(BIN)/mypy overlay/dify_chatflow
	MYPYPATH=tests:tests/types:tools:bench $(SCRIPT_MYPY) --exclude '^tests/resources/' \
		tests tools bench examples
	MYPYPATH=tests:tests/resources $(SCRIPT_MYPY) tests/resources

test: $(STAMP) check-generated lint typecheck
	$(BIN)/python -m pytest

build: $(STAMP)
	rm -rf dist
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir dist .
	@ls dist

demo: $(RUNTIME_STAMP)
	$(BIN)/python examples/quickstart.py

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/bench.txt
	$(BIN)/python bench/run.py

update-spec: $(STAMP)
	@test -n "$(URL)" || { echo "usage: make update-spec URL=https://.../openapi_chatflow.json" >&2; exit 2; }
	$(BIN)/python tools/update_spec.py "$(URL)"

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis
