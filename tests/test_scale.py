"""Scale-out on Ray: `dyad ingest --ray` stores what a single process stores."""
from __future__ import annotations

import duckdb
import pytest

from conftest import run_cli

pytest.importorskip("ray", reason="Ray is an optional dependency: pip install 'dyad[ray]'")


def _events(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT doc_id, source_code, cameo, target_code, mentions FROM events ORDER BY ALL").fetchall()
    finally:
        con.close()


def test_ray_ingest_matches_local_ingest(corpus, tmp_path):
    (corpus / "broken.jsonl").write_text('{"id": "x", "text": ""}\n')
    local, distributed = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    assert run_cli("ingest", str(corpus), "--db", str(local)).returncode == 0
    r = run_cli("ingest", str(corpus), "--db", str(distributed), "--ray", "--workers", "1", "--batch-size", "2")
    assert r.returncode == 0, r.stderr.decode()
    err = r.stderr.decode()
    assert "stored 5 new article(s)" in err and "broken.jsonl:1: missing or empty 'text'" in err
    assert _events(distributed) == _events(local) and _events(local)
