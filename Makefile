# Set-up is two commands on a fresh machine: `make demo` and `make test`.
# The environment is locked (uv.lock) and lean: see README, "Set-up".
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# uv from PATH when there is one, else a small bootstrap venv of its own (about 40 MB).
UV_BOOT := .tools/uv
UV     := $(shell command -v uv 2>/dev/null || echo $(UV_BOOT)/bin/uv)

.PHONY: demo test bench system-deps clean

$(UV_BOOT)/bin/uv:
	test -x $(UV_BOOT)/bin/python || $(PYTHON) -m venv $(UV_BOOT)
	$(UV_BOOT)/bin/python -m pip install -q --disable-pip-version-check 'uv>=0.9,<1'

$(STAMP): pyproject.toml uv.lock scripts/system-deps.sh | $(UV)
	bash scripts/system-deps.sh
	UV_PYTHON=$(PYTHON) $(UV) sync --frozen --quiet
	touch $(STAMP)

system-deps:
	bash scripts/system-deps.sh

demo: $(STAMP)
	$(BIN)/presskit publish

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) $(UV_BOOT) output/*/ .presskit
