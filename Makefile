# The two commands of the README: `make run` and `make test`. Everything they need is set up here,
# so a fresh machine (and CI) gets the same environment.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# Debian packages the tests need: the browser for Playwright, LibreOffice to open the Word report,
# poppler-utils to read the PDF it makes.
TEST_DEBS := chromium libreoffice-writer-nogui poppler-utils
# What WeasyPrint needs to print the PDFs (decision 0096): Pango and HarfBuzz's font subsetting, and
# a metric-compatible Arial (Liberation Sans) so the PDF looks like the Word document.
PDF_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2

# A key for this machine's demo and checks only: production sets SECRET_KEY (README, "Operating notes"),
# and without one the settings refuse to start.
export SECRET_KEY ?= outcomes-local-key-for-make-run-and-make-test-only
# The suite runs in parallel, one process per core (pytest-xdist); each file stays in one process, so
# a file's expensive fixtures (the whole of LAIT, a live server) are built once. TEST_WORKERS=0 runs it
# in this process alone. The slowest tests are listed at the end, to keep CI within its time.
TEST_WORKERS ?= auto

.PHONY: run test setup assets migrate demo reset-demo lint check-migrations system-deps clean bench

# The server and a background worker together (outcomes/jobs/management/commands/run_with_worker.py);
# Ctrl+C stops both. Production runs them separately (README, "Operating notes").
# Links in the demo's e-mail lead to this server, wherever HOST and PORT put it (SITE_URL, decision 0117).
run: setup migrate demo
	@echo "Outcomes is at http://$(HOST):$(PORT)/  (stop with Ctrl+C; local SECRET_KEY from the Makefile)"
	SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} $(PY) manage.py run_with_worker $(HOST):$(PORT)

test: setup system-deps lint check-migrations
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile --durations=20 $(PYTEST_ARGS)

setup: $(VENV)/.installed assets

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[dev]'
	touch $@

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: frontend/node_modules/.installed $(VENV)/.installed
	cd frontend && node build.mjs
	$(PY) manage.py collectstatic --noinput -v0

migrate: setup
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

# Back to the demo as first loaded: the SQLite file is removed and made again (with DATABASE_URL set,
# the database's tables are flushed instead). Asks first, since everything typed in the demo goes.
reset-demo: setup
	@read -p "Remove everything in the demo database and load the demo again? [y/N] " answer; \
	  [ "$$answer" = "y" ] || [ "$$answer" = "Y" ] || { echo "Nothing changed."; exit 1; }
	@if [ -z "$$DATABASE_URL" ]; then rm -f outcomes.sqlite3 outcomes.sqlite3-wal outcomes.sqlite3-shm; \
	  else $(PY) manage.py flush --noinput; fi
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo

system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-writer-nogui"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	ldconfig -p | grep -q libpangoft2-1.0.so.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	ldconfig -p | grep -q libharfbuzz-subset.so.0 || missing="$$missing libharfbuzz-subset0"; \
	fc-list 2>/dev/null | grep -q LiberationSans || missing="$$missing fonts-liberation2"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# The same checks run before each commit when pre-commit is installed (.pre-commit-config.yaml).
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy

check-migrations: setup
	$(PY) manage.py makemigrations --check --dry-run >/dev/null

# Benchmarks print their figures (README "Figures"). The survey ones and the scale-out one need PostgreSQL
# on 127.0.0.1:5432 (the scale-out one uses Redis on 127.0.0.1:6379 when it answers).
bench: setup
	$(PY) bench/load_demo.py
	$(PY) bench/indicators.py
	$(PY) bench/survey_analysis.py
	$(PY) bench/survey_load.py
	$(PY) bench/scale_out.py

clean:
	rm -rf $(VENV) frontend/node_modules frontend/build staticfiles
