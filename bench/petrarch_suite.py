"""PETRARCH's own validation suite, run through dyad with PETRARCH's dictionaries.

Data: ../shared/data/petrarch2/PETR.UnitTest.records.xml (284 records of fictional actors: Arnor,
Gondor, ...) and the dictionaries its <Environment> names: PETR.Validate.verbs.txt (given to dyad
as --verbs), PETR.Validate.actors.txt, PETR.Validate.agents.txt and PETR.Validate.discards.txt (given
as --kb). dyad reads them through its PETRARCH readers (dyad.events.petrarch, dyad.kb_petrarch);
nothing is tuned to the suite.

A record counts as expected when the set of (source, target, event code) triples dyad writes for it
is exactly the set of its <EventCoding> triples; a record that expects no event (noevents="True")
or an input error (error="...") counts as expected when dyad writes none. The comparison rule, one
for every record, is how PETRARCH writes its own output: every event of dyad's with a source is a
triple, two-sided or one-sided; a missing target is `---` (PETRARCH's absent actor); an actor coded
with a role and no country (dyad's bare "GOV") is `---GOV`; an event with no source is not written
(PETRARCH codes none: the suite expects 13 triples with target `---` and none with source `---`).
A few records expect a quoted phrase as a side (TABARI's new actor, sourcecode='"INJURY TOLL"'),
which dyad, coding only listed actors, never writes. The count under the old rule (two-sided events only) is printed beside it. Each sentence is one
article published on the record's date. Printed: a table by category, with -v each record that is
not as expected, and as the last line `petrarch suite: K/N records as expected`.
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

ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")  # a quoted new actor: sourcecode='"INJURY TOLL"'


def attrs_of(text: str) -> dict[str, str]:
    return {k: a or b for k, a, b in ATTR.findall(text)}


def records(path: Path) -> list[dict]:
    """The <Sentence> records: id, category, date (YYYY-MM-DD), text, expected triples or None for 'no event'."""
    text = path.read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    out = []
    for m in re.finditer(r"<Sentence\b([^>]*)>(.*?)</Sentence>", text, flags=re.S):
        attrs = attrs_of(m[1])
        body = m[2]
        t = re.search(r"<Text>(.*?)</Text>", body, flags=re.S)
        if not t:
            continue
        expected: set[tuple[str, str, str]] = set()
        none = False
        for c in re.finditer(r"<EventCoding\b([^>]*)>", body):
            ca = attrs_of(c[1])
            if "noevents" in ca or "error" in ca:
                none = True
            elif "eventcode" in ca:
                expected.add((ca.get("sourcecode", ""), ca.get("targetcode", ""), ca["eventcode"]))
        d = attrs.get("date", "")
        out.append({"id": attrs.get("id", "?"), "category": attrs.get("category", "?"),
                    "date": f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 else None,
                    "text": " ".join(t[1].split()), "expected": expected if expected or not none else set()})
    return out


ABSENT = "---"  # PETRARCH's code for a side with no actor


def side(code: str | None, actor, roles: set[str]) -> str:
    """A side as PETRARCH writes it: its code; `---ROLE` when the actor has no country and its code is
    one of the agents dictionary's role codes (an unnamed "official" is ---GOV)."""
    if not code:
        return ABSENT
    if actor is not None and actor.country is None and code in roles:
        return ABSENT + code
    return code


def triples(doc, roles: set[str]) -> set[tuple[str, str, str]]:
    """dyad's events as PETRARCH would write them (the rule in the module docstring)."""
    return {(side(e.source_code, doc.actor(e.source), roles), side(e.target_code, doc.actor(e.target), roles),
             e.cameo) for e in doc.events if e.source_code}


def two_sided(doc) -> set[tuple[str, str, str]]:
    """The old rule: only two-sided events, codes as they are."""
    return {(e.source_code, e.target_code, e.cameo) for e in doc.events
            if not getattr(e, "one_sided", False) and e.source_code and e.target_code}


def main() -> None:
    import dyad

    data = shared_data() / "petrarch2"
    recs = records(data / "PETR.UnitTest.records.xml")
    pipe = dyad.Pipeline(kb_files=[str(data / f"PETR.Validate.{kind}.txt") for kind in ("actors", "agents", "discards")],
                         verbs=str(data / "PETR.Validate.verbs.txt"))
    from dyad import kb_petrarch

    roles = {code.rstrip("~") for code in kb_petrarch.load(data / "PETR.Validate.agents.txt")[1].values()}
    verbose = "-v" in sys.argv
    by_cat: dict[str, Counter] = {}
    ok_total = old_total = extra_only = 0
    misses = []
    docs = pipe.pipe([dyad.Article(text=r["text"], published=r["date"]) for r in recs])
    for rec, doc in zip(recs, docs):
        got = triples(doc, roles)
        ok = got == rec["expected"]
        old_total += two_sided(doc) == rec["expected"]
        extra_only += not ok and got > rec["expected"] and all(t == ABSENT for _, t, _ in got - rec["expected"])
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
    print(f"old rule (two-sided events only): {old_total}/{len(recs)}; new rule (PETRARCH's output, one-sided "
          f"events with a source included): {ok_total}/{len(recs)}; records missed only for an extra one-sided "
          f"event: {extra_only}")
    print(f"petrarch suite: {ok_total}/{len(recs)} records as expected")


if __name__ == "__main__":
    main()
