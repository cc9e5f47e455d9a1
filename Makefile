# factfile: `make demo` runs the pipeline on a real sample corpus, `make test` runs the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
DEMO_DB ?= demo-output/factfile.db
STAMP  := $(VENV)/.installed
VENDOR := factfile/serve/web/static/vendor/.vendored
PLACES := factfile/extract/acled_places.tsv
ACLED  := $(SHARED)/data/acled-2022h1/records.jsonl

.PHONY: install demo test eval bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev,ukrainian,postgres,spark,pandas]'
	touch $(STAMP)

# Front-end libraries for the web UI: exact versions from package-lock.json, copied into the package.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

$(VENDOR): node_modules/.installed factfile/serve/web/vendor.mjs
	node factfile/serve/web/vendor.mjs
	touch $@

# ACLED's train-split locations as a gazetteer supplement, built here from ACLED's data (GPL-3, (c) ACLED):
# never committed nor shipped in the wheel; without the data the gazetteer is GeoNames alone.
$(PLACES): $(STAMP) train/places.py
	if [ -f $(ACLED) ]; then $(BIN)/python train/places.py --records $(ACLED); fi

install: $(STAMP) $(VENDOR) $(PLACES)

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/factfile --db $(DEMO_DB) ingest --workers 2 \
		$(SHARED)/seed-article.txt \
		$(SHARED)/data/article-extraction-benchmark/html \
		$(SHARED)/data/polnear/dev/text
	$(BIN)/factfile --db $(DEMO_DB) show "Russian Volunteer Corps"
	$(BIN)/factfile --db $(DEMO_DB) show "Denis Nikitin"
	$(BIN)/factfile --db $(DEMO_DB) stats

test: install
	$(BIN)/ruff check factfile tests eval bench train fuzz
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python eval/extraction.py
	$(BIN)/python eval/events.py

bench: $(STAMP)
	$(BIN)/python bench/pipeline.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/dossier.py

clean:
	rm -rf $(VENV) demo-output .pytest_cache node_modules factfile/serve/web/static/vendor
