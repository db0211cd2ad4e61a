"""Quote spans: quotation marks paired on the raw text, paragraph by paragraph.

Every common style is read: “…”, "…", ‘…’, '…', «…», »…«, „…“, ``…''; a mark's role (opening or
closing) comes from its shape and from what stands on either side of it. What cannot be paired is
reported in `warnings`.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass


MARK_RE = re.compile("``|''|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb'\u2018\u2019\u201a\u2039\u203a]")
DOUBLE = {'"', "\u201c", "\u201d", "\u201e", "\u201f", "\u00ab", "\u00bb", "``", "''"}
OPENING = {"\u201c", "\u201e", "\u201f", "\u00ab", "``", "\u2018", "\u201a", "\u2039"}  # by shape
CLOSING = {"\u201d", "\u00bb", "''", "\u2019", "\u203a"}
BEFORE_OPEN = set("([{\u2014\u2013-/:;,\u2015") | {"\u2026"}
AFTER_CLOSE = set(".,;:!?)]}\u2014\u2013-/\u2026\u2015")
ALL_MARKS = set("\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a`")
ELISION = re.compile(r"(?:\d0s|\d\d\b|em\b|til\b|cause\b|n\b|tis\b|twas\b|bout\b|round\b)", re.I)
# closing marks that may end a quote opened by a given mark, best first
CLOSERS = {
    "\u201c": ("\u201d", "\u201c", '"'), '"': ('"', "\u201d", "\u201c"), "\u201d": ("\u201d", '"'),
    "\u201e": ("\u201c", "\u201d", '"'), "\u201f": ("\u201d", '"'), "\u00ab": ("\u00bb",), "\u00bb": ("\u00ab",),
    "``": ("''", '"', "\u201d"), "''": ("''",),
    "\u2018": ("\u2019", "'"), "'": ("'", "\u2019"), "\u2019": ("\u2019",), "\u201a": ("\u2018", "\u2019"),
    "\u2039": ("\u203a",), "\u203a": ("\u2039",),
}


@dataclass
class Marked:
    """A stretch of text between quotation marks."""

    start: int  # content
    end: int
    open_at: int  # the opening mark
    close_at: int  # just past the closing mark (== end when the closing mark is missing)
    closed: bool = True
    single: bool = False
    label: tuple[int, int] | None = None  # "WALLACE:" before a transcript turn: the name's span

    def words(self, text: str) -> int:
        return len(re.findall(r"\w+", text[self.start:self.end]))


@dataclass
class _Mark:
    start: int
    end: int
    ch: str
    role: str  # open | close | either


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _role(text: str, s: int, e: int, ch: str) -> str:
    p = text[s - 1] if s > 0 else "\n"
    n = text[e] if e < len(text) else "\n"
    left = not n.isspace() and (p.isspace() or p in BEFORE_OPEN or p in ALL_MARKS)
    right = not p.isspace() and (n.isspace() or n in AFTER_CLOSE or n in ALL_MARKS)
    if ch in OPENING:
        return "close" if right and not left else "open"
    if ch in CLOSING:
        return "open" if left and not right else "close"
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "either"


def _is_inch(text: str, m: _Mark, closer_later: bool) -> bool:
    """12" or 5'11": a straight mark after a digit that is not the end of a quote."""
    if m.ch not in ('"', "''", "'") or m.start == 0 or not text[m.start - 1].isdigit():
        return False
    rest = text[m.end:m.end + 3]
    if rest[:1].isalnum() or rest[:1] in ("-", "x", "\u00d7"):
        return True
    return closer_later and bool(re.match(r"\s[a-z0-9]", rest))


def find_marked(text: str, warnings: list[str], cue_between=None) -> list[Marked]:
    """The quotes of a text by its quotation marks; what cannot be paired is reported in `warnings`.

    `cue_between(start, end)` tells whether a stretch of text holds a reporting verb; it lets a
    quote whose closing mark is missing end before "he said" when the next quote opens.
    """
    paras = _paragraphs(text)
    para_starts = [s for s, _ in paras]
    marks = [m for m in MARK_RE.finditer(text)]
    doubles: list[_Mark] = []
    singles: list[_Mark] = []
    for m in marks:
        ch = m.group()
        mk = _Mark(m.start(), m.end(), ch, _role(text, m.start(), m.end(), ch))
        (doubles if ch in DOUBLE else singles).append(mk)
    out = _pair_doubles(text, doubles, paras, para_starts, warnings, cue_between)
    out += _pair_singles(text, singles, paras, para_starts, out)
    out.sort(key=lambda q: q.start)
    # a double-marked quote nested in a single-marked one (British style) belongs to it
    keep, last_end = [], -1
    for q in sorted(out, key=lambda q: (q.open_at, -q.close_at)):
        if q.open_at < last_end:
            continue
        keep.append(q)
        last_end = q.close_at
    return [q for q in keep if text[q.start:q.end].strip()]


def _pair_doubles(text, marks: list[_Mark], paras, para_starts, warnings, cue_between) -> list[Marked]:
    out: list[Marked] = []
    open_: _Mark | None = None
    first: _Mark | None = None  # the opening mark of a quote running over several paragraphs

    def para_of(pos: int) -> int:
        return bisect_right(para_starts, pos) - 1

    def unclosed(o: _Mark, f: _Mark, end_para: int) -> None:
        ps, pe = paras[end_para]
        end = pe
        while end > o.end and text[end - 1].isspace():
            end -= 1
        before = text[paras[para_of(f.start)][0]:f.start].rstrip()
        certain = not before or before.endswith((":", ",", "\u2014", "\u2013"))
        if certain and len(re.findall(r"\w+", text[f.end:end])) >= 3:
            # “We will win, he said. ...: the quote ends before its cue
            cut = None
            if cue_between is not None:
                for m in re.finditer(r"[,!?](?=\s)", text[f.end:end]):
                    s0 = f.end + m.end()
                    stop = re.search(r"[.,;!?:]", text[s0:end])
                    seg_end = s0 + stop.start() if stop else end
                    if len(text[s0:seg_end].split()) <= 6 and cue_between(s0, seg_end):
                        cut = f.end + m.end()
                        break
            if cut is not None:
                out.append(Marked(f.end, cut, f.start, cut, closed=False))
                warnings.append(f"quotation mark at {f.start} is never closed: quote taken to its cue at {cut}")
            else:
                out.append(Marked(f.end, end, f.start, end, closed=False))
                warnings.append(f"quotation mark at {f.start} is never closed: quote taken to the end of its paragraph")
        else:
            warnings.append(f"quotation mark at {f.start} is never closed: ignored")

    i = 0
    while i < len(marks):
        m = marks[i]
        if open_ is not None and para_of(m.start) != para_of(open_.start):
            # a paragraph ended inside the quote: does the next paragraph with text reopen it?
            k = para_of(open_.start) + 1
            while k < len(paras) and not text[paras[k][0]:paras[k][1]].strip():
                k += 1
            lead = len(text[paras[k][0]:paras[k][1]]) - len(text[paras[k][0]:paras[k][1]].lstrip()) if k < len(paras) else 0
            if k < len(paras) and m.start == paras[k][0] + lead and m.role in ("open", "either"):
                open_ = m  # continuation: the quote goes on; `first` keeps its start
                i += 1
                continue
            unclosed(open_, first, para_of(open_.start))
            open_ = first = None
        if open_ is None:
            if m.role in ("open", "either") and not _is_inch(text, m, False):
                open_ = first = m
            elif _is_inch(text, m, False) or (m.start and text[m.start - 1].isdigit()):
                warnings.append(f"quotation mark at {m.start} read as an inch or second sign")
            else:
                warnings.append(f"closing quotation mark at {m.start} has no opening mark: ignored")
            i += 1
            continue
        pe = paras[para_of(m.start)][1]
        closers = CLOSERS.get(open_.ch, ('"',))
        compatible = m.ch in closers and m.role in ("close", "either")
        if compatible and m.ch != closers[0]:
            # a second-choice closer only when the proper one does not come later in the paragraph
            compatible = text.find(closers[0], m.end, pe) < 0 or m.role == "close" and m.ch in CLOSING
        if compatible:
            later = any(text.find(c, m.end, pe) >= 0 for c in closers)
            if _is_inch(text, m, later):
                warnings.append(f"quotation mark at {m.start} read as an inch or second sign")
                i += 1
                continue
            if m.start > first.end:
                out.append(Marked(first.end, m.start, first.start, m.end))
            open_ = first = None
        elif m.role == "open":
            # a quote nested in the open one with the same marks (“... “hell” ...”): skip over it
            nxt = [x for x in marks[i + 1:i + 3] if x.start < pe]
            if len(nxt) == 2 and all(x.role in ("close", "either") for x in nxt) and \
                    nxt[0].ch in CLOSERS.get(m.ch, ('"',)) and nxt[1].ch in closers:
                i += 2
                continue
            # a new quote opens before the last one closed
            cut = _missing_close(text, open_, m, cue_between)
            if cut is not None:
                out.append(Marked(first.end, cut, first.start, cut, closed=False))
                warnings.append(f"quotation mark at {first.start} is not closed: quote ends at {cut}, before its cue")
            else:
                warnings.append(f"quotation mark at {first.start} is not closed before the next one opens: ignored")
            open_ = first = m
        else:
            warnings.append(f"quotation mark at {m.start} does not match the opening mark at {open_.start}: ignored")
        i += 1
    if open_ is not None:
        unclosed(open_, first, para_of(open_.start))
    return out


def _missing_close(text: str, open_: _Mark, new: _Mark, cue_between) -> int | None:
    """Where a quote whose closing mark is missing ends: before ", he said" that precedes the next quote."""
    seg = text[open_.end:new.start]
    best = None
    for m in re.finditer(r"[,.!?](?=\s)", seg):
        best = m
    if best is None or cue_between is None:
        return None
    cut = open_.end + best.end()
    tail = text[cut:new.start]
    if len(tail.split()) > 12 or not cue_between(cut, new.start):
        return None
    return cut


def _pair_singles(text, marks: list[_Mark], paras, para_starts, doubles: list[Marked]) -> list[Marked]:
    """Single-marked quotes inside paragraphs, outside double-marked ones."""
    blocked = sorted((q.open_at, q.close_at) for q in doubles)
    starts = [b[0] for b in blocked]

    def inside_double(pos: int) -> bool:
        k = bisect_right(starts, pos) - 1
        return k >= 0 and blocked[k][0] < pos < blocked[k][1]

    def crosses(s: int, e: int) -> bool:
        k = bisect_left(starts, s)
        return any(a < e < b or a < s < b for a, b in blocked[max(0, k - 1):k + 20])

    out: list[Marked] = []
    by_para: dict[int, list[_Mark]] = {}
    for m in marks:
        if not inside_double(m.start):
            by_para.setdefault(bisect_right(para_starts, m.start) - 1, []).append(m)
    for pi, ms in by_para.items():
        j = 0
        while j < len(ms):
            o = ms[j]
            j += 1
            if not _single_opens(text, o):
                continue
            cands = [c for c in ms[j:] if _single_closes(text, c)]
            if not cands:
                continue
            pick = None
            for n, c in enumerate(cands):
                plural_possessive = text[c.start - 1:c.start] == "s" and re.match(r"\s[a-z]", text[c.end:c.end + 2])
                if plural_possessive and n + 1 < len(cands):
                    continue
                pick = c
                break
            if pick is None or not re.search(r"[^\W\d_]", text[o.end:pick.start]) or crosses(o.start, pick.end):
                continue
            out.append(Marked(o.end, pick.start, o.start, pick.end, single=True))
            j = ms.index(pick) + 1
    return out


def _single_opens(text: str, m: _Mark) -> bool:
    p = text[m.start - 1] if m.start else "\n"
    if p.isalnum() or m.role == "close":
        return False
    if m.ch in ("'", "\u2019") and (m.role != "open" or ELISION.match(text, m.end)):
        return False
    return m.role == "open" or (m.role == "either" and m.ch in OPENING)


def _single_closes(text: str, m: _Mark) -> bool:
    n = text[m.end] if m.end < len(text) else "\n"
    return m.role == "close" and not n.isalnum()

