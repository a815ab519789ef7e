# SDG Partnerships: the everyday commands. `make run` and `make test` are all a newcomer needs.

PYTHON ?= $(shell command -v python3.12 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := DEBUG=1 $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_WORKERS ?= auto

.PHONY: help run test test-fast lint fmt messages bench lock worker system-deps check-deploy clean

help:
	@echo "make run          the app with demo data on http://$(HOST):$(PORT)"
	@echo "make test         the whole test suite"
	@echo "make lint         ruff, djade, missing migrations, the apps' import direction"
	@echo "make fmt          format Python and templates"
	@echo "make messages     update and compile the French and Dutch translations"
	@echo "make bench        measure the pages as users get them (PostgreSQL, Redis, Chromium)"
	@echo "make worker       a Celery worker for mail and reports (needs REDIS_URL)"
	@echo "make lock         re-pin requirements.lock from requirements.in"
	@echo "make system-deps  the Debian packages (Chromium, WeasyPrint's libraries); needs root"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	touch $@

run: $(VENV)/.installed
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_demo
	$(MANAGE) runserver $(HOST):$(PORT)

test: $(VENV)/.installed
	.ci/system-deps
	DEBUG=1 $(BIN)/pytest -n $(TEST_WORKERS)

test-fast: $(VENV)/.installed
	DEBUG=1 $(BIN)/pytest -m "not e2e" -x -q

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djade --check $$(find templates -name '*.html')
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/lint-imports --no-cache

fmt: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djade $$(find templates -name '*.html')

messages: $(VENV)/.installed
	$(MANAGE) makemessages --locale fr --locale nl --no-obsolete \
		--ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*' --ignore 'staticfiles/*'
	$(MANAGE) compilemessages --ignore '.venv/*'

# Needs PostgreSQL (BENCH_DATABASE_URL), Redis and Chromium; see docs/benchmarks.md.
bench: $(VENV)/.installed
	$(BIN)/python -m bench.run

# One worker for every queue: mail ("celery") and the final reports ("reports").
worker: $(VENV)/.installed
	$(BIN)/celery --app sdgp worker --queues celery,reports --loglevel INFO

lock: $(VENV)/.installed
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links --no-emit-trusted-host --strip-extras \
		--output-file requirements.lock requirements.in

system-deps:
	.ci/system-deps

check-deploy: $(VENV)/.installed
	DEBUG=0 SECRET_KEY=check-deploy-$$(date +%s)-a-long-random-value-for-the-check-only \
		ALLOWED_HOSTS=sdg.example.org \
		EMAIL_URL=$${EMAIL_URL:-smtp+tls://mailer:secret@smtp.example.org:587} \
		REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
		$(BIN)/python manage.py check --deploy --fail-level WARNING \
		|| (echo "check --deploy failed"; exit 1)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
