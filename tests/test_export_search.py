"""Exports and search on awkward values: tabs and line breaks in GDELT fields, LIKE wildcards typed
as text, a quote in an output file name, Ctrl-C, and long tokens in warnings."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from conftest import analyse, run_cli, stored
from dyad import query

SENTENCES = [
    "The United States imposed sanctions on Russia on Friday. Russia condemned the United States.",
    "China accused Japan of provocations near the islands. Japan rejected the accusation from China.",
    "India and Pakistan agreed to hold talks on water sharing in Islamabad next month.",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory, pipeline):
    # sources with a tab, a line break and a carriage return, as a scraped URL or name may hold
    docs = [analyse(pipeline, text, "2024-02-24", doc_id=f"d{i}", title=f"50% of {i}",
                    source=f"http://news.example/a\tb?{i}\nnext\r\nline_{i}") for i, text in enumerate(SENTENCES)]
    assert all(doc.events for doc in docs)
    return stored(tmp_path_factory.mktemp("exp") / "s.duckdb", docs)


def test_gdelt_rows_have_61_fields_and_no_breaks(db, tmp_path):
    con = duckdb.connect(str(db), read_only=True)
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    out = tmp_path / "e.tsv"
    assert query.export(con, out, "gdelt") == n_events
    raw = out.read_bytes().decode("utf-8")
    lines = raw.split("\n")
    assert lines[-1] == "" and len(lines) - 1 == n_events  # one line per event, ending in a newline
    fields = [line.split("\t") for line in lines[:-1]]
    assert all(len(f) == 61 for f in fields) and "\r" not in raw
    urls = {f[60] for f in fields}
    assert urls == {f"http://news.example/a b?{i} next line_{i}" for i in range(len(SENTENCES))}
    con.close()


def test_like_wildcards_are_literal_in_search(db):
    con = duckdb.connect(str(db), read_only=True)
    assert query.articles(con, q="%")["total"] == 3  # the titles say "50% of"
    assert query.articles(con, q="_")["total"] == 0  # no text or title holds an underscore
    assert query.articles(con, q="50%")["total"] == 3 and query.articles(con, q="5_%")["total"] == 0
    assert query.articles(con, q="Ja%n")["total"] == 0 and query.articles(con, q="Japan")["total"] == 1
    assert query.actors(con, q="%") == [] and query.actors(con, q="_") == []
    assert not query.known_actor(con, "%")
    con.close()


def test_export_to_a_file_name_with_a_quote(db, tmp_path):
    target = tmp_path / "it's.parquet"
    r = run_cli("export", "--format", "parquet", "-o", str(target), "--db", str(db))
    assert r.returncode == 0, r.stderr.decode()
    assert target.exists() and not (tmp_path / "its.parquet").exists()
    assert str(target) in r.stderr.decode().replace("\n", "")
    n = duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [str(target)]).fetchone()[0]
    assert n == duckdb.connect(str(db), read_only=True).execute("SELECT count(*) FROM events").fetchone()[0]


def test_long_token_is_cut_short_in_warnings(pipeline):
    token = "x" * 2500 + "Beijing" + "y" * 2500  # a fused "word" thousands of characters long
    doc = analyse(pipeline, f"China said on Monday that {token} talks would go on. Japan agreed.")
    assert doc.warnings and max(len(w) for w in doc.warnings) < 200


def test_ctrl_c_says_so_and_exits_nonzero(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(400):
        (folder / f"a{i}.txt").write_text(f"China and Japan held talks in Tokyo on Monday, round {i}. "
                                          "The ministers met again on Tuesday.")
    db = tmp_path / "s.duckdb"
    exe = Path(sys.executable).with_name("dyad")
    env = dict(os.environ, COLUMNS="200", NO_COLOR="1", TERM="dumb")
    proc = subprocess.Popen([str(exe), "ingest", str(folder), "--db", str(db), "--batch-size", "4"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    while not Path(f"{db}").exists() and time.monotonic() < deadline:  # the store exists: ingesting now
        time.sleep(0.2)
    time.sleep(3)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    err = err.decode()
    assert proc.returncode == 130, err
    assert "interrupted (Ctrl-C)" in err and "Traceback" not in err
    stored = int(re.search(r"stored (\d+) new article\(s\) of 400", err)[1])
    assert 0 < stored < 400
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == stored
    con.close()
