"""Read dyad's events on real-news sentences that no gold fold holds, to find what it invents.

The gold folds take sentence indices 0 mod 11 (A and B), 6 mod 22 (C) and 3 mod 22 (D) of each
PolNeAR dev article (sample.py's punctuation splitter). Every other sentence is in no fold, so
reading dyad's output on them teaches nothing about B or C that a rule could be fitted to: they
are the same kind of text, never scored. This prints, for a seeded random sample of those
sentences, each event dyad codes there (code, source, target, the speaker's words), so a reader
can judge precision by the guide in README.md and name the classes of construction that fail.

    python bench/realnews/audit.py [--root 01] [--n 60] [--seed 1] [--empty]

`--root` keeps events of one CAMEO root; `--empty` prints instead sentences with an attribution
cue ("said", "told", "according to") where dyad has no event, for reading misses.
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import shared_data  # noqa: E402
from sample import sentences  # noqa: E402

CUE = re.compile(r"\b(said|says|told|tells|according to|stated|added|argued|wrote|warned|accused|called)\b")


def in_no_fold(index: int) -> bool:
    """Sentence indices that no gold fold samples (A/B 0 mod 11, C 6 mod 22, D 3 mod 22)."""
    return index % 11 not in (0, 3, 6)


def main() -> None:
    import dyad

    args = sys.argv[1:]

    def opt(name: str, default: str | None) -> str | None:
        return args[args.index(name) + 1] if name in args else default

    root, n, seed, empty = opt("--root", None), int(opt("--n", "60")), int(opt("--seed", "1")), "--empty" in args
    text_dir = shared_data() / "quotes-dev" / "polnear-dev" / "text"
    files = sorted(p.name for p in text_dir.glob("*.txt"))
    texts = {f: (text_dir / f).read_text(encoding="utf-8") for f in files}
    spans = {f: [(s, e) for i, (s, e) in enumerate(sentences(t)) if in_no_fold(i)] for f, t in texts.items()}
    arts = [dyad.Article(text=texts[f], doc_id=f, published=re.search(r"\d{4}-\d\d-\d\d", f)[0]) for f in files]
    found: dict[tuple[str, int, int], list] = {(f, s, e): [] for f in files for s, e in spans[f]}
    for doc in dyad.Pipeline().pipe(arts):
        for ev in doc.events:
            at = ev.trigger_start if ev.trigger_start is not None else ev.start
            for s, e in spans[doc.doc_id]:
                if s <= at < e:
                    found[(doc.doc_id, s, e)].append(ev)
    if empty:
        keys = [k for k, evs in found.items() if not evs and CUE.search(texts[k[0]][k[1]:k[2]])]
    else:
        keys = [k for k, evs in found.items() if any(root is None or ev.root == root for ev in evs)]
    random.Random(seed).shuffle(keys)
    print(f"{len(keys)} sentences in no fold match; showing {min(n, len(keys))}\n")
    for f, s, e in keys[:n]:
        print(f"## {f}:{s}\n{texts[f][s:e].strip()}")
        for ev in found[(f, s, e)]:
            if root is None or ev.root == root:
                print(f"   -> {ev.cameo} {ev.source_code or '-'} -> {ev.target_code or '-'}"
                      f"  [{texts[f][ev.trigger_start:ev.trigger_end] if ev.trigger_start is not None else ''}]"
                      f"  src={ev.source_name!r} tgt={ev.target_name!r}")
        print()


if __name__ == "__main__":
    main()
