# factfile: `make demo` runs the pipeline on a real sample corpus, `make test` runs the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
DEMO_DB ?= demo-output/factfile.db
STAMP  := $(VENV)/.installed

.PHONY: install demo test eval bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/factfile --db $(DEMO_DB) ingest --workers 2 \
		$(SHARED)/seed-article.txt \
		$(SHARED)/data/article-extraction-benchmark/html \
		$(SHARED)/data/polnear/dev/text
	$(BIN)/factfile --db $(DEMO_DB) show "Russian Volunteer Corps"
	$(BIN)/factfile --db $(DEMO_DB) show "Denis Nikitin"
	$(BIN)/factfile --db $(DEMO_DB) stats

test: $(STAMP)
	$(BIN)/ruff check factfile tests eval bench train
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python eval/extraction.py
	$(BIN)/python eval/events.py

bench: $(STAMP)
	$(BIN)/python bench/pipeline.py

clean:
	rm -rf $(VENV) demo-output .pytest_cache
