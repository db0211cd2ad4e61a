"""Indirect speech from the parse: reporting verbs with a complement, parentheticals,
"according to X", nouns of saying."""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Token

from .attribution import SUBORDINATORS, VERBISH, _Attr, _content_clause
from .spans import ALL_MARKS


class Indirect:
    """Part of the quote run (`stage._Run`): indirect speech."""

    def _indirect(self) -> list[_Attr]:
        doc, lex = self.doc, self.lex
        out: list[_Attr] = []
        for v in doc:
            lemma = v.lemma_.lower()
            if lemma not in self.content_verbs or not (v.pos_ in VERBISH or v.tag_.startswith("VB")):
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
            if subj is None or v.i in self.governed_cues and not self._holder(subj):
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
        while lo > 0 and self.tok_para[lo - 1] == pi and self.outside(doc[lo - 1]) and not self.sent_end(doc[lo - 1]):
            lo -= 1
        hi = i + 1
        while hi < len(doc) and self.tok_para[hi] == pi and self.outside(doc[hi]) and not self.sent_end(doc[hi]):
            hi += 1
        return lo, hi

    NP_POS = ("PROPN", "NOUN", "PRON", "DET", "ADJ", "PART", "NUM")

    def _parenthetical(self, v: Token) -> tuple[list[tuple[int, int]], Token] | None:
        """ "To understand X, Chief Justice Roberts said, one should visit this museum": a cue set off
        by commas inside the sentence it reports; the content is the sentence on both sides.
        Returns the two spans and the speaker word."""
        doc = self.doc
        if v.dep_ == "relcl":
            return None  # "Jordan Lee, who volunteers at the clinic, said ...": a relative clause
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
            if c.dep_ == "ccomp" and c.i < v.i and self._colon_between(
                    max(x.i for x in c.subtree if not x.is_punct), v.i):
                continue  # "X set off fireworks on Friday: Republicans said ...": news, then its report
            if c.dep_ == "ccomp" and speechy and _content_clause(c):
                out.append(self._clause_span(c, v))
            elif c.dep_ == "advcl" and lemma in lex.speech and (subj := self._bare_clause_subject(c, v)) is not None:
                # "said after the convention he would not accept ...": the parser took the
                # complement, with no "that", for an adverbial clause
                s, e = self._clause_span(c, v)
                out.append((max(s, subj.left_edge.idx), e))
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
        if not out and (lemma in lex.speech or lemma in lex.stance):  # not a belief: "must show a record"
            out += self._governed(v, lemma)
            if out:
                self.governed_cues.add(v.i)
        return [(s, e) for s, e in out if e > s]

    def _governed(self, v: Token, lemma: str) -> list[tuple[int, int]]:
        """What a cue verb with no clause of its own holds a stance on: the subject of its passive
        when a "by" agent names the holder ("Clinton was endorsed by the Post"); a stance verb's
        infinitive ("refused to testify"); its direct object, with an "as" or "for" phrase or a predicate
        ("backed Clinton", "stressed her support of the raid", "cast himself as a champion", "applauded
        the nurses for their work"), unless
        the verb's object is the one addressed ("told NBC") or the verb frames words only ("added a
        week", reporting.yaml `framing`); else a prepositional object of a topic
        preposition ("complained about his mic", "called for calm"), never a date or time."""
        lex, kids = self.lex, list(v.children)
        if v.i in self.direct_cues:
            return []  # “...,” he said of the plan: the quote is what he said

        def span(toks) -> list[tuple[int, int]]:
            toks = sorted(toks, key=lambda t: t.i)
            return [(toks[0].idx, toks[-1].idx + len(toks[-1].text))] if toks else []

        passive = next((c for c in kids if c.dep_ == "nsubjpass" and self.outside(c)), None)
        if passive is not None:
            return span(passive.subtree) if any(c.dep_ == "agent" for c in kids) else []
        if lemma in lex.stance:
            x = next((c for c in kids if c.dep_ == "xcomp" and c.i > v.i and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
            if x is not None:
                return [self._clause_span(x, v)]
        obj = next((c for c in kids if c.dep_ in ("dobj", "obj") and c.i > v.i), None)
        if obj is not None and lemma in lex.framing:
            return []  # "had added the additional week": no words framed
        if obj is not None and lemma not in lex.addressee:
            tail = [c for c in kids if c.i > obj.i and (c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ in ("as", "for")
                                                        and self._topic(c))]
            return span([t for c in (obj, *tail) for t in c.subtree])
        if obj is None:
            for c in kids:
                if c.dep_ == "prep" and c.i > v.i and c.lower_ in lex.topics and self._topic(c):
                    return span(c.subtree)
        return []

    def _holder(self, subj: Token) -> bool:
        """A subject that can hold a stance: an actor, a pronoun, a noun of a person, an organisation
        or a document; not a thing ("great lengths to quash", "a more transparent way to report")."""
        lemma = subj.lemma_.lower()
        return self.res.at(subj) is not None or subj.pos_ in ("PRON", "PROPN") or subj.ent_type_ in (
            "PERSON", "ORG", "NORP", "GPE") or lemma in self.lex.persons or lemma in self.lex.organisations \
            or lemma in self.lex.sources or self.res.kb.role_noun(subj.lemma_) is not None

    ABOUT = ("about", "of", "against")  # prepositions whose object is a topic even when it is a party

    def _topic(self, prep: Token) -> bool:
        """A preposition whose object is a thing spoken of: not a date or time ("said on Monday"),
        nor, after on/for/over, a party or a party's thing ("said on CNBC", "spoke on ARD's programme",
        "wrote for Morning Consult"); of, about and against take parties as topics too ("complained
        about Trump")."""
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None or obj.ent_type_ in ("DATE", "TIME"):
            return False
        if prep.lower_ in self.ABOUT:
            return True
        if obj.pos_ == "PRON":
            return False
        # the party itself, or what belongs to one ("on ARD's programme", "for the Times's website")
        return not any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or self.res.at(t) is not None
                       or t.lemma_.lower() in self.lex.persons or t.lemma_.lower() in self.lex.organisations
                       for t in obj.subtree if t.i <= obj.i)  # the head and the words before it

    def _bare_clause_subject(self, c: Token, v: Token) -> Token | None:
        """The subject of a finite clause after a speech verb that no subordinator opens (no
        "because", "if", "when" ...: those are adverbial), when a personal pronoun or a noun
        phrase comes right before its verb: what was said, which the parser hung as an adverbial."""
        if c.i < v.i or c.tag_ in ("VBG", "VBN", "VB") and not any(x.dep_ == "aux" for x in c.children):
            return None
        if any(x.dep_ == "mark" or x.lower_ in SUBORDINATORS and x.dep_ != "prep" for x in c.children):
            return None
        return next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass") and v.i < x.i < c.i), None)

    def _clause_span(self, c: Token, v: Token) -> tuple[int, int]:
        toks = [t for t in c.subtree]
        cut = self._next_report(c)
        if cut is not None:
            # "she said A, and when pressed, the mother replied, “B”": the second report is no part of A
            toks = [t for t in toks if t.i < cut]
            while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
                toks.pop()
        while toks and (toks[0].dep_ in ("mark", "advmod") and toks[0].lower_ == "that" or toks[0].is_punct and toks[0].text not in ALL_MARKS):
            toks = toks[1:]
        if not toks:
            return (c.idx, c.idx)
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        return s, e

    def _quote_ends_sentence(self, j: int) -> bool:
        """Token j closes a quote whose words end a sentence ("... “without delay.” Clinton plans
        ..."): the next sentence starts after it, with a capital."""
        doc, k = self.doc, self.qidx[j]
        if k < 0 or (j + 1 < len(doc) and self.qidx[j + 1] == k):
            return False
        body = self.text[self.marked[k].start:self.marked[k].end].rstrip()
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        return bool(body) and body[-1] in ".!?" and nxt is not None and nxt.text[:1].isupper()

    def _colon_between(self, a: int, b: int) -> bool:
        return any(self.doc[i].text in (":", ";") and self.outside(self.doc[i]) for i in range(a + 1, b))

    def _next_report(self, c: Token) -> int | None:
        """Where a complement clause gives way to a report of its own: the first word of a clause
        coordinated with it whose verb is a verb of saying with its own subject ("said A, and the
        captain replied ..."); a second complement ("said A and that the footage did not show B")
        is no new report."""
        for x in c.children:
            if x.pos_ in VERBISH and self._reporting_conjunct(x) is not None:
                return x.left_edge.i  # "wrote that A and urged B": B is the writer's, not A's
            if x.dep_ == "conj" and x.i > c.i and x.lemma_.lower() in self.lex.speech and x.pos_ in VERBISH and \
                    any(y.dep_ in ("nsubj", "nsubjpass") for y in x.children) and \
                    not any(y.dep_ == "mark" for y in x.children):
                return x.left_edge.i
        return None

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
        if v.i in self.governed_cues:
            # a phrase a stance verb governs holds a quote with a cue of its own ("did not address the
            # tweets in which he called her “disgusting”"), but never takes it over
            ks = [k for k in ks if self.quote_cues.get(k, v.idx) == v.idx]
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
        while lo > 0 and self.tok_para[lo - 1] == pi and not (self.sent_end(doc[lo - 1]) and self.outside(doc[lo - 1])) \
                and not self._quote_ends_sentence(lo - 1):
            lo -= 1
        hi = self.tok_index(p_end)
        while hi < len(doc) and self.tok_para[hi] == pi and not (self.sent_end(doc[hi]) and self.outside(doc[hi])):
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
