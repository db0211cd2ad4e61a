"""The quote stage over one document: marks paired, cues found, speakers resolved, quotes built."""
from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from ..actors import Resolver
from ..doctext import doc_text
from ..types import Quote
from .attribution import SENT_END, TITLE_ABBREVIATIONS, VERBISH, _Attr
from .continuation import Continuation
from .cues import Lexicon, lexicon
from .direct import DirectCues
from .indirect import Indirect
from .nested import Nested
from .spans import ALL_MARKS, Marked, _paragraphs, find_marked
from .speakers import Speakers
from .subjects import Subjects


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



class _Run(DirectCues, Subjects, Indirect, Speakers, Continuation, Nested):
    """The quote stage over one document."""

    def __init__(self, doc: Doc, resolver: Resolver, lex: Lexicon, warnings: list[str]):
        self.doc, self.text, self.res, self.lex, self.warnings = doc, doc_text(doc), resolver, lex, warnings
        self.verbs = lex.verbs
        self.content_verbs = lex.verbs | lex.stance  # cues of indirect speech: also verbs of stance
        self.governed_cues: set[int] = set()  # cues whose content is a phrase they govern, not a clause
        self.starts = doc.to_array(IDX).tolist()  # token offsets, without making a Token object each
        self.paras = _paragraphs(self.text)
        self.para_starts = [s for s, _ in self.paras]
        self.tok_para = [bisect_right(self.para_starts, i) - 1 for i in self.starts]
        # paragraphs counted by their text: blank lines and lines of separators (" .", "***") are no
        # paragraphs, so they never push a speaker out of reach
        self.para_rank, rank = [], 0
        for s, e in self.paras:
            rank += bool(re.search(r"\w", self.text[s:e]))
            self.para_rank.append(rank)

    # -- small helpers ----------------------------------------------------------------------
    def para_gap(self, a: int, b: int) -> int:
        """How many paragraphs with text lie from token a's paragraph to token b's (0: the same)."""
        return self.para_rank[self.tok_para[b]] - self.para_rank[self.tok_para[a]]

    def sent_end(self, t: Token) -> bool:
        """A sentence-ending mark, not the period of a title the tokenizer split off ("Cpl .")."""
        if t.text not in SENT_END:
            return False
        return not (t.text == "." and t.i > 0 and self.doc[t.i - 1].lower_ in TITLE_ABBREVIATIONS
                    and not self.doc[t.i - 1].whitespace_)

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
        self.direct_cues = {a.cue.i for a in direct if a is not None and a.cue is not None}
        self.quote_cues = {k: a.cue.idx for k, a in enumerate(direct) if a is not None and a.cue is not None}
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
        return self._finish(self._drop_restated(attrs), marked)

    LABEL = re.compile(r"[ \t]*[\"\u201c\u201d']?[ \t]*((?:[A-Z][\w.'\-]*[ \t]){0,3}[A-Z][\w.'\-]*):[ \t]+(?=\S)")
    # a headline's "NAME on TOPIC: ..." ("Merkel on Migration: The Numbers Are Manageable"): the named
    # person's words on that topic; read only in an article's first paragraph, where a headline stands
    TOPIC_LABEL = re.compile(r"[ \t]*((?:[A-Z][\w.'\-]*[ \t]){0,3}[A-Z][\w.'\-]*)[ \t]+(?:on|about)[ \t]+"
                             r"[^:\n\"\u201c\u201d]{1,60}?:[ \t]+(?=\S)")
    NOT_LABELS = {"update", "note", "editor's note", "correction", "related", "watch", "read more", "photos", "video",
                  "source", "sources", "q", "a", "question", "answer", "warning", "breaking", "exclusive", "analysis",
                  "opinion", "live", "transcript", "caption", "credit", "disclaimer", "ps", "p.s"}

    def _labels(self) -> list[tuple[int, Marked]]:
        """Transcript turns and headline attributions: a paragraph opening with "NAME: ..."."""
        text = self.text
        found = []
        for pi, (ps, pe) in enumerate(self.paras):
            m = self.LABEL.match(text, ps, pe) or (self.TOPIC_LABEL.match(text, ps, pe) if pi == 0 else None)
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
                any(t.ent_type_ == "PERSON" for t in toks) or \
                ((name.isupper() or m.re is self.TOPIC_LABEL) and self._by_surname(toks[-1].text) is not None)
            if not (person or m.re is self.LABEL and (counts[name.lower()] >= 2 or transcript and name.isupper()) and
                    (name.isupper() or all(t.is_title for t in toks))):
                continue  # (a topic label names a person: "Weather on Monday: ..." is no speaker)
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
