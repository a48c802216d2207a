# Pakt API: every target runs inside the project's virtualenv (.venv), made on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint format openapi migrate seed bench fuzz deploy-check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## start the whole stack (PostgreSQL, migrations, demo data, services, nginx)
	$(BIN)/pakt dev

test: $(STAMP)  ## the full suite: unit, API, contract, end to end, deploy checks
	@# loadgroup: tests sharing the real stack (xdist_group "stack") run on one worker, so one stack
	@status=0; $(BIN)/pytest -n 2 --dist loadgroup -p no:cacheprovider || status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests; that is a failure"; fi; \
	exit $$status

lint: $(STAMP)
	$(BIN)/ruff format --check services tests bench
	$(BIN)/ruff check services tests bench
	$(BIN)/mypy services
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format services tests bench
	$(BIN)/ruff check --fix services tests bench

migrate: $(STAMP)
	$(BIN)/pakt db migrate

seed: $(STAMP)
	$(BIN)/pakt seed

openapi: $(STAMP)  ## regenerate openapi/openapi.yaml from the services' code (commit it)
	$(BIN)/pakt openapi export --verbose

fuzz: $(STAMP)  ## long schemathesis run (in process and through the gateway); report in reports/
	PAKT_FUZZ_BUDGET=long $(BIN)/pytest -p no:cacheprovider tests/contract/test_conformance_inprocess.py tests/contract/test_conformance_gateway.py

bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)  ## BENCH_ARGS=--quick for a smoke run

deploy-check: $(STAMP)  ## offline checks of deploy/: kustomize + schemas, compose, Dockerfile, README table
	$(BIN)/pytest -q -p no:cacheprovider tests/deploy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache reports
