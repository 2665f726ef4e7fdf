# Set-up is two commands on a fresh machine: `make demo` and `make test`.
# The environment is locked (uv.lock) and lean: see README, "Set-up".
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# uv from PATH when there is one, else its own copy in .tools/uv (one 20 MB wheel from PyPI,
# about 4 s; through a small venv where the system pip refuses --target).
UV_BOOT := .tools/uv
UV     := $(shell command -v uv 2>/dev/null || echo $(UV_BOOT)/bin/uv)
UV_REQ := uv>=0.9,<1

# LibreTranslate for `make integration`: its own environment, outside .venv (about 500 MB, no torch).
# --no-config: the project's [tool.uv] overrides drop minisbd, which LibreTranslate needs.
LT_VENV    := .tools/libretranslate
LT_VERSION := 1.9.6

# Validators for `make check-a11y`, outside .venv: outloud (PDF/UA, pip) in their own venv,
# axe-core, puppeteer-core and the Nu checker (vnu.jar) from npm; Debian's Chromium and a Java
# runtime from apt. About 160 MB, nothing in .venv.
A11Y := .tools/a11y

.PHONY: demo test bench integration system-deps browser check-a11y clean

$(UV_BOOT)/bin/uv:
	$(PYTHON) -m pip install -q --disable-pip-version-check --target $(UV_BOOT) '$(UV_REQ)' \
	  || { $(PYTHON) -m venv $(UV_BOOT)/venv && $(UV_BOOT)/venv/bin/pip install -q '$(UV_REQ)' \
	       && mkdir -p $(UV_BOOT)/bin && ln -sf ../venv/bin/uv $(UV_BOOT)/bin/uv; }

$(STAMP): pyproject.toml uv.lock scripts/system-deps.sh | $(UV)
	bash scripts/system-deps.sh
	UV_PYTHON=$(PYTHON) $(UV) sync --frozen --quiet
	touch $(STAMP)

system-deps:
	bash scripts/system-deps.sh

# Chromium (Debian's package, no browser download) for the preview's browser test; a quick
# dpkg check when it is there already.
browser:
	bash scripts/system-deps.sh --browser

demo: $(STAMP)
	$(BIN)/presskit publish

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

$(LT_VENV)/.installed:
	$(UV) venv --no-config --quiet --allow-existing --python $(PYTHON) $(LT_VENV)
	$(UV) pip install --no-config --quiet --python $(LT_VENV)/bin/python 'libretranslate==$(LT_VERSION)'
	touch $@

# A real LibreTranslate on 127.0.0.1, started and stopped by tests/integration/conftest.py.
integration: $(STAMP) $(LT_VENV)/.installed
	$(BIN)/python -m pytest -q tests/integration --libretranslate=$(LT_VENV)/bin/libretranslate

$(A11Y)/.installed: scripts/a11y/package.json scripts/a11y/axe.js | $(UV)
	bash scripts/system-deps.sh --browser
	command -v java >/dev/null || bash scripts/a11y/install-java.sh
	$(UV) venv --no-config --quiet --allow-existing --python $(PYTHON) $(A11Y)/py
	$(UV) pip install --no-config --quiet --python $(A11Y)/py/bin/python 'outloud==0.2.1'
	cp scripts/a11y/package.json scripts/a11y/axe.js $(A11Y)/
	cd $(A11Y) && npm install --silent --no-audit --no-fund --ignore-scripts
	touch $@

# Publish the demo in every PDF variant, then axe-core on every page, the Nu checker, outloud.
check-a11y: $(STAMP) $(A11Y)/.installed
	$(BIN)/python scripts/a11y/check.py --tools $(A11Y)

bench: $(STAMP) browser $(LT_VENV)/.installed
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) $(UV_BOOT) output/*/ .presskit
