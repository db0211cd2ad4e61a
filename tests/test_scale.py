"""Scale-out on Ray: `dyad ingest --ray` stores what a single process stores, and picks up the
shards an interrupted run left behind."""
from __future__ import annotations

import duckdb
import pytest

from conftest import run_cli
from dyad import shards
from dyad.ingest import read_all

pytest.importorskip("ray", reason="Ray is an optional dependency: pip install 'dyad[ray]'")


def _events(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT doc_id, source_code, cameo, target_code, mentions FROM events ORDER BY ALL").fetchall()
    finally:
        con.close()


def test_ray_ingest_matches_local_ingest_and_resumes(corpus, tmp_path, pipeline):
    (corpus / "broken.jsonl").write_text('{"id": "x", "text": ""}\n')
    local, distributed = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    assert run_cli("ingest", str(corpus), "--db", str(local)).returncode == 0
    # an interrupted earlier run: one article's shard written but never loaded, and a half-written one
    first = next(a for a in read_all([str(corpus)]) if not hasattr(a, "reason"))
    folder = tmp_path / "ray.duckdb.shards"
    left = shards.write([pipeline.process(first)], folder)
    (folder / ".tmp-unfinished").mkdir()
    r = run_cli("ingest", str(corpus), "--db", str(distributed), "--ray", "--workers", "1", "--batch-size", "2")
    assert r.returncode == 0, r.stderr.decode()
    err = r.stderr.decode()
    assert "stored 5 new article(s), 1 already stored" in err and "broken.jsonl:1: missing or empty 'text'" in err
    assert _events(distributed) == _events(local) and _events(local)
    assert not left.exists() and not list(folder.iterdir())  # every shard loaded and removed
