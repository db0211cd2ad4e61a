"""Speakers: the cue's subject resolved to a canonical actor (names, pronouns, role nouns)."""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..actors import FEMALE, MALE
from ..types import Actor
from .attribution import FIRST_PERSON, INDEFINITE, PLURAL_PRONOUNS, _Attr
from .subjects import _age_phrase


class Speakers:
    """Part of the quote run (`stage._Run`): speakers resolved to actors."""

    def _resolve_speakers(self, attrs: list[_Attr]) -> None:
        history: list[tuple[int, Actor]] = []
        plural: list[Token] = []  # speakers named by a plural noun with no actor ("Republican leaders")
        order = sorted((a for a in attrs if a.subj is not None), key=lambda a: a.subj.idx)
        for a in order:
            a.actor = self._actor(a.subj, history)
            if a.actor is None and a.mention is None and (a.subj.lower_ in PLURAL_PRONOUNS or a.subj.lower_ == "it") \
                    and (c := self._collective(a.subj)) is not None:
                a.subj = c  # named by its antecedent, "Clinton's campaign", not by "they"
                a.actor = self._actor(c, history)
            a.speaker_span = self._speaker_span(a.subj) if a.mention is None else \
                (a.mention.idx, a.mention.idx + len(a.mention.text))
            a.name = a.actor.name if a.actor else self._phrase(a.subj)
            if a.actor is None and a.mention is None and (d := self._document_author(a.subj)) is not None:
                a.name = self._phrase(d)  # "it read", "the letter said": named by who issued it
            if a.actor is None and a.mention is None and a.subj.lower_ in PLURAL_PRONOUNS and plural and \
                    self.para_gap(plural[-1].i, a.subj.i) <= 1 and not any(
                        t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS") and self.outside(t)
                        for t in self.doc[plural[-1].i + 1:a.subj.i]):
                a.name = self._phrase(plural[-1])  # "Republican leaders said ... “…,” they said"
            if a.actor is None and a.subj.pos_ == "NOUN" and a.subj.tag_ == "NNS":
                plural.append(a.subj)
            if a.actor is not None:
                history.append((a.subj.idx, a.actor))

    def _actor(self, tok: Token, history: list[tuple[int, Actor]]) -> Actor | None:
        res = self.res
        low = tok.lower_
        if tok.is_upper and len(tok.text) > 1 and (a := res.at(tok)) is not None:
            return a  # "the US welcomed ...": a name in capitals that spells a pronoun
        if low in MALE or low in FEMALE:
            return self._pronoun(tok, "m" if low in MALE else "f", history)
        if low in FIRST_PERSON or low == "you" or low in INDEFINITE:
            return None  # outside a quote, "I" is the writer
        if low in PLURAL_PRONOUNS or low == "it":
            subj = self._enclosing_subject(tok)
            a = self.res.at(subj) if subj is not None else None
            if a is not None and a.kind != "person" and (a.kind != "place" or a.country):
                return a
            if self._collective(tok) is not None:
                return None  # named by that noun phrase instead (`_resolve_speakers`)
            if (d := self._document_author(tok)) is not None:
                return self._actor(d, history)
            for pos, act in reversed(history):
                if act.kind != "person" and self.para_gap(self.tok_index(pos), tok.i) <= 1:
                    return act
            # "The Green Party released its platform. It said ...": no earlier speaker, so the
            # organisation, group or country the last sentences were about ("they": or the first
            # of two people who spoke together, "X and Y say ... they say")
            a = res.group_antecedent(tok, speaker=True)
            return a if a is not None and (a.kind != "person" or low in PLURAL_PRONOUNS) else None
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
        if _age_phrase(tok):
            # an age the article gave no one before is an epithet for the person just named
            return self._by_age(tok) or self._epithet(tok)
        definite = tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                         for c in tok.children)
        if definite and (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.is_upper) and tok.tag_ != "NNS":
            # "the mayor said": a person first (also a title the tagger reads as a name, "the CEO")
            a = res.by_description(tok)
            if a is not None:
                return a
        source = self._source_of(tok)
        if source is not None:  # "a statement from the EU", "the company's spokeswoman"
            return source
        try:
            a = res.resolve(tok)
        except Exception:
            a = None
        if a is None and tok.is_upper and len(tok.text) > 2:
            a = self._by_surname(tok.text)
        if a is None and definite:
            a = self._definite_org(tok)
        if a is None and definite and tok.pos_ == "NOUN" and tok.tag_ != "NNS" and self._person_noun(tok):
            a = self._epithet(tok)
        if a is None and (d := self._document_author(tok)) is not None:
            a = self._actor(d, history)
        return a

    def _document_author(self, tok: Token) -> Token | None:
        """ "The premier's office issued a statement. “…,” it read." / "The union released a letter.
        “…,” the letter said." / "In a statement, the ministry said ... “…,” the statement said.": who
        issued the document that speaks, the subject of the clause whose object it is (or that said
        the words in it) (any `sources` noun for "it", the same noun for "the letter"), in this
        sentence or the one before. The speaker word stays the document; its actor is the issuer."""
        low, lemma = tok.lower_, tok.lemma_.lower()
        if low != "it" and not (tok.pos_ == "NOUN" and lemma in self.lex.sources):
            return None
        for d in self._words_back(tok):
            # the document is the object of the issuing verb, or the place the words were said in
            # ("In a statement, the ministry said ...", "said in a letter to staff")
            if d.pos_ != "NOUN" or not (d.dep_ in ("dobj", "obj") or d.dep_ == "pobj" and d.head.lower_ == "in"):
                continue
            dl = d.lemma_.lower()
            if dl not in self.lex.sources or (low != "it" and dl != lemma):
                continue
            verb = d.head if d.dep_ != "pobj" else d.head.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj" and self.outside(c)), None)
            if subj is None or subj.lower_ in PLURAL_PRONOUNS | FIRST_PERSON | MALE | FEMALE | {"it", "you"}:
                return None
            return subj
        return None

    def _words_back(self, tok: Token):
        """The tokens before `tok`, nearest first, outside quotes, in this sentence and the one
        before (sentence ends themselves left out), within this paragraph or the one before."""
        ends = 0
        for j in range(tok.i - 1, -1, -1):
            t = self.doc[j]
            if self.para_gap(j, tok.i) > 1:
                return
            if not self.outside(t):
                continue
            if self.sent_end(t):
                ends += 1
                if ends > 1:
                    return
                continue
            yield t

    def _person_noun(self, tok: Token) -> bool:
        """A noun that names a person: a KB role ("farmer", "senator") or the lexicon's `persons`."""
        lemma = tok.lemma_.lower()
        return lemma in self.lex.persons or self.res.kb.role_noun(lemma) is not None

    def _epithet(self, tok: Token) -> Actor | None:
        """ "Gerald Fox, 78, shook his head. “…,” the retired farmer said.": a definite description
        the article used of no one before is an epithet for the person just named, when that
        person is the main-clause subject of the sentence before (or of this one) and no one else
        was named since."""
        for t in self._words_back(tok):
            a = self.res.at(t)
            if a is None or a.kind != "person":
                continue
            head = t
            while head.dep_ in ("compound", "flat") and head.head.i != head.i:
                head = head.head
            verb = head.head
            main = verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"
            return a if head.dep_ in ("nsubj", "nsubjpass") and main else None
        return None

    def _enclosing_subject(self, tok: Token) -> Token | None:
        """The subject of the nearest clause that embeds the one holding they/it, when it comes
        before the pronoun: a pronoun in an embedded clause most often refers to it ("the Sierra
        Club contrasts its plan with what they call ...", "the ministry rejected what it called ...")."""
        x, steps = tok.head, 0
        while steps < 8 and x.head.i != x.i:
            x, steps = x.head, steps + 1
            if x.pos_ in ("VERB", "AUX"):
                subj = next((c for c in x.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i
                             and self.outside(c)), None)
                if subj is not None:
                    return subj
        return None

    def _collective(self, tok: Token) -> Token | None:
        """For they/it with no actor: the embedding clause's subject when it is a body that speaks
        as one ("Clinton's campaign is seeking to contrast ... with what they call ..."): a noun of
        the lexicon's organisations, or for "they" a plural noun of people or bodies."""
        subj = self._enclosing_subject(tok)
        if subj is None or subj.pos_ != "NOUN":
            return None
        lemma = subj.lemma_.lower()
        if lemma in self.lex.organisations or tok.lower_ in PLURAL_PRONOUNS and subj.tag_ == "NNS" and \
                self.res.kb.role_noun(lemma) is not None:
            return subj
        return None

    def _by_age(self, tok: Token) -> Actor | None:
        """ "the 34-year-old": the latest person before whose age the article gave ("Melissa Grant,
        34," or "34-year-old Melissa Grant"), within the last two paragraphs."""
        age = next((self.doc[j].text for j in range(max(0, tok.i - 4), tok.i - 2) if self.doc[j].like_num), None)
        if age is None:
            return None
        best = None
        for a in self.res.actors:
            if a.kind != "person":
                continue
            for m in a.mentions:
                if m.start >= tok.idx or self.para_gap(self.tok_index(m.start), tok.i) > 2:
                    continue
                after, before = self.text[m.end:m.end + 8], self.text[max(0, m.start - 16):m.start]
                if re.match(rf",\s*{age}\b", after) or re.search(rf"\b{age}-year-old\s+$", before):
                    if best is None or m.start > best[0]:
                        best = (m.start, a)
        return best[1] if best else None

    def _source_of(self, tok: Token) -> Actor | None:
        """The author of a statement, release or letter ("a statement from the EU", "the ministry's
        statement", "a statement read on behalf of the premier"), or the employer of a spokesperson:
        nouns listed as `sources` in the lexicon."""
        if tok.lemma_.lower() not in self.lex.sources:
            return None
        # "on behalf of X" may hang on the verb whose subject the document is
        behalf = [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "on"] if tok.dep_ == "nsubj" else []
        for c in [*tok.children, *behalf]:
            if c.dep_ == "poss" and (a := self._named(c)) is not None:
                return a
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of", "for", "on"):
                g = next((x for x in c.children if x.dep_ == "pobj"), None)
                if g is not None and c.lower_ == "on" and g.lower_ == "behalf":  # "on behalf of X"
                    of = next((x for x in g.children if x.dep_ == "prep" and x.lower_ == "of"), None)
                    g = next((x for x in of.children if x.dep_ == "pobj"), None) if of is not None else None
                elif c.lower_ == "on":
                    continue
                if g is not None and (a := self._named(g)) is not None:
                    return a
        for c in tok.children:  # "a Health Canada statement"
            if c.dep_ == "compound" and (a := self._named(c)) is not None and a.kind != "person":
                return a
        return None

    def _named(self, tok: Token) -> Actor | None:
        a = self.res.at(tok)
        if a is None:
            for c in tok.children:
                if c.dep_ in ("compound", "flat") and (a := self.res.at(c)) is not None:
                    break
        if a is None and tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
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
        if best is None and lemma in self.lex.organisations:
            # "the company", "the union": the latest organisation named before, within two paragraphs
            for actor in self.res.actors:
                if actor.kind != "organization":
                    continue
                for m in actor.mentions:
                    if m.start < tok.idx and (best is None or m.start > best[0]) and \
                            self.para_gap(self.tok_index(m.start), tok.i) <= 2:
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
        if alt is not None and (alt.kind != "person" or (self._gender(alt) or gender) != gender):
            alt = None  # he/she is never a place, an organisation or a person of the other gender
        last = None
        for pos, act in reversed(history):
            if pos >= tok.idx or act.kind != "person":
                continue
            g = self._gender(act)
            if g and g != gender:
                continue
            if self.para_gap(self.tok_index(pos), tok.i) > 1:
                break
            last = (pos, act)
            break
        if last is None and alt is not None:
            last = max(((m.start, alt) for m in alt.mentions if m.start < tok.idx), default=None, key=lambda x: x[0])
        if last is None:
            return alt if alt is not None else self._only_of_gender(tok, gender)
        # did someone else of that gender become the topic after the last speaker spoke?
        topic = None
        for act in self.res.actors:
            if act is last[1] or act.kind != "person" or (self._gender(act) or gender) != gender:
                continue
            for m in act.mentions:
                if last[0] < m.start < tok.idx and self._main_subject(self.tok_index(m.start), m.end) and \
                        (topic is None or m.start > topic[0]):
                    topic = (m.start, act)
        return topic[1] if topic else last[1]

    def _main_subject(self, j: int, end: int) -> bool:
        """Whether the mention starting at token j is the subject of a main clause, itself or as
        the apposition of one ("Smith's chief of staff, Rob Anderson, sat in")."""
        head = self.doc[j]
        while head.head.i != head.i and head.head.idx < end:
            head = head.head
        if head.dep_ == "appos" and head.head.i < head.i:
            head = head.head
        return head.dep_ in ("nsubj", "nsubjpass") and (
            head.head.dep_ == "ROOT" or head.head.dep_ == "conj" and head.head.head.dep_ == "ROOT")

    def _only_of_gender(self, tok: Token, gender: str) -> Actor | None:
        """he/she with no antecedent in the last sentences: the latest person of the pronoun's gender
        mentioned in the last three paragraphs, passing over persons known to be of the other gender
        but not one of unknown gender (background sentences about a place or a thing between a
        person and "she said" do not lose her)."""
        later = [(s, a) for a in self.res.actors if a.kind == "person" for m in a.mentions
                 for s in [m.start] if s < tok.idx and self.para_gap(self.tok_index(s), tok.i) <= 3]
        for s, a in sorted(later, key=lambda x: -x[0]):
            g = self._gender(a)
            if g == gender:
                return a
            if g is None:
                return None  # someone who may be meant comes in between
        return None

    @staticmethod
    def _gender(actor: Actor) -> str | None:
        """Set by the actors stage (KB, titles, first name, the article's pronouns)."""
        return actor.gender

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
