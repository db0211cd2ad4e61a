"""Actor clustering and naming on GUM news (24 Wikinews articles with coreference and Wikipedia ids).

Prints:
- mention detection P/R/F1 and B-cubed P/R/F1 of clusters over *named* person, organisation and
  place mentions; dyad's mentions are those whose `form` is a name (or a dateline), not a demonym
  ("Chinese") or a role phrase ("Chinese officials"); the B-cubed figures over every mention follow (a gold mention is named when it holds a capitalised word that is not merely
  sentence-initial; gold clusters are restricted to their named mentions; a gold mention dyad
  misses counts as a singleton, following Cai & Strube 2010);
- each figure for two fixed folds of the articles (sha1 of the doc id, even = A, odd = B) and for all:
  fold A is for reading failures (`-v`, and its per-article table); fold B is only ever printed as
  numbers, so a change that raises A but not B fits A's articles and is reverted;
- the share of gold entities with a Wikipedia identity whose dyad canonical name matches it;
- the time of the actor stage relative to the spaCy parse of the same texts;
- the actor table of the seed article.
"""
from __future__ import annotations

import hashlib
import os
import re
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote

sys.path.insert(0, str(Path(__file__).parent))
from common import prf, shared_data, table  # noqa: E402
os.environ.setdefault("DYAD_TIME_BUDGET", "0")  # accuracy, not speed: a loaded machine must not skip texts

_POSTMOD = {"of", "near", "in", "at", "for", "from", "with", "on", "to", "who", "that", "which", ",", "("}
TYPES = {"person", "organization", "place"}


def read_gum(tsv: Path, conll: Path):
    """Text rebuilt at the TSV offsets, and gold mentions (start, end, type, cluster, identity)."""
    toks = []
    for line in tsv.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and re.fullmatch(r"\d+-\d+", parts[0]):
            s, e = map(int, parts[1].split("-"))
            toks.append((s, e, parts[2], int(parts[0].split("-")[0])))
    n = max(e for _, e, _, _ in toks)
    chars = [" "] * n
    prev_sent = None
    for s, e, t, sent in toks:
        chars[s:e] = list(t)
        if prev_sent is not None and sent != prev_sent and s > 0:
            chars[s - 1] = "\n"
        prev_sent = sent
    text = "".join(chars)
    sent_first = {}
    for i, (_, _, _, sent) in enumerate(toks):
        sent_first.setdefault(sent, i)
    mentions = []
    stack: dict[str, list] = defaultdict(list)
    ti = 0
    for line in conll.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        _, _, ann = line.split("\t")[:3]
        for m in re.finditer(r"\(([a-z]+)-(\d+)(?:-([^()|]+?))?(?=\(|\)|$)|([a-z]+)-(\d+)(?:-([^()|]+?))?\)", ann):
            if m.group(1):
                typ, cid, ident = m.group(1), m.group(2), m.group(3)
                stack[cid].append((ti, typ, ident))
                if ann[m.end():m.end() + 1] == ")":
                    pass
            else:
                cid = m.group(5)
                if stack[cid]:
                    st, typ, ident = stack[cid].pop()
                    mentions.append((st, ti, typ, cid, ident))
        # single-token mentions written "(type-id-ident)"
        for m in re.finditer(r"\(([a-z]+)-(\d+)(?:-([^()]+?))?\)", ann):
            cid = m.group(2)
            if stack[cid] and stack[cid][-1][0] == ti:
                st, typ, ident = stack[cid].pop()
                mentions.append((st, ti, typ, cid, ident))
        ti += 1
    gold = []
    for st, en, typ, cid, ident in mentions:
        if typ not in TYPES:
            continue
        words = [w[2] for w in toks[st:en + 1]]
        # the head: the last word before a post-modifier; named when it is capitalised
        cut = next((k for k, w in enumerate(words) if k and w.lower() in _POSTMOD), len(words))
        head_words = [w for w in words[:cut] if w not in ("'s", "'", ",")]
        while len(head_words) > 2 and head_words[-2] == "-":  # "Kim Jong - un"
            head_words = head_words[:-2]
        head = head_words[-1] if head_words else ""
        sentence_initial = sent_first[toks[st][3]] == st and len(head_words) == 1
        if not head[:1].isupper() or head in ("I", "Me", "We", "He", "She", "They", "It") or (sentence_initial and not head.isupper()):
            continue
        gold.append((toks[st][0], toks[en][1], typ, cid, unquote(ident) if ident else None))
    return text, gold


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("_", " "))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"\s*\(.*\)$", "", s).strip()
    return re.sub(r"^the\s+", "", re.sub(r"\s*-\s*", "-", s))


def align(gold, sys_mentions):
    """One-to-one: gold index -> system mention index. Exact spans first, then overlapping spans that
    share their start or end (allowing a trailing possessive)."""
    out = {}
    used = set()
    cands = []
    for i, (gs, ge, *_rest) in enumerate(gold):
        for j, (s, e, _) in enumerate(sys_mentions):
            if s < ge and gs < e and (e == ge or s == gs or ge - 3 <= e <= ge):
                cands.append(((s == gs) + (e == ge), -abs((e - s) - (ge - gs)), i, j))
    for _, _, i, j in sorted(cands, reverse=True):
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def b_cubed(gold, sys_mentions, alignment):
    gold_cluster = defaultdict(set)
    for i, g in enumerate(gold):
        gold_cluster[g[3]].add(i)
    sys_cluster = defaultdict(set)
    for i, j in alignment.items():
        sys_cluster[sys_mentions[j][2]].add(i)
    r_sum = p_sum = 0.0
    for i, g in enumerate(gold):
        G = gold_cluster[g[3]]
        S = sys_cluster[sys_mentions[alignment[i]][2]] if i in alignment else {i}
        r_sum += len(G & S) / len(G)
    for i in alignment:
        G = gold_cluster[gold[i][3]]
        S = sys_cluster[sys_mentions[alignment[i]][2]]
        p_sum += len(G & S) / len(S)
    return p_sum, len(alignment), r_sum, len(gold)


def fold(doc_id: str) -> str:
    """The fixed fold of an article: sha1 of its id, even = A (read while developing), odd = B (only scored)."""
    return "AB"[int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 2]


def score(totals: dict) -> dict[str, float]:
    """The figures of one set of articles from its summed counts."""
    md_p, md_r, md_f = prf(totals["tp"], totals["sysn"] - totals["tp"], totals["goldn"] - totals["tp"])
    bp = totals["p"] / totals["pn"] if totals["pn"] else 0.0
    br = totals["r"] / totals["rn"] if totals["rn"] else 0.0
    ep, er = totals["ep"] / max(1, totals["epn"]), totals["er"] / max(1, totals["ern"])
    return {"md_p": md_p, "md_r": md_r, "md_f": md_f, "bp": bp, "br": br, "bf": 2 * bp * br / (bp + br) if bp + br else 0.0,
            "ep": ep, "er": er, "ef": 2 * ep * er / (ep + er) if ep + er else 0.0,
            "named": totals["named_ok"] / max(1, totals["named_all"]), "n": totals["docs"]}


def main() -> None:
    import dyad
    from dyad import nlp

    data = shared_data() / "entities-dev" / "gum_news"
    pipe = dyad.Pipeline()
    # warm up once-per-process loads (KB phrase matchers, city gazetteer), as the parse's model load is not timed
    pipe.actors(nlp.parse("Officials in Springfield met the mayor of Xanadu City."), None)
    keys = ("p", "pn", "r", "rn", "tp", "sysn", "goldn", "ep", "epn", "er", "ern", "named_ok", "named_all", "docs")
    totals = {f: dict.fromkeys(keys, 0.0) for f in ("A", "B", "all")}
    named_found = 0
    t_parse = t_actors = 0.0
    rows = []
    misses = []
    for tsv in sorted((data / "tsv").glob("*.tsv")):
        conll = data / "conll" / (tsv.stem + ".conll")
        text, gold = read_gum(tsv, conll)
        t0 = time.perf_counter()
        doc = nlp.parse(text)
        t1 = time.perf_counter()
        resolver = pipe.actors(doc, None)
        t2 = time.perf_counter()
        t_parse += t1 - t0
        t_actors += t2 - t1
        counts = dict.fromkeys(keys, 0.0)
        counts["docs"] = 1
        every = [(m.start, m.end, a.id) for a in resolver.actors
                 if a.kind in ("person", "organization", "place", "country", "group") for m in a.mentions]
        counts["ep"], counts["epn"], counts["er"], counts["ern"] = b_cubed(gold, every, align(gold, every))
        # scored: the mentions that name their actor (no demonym "Chinese", no role phrase "Chinese officials")
        sys_mentions = [(m.start, m.end, a.id) for a in resolver.actors
                        if a.kind in ("person", "organization", "place", "country", "group") for m in a.mentions
                        if m.form in ("name", "dateline")]
        al = align(gold, sys_mentions)
        p, pn, r, rn = b_cubed(gold, sys_mentions, al)
        counts.update(p=p, pn=pn, r=r, rn=rn, tp=len(set(al.values())), goldn=len(gold), sysn=len(sys_mentions))
        # naming: gold entities with an identity
        by_entity = defaultdict(list)
        for i, g in enumerate(gold):
            if g[4]:
                by_entity[g[3]].append(i)
        name = tsv.stem.replace("GUM_news_", "")
        f = fold(tsv.stem)
        for cid, idx in by_entity.items():
            counts["named_all"] += 1
            ident = gold[idx[0]][4]
            names = {resolver.actor(sys_mentions[al[i]][2]).name for i in idx if i in al}
            if names:
                named_found += 1
            if any(_norm(n) == _norm(ident) for n in names):
                counts["named_ok"] += 1
            elif names and f == "A":
                misses.append((name, ident, sorted(names)[:2]))
        for k, v in counts.items():
            totals[f][k] += v
            totals["all"][k] += v
        if f == "A":  # fold B is only ever seen as totals
            rows.append([name, len(gold), len(sys_mentions), f"{(p / pn if pn else 0):.2f}", f"{(r / rn if rn else 0):.2f}"])
    print("fold A articles:")
    print(table(rows, ["article", "gold named", "dyad mentions", "B3 P", "B3 R"]))
    res = {f: score(t) for f, t in totals.items()}
    measures = [("named mention detection P", "md_p"), ("named mention detection R", "md_r"),
                ("named mention detection F1", "md_f"),
                ("B3 P (named person/org/place mentions)", "bp"), ("B3 R", "br"), ("B3 F1", "bf"),
                ("B3 P, every dyad mention (demonyms, roles)", "ep"), ("B3 R, every dyad mention", "er"),
                ("B3 F1, every dyad mention", "ef"), ("canonical name = Wikipedia identity", "named")]
    print()
    print(table([[label] + [f"{res[f][k]:.3f}" for f in ("A", "B", "all")] for label, k in measures],
                [f"measure (folds by sha1 of the doc id)", f"fold A ({res['A']['n']:.0f})",
                 f"fold B ({res['B']['n']:.0f})", f"all ({res['all']['n']:.0f})"]))
    a = res["all"]
    print(f"\nB3 over named person/organisation/place mentions:            P {a['bp']:.3f}  R {a['br']:.3f}  F1 {a['bf']:.3f}")
    print(f"canonical name = Wikipedia identity: {totals['all']['named_ok']:.0f}/{totals['all']['named_all']:.0f} entities"
          f" = {a['named']:.3f}  (of the {named_found} dyad found: {totals['all']['named_ok'] / max(1, named_found):.3f})")
    print(f"time: spaCy parse {t_parse:.2f}s, actor stage {t_actors:.2f}s = {100 * t_actors / t_parse:.1f}% of the parse")
    if "-v" in sys.argv:
        for m in misses:
            print("  name miss (fold A):", m)

    seed = shared_data().parent / "seed" / "blinken-xi-visit.txt"
    if seed.exists():
        doc = pipe.process(dyad.Article(text=seed.read_text(encoding="utf-8"), published="2023-06-19"))
        print("\nseed article actors:")
        print(table([[a.id, a.name, a.kind, a.code or "", a.link.get("method", ""),
                      "; ".join(sorted({m.text for m in a.mentions}))[:70], len(a.mentions)] for a in doc.actors],
                    ["id", "name", "kind", "code", "link", "mention forms", "n"]))


if __name__ == "__main__":
    main()
