# Two commands matter on a fresh machine (python3 >= 3.11 with pip):
#   make book   create .venv from requirements.lock if needed, then build _build/html
#   make test   the whole test suite
# Everything else here is for maintainers: `make help` lists it.

PYTHON ?= python3
# The environment; tests that build a copy of the project point VENV at this one.
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SPHINX_OPTS := -W -n --keep-going -q
# Where the book is built; override (make test BUILD=/tmp/b) to build elsewhere.
BUILD ?= _build
export REASSURANCE_BUILD := $(abspath $(BUILD))
NOTEBOOKS := $(sort $(wildcard book/*.ipynb))
# The site's published address (absolute links in sitemap.xml and the social
# metadata). Empty: html_baseurl of _config.yml, the GitHub Pages pattern.
BASE_URL ?=
# Set by `make site`: the PDF the pages link to (see reassurance.sphinxext.site).
SITE_OPTS ?=
SPHINX_SITE = $(if $(BASE_URL),-D html_baseurl=$(BASE_URL)) $(SITE_OPTS)
# Where the notebooks' outputs on the pages (HTML and PDF alike) come from:
# executed into the build's jupyter cache by reassurance.pipeline.prefill (make book,
# make site, make pdf), or, with STORED=1, the outputs stored in the
# notebooks, executing nothing (make html-stored, make site-stored).
STORED ?=
NB_CACHE := $(abspath $(BUILD))/.jupyter_cache
NB_OUTPUTS = $(if $(STORED),-D nb_execution_mode=off,-D nb_execution_cache_path=$(NB_CACHE))
PREFILL = $(if $(STORED),:,$(BIN)/python -m reassurance.pipeline.prefill $(NB_CACHE) $(NOTEBOOKS))

# The kernel that runs the notebooks must be the environment's own Python.
export PATH := $(abspath $(BIN)):$(PATH)
# Every page's "last updated" date is the last commit's date, so two builds
# of one commit are identical.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export PYTHONHASHSEED := 0
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: book site site-stored test html-stored pdf screenshots notebooks references validate sources benchmark lighthouse lock clean help

help:
	@echo "make help        this list"
	@echo "make book        build the HTML book into _build/html (creates .venv first)"
	@echo "make site        the site to publish: the book with its PDF inside (_build/html/reassurance.pdf)"
	@echo "                 BASE_URL=https://... sets its published address (sitemap, social metadata)"
	@echo "make test        run the whole test suite"
	@echo "make notebooks   execute the notebooks as make book does (cached, in parallel) and save their outputs (after a change)"
	@echo "make references  regenerate references.bib from data/sources.csv"
	@echo "make validate    check the data and the book's quotations with every rule the build runs (seconds)"
	@echo "make html-stored build the HTML book from the notebooks' stored outputs, executing nothing"
	@echo "make site-stored the site from the stored outputs, with its PDF where WeasyPrint loads (make test runs it)"
	@echo "make sources     print the references' make-up (mirrors, republishers, no address, by outlet type);"
	@echo "                 fails if a target is missed (mirrors or no address above 5%, a mirror in findings)"
	@echo "make pdf         the reader PDF (front page and chapters) in _build/pdf/reassurance.pdf, from the book's executed outputs (WeasyPrint; needs Pango)"
	@echo "make screenshots every page at 1280 and 390 px, light and dark, in _build/screenshots"
	@echo "make benchmark   print build, rebuild and test timings against their targets (about 2 min)"
	@echo "make lighthouse  build the site, print each page's weight and Lighthouse scores, and the PDF's length"
	@echo "                 RUNS=3 prints medians of three runs; PAGES=\"search.html ...\" measures only those"
	@echo "make book BUILD=/tmp/x   build elsewhere (any target takes BUILD)"
	@echo "make lock        re-resolve requirements.lock from pyproject.toml"
	@echo "make clean       remove _build and the environment"

$(INSTALLED): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	touch $@

conf.py: _config.yml _toc.yml $(INSTALLED)
	@$(BIN)/jupyter-book config sphinx . >/dev/null

# Sphinx copies book/_static only when it writes pages, and rewrites only
# changed pages, whose navigation then lists chapters that others lack: after
# a change to the CSS, JS or table of contents, write every page (-a).
static_changed = $$(find book/_static _toc.yml _config.yml -newer $(1)/.buildinfo 2>/dev/null | grep -q . && echo -a)

# Validates the data and the book's quotations (as `make validate` does;
# invalid data stops here), then executes each notebook whose result is
# missing for the current data and package, once, on all cores, into
# $(BUILD)/.jupyter_cache (reassurance.pipeline.prefill); the build then renders the
# cached results. It prints what it did and any warning, not its commands.
# Executing a notebook rewrites its downloads, book/figure-data/*.csv
# (tracked; unchanged unless the data or the code changed).
book: $(INSTALLED) conf.py
	@mkdir -p $(BUILD)
	@$(PREFILL)
	@$(BIN)/sphinx-build -b html $(SPHINX_OPTS) $(SPHINX_SITE) $(call static_changed,$(BUILD)/html) $(NB_OUTPUTS) \
	    -d $(BUILD)/doctrees -w $(BUILD)/warnings.log . $(BUILD)/html
	@echo "Built: open $(BUILD)/html/index.html"

# Renders the notebooks' stored outputs without executing them.
html-stored:
	@$(MAKE) --no-print-directory book STORED=1

# The site to publish: the PDF first, copied into the HTML folder, then the
# HTML book, whose front page and sidebar link the PDF. Every address in the
# site then resolves. Both render the same executed outputs: the notebooks
# run once, into the build's jupyter cache (the book's prefill then finds
# every result there and runs nothing).
site: pdf
	@mkdir -p $(BUILD)/html && cp $(BUILD)/pdf/reassurance.pdf $(BUILD)/html/reassurance.pdf
	@$(MAKE) --no-print-directory book SITE_OPTS="-D reassurance_pdf=reassurance.pdf"

# The same from the stored outputs, for `make test`. Without WeasyPrint or
# its Pango (a workstation), the site is built without its PDF and so
# without the link; under CI that fails, as the PDF tests do.
site-stored: $(INSTALLED) conf.py
	@if $(BIN)/python -c "import weasyprint" 2>/dev/null; then \
	    $(MAKE) --no-print-directory pdf STORED=1 && mkdir -p $(BUILD)/html && \
	    cp $(BUILD)/pdf/reassurance.pdf $(BUILD)/html/reassurance.pdf && \
	    $(MAKE) --no-print-directory html-stored SITE_OPTS="-D reassurance_pdf=reassurance.pdf"; \
	elif [ "$${CI:-}" = true ]; then echo "CI=true but WeasyPrint cannot load (Pango missing?): no PDF"; exit 1; \
	else echo "note: WeasyPrint cannot load (apt-get install -y libpango-1.0-0 libpangoft2-1.0-0), so the site is built without its PDF"; \
	    rm -f $(BUILD)/html/reassurance.pdf; $(MAKE) --no-print-directory html-stored; fi

# nbval re-executes every notebook once and compares it with its stored
# outputs; the site (make site-stored) renders those stored outputs, so
# nothing runs twice. The site is built inside the run, once, by the first
# test that needs it (tests/conftest.py), while the other worker runs the
# notebooks. Each test file stays on one worker, and the browser tests all on
# one, sharing one visit of each page per viewport (tests/conftest.py); the
# longest are handed out first (--no-loadscope-reorder keeps the order
# tests/conftest.py gives). pyproject.toml's pytest options print the 25
# slowest steps of every run.
test: $(INSTALLED) conf.py
	$(BIN)/python -m pytest -n 2 --dist loadfile --no-loadscope-reorder --nbval --nbval-current-env \
	    --nbval-sanitize-with tests/sanitize.cfg book tests

# The reader PDF: the front page and the chapters (reassurance.pdf), from the
# single-page build of the same outputs as the HTML (executed into the build's
# jupyter cache; STORED=1: the stored outputs), laid out by WeasyPrint (CSS Paged
# Media: cover, contents with page numbers, bookmarks, running heads, page
# numbers; book/_static/reader-pdf.css). The appendix, data dictionary and
# references stay online and as CSV. Debian's Chromium remains for the
# browser tests (tests/browser/chrome.py). Both builders share one read of the
# sources, $(BUILD)/doctrees, as Sphinx's own make mode does: the second of
# `make site` only writes (the HTML is byte-identical to a build that reads
# everything itself; tests/build/test_reproducible.py compares them).
pdf: $(INSTALLED) conf.py
	@mkdir -p $(BUILD)/pdf
	@$(PREFILL)
	$(BIN)/sphinx-build -b singlehtml $(SPHINX_OPTS) $(if $(BASE_URL),-D html_baseurl=$(BASE_URL)) $(call static_changed,$(BUILD)/singlehtml) $(NB_OUTPUTS) -d $(BUILD)/doctrees \
	    -w $(BUILD)/warnings-singlehtml.log . $(BUILD)/singlehtml
	BASE_URL="$(BASE_URL)" $(BIN)/python -m reassurance.pipeline.pdf $(BUILD)/singlehtml $(BUILD)/pdf/reassurance.pdf

screenshots: html-stored
	$(BIN)/python tests/browser/screenshots.py

# Executes what the build's jupyter cache lacks for the current inputs (as
# `make book` does: reassurance.pipeline.prefill, in parallel), then saves each
# notebook's cached outputs into it (reassurance.pipeline.execute).
notebooks: $(INSTALLED)
	@mkdir -p $(BUILD)
	@$(BIN)/python -m reassurance.pipeline.execute $(NOTEBOOKS)

# Validates first: on invalid data references.bib is left as it was.
references: $(INSTALLED)
	@$(BIN)/python -m reassurance.evidence.bibliography

validate: $(INSTALLED)
	@$(BIN)/python -m reassurance.evidence

# The references' make-up against the report's targets (reassurance.evidence.sources).
sources: $(INSTALLED)
	@$(BIN)/python -m reassurance.evidence.sources

benchmark: $(INSTALLED)
	$(BIN)/python tests/benchmark.py

# Lighthouse 12.2.3 (npm, installed into _build/lighthouse on first use) drives Debian's
# Chromium over the site served on 127.0.0.1; the scores are printed, not
# asserted (tests/build/test_published_site.py asserts the weight budget).
# RUNS=3 prints each page's median of three runs; PAGES="search.html ..."
# measures only those pages.
LIGHTHOUSE_VERSION := 12.2.3
RUNS ?= 1
PAGES ?=
lighthouse: site
	@test -x _build/lighthouse/node_modules/.bin/lighthouse || \
	    npm install --no-save --no-audit --no-fund --prefix _build/lighthouse lighthouse@$(LIGHTHOUSE_VERSION)
	$(BIN)/python tests/lighthouse.py --runs $(RUNS) $(PAGES)

# pip-tools runs in a throwaway environment: it is not needed to build or test.
lock:
	$(PYTHON) -m venv _build/lock-env
	_build/lock-env/bin/python -m pip install --quiet --disable-pip-version-check pip-tools
	_build/lock-env/bin/pip-compile --quiet --generate-hashes --all-extras --strip-extras --allow-unsafe \
	    --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean:
	rm -rf _build conf.py $(VENV) src/*.egg-info
