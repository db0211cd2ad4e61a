"""Throughput: articles per second for the whole pipeline, and each stage's share of the time.

Texts: the PolNeAR dev articles (84 real news articles) and the seed article. Prints the spaCy
parse time, then the time each dyad stage adds on top of it, as a percentage of the parse.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import shared_data, table  # noqa: E402


def main() -> None:
    import dyad
    from dyad import nlp

    data = shared_data()
    texts = [p.read_text(encoding="utf-8") for p in sorted((data / "quotes-dev" / "polnear-dev" / "text").glob("*.txt"))]
    texts.append((data.parent / "seed" / "blinken-xi-visit.txt").read_text(encoding="utf-8"))
    pipe = dyad.Pipeline()
    pipe.process(dyad.Article(text=texts[-1]))  # warm up: model, matchers, lexicons

    t = {"parse": 0.0, "actors": 0.0, "quotes": 0.0, "events": 0.0}
    n_chars = sum(len(x) for x in texts)
    start = time.perf_counter()
    docs = list(nlp.parse_many(texts, batch_size=16))
    t["parse"] = time.perf_counter() - start
    for doc in docs:
        a = time.perf_counter()
        resolver = pipe.actors(doc, "2016-10-01")
        b = time.perf_counter()
        pipe.quotes(doc, resolver, [])
        c = time.perf_counter()
        pipe.events(doc, resolver, "2016-10-01")
        d = time.perf_counter()
        t["actors"] += b - a
        t["quotes"] += c - b
        t["events"] += d - c
    total = sum(t.values())
    rows = [[k, f"{v:.2f}s", f"{100 * v / t['parse']:.1f}%" if k != "parse" else "100%"] for k, v in t.items()]
    print(table(rows, ["stage", "time", "% of parse"]))
    print(f"\n{len(texts)} articles, {n_chars:,} characters: {total:.2f}s in all = "
          f"{len(texts) / total:.1f} articles/s, {1000 * total / len(texts):.0f} ms per article (1 process)")

    e2e = time.perf_counter()
    for doc in pipe.pipe([dyad.Article(text=x) for x in texts]):
        pass
    e2e = time.perf_counter() - e2e
    print(f"Pipeline.pipe end to end: {e2e:.2f}s = {len(texts) / e2e:.1f} articles/s")


if __name__ == "__main__":
    main()
