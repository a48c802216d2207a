# Pakt API: every target runs inside the project's virtualenv (.venv), made on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint format openapi sdk tools migrate seed bench fuzz drills deploy-check clean

$(BIN)/python:
	@echo "==> [1/3] creating the virtualenv $(VENV) with $$($(PYTHON) --version 2>&1)"
	$(PYTHON) -m venv $(VENV)

# pip shows what it downloads and installs: the first install takes a few minutes
$(STAMP): $(BIN)/python pyproject.toml
	@echo "==> [2/3] upgrading pip in $(VENV)"
	$(BIN)/pip install --upgrade pip
	@echo "==> [3/3] installing the project and its pinned dependencies (pyproject.toml) into $(VENV)"
	$(BIN)/pip install -e '.[dev]'
	@echo "==> installed; later runs skip this until pyproject.toml changes"
	touch $(STAMP)

# Node tools (contract linters, openapi-typescript, tsc/tsx), exactly as package-lock.json says
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(NODE_STAMP)

# openapi-python-client in a venv of its own: it pins typer below the project's version
SDK_TOOLS := $(VENV)/sdk-tools/.installed
$(SDK_TOOLS): $(BIN)/python tools/sdk/requirements.txt
	$(PYTHON) -m venv $(VENV)/sdk-tools
	$(VENV)/sdk-tools/bin/pip install -q -r tools/sdk/requirements.txt
	touch $(SDK_TOOLS)

tools: $(STAMP) $(NODE_STAMP) $(SDK_TOOLS)  ## the linters and client generators (fast when installed)

run: $(STAMP)  ## start the whole stack (PostgreSQL, migrations, demo data, services, nginx)
	$(BIN)/pakt dev

test: tools  ## the full suite: unit, API, contract, end to end, deploy checks
	@# loadgroup: tests sharing the real stack (xdist_group "stack") run on one worker, so one stack
	@status=0; $(BIN)/pytest -n 2 --dist loadgroup -p no:cacheprovider || status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests; that is a failure"; fi; \
	exit $$status

# the inner loop: everything `make test` runs but the e2e stack (marker e2e: processes behind
# nginx, the CLI, the gateway's schemathesis run) and the in-process schemathesis conformance run
FAST_SKIP := -m "not e2e" --ignore=tests/contract/test_conformance_inprocess.py \
	--ignore=tests/contract/test_conformance_gateway.py

test-fast: tools  ## unit and API tests in process (and the offline deploy checks), no stack, no contract runs
	@status=0; $(BIN)/pytest -n 2 -q -p no:cacheprovider $(FAST_SKIP) || status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test-fast: pytest collected no tests; that is a failure"; fi; \
	exit $$status

lint: $(STAMP)  ## formatting, lint, types (services, tests, bench), import contracts, sizes
	$(BIN)/ruff format --check services tests bench
	$(BIN)/ruff check services tests bench
	$(BIN)/mypy services tests bench
	$(BIN)/lint-imports
	$(BIN)/python -m services.tooling.code_shape

format: $(STAMP)
	$(BIN)/ruff format services tests bench
	$(BIN)/ruff check --fix services tests bench

migrate: $(STAMP)
	$(BIN)/pakt db migrate

seed: $(STAMP)
	$(BIN)/pakt seed

openapi: $(STAMP)  ## regenerate openapi/openapi.yaml from the services' code (commit it)
	$(BIN)/pakt openapi export --verbose

sdk: tools  ## regenerate clients/python and clients/typescript from openapi/openapi.yaml (commit them)
	$(BIN)/python -m services.tooling.sdk

fuzz: $(STAMP)  ## long schemathesis run (in process and through the gateway); report in reports/
	PAKT_FUZZ_BUDGET=long $(BIN)/pytest -p no:cacheprovider tests/contract/test_conformance_inprocess.py tests/contract/test_conformance_gateway.py

bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)  ## BENCH_ARGS=--quick for a smoke run

drills: $(STAMP)  ## fault drills (kill PostgreSQL, funding, an instance; fail over): 0 lost writes, docs/RELIABILITY.md
	$(BIN)/python -m tests.drills $(DRILLS_ARGS)

deploy-check: $(STAMP)  ## offline checks of deploy/: kustomize + schemas, compose, Dockerfile, README table
	$(BIN)/pytest -q -p no:cacheprovider tests/deploy

clean:
	rm -rf $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache reports
