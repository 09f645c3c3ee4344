# One task runner. `make site` and `make test` set up everything they need first.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
LOCKED := $(VENV)/.installed-locks
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
APT_PACKAGES := chromium fonts-noto-cjk fonts-liberation fonts-dejavu-core poppler-utils \
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 default-jre-headless
# The suite's workers (pytest-xdist): one a core on CI's two; modules stay whole on a worker,
# so a module's fixtures are made once. PYTEST_WORKERS=0 runs it in one process.
PYTEST_WORKERS ?= 2
XDIST = -n $(PYTEST_WORKERS) --dist loadfile

.PHONY: site test test-fast ready check lint format typecheck serve system bytecode clean lock

site: $(STAMP) system bytecode
	$(BIN)/briefing build

serve: $(STAMP)
	$(BIN)/mkdocs serve

# The suite first, so it starts at once (mypy and `briefing check` take seconds even with
# nothing changed), then the checks.
test: $(DEV_STAMP) system bytecode
	$(BIN)/pytest $(XDIST)
	$(MAKE) --no-print-directory check

# What `make test` (and, less the test tools, `make site`) sets up before it starts: with nothing
# changed, a few stamp files and one dpkg-query. `briefing bench --real` times it.
ready: $(DEV_STAMP) system bytecode

# The inner loop: unit tests and tiny sites, no browser and nothing that builds the real
# briefing (150 s on two cores; the target is 60 s, issue 21); `make test` runs them all.
test-fast: $(DEV_STAMP) bytecode
	$(BIN)/pytest $(XDIST) -q -m "not browser and not slow"

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
# The locks are installed again only when they change; an edit of pyproject.toml (entry points,
# package data) only installs the package again.
$(LOCKED): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $(LOCKED)

$(STAMP): $(LOCKED) pyproject.toml
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(DEV_STAMP): $(LOCKED) requirements-dev.lock | $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	touch $(DEV_STAMP)

# System packages: Chromium for browser tests, fonts for charts and PDFs (Liberation Sans, which
# Chromium already brings; Noto CJK for Chinese), Pango and HarfBuzz's subsetter for WeasyPrint
# (without libharfbuzz-subset0 WeasyPrint warns, and the tests take warnings for errors), poppler
# for rendering PDF pages in tests, Java for the Nu HTML checker (about 190 MB installed, 44 MB to
# download, with Chromium already there). Installed with apt when missing (CI runs as root); one
# dpkg-query asks for them all (a check of each took most of a second on a loaded machine).
system:
	@installed=" $$(dpkg-query -W -f='$${db:Status-Status}:$${Package} ' $(APT_PACKAGES) 2>/dev/null) "; \
	missing=""; for p in $(APT_PACKAGES); do case "$$installed" in *" installed:$$p "*) ;; *) missing="$$missing $$p";; esac; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing system packages:$$missing; run: sudo apt-get install$$missing" >&2; exit 1; fi; \
	fi

# The package is installed editable, so pip compiled none of it: where the environment says
# not to write bytecode (PYTHONDONTWRITEBYTECODE), every `mkdocs build` compiled its hundred
# modules again, 0.3 s of a tiny site's 1.5 s. Compiled here, only what changed since (Python
# checks each file's time against its source, so an edited module is never run stale).
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q scripts

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
