# dyad: two commands set everything up — `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= dyad.duckdb

.PHONY: demo test eval fuzz clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	# byte-compile the package as a non-editable install does (saves ~0.15 s of every start-up where
	# PYTHONDONTWRITEBYTECODE is set); a stale .pyc is ignored by Python, never used
	$(BIN)/python -m compileall -q src > /dev/null
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/dyad ingest examples/ --db $(DB)
	$(BIN)/dyad dyads --db $(DB) --limit 10
	$(BIN)/dyad timeline USA CHN --db $(DB) --by month
	@echo ""
	@echo "See it in the browser:  $(BIN)/dyad serve --db $(DB)   then open http://127.0.0.1:8000"

test: $(STAMP)
	bash tools/ensure-chromium
	$(BIN)/python -m pytest -q -rs

# the long fuzzing run: 10,000 generated texts through dyad.extract (README, "Bad input")
fuzz: $(STAMP)
	$(BIN)/python -m pytest -q -s tests/test_fuzz.py --hypothesis-profile=long --hypothesis-show-statistics

eval: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) $(DB) *.egg-info src/*.egg-info .pytest_cache
