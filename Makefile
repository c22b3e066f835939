SHELL := /bin/bash
# Netzwerk Bürgerbeteiligung Sachsen — `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
MAKEMESSAGES := $(PY) manage.py makemessages -l de --no-location --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=node_modules

.PHONY: help install lock test-tools demo test lint messages messages-check bench bench-pages relevance serve screenshots
LOCKS := requirements-dev.lock requirements.lock
UV_VERSION := $(shell sed -n 's/.*"uv==\([0-9.]*\)".*/\1/p' pyproject.toml)
UV_COMPILE = $(VENV)/bin/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 \
	--custom-compile-command "make lock" --quiet $(if $(UPGRADE),--upgrade)

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml $(LOCKS)
	@$(PYTHON) scripts/lockfile.py check $(LOCKS)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@# uv (itself hash-checked from the lock) installs in seconds what pip takes minutes for.
	@$(VENV)/bin/uv --version 2>/dev/null | grep -q " $(UV_VERSION)" || { \
		awk '/^uv==/{p=1; print; next} p && /^ /{print; next} {p=0}' requirements-dev.lock > $(VENV)/uv.lock.txt && \
		$(PY) -m pip install --quiet --no-deps --require-hashes -r $(VENV)/uv.lock.txt; }
	@# Bytecode now: every Python process (test workers, servers, subprocesses) would otherwise
	@# compile Django and Wagtail again where PYTHONDONTWRITEBYTECODE is set (~2 s CPU each).
	$(VENV)/bin/uv pip install --quiet --compile-bytecode --python $(PY) --require-hashes -r requirements-dev.lock
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the locked site + test tools (requirements-dev.lock)

lock: ## Regenerate the hashed lock files from pyproject.toml, then install (UPGRADE=1: newest versions)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/uv --version 2>/dev/null | grep -q " $(UV_VERSION)" || $(PY) -m pip install --quiet "uv==$(UV_VERSION)"
	$(UV_COMPILE) --extra dev -o requirements-dev.lock
	$(UV_COMPILE) -c requirements-dev.lock -o requirements.lock
	$(PYTHON) scripts/lockfile.py stamp $(LOCKS)
	@$(MAKE) --no-print-directory install

# The npm test tools (axe-core, vnu-jar) for the browser and HTML-validation tests. Without
# npm, or offline, those tests are skipped with one line saying what is missing.
test-tools: ## Install the npm test tools when npm exists (idempotent, tolerates being offline)
	@if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then :; \
	elif ! command -v npm >/dev/null 2>&1; then \
		echo "npm not found: browser/HTML-validation tests will be skipped (install Node.js and npm)"; \
	elif ! npm ci --no-audit --no-fund --prefer-offline --loglevel=error; then \
		echo "npm ci failed (offline?): browser/HTML-validation tests will be skipped; run 'npm ci' when online"; \
	fi

# The demo is the site as readers see it: DEBUG off (real 404/500 pages) unless DEBUG=1, and
# every absolute link (mails, .ics, exports, API) on SITE_URL, which follows PORT.
demo: install ## Migrate, load demo content, create demo editors, serve http://127.0.0.1:$(PORT) (DEBUG=1 for debug pages)
	@export SITE_URL="$${SITE_URL:-http://127.0.0.1:$(PORT)}" DEBUG="$${DEBUG:-0}" && \
	$(PY) manage.py migrate --noinput && \
	$(PY) manage.py load_demo_content && \
	$(PY) manage.py create_demo_users && \
	if [ -n "$$DJANGO_SUPERUSER_USERNAME" ] && [ -n "$$DJANGO_SUPERUSER_PASSWORD" ]; then \
		$(PY) manage.py createsuperuser --noinput --email "$${DJANGO_SUPERUSER_EMAIL:-admin@example.org}" 2>/dev/null || true; \
	else echo "Administrator: run '$(PY) manage.py createsuperuser' (or set DJANGO_SUPERUSER_USERNAME/PASSWORD)"; fi && \
	echo "Serving $$SITE_URL (DEBUG=$$DEBUG); demo logins and password above" && \
	{ $(PY) manage.py db_worker --backend background --no-reload & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT; $(PY) manage.py runserver 127.0.0.1:$(PORT); }

# Two pytest workers by default (TEST_WORKERS=0: none): the browser tests share one of them
# (one live server), everything else spreads over both.
TEST_WORKERS ?= 2
test: install test-tools ## Run every test (DATABASE_URL selects PostgreSQL; REQUIRE_BROWSER=1 fails instead of skipping browser tests; PYTEST_ARGS="-x")
	@$(PY) -m compileall -q manage.py benchmarks cases events feeds home images insights network netzwerk newsletter scripts search tests >/dev/null  # bytecode: see install
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

screenshots: install test-tools ## Full-page screenshots of every page type at 390, 768 and 1366 px in both languages (test-results/screenshots/)
	SCREENSHOTS=1 $(PY) -m pytest tests/e2e/test_design.py -k page_type_at_every_width $(PYTEST_ARGS)

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
	$(PY) scripts/i18n.py drift "$$tmp/locale/de/LC_MESSAGES/django.po"
	$(PY) scripts/i18n.py check

# nginx (deploy/nginx/, rendered into a temporary directory) listens on PORT and buffers every
# request and answer, so slow clients cannot hold gunicorn's sync workers; gunicorn listens on a
# free local port behind it. NGINX= (empty) or no nginx installed: gunicorn alone on PORT.
NGINX ?= $(shell command -v nginx || { test -x /usr/sbin/nginx && echo /usr/sbin/nginx; })
serve: install ## Run the production settings locally: collectstatic, migrate, nginx on 127.0.0.1:$(PORT) in front of gunicorn
	@# Local stand-ins only where unset: a random key per run, local host names and base URL, no HTTPS redirect.
	@export DJANGO_SETTINGS_MODULE=netzwerk.settings.production PORT=$(PORT) \
		SECRET_KEY="$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
		ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
		SITE_URL="$${SITE_URL:-http://127.0.0.1:$(PORT)}" \
		SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-0}"; \
	$(PY) manage.py collectstatic --noinput -v0 && $(PY) manage.py migrate --noinput -v0 && \
	if [ -z "$(NGINX)" ]; then \
		echo "nginx not found (apt-get install nginx-light): gunicorn alone on 127.0.0.1:$(PORT), without protection against slow clients"; \
		exec $(VENV)/bin/gunicorn -c netzwerk/gunicorn.conf.py netzwerk.wsgi; \
	fi; \
	run=$$(mktemp -d) && trap 'kill $$app 2>/dev/null; rm -rf "$$run"' EXIT && \
	upstream=127.0.0.1:$$($(PY) -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') && \
	$(PY) scripts/nginx_conf.py "$$run" --listen 127.0.0.1:$(PORT) --upstream $$upstream --static-root staticfiles >/dev/null && \
	echo "nginx on 127.0.0.1:$(PORT) in front of gunicorn on $$upstream (config: deploy/nginx/)" && \
	{ GUNICORN_BIND=$$upstream TRUSTED_PROXY_COUNT=$${TRUSTED_PROXY_COUNT:-1} \
		$(VENV)/bin/gunicorn -c netzwerk/gunicorn.conf.py netzwerk.wsgi & app=$$!; } && \
	"$(NGINX)" -p "$$run" -c "$$run/nginx.conf"

bench: install ## Benchmark against the framework floor on PostgreSQL (BENCH_DATABASE_URL, BENCH_CASES, BENCH_PHASES); writes benchmarks/results.md
	BENCH_PHASES=$(BENCH_PHASES) $(PY) benchmarks/run.py

bench-pages: install ## Only first-load transfer + Lighthouse on the demo content (= make bench BENCH_PHASES=pages)
	BENCH_PHASES=pages $(PY) benchmarks/run.py

relevance: install ## Search relevance (MRR, recall@5) of benchmarks/relevance.json on the demo content (RELEVANCE_DATABASE_URL)
	$(PY) benchmarks/relevance.py
