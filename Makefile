# MLAssess: `make run` serves the app with demo data; `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench sandbox clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# bubblewrap is the sandbox for candidates' code; the grader refuses to run code without it.
sandbox:
	@scripts/ensure_bubblewrap.sh

install: $(STAMP) sandbox

run: install
	@scripts/run_local.sh

test: install
	$(BIN)/pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) var
