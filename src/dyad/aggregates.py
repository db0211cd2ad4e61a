"""Pre-aggregated event counts, so the dyad list, timelines and the home page need not scan every event.

Small tables, written in the same transaction as the event rows they count (`Store.add`, `shards.load`):

- `dyad_day`: one row per (source country, target country, day, QuadClass, two-sided) with the number of
  events, the sum and count of mentions and of Goldstein scores. A missing country is '' and a missing
  date is `NO_DAY`, because key columns cannot be NULL; the queries map them back.
- `dyad_month`: the same per calendar month (the undated rows under `NO_DAY`), with each row's first and
  last day. A date range is answered from the months it covers whole plus the days of the months it cuts
  (`_source`), so the dyad list over whole months reads a few hundred thousand rows at most.
- `dyad_total`: the same over all time (one row per source, target, QuadClass, two-sided): the dyad
  list and the home page without a date filter read only this.
- `dyad_articles`: the distinct-article count, made additive. For each article and unordered dyad (b = ''
  for a one-sided event) the article's distinct event days in that dyad d1 < d2 < ... are written as
  rows (day = d_i, prev = d_{i-1}, or -infinity for d_1), counted per (a, b, day, prev). An article has
  an event in [L, U] exactly when one of its days is the first in range, i.e. L <= d_i <= U and
  d_{i-1} < L, so `sum(articles) WHERE day BETWEEN L AND U AND prev < L` counts each article once.
  This relies on an article's events being written together (one transaction per article or shard).
  `dyad_article_total` holds the count without a date filter (the rows with prev = -infinity), per (a, b).
- `party_codes`: each (actor code, country) pair seen on either side of an event. An actor filter on a
  country code X ("events where X is a party, by country or by code") is a filter on the dyad keys
  exactly when no event carries the code X with another country; this table says whether that holds.

A query is answered here only when its filter is one these keys can express (dates, QuadClass,
sidedness, a pair of countries, a country as the actor); anything else (an actor code such as USAGOV, a
name, a CAMEO root, a place) goes to the events table. A store whose tables predate this set gets them
rebuilt when it is opened for writing; a read-only reader of it uses the events table.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import duckdb

NO_DAY = "DATE '0001-01-01'"
TABLES = ("dyad_day", "dyad_month", "dyad_total", "dyad_articles", "dyad_article_total", "party_codes")

_COUNTS = """events BIGINT, mentions BIGINT, mentions_n BIGINT, goldstein_sum DOUBLE, goldstein_n BIGINT"""
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS dyad_day (
    src VARCHAR NOT NULL, tgt VARCHAR NOT NULL, day DATE NOT NULL, quad_class INTEGER NOT NULL,
    two_sided BOOLEAN NOT NULL, {_COUNTS},
    PRIMARY KEY (src, tgt, day, quad_class, two_sided)
);
CREATE TABLE IF NOT EXISTS dyad_month (
    src VARCHAR NOT NULL, tgt VARCHAR NOT NULL, month DATE NOT NULL, quad_class INTEGER NOT NULL,
    two_sided BOOLEAN NOT NULL, {_COUNTS}, first DATE, last DATE,
    PRIMARY KEY (src, tgt, month, quad_class, two_sided)
);
CREATE TABLE IF NOT EXISTS dyad_total (
    src VARCHAR NOT NULL, tgt VARCHAR NOT NULL, quad_class INTEGER NOT NULL,
    two_sided BOOLEAN NOT NULL, {_COUNTS}, first DATE, last DATE,
    PRIMARY KEY (src, tgt, quad_class, two_sided)
);
CREATE TABLE IF NOT EXISTS dyad_article_total (
    a VARCHAR NOT NULL, b VARCHAR NOT NULL, articles BIGINT, PRIMARY KEY (a, b)
);
CREATE TABLE IF NOT EXISTS dyad_articles (
    a VARCHAR NOT NULL, b VARCHAR NOT NULL, day DATE NOT NULL, prev DATE NOT NULL, articles BIGINT,
    PRIMARY KEY (a, b, day, prev)
);
CREATE TABLE IF NOT EXISTS party_codes (
    code VARCHAR NOT NULL, country VARCHAR NOT NULL, PRIMARY KEY (code, country)
);
"""
_KEY = (f"coalesce(source_country, '') AS src, coalesce(target_country, '') AS tgt, "
        f"coalesce(event_date, {NO_DAY}) AS day")
_TWO = "(source IS NOT NULL AND target IS NOT NULL) AS two_sided"
_SUMS = """count(*), sum(mentions), count(mentions), sum(goldstein), count(goldstein)"""
_ADD = """events = events + excluded.events, mentions = coalesce(mentions, 0) + coalesce(excluded.mentions, 0),
            mentions_n = mentions_n + excluded.mentions_n,
            goldstein_sum = coalesce(goldstein_sum, 0) + coalesce(excluded.goldstein_sum, 0),
            goldstein_n = goldstein_n + excluded.goldstein_n"""
_SPAN = "first = least(first, excluded.first), last = greatest(last, excluded.last)"
# the unordered dyad of a row with src/tgt columns: (least, greatest), or (the one party, '') when one-sided
_A = "CASE WHEN tgt = '' THEN src WHEN src = '' THEN tgt ELSE least(src, tgt) END"
_B = "CASE WHEN src = '' OR tgt = '' THEN '' ELSE greatest(src, tgt) END"


def present(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether this store has the aggregate tables (a read-only old store may not)."""
    from .store import has_tables

    return has_tables(con, TABLES)


def add(con: duckdb.DuckDBPyConnection, events: str, params: list, fresh: bool = False) -> None:
    """Count the event rows of the relation `events` (rows just inserted, whole articles: the events table
    under a filter, or the shard's own file) into the aggregates.
    Call inside the transaction that inserted them. `fresh`: the tables are empty (a rebuild), so rows
    are inserted in date order without the upsert, and DuckDB can skip the row groups outside a date
    range (a feed adds its rows in about date order anyway)."""
    def upsert(sql: str, order: str, on_conflict: str) -> None:
        con.execute(sql + (f" ORDER BY {order}" if fresh and order else "") + ("" if fresh else f" ON CONFLICT {on_conflict}"))

    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE agg_new AS
        SELECT {_KEY}, coalesce(quad_class, 0) AS quad_class, {_TWO}, doc_id, mentions, goldstein,
               source_code, target_code
        FROM {events}""", params)
    upsert(f"""INSERT INTO dyad_day SELECT src, tgt, day, quad_class, two_sided, {_SUMS} FROM agg_new GROUP BY ALL""",
           "day", f"DO UPDATE SET {_ADD}")
    upsert(f"""INSERT INTO dyad_month
        SELECT src, tgt, CAST(date_trunc('month', day) AS DATE), quad_class, two_sided, {_SUMS},
               min(nullif(day, {NO_DAY})), max(nullif(day, {NO_DAY}))
        FROM agg_new GROUP BY src, tgt, 3, quad_class, two_sided""", "3", f"DO UPDATE SET {_ADD}, {_SPAN}")
    upsert(f"""INSERT INTO dyad_total
        SELECT src, tgt, quad_class, two_sided, {_SUMS}, min(nullif(day, {NO_DAY})), max(nullif(day, {NO_DAY}))
        FROM agg_new GROUP BY src, tgt, quad_class, two_sided""", "", f"DO UPDATE SET {_ADD}, {_SPAN}")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE agg_docs AS
        SELECT a, b, day, coalesce(lag(day) OVER (PARTITION BY doc_id, a, b ORDER BY day), DATE '-infinity') AS prev
        FROM (SELECT DISTINCT doc_id, {_A} AS a, {_B} AS b, day FROM agg_new WHERE src <> '' OR tgt <> '')""")
    upsert("INSERT INTO dyad_articles SELECT a, b, day, prev, count(*) FROM agg_docs GROUP BY ALL", "day",
           "DO UPDATE SET articles = articles + excluded.articles")
    upsert("INSERT INTO dyad_article_total SELECT a, b, count(*) FROM agg_docs WHERE prev = DATE '-infinity' GROUP BY ALL",
           "", "DO UPDATE SET articles = articles + excluded.articles")
    upsert("""INSERT INTO party_codes
        SELECT DISTINCT code, country FROM (SELECT source_code AS code, src AS country FROM agg_new
                                            UNION ALL SELECT target_code, tgt FROM agg_new) WHERE code IS NOT NULL""",
           "", "DO NOTHING")
    con.execute("DROP TABLE agg_new")
    con.execute("DROP TABLE agg_docs")


def refresh(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the tables from the events table (a migration, or after a bulk load), in one transaction;
    `dyad_doc`, the per-article table `dyad_articles` replaces, goes."""
    from .store import rebuild

    rebuild(con, TABLES, SCHEMA, lambda c: add(c, "events", [], fresh=True), obsolete=("dyad_doc",))


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    """On opening for writing: build the aggregates if this store predates (some of) them."""
    if not present(con):
        refresh(con)


def plain_country(con: duckdb.DuckDBPyConnection, code: str) -> bool:
    """Whether the actor filter `code` (events where it is a party's country or code) equals "dyads with
    `code` as a party": true when no event carries the code with another country."""
    return not con.execute("SELECT EXISTS (SELECT 1 FROM party_codes WHERE code = ? AND country <> code)",
                           [code]).fetchone()[0]


def sided_by_country(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether every event with both countries also has both actors, so that on a country pair the
    sidedness filter keeps all events (two-sided) or none (one-sided) and the article counts,
    which have no sidedness key, stay exact under it."""
    return not con.execute("SELECT EXISTS (SELECT 1 FROM dyad_month WHERE src <> '' AND tgt <> '' AND NOT two_sided)"
                           ).fetchone()[0]


# -- reading -------------------------------------------------------------------------------------

def _month_start(d: date) -> date:
    return d.replace(day=1)


def _next_month(d: date) -> date:
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1)


def _source(since: str | None, until: str | None, params: list, months: bool = True) -> str:
    """The rows of the date range as one relation (src, tgt, day, quad_class, two_sided, the counts, first,
    last): the `dyad_month` rows of the months the range covers whole (`day` is then the month's first
    day) and the `dyad_day` rows of the days it covers in the months it cuts. No range: every month,
    undated rows included; a range with an end leaves the undated rows out, as the events table does.
    `months=False` reads days only (a timeline by day or week)."""
    lo = date.fromisoformat(since) if since else (date(1, 1, 2) if until else None)
    hi = date.fromisoformat(until) if until else None
    day_cols = (f"src, tgt, day, quad_class, two_sided, events, mentions, mentions_n, goldstein_sum, goldstein_n, "
                f"nullif(day, {NO_DAY}) AS first, nullif(day, {NO_DAY}) AS last")
    if not months:
        cond = " AND ".join(["TRUE"] + (["day >= ?"] if lo else []) + (["day <= ?"] if hi else []))
        params += [x for x in (lo, hi) if x]
        return f"(SELECT {day_cols} FROM dyad_day WHERE {cond})"
    m_lo = None if lo is None else (lo if lo.day == 1 else _next_month(lo))  # first whole month
    m_end = None if hi is None else (_next_month(hi) if (hi + timedelta(days=1)).day == 1 else _month_start(hi))
    parts, days = [], []  # m_end: the month after the last whole one
    if m_lo is None or m_end is None or m_lo < m_end:
        cond = " AND ".join(["TRUE"] + (["month >= ?"] if m_lo else []) + (["month < ?"] if m_end else []))
        params += [x for x in (m_lo, m_end) if x]
        parts.append(f"SELECT src, tgt, month AS day, quad_class, two_sided, events, mentions, mentions_n, goldstein_sum,"
                     f" goldstein_n, first, last FROM dyad_month WHERE {cond}")
        if lo and lo < m_lo:
            days.append((lo, m_lo - timedelta(days=1) if hi is None else min(hi, m_lo - timedelta(days=1))))
        if hi and m_end <= hi:
            days.append((max(m_end, lo) if lo else m_end, hi))
    else:  # no whole month inside: the days
        days.append((lo, hi))
    for d0, d1 in days:
        parts.append(f"SELECT {day_cols} FROM dyad_day WHERE day >= ? AND day <= ?")
        params += [d0, d1]
    return "(" + " UNION ALL ".join(parts) + ")"


STATS = """sum(events) AS events, CASE WHEN sum(mentions_n) > 0 THEN sum(mentions) END AS mentions,
    sum(events) FILTER (WHERE quad_class = 1) AS verbal_coop, sum(events) FILTER (WHERE quad_class = 2) AS material_coop,
    sum(events) FILTER (WHERE quad_class = 3) AS verbal_conflict, sum(events) FILTER (WHERE quad_class = 4) AS material_conflict,
    round(sum(goldstein_sum) / nullif(sum(goldstein_n), 0), 2) AS mean_goldstein,
    min(first) AS first, max(last) AS last"""
PERIOD = """round(sum(goldstein_sum) / nullif(sum(goldstein_n), 0), 2) AS mean_goldstein,
    coalesce(sum(events) FILTER (WHERE quad_class IN (1, 2)), 0) AS cooperation,
    coalesce(sum(events) FILTER (WHERE quad_class IN (3, 4)), 0) AS conflict,
    coalesce(sum(events) FILTER (WHERE quad_class = 1), 0) AS q1, coalesce(sum(events) FILTER (WHERE quad_class = 2), 0) AS q2,
    coalesce(sum(events) FILTER (WHERE quad_class = 3), 0) AS q3, coalesce(sum(events) FILTER (WHERE quad_class = 4), 0) AS q4"""


def _int(v: Any) -> int:
    return int(v or 0)


def articles(con: duckdb.DuckDBPyConnection, pairs: list[tuple[str, str]], since: str | None,
             until: str | None) -> dict[tuple[str, str], int]:
    """The number of distinct articles with an event of each unordered dyad (a, b; b = '' for a party's
    one-sided events) in the date range, from `dyad_articles` (see the module's docstring)."""
    if not pairs:
        return {}
    vals = ", ".join("(?, ?)" for _ in pairs)
    keys = [x for p in pairs for x in p]
    if not since and not until:
        return {(a, b): int(n) for a, b, n in con.execute(
            f"SELECT a, b, articles FROM dyad_article_total WHERE (a, b) IN ({vals})", keys).fetchall()}
    lo = since or ("0001-01-02" if until else "0001-01-01")  # an end leaves the undated (NO_DAY) rows out
    rows = con.execute(f"""
        SELECT a, b, sum(articles) FROM dyad_articles JOIN (VALUES {vals}) v(a, b) USING (a, b)
        WHERE day >= ? AND day <= ? AND prev < ? GROUP BY 1, 2""", keys + [lo, until or "9999-12-31", lo]).fetchall()
    return {(a, b): int(n) for a, b, n in rows}


def dyads(con: duckdb.DuckDBPyConnection, where: str, params: list, limit: int, since: str | None = None,
          until: str | None = None) -> list[dict[str, Any]]:
    """The dyad list over the aggregates: `where` is a condition on src, tgt and two_sided only (the
    article count has no QuadClass, so a QuadClass filter goes to the events table). Ranked on the
    day and month counts, then the distinct articles counted for the listed pairs only."""
    src_params: list = []
    src = _source(since, until, src_params) if since or until else "dyad_total"
    # summed per (src, tgt, QuadClass, sidedness) first: the unordered pair and the statistics are then
    # computed over a few thousand rows, not over every month's
    cur = con.execute(f"""
        SELECT {_A} AS a, {_B} AS b, {STATS} FROM (
            SELECT src, tgt, quad_class, two_sided, sum(events) AS events, sum(mentions) AS mentions,
                   sum(mentions_n) AS mentions_n, sum(goldstein_sum) AS goldstein_sum, sum(goldstein_n) AS goldstein_n,
                   min(first) AS first, max(last) AS last
            FROM {src} WHERE {where} GROUP BY ALL)
        GROUP BY 1, 2 ORDER BY events DESC, a, nullif(b, '') LIMIT ?""", src_params + params + [int(limit)])
    cols = [d[0] for d in cur.description]
    rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    counts = articles(con, [(r["a"], r["b"]) for r in rows], since, until)
    for r in rows:
        r["articles"] = counts.get((r["a"], r["b"]), 0)
        for k in ("events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict"):
            r[k] = _int(r[k])
        r["b"] = r["b"] or None
    return rows


def _by_months(by: str) -> bool:
    return by in ("month", "quarter", "year")  # periods made of whole months


def timeline(con: duckdb.DuckDBPyConnection, by: str, where: str, params: list, since: str | None = None,
             until: str | None = None) -> list[dict[str, Any]]:
    """Per period (dated rows only); `one_sided` counts the rows with one party. `where` is on src, tgt,
    two_sided and quad_class."""
    src_params: list = []
    src = _source(since, until, src_params, months=_by_months(by))
    cur = con.execute(f"""
        SELECT CAST(date_trunc(?, day) AS DATE) AS period, sum(events) AS events,
               coalesce(sum(events) FILTER (WHERE (src = '') <> (tgt = '')), 0) AS one_sided, {PERIOD}
        FROM {src} WHERE day <> {NO_DAY} AND {where} GROUP BY 1 ORDER BY 1""", [by] + src_params + params)
    cols = [d[0] for d in cur.description]
    out = [dict(zip(cols, r)) for r in cur.fetchall()]
    for r in out:
        for k in ("events", "one_sided", "cooperation", "conflict", "q1", "q2", "q3", "q4"):
            r[k] = _int(r[k])
    return out


def sparklines(con: duckdb.DuckDBPyConnection, pairs: list[tuple[str, str]], by: str = "month",
               where: str = "TRUE", params: list | None = None, since: str | None = None,
               until: str | None = None) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The timelines of several unordered two-sided pairs in one query (the home page's sparklines)."""
    if not pairs:
        return {}
    keys = {k for a, b in pairs for k in ((a, b), (b, a))}  # both directions, joined on the plain columns
    vals = ", ".join("(?, ?)" for _ in keys)
    src_params: list = []
    src = _source(since, until, src_params, months=_by_months(by))
    cur = con.execute(f"""
        SELECT least(src, tgt) AS a, greatest(src, tgt) AS b, CAST(date_trunc(?, day) AS DATE) AS period,
               sum(events) AS events, {PERIOD}
        FROM {src} JOIN (VALUES {vals}) pair(s, t) ON src = s AND tgt = t
        WHERE day <> {NO_DAY} AND {where}
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""", [by] + src_params + [x for k in sorted(keys) for x in k] + list(params or []))
    cols = [d[0] for d in cur.description]
    out: dict[tuple[str, str], list[dict[str, Any]]] = {(min(a, b), max(a, b)): [] for a, b in pairs}
    for r in cur.fetchall():
        row = dict(zip(cols, r))
        key = (row.pop("a"), row.pop("b"))
        for k in ("events", "cooperation", "conflict", "q1", "q2", "q3", "q4"):
            row[k] = _int(row[k])
        out[key].append(row)
    return out
