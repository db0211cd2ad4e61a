"""Events on real news: dyad's events against hand-coded sentences of the PolNeAR dev articles.

Data: bench/realnews/gold.tsv (the guide is bench/realnews/README.md): 337 sentences sampled
systematically from the 84 articles in ../shared/data/quotes-dev/polnear-dev/text/, each coded for
whether it reports a codable event and, if so, its source, target and CAMEO code. Each article
is run whole through the dyad pipeline, published on the date in its file name; a dyad event
belongs to a gold sentence when its trigger lies inside the sentence's offsets.

Definitions (printed with the results):
- detection: a sentence is detected when dyad has at least one event in it. Precision = detected
  sentences with a gold event / detected sentences; recall = detected gold-event sentences /
  gold-event sentences. Reported for all of dyad's events (one-sided ones included: the store
  keeps them) and for two-sided events only (what `dyad dyads` counts by default).
- root: over detected gold-event sentences, right when one of dyad's events in the sentence has
  a CAMEO root of one of the gold codes (gold `a|b` lists defensible alternatives).
- the event judged for actors: the first event with a gold root, else dyad's first event there.
- source country: that event's source country is the gold source's country (IGO/IMG match by
  prefix); over detected sentences whose gold source is known. Target likewise, over detected
  sentences with a gold target (a missing dyad target is wrong).
- folds: sentences are split once by a hash of file:start (sha1, even = A, odd = B). Fold A is for
  reading failures (`-v` prints them); fold B is only ever printed as numbers. Fold C
  (realnews/gold_c.tsv) is other sentences of the same articles, coded later while the rules kept
  changing: a held-out check, never printed but as numbers; `all` is A + B. Fold D
  (realnews/gold_d.tsv) is a fresh readable fold of other sentences, coded blind on 2026-12-03:
  `-v` prints its failures after fold A's (`--fold A` or `--fold D` prints one of them).
"""
from __future__ import annotations

import hashlib
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import shared_data, table  # noqa: E402
os.environ.setdefault("DYAD_TIME_BUDGET", "0")  # accuracy, not speed: a loaded machine must not skip texts

GOLD = Path(__file__).parent / "realnews" / "gold.tsv"
HELD_OUT = Path(__file__).parent / "realnews" / "gold_c.tsv"
FRESH = Path(__file__).parent / "realnews" / "gold_d.tsv"
READABLE = ("A", "D")


def load_gold(path: Path = GOLD) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        f, s, e, ev, src, tgt, code = line.split("\t")
        rows.append({"file": f, "start": int(s), "end": int(e), "event": ev == "1",
                     "source": [] if src == "-" else src.split("|"), "target": [] if tgt == "-" else tgt.split("|"),
                     "roots": set() if code == "-" else {c[:2] for c in code.split("|")}})
    return rows


def fold(row: dict) -> str:
    h = hashlib.sha1(f"{row['file']}:{row['start']}".encode()).hexdigest()
    return "A" if int(h, 16) % 2 == 0 else "B"


def same_party(gold: list[str], country: str | None) -> bool:
    if not country:
        return False
    for g in gold:
        prefix = g[:3]
        if prefix in ("IGO", "IMG", "NGO"):
            if country.startswith(prefix):
                return True
        elif country[:3] == prefix:
            return True
    return False


def evaluate(rows: list[dict], found: dict[tuple, list], two_sided: bool = False) -> dict:
    r = dict(gold=0, pred=0, tp=0, root=0, src_ok=0, src_n=0, tgt_ok=0, tgt_n=0, fails=[])
    for row in rows:
        evs = found[(row["file"], row["start"])]
        if two_sided:
            evs = [e for e in evs if not e.one_sided]
        r["gold"] += row["event"]
        r["pred"] += bool(evs)
        if not (row["event"] and evs):
            if row["event"] != bool(evs):
                r["fails"].append((row, evs, "missed" if row["event"] else "spurious"))
            continue
        r["tp"] += 1
        hit = [e for e in evs if e.root in row["roots"]]
        r["root"] += bool(hit)
        ev = (hit or evs)[0]
        why = [] if hit else ["root"]
        if row["source"]:
            r["src_n"] += 1
            ok = same_party(row["source"], ev.source_country)
            r["src_ok"] += ok
            why += [] if ok else ["source"]
        if row["target"]:
            r["tgt_n"] += 1
            ok = same_party(row["target"], ev.target_country)
            r["tgt_ok"] += ok
            why += [] if ok else ["target"]
        if why:
            r["fails"].append((row, evs, "+".join(why)))
    return r


CLASSES = [("statements 01", {"01"}), ("verbal cooperation 02-05", {"02", "03", "04", "05"}),
           ("material cooperation 06-08", {"06", "07", "08"}), ("verbal conflict 09-13", {"09", "10", "11", "12", "13"}),
           ("material conflict 14-20", {"14", "15", "16", "17", "18", "19", "20"})]


def by_class(parts: dict[str, list[dict]], found: dict[tuple, list]) -> str:
    """Recall by the class of the gold code (its lowest root), and dyad's events on sentences with no
    gold event by the class of their code: numbers only, so folds B and C can say which kinds of
    event they miss or invent without a sentence of theirs being read."""
    out = []
    for name, roots in CLASSES:
        row = [name]
        for k in ("A", "B", "C", "D"):
            gold = [r for r in parts[k] if r["event"] and min(r["roots"] or {"99"}) in roots]
            hit = sum(bool(found[(r["file"], r["start"])]) for r in gold)
            spur = sum(1 for r in parts[k] if not r["event"]
                       and any(e.root in roots for e in found[(r["file"], r["start"])][:1]))
            row.append(f"{hit}/{len(gold)}, {spur}")
        out.append(row)
    return ("By class of code: detected/gold-event sentences of the class, then sentences with no gold event\n"
            "whose first dyad event is of the class (spurious)\n" +
            table(out, ["class", "fold A", "fold B", "fold C", "fold D"]))


def main() -> None:
    import dyad

    text_dir = shared_data() / "quotes-dev" / "polnear-dev" / "text"
    rows = load_gold()
    held_out = load_gold(HELD_OUT) if HELD_OUT.exists() else []
    fresh = load_gold(FRESH) if FRESH.exists() else []
    verbose = "-v" in sys.argv
    shown = READABLE
    if "--fold" in sys.argv:
        shown = tuple(sys.argv[sys.argv.index("--fold") + 1:][:1])
        if shown and shown[0].upper() in READABLE:
            shown = (shown[0].upper(),)
        else:
            sys.exit(f"--fold takes one of the readable folds {', '.join(READABLE)} (B and C are numbers only)")
        verbose = True
    pipe = dyad.Pipeline()
    files = sorted({r["file"] for r in rows + held_out + fresh})
    texts = {f: (text_dir / f).read_text(encoding="utf-8") for f in files}
    arts = [dyad.Article(text=texts[f], doc_id=f, published=re.search(r"\d{4}-\d\d-\d\d", f)[0]) for f in files]
    found: dict[tuple, list] = {(r["file"], r["start"]): [] for r in rows + held_out + fresh}
    spans: dict[str, list[dict]] = {}
    for r in rows + held_out + fresh:
        spans.setdefault(r["file"], []).append(r)
    for doc in pipe.pipe(arts):
        for e in doc.events:
            at = e.trigger_start if e.trigger_start is not None else e.start
            for r in spans[doc.doc_id]:
                if r["start"] <= at < r["end"]:
                    found[(r["file"], r["start"])].append(e)

    print(__doc__.split("Definitions")[0].strip().splitlines()[0])
    print("\nDefinitions:" + __doc__.split("Definitions (printed with the results):")[1])
    parts = {"A": [r for r in rows if fold(r) == "A"], "B": [r for r in rows if fold(r) == "B"], "all": rows, "C": held_out, "D": fresh}
    res = {k: evaluate(v, found) for k, v in parts.items()}
    two = {k: evaluate(v, found, two_sided=True) for k, v in parts.items()}

    def cell(num, den):
        return f"{num / max(1, den):.3f} ({num}/{den})"

    measures = [
        ("detection precision", lambda r: (r["tp"], r["pred"]), ">= 0.85"),
        ("detection recall", lambda r: (r["tp"], r["gold"]), ">= 0.80"),
        ("root right (detected)", lambda r: (r["root"], r["tp"]), ">= 0.65"),
        ("source country (detected)", lambda r: (r["src_ok"], r["src_n"]), ">= 0.85"),
        ("target country (detected)", lambda r: (r["tgt_ok"], r["tgt_n"]), ""),
    ]
    COLUMNS = ("A", "B", "all", "C", "D")
    out = []
    for label, f, target in measures:
        out.append([label, *(cell(*f(res[k])) for k in COLUMNS), target])
    for label, f, _ in measures[:3]:
        out.append([f"  two-sided only: {label}", *(cell(*f(two[k])) for k in COLUMNS), ""])
    print(table(out, ["measure", "fold A", "fold B", "all (A+B)", "fold C", "fold D", "target"]))
    n_ev = sum(r["event"] for r in rows)
    print(f"({len(rows)} sentences, {n_ev} with a gold event; fold A {len(parts['A'])}, fold B {len(parts['B'])}; "
          f"fold C {len(held_out)}, {sum(r['event'] for r in held_out)} with a gold event; "
          f"fold D {len(fresh)}, {sum(r['event'] for r in fresh)} with a gold event.)")
    a, b = res["A"], res["B"]
    print(f"folds: recall A {a['tp'] / max(1, a['gold']):.3f}, B {b['tp'] / max(1, b['gold']):.3f}; "
          f"precision A {a['tp'] / max(1, a['pred']):.3f}, B {b['tp'] / max(1, b['pred']):.3f}")
    if held_out:
        c = res["C"]
        print(f"held-out fold C: recall {c['tp'] / max(1, c['gold']):.3f}, precision {c['tp'] / max(1, c['pred']):.3f}")
    if fresh:
        d = res["D"]
        print(f"fresh fold D: recall {d['tp'] / max(1, d['gold']):.3f}, precision {d['tp'] / max(1, d['pred']):.3f}")
    print("\n" + by_class(parts, found))
    for k in shown if verbose else ():
        print(f"\nFold {k} failures:")
        for row, evs, why in res[k]["fails"]:
            sent = texts[row["file"]][row["start"]:row["end"]]
            gold = f"{'|'.join(row['source']) or '-'} {'|'.join(sorted(row['roots'])) or '-'} {'|'.join(row['target']) or '-'}"
            got = "; ".join(f"{e.source_code} {e.cameo} {e.target_code} ({e.trigger})" for e in evs) or "none"
            print(f"- [{why}] {sent}\n    gold: {gold if row['event'] else 'no event'}\n    dyad: {got}")


if __name__ == "__main__":
    main()
