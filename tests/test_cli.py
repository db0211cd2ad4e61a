"""The `dyad` command end to end on a tiny corpus, bad inputs included."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb

from conftest import run_cli
from test_contract import check_contract


def _bad_inputs(folder):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "latin1.txt").write_bytes("Le ministre a rencontré l'ambassadeur à Zürich.".encode("latin-1"))
    (folder / "nottext.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (folder / "german.txt").write_text("Die Bundesregierung hat am Montag mit der chinesischen Regierung über den Handel "
                                       "und die Lage in der Ukraine gesprochen, teilte das Auswärtige Amt mit.")
    (folder / "huge.txt").write_text("Officials met in Geneva to discuss the weather. " * 110_000)
    good = json.dumps({"id": "ok-1", "date": "2024-05-01", "text": "Japan and India signed a trade agreement on Tuesday."})
    (folder / "lines.jsonl").write_text(good + "\n{broken json\n")


def test_extract_prints_contract_documents(corpus):
    r = run_cli("extract", str(corpus / "visits.jsonl"))
    assert r.returncode == 0, r.stderr.decode()
    docs = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [d["doc_id"] for d in docs] == ["t-2023-06-19-visit", "t-2024-02-24-sanctions", "t-2023-11-16-summit"]
    for d in docs:
        check_contract(d)


def test_extract_plain_text_with_date_and_stdin(corpus):
    r = run_cli("extract", "-", "--date", "2023-12-12", stdin=(corpus / "ukraine.txt").read_bytes())
    assert r.returncode == 0, r.stderr.decode()
    d = json.loads(r.stdout)
    assert d["published"] == "2023-12-12" and d["text"] == (corpus / "ukraine.txt").read_text()
    bad = run_cli("extract", str(corpus / "ukraine.txt"), "--date", "12/12/2023")
    assert bad.returncode == 2 and b"YYYY-MM-DD" in bad.stderr


def test_extract_program_ends_fast_with_its_output_complete(corpus, tmp_path):
    """`main` ends `extract` with os._exit: every document and message must still be out, with the exit code."""
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[1] / "src"))
    many = tmp_path / "many.jsonl"
    text = (corpus / "ukraine.txt").read_text()
    lines = [json.dumps({"id": f"a{i}", "date": "2024-01-02", "text": text}) for i in range(12)]
    many.write_text("\n".join(lines[:6] + ["{broken json"] + lines[6:]) + "\n")
    r = subprocess.run([sys.executable, "-c", "from dyad.cli import main; main()", "extract", str(many)],
                       capture_output=True, env=env)
    assert r.returncode == 0, r.stderr.decode()
    assert [json.loads(line)["doc_id"] for line in r.stdout.decode().splitlines()] == [f"a{i}" for i in range(12)]
    assert b"many.jsonl:7" in r.stderr, r.stderr.decode()  # the broken line is reported
    bad = subprocess.run([sys.executable, "-c", "from dyad.cli import main; main()", "extract", str(tmp_path / "none.txt")],
                         capture_output=True, env=env)
    assert bad.returncode == 1 and b"none.txt" in bad.stderr and not bad.stdout


def test_ingest_is_idempotent_and_reports_bad_inputs(corpus, tmp_path):
    _bad_inputs(corpus)
    db = tmp_path / "t.duckdb"
    r = run_cli("ingest", str(corpus), "--db", str(db))
    assert r.returncode == 0, r.stderr.decode()
    err = r.stderr.decode()
    assert "stored 6 new article(s)" in err
    for name, reason in [("empty.txt", "empty"), ("binary.txt", "binary"), ("latin1.txt", "UTF-8"),
                         ("nottext.html", "no article text"), ("german.txt", "not English"), ("huge.txt", "too large")]:
        line = next((ln for ln in err.splitlines() if name in ln), "")
        assert reason in line, (name, err)
    assert any("lines.jsonl" in ln and "2" in ln and "malformed" in ln for ln in err.splitlines()), err
    # refusals (readable, not coded) are listed apart from broken inputs
    refused, _, broken = err.partition("refused (not stored):")[2].partition("problems (not stored):")
    assert "german.txt" in refused and "huge.txt" in refused and "binary.txt" not in refused, err
    assert "binary.txt" in broken and "german.txt" not in broken, err
    con = duckdb.connect(str(db), read_only=True)
    n_articles, n_events = con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)").fetchone()
    con.close()
    assert n_articles == 6 and n_events > 0
    again = run_cli("ingest", str(corpus), "--db", str(db))
    assert "stored 0 new article(s), 6 already stored" in again.stderr.decode()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 6
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == n_events


def test_queries_and_exports(corpus, tmp_path):
    db = tmp_path / "q.duckdb"
    assert run_cli("ingest", str(corpus), "--db", str(db)).returncode == 0
    r = run_cli("dyads", "--db", str(db), "--json")
    assert r.returncode == 0, r.stderr.decode()
    rows = [json.loads(x) for x in r.stdout.decode().splitlines()]
    pairs = {(d["a"], d["b"]) for d in rows}
    assert ("CHN", "USA") in pairs
    for d in rows:
        assert d["events"] == d["verbal_coop"] + d["material_coop"] + d["verbal_conflict"] + d["material_conflict"]
    tl = run_cli("timeline", "USA", "CHN", "--db", str(db), "--by", "month", "--json")
    assert tl.returncode == 0 and b"2023-06-01" in tl.stdout and b"2023-11-01" in tl.stdout
    assert run_cli("timeline", "USA", "C!N", "--db", str(db)).returncode == 2
    assert run_cli("dyads", "--db", str(db), "--since", "yesterday").returncode == 2

    for fmt, name in (("jsonl", "e.jsonl"), ("parquet", "e.parquet"), ("gdelt", "e.tsv")):
        r = run_cli("export", "--format", fmt, "-o", str(tmp_path / name), "--db", str(db))
        assert r.returncode == 0, r.stderr.decode()
    n = len((tmp_path / "e.jsonl").read_text().splitlines())
    assert n > 0
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{tmp_path / 'e.parquet'}'").fetchone()[0] == n
    rows = list(csv.reader(open(tmp_path / "e.tsv"), delimiter="\t"))
    assert len(rows) == n and all(len(r) == 61 for r in rows)
    first = rows[0]
    assert first[26] == first[27][:3] or len(first[26]) == 3  # EventCode / EventBaseCode
    assert first[28] == first[26][:2] and first[29] in "1234"  # EventRootCode, QuadClass
    assert first[1][:4] == first[3]  # SQLDATE starts with Year


def test_ingest_never_reads_its_own_store(tmp_path):
    # `dyad ingest . --db ./x.duckdb`: the store, its lock and its log sit among the articles
    (tmp_path / "a.txt").write_text("Japan and India signed a trade agreement in Tokyo on Tuesday.")
    db = tmp_path / "x.duckdb"
    for _ in range(2):
        r = run_cli("ingest", str(tmp_path), "--db", str(db))
        assert r.returncode == 0, r.stderr.decode()
        assert "x.duckdb" not in r.stderr.decode().replace(f"store {db}", ""), r.stderr.decode()

