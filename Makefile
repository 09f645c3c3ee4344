# One task runner. `make site` and `make test` set up everything they need first.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
APT_PACKAGES := chromium fonts-noto-cjk fonts-liberation fonts-dejavu-core poppler-utils \
  libpango-1.0-0 libpangoft2-1.0-0 default-jre-headless

.PHONY: site test test-fast check lint format typecheck serve system clean lock

site: $(STAMP) system
	$(BIN)/briefing build

serve: $(STAMP)
	$(BIN)/mkdocs serve

test: $(DEV_STAMP) system check
	$(BIN)/pytest

# The inner loop: unit tests and tiny sites, no browser and nothing that builds the real
# briefing (under a minute); `make test` runs them all.
test-fast: $(DEV_STAMP)
	$(BIN)/pytest -q -m "not browser and not slow"

check: $(DEV_STAMP)
	$(BIN)/ruff check scripts tests facts
	$(BIN)/ruff format --check scripts tests facts
	$(BIN)/mypy
	$(BIN)/briefing check

format: $(DEV_STAMP)
	$(BIN)/ruff format scripts tests facts
	$(BIN)/ruff check --fix scripts tests facts

# What the site needs (requirements.lock: the runtime, jieba, and setuptools to install the
# package from the lock without network); the test tools come on top (requirements-dev.lock).
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	touch $(DEV_STAMP)

# System packages: Chromium for browser tests, fonts for charts and PDFs (Liberation Sans, which
# Chromium already brings; Noto CJK for Chinese), poppler for rendering PDF pages in tests, Java
# for the Nu HTML checker (about 190 MB installed, 44 MB to download, with Chromium already
# there). Installed with apt when missing (CI runs as root).
system:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing system packages:$$missing; run: sudo apt-get install$$missing" >&2; exit 1; fi; \
	fi

# Re-pin every dependency (run after editing pyproject.toml's dependencies): the runtime (with
# the chinese extra this briefing switches on, and the setuptools that installs the package),
# then the same pins and the dev extra's test tools. Pins already in a lock are kept.
lock: $(STAMP)
	$(BIN)/pip install --quiet uv
	echo "setuptools>=77" | $(BIN)/uv pip compile pyproject.toml - --extra chinese $(LOCK_FLAGS) -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml -c requirements.lock --extra chinese --extra dev $(LOCK_FLAGS) -o requirements-dev.lock

LOCK_FLAGS := --generate-hashes --python-version 3.11 --custom-compile-command "make lock"

clean:
	rm -rf build .briefing-staging-* .briefing-old-* .cache $(VENV)
