# MLAssess: `make run` serves the app with demo data; `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench sandbox browser clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# bubblewrap is the sandbox for candidates' code; the grader refuses to run code without it.
sandbox:
	@scripts/ensure_bubblewrap.sh

install: $(STAMP) sandbox

# Debian's chromium, which the browser tests drive with Playwright (it cannot download browsers here).
browser:
	@scripts/ensure_chromium.sh

run: install
	@scripts/run_local.sh

test: install browser
	$(BIN)/pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m bench grader

clean:
	rm -rf $(VENV) var
