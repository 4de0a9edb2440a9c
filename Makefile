# Micro-internship board. Shaped like the Makefile pelican-quickstart writes, plus our
# own targets. Every target creates and uses .venv itself: no manual installs.

PY?=python3
VENV?=$(CURDIR)/.venv
BIN=$(VENV)/bin
PELICAN?=$(BIN)/pelican
PELICANOPTS=

BASEDIR=$(CURDIR)
INPUTDIR=$(BASEDIR)/content
OUTPUTDIR=$(BASEDIR)/output
CONFFILE=$(BASEDIR)/pelicanconf.py
PUBLISHCONF=$(BASEDIR)/publishconf.py

GITHUB_PAGES_BRANCH=gh-pages
GITHUB_PAGES_COMMIT_MESSAGE=Generate board content

DEBUG ?= 0
ifeq ($(DEBUG), 1)
	PELICANOPTS += -D
endif

RELATIVE ?= 0
ifeq ($(RELATIVE), 1)
	PELICANOPTS += --relative-urls
endif

# Port and bind address only mean something to the commands that serve (-l).
SERVER ?= "127.0.0.1"
PORT ?= 8000
SERVEOPTS=
ifneq ($(PORT), 0)
	SERVEOPTS += -p $(PORT)
endif
ifneq ($(SERVER), 0)
	SERVEOPTS += -b $(SERVER)
endif

CHROMIUM ?= /usr/bin/chromium

help:
	@echo 'Makefile for the micro-internship board'
	@echo ''
	@echo 'Usage:'
	@echo '   make html                 (re)generate the board from content/'
	@echo '   make clean                remove the generated files'
	@echo '   make regenerate           regenerate files upon modification'
	@echo '   make publish              generate using production settings'
	@echo '   make serve [PORT=8000]    serve site at http://localhost:8000'
	@echo '   make devserver [PORT=8000] serve and regenerate together'
	@echo '   make github               upload the web site via gh-pages'
	@echo '   make validate             check every posting and programme (content/postings/, the samples, content/programmes/)'
	@echo '   make new-posting          answer questions, get a valid posting file'
	@echo '   make scrape               run the scheduled scrapers (scrapers/sources.toml)'
	@echo '   make check-links          check the apply link of every open posting (Last-Verified, closes dead ones)'
	@echo '   make test                 run every test (installs Chromium if missing)'
	@echo '   make test-quick           every test but the full XSS corpus in Chromium (-m "not slow")'
	@echo '   make check                validity checks of the built site (HTML, feeds, JSON-LD; -m check)'
	@echo '   make bench                benchmarks: prints a table, writes bench/results.json'
	@echo '   make hugo                 install Hugo from Debian (second anchor of make bench, which tries it)'
	@echo '   make lighthouse           install Lighthouse from npm, pinned (make bench tries it)'
	@echo ''
	@echo 'Set the DEBUG variable to 1 to enable debugging, e.g. make DEBUG=1 html'
	@echo 'Set the RELATIVE variable to 1 to enable relative urls'

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

venv: $(BIN)/.installed

# $(call apt_install,package,VARIABLE): install a Debian package, as root or with sudo,
# waiting up to ten minutes for another apt to let go of its lock.
define apt_install
	@command -v apt-get >/dev/null || { echo "Install $(1) and set $(2)=/path/to/$(1)"; exit 1; }
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive \
	  $$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq $(1) >/dev/null
endef

# Browser tests drive Debian's Chromium (Playwright cannot download browsers here).
$(CHROMIUM):
	$(call apt_install,chromium,CHROMIUM)

browser: $(CHROMIUM)

# Hugo from Debian, the second anchor of the build benchmark (bench/hugo.py).
HUGO ?= /usr/bin/hugo
$(HUGO):
	$(call apt_install,hugo,HUGO)

hugo: $(HUGO)

# The Nu HTML Checker (vnu-jar from npm, pinned), run with Java, for `make check`.
VNU_VERSION=26.9.27
VNU_JAR=$(CURDIR)/.cache/npm/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR):
	@command -v java >/dev/null || { [ "$$(id -u)" = 0 ] && SUDO= || SUDO=sudo; \
	  $$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive \
	  $$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq default-jre-headless >/dev/null; }
	npm install --prefix $(CURDIR)/.cache/npm --no-audit --no-fund --silent vnu-jar@$(VNU_VERSION)

# acorn (npm, pinned) reads our scripts' syntax trees: tests/site/test_minify.py checks that
# minifying them (plugins/board_site/minify.py) changes none.
ACORN_VERSION=8.15.0
ACORN=$(CURDIR)/.cache/npm/node_modules/acorn/package.json
$(ACORN):
	@command -v npm >/dev/null || { echo "Install Node.js and npm for acorn"; exit 1; }
	npm install --prefix $(CURDIR)/.cache/npm --no-audit --no-fund --silent acorn@$(ACORN_VERSION)

vnu: $(VNU_JAR) $(ACORN)

# Lighthouse from npm, pinned, for the bench's Lighthouse part (bench/lighthouse.py) and its
# test. 12.8.2 is the newest that runs on Debian's/NodeSource's Node 20 (13.x wants >= 22.19).
LIGHTHOUSE_VERSION=12.8.2
LIGHTHOUSE=$(CURDIR)/.cache/npm/node_modules/.bin/lighthouse
$(LIGHTHOUSE):
	@command -v npm >/dev/null || { echo "Install Node.js and npm (apt-get install nodejs npm) for Lighthouse"; exit 1; }
	npm install --prefix $(CURDIR)/.cache/npm --no-audit --no-fund --silent lighthouse@$(LIGHTHOUSE_VERSION)

lighthouse: $(LIGHTHOUSE)

html: venv
	"$(PELICAN)" "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

clean:
	[ ! -d "$(OUTPUTDIR)" ] || rm -rf "$(OUTPUTDIR)"

regenerate: venv
	"$(PELICAN)" -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: venv
	"$(PELICAN)" -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) $(SERVEOPTS)

serve-global: venv
	"$(PELICAN)" -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -p $(PORT) -b 0.0.0.0

devserver: venv
	"$(PELICAN)" -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) $(SERVEOPTS)

publish: venv
	"$(PELICAN)" "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" $(PELICANOPTS)

github: publish
	$(BIN)/python -m pip install --quiet ghp-import==2.1.0
	$(BIN)/ghp-import -m "$(GITHUB_PAGES_COMMIT_MESSAGE)" -b $(GITHUB_PAGES_BRANCH) "$(OUTPUTDIR)" --no-jekyll
	git push origin $(GITHUB_PAGES_BRANCH)

validate: venv
	$(BIN)/python -m board.validate content/postings content/samples/postings content/programmes

new-posting: venv
	$(BIN)/python -m board.new_posting

scrape: venv
	$(BIN)/python -m scrapers $(SCRAPE_ARGS)

check-links: venv
	$(BIN)/python -m scrapers.linkcheck $(LINKCHECK_ARGS)

test: venv browser vnu
	-@$(MAKE) --no-print-directory hugo  # the bench anchor tests skip, with the reason, when Hugo cannot be installed
	-@$(MAKE) --no-print-directory lighthouse  # and the Lighthouse test, when Lighthouse cannot be installed
	HUGO=$(HUGO) VNU_JAR=$(VNU_JAR) $(BIN)/python -m pytest $(PYTEST_ARGS)

test-quick: venv browser vnu
	VNU_JAR=$(VNU_JAR) $(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

check: venv browser vnu
	VNU_JAR=$(VNU_JAR) $(BIN)/python -m pytest -m check $(PYTEST_ARGS)

# A failed Hugo or Lighthouse install does not stop the bench: its row says why (make -k semantics by hand).
bench: venv browser
	-$(MAKE) --no-print-directory hugo
	-$(MAKE) --no-print-directory lighthouse
	HUGO=$(HUGO) $(BIN)/python -m bench $(BENCH_ARGS)

.PHONY: help venv browser hugo vnu lighthouse html clean regenerate serve serve-global devserver publish github validate new-posting scrape check-links test test-quick check bench
