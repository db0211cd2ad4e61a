"""Helpers for the API and browser tests: a store built by the real pipeline, a live server, Chromium."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from dyad.liveserver import free_port  # noqa: F401  (the tests import it from here)
from dyad.liveserver import running as live_server  # noqa: F401

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
TEXT_DATE = "2023-12-12"  # ukraine.txt has no date of its own; give it one so its events are on the timeline
CHROMIUM = os.environ.get("DYAD_CHROMIUM", "/usr/bin/chromium")  # Debian's; the variable lets one try the skip path
# No network here: stop Chromium from calling home (component updates, sync, field trials).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def build_store(pipeline, path: Path) -> list:
    """Ingest the fixture corpus into a new store at `path` with the real pipeline; the documents stored."""
    from dyad.ingest import Problem, read_all
    from dyad.store import Store

    articles = [a for a in read_all([str(CORPUS)], published=TEXT_DATE) if not isinstance(a, Problem)]
    assert len(articles) >= 5, "the fixture corpus should give five articles"
    docs = list(pipeline.pipe(articles))
    with Store(path) as store:
        for doc in docs:
            store.add(doc)
    return docs


def chromium_or_skip() -> str:
    """The path of Debian's Chromium. Without it: a failure under CI, a visible skip elsewhere."""
    if os.path.exists(CHROMIUM) and os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    reason = f"no Chromium at {CHROMIUM}: install it with `apt-get install chromium` (or run `bash tools/ensure-chromium`)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and the browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(reason)
