# Guildhall: `make run` serves the platform, `make test` proves it. Both start from a fresh clone.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1:8000

.PHONY: run test test-citus e2e setup migrate demo lint worker beat messages bench bench-content bench-events clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)

migrate: setup
	$(BIN)/python manage.py migrate --no-input

demo: migrate
	$(BIN)/python manage.py seed_demo

run: demo
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py runserver $(HOST)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/lint-imports

test: lint
	$(BIN)/python -m pytest -n $${PYTEST_WORKERS:-2} $(PYTEST_ARGS)

# The whole suite against a Citus coordinator (docs/scaling.md, "Citus"): CITUS_DATABASE_URL names a
# database with the citus extension and its workers registered (`../shared/citus/cluster.sh start`); each
# test database is created on every node and distributed (tests/citus.py). Prints the suite's time.
CITUS_DATABASE_URL ?= postgres://postgres@127.0.0.1:9700/guildhall
test-citus: setup
	@started=$$(date +%s); \
	DATABASE_URL=$(CITUS_DATABASE_URL) $(BIN)/python -m pytest --citus -n $${PYTEST_WORKERS:-2} $(PYTEST_ARGS); \
	status=$$?; echo "test-citus: the suite on Citus took $$(( $$(date +%s) - started )) s"; exit $$status

# The browser journeys (tests/e2e, docs/e2e.md): Playwright drives Debian's Chromium (tests/e2e/setup.sh
# installs it) against a live server with the demo world; every page is checked with axe-core and for
# sideways scrolling, at 1366 and 390 px. Screenshots land in e2e-artifacts/.
e2e: setup
	sh tests/e2e/setup.sh
	$(BIN)/python -m pytest -m e2e -p no:xdist tests/e2e $(PYTEST_ARGS)

worker: setup
	$(BIN)/celery -A config worker --loglevel=INFO

beat: setup
	$(BIN)/celery -A config beat --loglevel=INFO --schedule=/tmp/guildhall-celerybeat-schedule

messages: setup
	$(BIN)/python manage.py makemessages -l zh_Hans --ignore=.venv --ignore=staticfiles --ignore=media --ignore=tests \
		--ignore=bench --no-obsolete
	$(BIN)/python manage.py compilemessages -l zh_Hans --ignore=.venv

# gunicorn + wrk against a bare-Django floor at 18,000 and 100,000 memberships (docs/scaling.md). Needs
# PostgreSQL at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/gh_bench: it creates and
# seeds gh_bench_18000 and gh_bench_100000). BENCH_ARGS="--memberships 18000 --duration 5" for a short run.
bench: setup
	sh bench/setup.sh
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Search and discussions at 100,000 pieces of content (bench/content.py): seeds gh_bench_content once, then
# prints each search's time (p50/p95) and the req/s of the pages next to the floor. BENCH_ARGS as above.
bench-content: setup
	sh bench/setup.sh
	$(BIN)/python bench/content.py $(BENCH_ARGS)

# A storm of concurrent registrations through gunicorn (bench/events.py): 300 members for 100 places in
# gh_bench_events; prints registrations/s and the final counts (exactly 100 confirmed, 200 waitlisted).
bench-events: setup
	sh bench/setup.sh
	$(BIN)/python bench/events.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 media community-files staticfiles .pytest_cache .ruff_cache e2e-artifacts
