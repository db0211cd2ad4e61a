"""Ray scale-out: articles per second with 1 and 2 workers, and peak memory of the driver and workers.

The corpus is generated from examples/ and the PolNeAR dev texts (../shared/data), each copy made a
distinct article (a numbered dateline), written as JSONL shards of 50 articles. Each run is a fresh
driver process doing what `dyad ingest --ray` does (dyad.scale.run into Parquet shards, each loaded
into a fresh DuckDB store as it arrives) and reports:

- articles/s over the whole run (Ray start, model loads, analysis, loading) and in steady state
  (from the first finished batch to the last);
- the driver's peak resident memory, and each worker's (the driver must stay flat as the corpus grows:
  it is measured again on a corpus twice as large);
- the load average while it ran (the machine may be shared: a busy machine depresses the 2-worker
  figure, so the load is printed with it).

    python bench/scale.py [--articles 200] [--workers 1 2] [--batch-size 8]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import ROOT, shared_data, table  # noqa: E402

DRIVER = r"""
import json, resource, sys, time
from pathlib import Path
from dyad import scale, shards
from dyad.ingest import Problem, read_all
from dyad.store import Store

corpus, db, workers, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
folder = Path(db + ".shards")
peaks, done, first = {}, [0], [None]
start = time.perf_counter()

def on_shard(path, skipped, n, peak):
    if path:
        with Store(db) as store:
            shards.load(store.con, path)
    peaks[peak[0]] = max(peaks.get(peak[0], 0), peak[1])
    done[0] += n
    if first[0] is None:
        first[0] = (time.perf_counter(), done[0])

articles = (a for a in read_all([corpus]) if not isinstance(a, Problem))
scale.run(articles, folder, on_shard, workers=workers, batch_size=batch)
end = time.perf_counter()
with Store(db) as store:
    stored = store.counts()["articles"]
t1, n1 = first[0]
print(json.dumps({"articles": done[0], "stored": stored, "seconds": end - start,
                  "steady": (done[0] - n1) / (end - t1) if end > t1 and done[0] > n1 else None,
                  "driver_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "worker_kb": sorted(peaks.values())}))
"""


def texts() -> list[str]:
    out = [json.loads(line)["text"] for p in sorted((ROOT / "examples").glob("*.jsonl"))
           for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    out += [p.read_text(encoding="utf-8")
            for p in sorted((shared_data() / "quotes-dev" / "polnear-dev" / "text").glob("*.txt"))]
    return [t for t in out if t.strip()]


def make_corpus(folder: Path, n: int) -> None:
    base = texts()
    folder.mkdir(parents=True)
    per_file = 50
    for f in range(0, n, per_file):
        with open(folder / f"part-{f // per_file:05d}.jsonl", "w", encoding="utf-8") as fh:
            for i in range(f, min(n, f + per_file)):
                text = f"WIRE {i} -- " + base[i % len(base)]  # a distinct text per article
                fh.write(json.dumps({"id": f"a{i}", "date": "2016-10-01", "text": text}) + "\n")


def run(corpus: Path, workers: int, batch: int, tmp: Path) -> dict:
    db = tmp / f"w{workers}-{corpus.name}.duckdb"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    load0 = os.getloadavg()[0]
    out = subprocess.run([sys.executable, "-c", DRIVER, str(corpus), str(db), str(workers), str(batch)],
                         env=env, capture_output=True, text=True, timeout=7200)
    if out.returncode != 0:
        sys.exit(out.stderr[-3000:])
    got = json.loads(out.stdout.strip().splitlines()[-1])
    got["load"] = (load0 + os.getloadavg()[0]) / 2
    return got


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200, help="corpus size (the memory check doubles it)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=8)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        small, large = tmp / f"corpus{args.articles}", tmp / f"corpus{2 * args.articles}"
        make_corpus(small, args.articles)
        make_corpus(large, 2 * args.articles)
        rows, results = [], {}
        for w in args.workers:
            r = results[w] = run(small, w, args.batch_size, tmp)
            rows.append([w, r["articles"], f"{r['seconds']:.1f}", f"{r['articles'] / r['seconds']:.2f}",
                         f"{r['steady']:.2f}" if r["steady"] else "-", f"{r['driver_kb'] / 1024:.0f}",
                         " ".join(f"{k / 1024:.0f}" for k in r["worker_kb"]), f"{r['load']:.1f}"])
        big = run(large, max(args.workers), args.batch_size, tmp)
        rows.append([f"{max(args.workers)} (2x corpus)", big["articles"], f"{big['seconds']:.1f}",
                     f"{big['articles'] / big['seconds']:.2f}", f"{big['steady']:.2f}" if big["steady"] else "-",
                     f"{big['driver_kb'] / 1024:.0f}", " ".join(f"{k / 1024:.0f}" for k in big["worker_kb"]),
                     f"{big['load']:.1f}"])
    print(table(rows, ["workers", "articles", "seconds", "articles/s", "steady articles/s", "driver MB",
                       "worker MB", "load avg"]))
    if 1 in results and 2 in results:
        a, b = results[1], results[2]
        print(f"\n2 workers / 1 worker: {b['articles'] / b['seconds'] / (a['articles'] / a['seconds']):.2f}x overall, "
              + (f"{b['steady'] / a['steady']:.2f}x steady state" if a["steady"] and b["steady"] else ""))
    top = max(args.workers)
    print(f"driver peak memory: {results[top]['driver_kb'] / 1024:.0f} MB at {args.articles} articles, "
          f"{big['driver_kb'] / 1024:.0f} MB at {2 * args.articles} ({os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
