# The two commands a newcomer needs:  make site  and  make test
# Everything else is installed by these targets from the locked requirements.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_DIR ?= site
COUNCIL_FILE ?= council.yml
export COUNCIL_FILE
SERVE_ADDR ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site test test-fast council-checks check serve schema fields lock bench leaflet handbook-pdf chromium java audit engines zensical-check clean cms cms-local

$(BIN)/.site-deps: requirements/site.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/site.lock
	touch $@

$(BIN)/.test-deps: $(BIN)/.site-deps requirements/test.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/site.lock -r requirements/test.lock
	touch $@

## site: check council.yml, then build site/ (a failed build leaves the old site/ as it was)
site: $(BIN)/.site-deps
	$(BIN)/python -m macros check --strict $(COUNCIL_FILE)
	rm -rf .site-build
	$(BIN)/mkdocs build --strict --clean -d .site-build
	rm -rf $(SITE_DIR).old
	if [ -d $(SITE_DIR) ]; then mv $(SITE_DIR) $(SITE_DIR).old; fi
	mv .site-build $(SITE_DIR)
	rm -rf $(SITE_DIR).old
	@echo "Built $(SITE_DIR)/ from $(COUNCIL_FILE)."

## test: install test dependencies (Debian's chromium and Java if missing, the locked npm tools), run every test
test: $(BIN)/.test-deps chromium java node_modules/.installed
	$(BIN)/python -m pytest

## test-fast: the tests that need no browser (tests/unit, tests/site; not the three-engine builds), in under a minute
test-fast: $(BIN)/.test-deps
	$(BIN)/python -m pytest tests/unit tests/site -m "not engines"

## council-checks: what a council's publish runs when only its council.yml changed: the strict check, then the site
## checks of its own file (strict build, links, macro errors, page weight, axe on every page at phone and desktop width)
council-checks: $(BIN)/.test-deps chromium
	$(BIN)/python -m macros check --strict $(COUNCIL_FILE)
	$(BIN)/python -m pytest -p no:cacheprovider tests/site/test_your_council.py tests/site/test_weight.py \
	  tests/browser/test_your_council.py

## chromium: install Debian's chromium for the browser tests when it is missing (and no CHROME_PATH names another)
chromium:
	@[ -x "$${CHROME_PATH:-}" ] || command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

## java: install Debian's Java runtime for the Nu HTML Checker when it is missing
java:
	@command -v java >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless >/dev/null; }

# The Nu HTML Checker (vnu-jar) and pa11y, exactly as package-lock.json says. No install scripts: they would
# download a Java and puppeteer's own Chrome; the tests use Debian's java and chromium.
node_modules/.installed: package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=true npm ci --ignore-scripts --no-audit --no-fund
	touch $@

## check: check council.yml and list every problem with its line and column
check: $(BIN)/.site-deps
	$(BIN)/python -m macros check $(COUNCIL_FILE)

## serve: live preview on http://127.0.0.1:8000 that rebuilds when the council file changes (problems show in the browser)
serve: $(BIN)/.site-deps
	COUNCIL_SERVE=1 $(BIN)/mkdocs serve --dev-addr "$(SERVE_ADDR)" --watch "$(COUNCIL_FILE)"

## schema: write schema/council.schema.json from macros/schema.py
schema: $(BIN)/.site-deps
	$(BIN)/python -m macros schema --write

## fields: print the field reference for editors
fields: $(BIN)/.site-deps
	$(BIN)/python -m macros fields

## cms: regenerate the web editor's configuration (docs/admin/config.yml) from the schema, and copy the locked
## editor bundle (decap-cms, as package-lock.json says) from node_modules into docs/admin/
cms: $(BIN)/.site-deps node_modules/.installed
	$(BIN)/python -m macros cms --write
	cp node_modules/decap-cms/dist/decap-cms.js docs/admin/decap-cms.js
	@echo "docs/admin/ holds decap-cms $$(node -p "require('./node_modules/decap-cms/package.json').version"); commit it."

## cms-local: the web editor's local backend (decap-server) on 127.0.0.1:8081, editing this folder's files;
## run `make serve` beside it and open http://127.0.0.1:8000/admin/ (CMS_MODE=git with publish_mode: editorial_workflow)
CMS_MODE ?= fs
cms-local: node_modules/.installed
	PORT=8081 BIND_HOST=127.0.0.1 MODE=$(CMS_MODE) GIT_REPO_DIRECTORY="$(CURDIR)" node node_modules/decap-server/dist/index.js

## lock: re-lock the requirements with hashes after editing requirements/*.in (pip-tools from tools.lock, in .tools-venv/)
lock:
	test -x .tools-venv/bin/python || $(PYTHON) -m venv .tools-venv
	.tools-venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/tools.lock
	cd requirements && for name in site test tools engines; do \
	  ../.tools-venv/bin/python -m piptools compile -q --generate-hashes --no-emit-find-links --no-emit-index-url \
	    --strip-extras --allow-unsafe -o $$name.lock $$name.in || exit 1; done

## leaflet: the Pledge as a PDF leaflet, A4 (out/pledge-leaflet.pdf) and A5 (out/pledge-leaflet-a5.pdf)
leaflet: site $(BIN)/.test-deps chromium
	$(BIN)/python tools/pdf.py leaflet --site $(SITE_DIR) --size A4
	$(BIN)/python tools/pdf.py leaflet --site $(SITE_DIR) --size A5

## handbook-pdf: the whole handbook as one A4 PDF (out/handbook.pdf)
handbook-pdf: site $(BIN)/.test-deps chromium
	$(BIN)/python tools/pdf.py handbook --site $(SITE_DIR)

## audit: Lighthouse scores and page weight of site/ (installs Lighthouse from tools/lighthouse/package-lock.json)
audit: site
	$(BIN)/python tools/audit.py

## engines: build the same site (COUNCIL_FILE) with MkDocs, ProperDocs and Zensical (from .engines-venv/, made from
## the locks) and compare every page's main text; fails when a build fails or main text differs (see README)
engines: $(BIN)/.site-deps
	$(BIN)/python tools/engines.py

## zensical-check: the former name of make engines
zensical-check: engines

## bench: build-time benchmark (prints ratios; see README)
bench: $(BIN)/.site-deps
	$(BIN)/python tools/bench.py

clean:
	rm -rf $(SITE_DIR) .site-build $(SITE_DIR).old
