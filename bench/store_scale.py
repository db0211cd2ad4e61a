"""The store at scale: query times at 1 and 10 million synthetic events (no NLP).

Events are generated as Parquet (the layout of `dyad ingest --ray` shards) and loaded into a fresh
store, then each query the CLI, the API and the home page make is timed (median of 3 runs after
one warm-up run). The synthetic feed has a realistic spread: parties drawn from ~60 countries with
a heavy head (a few states in most events, like a real feed), 15% one-sided events, two years of
dates, every CAMEO code with its QuadClass and Goldstein score, ten events per article, three actors
per article, short article texts made from a news vocabulary.

    python bench/store_scale.py [--sizes 1000000 10000000] [--export-up-to 1000000] [--keep DIR] [--store DB]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import ROOT, table  # noqa: E402

sys.path.insert(0, str(ROOT / "src"))

COUNTRIES = ("USA CHN RUS UKR ISR PSE IRN GBR FRA DEU IND PAK SYR IRQ AFG TUR JPN KOR PRK SAU EGY QAT ARE "
             "YEM LBN JOR MEX CAN BRA VEN COL ARG NGA ETH SDN SOM KEN ZAF LBY MAR DZA TUN POL BLR HUN SRB "
             "GRC ITA ESP NLD BEL SWE NOR FIN AUS IDN PHL VNM THA MMR").split()
ROLES = ["GOV", "MIL", "", "COP", "OPP", "LEG", "JUD", "BUS", "MED", "REB"]
WORDS = ("government officials said talks sanctions minister president ceasefire troops border agreement "
         "meeting visit aid protest election opposition military strike negotiations trade summit envoy "
         "security council statement pressure crisis attack support deal oil economy police rebels forces "
         "foreign ministry spokesman capital week Monday Tuesday report warned urged rejected signed").split()


def generate(folder: Path, n_events: int) -> None:
    """Parquet files articles/actors/events for `n_events` events (10 per article)."""
    import duckdb

    from dyad import ontology

    folder.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = false")
    codes = [(c.code, c.root, c.name, c.goldstein, c.quad_class, c.plover) for c in ontology.codes().values()
             if len(c.code) >= 3]
    con.execute("CREATE TABLE cameo (i INTEGER, code VARCHAR, root VARCHAR, name VARCHAR, goldstein DOUBLE, "
                "quad_class INTEGER, plover VARCHAR)")
    con.executemany("INSERT INTO cameo VALUES (?,?,?,?,?,?,?)", [(i, *c) for i, c in enumerate(codes)])
    con.execute(f"CREATE TABLE c AS SELECT * FROM (SELECT unnest({COUNTRIES!r}) AS cc, "
                "generate_subscripts(?, 1) - 1 AS i)", [COUNTRIES])
    con.execute(f"CREATE TABLE r AS SELECT unnest({ROLES!r}) AS role, generate_subscripts(?, 1) - 1 AS i", [ROLES])
    nc, nr, nk = len(COUNTRIES), len(ROLES), len(codes)
    out = str(folder).replace("'", "''")
    # party indexes drawn as floor(n * u^3): a heavy head (USA, CHN, RUS... in most events)
    con.execute(f"""
        CREATE TABLE ev AS
        SELECT i, 'd' || (i // 10) AS doc_id, (i % 10)::INTEGER AS event_no,
               floor({nc} * pow(random(), 3))::INTEGER AS s, floor({nc} * pow(random(), 3))::INTEGER AS t0,
               floor({nr} * pow(random(), 2))::INTEGER AS sr, floor({nr} * pow(random(), 2))::INTEGER AS tr,
               floor({nk} * random())::INTEGER AS k, random() < 0.15 AS one_sided,
               DATE '2023-01-01' + (floor(random() * 730))::INTEGER AS event_date,
               1 + floor(3 * pow(random(), 4))::INTEGER AS mentions
        FROM range({n_events}) t(i)""")
    con.execute(f"""
        COPY (
          SELECT e.doc_id, e.event_no,
                 'A1' AS source, sc.cc || sr.role AS source_code, sc.cc AS source_country, sc.cc || ' official' AS source_name,
                 CASE WHEN e.one_sided THEN NULL ELSE 'A2' END AS target,
                 CASE WHEN e.one_sided THEN NULL ELSE tc.cc || tr.role END AS target_code,
                 CASE WHEN e.one_sided THEN NULL ELSE tc.cc END AS target_country,
                 CASE WHEN e.one_sided THEN NULL ELSE tc.cc || ' official' END AS target_name,
                 k.code AS cameo, k.root, k.quad_class, k.goldstein, k.plover, k.name,
                 0 AS start_char, 120 AS end_char, 'met' AS trigger, false AS negated, e.event_date, e.mentions,
                 'A synthetic sentence.' AS sentence, NULL::VARCHAR AS place, e.one_sided
          FROM ev e JOIN c sc ON sc.i = e.s
               JOIN c tc ON tc.i = CASE WHEN e.t0 = e.s THEN (e.s + 1) % {nc} ELSE e.t0 END
               JOIN r sr ON sr.i = e.sr JOIN r tr ON tr.i = e.tr JOIN cameo k ON k.i = e.k
        ) TO '{out}/events.parquet' (FORMAT PARQUET)""")
    words = "[" + ", ".join(f"'{w}'" for w in WORDS) + "]"
    pick = f"list_element({words}, 1 + floor(random() * {len(WORDS)})::INTEGER)"
    con.execute(f"""
        COPY (
          SELECT doc_id, sha256(doc_id) AS text_hash, 'Article ' || doc_id AS title, min(event_date) AS published,
                 'https://news.example/' || doc_id AS source,
                 concat_ws(' ', {', '.join([pick] * 40)}) AS text,
                 3 AS n_actors, 0 AS n_quotes, count(*)::INTEGER AS n_events, []::VARCHAR[] AS warnings,
                 '{{}}'::JSON AS document
          FROM ev GROUP BY doc_id
        ) TO '{out}/articles.parquet' (FORMAT PARQUET)""")
    con.execute(f"""
        COPY (
          SELECT e.doc_id, 'A' || (e.event_no + 1) AS actor_id, c.cc || ' official ' || (e.i % 97) AS name,
                 'person' AS kind, c.cc || 'GOV' AS code, c.cc AS country, 'GOV' AS role, 2 AS n_mentions,
                 '{{}}'::JSON AS link, NULL::VARCHAR AS kb_id
          FROM ev e JOIN c ON c.i = e.s WHERE e.event_no < 3
        ) TO '{out}/actors.parquet' (FORMAT PARQUET)""")
    con.close()


def load(folder: Path, db: Path) -> dict[str, float]:
    """Load the Parquet files into a fresh store, then build the aggregates and the search index over
    them; seconds of each step."""
    from dyad import aggregates, search
    from dyad.store import COLUMNS, Store

    took = {}
    with Store(db) as store:
        start = time.perf_counter()
        store.con.execute("BEGIN TRANSACTION")
        for tbl in ("articles", "actors", "events"):
            cols = ", ".join(COLUMNS[tbl])
            src = str(folder / f"{tbl}.parquet").replace("'", "''")
            store.con.execute(f"INSERT INTO {tbl} ({cols}) SELECT {cols} FROM read_parquet('{src}')")
        store.con.execute("COMMIT")
        for step, fn in (("rows", None), ("aggregates", aggregates.refresh), ("search index", search.refresh)):
            if fn:
                fn(store.con)
            took[step] = time.perf_counter() - start
            start = time.perf_counter()
    return took


def timed(fn, runs: int = 3) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (this process, DuckDB's threads included) of `runs` calls after
    one warm-up call: on a machine shared with other jobs, the CPU time is the fairer figure."""
    fn()  # warm-up: DuckDB reads the columns it needs into its buffer pool
    ts, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        ts.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(ts), statistics.median(cpu)


def queries(db: Path, export_too: bool, tmp: Path) -> list[tuple[str, float]]:
    import duckdb
    from fastapi.testclient import TestClient

    from dyad import query
    from dyad.api import create_app

    con = duckdb.connect(str(db), read_only=True)
    out = [
        ("dyads (all, top 20)", timed(lambda: query.dyads(con, limit=20))),
        ("dyads --actor USA", timed(lambda: query.dyads(con, actor="USA", limit=20))),
        ("dyads, one quarter", timed(lambda: query.dyads(con, since="2024-01-01", until="2024-03-31", limit=20))),
        ("dyads --one-sided", timed(lambda: query.dyads(con, one_sided=True, limit=20))),
        ("timeline USA CHN --by month", timed(lambda: query.timeline(con, "USA", "CHN", by="month"))),
        ("timeline USA CHN, one quarter, by day",
         timed(lambda: query.timeline(con, "USA", "CHN", by="day", since="2024-01-01", until="2024-03-31"))),
        ("summary (/api/summary)", timed(lambda: query.summary(con))),
        ("articles search q=sanctions", timed(lambda: query.articles(con, q="sanctions"))),
        ("articles --actor USA", timed(lambda: query.articles(con, actor="USA"))),
    ]
    con.close()
    with TestClient(create_app(str(db))) as client:
        def home():
            r = client.get("/")
            assert r.status_code == 200, r.status_code
        out.append(("home page GET / (HTML)", timed(home)))
    if export_too:
        con = duckdb.connect(str(db), read_only=True)
        out.append(("export --format parquet", timed(lambda: query.export(con, tmp / "x.parquet", "parquet"), runs=1)))
        out.append(("export --format gdelt", timed(lambda: query.export(con, tmp / "x.tsv", "gdelt"), runs=1)))
        con.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000])
    ap.add_argument("--export-up-to", type=int, default=1_000_000, help="time the exports only up to this size")
    ap.add_argument("--keep", type=Path, help="build the stores in this folder and keep them")
    ap.add_argument("--store", type=Path, help="time the queries on this store (built before) instead")
    args = ap.parse_args()
    results: dict[str, dict[str, tuple[float, float]]] = {}
    loads: dict[str, str] = {}
    with tempfile.TemporaryDirectory(dir=args.keep) as tmp:
        tmp = Path(tmp)
        if args.store:
            results[args.store.name] = dict(queries(args.store, False, tmp))
            loads[args.store.name] = f"{os.getloadavg()[0]:.1f}"
        for n in [] if args.store else args.sizes:
            t = time.perf_counter()
            generate(tmp / f"gen{n}", n)
            gen = time.perf_counter() - t
            db = tmp / f"store{n}.duckdb"
            took = load(tmp / f"gen{n}", db)
            print(f"{n:,} events: generated in {gen:.1f}s, loaded in " +
                  ", ".join(f"{k} {v:.1f}s" for k, v in took.items()) +
                  f", store {db.stat().st_size / 2**20:.0f} MB (load average {os.getloadavg()[0]:.1f})", flush=True)
            key = f"{n:,} events"
            results[key] = dict(queries(db, n <= args.export_up_to, tmp))
            loads[key] = f"{os.getloadavg()[0]:.1f}"
            if not args.keep:
                db.unlink()
    cols = list(results)
    names = list(dict.fromkeys(k for r in results.values() for k in r))
    rows = [[q] + [f"{results[c][q][0] * 1000:.0f} ({results[c][q][1] * 1000:.0f})" if q in results[c] else "-"
                   for c in cols] for q in names]
    rows.append(["load average (1 min) after the queries"] + [loads[c] for c in cols])
    print(table(rows, ["query: wall ms (CPU ms), median of 3"] + cols))
    for c in cols:
        wall, k = max((v[0], k) for k, v in results[c].items() if not k.startswith("export"))
        cpu, kc = max((v[1], k) for k, v in results[c].items() if not k.startswith("export"))
        print(f"slowest query at {c}: {k} {wall * 1000:.0f} ms wall; most CPU: {kc} {cpu * 1000:.0f} ms "
              f"(goal <= 200 ms)")
    print(f"{os.cpu_count()} cores")


if __name__ == "__main__":
    main()
