SHELL := /bin/bash
# Netzwerk Bürgerbeteiligung Sachsen — `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
MAKEMESSAGES := $(PY) manage.py makemessages -l de --no-location --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=node_modules

.PHONY: help install demo test lint messages messages-check bench relevance serve

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

$(PY): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(PY)

install: $(PY) ## Create .venv and install the site with its test tools

demo: install ## Migrate, load demo content and serve on http://127.0.0.1:$(PORT)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	@if [ -n "$$DJANGO_SUPERUSER_USERNAME" ] && [ -n "$$DJANGO_SUPERUSER_PASSWORD" ]; then \
		$(PY) manage.py createsuperuser --noinput --email "$${DJANGO_SUPERUSER_EMAIL:-admin@example.org}" 2>/dev/null || true; \
	else echo "Admin login: run '$(PY) manage.py createsuperuser' (or set DJANGO_SUPERUSER_USERNAME/PASSWORD) and open /admin/"; fi
	@# The mail worker (home/outbox.py) runs beside the server and stops with it.
	$(PY) manage.py db_worker --backend background --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT; $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install ## Run every test (DATABASE_URL selects PostgreSQL; REQUIRE_BROWSER=1 fails instead of skipping browser tests; PYTEST_ARGS="-n 2")
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install ## ruff lint + format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

messages: install ## Extract UI strings into locale/de and compile (TRANSLATIONS=file.json fills German texts)
	flock locale/.lock sh -c '$(MAKEMESSAGES) >/dev/null && if [ -n "$(TRANSLATIONS)" ]; then $(PY) scripts/i18n.py fill "$(TRANSLATIONS)"; fi; $(PY) scripts/i18n.py compile'

messages-check: install ## Fail when locale/de drifts from the source strings or has gaps
	@# Extract into a throw-away copy of the tree: the shared .po is never touched.
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	tar --exclude=./.venv --exclude=./node_modules --exclude=./.git --exclude=./staticfiles \
	    --exclude=./media --exclude='*.sqlite3' -cf - . | tar -xf - -C "$$tmp" && \
	(cd "$$tmp" && "$(CURDIR)/$(PY)" manage.py makemessages -l de --no-location --no-obsolete \
	    --ignore=staticfiles --ignore=node_modules >/dev/null) && \
	if ! diff <(grep -E '^msgid' locale/de/LC_MESSAGES/django.po) \
	          <(grep -E '^msgid' "$$tmp/locale/de/LC_MESSAGES/django.po"); then \
	    echo "locale/de is out of date (lines with > are missing): run make messages"; exit 1; fi
	$(PY) scripts/i18n.py check

serve: install ## Run the production settings locally: collectstatic, migrate, gunicorn on 127.0.0.1:$(PORT)
	@# Local stand-ins only where unset: a random key per run, local host names, no HTTPS redirect.
	@export DJANGO_SETTINGS_MODULE=netzwerk.settings.production PORT=$(PORT) \
		SECRET_KEY="$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
		ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
		SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-0}"; \
	$(PY) manage.py collectstatic --noinput -v0 && $(PY) manage.py migrate --noinput -v0 && \
	exec $(VENV)/bin/gunicorn -c netzwerk/gunicorn.conf.py netzwerk.wsgi

bench: install ## Benchmark against the framework floor on PostgreSQL (BENCH_DATABASE_URL, BENCH_CASES); writes benchmarks/results.md
	$(PY) benchmarks/run.py

relevance: install ## Search relevance (MRR, recall@5) of benchmarks/relevance.json on the demo content (RELEVANCE_DATABASE_URL)
	$(PY) benchmarks/relevance.py
