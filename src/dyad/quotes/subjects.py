"""Subjects: the head of the speaker phrase of a cue verb."""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..actors import FEMALE, MALE
from .attribution import PLURAL_PRONOUNS, RELATIVE, SUBJECT_POS, VERBISH
from .cues import _phrases_re


class Subjects:
    """Part of the quote run (`stage._Run`): the subject of a cue verb."""

    def _subject(self, v: Token) -> Token | None:
        """The head of the speaker phrase of a cue verb, in the verb's paragraph.

        The parser sometimes runs a sentence over a paragraph break and hangs a verb on a clause
        of the previous paragraph; then the noun phrase right before the verb is taken."""
        if v.tag_ == "VBG" and (p := self._person_before(v)) is not None:
            return p
        s = self._parse_subject(v)
        if s is not None:
            s = self._partitive_head(s)
        if s is not None and (a := self.res.at(s)) is not None and a.kind == "place":
            # "WASHINGTON -- President Obama, ..., said": a dateline the parser made the subject,
            # with the speaker in apposition
            s = next((c for c in s.children if c.dep_ == "appos" and (b := self.res.at(c)) is not None
                      and b.kind == "person"), s)
        if s is not None and self.tok_para[s.i] == self.tok_para[v.i] and s.pos_ in SUBJECT_POS and not s.is_punct:
            return s
        if v.tag_ == "VBG":
            return self._participle_subject(v)
        return self._adjacent_subject(v)

    def _person_before(self, v: Token) -> Token | None:
        """ "footage of Clinton asking, “...”", "a clip of Governor Park telling supporters ...": a
        participle right after a named person (no comma between) describes that person, though the
        parser often hangs it on the main verb, whose subject only showed or played it."""
        if v.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
            return None
        p = self.doc[v.i - 1]
        if not self.outside(p) or self.tok_para[p.i] != self.tok_para[v.i]:
            return None
        a = self.res.at(p)
        return p if a is not None and a.kind == "person" else None

    def _partitive_head(self, s: Token) -> Token:
        """ "many of whom say", "some of the residents said", "two of them told": a quantity of a
        group speaks for the group; "whom"/"which" stand for the noun before them."""
        if s.pos_ not in ("ADJ", "DET", "NUM", "PRON", "NOUN") or s.lower_ not in PARTITIVES and not s.like_num:
            return s
        of = next((c for c in s.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        g = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if g is None:
            return s
        if g.lower_ == "whom":
            return self._who_antecedent(g, at=s) or s
        return g

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
        if _age_phrase(t):  # "the 34-year-old said", parsed with no subject
            return t
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
                    return self._owner(self._who_antecedent(c) or v.head, depth)
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
            return self._conjunct_subject(v, h, depth)
        if v.dep_ in ("advcl", "xcomp", "pcomp") and v.tag_ in ("VBG", "VBN", "VB"):
            # "..., arguing that", "was quoted as saying", "declined to say"
            if h.pos_ in VERBISH:
                return self._parse_subject(h, depth + 1)
            if h.dep_ == "prep" and h.lower_ == "for" and v.tag_ == "VBG":
                # "criticized Santos for saying ...", "held X in contempt for refusing ...": X's words
                g = h.head
                while g.pos_ not in VERBISH and g.dep_ in ("pobj", "prep") and g.head.i != g.i:
                    g = g.head
                obj = next((c for c in g.children if c.dep_ == "dobj" and c.i < h.i and self.outside(c)), None) \
                    if g.pos_ in VERBISH else None
                if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON"):
                    return obj
            if h.dep_ == "prep" and h.head.pos_ in VERBISH:
                return self._parse_subject(h.head, depth + 1)
        if v.dep_ == "relcl" and h.pos_ in ("NOUN", "PROPN"):
            return h
        if v.dep_ == "acl" and h.pos_ in ("NOUN", "PROPN"):
            return self._owner(h, depth)
        return None

    def _conjunct_subject(self, v: Token, h: Token, depth: int) -> Token | None:
        """The subject a verb shares with the verb it is coordinated with. A bare infinitive is
        coordinated with an infinitive, not with a participle the parser hung it on ("to accuse
        X of being duped by Y and encourage Z": the one who accuses encourages); and a passive
        verb's agent is no subject of its active conjunct ("was praised by Y and thanked Z")."""
        if v.tag_ == "VB" and h.tag_ in ("VBN", "VBG"):
            g = h
            while g.head.i != g.i and not (g.tag_ == "VB" and g.pos_ in VERBISH and g.i < v.i):
                g = g.head
            if g.tag_ == "VB" and g.i != h.i and g.i < v.i:
                return self._parse_subject(g, depth + 1)
        if (outer := self._reporting_conjunct(v)) is not None:
            return self._parse_subject(outer, depth + 1)
        if any(c.dep_ == "agent" for c in h.children) and v.tag_ not in ("VBN",):
            grammatical = next((c for c in h.children if c.dep_ in ("nsubjpass", "nsubj") and self.outside(c)), None)
            if grammatical is not None:
                return grammatical
        return self._parse_subject(h, depth + 1)

    def _reporting_conjunct(self, v: Token) -> Token | None:
        """The verb of saying a cue verb is really coordinated with when the parser hung it inside
        that verb's "that"-clause: "X wrote that the bridge was “a disgrace” and urged voters to ...",
        "tweeted that Y was a fraud and encouraged Americans to ...". A second reporting verb in the
        same tense, after a complement opened by "that" or about a thing ("said the plan was costly and
        warned ..."), continues the reporter's own sentence (the one who wrote also urged)."""
        h = v.head
        if v.dep_ != "conj" or v.lemma_.lower() not in self.verbs or h.dep_ not in ("ccomp", "advcl") or h.i > v.i:
            return None  # (the parser takes "that" for an adverb and the clause for an adverbial at times)
        outer = h.head
        if outer.lemma_.lower() not in self.lex.speech or TENSE.get(outer.tag_) != TENSE.get(v.tag_, v.tag_) \
                or outer.i > h.i:
            return None
        inner = next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        thing = inner is not None and inner.pos_ == "NOUN" and self.res.at(inner) is None and \
            inner.lemma_.lower() not in self.lex.persons | self.lex.organisations | self.lex.sources
        if not thing and not any(m.dep_ in ("mark", "advmod") and m.lower_ == "that" and m.i < h.i for m in h.children):
            return None  # "said the minister was tired and warned ...": either may have warned
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
            return None
        return outer

    def _who_antecedent(self, who: Token, at: Token | None = None) -> Token | None:
        """ "workers here, who have marched ...": "who" stands for the nearest noun before it (past
        a comma and "here"/"there"), wherever the parser hung its clause; past a place or thing
        it is the noun that one modifies ("residents of the town, who ..."). `at`: the word the
        relative phrase opens with, when it is not "who" itself ("many of whom")."""
        if who.lower_ not in ("who", "whom"):
            return None
        who = at if at is not None else who
        j = who.i - 1
        while j >= 0 and (self.doc[j].is_punct or self.doc[j].pos_ == "ADV") and who.i - j <= 3:
            j -= 1
        t = self.doc[j] if j >= 0 else None
        if t is None or t.pos_ not in ("NOUN", "PROPN") or not self.outside(t):
            return None
        while t.dep_ in ("compound", "flat") and t.head.i > t.i and t.head.i < who.i:
            t = t.head
        a = self.res.at(t)
        if t.dep_ == "pobj" and t.head.lower_ == "of" and (a is None or a.kind != "person") and \
                t.head.head.pos_ in ("NOUN", "PROPN"):
            t = t.head.head  # "residents of the town, who ...": the people, not the place
        return t

    def _owner(self, n: Token, depth: int) -> Token:
        """The speaker behind a noun that a cue modifies: the noun itself when it can speak (a name,
        a role, a statement), else the subject of the clause that has it as object: "Trump used
        softer language, calling it ...", "she made a comment that described ..." are Trump's, hers."""
        speaks = (self.res.at(n) is not None or n.pos_ != "NOUN" or n.lemma_.lower() in self.lex.sources
                  or n.lemma_.lower() in self.lex.organisations or self.res.kb.role_noun(n.lemma_) is not None
                  or n.lower_ in ("people", "group", "crowd"))
        if n.lemma_.lower() in self.lex.sources and (issuer := self._issuer(n, depth)) is not None:
            return issuer
        if speaks or n.dep_ not in ("dobj", "pobj", "attr", "oprd"):
            return n
        gov = n.head.head if n.dep_ == "pobj" else n.head
        if gov.pos_ not in VERBISH:
            return n
        s = self._parse_subject(gov, depth + 1)
        return s if s is not None else n

    def _issuer(self, n: Token, depth: int) -> Token | None:
        """Who put out a statement, letter or tweets that a cue modifies: the subject of a verb of
        issuing with the noun as its object ("X issued a statement calling ...", "X unleashed a
        series of tweets criticizing ..."), when that subject is an actor."""
        g, steps = n, 0
        while g.pos_ not in VERBISH and g.dep_ in ("dobj", "pobj", "prep") and g.head.i != g.i and steps < 4:
            g, steps = g.head, steps + 1
        if g.pos_ not in VERBISH or g.lemma_.lower() not in self.lex.issuing:
            return None
        s = self._parse_subject(g, depth + 1)
        return s if s is not None and self.res.resolve(s) is not None else None

    def _relative(self, v: Token) -> Token | None:
        """ "who" in "Wang, who said ...", "many" in "many of whom say": the word that names the
        speaker in the text, when it is not the head of the phrase resolved."""
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None and self._partitive_head(subj) is not subj:
            return subj
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


PARTITIVES = {"many", "some", "most", "several", "few", "all", "none", "each", "both", "one", "half", "majority",
               "minority", "number", "dozens", "hundreds", "thousands", "millions", "any", "either", "neither"}


# past tense and past participle are one tense here: the tagger swaps them ("X tweeted that ...")
TENSE = {"VBD": "past", "VBN": "past", "VBZ": "present", "VBP": "present"}


def _age_phrase(t: Token) -> bool:
    """ "old" closing "the 34-year-old": a description of a person by age."""
    doc = t.doc
    return t.lower_ == "old" and t.i >= 3 and doc[t.i - 2].lower_ == "year" and \
        any(doc[j].like_num for j in range(max(0, t.i - 4), t.i - 2))
