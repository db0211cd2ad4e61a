"""One store, several processes: `dyad ingest` while `dyad serve` runs, readers during an ingest,
and a second writer refused in one line. Real processes, a real DuckDB file, a real Chromium."""
from __future__ import annotations

import json
import os
import subprocess
import threading
import time
import urllib.request

import pytest

from conftest import run_cli
from webfixtures import CHROMIUM_ARGS, build_store, chromium_or_skip, free_port

NEW = ("Brazil and Argentina signed a trade agreement in Brasilia on Tuesday, the foreign ministers "
       "of both countries said after two days of talks.")


def _get(url: str):
    with urllib.request.urlopen(url, timeout=20) as r:
        return json.loads(r.read())


def _dyad_cmd() -> list[str]:
    import sys
    from pathlib import Path

    exe = Path(sys.executable).with_name("dyad")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "dyad.cli"]


@pytest.mark.browser
def test_ingest_while_serve_runs_and_the_page_shows_the_new_article(tmp_path, pipeline):
    chromium = chromium_or_skip()
    db = tmp_path / "store.duckdb"
    build_store(pipeline, db)
    port = free_port()
    server = subprocess.Popen([*_dyad_cmd(), "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                before = _get(base + "/api/articles?q=Argentina")["total"]
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "dyad serve did not answer"
                time.sleep(0.3)
        assert before == 0
        (tmp_path / "new.txt").write_text(NEW, encoding="utf-8")
        r = run_cli("ingest", str(tmp_path / "new.txt"), "--db", str(db), "--date", "2024-03-05")
        assert r.returncode == 0 and "stored 1 new article(s)" in r.stderr.decode(), r.stderr.decode()
        assert server.poll() is None  # the server is still up
        found = _get(base + "/api/articles?q=Argentina")
        assert found["total"] == 1

        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(base + "/search?q=Argentina")
            link = page.locator(f"a[href*='{found['articles'][0]['doc_id']}']").first
            link.click()
            page.wait_for_load_state()
            assert "Brasilia" in page.locator("body").inner_text()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_second_writer_gets_one_line(tmp_path):
    from dyad.store import WriterLock

    db = tmp_path / "s.duckdb"
    (tmp_path / "a.txt").write_text(NEW, encoding="utf-8")
    with WriterLock(db):  # what a running `dyad ingest` holds
        r = run_cli("ingest", str(tmp_path / "a.txt"), "--db", str(db))
    err = r.stderr.decode().strip()
    assert r.returncode == 1
    assert err == f"the store is being written by another dyad ingest (pid {os.getpid()})"
    r = run_cli("ingest", str(tmp_path / "a.txt"), "--db", str(db))  # the lock is gone with its holder
    assert r.returncode == 0 and "stored 1 new article(s)" in r.stderr.decode()


def test_readers_wait_for_a_writers_batch_instead_of_failing(tmp_path, pipeline):
    from dyad.store import Store

    db = tmp_path / "s.duckdb"
    build_store(pipeline, db)
    writer = Store(db)  # holds the file the way an ingest does while it writes a batch
    release = threading.Timer(2.0, writer.close)
    release.start()
    try:
        t0 = time.monotonic()
        r = run_cli("dyads", "--db", str(db), "--json")
        assert r.returncode == 0, r.stderr.decode()
        assert time.monotonic() - t0 >= 1.5 and '"a": "CHN"' in r.stdout.decode()
        r = run_cli("export", "--format", "jsonl", "-o", str(tmp_path / "e.jsonl"), "--db", str(db))
        assert r.returncode == 0 and (tmp_path / "e.jsonl").stat().st_size > 0
    finally:
        release.join()
