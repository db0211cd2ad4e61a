"""Pre-aggregated event counts, so the dyad list, timelines and the home page need not scan every event.

Two tables, written in the same transaction as the event rows they count (`Store.add`, `shards.load`):

- `dyad_day`: one row per (source country, target country, day, QuadClass, two-sided) with the number of
  events, the sum and count of mentions and of Goldstein scores. A missing country is '' and a missing
  date is `NO_DAY`, because key columns cannot be NULL; the queries map them back.
- `dyad_doc`: one row per (source country, target country, article, day, two-sided), so the number of
  distinct articles behind a dyad stays exact under a date filter.

A query is answered here only when its filter is one these keys can express (dates, QuadClass,
sidedness, a pair of countries); anything else (an actor code or name, a CAMEO root, a place) goes to
the events table. A store from before these tables gets them built when it is opened for writing.
"""
from __future__ import annotations

from typing import Any

import duckdb

NO_DAY = "DATE '0001-01-01'"

SCHEMA = """
CREATE TABLE IF NOT EXISTS dyad_day (
    src VARCHAR NOT NULL, tgt VARCHAR NOT NULL, day DATE NOT NULL, quad_class INTEGER NOT NULL,
    two_sided BOOLEAN NOT NULL, events BIGINT, mentions BIGINT, mentions_n BIGINT,
    goldstein_sum DOUBLE, goldstein_n BIGINT,
    PRIMARY KEY (src, tgt, day, quad_class, two_sided)
);
CREATE TABLE IF NOT EXISTS dyad_doc (
    src VARCHAR NOT NULL, tgt VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, day DATE NOT NULL,
    two_sided BOOLEAN NOT NULL,
    PRIMARY KEY (src, tgt, doc_id, day, two_sided)
);
"""
_KEY = (f"coalesce(source_country, '') AS src, coalesce(target_country, '') AS tgt, "
        f"coalesce(event_date, {NO_DAY}) AS day")
_TWO = "(source IS NOT NULL AND target IS NOT NULL) AS two_sided"


def present(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether this store has the aggregate tables (a read-only old store may not)."""
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name IN ('dyad_day', 'dyad_doc')"
                       " AND database_name = current_database()").fetchone()[0] == 2


def add(con: duckdb.DuckDBPyConnection, events_where: str, params: list) -> None:
    """Count the events matching `events_where` (rows just inserted) into the aggregates.
    Call inside the transaction that inserted them."""
    con.execute(f"""
        INSERT INTO dyad_day
        SELECT {_KEY}, coalesce(quad_class, 0) AS quad_class, {_TWO}, count(*), sum(mentions), count(mentions),
               sum(goldstein), count(goldstein)
        FROM events WHERE {events_where} GROUP BY ALL
        ON CONFLICT DO UPDATE SET events = events + excluded.events, mentions = coalesce(mentions, 0) + coalesce(excluded.mentions, 0),
            mentions_n = mentions_n + excluded.mentions_n,
            goldstein_sum = coalesce(goldstein_sum, 0) + coalesce(excluded.goldstein_sum, 0),
            goldstein_n = goldstein_n + excluded.goldstein_n""", params)
    con.execute(f"""
        INSERT OR IGNORE INTO dyad_doc
        SELECT DISTINCT coalesce(source_country, ''), coalesce(target_country, ''), doc_id,
               coalesce(event_date, {NO_DAY}), {_TWO}
        FROM events WHERE {events_where}""", params)


def refresh(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild both tables from the events table (a migration, or after a bulk load)."""
    con.execute(SCHEMA)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM dyad_day")
        con.execute("DELETE FROM dyad_doc")
        add(con, "TRUE", [])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    """On opening for writing: build the aggregates if this store predates them."""
    if not present(con):
        refresh(con)


# -- reading -------------------------------------------------------------------------------------

def day_range(since: str | None, until: str | None, params: list) -> str:
    """The date filter over the `day` column (the undated rows left out of a range with an end)."""
    from .query import _date_filter

    return _date_filter(since, until, params, "day", NO_DAY)


STATS = f"""sum(events) AS events, CASE WHEN sum(mentions_n) > 0 THEN sum(mentions) END AS mentions,
    sum(events) FILTER (WHERE quad_class = 1) AS verbal_coop, sum(events) FILTER (WHERE quad_class = 2) AS material_coop,
    sum(events) FILTER (WHERE quad_class = 3) AS verbal_conflict, sum(events) FILTER (WHERE quad_class = 4) AS material_conflict,
    round(sum(goldstein_sum) / nullif(sum(goldstein_n), 0), 2) AS mean_goldstein,
    min(nullif(day, {NO_DAY})) AS first, max(nullif(day, {NO_DAY})) AS last"""
PERIOD = """round(sum(goldstein_sum) / nullif(sum(goldstein_n), 0), 2) AS mean_goldstein,
    coalesce(sum(events) FILTER (WHERE quad_class IN (1, 2)), 0) AS cooperation,
    coalesce(sum(events) FILTER (WHERE quad_class IN (3, 4)), 0) AS conflict,
    coalesce(sum(events) FILTER (WHERE quad_class = 1), 0) AS q1, coalesce(sum(events) FILTER (WHERE quad_class = 2), 0) AS q2,
    coalesce(sum(events) FILTER (WHERE quad_class = 3), 0) AS q3, coalesce(sum(events) FILTER (WHERE quad_class = 4), 0) AS q4"""
_A = "CASE WHEN tgt = '' THEN src WHEN src = '' THEN tgt ELSE least(src, tgt) END"
_B = "CASE WHEN src = '' OR tgt = '' THEN '' ELSE greatest(src, tgt) END"


def _int(v: Any) -> int:
    return int(v or 0)


def dyads(con: duckdb.DuckDBPyConnection, where: str, params: list, limit: int) -> list[dict[str, Any]]:
    """The dyad list over the aggregates: `where` is a condition on src, tgt, day and two_sided only
    (`dyad_doc` has no QuadClass, so a QuadClass filter goes to the events table).
    Ranked on `dyad_day`, then the distinct articles counted on `dyad_doc` for the listed pairs only."""
    cur = con.execute(f"""
        SELECT {_A} AS a, {_B} AS b, {STATS} FROM dyad_day WHERE {where}
        GROUP BY 1, 2 ORDER BY events DESC, a, nullif(b, '') LIMIT ?""", params + [int(limit)])
    cols = [d[0] for d in cur.description]
    rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    if rows:
        pairs = ", ".join("(?, ?)" for _ in rows)
        counts = dict(((a, b), n) for a, b, n in con.execute(f"""
            SELECT a, b, count(DISTINCT doc_id) FROM (SELECT {_A} AS a, {_B} AS b, doc_id FROM dyad_doc WHERE {where})
            WHERE (a, b) IN ({pairs}) GROUP BY 1, 2""", params + [x for r in rows for x in (r["a"], r["b"])]).fetchall())
        for r in rows:
            r["articles"] = counts.get((r["a"], r["b"]), 0)
    for r in rows:
        for k in ("events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict"):
            r[k] = _int(r[k])
        r["b"] = r["b"] or None
    return rows


def timeline(con: duckdb.DuckDBPyConnection, by: str, where: str, params: list) -> list[dict[str, Any]]:
    """Per period over `dyad_day` (dated rows only); `one_sided` counts the rows with one party."""
    cur = con.execute(f"""
        SELECT CAST(date_trunc(?, day) AS DATE) AS period, sum(events) AS events,
               coalesce(sum(events) FILTER (WHERE (src = '') <> (tgt = '')), 0) AS one_sided, {PERIOD}
        FROM dyad_day WHERE day <> {NO_DAY} AND {where} GROUP BY 1 ORDER BY 1""", [by] + params)
    cols = [d[0] for d in cur.description]
    out = [dict(zip(cols, r)) for r in cur.fetchall()]
    for r in out:
        for k in ("events", "one_sided", "cooperation", "conflict", "q1", "q2", "q3", "q4"):
            r[k] = _int(r[k])
    return out


def sparklines(con: duckdb.DuckDBPyConnection, pairs: list[tuple[str, str]], by: str = "month",
               where: str = "TRUE", params: list | None = None) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The timelines of several unordered two-sided pairs in one query (the home page's sparklines)."""
    if not pairs:
        return {}
    vals = ", ".join("(?, ?)" for _ in pairs)
    cur = con.execute(f"""
        SELECT least(src, tgt) AS a, greatest(src, tgt) AS b, CAST(date_trunc(?, day) AS DATE) AS period,
               sum(events) AS events, {PERIOD}
        FROM dyad_day WHERE day <> {NO_DAY} AND src <> '' AND tgt <> '' AND {where}
          AND (least(src, tgt), greatest(src, tgt)) IN ({vals})
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""",
                      [by] + list(params or []) + [x for a, b in pairs for x in (min(a, b), max(a, b))])
    cols = [d[0] for d in cur.description]
    out: dict[tuple[str, str], list[dict[str, Any]]] = {(min(a, b), max(a, b)): [] for a, b in pairs}
    for r in cur.fetchall():
        row = dict(zip(cols, r))
        key = (row.pop("a"), row.pop("b"))
        for k in ("events", "cooperation", "conflict", "q1", "q2", "q3", "q4"):
            row[k] = _int(row[k])
        out[key].append(row)
    return out
