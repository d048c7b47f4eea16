# Two commands from a fresh clone: `make run` and `make test`. Both build .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEV := DEBUG=1

.PHONY: run test test-suite test-browser lint bench bench-scale messages clean screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# A stamp per install, so a changed pyproject.toml reinstalls and an unchanged one costs nothing.
$(VENV)/.installed-app: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[build]"
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[build,test,postgres,redis,browser,s3]"
	touch $@ $(VENV)/.installed-app

# Translations are compiled from the .po files on every build (polib, from the `build`
# extra: no gettext needed):
# django.po for templates and Python, djangojs.po for the admin's scripts.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))

locale/%.mo: locale/%.po $(VENV)/.installed-app
	$(BIN)/python -c "import polib, sys; polib.pofile(sys.argv[1]).save_as_mofile(sys.argv[2])" $< $@

# Needs GNU gettext (xgettext, msgmerge); only to update the .po files, not to build.
messages: $(VENV)/.installed-test
	$(DEV) $(BIN)/python manage.py makemessages -l ja \
		--ignore=.venv --ignore=tests --ignore=staticfiles --ignore=bench
	$(DEV) $(BIN)/python manage.py makemessages -d djangojs -l ja \
		--ignore=.venv --ignore=staticfiles --ignore=node_modules

run: $(VENV)/.installed-app $(MO_FILES)
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py load_demo
	$(DEV) $(BIN)/python manage.py createinitialrevisions -v0 --comment "Demo content"
	$(DEV) $(BIN)/python manage.py create_editor
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:8000

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# The whole suite but the real-browser tests (those need chromium: `make test-browser`),
# on every core (pytest-xdist): each worker has its own test database and Redis database.
test-suite: $(VENV)/.installed-test $(MO_FILES)
	$(BIN)/pytest -m "not browser" -n auto

test: lint test-suite

# The Nu Html Checker and Lighthouse, from the npm registry (package-lock.json pins them).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# The browser tests on both cores, then Lighthouse alone: its timings are the page's
# only while nothing else runs.
test-browser: $(VENV)/.installed-test $(MO_FILES) node_modules/.installed
	$(BIN)/pytest -m browser tests/browser -n 2 --ignore=tests/browser/test_lighthouse.py
	$(BIN)/pytest -m browser tests/browser/test_lighthouse.py

# The README's screenshots (docs/screenshots/), from the demo content, with the browser
# tests' chromium. A Japanese font (apt-get install -y fonts-ipafont-gothic) keeps 日本語
# from showing as boxes.
screenshots: $(VENV)/.installed-test $(MO_FILES)
	$(BIN)/python docs/screenshots.py

clean:
	rm -rf $(VENV) staticfiles node_modules

# The fault rows (bench/faults) use the test helpers, PostgreSQL and redis-server.
bench: $(VENV)/.installed-test $(MO_FILES)
	bash bench/run

# Every kind of page at 100 and at 20,000 synthetic articles (make_bulk) on the local
# PostgreSQL, in databases of their own that the script makes and drops; about 8 minutes.
bench-scale: $(VENV)/.installed-test $(MO_FILES)
	$(BIN)/python bench/scale
