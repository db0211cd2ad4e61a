"""One-sided events through the store, its migration, the queries, the exports and the API.

Extraction keeps events with one side; the store flags them; queries count two-sided events unless
asked; a store written before the flag existed is upgraded when opened for writing.
"""
from __future__ import annotations

import csv

import duckdb
import pytest
from fastapi.testclient import TestClient

from conftest import analyse, stored
from dyad import query
from dyad.api import create_app
from dyad.store import Store

# one two-sided event (sanctions) and one with a source only (a missile launch, no target)
TEXT = ("Turkey imposed sanctions on Iran on Monday. North Korea launched a ballistic missile on Tuesday. "
        "Iran condemned Turkey on Wednesday.")


@pytest.fixture(scope="module")
def doc(pipeline):
    d = analyse(pipeline, TEXT, "2024-03-06", doc_id="os1")
    assert any(e.one_sided for e in d.events) and any(not e.one_sided for e in d.events)
    return d


@pytest.fixture
def db(tmp_path, doc):
    return stored(tmp_path / "s.duckdb", [doc])


def test_store_flags_one_sided_events_with_the_missing_side_empty(db, doc):
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT source_country, target, target_code, target_country, one_sided FROM events"
                       " ORDER BY event_no").fetchall()
    assert len(rows) == len(doc.events)
    alone = [r for r in rows if r[4]]
    assert alone and all(r[1] is None and r[2] is None and r[3] is None for r in alone)
    assert ("PRK", None, None, None, True) in rows
    assert all(r[1] is not None for r in rows if not r[4])


def test_old_store_is_migrated_in_place(tmp_path, doc):
    """A store made by the schema before the flag, holding rows of the old one-sided mode."""
    path = tmp_path / "old.duckdb"
    with Store(path) as s:
        s.add(doc)
        s.con.execute("ALTER TABLE events DROP COLUMN one_sided")
    con = duckdb.connect(str(path))
    assert "one_sided" not in [r[0] for r in con.execute("DESCRIBE events").fetchall()]
    con.close()
    with Store(path) as s:
        flags = s.con.execute("SELECT target IS NULL OR source IS NULL, one_sided FROM events").fetchall()
        assert flags and all(missing == flag for missing, flag in flags)
        assert any(flag for _, flag in flags)


def test_queries_count_two_sided_unless_asked(db):
    con = duckdb.connect(str(db), read_only=True)
    plain = query.dyads(con)
    assert plain and all(r["b"] is not None for r in plain)
    both = query.dyads(con, one_sided=True)
    alone = [r for r in both if r["b"] is None]
    assert [(r["a"], r["events"]) for r in alone] == [("PRK", 1)]
    assert sum(r["events"] for r in both) == sum(r["events"] for r in plain) + 1
    assert query.dyads(con, actor="PRK") == []
    assert [r["a"] for r in query.dyads(con, actor="PRK", one_sided=True)] == ["PRK"]

    tl = query.timeline(con, "PRK", "IRN", by="year")
    assert tl == []
    tl = query.timeline(con, "PRK", "IRN", by="year", one_sided=True)
    assert [(r["events"], r["one_sided"]) for r in tl] == [(1, 1)]
    tl = query.timeline(con, "TUR", "IRN", by="year", one_sided=True)
    assert sum(r["events"] for r in tl) == sum(r["events"] for r in query.timeline(con, "TUR", "IRN", by="year"))


def test_an_actors_one_sided_events(db):
    con = duckdb.connect(str(db), read_only=True)
    got = query.one_sided_events(con, "North Korea")
    assert [(r["source_code"], r["target_code"], r["cameo"][:2]) for r in got] == [("PRK", None, "15")]
    assert query.one_sided_events(con, "prk") == got
    assert query.one_sided_events(con, "Turkey") == []
    with pytest.raises(query.QueryError):
        query.one_sided_events(con, " ")


def test_gdelt_export_leaves_the_missing_actor_blank(db, tmp_path):
    con = duckdb.connect(str(db), read_only=True)
    cols = query.gdelt_columns()
    out = tmp_path / "e.tsv"
    n = query.export(con, out, "gdelt")
    rows = [dict(zip(cols, r)) for r in csv.reader(open(out), delimiter="\t")]
    assert len(rows) == n == con.execute("SELECT count(*) FROM events").fetchone()[0]
    prk = [r for r in rows if r["Actor1Code"] == "PRK"]
    assert len(prk) == 1
    assert all(prk[0][c] == "" for c in cols if c.startswith("Actor2"))
    assert prk[0]["EventRootCode"] == "15"
    assert any(r["Actor2Code"] for r in rows)


def test_api_carries_one_sided_events(db, pipeline):
    with TestClient(create_app(db, pipeline=pipeline)) as c:
        assert all(r["b"] is not None for r in c.get("/api/dyads").json())
        assert any(r["b"] is None and r["a"] == "PRK" for r in c.get("/api/dyads?one_sided=true").json())
        tl = c.get("/api/timeline?a=PRK&b=IRN&by=year&one_sided=true").json()
        assert [r["one_sided"] for r in tl] == [1]
        got = c.get("/api/one-sided?actor=PRK").json()
        assert [r["source_code"] for r in got] == ["PRK"]
        doc = c.get("/api/articles/os1").json()
        assert any(e["one_sided"] and e["target"] is None for e in doc["events"])


def test_cli_options_for_one_sided_events(db):
    import json

    from conftest import run_cli

    r = run_cli("dyads", "--db", str(db), "--json")
    assert r.returncode == 0 and all(json.loads(x)["b"] for x in r.stdout.decode().splitlines())
    r = run_cli("dyads", "--db", str(db), "--json", "--one-sided")
    assert any(json.loads(x)["b"] is None for x in r.stdout.decode().splitlines())
    r = run_cli("actors", "North Korea", "--db", str(db))
    assert r.returncode == 0 and "one-sided events of North Korea" in r.stdout.decode()
    assert "launched" in r.stdout.decode()
