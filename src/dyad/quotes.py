"""The quotes stage: who said what, in direct and indirect speech, attributed to canonical actors.

1. Quotation marks are paired on the raw text, so the spans survive whatever the parser does
   with sentences inside quotes. Every common style is read: “…”, "…", ‘…’, '…', «…», »…«,
   „…“, ``…''; a mark's role (opening or closing) comes from its shape and from what stands on
   either side of it, so straight marks, odd counts and sloppy typing are handled mark by mark.
   A paragraph that ends inside a quote continues into the next one when that opens with a mark.
   Marks that cannot be paired (a missing closing mark, a stray mark, an inch sign) are reported
   in `warnings`; a quote whose closing mark is missing is kept only when its extent is certain
   (it opens its paragraph or follows a colon, and ends at its paragraph or before ", he said").
   Transcript turns ("PENCE: Well, ...") are quotes of the labelled speaker.
2. Each direct quote gets a cue: a reporting verb right before it (X said: “…” / he added, “…”),
   right after it (“…,” X said / said X), or governing it in the parse (described them as
   “candid”); "according to X"; a "― Name" signature; "X said." opening the next sentence; a
   colon or dash after a named actor; or, for a phrase quoted inside a sentence, the named person
   who is the subject of its clause. A quote with no cue of its own continues the speaker of the
   quote before it in its paragraph (and shares its cue, as one attribution), and a paragraph that
   is only a quote continues the previous speaker. Short quoted phrases with no speaker and
   quoted titles (“Face the Nation”) are scare quotes or names: left out, listed in one warning.
3. Indirect speech comes from the parse: a reporting verb with a clausal complement ("Blinken
   said the United States is ready ...", "..., officials said"), the sentence around a
   parenthetical "X said" ("The talks, he said, were useful"), an infinitive ("vowed to ..."),
   or, for verbs like call, describe or accuse, an object ("called the plan “a disaster”");
   "according to X"; nouns of saying ("Trump's claim that ..."). A complement that holds a
   direct quote becomes one `mixed` quote; nested attributions are kept, each with its speaker.
4. Speakers go through the actors stage: names directly; "he"/"she" to the latest speaker of
   that gender unless another person has since been a main-clause subject (else the resolver's
   antecedent); role nouns ("the secretary"); organisations, also by a definite head noun ("the
   ministry" after "China's foreign ministry"); "who" to the noun it follows.

Each `Quote` carries the content span (`start`, `end`), the cue span and the speaker mention
span it was attributed through; quotes attributed through one cue (a split quote) share it.
The lexicon is data: `dyad/data/reporting.yaml`, or the file named by `DYAD_REPORTING`.
"""
from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from spacy.tokens import Doc, Token

from .actors import FEMALE, MALE, Resolver
from .types import Actor, Quote

# --------------------------------------------------------------------------------------------
# Lexicon


@dataclass(frozen=True)
class Lexicon:
    speech: frozenset[str]
    belief: frozenset[str]
    infinitive: frozenset[str]
    objects: dict[str, frozenset[str]]
    addressee: frozenset[str]
    phrases: tuple[str, ...]
    nouns: frozenset[str]

    @property
    def verbs(self) -> frozenset[str]:
        return self.speech | self.belief | self.infinitive | frozenset(self.objects)


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    if path:
        raw = Path(path).read_text(encoding="utf-8")
    else:
        raw = (resources.files("dyad") / "data" / "reporting.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw) or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in (data.get(key) or []))

    speech = words("speech") | words("verbs")  # "verbs": the key of older lexicon files
    objects = {str(k).lower(): frozenset(str(p).lower() for p in (v or [])) for k, v in (data.get("object") or {}).items()}
    return Lexicon(speech=speech, belief=words("belief"), infinitive=words("infinitive"), objects=objects,
                   addressee=words("addressee"), phrases=tuple(str(p).lower() for p in data.get("phrases") or []),
                   nouns=words("nouns"))


@lru_cache(maxsize=8)
def _phrases_re(phrases: tuple[str, ...]) -> re.Pattern:
    alts = sorted((r"\s+".join(map(re.escape, p.split())) for p in phrases if p.strip()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.I) if alts else re.compile(r"(?!x)x")


@lru_cache(maxsize=4)
def lexicon(path: str | None = None) -> Lexicon:
    return load_lexicon(path or os.environ.get("DYAD_REPORTING") or None)


# --------------------------------------------------------------------------------------------
# Quotation marks

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


# --------------------------------------------------------------------------------------------
# Attribution

SENT_END = {".", "!", "?", "\u2026"}
CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "parataxis", "advcl", "obj", "dative"}
RELATIVE = {"who", "which", "that", "whom"}
SUBORDINATORS = {"after", "before", "when", "while", "because", "since", "although", "though", "until", "unless",
                 "once", "whereas", "whenever", "where", "so"}

PLURAL_PRONOUNS = {"they", "them"}
FIRST_PERSON = {"i", "me", "we", "us"}
PRONOUN_STARTS = {"i", "we", "you", "he", "she", "it", "they", "i'm", "we're", "you're", "it's", "that's", "i\u2019m",
                  "we\u2019re", "you\u2019re", "it\u2019s", "that\u2019s", "don't", "don\u2019t", "let's", "let\u2019s"}
VERBISH = ("VERB", "AUX")
SUBJECT_POS = ("NOUN", "PROPN", "PRON", "NUM", "X")


def _content_clause(c: Token) -> bool:
    """A complement clause that can be what was said: not "after he admitted ..." that the parser
    hung on a reporting verb."""
    first = next((t for t in c.subtree if not t.is_punct), None)
    if first is not None and first.lower_ in SUBORDINATORS:
        return False
    # "..., Sanders said, suggesting a few questions": a participle clause is not the content
    return not (c.tag_ == "VBG" and not any(x.dep_ in ("nsubj", "nsubjpass", "csubj", "mark") for x in c.children))


@dataclass
class _Attr:
    """One attribution being built: content span, cue, speaker."""

    start: int
    end: int
    kind: str
    cue: Token | None = None
    cue_text: str | None = None
    cue_span: tuple[int, int] | None = None
    subj: Token | None = None  # the head of the speaker phrase, what is resolved
    mention: Token | None = None  # the word the text names the speaker with, when not `subj` ("who")
    quotes: list[int] = field(default_factory=list)  # direct quotes it covers
    how: str = ""
    actor: Actor | None = None
    name: str | None = None
    speaker_span: tuple[int, int] | None = None
    inherited: "_Attr | None" = None


class QuoteStage:
    def __init__(self, lexicon_path: str | None = None):
        self.lexicon_path = lexicon_path

    def __call__(self, doc: Doc, resolver: Resolver, warnings: list[str]) -> list[Quote]:
        try:
            return _Run(doc, resolver, lexicon(self.lexicon_path), warnings).quotes()
        except Exception as exc:  # never lose an article to the quote stage: keep the marked quotes
            if os.environ.get("DYAD_STRICT"):  # for development: see the failure
                raise
            warnings.append(f"quotes: attribution failed ({type(exc).__name__}: {exc}); quotes kept without speakers")
            try:
                return [Quote(start=q.start, end=q.end, text=doc.text[q.start:q.end], kind="direct")
                        for q in find_marked(doc.text, []) if q.words(doc.text) > 4]
            except Exception:
                return []


class _Run:
    """The quote stage over one document."""

    def __init__(self, doc: Doc, resolver: Resolver, lex: Lexicon, warnings: list[str]):
        self.doc, self.text, self.res, self.lex, self.warnings = doc, doc.text, resolver, lex, warnings
        self.verbs = lex.verbs
        self.starts = [t.idx for t in doc]
        self.paras = _paragraphs(self.text)
        self.para_starts = [s for s, _ in self.paras]
        self.tok_para = [bisect_right(self.para_starts, t.idx) - 1 for t in doc]

    # -- small helpers ----------------------------------------------------------------------
    def tok_index(self, char: int) -> int:
        """Index of the first token starting at or after `char`."""
        return bisect_left(self.starts, char)

    def toks(self, s: int, e: int) -> range:
        return range(self.tok_index(s), self.tok_index(e))

    def is_cue_verb(self, t: Token, kinds: frozenset[str] | None = None) -> bool:
        lemma = t.lemma_.lower()
        if lemma not in (kinds if kinds is not None else self.verbs):
            return False
        return t.pos_ in VERBISH or t.tag_.startswith("VB")

    def outside(self, t: Token) -> bool:
        return self.qidx[t.i] < 0

    # -- the run ----------------------------------------------------------------------------
    def quotes(self) -> list[Quote]:
        doc, text = self.doc, self.text
        labels = self._labels()
        masked = text
        for pi, m in labels:
            ps, pe = self.paras[pi]
            masked = masked[:ps] + "_" * (pe - ps) + masked[pe:]  # no marks, not blank
        marked = find_marked(masked, self.warnings, self._cue_between) + [m for _, m in labels]
        marked.sort(key=lambda q: q.start)
        self.marked = marked
        self.qidx = [-1] * len(doc)
        for k, q in enumerate(marked):
            for i in self.toks(q.open_at, q.close_at):
                self.qidx[i] = k
        attrs: list[_Attr] = []
        direct: list[_Attr | None] = [None] * len(marked)
        for k, q in enumerate(marked):
            a = self._attribute(k)
            if a is not None:
                direct[k] = a
        indirect = self._indirect()
        # direct quotes inside an indirect complement become part of it ("mixed")
        absorbed: set[int] = set()
        for a in indirect:
            if a.quotes:
                absorbed.update(a.quotes)
        for k, a in enumerate(direct):
            if k in absorbed:
                continue
            q = marked[k]
            if a is None:
                a = _Attr(q.start, q.end, "direct", how="none")
                direct[k] = a
            a.quotes = [k]
            attrs.append(a)
        attrs += indirect
        attrs.sort(key=lambda a: (a.start, a.end))
        self._resolve_speakers(attrs)
        self._chain(attrs, marked)
        return self._finish(attrs, marked)

    LABEL = re.compile(r"[ \t]*[\"\u201c\u201d']?[ \t]*((?:[A-Z][\w.'\-]*[ \t]){0,3}[A-Z][\w.'\-]*):[ \t]+(?=\S)")
    NOT_LABELS = {"update", "note", "editor's note", "correction", "related", "watch", "read more", "photos", "video",
                  "source", "sources", "q", "a", "question", "answer", "warning", "breaking", "exclusive", "analysis",
                  "opinion", "live", "transcript", "caption", "credit", "disclaimer", "ps", "p.s"}

    def _labels(self) -> list[tuple[int, Marked]]:
        """Transcript turns and headline attributions: a paragraph opening with "NAME: ..."."""
        text = self.text
        found = []
        for pi, (ps, pe) in enumerate(self.paras):
            m = self.LABEL.match(text, ps, pe)
            if m is None or m.group(1).lower().rstrip(".") in self.NOT_LABELS:
                continue
            found.append((pi, m))
        if not found:
            return []
        counts: dict[str, int] = {}
        for _, m in found:
            counts[m.group(1).lower()] = counts.get(m.group(1).lower(), 0) + 1
        # a transcript: some speaker label comes back; then every capitalised label is a speaker
        transcript = any(n >= 2 for n in counts.values())
        out = []
        for pi, m in found:
            name = m.group(1)
            ls, le = m.span(1)
            toks = [self.doc[i] for i in self.toks(ls, le)]
            if not toks:
                continue
            person = any((a := self.res.at(t)) is not None and a.kind == "person" for t in toks) or \
                any(t.ent_type_ == "PERSON" for t in toks) or (name.isupper() and self._by_surname(toks[-1].text) is not None)
            if not (person or (counts[name.lower()] >= 2 or transcript and name.isupper()) and
                    (name.isupper() or all(t.is_title for t in toks))):
                continue
            ps, pe = self.paras[pi]
            cs, ce = m.end(), pe
            while ce > cs and text[ce - 1].isspace():
                ce -= 1
            opened = text[ps:m.start(1)].strip()
            if opened and ce > cs and text[ce - 1] in ALL_MARKS:
                ce -= 1
            if ce - cs < 2:
                continue
            out.append((pi, Marked(cs, ce, ls, pe, label=(ls, le))))
        return out

    def _cue_between(self, s: int, e: int) -> bool:
        return any(self.is_cue_verb(self.doc[i], self.lex.speech) for i in self.toks(s, e))

    # -- direct quotes ----------------------------------------------------------------------
    def _attribute(self, k: int) -> _Attr | None:
        q = self.marked[k]
        a = _Attr(q.start, q.end, "direct")
        if q.label is None and self._title(q):
            a.how = "title"  # “Fox and Friends”, “The Apprentice”: a name, not speech
            return a
        if q.label is not None:
            toks = [self.doc[i] for i in self.toks(*q.label)]
            a.subj, a.how = toks[-1], "label"
            colon = q.label[1]
            a.cue, a.cue_text, a.cue_span = toks[-1], ":", (colon, colon + 1)
            return a
        before = self._before_cue(k)
        if before is not None and before[1] and self._with_cue(a, before[0], "before"):
            return a
        after = self._after_cue(k)
        if isinstance(after, _Attr):
            return after
        if after is not None and self._with_cue(a, after, "after"):
            return a
        if before is not None and self._with_cue(a, before[0], "governs"):
            return a
        nxt = self._neighbour_cue(k)
        if nxt is not None and self._with_cue(a, nxt, "neighbour"):
            return a
        lead = self._named_lead(k)
        if lead is not None:
            return lead
        ctx = self._context_verb(k)
        if ctx is not None and self._with_cue(a, ctx, "context"):
            return a
        return None

    SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with", "from", "is",
                   "are", "be", "as", "vs", "v", "de", "la", "le", "du", "von", "van", "into", "&"}

    def _title(self, q: Marked) -> bool:
        """A short quoted phrase in title case inside a sentence: a show, book, song or program name."""
        words = re.findall(r"[^\W\d_][\w'\u2019\-]*|\d+\w*", self.text[q.start:q.end])
        if not words or len(words) > 8:
            return False
        content = [w for w in words if w.lower() not in self.SMALL_WORDS]
        if not content or not all(w[0].isupper() or w[0].isdigit() for w in content):
            return False
        if len(content) == 1 and not content[0][0].isdigit():
            # one capitalised word: a title only when named like one ("on “Hardball”")
            before = self.text[max(0, q.open_at - 12):q.open_at].lower()
            return bool(re.search(r"(\bon|\bin|\bof|['\u2019]s|titled|called|named|show|program|film|book|song)\s*$", before))
        body = self.text[q.start:q.end].rstrip(" .,;:")
        if re.search(r"[!?]|\.\s", body) or words[0].lower() in PRONOUN_STARTS:
            return False  # “The Donald. Big Daddy.”, “We're America”: speech
        # only inside a sentence ("on CBS's “Face the Nation”"), and not in a title-case headline
        before = self.text[:q.open_at].rstrip()
        if not before or not (before[-1].isalnum() or before[-1] in ",\u2019'") or before.endswith("\n"):
            return False
        ps = self.paras[bisect_right(self.para_starts, q.open_at) - 1][0]
        para_words = re.findall(r"[^\W\d_][\w'\u2019\-]*", self.text[ps:q.open_at])
        para_content = [w for w in para_words if w.lower() not in self.SMALL_WORDS]
        if len(para_content) >= 3 and sum(w[0].isupper() for w in para_content) >= 0.8 * len(para_content):
            return False
        return True

    def _named_lead(self, k: int) -> _Attr | None:
        """ "Mitt Romney -- “It is disqualifying ...”", "A lesson from Loretta Lynch: ‘Be the voice’":
        a quote introduced by a colon or dash right after a named actor."""
        q = self.marked[k]
        doc = self.doc
        i = self.tok_index(q.open_at) - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 1 or doc[i].text not in (":", "--", "\u2014", "\u2013", "-") or not self.outside(doc[i]):
            return None
        punct = doc[i]
        for j in range(i - 1, max(-1, i - 4), -1):
            t = doc[j]
            if not self.outside(t) or self.tok_para[j] != self.tok_para[i] or t.text in SENT_END:
                break
            actor = self.res.at(t)
            if actor is not None and actor.kind in ("person", "organization", "group"):
                a = _Attr(q.start, q.end, "direct", how="lead")
                a.subj = t
                a.cue, a.cue_text, a.cue_span = punct, punct.text, (punct.idx, punct.idx + len(punct.text))
                return a
        return None

    def _context_verb(self, k: int) -> Token | None:
        """A phrase quoted inside a sentence ("Reid has gone after Trump as a “human leech”") is the
        words of the subject of the clause it sits in, when that subject is a named person."""
        q = self.marked[k]
        roots = self._quote_roots(k)
        if not roots or q.words(self.text) > 12:
            return None
        x = roots[0].head
        steps = 0
        while steps < 6 and x.pos_ not in VERBISH and x.head.i != x.i:
            x = x.head
            steps += 1
        if x.pos_ not in VERBISH or not self.outside(x) or self.tok_para[x.i] != self.tok_para[roots[0].i]:
            return None
        subj = next((c for c in x.children if c.dep_ == "nsubj" and self.outside(c)), None)
        if subj is None or subj.i > x.i:
            return None
        actor = self.res.at(subj)
        if actor is None or actor.kind != "person":
            return None
        return x

    def _with_cue(self, a: _Attr, v: Token, how: str) -> _Attr | None:
        subj = self._subject(v)
        if subj is None:
            return None
        a.cue, a.subj, a.how = v, subj, how
        a.mention = self._relative(v)
        a.cue_text, a.cue_span = self._cue_phrase(v)
        return a

    def _cue_phrase(self, v: Token) -> tuple[str, tuple[int, int]]:
        s, e = v.idx, v.idx + len(v.text)
        for c in v.children:  # "point out", "call for"
            if c.dep_ == "prt" and c.i == v.i + 1:
                e = c.idx + len(c.text)
        return self.text[s:e], (s, e)

    def _window_before(self, k: int) -> range:
        q = self.marked[k]
        first = self.tok_index(q.open_at)
        lo = self.tok_index(self.paras[bisect_right(self.para_starts, q.open_at) - 1][0])
        i = first - 1
        while i >= lo:
            t = self.doc[i]
            if self.qidx[i] >= 0 or (t.text in SENT_END and self.outside(t)):
                break
            i -= 1
        return range(i + 1, first)

    def _window_after(self, k: int, limit: int = 40) -> range:
        q = self.marked[k]
        i = self.tok_index(q.close_at)
        pi = bisect_right(self.para_starts, q.close_at - 1) - 1
        hi = min(len(self.doc), self.tok_index(self.paras[pi][1]))
        j = i
        while j < hi and j - i < limit:
            t = self.doc[j]
            if self.qidx[j] >= 0:
                break
            if t.text in SENT_END:
                j += 1
                break
            j += 1
        return range(i, j)

    def _before_cue(self, k: int) -> tuple[Token, bool] | None:
        """A cue before the quote: (verb, tight) where tight means it introduces the quote directly."""
        win = self._window_before(k)
        if not len(win):
            return None
        doc = self.doc
        q = self.marked[k]
        roots = self._quote_roots(k)
        for i in reversed(win):
            v = doc[i]
            if not self.is_cue_verb(v):
                continue
            lemma = v.lemma_.lower()
            gap = [doc[j] for j in range(i + 1, win.stop)]
            gap_ok = len(gap) <= 15 and not any(
                g.pos_ in VERBISH and g.dep_ not in ("acl", "relcl", "amod", "pcomp", "aux", "auxpass")
                and not (g.dep_ == "prt") for g in gap)
            lead_in = not gap or gap[-1].text in (",", ":", "\u2014", "\u2013", "-", "that")
            if lemma in self.lex.speech and gap_ok and lead_in and not self._has_own_content(v, q.open_at):
                return v, True
            if any(self._governs(v, r) for r in roots):
                return v, False
        return None

    def _has_own_content(self, v: Token, before: int) -> bool:
        """Whether a verb's clausal complement lies between it and position `before`, outside quotes."""
        for c in v.children:
            if c.dep_ in ("ccomp", "xcomp") and c.i > v.i and c.idx < before and self.outside(c) and _content_clause(c):
                return True
        return False

    def _quote_roots(self, k: int) -> list[Token]:
        q = self.marked[k]
        rng = self.toks(q.start, q.end)
        out = []
        for i in rng:
            t = self.doc[i]
            if t.is_punct:
                continue
            if not (rng.start <= t.head.i < rng.stop) or t.head.i == t.i:
                out.append(t)
        return out[:3]

    def _governs(self, v: Token, r: Token) -> bool:
        """Whether quote token `r` lies in the content of verb `v`: the parse path from `r` reaches
        `v` through a complement (a clause, an object, "as ...") and not through, say, "on"."""
        child = r
        steps = 0
        while child.head.i != child.i and steps < 12:
            if child.head.i == v.i:
                dep = child.dep_
                if dep in ("dobj", "dative") and v.lemma_.lower() in self.lex.addressee:
                    return False  # "told MSNBC's “Morning Joe”": the one spoken to
                if dep in CONTENT_DEPS:
                    return dep != "advcl"
                if dep == "prep":
                    allowed = self.lex.objects.get(v.lemma_.lower(), frozenset()) | {"as"}
                    return child.lower_ in allowed
                if dep in ("conj",) and child.pos_ in ("NOUN", "ADJ", "PROPN"):
                    return True
                return False
            if self.is_cue_verb(child.head) and child.head.i != v.i and child.head.i != r.i:
                return False  # an inner reporting verb owns the quote
            child = child.head
            steps += 1
        return False

    def _after_cue(self, k: int):
        """A cue after the quote: “…,” X said / said X / ― Name / according to X."""
        win = self._window_after(k)
        if not len(win):
            return None
        doc = self.doc
        q = self.marked[k]
        first = doc[win.start]
        # a signature: “…” ― Sonya Herridge (the dash may be glued to the closing mark)
        sig = re.match(r"[ \t\u00a0]*(\u2015|\u2014|\u2013|--?)[ \t\u00a0]*(?=[A-Z])", self.text[q.close_at:q.close_at + 12])
        if sig is not None:
            names = []
            for j in range(self.tok_index(q.close_at + sig.end()), min(len(doc), win.stop + 6)):
                t = doc[j]
                if (t.pos_ == "PROPN" or t.is_title) and self.tok_para[j] == self.tok_para[win.start]:
                    names.append(t)
                else:
                    break
            if names and len(names) <= 5:
                a = _Attr(q.start, q.end, "direct", how="signature")
                a.subj = names[-1]
                ds, de = q.close_at + sig.start(1), q.close_at + sig.end(1)
                a.cue, a.cue_text, a.cue_span = first, self.text[ds:de], (ds, de)
                return a
        # “…,” according to X
        m = self._phrase_re().match(self.text, first.idx) if self.lex.phrases else None
        found = self._phrase_at(m.start(), m.end()) if m else None
        if found is not None:
            src = self._according_source(found[1])
            if src is not None:
                a = _Attr(q.start, q.end, "direct", how="according")
                a.subj = src
                a.cue, a.cue_text, a.cue_span = first, self.text[m.start():m.end()], (m.start(), m.end())
                return a
        for j in win:
            v = doc[j]
            if not self.is_cue_verb(v, self.lex.speech):
                if v.pos_ in VERBISH and v.dep_ not in ("aux", "auxpass") and not v.is_title and not self._in_modifier(v):
                    return None  # another clause comes first
                continue
            if self._bare(v):
                return v
            return None
        return None

    def _in_modifier(self, t: Token) -> bool:
        """Whether a token sits in a relative clause, apposition or modifier of a noun."""
        x, steps = t, 0
        while x.head.i != x.i and steps < 8:
            if x.dep_ in ("relcl", "acl", "appos", "amod", "prep", "pcomp", "pobj"):
                return True
            x = x.head
            steps += 1
        return False

    def _bare(self, v: Token) -> bool:
        """A cue verb without content of its own outside quotes: “…,” he said (to reporters)."""
        lemma = v.lemma_.lower()
        for c in v.children:
            if c.i < v.i or not self.outside(c) or self.tok_para[c.i] != self.tok_para[v.i]:
                continue
            if c.dep_ in ("ccomp", "xcomp") and _content_clause(c):
                return False
            if c.dep_ == "dobj" and lemma not in self.lex.addressee and c.pos_ not in ("PRON",):
                return False
            if c.dep_ == "mark":
                return False
        return True

    def _neighbour_cue(self, k: int) -> Token | None:
        """The quote ends a sentence and the next one opens with "He added ..." or "X said ...";
        or the sentence before ends with a colon ("Blinken put it this way:")."""
        doc = self.doc
        q = self.marked[k]
        # the next sentence in the same paragraph, when the quote ends its own sentence
        pi = self.tok_para[min(self.tok_index(q.open_at), len(doc) - 1)]
        nxt = self.tok_index(q.close_at)
        ends = self.text[q.start:q.end].rstrip()[-1:] in ("." , "!", "?", "\u2026")
        if nxt < len(doc) and doc[nxt].text in SENT_END:
            nxt, ends = nxt + 1, True
        while nxt < len(doc) and doc[nxt].is_space and self.tok_para[nxt] == pi:
            nxt += 1
        if ends and nxt < len(doc) and self.tok_para[nxt] == pi and self.outside(doc[nxt]):
            for j in range(nxt, min(nxt + 5, len(doc))):
                v = doc[j]
                if self.qidx[j] >= 0 or self.tok_para[j] != pi:
                    break
                if self.is_cue_verb(v, self.lex.speech) and v.lemma_.lower() not in ("ask", "answer", "respond", "reply"):
                    s = self._subject(v)
                    if s is not None and s.i < v.i and (s.pos_ == "PRON" or s.pos_ == "PROPN"):
                        return v
                    break
        # the previous sentence (or paragraph) ends with a colon
        i = self.tok_index(q.open_at) - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i >= 0 and doc[i].text == ":" and self.outside(doc[i]):
            j = i - 1
            while j >= 0 and self.outside(doc[j]) and doc[j].text not in SENT_END:
                v = doc[j]
                subj = self._subject(v) if v.pos_ in VERBISH and v.dep_ in ("ROOT", "conj") else None
                if subj is not None and (self.is_cue_verb(v) or subj.lower_ in MALE | FEMALE or (
                        (a := self.res.at(subj)) is not None and a.kind in ("person", "organization", "group"))):
                    return v  # "Blinken put it this way:", not "The bias begins with this statement:"
                j -= 1
        return None

    # -- subjects ---------------------------------------------------------------------------
    def _subject(self, v: Token) -> Token | None:
        """The head of the speaker phrase of a cue verb, in the verb's paragraph.

        The parser sometimes runs a sentence over a paragraph break and hangs a verb on a clause
        of the previous paragraph; then the noun phrase right before the verb is taken."""
        s = self._parse_subject(v)
        if s is not None and self.tok_para[s.i] == self.tok_para[v.i] and s.pos_ in SUBJECT_POS and not s.is_punct:
            return s
        if v.tag_ == "VBG":
            return self._participle_subject(v)
        return self._adjacent_subject(v)

    def _participle_subject(self, v: Token) -> Token | None:
        """ "..., asserting, “...”": a participle's speaker is the subject of the clause it hangs on,
        else of the sentence's main clause."""
        lo, _ = self._sentence(v.i)
        roots = [t for t in self.doc[lo:v.i] if t.dep_ == "ROOT" or (t.head.i < lo or t.head.i > v.i)]
        for r in roots:
            for c in r.children:
                if c.dep_ == "nsubj" and self.outside(c) and c.pos_ in ("PROPN", "NOUN", "PRON") and \
                        self.tok_para[c.i] == self.tok_para[v.i]:
                    return c
        return None

    def _adjacent_subject(self, v: Token) -> Token | None:
        i = v.i - 1
        while i >= 0 and self.doc[i].dep_ in ("aux", "neg", "advmod", "auxpass") and i > v.i - 4:
            i -= 1
        if i < 0 or self.tok_para[i] != self.tok_para[v.i] or not self.outside(self.doc[i]):
            return None
        t = self.doc[i]
        if t.dep_ in ("pobj", "dobj", "poss") and self.tok_para[t.head.i] == self.tok_para[t.i]:
            return None  # "the Vikings said" is not broken parse, "met with officials said" may be
        if t.pos_ in ("NOUN", "PROPN") or t.lower_ in MALE | FEMALE | PLURAL_PRONOUNS | {"it", "we", "i"}:
            return t
        return None

    def _parse_subject(self, v: Token, depth: int = 0) -> Token | None:
        if depth > 4:
            return None
        for c in sorted(v.children, key=lambda c: (self.tok_para[c.i] != self.tok_para[v.i], abs(c.i - v.i))):
            if c.dep_ in ("nsubj",) and self.outside(c):
                if c.lower_ in RELATIVE and v.dep_ == "relcl":
                    return v.head
                if c.lower_ in ("it", "there", "this", "that") and c.lower_ != "it":
                    return None
                return c
        for c in v.children:
            if c.dep_ == "agent":  # was told by X
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        for c in v.children:
            if c.dep_ == "nsubjpass" and v.lemma_.lower() in ("quote", "quoted") and self.outside(c):
                return c
        h = v.head
        if h.i == v.i:
            return None
        if v.dep_ == "conj" and h.pos_ in VERBISH:
            return self._parse_subject(h, depth + 1)
        if v.dep_ in ("advcl", "xcomp", "pcomp") and v.tag_ in ("VBG", "VBN", "VB"):
            # "..., arguing that", "was quoted as saying", "declined to say"
            if h.pos_ in VERBISH:
                return self._parse_subject(h, depth + 1)
            if h.dep_ == "prep" and h.head.pos_ in VERBISH:
                return self._parse_subject(h.head, depth + 1)
        if v.dep_ == "relcl" and h.pos_ in ("NOUN", "PROPN"):
            return h
        if v.dep_ == "acl" and h.pos_ in ("NOUN", "PROPN"):
            return h
        return None

    @staticmethod
    def _relative(v: Token) -> Token | None:
        """ "who" in "Wang, who said ...": the word that names the speaker in the text."""
        if v.dep_ != "relcl":
            return None
        return next((c for c in v.children if c.dep_ == "nsubj" and c.lower_ in RELATIVE), None)

    def _phrase_re(self) -> re.Pattern:
        return _phrases_re(self.lex.phrases)

    def _according_source(self, to: Token) -> Token | None:
        src = next((c for c in to.children if c.dep_ == "pobj"), None)
        if src is None:
            return None
        if self.res.at(src) is None:  # "according to a statement by China's foreign ministry"
            for c in src.children:
                if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
                    g = next((x for x in c.children if x.dep_ == "pobj"), None)
                    if g is not None and (self.res.at(g) is not None or g.pos_ == "PROPN" or src.lower_ in
                                          ("statement", "report", "spokesman", "spokeswoman", "spokesperson", "release")):
                        return g
        return src

    # -- indirect speech --------------------------------------------------------------------
    def _indirect(self) -> list[_Attr]:
        doc, lex = self.doc, self.lex
        out: list[_Attr] = []
        for v in doc:
            lemma = v.lemma_.lower()
            if lemma not in self.verbs or not (v.pos_ in VERBISH or v.tag_.startswith("VB")):
                if lemma in lex.nouns and v.pos_ == "NOUN" and self.outside(v):
                    a = self._noun_attr(v)
                    if a is not None:
                        out.append(a)
                continue
            if not self.outside(v):
                continue
            par = self._parenthetical(v) if lemma in lex.speech else None
            spans = par[0] if par else self._content(v, lemma)
            if not spans:
                continue
            subj = par[1] if par else self._subject(v)
            if subj is None:
                continue
            for s, e in spans:
                a = self._make_indirect(v, subj, s, e)
                if a is not None:
                    out.append(a)
        if self.lex.phrases:
            for m in self._phrase_re().finditer(self.text):
                a = self._according(m.start(), m.end())
                if a is not None:
                    out.append(a)
        return self._own_quotes(out)

    def _sentence(self, i: int) -> tuple[int, int]:
        """Token bounds [lo, hi) of the sentence around token i: sentence ends outside quotes,
        paragraph breaks and quotes bound it."""
        doc, pi = self.doc, self.tok_para[i]
        lo = i
        while lo > 0 and self.tok_para[lo - 1] == pi and self.outside(doc[lo - 1]) and doc[lo - 1].text not in SENT_END:
            lo -= 1
        hi = i + 1
        while hi < len(doc) and self.tok_para[hi] == pi and self.outside(doc[hi]) and doc[hi].text not in SENT_END:
            hi += 1
        return lo, hi

    NP_POS = ("PROPN", "NOUN", "PRON", "DET", "ADJ", "PART", "NUM")

    def _parenthetical(self, v: Token) -> tuple[list[tuple[int, int]], Token] | None:
        """ "To understand X, Chief Justice Roberts said, one should visit this museum": a cue set off
        by commas inside the sentence it reports; the content is the sentence on both sides.
        Returns the two spans and the speaker word."""
        doc = self.doc
        lo, hi = self._sentence(v.i)
        # ", <speaker> said [on Monday]," or ", said <speaker> [on Monday],"
        i = v.i - 1
        while i > lo and doc[i].text != "," and v.i - i <= 7 and (doc[i].pos_ in self.NP_POS or doc[i].text == "."):
            i -= 1
        subj = None
        if i > lo and doc[i].text == "," and i < v.i - 1:
            left = i
            subj = next((t for t in reversed(doc[left + 1:v.i]) if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
            j = v.i + 1
            while j < hi and doc[j].text != "," and j - v.i <= 5 and doc[j].dep_ in (
                    "npadvmod", "advmod", "prep", "pobj", "det", "amod", "compound", "nummod", "prt", "tmod"):
                j += 1
        elif i == v.i - 1 and doc[i].text == "," and i > lo:
            left = i
            j = v.i + 1
            while j < hi and doc[j].text != "," and j - v.i <= 9 and (doc[j].pos_ in self.NP_POS or doc[j].dep_ in ("prep", "pobj")):
                j += 1
            subj = next((t for t in doc[v.i + 1:j] if t.pos_ in ("PROPN", "NOUN", "PRON") and t.dep_ in ("nsubj", "nsubjpass")),
                        None) or next((t for t in reversed(doc[v.i + 1:j]) if t.pos_ == "PROPN"), None)
        else:
            return None
        if subj is None or j >= hi or doc[j].text != ",":
            return None
        nxt = next((t for t in doc[j + 1:hi] if not t.is_punct), None)
        if nxt is None or any(a.i in (subj.i, v.i) and not (a.i == v.i and x.dep_ in ("ccomp", "conj", "parataxis"))
                              for x in [nxt, *nxt.ancestors] for a in [x.head] if x.i != a.i):
            return None  # ", said Drew Thompson, a visiting fellow": an apposition, not the content
        lw = [t for t in doc[lo:left] if t.is_alpha]
        rw = [t for t in doc[j + 1:hi] if t.is_alpha]
        if len(lw) < 2 or len(rw) < 2:
            return None
        end_tok = doc[hi - 1]
        return [(doc[lo].idx, doc[left].idx), (doc[j + 1].idx, end_tok.idx + len(end_tok.text))], subj

    def _content(self, v: Token, lemma: str) -> list[tuple[int, int]]:
        """Character spans of what a reporting verb reports."""
        lex = self.lex
        out = []
        speechy = lemma in lex.speech or lemma in lex.belief
        for c in v.children:
            if not self.outside(c) and c.i < v.i:
                continue  # “...,” X said: the quote before the cue is its content, found already
            if c.dep_ == "ccomp" and speechy and _content_clause(c):
                out.append(self._clause_span(c, v))
            elif c.dep_ == "xcomp" and lemma in lex.infinitive and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children):
                s, e = self._clause_span(c, v)
                obj = next((x for x in v.children if x.dep_ == "dobj" and x.i < c.i), None)
                if obj is not None and lemma not in ("tell", "ask"):
                    s = min(s, min(x.idx for x in obj.subtree))
                out.append((s, e))
        if not out and speechy:
            # "said in a statement that ...", "said on Twitter that ..."
            for c in v.children:
                if c.dep_ != "prep" or c.i < v.i:
                    continue
                for o in c.children:
                    cl = next((x for x in o.children if x.dep_ in ("acl", "ccomp") and any(
                        m.dep_ == "mark" and m.lower_ == "that" for m in x.children)), None) if o.dep_ == "pobj" else None
                    if cl is not None:
                        out.append(self._clause_span(cl, v))
        if not out and lemma in lex.speech and v.dep_ == "parataxis" and v.head.i < v.i:
            # "The talks were useful, he said": the clause the cue is a parenthesis in
            head = v.head
            toks = [t for t in head.subtree if t.i < v.i and not (v.i <= t.i)]
            toks = [t for t in toks if not any(a.i == v.i for a in t.ancestors) and t.i != v.i]
            subj = self._subject(v)
            if toks and subj is not None:
                first, last = toks[0], toks[-1]
                out.append((first.idx, last.idx + len(last.text)))
        if not out and lemma in lex.objects:
            preps = lex.objects[lemma]
            obj = next((c for c in v.children if c.dep_ in ("dobj", "obj")), None)
            tail = [c for c in v.children if c.dep_ in ("oprd",) or (c.dep_ == "prep" and c.lower_ in preps)]
            if obj is None and lemma == "call":
                tail = [c for c in v.children if c.dep_ == "prep" and c.lower_ in preps]
            parts = ([obj] if obj is not None else []) + tail
            if parts and (obj is not None or tail):
                toks = [t for p in parts for t in p.subtree]
                s = min(t.idx for t in toks)
                last = max(toks, key=lambda t: t.i)
                if obj is not None and obj.pos_ == "PRON" and not tail:
                    return out
                out.append((s, last.idx + len(last.text)))
        return [(s, e) for s, e in out if e > s]

    def _clause_span(self, c: Token, v: Token) -> tuple[int, int]:
        toks = [t for t in c.subtree]
        while toks and (toks[0].dep_ == "mark" and toks[0].lower_ in ("that",) or toks[0].is_punct and toks[0].text not in ALL_MARKS):
            toks = toks[1:]
        if not toks:
            return (c.idx, c.idx)
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        return s, e

    def _trim(self, s: int, e: int, anchor: int) -> tuple[int, int]:
        """Clip a span to the paragraph of `anchor` and strip loose punctuation at its ends."""
        text = self.text
        pi = bisect_right(self.para_starts, anchor) - 1
        ps, pe = self.paras[pi]
        if s < ps or e > pe:
            # keep the side of the paragraph break that holds most of the span
            s, e = max(s, ps), min(e, pe)
        while s < e and (text[s].isspace() or text[s] in ",;:.\u2014\u2013-)"):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:\u2014\u2013-("):
            e -= 1
        while e > s and text[e - 1] == "." and text[e - 2:e - 1] not in ALL_MARKS and not re.search(r"\b[A-Z]\w{0,3}\.$", text[s:e]):
            e -= 1
        return s, e

    def _make_indirect(self, v: Token, subj: Token, s: int, e: int) -> _Attr | None:
        s, e = self._trim(s, e, v.idx)
        if e - s < 2 or not re.search(r"\w", self.text[s:e]):
            return None
        # the direct quotes this complement touches
        ks = sorted({self.qidx[i] for i in self.toks(s, e) if self.qidx[i] >= 0})
        if ks:
            qs = [self.marked[k] for k in ks]
            s = min(s, min(q.open_at for q in qs))
            e = max(e, max(q.close_at for q in qs))
            inside = set(i for k in ks for i in self.toks(self.marked[k].open_at, self.marked[k].close_at))
            words = [t for t in (self.doc[i] for i in self.toks(s, e)) if t.i not in inside and t.is_alpha]
            if len(words) <= 2:
                return None  # the complement is the direct quote itself
            kind = "mixed"
        else:
            kind = "indirect"
        a = _Attr(s, e, kind, how="indirect", quotes=ks)
        a.cue, a.subj = v, subj
        a.mention = self._relative(v)
        a.cue_text, a.cue_span = self._cue_phrase(v)
        return a

    def _phrase_at(self, ms: int, me: int) -> tuple[int, Token] | None:
        """(index of the phrase's first token, its last token: the preposition whose object is the
        source) for a cue phrase found at ms..me, e.g. "according to", "in the words of"."""
        i, j = self.tok_index(ms), self.tok_index(me) - 1
        if j < i or j >= len(self.doc) or not self.outside(self.doc[i]) or self.doc[i].idx != ms:
            return None
        return i, self.doc[j]

    def _according(self, ms: int, me: int) -> _Attr | None:
        doc = self.doc
        found = self._phrase_at(ms, me)
        if found is None:
            return None
        i, to = found
        src = self._according_source(to)
        if src is None:
            return None
        phrase = sorted(to.subtree, key=lambda t: t.i)
        p_start, p_end = doc[i].idx, phrase[-1].idx + len(phrase[-1].text)
        pi = self.tok_para[i]
        ps, pe = self.paras[pi]
        # the sentence around the phrase, bounded by sentence ends outside quotes
        lo = i
        while lo > 0 and self.tok_para[lo - 1] == pi and not (doc[lo - 1].text in SENT_END and self.outside(doc[lo - 1])):
            lo -= 1
        hi = self.tok_index(p_end)
        while hi < len(doc) and self.tok_para[hi] == pi and not (doc[hi].text in SENT_END and self.outside(doc[hi])):
            hi += 1
        sent_s = doc[lo].idx
        sent_e = doc[hi - 1].idx + len(doc[hi - 1].text) if hi > 0 else pe
        before = self.text[sent_s:p_start]
        if len(re.findall(r"\w+", before)) >= 3:
            s, e = sent_s, p_start
        else:
            s, e = p_end, sent_e
        s, e = self._trim(s, e, ms)
        if e - s < 2:
            return None
        ks = sorted({self.qidx[j] for j in self.toks(s, e) if self.qidx[j] >= 0})
        if ks:
            s = min(s, min(self.marked[k].open_at for k in ks))
            e = max(e, max(self.marked[k].close_at for k in ks))
        a = _Attr(s, e, "mixed" if ks else "indirect", how="according", quotes=ks)
        if ks and sum(1 for j in self.toks(s, e) if self.qidx[j] < 0 and doc[j].is_alpha) <= 2:
            if len(ks) > 1:
                return None
            # "According to Limbaugh, “...”": the direct quote itself, attributed through the phrase
            q = self.marked[ks[0]]
            a.start, a.end, a.kind = q.start, q.end, "direct"
        a.cue, a.subj = doc[i], src
        a.cue_text, a.cue_span = self.text[ms:me], (ms, me)
        return a

    def _noun_attr(self, n: Token) -> _Attr | None:
        """ "Trump's claim that ...": a noun of saying with a that-clause; its possessor is the source."""
        clause = next((c for c in n.children if c.dep_ in ("acl", "ccomp") and any(
            x.dep_ == "mark" and x.lower_ == "that" for x in c.children)), None)
        if clause is None:
            return None
        owner = next((c for c in n.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        s, e = self._clause_span(clause, n)
        s, e = self._trim(s, e, n.idx)
        if e - s < 2:
            return None
        ks = sorted({self.qidx[j] for j in self.toks(s, e) if self.qidx[j] >= 0})
        a = _Attr(s, e, "mixed" if ks else "indirect", how="noun", quotes=ks)
        a.cue, a.subj = n, owner
        a.cue_text, a.cue_span = n.text, (n.idx, n.idx + len(n.text))
        return a

    def _own_quotes(self, attrs: list[_Attr]) -> list[_Attr]:
        """Each direct quote belongs to the innermost complement that holds it; drop duplicates."""
        owner: dict[int, _Attr] = {}
        for a in attrs:
            for k in a.quotes:
                cur = owner.get(k)
                if cur is None or (a.end - a.start) < (cur.end - cur.start):
                    owner[k] = a
        for a in attrs:
            a.quotes = [k for k in a.quotes if owner.get(k) is a]
        seen = set()
        out = []
        for a in sorted(attrs, key=lambda a: (a.start, a.end)):
            key = (a.start, a.end, a.cue.i if a.cue is not None else None)
            if key in seen:
                continue
            seen.add(key)
            out.append(a)
        return out

    # -- speakers ---------------------------------------------------------------------------
    def _resolve_speakers(self, attrs: list[_Attr]) -> None:
        history: list[tuple[int, Actor]] = []
        order = sorted((a for a in attrs if a.subj is not None), key=lambda a: a.subj.idx)
        for a in order:
            a.actor = self._actor(a.subj, history)
            a.speaker_span = self._speaker_span(a.subj) if a.mention is None else \
                (a.mention.idx, a.mention.idx + len(a.mention.text))
            a.name = a.actor.name if a.actor else self._phrase(a.subj)
            if a.actor is not None:
                history.append((a.subj.idx, a.actor))

    def _actor(self, tok: Token, history: list[tuple[int, Actor]]) -> Actor | None:
        res = self.res
        low = tok.lower_
        if low in MALE or low in FEMALE:
            return self._pronoun(tok, "m" if low in MALE else "f", history)
        if low in FIRST_PERSON or low in ("you", "one", "someone", "anyone", "everyone", "nobody"):
            return None  # outside a quote, "I" is the writer
        if low in PLURAL_PRONOUNS or low == "it":
            for pos, act in reversed(history):
                if act.kind != "person" and self.tok_para[self.tok_index(pos)] >= self.tok_para[tok.i] - 1:
                    return act
            return None
        a = res.at(tok)
        if a is not None:
            return a
        for c in tok.children:  # "the campaign's press secretary, Brian Fallon", "State Department officials"
            b = res.at(c) if self.tok_para[c.i] == self.tok_para[tok.i] else None
            if b is None:
                continue
            if c.dep_ in ("appos", "compound", "flat") and b.kind == "person":
                return b
            if c.dep_ == "compound" and b.kind in ("organization", "group") and c.i < tok.i:
                return b
        try:
            a = res.resolve(tok)
        except Exception:
            a = None
        if a is None and tok.is_upper and len(tok.text) > 2:
            a = self._by_surname(tok.text)
        if a is None and tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
            a = self._definite_org(tok)
        return a

    def _definite_org(self, tok: Token) -> Actor | None:
        """ "the ministry" after "China's foreign ministry", "the department" after "the State
        Department": the latest organisation named with that head noun."""
        word = tok.lower_
        lemma = tok.lemma_.lower()
        best = None
        for actor in self.res.actors:
            if actor.kind not in ("organization", "group"):
                continue
            for m in actor.mentions:
                if m.start >= tok.idx:
                    break
                last = m.text.lower().split()[-1] if m.text.split() else ""
                if last in (word, lemma) and (best is None or m.start > best[0]):
                    best = (m.start, actor)
        return best[1] if best else None

    def _by_surname(self, word: str) -> Actor | None:
        """An all-capitals transcript label ("WALLACE:") or a bare surname the actors stage missed."""
        w = word.lower()
        hits = [a for a in self.res.actors if a.kind == "person" and w in a.name.lower().split()]
        return hits[0] if len(hits) == 1 else None

    def _pronoun(self, tok: Token, gender: str, history: list[tuple[int, Actor]]) -> Actor | None:
        """he/she: the latest speaker of that gender, unless another person has been the subject of
        a main clause since; else the resolver's antecedent."""
        try:
            alt = self.res.resolve(tok)
        except Exception:
            alt = None
        last = None
        for pos, act in reversed(history):
            if pos >= tok.idx or act.kind != "person":
                continue
            g = self._gender(act)
            if g and g != gender:
                continue
            if self.tok_para[tok.i] - self.tok_para[self.tok_index(pos)] > 3:
                break
            last = (pos, act)
            break
        if last is None:
            return alt
        if alt is None or alt is last[1]:
            return last[1]
        g = self._gender(alt)
        if g and g != gender:
            return last[1]
        # did `alt` become the topic after the last speaker spoke?
        for m in alt.mentions:
            if last[0] < m.start < tok.idx:
                j = self.tok_index(m.start)
                head = self.doc[j]
                while head.head.i != head.i and head.head.idx < m.end:
                    head = head.head
                if head.dep_ in ("nsubj", "nsubjpass") and (head.head.dep_ == "ROOT" or head.head.dep_ == "conj" and head.head.head.dep_ == "ROOT"):
                    return alt
        return last[1]

    def _gender(self, actor: Actor) -> str | None:
        if actor.gender:
            return actor.gender
        for m in actor.mentions:
            before = self.text[max(0, m.start - 5):m.start].lower()
            if re.search(r"\bmr\.?\s$", before):
                return "m"
            if re.search(r"\b(mrs|ms|miss)\.?\s$", before):
                return "f"
        return None

    def _speaker_span(self, tok: Token) -> tuple[int, int]:
        span = self.res.mention_span(tok)
        if span is not None:
            s, e = span
            return self.doc[s].idx, self.doc[e - 1].idx + len(self.doc[e - 1].text)
        left = {t.i for c in tok.children if c.dep_ in ("compound", "det", "amod", "poss", "nmod", "nummod", "flat", "case")
                and c.i < tok.i for t in c.subtree}
        i = tok.i
        while i - 1 in left and self.tok_para[i - 1] == self.tok_para[tok.i] and not self.doc[i - 1].is_space:
            i -= 1
        return self.doc[i].idx, tok.idx + len(tok.text)

    def _phrase(self, tok: Token) -> str:
        s, e = self._speaker_span(tok)
        return " ".join(self.text[s:e].split())[:80]

    # -- quotes without a cue of their own --------------------------------------------------
    def _chain(self, attrs: list[_Attr], marked: list[Marked]) -> None:
        """A quote without a cue continues the speaker before it in its paragraph, or after it with
        nothing in between; a paragraph that is only quotes continues the previous speaker."""
        text = self.text
        for n, a in enumerate(attrs):
            if a.how != "none":
                continue
            pi = bisect_right(self.para_starts, a.start) - 1
            prev = next((b for b in reversed(attrs[:n]) if b.subj is not None), None)
            src = None
            if prev is not None and bisect_right(self.para_starts, prev.start) - 1 == pi:
                src = prev
            if src is None:
                nxt = next((b for b in attrs[n + 1:] if b.subj is not None and b.kind == "direct"), None)
                if nxt is not None and not re.search(r"\w", text[a.end:nxt.start]):  # “…” “…,” X said
                    src = nxt
            if src is None and prev is not None and self._only_quotes(pi):
                ppi = bisect_right(self.para_starts, prev.start) - 1
                if pi - ppi <= 3 and not any(self._para_words(x) for x in range(ppi + 1, pi)):
                    src = prev
            if src is None:
                continue
            root = src.inherited or src
            a.inherited = root
            a.actor, a.name, a.subj = root.actor, root.name, root.subj
            a.speaker_span = root.speaker_span
            if root.kind == "direct" or src.kind == "direct":
                a.cue, a.cue_text, a.cue_span = root.cue, root.cue_text, root.cue_span
            else:
                a.cue_text = root.cue_text
            a.how = "chain"

    def _para_words(self, pi: int) -> bool:
        s, e = self.paras[pi]
        return bool(re.search(r"\w", self.text[s:e]))

    def _only_quotes(self, pi: int) -> bool:
        s, e = self.paras[pi]
        rest = []
        pos = s
        for q in self.marked:
            if q.close_at <= s or q.open_at >= e:
                continue
            rest.append(self.text[pos:max(pos, q.open_at)])
            pos = max(pos, q.close_at)
        rest.append(self.text[pos:e])
        return not re.search(r"\w", "".join(rest))

    # -- output -----------------------------------------------------------------------------
    def _finish(self, attrs: list[_Attr], marked: list[Marked]) -> list[Quote]:
        text = self.text
        out: list[Quote] = []
        scare: list[str] = []
        for a in attrs:
            if a.how in ("none", "title"):
                q = marked[a.quotes[0]] if a.quotes else None
                words = q.words(text) if q else 0
                if words <= 4 or a.how == "title":
                    scare.append(text[a.start:a.end])
                    continue
            s, e = a.start, a.end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            quote = Quote(start=s, end=e, text=text[s:e], kind=a.kind, speaker=a.actor.id if a.actor else None,
                          speaker_name=a.name, cue=a.cue_text)
            if a.cue_span:
                quote.cue_start, quote.cue_end = a.cue_span
            if a.speaker_span:
                quote.speaker_start, quote.speaker_end = a.speaker_span
            out.append(quote)
        if scare:
            shown = ", ".join(f"\u201c{x[:40]}\u201d" for x in scare[:5])
            more = f" and {len(scare) - 5} more" if len(scare) > 5 else ""
            self.warnings.append(f"quotes: {len(scare)} quoted phrase(s) with no speaker read as scare quotes or titles "
                                 f"and left out: {shown}{more}")
        out.sort(key=lambda q: (q.start, q.end))
        return out
