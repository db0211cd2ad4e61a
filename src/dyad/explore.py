"""Questions an analyst asks of the store through the web view, each under one `EventFilter`:
events, dyads and timelines, quotes by speaker, an actor's profile, events by place, who interacts with whom.

Every function returns plain rows; the pages, the JSON API and the downloads all call these, so they agree.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

import duckdb

from . import aggregates, codes, geo
from .filters import EventFilter, like
from .query import DYAD_STATS, PERIOD_STATS, PERIODS, NotFound, QueryError, _rows, check_date

EVENT_COLUMNS = ("doc_id", "event_no", "event_date", "source_code", "source_country", "source_name", "cameo", "root",
                 "name", "quad_class", "goldstein", "plover", "target_code", "target_country", "target_name",
                 "trigger", "negated", "mentions", "sentence", "place")


def count_events(con: duckdb.DuckDBPyConnection, f: EventFilter) -> int:
    where, params = f.where()
    return con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()[0]


def events(con: duckdb.DuckDBPyConnection, f: EventFilter, period: tuple[str, str] | None = None,
           limit: int | None = None) -> list[dict[str, Any]]:
    """The filtered events, newest first, with their article (title, source, published) and where they
    happened (lat, lon, geo_precision: place | country | none)."""
    where, params = f.where("e")
    if period:
        where += " AND e.event_date BETWEEN ? AND ?"
        params += list(period)
    cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    rows = _rows(con.execute(
        f"SELECT {cols}, a.title, a.source, a.published, a.ingested_at, a.text IS NOT NULL AS has_text,"
        f" strpos(a.text, chr(10)) AS lead_end, e.start_char"
        f" FROM events e JOIN articles a USING (doc_id) WHERE {where}"
        " ORDER BY e.event_date DESC NULLS LAST, e.doc_id, e.event_no LIMIT ?", params + [int(limit or f.limit)]))
    for r in rows:
        pt, how = geo.locate(r["place"], r["target_country"], r["source_country"])
        r["lat"], r["lon"], r["geo_precision"] = (pt.lat, pt.lon, how) if pt else (None, None, how)
        r["geo_country"] = pt.country if pt else None
    return rows


def aggregate_where(con: duckdb.DuckDBPyConnection, f: EventFilter, quad: bool = True) -> tuple[str, list] | None:
    """The filter as a condition on the aggregate tables (dyad.aggregates) and its parameters, or None
    when they cannot answer it exactly: an actor, a CAMEO root, a place or a country, a QuadClass where
    `quad` is False, or a store without the tables. The dates are not in it: pass `f.since`, `f.until`."""
    if f.actor or f.resolved or f.root or f.place or f.country or f.located or (f.quad and not quad):
        return None
    if not aggregates.present(con):
        return None
    params: list = []
    sql = ["TRUE"]
    if f.quad:
        sql.append(f"quad_class IN ({', '.join('?' * len(f.quad))})")
        params += list(f.quad)
    if f.sided != "all":
        sql.append("two_sided" if f.sided == "two" else "NOT two_sided")
    if f.a and f.b:
        if f.direction == "both":
            sql.append("((src = ? AND tgt = ?) OR (src = ? AND tgt = ?))")
            params += [f.a, f.b, f.b, f.a]
        else:
            sql.append("(src = ? AND tgt = ?)")
            params += [f.a, f.b] if f.direction == "from" else [f.b, f.a]
    return " AND ".join(sql), params


def dyads(con: duckdb.DuckDBPyConnection, f: EventFilter, limit: int = 50) -> list[dict[str, Any]]:
    """Country pairs (unordered) with events under the filter, most events first."""
    agg = aggregate_where(con, f, quad=False)  # the distinct articles are counted without a QuadClass
    if agg and (f.direction == "both" or not (f.a and f.b)) and (f.sided == "all" or aggregates.sided_by_country(con)):
        return aggregates.dyads(con, f"src <> '' AND tgt <> '' AND src <> tgt AND {agg[0]}", agg[1], limit,
                                f.since, f.until)
    where, params = f.where()
    sql = f"""
        SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
               {DYAD_STATS} FROM events
        WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND source_country <> target_country AND {where}
        GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?"""
    return _rows(con.execute(sql, params + [int(limit)]))


def sparklines(con: duckdb.DuckDBPyConnection, f: EventFilter, pairs: list[tuple[str, str]],
               by: str = "month") -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The timeline of each pair (both directions) under the filter: one query over the aggregates
    when they can answer the filter, else one query per pair. Keyed by the pair as given."""
    agg = aggregate_where(con, f.without("a", "b"))
    if agg:
        got = aggregates.sparklines(con, pairs, by, *agg, since=f.since, until=f.until)
        return {(a, b): got[(min(a, b), max(a, b))] for a, b in pairs}
    return {(a, b): timeline(con, replace(f, a=a, b=b, direction="both"), by=by) for a, b in pairs}


def timeline(con: duckdb.DuckDBPyConnection, f: EventFilter, by: str = "month") -> list[dict[str, Any]]:
    """Per period (dated events only): events, mean Goldstein, and the count of each QuadClass."""
    if by not in PERIODS:
        raise QueryError(f"by must be one of {sorted(PERIODS)}, not {by!r}")
    agg = aggregate_where(con, f)
    if agg:
        rows = aggregates.timeline(con, by, *agg, since=f.since, until=f.until)
        for r in rows:
            del r["one_sided"]
        return rows
    where, params = f.where()
    sql = (f"SELECT CAST(date_trunc(?, event_date) AS DATE) AS period, count(*) AS events, {PERIOD_STATS}"
           f" FROM events WHERE event_date IS NOT NULL AND {where} GROUP BY 1 ORDER BY 1")
    return _rows(con.execute(sql, [by] + params))


# -- quotes ---------------------------------------------------------------------------------------

def quotes(con: duckdb.DuckDBPyConnection, speaker: str | None = None, q: str | None = None,
           since: str | None = None, until: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Quotes, newest article first: `speaker` is part of the speaker's canonical name (or an actor code),
    `q` words of the quote; the dates are the article's publication date."""
    since, until = check_date(since, "since"), check_date(until, "until")
    if since and until and since > until:
        raise QueryError(f"since ({since}) is after until ({until})")
    if not 1 <= int(limit) <= 5000:
        raise QueryError("limit must be from 1 to 5000")
    where, params = ["TRUE"], []
    if speaker:
        where.append("(q.speaker_name ILIKE ? ESCAPE '\\' OR ac.code = ?)")
        params += [like(speaker.strip()), speaker.strip().upper()]
    if q:
        where.append("q.text ILIKE ? ESCAPE '\\'")
        params.append(like(q.strip()))
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if until:
        where.append("a.published <= ?")
        params.append(until)
    sql = f"""
        SELECT q.doc_id, q.quote_no, a.published, q.speaker_name, ac.code AS speaker_code, q.kind, q.cue, q.text,
               a.title, a.source
        FROM quotes q JOIN articles a USING (doc_id)
        LEFT JOIN actors ac ON ac.doc_id = q.doc_id AND ac.actor_id = q.speaker
        WHERE {' AND '.join(where)}
        ORDER BY a.published DESC NULLS LAST, q.doc_id, q.quote_no LIMIT ?"""
    return _rows(con.execute(sql, params + [int(limit)]))


# -- actors ---------------------------------------------------------------------------------------

def actor(con: duckdb.DuckDBPyConnection, key: str) -> dict[str, Any]:
    """One canonical actor by exact name (case-insensitive), else by code, else by a unique part of a name:
    its identity, its codes over time (first and last article date of each), and how often it appears."""
    key = key.strip()
    for sql, arg in (("lower(name) = lower(?)", key), ("code = upper(?)", key),
                     ("name ILIKE ? ESCAPE '\\'", like(key))):
        names = [r[0] for r in con.execute(
            f"SELECT name, count(DISTINCT doc_id) AS n FROM actors WHERE {sql} GROUP BY name ORDER BY n DESC, name",
            [arg]).fetchall()]
        if names:
            break
    else:
        raise NotFound(f"no actor named or coded {key!r} in the store")
    name = names[0]
    ident = _rows(con.execute(
        "SELECT name, mode(kind) AS kind, count(DISTINCT doc_id) AS articles, sum(n_mentions) AS mentions"
        " FROM actors WHERE name = ? GROUP BY name", [name]))[0]
    ident["codes"] = _rows(con.execute(
        "SELECT ac.code, ac.country, ac.role, min(a.published) AS first, max(a.published) AS last,"
        " count(DISTINCT ac.doc_id) AS articles FROM actors ac JOIN articles a USING (doc_id)"
        " WHERE ac.name = ? GROUP BY ALL ORDER BY first NULLS LAST, articles DESC", [name]))
    for c in ident["codes"]:
        c["code_name"] = codes.name(c["code"])
    ident["also"] = names[1:10]  # other actors the key matched
    return ident


def actor_dyads(con: duckdb.DuckDBPyConnection, name: str, f: EventFilter, limit: int = 10) -> list[dict[str, Any]]:
    """The actor's strongest partners: the other party of its two-sided events, by number of events."""
    where, params = f.where()
    sql = f"""
        SELECT CASE WHEN source_name = ? THEN target_code ELSE source_code END AS partner_code,
               CASE WHEN source_name = ? THEN target_name ELSE source_name END AS partner,
               count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein,
               count(*) FILTER (WHERE quad_class <= 2) AS cooperation, count(*) FILTER (WHERE quad_class >= 3) AS conflict
        FROM events WHERE (source_name = ? OR target_name = ?) AND source IS NOT NULL AND target IS NOT NULL
          AND {where}
        GROUP BY 1, 2 ORDER BY events DESC, partner LIMIT ?"""
    return _rows(con.execute(sql, [name] * 4 + params + [int(limit)]))


# -- where and who --------------------------------------------------------------------------------

def places(con: duckdb.DuckDBPyConnection, f: EventFilter) -> dict[str, list[dict[str, Any]]]:
    """Events by country and by place (where the gazetteer has the place), each with its coordinates,
    event count and mean Goldstein. Events no place or country locates are counted under `unplaced`."""
    where, params = f.where()
    groups = con.execute(
        f"SELECT place, source_country, target_country, count(*), sum(goldstein) FROM events WHERE {where}"
        " GROUP BY ALL", params).fetchall()
    countries: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    spots: dict[tuple[str, str], list[Any]] = {}
    unplaced = 0
    for place, sc, tc, n, g in groups:
        pt, how = geo.locate(place, tc, sc)
        if pt is None:
            unplaced += n
            continue
        countries[pt.country][0] += n
        countries[pt.country][1] += g or 0
        if how == "place":
            key = (place, pt.country)
            s = spots.setdefault(key, [pt, 0, 0.0])
            s[1] += n
            s[2] += g or 0
    cent = geo.centroids()
    by_country = [{"country": cc, "name": codes.name(cc) or cc, "lat": cent[cc].lat, "lon": cent[cc].lon,
                   "events": int(n), "mean_goldstein": round(g / n, 2)}
                  for cc, (n, g) in countries.items()]
    by_place = [{"place": p, "country": cc, "lat": pt.lat, "lon": pt.lon, "events": int(n),
                 "mean_goldstein": round(g / n, 2)} for (p, cc), (pt, n, g) in spots.items()]
    by_country.sort(key=lambda r: (-r["events"], r["country"]))
    by_place.sort(key=lambda r: (-r["events"], r["place"]))
    return {"countries": by_country, "places": by_place, "unplaced": unplaced}


def network(con: duckdb.DuckDBPyConnection, f: EventFilter, limit: int = 60) -> dict[str, list[dict[str, Any]]]:
    """Who interacts with whom: parties (countries, or IGO/group codes) as nodes, one edge per unordered
    pair with its event count and mean Goldstein, the `limit` busiest edges."""
    edges = dyads(con, f, limit=limit)
    for e in edges:
        e["first"], e["last"] = (str(e[k]) if e[k] else None for k in ("first", "last"))
    weight: dict[str, int] = defaultdict(int)
    for e in edges:
        weight[e["a"]] += e["events"]
        weight[e["b"]] += e["events"]
    nodes = [{"code": c, "name": codes.name(c) or c, "events": n} for c, n in sorted(weight.items(), key=lambda x: -x[1])]
    return {"nodes": nodes, "edges": edges}
