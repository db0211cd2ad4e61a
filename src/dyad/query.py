"""Questions asked of the store: dyads, their timelines, actors, articles, and exports.

A dyad is an unordered pair of parties (countries, or IGO/group codes when an actor has no
country): USA-CHN counts events in both directions; `directed=True` keeps only A -> B.
Events inside one party (USAGOV -> USAOPP) are not dyads and are left out unless asked for.
Events with one side only (a source acting on no coded target, or a target of an unnamed source)
are stored like any other; dyads and timelines count two-sided events unless `one_sided=True`,
which adds each party's one-sided events (as the dyad "X - none", or into X's timeline).
The test is written on the sides themselves, not on the `one_sided` column, so a store from before
that column can still be read without being opened for writing.
Inputs are validated here, so every front end (CLI, API, web) gives the same clear errors.
"""
from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only in annotations: `dyad extract` need not load DuckDB to check a date
    import duckdb

PERIODS = {"day", "week", "month", "quarter", "year"}
_CODE = re.compile(r"^[A-Z0-9]{3,15}$")


class QueryError(ValueError):
    """A bad query parameter; the message says which and why."""


def check_code(code: str | None, what: str = "actor") -> str | None:
    if code is None or code == "":
        return None
    code = code.strip().upper()
    if not _CODE.match(code):
        raise QueryError(f"{what} must be a CAMEO code such as USA, CHN or IGOUNO, not {code!r}")
    return code


def check_date(value: str | None, what: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise QueryError(f"{what} must be a date as YYYY-MM-DD, not {value!r}") from None


def _like(text: str) -> str:
    """`text` as a LIKE pattern (ESCAPE '\\') that matches itself anywhere: `%` and `_` are literal."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _rows(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _date_filter(since: str | None, until: str | None, params: list, col: str = "event_date",
                 undated: str | None = None) -> str:
    """` AND col >= since AND col <= until`; `undated` is the value that stands for no date, if not NULL."""
    sql = ""
    if since:
        sql += f" AND {col} >= ?"
        params.append(since)
    if until:
        sql += f" AND {col} <= ?" + (f" AND {col} <> {undated}" if undated else "")
        params.append(until)
    return sql


# The statistics of a dyad row (after its two parties) and of a timeline row (after its period and count),
# shared by the CLI's queries and the web view's filtered ones (dyad.explore).
DYAD_STATS = """count(*) AS events, sum(mentions) AS mentions,
    count(*) FILTER (WHERE quad_class = 1) AS verbal_coop, count(*) FILTER (WHERE quad_class = 2) AS material_coop,
    count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict, count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
    round(avg(goldstein), 2) AS mean_goldstein, min(event_date) AS first, max(event_date) AS last,
    count(DISTINCT doc_id) AS articles"""
PERIOD_STATS = """round(avg(goldstein), 2) AS mean_goldstein,
    count(*) FILTER (WHERE quad_class <= 2) AS cooperation, count(*) FILTER (WHERE quad_class >= 3) AS conflict,
    count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
    count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4"""

# an event with exactly one side: its party is whichever of the two is there
ONE_SIDED = "((source_country IS NULL) <> (target_country IS NULL))"


def dyads(con: duckdb.DuckDBPyConnection, actor: str | None = None, since: str | None = None,
          until: str | None = None, limit: int = 50, domestic: bool = False,
          one_sided: bool = False) -> list[dict[str, Any]]:
    """Dyads with event counts, QuadClass split and mean Goldstein, strongest (most events) first.

    With `one_sided`, a party's one-sided events are one more row, with `b` empty.
    """
    actor = check_code(actor)
    since, until = check_date(since, "since"), check_date(until, "until")
    from . import aggregates

    # an actor is a key of the aggregates when it is a country no event carries as the code of another
    if aggregates.present(con) and (not actor or aggregates.plain_country(con, actor)):
        params = []
        where = "src <> '' AND tgt <> ''" + ("" if domestic else " AND src <> tgt")
        if one_sided:
            where = f"(({where}) OR ((src = '') <> (tgt = '')))"
        if actor:
            where = f"({where}) AND (src = ? OR tgt = ?)"
            params += [actor, actor]
        return aggregates.dyads(con, where, params, limit, since, until)
    params = []
    where = "source_country IS NOT NULL AND target_country IS NOT NULL"
    if not domestic:
        where += " AND source_country <> target_country"
    if one_sided:
        where = f"(({where}) OR {ONE_SIDED})"
    where += _date_filter(since, until, params)
    if actor:
        where += " AND (source_country = ? OR target_country = ? OR source_code = ? OR target_code = ?)"
        params += [actor] * 4
    sql = f"""
        SELECT CASE WHEN target_country IS NULL THEN source_country WHEN source_country IS NULL THEN target_country
                    ELSE least(source_country, target_country) END AS a,
               CASE WHEN source_country IS NULL OR target_country IS NULL THEN NULL
                    ELSE greatest(source_country, target_country) END AS b,
               {DYAD_STATS}
        FROM events WHERE {where}
        GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?"""
    return _rows(con.execute(sql, params + [int(limit)]))


def _pair(a: str, b: str, directed: bool, one_sided: bool, s: str, t: str, missing: str, party: str,
          params: list) -> str:
    """The rows of a timeline's pair, over the events table or the aggregates: `s`, `t` are the
    source and target country columns, `missing` how a missing side tests, `party` the one side there."""
    pair = f"({s} = ? AND {t} = ?)"
    params += [a, b]
    if not directed:
        pair = f"({pair} OR ({s} = ? AND {t} = ?))"
        params += [b, a]
    if one_sided:
        if directed:
            pair = f"({pair} OR ({s} = ? AND {t} {missing}) OR ({s} {missing} AND {t} = ?))"
        else:
            pair = f"({pair} OR (({s} {missing}) <> ({t} {missing}) AND {party} IN (?, ?)))"
        params += [a, b]
    return pair


def timeline(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "month", directed: bool = False,
             since: str | None = None, until: str | None = None, one_sided: bool = False) -> list[dict[str, Any]]:
    """Per period: events, mean Goldstein, cooperation (QuadClass 1-2) vs conflict (3-4) counts.

    With `one_sided`, the one-sided events of either party count too (directed: A's as a source,
    B's as a target), and `one_sided` says how many of a period's events they are.
    """
    a, b = check_code(a, "a"), check_code(b, "b")
    if not a or not b:
        raise QueryError("a timeline needs two parties, e.g. USA CHN")
    if by not in PERIODS:
        raise QueryError(f"by must be one of {sorted(PERIODS)}, not {by!r}")
    since, until = check_date(since, "since"), check_date(until, "until")
    from . import aggregates

    if aggregates.present(con):
        params: list = []
        pair = _pair(a, b, directed, one_sided, "src", "tgt", "= ''", "coalesce(nullif(src, ''), nullif(tgt, ''))",
                     params)
        return aggregates.timeline(con, by, pair, params, since, until)
    params = [by]
    pair = _pair(a, b, directed, one_sided, "source_country", "target_country", "IS NULL",
                 "coalesce(source_country, target_country)", params)
    where = pair + _date_filter(since, until, params)
    sql = f"""
        SELECT CAST(date_trunc(?, event_date) AS DATE) AS period, count(*) AS events,
               count(*) FILTER (WHERE {ONE_SIDED}) AS one_sided,
               {PERIOD_STATS}
        FROM events WHERE event_date IS NOT NULL AND {where}
        GROUP BY 1 ORDER BY 1"""
    return _rows(con.execute(sql, params))


def dyad_events(con: duckdb.DuckDBPyConnection, a: str, b: str, since: str | None = None,
                until: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """The events behind a dyad, newest first, with their article."""
    a, b = check_code(a, "a"), check_code(b, "b")
    since, until = check_date(since, "since"), check_date(until, "until")
    params: list = [a, b, b, a]
    where = "((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))"
    where += _date_filter(since, until, params)
    sql = f"""
        SELECT e.doc_id, e.event_no, e.event_date, e.source_code, e.source_name, e.cameo, e.name, e.quad_class,
               e.goldstein, e.target_code, e.target_name, e.trigger, e.sentence, e.mentions, a.title
        FROM events e JOIN articles a USING (doc_id)
        WHERE {where} ORDER BY e.event_date DESC NULLS LAST, e.doc_id, e.event_no LIMIT ?"""
    return _rows(con.execute(sql, params + [int(limit)]))


def one_sided_events(con: duckdb.DuckDBPyConnection, actor: str, limit: int = 100) -> list[dict[str, Any]]:
    """An actor's one-sided events, newest first: `actor` is a code (USAGOV, or a country USA) or part of a name."""
    if not actor or not actor.strip():
        raise QueryError("one-sided events need an actor: a code or part of a name")
    q = actor.strip()
    sql = f"""
        SELECT e.doc_id, e.event_no, e.event_date, e.source_code, e.source_name, e.cameo, e.name, e.quad_class,
               e.goldstein, e.target_code, e.target_name, e.trigger, e.sentence, a.title
        FROM events e JOIN articles a USING (doc_id)
        WHERE {ONE_SIDED} AND (upper(?) IN (coalesce(e.source_code, e.target_code), coalesce(e.source_country, e.target_country))
               OR coalesce(e.source_name, e.target_name) ILIKE ? ESCAPE '\\')
        ORDER BY e.event_date DESC NULLS LAST, e.doc_id, e.event_no LIMIT ?"""
    return _rows(con.execute(sql, [q, _like(q), int(limit)]))


def actors(con: duckdb.DuckDBPyConnection, q: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Canonical actors across the store, by number of articles, optionally matching `q`."""
    params: list = []
    where = "TRUE"
    if q:
        where = "(name ILIKE ? ESCAPE '\\' OR code ILIKE ? ESCAPE '\\')"
        params += [_like(q), _like(q)[1:]]
    sql = f"""
        SELECT name, kind, code, country, role, count(DISTINCT doc_id) AS articles, sum(n_mentions) AS mentions
        FROM actors WHERE {where} GROUP BY ALL ORDER BY articles DESC, mentions DESC, name LIMIT ?"""
    return _rows(con.execute(sql, params + [int(limit)]))


def articles(con: duckdb.DuckDBPyConnection, actor: str | None = None, q: str | None = None, page: int = 1,
             per_page: int = 20) -> dict[str, Any]:
    """Articles matching an actor (code or name) and/or words of the text, paged."""
    if page < 1 or per_page < 1 or per_page > 200:
        raise QueryError("page must be >= 1 and per_page between 1 and 200")
    from . import search

    cols = "doc_id, title, published, source, n_actors, n_quotes, n_events"
    order = "ORDER BY published DESC NULLS LAST, doc_id"
    offset = (page - 1) * per_page
    params: list = []
    found = search.candidates(con, q, actor, params) if search.present(con) else None
    if found:  # the index (dyad.search) gives the matching articles: count them, then read one page's rows
        found, total = found
        if total is None:
            total = con.execute(f"SELECT count(*) FROM ({found})", params).fetchone()[0]
        ids = search.page(con, found, params, offset, per_page) if offset < total else []
        rows = _rows(con.execute(f"SELECT {cols} FROM articles WHERE doc_id = ANY(?) {order}", [ids])) \
            if ids else []
        return _page(rows, total, page, per_page)
    where = "TRUE"
    if actor:
        where += " AND doc_id IN (SELECT doc_id FROM actors WHERE code = ? OR country = ? OR name ILIKE ? ESCAPE '\\')"
        params += [actor.upper(), actor.upper(), _like(actor)]
    if q:
        where += " AND (text ILIKE ? ESCAPE '\\' OR title ILIKE ? ESCAPE '\\')"
        params += [_like(q), _like(q)]
    # one scan for the page and the total (count(*) OVER ()); a page past the end has no row to carry it
    rows = _rows(con.execute(
        f"SELECT {cols}, count(*) OVER () AS total FROM articles WHERE {where} {order} LIMIT ? OFFSET ?",
        params + [per_page, offset])) if offset < 2 ** 62 else []  # beyond any store: no scan, the count below says
    total = rows[0]["total"] if rows else con.execute(f"SELECT count(*) FROM articles WHERE {where}",
                                                      params).fetchone()[0]
    for r in rows:
        del r["total"]
    return _page(rows, total, page, per_page)


def _page(rows: list[dict[str, Any]], total: int, page: int, per_page: int) -> dict[str, Any]:
    pages = max(1, -(-total // per_page))
    if page > pages:
        raise QueryError(f"page {page} is out of range: there are {pages} page(s)")
    return {"total": total, "page": page, "pages": pages, "per_page": per_page, "articles": rows}


# -- exports ------------------------------------------------------------------------------------

def gdelt_columns() -> list[str]:
    """The 61 columns of the GDELT 2.0 event table, in order (package data)."""
    from importlib import resources

    return (resources.files("dyad") / "data" / "gdelt_columns.txt").read_text().split()


def _gdelt_row(e: dict[str, Any], lead_end: int) -> dict[str, Any]:
    d = e["event_date"]
    gid = int(hashlib.sha1(f"{e['doc_id']}:{e['event_no']}".encode()).hexdigest()[:15], 16)
    row: dict[str, Any] = {"GLOBALEVENTID": gid}
    if d:
        row.update(SQLDATE=d.strftime("%Y%m%d"), MonthYear=d.strftime("%Y%m"), Year=d.year,
                   FractionDate=f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}")
    for n, side in ((1, "source"), (2, "target")):
        code = e[f"{side}_code"] or ""
        country = e[f"{side}_country"] or ""
        row[f"Actor{n}Code"] = code
        row[f"Actor{n}Name"] = (e[f"{side}_name"] or "").upper()
        if code.startswith("IGO") or (country and len(country) > 3):
            row[f"Actor{n}KnownGroupCode"] = code[-3:]
            row[f"Actor{n}Type1Code"] = "IGO"
        else:
            row[f"Actor{n}CountryCode"] = country
            row[f"Actor{n}Type1Code"] = code[3:6] if len(code) >= 6 else ""
    row.update(IsRootEvent=1 if e["start_char"] < lead_end else 0, EventCode=e["cameo"], EventBaseCode=e["cameo"][:3],
               EventRootCode=e["root"], QuadClass=e["quad_class"], GoldsteinScale=e["goldstein"],
               NumMentions=e["mentions"], NumSources=1, NumArticles=1,
               DATEADDED=e["ingested_at"].strftime("%Y%m%d%H%M%S") if e["ingested_at"] else "",
               SOURCEURL=e["source"] or e["doc_id"])
    if e.get("place"):
        row["ActionGeo_FullName"] = e["place"]
    from . import geo  # where it happened: the named place, else the target's or source's country

    pt, how = geo.locate(e.get("place"), e.get("target_country"), e.get("source_country"))
    if pt:
        row.update(ActionGeo_Type=4 if how == "place" else 1, ActionGeo_Lat=f"{pt.lat:.4f}",
                   ActionGeo_Long=f"{pt.lon:.4f}")
        row.setdefault("ActionGeo_FullName", geo.country_label(pt.country))
    return row


_BREAKS = re.compile(r"[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


def _gdelt_field(value: Any) -> str:
    """A GDELT field: GDELT's files are plain tab-separated lines with no quoting or escapes, so
    a tab or line break inside a field (a URL, a name) becomes one space."""
    return _BREAKS.sub(" ", "" if value is None else str(value)).strip()


def gdelt_line(row: dict[str, Any], cols: list[str]) -> str:
    """One GDELT event line: the row's value for every column, tab-separated, ending in a newline."""
    return "\t".join(_gdelt_field(row.get(c, "")) for c in cols) + "\n"


def export(con: duckdb.DuckDBPyConnection, out: str | Path, fmt: str = "jsonl") -> int:
    """Write all events: jsonl (one event per line), parquet, or gdelt (61 tab-separated columns)."""
    out = str(out)
    if fmt == "parquet":
        quoted = out.replace("'", "''")  # a quote in the file name is part of the name, not dropped
        con.execute(f"COPY (SELECT * FROM events ORDER BY doc_id, event_no) TO '{quoted}' (FORMAT PARQUET)")
        return con.execute("SELECT count(*) FROM events").fetchone()[0]
    rows = _rows(con.execute(
        "SELECT e.*, a.source, a.ingested_at, a.text FROM events e JOIN articles a USING (doc_id)"
        " ORDER BY e.doc_id, e.event_no"))
    if fmt == "jsonl":
        with open(out, "w", encoding="utf-8") as fh:
            for r in rows:
                r.pop("text", None)
                fh.write(json.dumps(r, default=str, ensure_ascii=False) + "\n")
        return len(rows)
    if fmt == "gdelt":
        cols = gdelt_columns()
        with open(out, "w", encoding="utf-8", newline="") as fh:
            for r in rows:
                lead = r["text"].find("\n")
                g = _gdelt_row(r, lead if lead > 0 else len(r["text"]))
                fh.write(gdelt_line(g, cols))
        return len(rows)
    raise QueryError(f"format must be jsonl, parquet or gdelt, not {fmt!r}")


# -- lookups for the HTTP API and the web view --------------------------------------------------

class NotFound(QueryError):
    """A well-formed parameter naming something the store does not hold (an actor code, an article)."""


def known_code(con: duckdb.DuckDBPyConnection, code: str, what: str = "actor") -> str:
    """The code, normalised, if the store knows it (as a party of an event or an actor's code or country).

    Raises QueryError for a malformed code and NotFound for a well-formed one the store never saw.
    """
    code = check_code(code, what)
    if not code:
        raise QueryError(f"{what} is required, e.g. USA")
    row = con.execute(
        "SELECT EXISTS (SELECT 1 FROM events WHERE source_country = ? OR target_country = ? OR source_code = ?"
        " OR target_code = ?) OR EXISTS (SELECT 1 FROM actors WHERE code = ? OR country = ?)", [code] * 6).fetchone()
    if not row[0]:
        where = "" if what == "actor" else f" (parameter {what})"
        raise NotFound(f"unknown actor code {code!r}{where}: no actor or event in the store has it")
    return code


def known_actor(con: duckdb.DuckDBPyConnection, actor: str) -> bool:
    """Whether `articles(actor=...)` can match anything: an actor code, a country or part of a name."""
    from . import search

    if search.present(con):  # the index's vocabulary holds the codes, countries and names
        return con.execute("SELECT EXISTS (SELECT 1 FROM search_vocab WHERE (kind = 'c' AND term = ?)"
                           " OR (kind = 'n' AND term ILIKE ? ESCAPE '\\'))", [actor.upper(), _like(actor)]).fetchone()[0]
    return con.execute("SELECT EXISTS (SELECT 1 FROM actors WHERE code = ? OR country = ? OR name ILIKE ? ESCAPE '\\')",
                       [actor.upper(), actor.upper(), _like(actor)]).fetchone()[0]


def document(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """The stored contract document of one article, unchanged, or None."""
    row = con.execute("SELECT document FROM articles WHERE doc_id = ?", [doc_id]).fetchone()
    return json.loads(row[0]) if row else None


def summary(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Sizes of the store and the span of its event dates."""
    from . import aggregates, search

    # the distinct actor names are the name terms of the search index, and the span of event dates the
    # first and last day of the all-time aggregates, where the store has them
    names = ("(SELECT count(*) FROM search_vocab WHERE kind = 'n')" if search.present(con)
             else "(SELECT count(DISTINCT name) FROM actors)")
    span = ("(SELECT min(first) FROM dyad_total) AS first, (SELECT max(last) FROM dyad_total) AS last"
            if aggregates.present(con) else
            "(SELECT min(event_date) FROM events) AS first, (SELECT max(event_date) FROM events) AS last")
    return _rows(con.execute(
        "SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events,"
        f" (SELECT count(*) FROM quotes) AS quotes, {names} AS actors, {span}"))[0]
