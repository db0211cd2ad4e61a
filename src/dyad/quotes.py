"""The quotes stage: who said what, in direct and indirect speech.

Direct quotes are found on the raw text by pairing quotation marks, so they survive any
sentence splitting the parser gets wrong; the speaker comes from a reporting verb in the same
or a neighbouring sentence, resolved through the actors stage (pronouns included). Indirect
speech comes from the parse: a reporting verb with a clausal complement ("Blinken said the
United States is ready ...") or "according to X". Odd or unbalanced marks never raise: what is
certain is extracted, the rest is reported in warnings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from .actors import Resolver
from .types import Quote

PAIRS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c", "\u2018": "\u2019", '"': '"'}


@dataclass(frozen=True)
class Lexicon:
    verbs: frozenset[str]
    strict: frozenset[str]
    phrases: tuple[str, ...]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = yaml.safe_load((resources.files("dyad") / "data" / "reporting.yaml").read_text(encoding="utf-8"))
    return Lexicon(frozenset(data["verbs"]), frozenset(data.get("strict_clause", [])), tuple(data.get("phrases", [])))


def find_marked(text: str, warnings: list[str]) -> list[tuple[int, int]]:
    """(start, end) of the content between matching quotation marks, paragraph by paragraph.

    A paragraph that ends inside an open quote continues into the next paragraph when that one
    opens with a quotation mark (the news convention for multi-paragraph quotes).
    """
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    open_at: int | None = None
    closer = ""
    while i < n:
        c = text[i]
        if open_at is None:
            if c in PAIRS and _opens(text, i):
                open_at, closer = i, PAIRS[c]
        else:
            if c == closer and _closes(text, i, closer):
                if i - open_at > 1:
                    spans.append((open_at + 1, i))
                open_at = None
            elif c == "\n" and text[i:i + 2] == "\n\n" or (c == "\n" and i + 1 < n and text[i + 1] != "\n"):
                # paragraph break inside an open quote
                j = i
                while j < n and text[j] in "\n \t":
                    j += 1
                if j < n and text[j] in PAIRS and text[j] not in ("\u2019",):
                    spans.append((open_at + 1, i))  # this paragraph's part; the next opens anew
                    open_at, closer = j, PAIRS[text[j]]
                    i = j
                else:
                    warnings.append(f"unclosed quotation mark at {open_at}")
                    open_at = None
        i += 1
    if open_at is not None:
        warnings.append(f"unclosed quotation mark at {open_at}")
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _opens(text: str, i: int) -> bool:
    c = text[i]
    if c == "\u2018":  # a left single mark is an opener only before a letter, after a space
        return (i == 0 or not text[i - 1].isalnum()) and i + 1 < len(text) and text[i + 1].isalnum()
    if c == '"':
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if prev.isdigit():  # 12" inch marks
            return False
        return not prev.isalnum() and not nxt.isspace()
    return True


def _closes(text: str, i: int, closer: str) -> bool:
    if closer == "\u2019":  # an apostrophe inside a word is not a closing mark
        nxt = text[i + 1] if i + 1 < len(text) else " "
        return not nxt.isalpha()
    return True


class QuoteStage:
    def __call__(self, doc: Doc, resolver: Resolver, warnings: list[str]) -> list[Quote]:
        lex = lexicon()
        quotes: list[Quote] = []
        marked = find_marked(doc.text, warnings)
        prev_quote: Quote | None = None
        for s, e in marked:
            q = Quote(start=s, end=e, text=doc.text[s:e], kind="direct")
            self._attribute_direct(doc, q, resolver, lex, prev_quote)
            if q.speaker is None and len(q.text.split()) <= 3 and prev_quote is None:
                pass  # a scare quote with no speaker: keep it, it is still marked speech
            quotes.append(q)
            if q.speaker:
                prev_quote = q
        covered = [(q.start, q.end) for q in quotes]
        for q in self._indirect(doc, resolver, lex, covered):
            quotes.append(q)
        quotes.sort(key=lambda q: q.start)
        return quotes

    # -- direct ---------------------------------------------------------------------------------
    def _attribute_direct(self, doc: Doc, q: Quote, resolver: Resolver, lex: Lexicon, prev: Quote | None) -> None:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            return
        sents = {t.sent.start: t.sent for t in (span[0], span[-1])}
        first, last = span[0].sent, span[-1].sent
        # cue in the same sentence(s) outside the quote, then the next sentence, then the previous
        candidates: list[Span] = sorted(sents.values(), key=lambda s: s.start)
        nxt = doc[last.end].sent if last.end < len(doc) else None
        prv = doc[first.start - 1].sent if first.start > 0 else None
        for sent, where in [(s, "same") for s in candidates] + [(nxt, "next"), (prv, "previous")]:
            if sent is None:
                continue
            cue = self._cue_outside(sent, q, lex, where)
            if cue is None:
                continue
            speaker_tok = self._speaker_of(cue)
            if speaker_tok is None:
                continue
            actor = resolver.resolve(speaker_tok)
            q.cue, q.cue_start, q.cue_end = cue.text, cue.idx, cue.idx + len(cue.text)
            q.speaker_start, q.speaker_end = speaker_tok.idx, speaker_tok.idx + len(speaker_tok.text)
            if actor:
                q.speaker, q.speaker_name = actor.id, actor.name
            else:
                q.speaker_name = _phrase(speaker_tok)
            return
        # a paragraph that holds only this quote, or a later quote in the speaker's paragraph,
        # continues the previous speaker
        if prev is not None and (_paragraph_is_quote(doc.text, q) or "\n" not in doc.text[prev.end:q.start]):
            q.speaker, q.speaker_name, q.cue = prev.speaker, prev.speaker_name, prev.cue

    def _cue_outside(self, sent: Span, q: Quote, lex: Lexicon, where: str) -> Token | None:
        best = None
        for t in sent:
            if q.start <= t.idx < q.end or t.lemma_.lower() not in lex.verbs or t.pos_ not in ("VERB", "AUX"):
                continue
            if where == "next" and t.i - sent.start > 6:
                continue  # "he added" opens the next sentence, or it is another statement
            if where == "previous" and not sent.text.rstrip().endswith(":"):
                continue
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                continue
            dist = abs(t.idx - q.start) if t.idx < q.start else abs(t.idx - q.end)
            if best is None or dist < best[0]:
                best = (dist, t)
        return best[1] if best else None

    @staticmethod
    def _speaker_of(cue: Token) -> Token | None:
        for c in cue.children:
            if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
                return c
        for c in cue.children:  # "was quoted by" / passive agents
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        return None

    # -- indirect -------------------------------------------------------------------------------
    def _indirect(self, doc: Doc, resolver: Resolver, lex: Lexicon, covered: list[tuple[int, int]]) -> list[Quote]:
        out = []
        for t in doc:
            if t.lemma_.lower() not in lex.verbs or t.pos_ != "VERB":
                continue
            if any(s <= t.idx < e for s, e in covered):
                continue
            comp = next((c for c in t.children if c.dep_ in ("ccomp",) and c.i > t.i), None)
            subj = next((c for c in t.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
            if comp is None or subj is None:
                continue
            toks = list(comp.subtree)
            start_tok = toks[0]
            if start_tok.dep_ == "mark" and start_tok.lower_ in ("that",):
                toks = toks[1:]
            if not toks:
                continue
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            while e > s and doc.text[e - 1] in ".,;: ":
                e -= 1
            overlap = [(a, b) for a, b in covered if a < e and s < b]
            kind = "mixed" if overlap else "indirect"
            if overlap and all(a <= s and e <= b for a, b in overlap):
                continue
            actor = resolver.resolve(subj)
            q = Quote(start=s, end=e, text=doc.text[s:e], kind=kind, cue=t.text, cue_start=t.idx,
                      cue_end=t.idx + len(t.text), speaker_start=subj.idx, speaker_end=subj.idx + len(subj.text))
            if actor:
                q.speaker, q.speaker_name = actor.id, actor.name
            else:
                q.speaker_name = _phrase(subj)
            out.append(q)
        for m in re.finditer(r"\baccording to\b", doc.text, flags=re.I):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None:
                continue
            sent = span.sent
            to = span[-1]
            src = next((c for c in to.children if c.dep_ == "pobj"), None)
            if src is None:
                continue
            if resolver.resolve(src) is None:  # "according to a statement by China's foreign ministry"
                by = [g for c in src.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                      for g in c.children if g.dep_ == "pobj"]
                src = by[0] if by else src
            phrase = [x for x in to.subtree]
            p_start, p_end = span[0].idx, phrase[-1].idx + len(phrase[-1].text)
            if p_start > sent.start_char + 5:  # content before the phrase
                s, e = sent.start_char, p_start
            else:
                s, e = p_end, sent.end_char
            text = doc.text[s:e].strip(" ,.;")
            if not text:
                continue
            s = doc.text.index(text, s)
            e = s + len(text)
            if any(a <= s and e <= b for a, b in covered):
                continue
            actor = resolver.resolve(src)
            q = Quote(start=s, end=e, text=text, kind="indirect", cue="according to", cue_start=m.start(),
                      cue_end=m.end(), speaker_start=src.idx, speaker_end=src.idx + len(src.text))
            if actor:
                q.speaker, q.speaker_name = actor.id, actor.name
            else:
                q.speaker_name = _phrase(src)
            out.append(q)
        return out


def _phrase(tok: Token) -> str:
    toks = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "punct", "appos") and t.i <= tok.i + 3]
    return " ".join(t.text for t in toks)[:80]


def _paragraph_is_quote(text: str, q: Quote) -> bool:
    start = text.rfind("\n", 0, q.start) + 1
    end = text.find("\n", q.end)
    end = len(text) if end < 0 else end
    outside = text[start:q.start - 1] + text[q.end + 1:end]
    return not outside.strip(" \t\"\u201c\u201d\u2018\u2019.,")
