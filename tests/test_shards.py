"""Parquet shards (the Ray workers' output): loading is whole, idempotent and resumable."""
from __future__ import annotations

import dataclasses

from dyad import shards
from dyad.store import Store
from dyad.types import Article

TEXTS = ["Ukraine's president thanked Poland for sending tanks to Kyiv on Monday.",
         "Chinese officials criticised Japan over the disputed islands.",
         "The United States imposed sanctions on Iran after the missile test."]


def _docs(pipeline):
    return [pipeline.process(Article(text=t, published="2023-03-01")) for t in TEXTS]


def _rows(con):
    return {t: con.execute(f"SELECT * EXCLUDE (ingested_at) FROM {t} ORDER BY ALL" if t == "articles" else
                           f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            for t in ("articles", "actors", "mentions", "quotes", "events")}


def test_a_loaded_shard_holds_what_store_add_writes(pipeline, tmp_path):
    docs = _docs(pipeline)
    with Store(tmp_path / "direct.duckdb") as direct:
        for d in docs:
            direct.add(d)
        expected = _rows(direct.con)
    path = shards.write(docs, tmp_path / "shards")
    with Store(tmp_path / "sharded.duckdb") as store:
        got = shards.load(store.con, path)
        assert got["stored"] == 3 and got["duplicates"] == 0
        assert _rows(store.con) == expected and expected["events"]
    assert not path.exists()  # removed once loaded


def test_loading_is_idempotent_by_text_and_by_shard(pipeline, tmp_path):
    docs = _docs(pipeline)
    folder = tmp_path / "shards"
    with Store(tmp_path / "s.duckdb") as store:
        shards.load(store.con, shards.write(docs[:2], folder))
        # the same texts again, under other doc_ids, with one new text: only the new one is added
        again = [dataclasses.replace(d, doc_id=f"other-{i}") for i, d in enumerate(docs[:2])] + [docs[2]]
        got = shards.load(store.con, shards.write(again, folder))
        assert (got["stored"], got["duplicates"]) == (1, 2)
        kept = shards.write(docs, folder, name="twice")
        shards.load(store.con, kept, remove=False)
        assert shards.load(store.con, kept)["already_loaded"]
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
        assert store.con.execute("SELECT count(DISTINCT doc_id) FROM events").fetchone()[0] == \
            sum(1 for d in docs if d.events)


def test_a_doc_id_used_by_another_text_is_reported_not_stored(pipeline, tmp_path):
    docs = _docs(pipeline)
    with Store(tmp_path / "s.duckdb") as store:
        shards.load(store.con, shards.write(docs[:1], tmp_path / "a"))
        clash = dataclasses.replace(docs[1], doc_id=docs[0].doc_id)
        got = shards.load(store.con, shards.write([clash, docs[2]], tmp_path / "b"))
        assert got["clashes"] == [docs[0].doc_id] and got["stored"] == 1
        assert store.con.execute("SELECT count(*) FROM events WHERE doc_id = ?", [docs[0].doc_id]).fetchone()[0] == \
            len(docs[0].events)


def test_after_a_crash_complete_shards_are_pending_and_unfinished_ones_removed(pipeline, tmp_path):
    folder = tmp_path / "shards"
    done = shards.write(_docs(pipeline)[:1], folder)
    unfinished = folder / ".tmp-deadbeef"
    unfinished.mkdir()
    (unfinished / "articles.parquet").write_bytes(b"PAR1 half")
    assert shards.pending(folder) == [done]
    assert not unfinished.exists()
