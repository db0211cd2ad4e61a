"""PETRARCH's own validation suite, run through dyad with PETRARCH's dictionaries.

Data: ../shared/data/petrarch2/PETR.UnitTest.records.xml (284 records of fictional actors: Arnor,
Gondor, ...) and the dictionaries its <Environment> names: PETR.Validate.verbs.txt (given to dyad
as --verbs), PETR.Validate.actors.txt, PETR.Validate.agents.txt and PETR.Validate.discards.txt (given
as --kb). dyad reads them through its PETRARCH readers (dyad.events.petrarch, dyad.kb_petrarch);
nothing is tuned to the suite.

A record counts as expected when the set of dyad's two-sided (source code, target code, event code)
triples is exactly the set of its <EventCoding> triples; a record that expects no event
(noevents="True") or an input error (error="...") counts as expected when dyad codes no two-sided
event. Each sentence is one article published on the record's date. Printed: a table by category,
with -v each record that is not as expected, and as the last line
`petrarch suite: K/N records as expected`.
"""
from __future__ import annotations

import os
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("DYAD_TIME_BUDGET", "0")  # accuracy, not speed: a loaded machine must not skip texts
from common import shared_data, table  # noqa: E402

ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')


def records(path: Path) -> list[dict]:
    """The <Sentence> records: id, category, date (YYYY-MM-DD), text, expected triples or None for 'no event'."""
    text = path.read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    out = []
    for m in re.finditer(r"<Sentence\b([^>]*)>(.*?)</Sentence>", text, flags=re.S):
        attrs = dict(ATTR.findall(m[1]))
        body = m[2]
        t = re.search(r"<Text>(.*?)</Text>", body, flags=re.S)
        if not t:
            continue
        expected: set[tuple[str, str, str]] = set()
        none = False
        for c in re.finditer(r"<EventCoding\b([^>]*)>", body):
            ca = dict(ATTR.findall(c[1]))
            if "noevents" in ca or "error" in ca:
                none = True
            elif "eventcode" in ca:
                expected.add((ca.get("sourcecode", ""), ca.get("targetcode", ""), ca["eventcode"]))
        d = attrs.get("date", "")
        out.append({"id": attrs.get("id", "?"), "category": attrs.get("category", "?"),
                    "date": f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 else None,
                    "text": " ".join(t[1].split()), "expected": expected if expected or not none else set()})
    return out


def main() -> None:
    import dyad

    data = shared_data() / "petrarch2"
    recs = records(data / "PETR.UnitTest.records.xml")
    pipe = dyad.Pipeline(kb_files=[str(data / f"PETR.Validate.{kind}.txt") for kind in ("actors", "agents", "discards")],
                         verbs=str(data / "PETR.Validate.verbs.txt"))
    verbose = "-v" in sys.argv
    by_cat: dict[str, Counter] = {}
    ok_total = 0
    misses = []
    docs = pipe.pipe([dyad.Article(text=r["text"], published=r["date"]) for r in recs])
    for rec, doc in zip(recs, docs):
        got = {(e.source_code or "", e.target_code or "", e.cameo) for e in doc.events
               if not getattr(e, "one_sided", False) and e.source_code and e.target_code}
        ok = got == rec["expected"]
        ok_total += ok
        c = by_cat.setdefault(rec["category"], Counter())
        c["n"] += 1
        c["ok"] += ok
        c["none_expected"] += not rec["expected"]
        if not ok:
            misses.append((rec, got))
    rows = [[cat, c["n"], c["ok"], f"{c['ok'] / c['n']:.2f}", c["none_expected"]] for cat, c in sorted(by_cat.items())]
    print(__doc__.strip().splitlines()[0])
    print(table(rows, ["category", "records", "as expected", "share", "expect no event"]))
    if verbose:
        print("\nNot as expected:")
        for rec, got in misses:
            print(f"{rec['id']:<14} expected {sorted(rec['expected'])} got {sorted(got)} | {rec['text'][:140]}")
    one_sided = sum(any(not s or not t or s.startswith(("---", "#")) or t.startswith(("---", "#"))
                        for s, t, _ in r["expected"]) for r in recs)
    print(f"({one_sided} records expect a triple with an unnamed or missing side ('---', '---GOV', ''), "
          "which two-sided events cannot give.)")
    print(f"petrarch suite: {ok_total}/{len(recs)} records as expected")


if __name__ == "__main__":
    main()
