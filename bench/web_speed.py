"""Time to a first chart in the web view over a slow link: Chromium with its network throttled to 4 Mbit/s.

    python bench/web_speed.py [--db STORE] [--mbit 4] [--latency-ms 40] [--runs 3]

Without --db it ingests examples/ into a temporary store first (like `make demo`). For each page it
prints the median time from navigation to the chart being drawn, and the bytes that crossed the
wire (compressed). The cache is off, so every run fetches everything, as a first visit does.
Target: the dyad page's chart within 1.5 s at 4 Mbit/s.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
CHROMIUM = os.environ.get("DYAD_CHROMIUM", "/usr/bin/chromium")

# (label, path, what "the chart is drawn" means on that page)
PAGES = [("dyad page (SVG chart)", "/dyad/{a}/{b}", "svg.timeline:visible a.bar"),
         ("map (SVG)", "/map", "svg.map a.country"),
         ("network (plotly.js, gzip)", "/network", "#network[data-rendered=true]")]


def _store(db: str | None) -> str:
    if db:
        return db
    from dyad.ingest import Problem, read_all
    from dyad.pipeline import Pipeline
    from dyad.store import Store

    path = os.path.join(tempfile.mkdtemp(prefix="dyad-web-speed-"), "demo.duckdb")
    arts = [a for a in read_all([str(ROOT / "examples")]) if not isinstance(a, Problem)]
    with Store(path) as s:
        for doc in Pipeline().pipe(arts):
            s.add(doc)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db")
    ap.add_argument("--mbit", type=float, default=4.0)
    ap.add_argument("--latency-ms", type=float, default=40.0)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    db = _store(args.db)
    import duckdb

    with duckdb.connect(db, read_only=True) as con:
        a, b = con.execute(
            "SELECT least(source_country, target_country), greatest(source_country, target_country) FROM events"
            " WHERE source_country <> target_country GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1").fetchone()
    from dyad.api import create_app
    from dyad.liveserver import running

    rate = args.mbit * 1_000_000 / 8
    print(f"link: {args.mbit:g} Mbit/s down and up, {args.latency_ms:g} ms latency; cache off; {args.runs} runs, median")
    with running(create_app(db)) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        page.goto(url + "/network")  # warm the server (gzip of plotly.js, the gazetteer) before timing
        page.wait_for_selector("#network[data-rendered=true]", timeout=120_000)
        page.goto(url + "/map")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": args.latency_ms,
                                                      "downloadThroughput": rate, "uploadThroughput": rate})
        wire: dict[str, int] = {}
        cdp.on("Network.loadingFinished", lambda e: wire.__setitem__(e["requestId"], int(e["encodedDataLength"])))
        for label, path, ready in PAGES:
            times, sizes = [], []
            for _ in range(args.runs):
                wire.clear()
                t0 = time.perf_counter()
                page.goto(url + path.format(a=a, b=b), wait_until="commit")
                page.wait_for_selector(ready, timeout=120_000)
                times.append(time.perf_counter() - t0)
                page.wait_for_load_state("load")
                sizes.append(sum(wire.values()))
            print(f"{label:28s} first chart {statistics.median(times):6.2f} s   "
                  f"{statistics.median(sizes) / 1e6:6.2f} MB on the wire")
        browser.close()
    try:
        print("load average:", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    except OSError:
        pass


if __name__ == "__main__":
    main()
