"""Reliability under kill -9: a 60-article ingest killed at a random moment, ten times, each followed
by a re-run of the same command. Prints how many stores were consistent, duplicates, and whether
every re-run completed the store.

A store is consistent when every stored article has exactly the rows its own counts and contract
document say (actors, mentions, quotes, events), no row belongs to an article that is not stored,
and no text is stored twice. The articles are the PolNeAR dev texts in ../shared/data.

    python bench/reliability.py [--kills 10] [--articles 60] [--seed 1]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, shared_data  # noqa: E402


def articles(n: int) -> list[str]:
    folder = shared_data() / "quotes-dev" / "polnear-dev" / "text"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return texts[:n]


def ingest_cmd(folder: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "dyad.cli", "ingest", str(folder), "--db", str(db), "--date", "2017-01-01",
            "--batch-size", "4"]


def check(db: Path) -> dict:
    """Consistency figures of one store."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        n = q("SELECT count(*) FROM articles")[0][0]
        dup_text = q("SELECT count(*) - count(DISTINCT text_hash) FROM articles")[0][0]
        dup_events = q("SELECT count(*) - count(DISTINCT (doc_id, event_no)) FROM events")[0][0]
        orphans = sum(q(f"SELECT count(*) FROM {t} WHERE doc_id NOT IN (SELECT doc_id FROM articles)")[0][0]
                      for t in ("actors", "mentions", "quotes", "events"))
        bad = 0
        for doc_id, na, nq, ne, document in q("SELECT doc_id, n_actors, n_quotes, n_events, document FROM articles"):
            d = json.loads(document)
            got = {t: con.execute(f"SELECT count(*) FROM {t} WHERE doc_id = ?", [doc_id]).fetchone()[0]
                   for t in ("actors", "mentions", "quotes", "events")}
            want = {"actors": len(d["actors"]), "mentions": sum(len(a["mentions"]) for a in d["actors"]),
                    "quotes": len(d["quotes"]), "events": len(d["events"])}
            if got != want or (na, nq, ne) != (want["actors"], want["quotes"], want["events"]):
                bad += 1
        return {"articles": n, "duplicates": dup_text + dup_events, "orphans": orphans, "inconsistent": bad,
                "consistent": bad == 0 and orphans == 0 and dup_text + dup_events == 0}
    finally:
        con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "news"
        folder.mkdir()
        texts = articles(args.articles)
        for i, t in enumerate(texts):
            (folder / f"a{i:03d}.txt").write_text(t, encoding="utf-8")
        # one uninterrupted run: how long an ingest takes here, so the kills land inside one
        t0 = time.monotonic()
        subprocess.run(ingest_cmd(folder, Path(tmp) / "full.duckdb"), env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        full_time = time.monotonic() - t0
        expected = check(Path(tmp) / "full.duckdb")["articles"]
        print(f"uninterrupted ingest: {expected} articles in {full_time:.0f} s (load: {os.getloadavg()[0]:.1f})")
        rows = []
        for k in range(args.kills):
            db = Path(tmp) / f"k{k}.duckdb"
            at = rng.uniform(0.1, 0.9) * full_time
            for _ in range(4):  # a shared machine speeds up and slows down: if it finished, kill sooner
                if db.exists():
                    for f in Path(tmp).glob(f"k{k}.duckdb*"):
                        f.unlink()
                proc = subprocess.Popen(ingest_cmd(folder, db), env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
                time.sleep(at)
                killed = proc.poll() is None
                if killed:
                    os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                if killed:
                    break
                at *= 0.6
            after_kill = check(db) if db.exists() else {"articles": 0, "duplicates": 0, "consistent": True,
                                                         "orphans": 0, "inconsistent": 0}
            rerun = subprocess.run(ingest_cmd(folder, db), env=env, capture_output=True)
            resumed = check(db)
            rows.append((k, at, killed, after_kill, rerun.returncode, resumed))
            print(f"kill {k + 1:2d} at {at:5.1f} s{'' if killed else ' (had finished)'}: "
                  f"{after_kill['articles']:2d} stored, consistent {after_kill['consistent']}, "
                  f"duplicates {after_kill['duplicates']}; re-run rc {rerun.returncode}: "
                  f"{resumed['articles']}/{expected} stored, consistent {resumed['consistent']}, "
                  f"duplicates {resumed['duplicates']}", flush=True)
    n = len(rows)
    consistent = sum(r[3]["consistent"] and r[5]["consistent"] for r in rows)
    duplicates = sum(r[3]["duplicates"] + r[5]["duplicates"] for r in rows)
    resumed = sum(r[4] == 0 and r[5]["articles"] == expected for r in rows)
    killed = sum(r[2] for r in rows)
    print(f"\nkill -9 during a {expected}-article ingest: {killed}/{n} runs killed mid-ingest; "
          f"{consistent}/{n} stores consistent (after the kill and after the re-run), {duplicates} duplicates, "
          f"{resumed}/{n} re-runs resumed to the full {expected} articles")


if __name__ == "__main__":
    main()
