"""Cues of direct quotes: a reporting verb before, after or governing the quote, a signature,
"according to", a colon after a named actor, or the subject of the clause a quoted phrase sits in."""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Token

from ..actors import FEMALE, MALE
from .attribution import CONTENT_DEPS, INDEFINITE, PRONOUN_STARTS, SENT_END, VERBISH, _Attr, _content_clause
from .spans import Marked


class DirectCues:
    """Part of the quote run (`stage._Run`): cues of direct quotes."""

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
            colon = self.text.index(":", q.label[1])  # right after the name, or after its topic ("X on Y:")
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
            if not self.outside(t) or self.tok_para[j] != self.tok_para[i] or self.sent_end(t):
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
        w = self._reporting_head(x)
        if w is not None:
            return w  # "Trump tweeted that Machado was “disgusting”": the reporter's word for her
        subj = next((c for c in x.children if c.dep_ == "nsubj" and self.outside(c)), None)
        if subj is None or subj.i > x.i:
            return None
        actor = self.res.at(subj) if subj.lower_ not in ("he", "she") else self.res.resolve(subj)
        if actor is None or actor.kind != "person":
            return None
        return x

    def _reporting_head(self, x: Token) -> Token | None:
        """The reporting verb whose content clause `x` is: "said that ...", also where the parser hung
        the that-clause as an adverbial clause or as a relative clause of a noun before it ("tweeted
        in the early hours that X was ...": a "that" with no role in the clause is no relative
        pronoun). Outside quotes, in the same paragraph, before the clause."""
        if x.dep_ == "ccomp":
            w = x.head
        elif x.dep_ in ("advcl", "relcl") and any(c.lower_ == "that" and c.dep_ in ("mark", "advmod") and c.i < x.i
                                                 for c in x.children):
            w = x.head
            for _ in range(3):  # "in the early hours that ...": up through the phrase to its verb
                if w.pos_ in VERBISH or w.head.i == w.i:
                    break
                w = w.head
        else:
            return None
        if not self.outside(w) or self.tok_para[w.i] != self.tok_para[x.i] or w.i > x.i:
            return None
        lemma = w.lemma_.lower()
        return w if (lemma in self.lex.speech or lemma in self.lex.belief) and w.pos_ in VERBISH else None

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
            if self.qidx[i] >= 0 or (self.sent_end(t) and self.outside(t)):
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
            if self.sent_end(t):
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
            if self._as_put_it(v):
                return v, True
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

    def _as_put_it(self, v: Token) -> bool:
        """ "as a ministry memo put it", "as Garcia phrased it": a verb of wording (lexicon `manner`)
        in an "as" clause attributes the quote beside it, though on its own it reports nothing."""
        if v.lemma_.lower() not in self.lex.manner or not self.outside(v):
            return False
        kids = list(v.children)
        return any(c.dep_ == "mark" and c.lower_ == "as" for c in kids) and \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in kids)

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
            if self._as_put_it(v):
                return v
            if not self.is_cue_verb(v, self.lex.speech):
                if v.pos_ in VERBISH and v.dep_ not in ("aux", "auxpass") and not v.is_title and not self._in_modifier(v):
                    return None  # another clause comes first
                continue
            if self._bare(v):
                return v
            if v.dep_ == "relcl":
                continue  # “…,” a resident who asked not to be named told CBC: the speaker's own clause
            return None
        return self._mistagged_cue(k, win)

    def _mistagged_cue(self, k: int, win: range):
        """ "“…,” a statement from the union read." / "“…,” Nadia Petrov, a grocer, states.": the
        sentence after the quote ends in a word of saying that the parser took for a noun; the noun
        phrase before it is the speaker."""
        doc = self.doc
        words = [doc[j] for j in win if not doc[j].is_punct and not doc[j].is_space]
        if len(words) < 2 or len(words) > 16:
            return None
        last = words[-1]
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if nxt is not None and nxt.text not in SENT_END or last.pos_ in VERBISH or last.is_title:
            return None
        forms = {last.lemma_.lower(), last.lower_, last.lower_[:-1] if last.lower_.endswith("s") else last.lower_}
        if not forms & self.lex.speech:
            return None
        phrase = [t for t in words[:-1]]
        subj = next((t for t in phrase if t.pos_ in ("NOUN", "PROPN") and not (
            phrase[0].i <= t.head.i < last.i and t.head.i != t.i and t.dep_ != "appos")), None)
        if subj is None:
            return None
        q = self.marked[k]
        a = _Attr(q.start, q.end, "direct", how="after")
        a.subj = subj
        a.cue, a.cue_text, a.cue_span = last, last.text, (last.idx, last.idx + len(last.text))
        return a

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
                    if s is not None and s.i < v.i and (s.pos_ == "PRON" or s.pos_ == "PROPN") and \
                            s.lower_ not in INDEFINITE:  # "Not that anyone is arguing": no one's words
                        return v
                    break
        # the previous sentence (or paragraph) ends with a colon
        i = self.tok_index(q.open_at) - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i >= 0 and doc[i].text == ":" and self.outside(doc[i]):
            j = i - 1
            while j >= 0 and self.outside(doc[j]) and not self.sent_end(doc[j]):
                v = doc[j]
                # the clause before the colon: a main clause, or one the parser hung on the quote
                main = v.dep_ in ("ROOT", "conj") or not self.outside(v.head)
                subj = self._subject(v) if v.pos_ in VERBISH and main else None
                if subj is not None and (self.is_cue_verb(v) or subj.lower_ in MALE | FEMALE or (
                        (a := self.res.at(subj)) is not None and a.kind in ("person", "organization", "group")) or (
                        subj.pos_ == "NOUN" and self._source_of(subj) is not None)):
                    # "Blinken put it this way:", "the mayor's message was simple:" (a message whose
                    # author is named), not "The bias begins with this statement:"
                    return v
                j -= 1
        return None
