"""Quotes against PolNeAR dev (84 US news articles, BRAT standoff attributions).

Gold. One annotation file per article: where an article was annotated by several people (two
articles have six files each), the file whose annotator id sorts first is used (so `_4b22` for
both). One gold attribution is one `E` line: its Content (possibly discontinuous), Cue and
Source. Attributions with no Content are skipped. "With quote marks" means the gold content
contains one of  " \u201c \u201d \u00ab \u00bb \u201e  (the definition that gives 688 such attributions over all
files, as the data README says).

Predictions. dyad's quotes that share a cue (same `cue_start`) and are all direct, or all not
direct, form one predicted attribution, the union of their spans: PolNeAR annotates a split quote
(\u201c...,\u201d he said, \u201c...\u201d), a quote continued after its cue sentence, or a sentence around a
parenthetical "he said" as one attribution with a discontinuous content, and dyad gives each
piece its own `Quote` carrying the same cue. A quote without a cue is its own attribution. A
predicted attribution counts as "with quote marks" when any of its quotes is `direct` or `mixed`.
Each article is analysed with its publication date (from its file name), as `dyad extract` would.

Token overlap. Tokens are the runs of letters and digits (`\\w+`) inside the spans, identified
by their character offsets, so punctuation and the quote marks themselves never count.
overlap(pred, gold) = |pred & gold| / max(|pred|, |gold|): both the share of the gold covered and
the share of the prediction that is gold must reach the threshold (the stricter of the two
directions). Pairs are matched one to one, greedily by best overlap. Reported at >= 0.3
(the content is found, boundaries loose) and >= 0.8 (nearly exact).

Precision = matched predictions / predictions, recall = matched gold / gold. For the
"with quote marks" rows, recall is over gold with marks and precision over predictions with
marks (a marked prediction that matched any gold counts as correct).

Speaker accuracy, on matched pairs whose gold has a Source: correct when dyad's speaker mention
(`speaker_start`..`speaker_end`) overlaps the gold Source span by at least one character, or
dyad's speaker actor has a mention overlapping the gold Source span (same canonical actor).

Pronoun sources. PolNeAR marks the source as the words of the attribution's own sentence and
annotates no coreference: when the source is a pronoun ("he said", "who said", "its statement"),
the gold span is that pronoun, and a system that names its antecedent is right by the corpus's own
definition of a source (the entity the pronoun stands for) but overlaps none of it (actors'
mentions are names, roles and demonyms, never pronouns). The strict score above cannot credit it.
A second score ("+ pronouns") also counts as correct a pair whose gold source is a single pronoun
(personal, possessive or relative) that dyad's resolver reads as dyad's speaker actor: for a
relative pronoun that is the noun its clause modifies (a structural fact); for he/she/they it is
dyad's own coreference, which no gold checks, so this score is an upper bound on the strict one,
printed beside it, never instead of it.

Folds: the articles fall into two fixed folds by a hash of their id (md5 of the file stem, even:
fold A, odd: fold B; 43 and 41 articles). Both folds and the whole are printed, but `--errors`
lists cases from fold A only: rules are developed by reading A, and B is read only as a number.
A change that raises A but not B fits A, and is reverted.

Also prints dyad's quotes on the seed article, its people and, for each passage in quote marks,
the speaker a reader gives it against dyad's (`SEED_QUOTES`); and, with `--errors N`,
the first N missed gold attributions, N unmatched predictions and N wrong speakers (at >= 0.3).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import prf, shared_data, table  # noqa: E402
os.environ.setdefault("DYAD_TIME_BUDGET", "0")  # accuracy, not speed: a loaded machine must not skip texts

QUOTE_MARKS = set('"\u201c\u201d\u00ab\u00bb\u201e')
WORD = re.compile(r"\w+")


@dataclass
class Gold:
    frags: list[tuple[int, int]]
    source: list[tuple[int, int]]
    cue: str
    text: str
    marked: bool
    toks: frozenset = frozenset()


@dataclass
class Pred:
    quotes: list = field(default_factory=list)
    toks: frozenset = frozenset()

    @property
    def marked(self) -> bool:
        return any(q.kind in ("direct", "mixed") for q in self.quotes)

    @property
    def head(self):
        return self.quotes[0]


def tokens(text: str, frags) -> frozenset:
    out = set()
    for s, e in frags:
        for m in WORD.finditer(text, s, e):
            out.add(m.start())
    return frozenset(out)


def parse_ann(path: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    links: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, mid, _ = line.split("\t", 2)
            typ, rng = mid.split(" ", 1)
            spans[tid] = (typ, [tuple(map(int, f.split())) for f in rng.split(";")])
        elif line.startswith("E"):
            _, rest = line.split("\t", 1)
            links.append(dict(p.split(":", 1) for p in rest.split()))
    out = []
    for link in links:
        content = spans.get(link.get("Content", ""))
        if content is None:
            continue
        frags = content[1]
        ctext = " ".join(text[s:e] for s, e in frags)
        cue = spans.get(link.get("Cue", ""), (None, []))[1]
        out.append(Gold(frags=frags, source=spans.get(link.get("Source", ""), (None, []))[1],
                        cue=" ".join(text[s:e] for s, e in cue), text=ctext,
                        marked=any(c in QUOTE_MARKS for c in ctext), toks=tokens(text, frags)))
    return out


def choose_files(folder: Path) -> dict[str, Path]:
    """One annotation file per article: the annotator id that sorts first."""
    chosen: dict[str, Path] = {}
    for p in sorted(folder.glob("*.ann")):
        art = p.stem.rsplit("_", 1)[0]
        chosen.setdefault(art, p)
    return chosen


def group_preds(text: str, quotes) -> list[Pred]:
    by_cue: dict = {}
    out: list[Pred] = []
    for q in quotes:
        key = (q.cue_start, q.kind == "direct") if q.cue_start is not None else ("solo", q.start)
        if key not in by_cue:
            by_cue[key] = Pred()
            out.append(by_cue[key])
        by_cue[key].quotes.append(q)
    for p in out:
        p.toks = tokens(text, [(q.start, q.end) for q in p.quotes])
    return out


def overlap(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def match(preds: list[Pred], golds: list[Gold], thr: float) -> list[tuple[int, int]]:
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if p.toks & g.toks:
                o = overlap(p.toks, g.toks)
                if o >= thr:
                    pairs.append((o, i, j))
    pairs.sort(reverse=True)
    used_p, used_g, out = set(), set(), []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


PRONOUN_SOURCES = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "i", "we", "me", "us",
                   "my", "our", "who", "which", "that", "whom", "whose"}


def pronoun_ok(p: Pred, g: Gold, doc, resolver) -> bool:
    """A gold source that is one pronoun, which dyad's resolver reads as dyad's speaker actor."""
    q = p.head
    if not q.speaker or len(g.source) != 1:
        return False
    s, e = g.source[0]
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].lower_ not in PRONOUN_SOURCES:
        return False
    a = resolver.resolve(span[0])
    return a is not None and a.id == q.speaker


def speaker_ok(p: Pred, g: Gold, actors) -> bool:
    q = p.head
    for s, e in g.source:
        if q.speaker_start is not None and q.speaker_start < e and s < q.speaker_end:
            return True
    if q.speaker:
        actor = next((a for a in actors if a.id == q.speaker), None)
        if actor:
            for m in actor.mentions:
                if any(m.start < e and s < m.end for s, e in g.source):
                    return True
    return False


def fold(art: str) -> str:
    """The article's fixed fold, "A" (read) or "B" (only counted), from a hash of its id."""
    return "AB"[int(hashlib.md5(art.encode("utf-8")).hexdigest(), 16) % 2]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", type=int, default=0, help="print this many misses and false alarms")
    ap.add_argument("--marked-only", action="store_true", help="with --errors, only quote-mark cases")
    args = ap.parse_args()

    from dyad import kb as kbmod
    from dyad import nlp
    from dyad.actors import ActorStage
    from dyad.quotes import QuoteStage

    data = shared_data() / "quotes-dev" / "polnear-dev"
    files = choose_files(data / "attributions")
    arts = sorted(files)
    texts = [(data / "text" / f"{a}.txt").read_text(encoding="utf-8") for a in arts]
    golds = [parse_ann(files[a], t) for a, t in zip(arts, texts)]
    n_multi = sum(1 for a in arts if len(list((data / "attributions").glob(f"{a}_*.ann"))) > 1)

    kb = kbmod.load(())
    actors_stage, quote_stage = ActorStage(kb), QuoteStage()
    nlp.load()
    t0 = time.perf_counter()
    docs = list(nlp.parse_many(texts, batch_size=16))
    t_parse = time.perf_counter() - t0
    t_quotes = 0.0
    results = []
    n_warn = 0
    for doc, art in zip(docs, arts):
        date = re.search(r"\d{4}-\d{2}-\d{2}", art)
        resolver = actors_stage(doc, date.group() if date else None)
        warnings: list[str] = []
        t1 = time.perf_counter()
        quotes = quote_stage(doc, resolver, warnings)
        t_quotes += time.perf_counter() - t1
        n_warn += sum(1 for w in warnings if "quot" in w)
        results.append((doc, resolver, quotes))

    rows = []
    errors: dict[str, list[str]] = {"MISS": [], "FALSE": [], "SPEAKER": []}
    fold_cnt: dict[str, dict] = {"A (read)": defaultdict(int), "B (unread)": defaultdict(int)}
    for thr in (0.3, 0.8):
        cnt = defaultdict(int)
        for (doc, resolver, quotes), gold, art in zip(results, golds, arts):
            held = fold(art) == "B"
            before = dict(cnt)
            preds = group_preds(doc.text, quotes)
            pairs = match(preds, gold, thr)
            mp = {i for i, _ in pairs}
            mg = {j for _, j in pairs}
            cnt["tp"] += len(pairs)
            cnt["np"] += len(preds)
            cnt["ng"] += len(gold)
            cnt["tp_pm"] += sum(1 for i in mp if preds[i].marked)
            cnt["np_m"] += sum(1 for p in preds if p.marked)
            cnt["tp_gm"] += sum(1 for j in mg if gold[j].marked)
            cnt["ng_m"] += sum(1 for g in gold if g.marked)
            for i, j in pairs:
                if not gold[j].source:
                    continue
                ok = speaker_ok(preds[i], gold[j], resolver.actors)
                pron = not ok and pronoun_ok(preds[i], gold[j], doc, resolver)
                cnt["sp_n"] += 1
                cnt["sp_ok"] += ok
                cnt["sp_okp"] += ok or pron
                if gold[j].marked:
                    cnt["sp_nm"] += 1
                    cnt["sp_okm"] += ok
                    cnt["sp_okmp"] += ok or pron
                if thr == 0.3 and not held and not ok and not pron and (gold[j].marked or not args.marked_only):
                    q = preds[i].head
                    via = doc.text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else None
                    errors["SPEAKER"].append(
                        f"SPEAKER {art}: gold {' '.join(doc.text[s:e] for s, e in gold[j].source)!r} dyad "
                        f"{q.speaker_name!r} via {via!r} cue {q.cue!r}: {q.text[:80]!r}")
            if thr == 0.3:
                fc = fold_cnt["B (unread)" if held else "A (read)"]
                for key, v in cnt.items():
                    fc[key] += v - before.get(key, 0)
            if thr == 0.3 and not held:
                for j, g in enumerate(gold):
                    if j not in mg and (g.marked or not args.marked_only):
                        errors["MISS"].append(f"MISS {art} cue={g.cue!r}: {g.text[:140]!r}")
                for i, p in enumerate(preds):
                    if i not in mp and (p.marked or not args.marked_only):
                        q = p.head
                        errors["FALSE"].append(f"FALSE {art} {q.kind} cue={q.cue!r} by {q.speaker_name!r}: "
                                               f"{' | '.join(x.text for x in p.quotes)[:140]!r}")
        p_all = prf(cnt["tp"], cnt["np"] - cnt["tp"], cnt["ng"] - cnt["tp"])
        p_m = cnt["tp_pm"] / cnt["np_m"] if cnt["np_m"] else 0.0
        r_m = cnt["tp_gm"] / cnt["ng_m"] if cnt["ng_m"] else 0.0
        f_m = 2 * p_m * r_m / (p_m + r_m) if p_m + r_m else 0.0
        sp_m = cnt["sp_okm"] / cnt["sp_nm"] if cnt["sp_nm"] else 0.0
        sp_a = cnt["sp_ok"] / cnt["sp_n"] if cnt["sp_n"] else 0.0
        rows.append([f">= {thr}", "with quote marks", cnt["ng_m"], cnt["np_m"], f"{p_m:.3f}", f"{r_m:.3f}", f"{f_m:.3f}",
                     f"{sp_m:.3f} ({cnt['sp_okm']}/{cnt['sp_nm']})"])
        rows.append([f">= {thr}", "all", cnt["ng"], cnt["np"], *(f"{x:.3f}" for x in p_all),
                     f"{sp_a:.3f} ({cnt['sp_ok']}/{cnt['sp_n']})"])

    print(f"PolNeAR dev: {len(arts)} articles; {n_multi} with several annotators, scored on the first annotator id "
          f"in sort order; {sum(len(g) for g in golds)} gold attributions with content, "
          f"{sum(g.marked for gs in golds for g in gs)} with quote marks.")
    print("token overlap = |pred & gold| / max(|pred|, |gold|) over \\w+ tokens; one-to-one matching.\n")
    print(table(rows, ["overlap", "subset", "gold", "pred", "P", "R", "F1", "speaker acc"]))
    frows = []
    whole: dict = defaultdict(int)
    for c in list(fold_cnt.values()):
        for key, v in c.items():
            whole[key] += v
    fold_cnt["whole"] = whole
    for name, c in fold_cnt.items():
        f_all = prf(c["tp"], c["np"] - c["tp"], c["ng"] - c["tp"])[2]
        pm = c["tp_pm"] / c["np_m"] if c["np_m"] else 0.0
        rm = c["tp_gm"] / c["ng_m"] if c["ng_m"] else 0.0
        frows.append([name, f"{2 * pm * rm / (pm + rm) if pm + rm else 0.0:.3f}", f"{f_all:.3f}",
                      f"{c['sp_okm'] / c['sp_nm'] if c['sp_nm'] else 0.0:.3f} ({c['sp_okm']}/{c['sp_nm']})",
                      f"{c['sp_ok'] / c['sp_n'] if c['sp_n'] else 0.0:.3f} ({c['sp_ok']}/{c['sp_n']})",
                      f"{c['sp_okmp'] / c['sp_nm'] if c['sp_nm'] else 0.0:.3f}",
                      f"{c['sp_okp'] / c['sp_n'] if c['sp_n'] else 0.0:.3f}"])
    print(f"\nat >= 0.3, by fold (a hash of the article id; A: {sum(fold(a) == 'A' for a in arts)} articles, "
          f"B: {sum(fold(a) == 'B' for a in arts)}; --errors shows only fold A):")
    print(table(frows, ["fold", "F1 marks", "F1 all", "speaker marks", "speaker all", "+ pronouns, marks", "+ pronouns, all"]))
    print("(+ pronouns: a gold source that is one pronoun also counts when dyad's resolver reads it as dyad's speaker; "
          "see the docstring)")
    print(f"\nparse {t_parse:.1f}s; quote stage {t_quotes:.2f}s = {100 * t_quotes / t_parse:.1f}% of parse; "
          f"{n_warn} quote warnings")
    for kind in ("MISS", "FALSE", "SPEAKER"):
        for e in errors[kind][:args.errors]:
            print(e)
    seed(actors_stage, quote_stage)


# The seed article, checked by hand: its 12 people, and every passage in quote marks (23 of them,
# "candid" and "constructive" two) with the actor who said it. A reader can check both against
# ../shared/seed/blinken-xi-visit.txt; the bench prints what dyad gives for each.
SEED_PEOPLE = ["Antony Blinken", "Xi Jinping", "Nancy Pelosi", "Joe Biden", "Wang Yi", "Qin Gang", "Kevin McCarthy",
               "Wang Huiyao", "Gina Raimondo", "Janet Yellen", "John Kerry", "Drew Thompson"]
SEED_QUOTES = [
    ("progress", "United States"),
    ("We have no illusions", "Antony Blinken"),
    ("It is the responsibility", "Antony Blinken"),
    ("The two sides have also made progress", "Xi Jinping"),
    ("absolutely essential", "Antony Blinken"),
    ("China has not agreed", "Antony Blinken"),
    ("I think that", "Antony Blinken"),
    ("But at the same time", "Antony Blinken"),
    ("focused.", "Antony Blinken"),
    ("candid", "Antony Blinken"),
    ("constructive", "Antony Blinken"),
    ("misunderstanding", "Wang Yi"),
    ("between dialogue", "Wang Yi"),
    ("provocative", "Antony Blinken"),
    ("We do not support Taiwan", "Antony Blinken"),
    ("We remain opposed", "Antony Blinken"),
    ("greater cooperation", "Antony Blinken"),
    ("good start", "Wang Huiyao"),
    ("There are many complex issues", "Wang Huiyao"),
    ("a step in the right direction", "Wang Huiyao"),
    ("clearly at a dead end", "Drew Thompson"),
    ("The purpose of the United States", "Drew Thompson"),
    ("China has another goal", "Drew Thompson"),
]


def seed(actors_stage, quote_stage) -> None:
    from dyad import nlp

    path = shared_data().parent / "seed" / "blinken-xi-visit.txt"
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    doc = nlp.parse(text)
    resolver = actors_stage(doc, "2023-06-19")
    warnings: list[str] = []
    quotes = quote_stage(doc, resolver, warnings)
    names = {a.id: a.name for a in resolver.actors}
    rows = []
    for q in quotes:
        via = text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else ""
        words = " ".join(q.text.split()[:8])
        rows.append([q.kind, names.get(q.speaker, "-"), via, q.cue or "-", words[:60]])
    print(f"\nSeed article: dyad's {len(quotes)} quotes (speaker: the canonical actor, '-' for none):")
    print(table(rows, ["kind", "speaker", "via", "cue", "first words"]))

    people = [a.name for a in resolver.actors if a.kind == "person"]
    missing = [p for p in SEED_PEOPLE if p not in people]
    extra = [p for p in people if p not in SEED_PEOPLE]
    print(f"\nseed people: {len(SEED_PEOPLE) - len(missing)}/{len(SEED_PEOPLE)} resolved with the canonical name"
          f"{'; missing: ' + ', '.join(missing) if missing else ''}"
          f"{'; persons not in the article: ' + ', '.join(extra) if extra else ''}")
    print("  " + "; ".join(people))
    krows, right = [], 0
    for frag, want in SEED_QUOTES:
        hits = [q for q in quotes if frag in q.text]
        q = min(hits, key=lambda q: len(q.text)) if hits else None
        got = names.get(q.speaker, "-") if q is not None else "(no quote)"
        right += got == want
        krows.append(["ok" if got == want else "WRONG", f"\u201c{frag}\u201d", want, got])
    print(f"\nseed passages in quote marks: {right}/{len(SEED_QUOTES)} attributed to the right actor "
          f"(by canonical name; persons quoted: {len({w for _, w in SEED_QUOTES if w in SEED_PEOPLE})})")
    print(table(krows, ["", "passage", "said by", "dyad"]))
    quote_warn = [w for w in warnings if "quot" in w]
    if quote_warn:
        print("warnings:", "; ".join(quote_warn))


if __name__ == "__main__":
    main()
