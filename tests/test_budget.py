"""The per-article time budget: an article over it is reported as one line and skipped; the batch goes on."""
from __future__ import annotations

import threading
import time

import pytest

from conftest import run_cli
from dyad import budget
from dyad.types import Article, DyadError


def test_budget_stops_a_python_loop_that_never_checks():
    """In the main thread a timer interrupts code that has no check() in it (a stage stuck in a loop)."""
    t0 = time.monotonic()
    with pytest.raises(budget.TimeBudgetExceeded) as info:
        with budget.limit(0.3, 1234):
            while True:
                pass
    assert time.monotonic() - t0 < 5
    assert "0.3 s for 1,234 characters" in str(info.value) and isinstance(info.value, DyadError)


def test_budget_check_works_in_other_threads():
    """Away from the main thread (the API's thread pool, a library user's thread) the stages' check() stops it."""
    got = []

    def work():
        try:
            with budget.limit(0.2):
                while True:
                    budget.check()
        except budget.TimeBudgetExceeded as exc:
            got.append(exc)

    t = threading.Thread(target=work)
    t.start()
    t.join(10)
    assert not t.is_alive() and len(got) == 1


def test_a_stage_fallback_cannot_swallow_the_deadline():
    """A stage that catches Exception to keep going (the quote stage does) must not hide the overrun."""
    with pytest.raises(budget.TimeBudgetExceeded):
        with budget.limit(0.1):
            while True:
                try:
                    budget.check()
                except Exception:  # what a stage's fallback looks like
                    pass


def test_budget_figures_and_env(monkeypatch):
    assert budget.seconds_for(500, 2.0) == 2.0 and budget.seconds_for(50_000, 2.0) == 10.0
    assert budget.seconds_for(50_000, 0) == 0
    monkeypatch.setenv(budget.ENV, "0.5")
    assert budget.per_10k() == 0.5
    monkeypatch.setenv(budget.ENV, "soon")
    with pytest.raises(DyadError, match="DYAD_TIME_BUDGET"):
        budget.per_10k()


def test_results_report_an_overrun_in_place(pipeline):
    """Pipeline.results gives every article back: a document, or why it was skipped."""
    arts = [Article(text="China and Japan held talks in Tokyo on Monday about fishing rights.", doc_id=f"a{i}")
            for i in range(3)]
    saved = pipeline.time_budget
    try:
        pipeline.time_budget = 1e-9
        out = list(pipeline.results(arts, batch_size=2))
    finally:
        pipeline.time_budget = saved
    assert [a.doc_id for a, _ in out] == ["a0", "a1", "a2"]
    assert all(isinstance(r, str) and "time budget" in r for _, r in out)
    assert [r.doc_id for _, r in pipeline.results(arts)] == ["a0", "a1", "a2"]


def test_ingest_reports_each_article_over_budget_and_goes_on(corpus, tmp_path):
    db = tmp_path / "s.duckdb"
    r = run_cli("ingest", str(corpus), "--db", str(db), "--time-budget", "0.000001")
    err = r.stderr.decode()
    assert r.returncode == 0, err
    assert err.count("took longer than its time budget") == 5 and "stored 0 new article(s)" in err
    assert "Traceback" not in err
    r = run_cli("ingest", str(corpus), "--db", str(db))  # the same batch with the default budget: all stored
    assert r.returncode == 0 and "stored 5 new article(s)" in r.stderr.decode()
