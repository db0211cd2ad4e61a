"""The DuckDB store: one file, one table per record type, each article written in one transaction.

An article is keyed by the SHA-256 of its text, so ingesting the same text twice stores it once.
Rows of an article (its actors, mentions, quotes, events) are written together or not at all.
The full contract document is kept as JSON beside the rows, so the API can return it unchanged.

Sharing the file: DuckDB lets one process write or many read, never both at once. So no one holds
it for long: `dyad ingest` opens it to write a batch of finished articles and closes it again,
readers (`dyad serve` per request, `dyad dyads`, `export`) open it read-only for one question,
and each side waits briefly (`connect(wait=...)`) for the other. Writers take `WriterLock`, a
lock file beside the store holding their pid, so a second `dyad ingest` is told who is writing.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import duckdb

from .types import Document, DyadError

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    doc_id      VARCHAR PRIMARY KEY,
    text_hash   VARCHAR UNIQUE NOT NULL,
    title       VARCHAR,
    published   DATE,
    source      VARCHAR,
    text        VARCHAR NOT NULL,
    ingested_at TIMESTAMP DEFAULT current_timestamp,
    n_actors    INTEGER,
    n_quotes    INTEGER,
    n_events    INTEGER,
    warnings    VARCHAR[],
    document    JSON
);
CREATE TABLE IF NOT EXISTS actors (
    doc_id VARCHAR, actor_id VARCHAR, name VARCHAR, kind VARCHAR, code VARCHAR, country VARCHAR, role VARCHAR,
    n_mentions INTEGER, link JSON, kb_id VARCHAR,
    PRIMARY KEY (doc_id, actor_id)
);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR, actor_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR, form VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    doc_id VARCHAR, quote_no INTEGER, start_char INTEGER, end_char INTEGER, text VARCHAR, kind VARCHAR,
    speaker VARCHAR, speaker_name VARCHAR, cue VARCHAR,
    PRIMARY KEY (doc_id, quote_no)
);
CREATE TABLE IF NOT EXISTS events (
    doc_id VARCHAR, event_no INTEGER,
    source VARCHAR, source_code VARCHAR, source_country VARCHAR, source_name VARCHAR,
    target VARCHAR, target_code VARCHAR, target_country VARCHAR, target_name VARCHAR,
    cameo VARCHAR, root VARCHAR, quad_class INTEGER, goldstein DOUBLE, plover VARCHAR, name VARCHAR,
    start_char INTEGER, end_char INTEGER, trigger VARCHAR, negated BOOLEAN, event_date DATE, mentions INTEGER,
    sentence VARCHAR, place VARCHAR, one_sided BOOLEAN,
    PRIMARY KEY (doc_id, event_no)
);
"""
# Columns added after the first release, for stores created before them.
MIGRATIONS = ["ALTER TABLE events ADD COLUMN IF NOT EXISTS place VARCHAR",
              # stores of the `--one-sided` mode hold one-sided rows that predate the flag
              "ALTER TABLE events ADD COLUMN IF NOT EXISTS one_sided BOOLEAN",
              "UPDATE events SET one_sided = (source IS NULL OR target IS NULL) WHERE one_sided IS NULL",
              # how a mention names its actor (Mention.form); NULL in rows stored before it
              "ALTER TABLE mentions ADD COLUMN IF NOT EXISTS form VARCHAR"]


# The columns each writer fills, in order (articles.ingested_at takes its default). One list for
# Store.add and for the Parquet shards of `dyad ingest --ray` (dyad.shards), so they cannot drift.
COLUMNS = {
    "articles": ["doc_id", "text_hash", "title", "published", "source", "text", "n_actors", "n_quotes", "n_events",
                 "warnings", "document"],
    "actors": ["doc_id", "actor_id", "name", "kind", "code", "country", "role", "n_mentions", "link", "kb_id"],
    "mentions": ["doc_id", "actor_id", "start_char", "end_char", "text", "form"],
    "quotes": ["doc_id", "quote_no", "start_char", "end_char", "text", "kind", "speaker", "speaker_name", "cue"],
    "events": ["doc_id", "event_no", "source", "source_code", "source_country", "source_name", "target", "target_code",
               "target_country", "target_name", "cameo", "root", "quad_class", "goldstein", "plover", "name",
               "start_char", "end_char", "trigger", "negated", "event_date", "mentions", "sentence", "place",
               "one_sided"],
}


def document_rows(doc: Document) -> dict[str, list[list]]:
    """The rows of one document, per table, in the order of COLUMNS."""
    return {
        "articles": [[doc.doc_id, doc.text_hash, doc.title, doc.published, doc.source, doc.text, len(doc.actors),
                      len(doc.quotes), len(doc.events), doc.warnings, json.dumps(doc.to_dict(), ensure_ascii=False)]],
        "actors": [[doc.doc_id, a.id, a.name, a.kind, a.code, a.country, a.role, len(a.mentions), json.dumps(a.link),
                    a.kb_id] for a in doc.actors],
        "mentions": [[doc.doc_id, a.id, m.start, m.end, m.text, m.form] for a in doc.actors for m in a.mentions],
        "quotes": [[doc.doc_id, i, q.start, q.end, q.text, q.kind, q.speaker, q.speaker_name, q.cue]
                   for i, q in enumerate(doc.quotes)],
        "events": [[doc.doc_id, i, e.source, e.source_code, e.source_country, e.source_name, e.target, e.target_code,
                    e.target_country, e.target_name, e.cameo, e.root, e.quad_class, e.goldstein, e.plover, e.name,
                    e.start, e.end, e.trigger, e.negated, e.date, e.mentions, e.sentence, e.place,
                    e.source is None or e.target is None] for i, e in enumerate(doc.events)],
    }


class StoreBusy(DyadError):
    """The store file is held by another process for longer than we were willing to wait."""


def _lock_path(path: str) -> Path:
    return Path(f"{path}.lock")


def writer_pid(path: str) -> int | None:
    """The pid of the `dyad ingest` writing the store now, if one is (from its lock file)."""
    lock = _lock_path(path)
    try:
        import fcntl

        with open(lock, "r+") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except OSError:  # held: the pid written in it is the writer's
                return int(fh.read().strip() or 0) or None
            fcntl.flock(fh, fcntl.LOCK_UN)
    except (OSError, ValueError, ImportError):
        pass
    return None


def busy_message(path: str) -> str:
    pid = writer_pid(path)
    if pid:
        return f"the store is being written by another dyad ingest (pid {pid})"
    return f"the store {path} is in use by another program"


def connect(path: str | Path, read_only: bool = False, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection, retrying for up to `wait` seconds while another process holds the file."""
    path = str(path)
    deadline = time.monotonic() + wait
    pause = 0.02
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() + pause > deadline:
                raise StoreBusy(busy_message(path)) from None
            time.sleep(pause)
            pause = min(pause * 2, 0.25)


class WriterLock:
    """One writer per store: an exclusive lock on `<store>.lock`, which holds the writer's pid.

    The lock is an flock, so the system drops it when the process dies (even by kill -9); a stale
    file left behind is simply taken over.
    """

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._fh = None

    def __enter__(self) -> "WriterLock":
        if self.path == ":memory:":
            return self
        try:
            import fcntl
        except ImportError:  # not POSIX: DuckDB's own lock still keeps a second writer out
            return self
        fh = open(_lock_path(self.path), "a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.seek(0)
            pid = fh.read().strip()
            fh.close()
            raise StoreBusy(f"the store is being written by another dyad ingest (pid {pid or '?'})") from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh
        return self

    def __exit__(self, *exc) -> None:
        if self._fh is not None:
            self._fh.seek(0)
            self._fh.truncate()
            self._fh.close()  # closing drops the lock
            self._fh = None


class Store:
    def __init__(self, path: str | Path = "dyad.duckdb", read_only: bool = False, wait: float = 0.0):
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise FileNotFoundError(f"no store at {self.path}: run `dyad ingest` first")
        self.con = connect(self.path, read_only=read_only, wait=wait)
        if not read_only:
            self.con.execute(SCHEMA)
            for sql in MIGRATIONS:
                self.con.execute(sql)
            from . import aggregates, search

            aggregates.migrate(self.con)
            search.migrate(self.con)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def has(self, text_hash: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE text_hash = ?", [text_hash]).fetchone() is not None

    def add(self, doc: Document) -> bool:
        """Store one document; False if its text is already stored. All rows or none."""
        if self.has(doc.text_hash):
            return False
        taken = self.con.execute("SELECT text_hash FROM articles WHERE doc_id = ?", [doc.doc_id]).fetchone()
        if taken:
            raise ValueError(f"doc_id {doc.doc_id!r} is already used by a different text")
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for table, rows in document_rows(doc).items():
                if rows:
                    cols = COLUMNS[table]
                    con.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                                    rows)
            from . import aggregates, search

            if doc.events:
                aggregates.add(con, "events WHERE doc_id = ?", [doc.doc_id])
            search.add(con, "articles WHERE doc_id = ?", "actors WHERE doc_id = ?", [doc.doc_id])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return True

    def document(self, doc_id: str) -> dict | None:
        row = self.con.execute("SELECT document FROM articles WHERE doc_id = ?", [doc_id]).fetchone()
        return json.loads(row[0]) if row else None

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "actors", "quotes", "events")}


class BatchWriter:
    """Writes documents in short sessions: open the store, add what is pending, close it again, so
    that readers (`dyad serve`, `dyad dyads`) get the file between batches. Each document is still
    its own transaction. `add` and `flush` return (tag, outcome) for every document written:
    True stored, False already stored, or the reason it was not stored."""

    def __init__(self, path: str | Path, every: int = 16, seconds: float = 2.0, wait: float = 120.0):
        self.path, self.every, self.seconds, self.wait = str(path), every, seconds, wait
        self.pending: list[tuple[object, Document]] = []
        self._done: list[tuple[object, bool | str]] = []  # written, not yet reported
        self._since = time.monotonic()

    def add(self, doc: Document, tag: object = None) -> list[tuple[object, bool | str]]:
        self.pending.append((tag, doc))
        if len(self.pending) >= self.every or time.monotonic() - self._since >= self.seconds:
            return self.flush()
        return []

    def flush(self) -> list[tuple[object, bool | str]]:
        """Write what is pending. A Ctrl-C meanwhile takes effect when the batch is written, so what
        the caller is told was stored is exactly what the store holds."""
        batch, self.pending, self._since = self.pending, [], time.monotonic()
        if batch:
            with _interrupt_deferred():  # if it raises on the way out, the next flush reports these
                self._done += self._write(batch)
        done, self._done = self._done, []
        return done

    def _write(self, batch: list[tuple[object, Document]]) -> list[tuple[object, bool | str]]:
        out: list[tuple[object, bool | str]] = []
        try:
            with Store(self.path, wait=self.wait) as store:
                for tag, doc in batch:
                    try:
                        out.append((tag, store.add(doc)))
                    except Exception as exc:  # one bad document (a doc_id clash) must not lose the rest
                        out.append((tag, f"not stored: {exc}"))
        except StoreBusy as exc:
            return out + [(tag, f"not stored: {exc}") for tag, _ in batch[len(out):]]
        return out


class _interrupt_deferred:
    """Hold back SIGINT for the duration of the block (main thread only), then deliver it."""

    def __enter__(self):
        import signal
        import threading

        self.got = False
        self.old = None
        if threading.current_thread() is threading.main_thread():
            def hold(signum, frame):
                self.got = True

            self.old = signal.signal(signal.SIGINT, hold)
        return self

    def __exit__(self, *exc) -> None:
        import signal

        if self.old is not None:
            signal.signal(signal.SIGINT, self.old)
            if self.got and exc[0] is None:
                raise KeyboardInterrupt


def has_tables(con: duckdb.DuckDBPyConnection, names: tuple[str, ...]) -> bool:
    """Whether the store holds all these tables (derived tables a read-only old store may lack).
    Asked by binding a query that reads nothing: listing the catalog (`duckdb_tables()`) costs more
    than some of the queries that ask. Outside a transaction only (a failed statement ends one)."""
    try:
        con.execute(f"SELECT NULL FROM {', '.join(f'main.{n}' for n in names)} LIMIT 0")
    except duckdb.CatalogException:
        return False
    return True


def rebuild(con: duckdb.DuckDBPyConnection, names: tuple[str, ...], schema: str, fill, obsolete: tuple[str, ...] = ()) -> None:
    """Drop and rebuild derived tables (`schema` creates them, `fill(con)` fills them from the stored
    rows) in one transaction, so a crash leaves the old tables or the new ones, never half of them."""
    con.execute("BEGIN TRANSACTION")
    try:
        for t in (*obsolete, *names):
            con.execute(f"DROP TABLE IF EXISTS {t}")
        con.execute(schema)
        fill(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def refresh_aggregates(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the aggregate tables and the search index from the stored rows, after rows were written
    around `Store.add` (a bulk load)."""
    from . import aggregates, search

    aggregates.refresh(con)
    search.refresh(con)
