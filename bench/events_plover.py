"""Events: dyad's CAMEO coder against the PLOVER gold-standard sentences, plus the seed article.

Data: ../shared/data/events-dev/PLOVER_GSR_CAMEO.dev-half.json, 167 real news sentences (the CAMEO
manual's examples) with gold source/target actors (CAMEO country or IGO codes) and a PLOVER 2016
event type. Each sentence is run through the whole dyad pipeline as a one-sentence article
published on the record's `date`, exactly as `dyad extract` would; the measures count its two-sided
events (what dyad's queries count by default), and the "with one-sided events" rows count all of them.

Definitions (printed with the results):
- dyad's CAMEO code -> PLOVER 2016 type through ../shared/data/cameo/CAMEO-PLOV.txt (the 2016-17
  table), with three documented departures: (1) COOPERATION is spelled COOPERATE as in the gold;
  (2) CAMEO 19 is FIGHT, not ASSAULT: the gold (PLOVER 0.5b1) separates FIGHT (conventional
  military force, CAMEO 19) from ASSAULT (unconventional violence, CAMEO 18/20) while the table
  files 19 under ASSAULT; (3) CAMEO 02 (appeal), which the table leaves out, is DEMAND: PLOVER
  merges CAMEO's appeals and demands into one request type (DEMAND in 0.5, REQUEST later). CAMEO
  01 (statements) has no PLOVER type and counts as wrong. The literal-table accuracy is printed too.
- type accuracy: a sentence is right when one of dyad's events has the gold type; "top-1" when
  dyad's first event (main-clause first, see EventStage) has it. No event = wrong.
- the event judged for actors: the first event with the gold type, else dyad's first event.
- source accuracy: that event's source country is one of the gold source codes. Gold "IGO"/"NGO"/
  "IMG" match any dyad code with that prefix (dyad codes the UN as IGOUNO). Reported over the
  sentences where dyad coded an event (actor accuracy) and over all sentences (no event = wrong).
- target accuracy: likewise against the gold target codes. Compound-actor records (several sources,
  no target: "X and Y agreed") take the other gold sources as targets. Records with no gold target
  at all are left out of target accuracy (their count is printed).
- spurious events: events of a sentence beyond the gold-type events it may legitimately have
  (one per gold source-target pair; compound n sources -> n*(n-1)). Per sentence.
- speed: the spaCy parse of these texts against the events stage alone on the same Docs.
- folds: the records are split once and for all by a hash of their id (sha1, even = A, odd = B).
  Fold A is for reading failures (`-v` prints its sentences and the confusion table is fold A's);
  fold B is only ever printed as numbers. A change that raises A but not B fits fold A's sentences
  and is reverted. The gap is A - B.
"""
from __future__ import annotations

import hashlib
import dataclasses
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("DYAD_TIME_BUDGET", "0")  # accuracy, not speed: a loaded machine must not skip texts
from common import shared_data, table  # noqa: E402

SEED_PUBLISHED = "2023-06-19"  # the seed describes Blinken's 18-19 June 2023 Beijing visit as "on Monday"
PREFIX_CODES = ("IGO", "NGO", "IMG")


def fold(rec: dict) -> str:
    """'A' or 'B', fixed by the record's id."""
    return "AB"[int(hashlib.sha1(rec["id"].encode("utf-8")).hexdigest(), 16) % 2]


def plover_table(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(adjusted, literal) CAMEO code -> PLOVER 2016 type."""
    literal: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"^(\d{2,4})\s+([A-Z]+)\s", line)
        if m:
            literal.setdefault(m[1], m[2])
        m = re.match(r"^(\d{2}):\s+([A-Z]+)", line)
        if m:
            literal.setdefault(m[1], m[2])
    adjusted = {}
    for code, typ in literal.items():
        typ = "COOPERATE" if typ == "COOPERATION" else typ
        if code.startswith("19"):
            typ = "FIGHT"
        adjusted[code] = typ
    return adjusted, literal


def to_plover(code: str, mapping: dict[str, str], appeal: bool = True) -> str | None:
    if code in mapping:
        return mapping[code]
    if appeal and code.startswith("02"):
        return "DEMAND"
    for n in (3, 2):
        if code[:n] in mapping:
            return mapping[code[:n]]
    return None


def same_party(system: str | None, gold: str) -> bool:
    if not system:
        return False
    if gold in PREFIX_CODES:
        return system.startswith(gold)
    return system == gold


def gold_parties(rec: dict) -> tuple[list[str], list[str], bool]:
    src = [a["code"] for a in rec.get("source") or [] if a.get("code")]
    tgt = [a["code"] for a in rec.get("target") or [] if a.get("code")]
    compound = not tgt and len(src) > 1
    return src, tgt, compound


def evaluate(records, docs, mapping, appeal=True):
    n = len(records)
    any_ok = top_ok = 0
    src_ok = src_n = tgt_ok = tgt_n = 0
    n_events = spurious = 0
    no_target = 0
    confusion: dict[str, Counter] = defaultdict(Counter)
    rows = []
    for rec, doc in zip(records, docs):
        gold = rec["event"]
        src, tgt, compound = gold_parties(rec)
        events = doc.events
        types = [to_plover(e.cameo, mapping, appeal) for e in events]
        hits = [e for e, t in zip(events, types) if t == gold]
        n_events += len(events)
        cap = len(src) * (len(src) - 1) if compound else max(1, len(src)) * max(1, len(tgt))
        spurious += len(events) - min(len(hits), cap)
        any_ok += bool(hits)
        top_ok += bool(events) and types[0] == gold
        judged = hits[0] if hits else (events[0] if events else None)
        confusion[gold][(to_plover(judged.cameo, mapping, appeal) or "(01)") if judged else "none"] += 1
        s_ok = t_ok = None
        if judged is not None:
            src_n += 1
            s_ok = any(same_party(judged.source_country, g) for g in src)
            src_ok += s_ok
        gold_t = [g for g in src if not (judged and same_party(judged.source_country, g))] if compound else tgt
        if not gold_t and not compound:
            no_target += 1
        elif judged is not None:
            tgt_n += 1
            t_ok = any(same_party(judged.target_country, g) for g in gold_t)
            tgt_ok += t_ok
        rows.append((rec, doc, types, judged, s_ok, t_ok))
    return dict(n=n, any=any_ok, top=top_ok, src_ok=src_ok, src_n=src_n, tgt_ok=tgt_ok, tgt_n=tgt_n,
                n_events=n_events, spurious=spurious, no_target=no_target, confusion=confusion, rows=rows)


def main() -> None:
    import dyad
    from dyad import nlp

    data = shared_data()
    records = json.loads((data / "events-dev" / "PLOVER_GSR_CAMEO.dev-half.json").read_text(encoding="utf-8"))[1:]
    mapping, literal = plover_table(data / "cameo" / "CAMEO-PLOV.txt")
    seed_text = (data.parent / "seed" / "blinken-xi-visit.txt").read_text(encoding="utf-8")
    verbose = "-v" in sys.argv

    pipe = dyad.Pipeline()
    pipe.process(dyad.Article(text=seed_text, published=SEED_PUBLISHED))  # warm up
    texts = [r["text"] for r in records]
    dates = [r.get("date") for r in records]

    # speed: parse alone, then each stage on the same Docs
    t0 = time.perf_counter()
    parsed = list(nlp.parse_many(texts + [seed_text], batch_size=16))
    t_parse = time.perf_counter() - t0
    t_events = 0.0
    docs = []
    for art_date, text, pdoc in zip(dates + [SEED_PUBLISHED], texts + [seed_text], parsed):
        resolver = pipe.actors(pdoc, art_date)
        warnings: list[str] = []
        quotes = pipe.quotes(pdoc, resolver, warnings)
        a = time.perf_counter()
        events = pipe.events(pdoc, resolver, art_date, quotes)
        t_events += time.perf_counter() - a
        docs.append(dyad.types.Document(doc_id="x", title=None, published=art_date, source=None, text=text,
                                        actors=resolver.actors, quotes=quotes, events=events))
    seed_doc = docs.pop()

    # extraction is complete; dyad's dyads count the two-sided events, the one-sided row counts all
    one_docs = docs
    docs = [dataclasses.replace(d, events=[e for e in d.events if not e.one_sided]) for d in one_docs]
    folds = {"A": [], "B": []}
    for i, rec in enumerate(records):
        folds[fold(rec)].append(i)
    results = {}
    for name, idx in [("A", folds["A"]), ("B", folds["B"]), ("all", list(range(len(records))))]:
        recs = [records[i] for i in idx]
        results[name] = (evaluate(recs, [docs[i] for i in idx], mapping),
                         evaluate(recs, [docs[i] for i in idx], literal, appeal=False),
                         evaluate(recs, [one_docs[i] for i in idx], mapping))  # one-sided events allowed
    print(__doc__.split("Definitions")[0].strip().splitlines()[0])
    print("\nDefinitions:" + __doc__.split("Definitions (printed with the results):")[1])

    def measures(res, lit, ones):
        n = res["n"]
        return [
            ("event-type accuracy (any event)", res["any"], n, ">= 0.75"),
            ("event-type accuracy (top-1)", res["top"], n, ""),
            ("  literal CAMEO-PLOV table (any)", lit["any"], n, ""),
            ("  with one-sided events (any)", ones["any"], n, ">= 0.80"),
            ("  with one-sided events: spurious per sentence", ones["spurious"], n, "<= 0.3"),
            ("source country (coded sentences)", res["src_ok"], res["src_n"], ">= 0.85"),
            ("source country (all sentences)", res["src_ok"], n, ""),
            ("target country (coded sentences)", res["tgt_ok"], res["tgt_n"], ">= 0.85"),
            ("target country (all with a gold target)", res["tgt_ok"], n - res["no_target"], ""),
            ("events per sentence", res["n_events"], n, ""),
            ("spurious events per sentence", res["spurious"], n, "<= 0.3"),
            ("sentences coded (>= 1 event)", res["src_n"], n, ""),
        ]

    cols = {k: measures(*v) for k, v in results.items()}
    rows = []
    for j, (label, _, _, target) in enumerate(cols["all"]):
        cells = []
        for k in ("A", "B"):
            _, num, den, _ = cols[k][j]
            cells.append(f"{num / max(1, den):.3f} ({num}/{den})")
        a_val = cols["A"][j][1] / max(1, cols["A"][j][2])
        b_val = cols["B"][j][1] / max(1, cols["B"][j][2])
        _, num, den, _ = cols["all"][j]
        rows.append([label, *cells, f"{a_val - b_val:+.3f}", f"{num / max(1, den):.3f} ({num}/{den})", target])
    print(table(rows, ["measure", "fold A", "fold B", "gap A-B", "all", "target"]))
    res = results["all"][0]
    print(f"({res['no_target']} records have no gold target and are left out of target accuracy.)")
    ra, rb = results["A"][0], results["B"][0]
    print(f"folds: A {ra['any'] / ra['n']:.3f}, B {rb['any'] / rb['n']:.3f}, gap {ra['any'] / ra['n'] - rb['any'] / rb['n']:+.3f} "
          f"(event-type accuracy; {ra['n']} and {rb['n']} sentences)")

    conf = results["A"][0]["confusion"]
    types = sorted({t for c in conf.values() for t in c} | set(conf))
    types = [t for t in types if t != "none"] + ["none"]
    print("\nFold A confusion (rows gold, columns dyad's judged event; 'none' = no event):")
    short = {t: t[:5] for t in types}
    crow = [[g] + [conf[g].get(t, "") or "." for t in types] + [sum(conf[g].values())] for g in sorted(conf)]
    print(table(crow, ["gold"] + [short[t] for t in types] + ["n"]))

    ratio = t_events / t_parse
    print(f"\nSpeed: spaCy parse {t_parse:.2f}s for {len(texts) + 1} texts; events stage {t_events:.3f}s "
          f"= {100 * ratio:.1f}% of the parse (target <= 15%).")

    if verbose:
        print("\nPer sentence (fold A only):")
        for rec, doc, tps, judged, s_ok, t_ok in results["A"][0]["rows"]:
            src, tgt, _ = gold_parties(rec)
            events = doc.events
            mark = "OK " if rec["event"] in tps else "-- "
            print(f"{mark}{rec['event']:<11} {src}->{tgt} | {rec['text'][:150]}")
            print("      actors: " + ", ".join(f"{a.name}={a.code}" for a in doc.actors))
            for e, t in zip(events, tps):
                print(f"      {e.source_country}/{e.source_code} {e.cameo} ({t}) {e.target_country}/{e.target_code} "
                      f"trigger={e.trigger!r}{' NEG' if e.negated else ''}")

    print(f"\nSeed article (published {SEED_PUBLISHED}): {len(seed_doc.events)} events")
    srows = []
    for e in seed_doc.events:
        ev = e.sentence or ""
        if e.trigger_start is not None:
            rel = e.trigger_start - e.start
            ev = ev[max(0, rel - 60): rel + 60].replace("\n", " ")
        srows.append([e.source_name or "-", e.source_code or "-", e.cameo, (e.name or "")[:32], e.target_name or "-",
                      e.target_code or "-", e.date or "-", e.mentions, e.trigger + (" (neg)" if e.negated else ""),
                      ev.strip()])
    print(table(srows, ["source", "code", "cameo", "name", "target", "code", "date", "n", "trigger", "evidence"]))


if __name__ == "__main__":
    main()
