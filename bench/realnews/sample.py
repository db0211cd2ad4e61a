"""The sentences of the real-news dev set: a fixed, systematic sample of PolNeAR dev articles.

Each article of ../shared/data/quotes-dev/polnear-dev/text/ is split into sentences by punctuation
alone (no dyad, no spaCy, so the sample does not depend on what dyad does): paragraphs at line
breaks, sentences at . ! ? (and a closing quote after them) followed by a space and an upper-case
letter or an opening quote. Every STEP-th sentence of each article is in the sample, starting with
its first sentence (the headline). `python bench/realnews/sample.py` prints the sample as
`file<TAB>start<TAB>end<TAB>text` for annotating; `--fold d` prints fold D instead (every
FOLD_D_STEP-th sentence from the FOLD_D_FIRST-th: sentence indices 3 mod 11, so none is in the
main sample's 0 mod 11 or fold C's 6 mod 22).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

STEP = 11
FOLD_D_FIRST, FOLD_D_STEP = 3, 22
_END = re.compile(r"""(?<=[.!?])["'\u201d\u2019)]*\s+(?=["'\u201c\u2018(]?[A-Z0-9])""")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Rev|Prof|U\.S|U\.N|No|vs|Inc|Co|Corp|Ltd|[A-Z]))\.$")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of the sentences of a text."""
    out: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        body = para.group()
        cut = 0
        for m in _END.finditer(body):
            if _ABBREV.search(body[:m.start()].rstrip("\"'\u201d\u2019)")):
                continue
            out.append((start + cut, start + m.start()))
            cut = m.end()
        out.append((start + cut, start + len(body.rstrip())))
    return [(s, e) for s, e in out if text[s:e].strip()]


def sample(text_dir: Path, first: int = 0, step: int = STEP) -> list[tuple[str, int, int]]:
    """(file name, start, end) of every step-th sentence of every article from its first-th, in file order."""
    picked = []
    for path in sorted(text_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        picked += [(path.name, s, e) for s, e in sentences(text)[first::step]]
    return picked


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from common import shared_data

    d = shared_data() / "quotes-dev" / "polnear-dev" / "text"
    fold_d = "--fold" in sys.argv and sys.argv[sys.argv.index("--fold") + 1:][:1] == ["d"]
    for name, s, e in (sample(d, FOLD_D_FIRST, FOLD_D_STEP) if fold_d else sample(d)):
        text = (d / name).read_text(encoding="utf-8")[s:e].replace("\t", " ")
        print(f"{name}\t{s}\t{e}\t{text}")
