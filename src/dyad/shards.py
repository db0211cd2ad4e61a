"""Parquet shards: how Ray workers hand their results to the store without the driver holding them.

A worker writes the documents of one batch as a *shard*: a folder with one Parquet file per store
table (`articles.parquet`, `actors.parquet`, `mentions.parquet`, `quotes.parquet`,
`events.parquet`), in the store's own columns (`store.COLUMNS`). The folder is written under a
temporary name and renamed when complete, so a shard that exists is whole.

`load` then adds a shard to the store in one transaction: articles whose text is already stored
(same text hash) are skipped, so loading is idempotent, and the shard's name is recorded in the
`shards` table in the same transaction, so a shard is never loaded twice. After a crash, complete
shards left in the folder are loaded on the next run (`pending`) and unfinished ones removed.
"""
from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import duckdb

from . import aggregates, search
from .store import COLUMNS, SCHEMA, document_rows
from .types import Document

SHARDS_TABLE = "CREATE TABLE IF NOT EXISTS shards (name VARCHAR PRIMARY KEY, loaded_at TIMESTAMP, articles INTEGER)"
_TMP = ".tmp-"


def write(docs: list[Document], folder: str | Path, name: str | None = None) -> Path:
    """Write the documents as one shard in `folder`; returns its path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    name = name or uuid.uuid4().hex
    tmp = folder / f"{_TMP}{name}"
    tmp.mkdir()
    con = duckdb.connect(":memory:")
    try:
        con.execute(SCHEMA)
        rows: dict[str, list[list]] = {t: [] for t in COLUMNS}
        for doc in docs:
            for table, rs in document_rows(doc).items():
                rows[table] += rs
        for table, cols in COLUMNS.items():
            if rows[table]:
                con.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                                rows[table])
            out = str(tmp / f"{table}.parquet").replace("'", "''")
            con.execute(f"COPY (SELECT {', '.join(cols)} FROM {table}) TO '{out}' (FORMAT PARQUET)")
    finally:
        con.close()
    final = folder / name
    os.replace(tmp, final)
    return final


def pending(folder: str | Path) -> list[Path]:
    """Complete shards in `folder` (oldest first); unfinished ones, from a crashed worker, are removed."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    out = []
    for p in folder.iterdir():
        if p.name.startswith(_TMP):
            shutil.rmtree(p, ignore_errors=True)
        elif p.is_dir() and (p / "articles.parquet").exists():
            out.append(p)
    return sorted(out, key=lambda p: p.stat().st_mtime)


def load(con: duckdb.DuckDBPyConnection, shard: str | Path, remove: bool = True) -> dict[str, object]:
    """Add one shard to the store in one transaction. Returns counts: `stored` (new articles),
    `duplicates` (text already stored, or the shard already loaded) and `clashes` (doc_ids already
    used by a different text: not stored). With `remove`, the shard folder is deleted once loaded."""
    shard = Path(shard)
    con.execute(SHARDS_TABLE)
    aggregates.migrate(con)  # before the transaction: a store without the tables gets them first
    search.migrate(con)
    name = shard.name
    if con.execute("SELECT 1 FROM shards WHERE name = ?", [name]).fetchone():
        if remove:
            shutil.rmtree(shard, ignore_errors=True)
        return {"stored": 0, "duplicates": 0, "clashes": [], "already_loaded": True}

    def src(table: str) -> str:
        return "read_parquet('" + str(shard / f"{table}.parquet").replace("'", "''") + "')"

    con.execute("BEGIN TRANSACTION")
    try:
        # one row per text and per doc_id, none already stored
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE shard_new AS
            SELECT * FROM {src('articles')} s
            WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.text_hash = s.text_hash)
              AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.doc_id = s.doc_id)
            QUALIFY row_number() OVER (PARTITION BY text_hash ORDER BY doc_id) = 1
                AND row_number() OVER (PARTITION BY doc_id ORDER BY text_hash) = 1""")
        total = con.execute(f"SELECT count(*) FROM {src('articles')}").fetchone()[0]
        clashes = [r[0] for r in con.execute(f"""
            SELECT s.doc_id FROM {src('articles')} s JOIN articles a ON a.doc_id = s.doc_id
            WHERE a.text_hash <> s.text_hash""").fetchall()]
        cols = ", ".join(COLUMNS["articles"])
        con.execute(f"INSERT INTO articles ({cols}) SELECT {cols} FROM shard_new")
        for table in ("actors", "mentions", "quotes", "events"):
            cols = ", ".join(COLUMNS[table])
            con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {src(table)} "
                        f"WHERE doc_id IN (SELECT doc_id FROM shard_new)")
        # the derived tables read the shard's own rows, not the grown tables
        new = "WHERE doc_id IN (SELECT doc_id FROM shard_new)"
        aggregates.add(con, f"{src('events')} {new}", [])
        search.add(con, "shard_new", f"{src('actors')} {new}", [])
        stored = con.execute("SELECT count(*) FROM shard_new").fetchone()[0]
        con.execute("INSERT INTO shards VALUES (?, current_timestamp, ?)", [name, stored])
        con.execute("DROP TABLE shard_new")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    if remove:
        shutil.rmtree(shard, ignore_errors=True)
    return {"stored": stored, "duplicates": total - stored - len(clashes), "clashes": clashes}
