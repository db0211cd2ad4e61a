"""README screenshots of the web view: the strongest dyad's page and the map, from the demo store.

    make demo                                   # ingests examples/ into ./dyad.duckdb
    python tools/screenshots.py [--db dyad.duckdb] [--out docs]

Writes docs/screenshot-dyad.png and docs/screenshot-map.png (1280 px wide), taken by Debian's Chromium
from a server over the store, so they show exactly what `dyad serve` shows.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
CHROMIUM = os.environ.get("DYAD_CHROMIUM", "/usr/bin/chromium")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", default=str(ROOT / "dyad.duckdb"))
    ap.add_argument("--out", default=str(ROOT / "docs"))
    args = ap.parse_args()
    if not Path(args.db).exists():
        sys.exit(f"no store at {args.db}: run `make demo` first")
    import duckdb
    from playwright.sync_api import sync_playwright

    from dyad.api import create_app
    from dyad.liveserver import running

    with duckdb.connect(args.db, read_only=True) as con:
        a, b = con.execute(
            "SELECT least(source_country, target_country), greatest(source_country, target_country) FROM events"
            " WHERE source_country <> target_country GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1").fetchone()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with running(create_app(args.db)) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        for name, path, ready, clip_to in (("dyad", f"/dyad/{a}/{b}", "svg.timeline:visible", "figure.chart"),
                                           ("map", "/map", "svg.map", "figure.map")):
            page.goto(url + path)
            page.wait_for_selector(ready)
            box = page.locator(clip_to).bounding_box()
            # the page from its top down to the end of the chart: the title, the filters, the chart
            page.screenshot(path=str(out / f"screenshot-{name}.png"),
                            clip={"x": 0, "y": 0, "width": 1280, "height": box["y"] + box["height"] + 16})
            print(out / f"screenshot-{name}.png")
        browser.close()


if __name__ == "__main__":
    main()
