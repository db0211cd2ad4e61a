"""Modality: negation, refusal, intent, conditionals and speculation decide whether an act happened
and which code it takes (see the package notes, NEGATION AND MODALITY)."""
from __future__ import annotations

from spacy.tokens import Token

from ..quotes.cues import lexicon as reporting
from .parse import _children
from .triggers import _Cand
from .words import (
    DESIRE_HEADS, INABILITY_ADJ, INTENT_ADJ, INTENT_AUX, INTENT_HEADS, INTENT_NOUNS, OBLIGATION_AUX, OBLIGATION_HEADS,
    REFUSAL_HEADS, REPORT_HEADS, SPECULATIVE_AUX,
)


def not_yet(head: Token) -> bool:
    """"has yet to", "is yet to": the open complement of this head has not happened."""
    return head.lemma_.lower() in ("have", "be") and any(x.dep_ == "advmod" and x.lower_ == "yet" for x in head.children)


def of_nothing(obj: Token) -> bool:
    """An object that is "no ...": the act done to it did not happen ("offered no proof")."""
    return any(x.dep_ == "det" and x.lower_ == "no" for x in obj.children)


class Modality:
    """Negation, intent and hypothetical clauses (a mixin of EventStage)."""

    @staticmethod
    def _nonfactual(noun: Token) -> bool:
        """A noun inside an infinitive that hangs on a noun or states a purpose ("room to bargain in talks
        with X", "flew in to attend talks with X"): what is aimed at has not happened."""
        h = noun
        for _ in range(6):
            if h.head.i == h.i:
                return False
            h = h.head
            if h.pos_ in ("VERB", "AUX"):
                infinitive = any(x.dep_ == "aux" and x.lower_ == "to" for x in h.children) and not any(
                    x.dep_ in ("nsubj", "nsubjpass") for x in h.children)
                return infinitive and (h.dep_ == "acl" and h.head.lemma_.lower() not in INTENT_NOUNS or h.dep_ == "advcl")
        return False

    @staticmethod
    def _chain(verb: Token):
        """The verb and the heads it inherits modality from: open complements, coordination, and
        the verb whose object the clause completes ("would not give permission to help")."""
        v = verb
        yield v
        for _ in range(5):
            if v.dep_ in ("xcomp", "acomp", "conj") and v.head.i != v.i:
                v = v.head
                yield v
            elif v.dep_ == "acl" and v.head.dep_ == "dobj" and v.head.head.pos_ in ("VERB", "AUX"):
                v = v.head.head
                yield v
            elif v.dep_ == "advcl" and any(x.dep_ == "aux" and x.lower_ == "to" for x in v.children) \
                    and not any(x.dep_ in ("nsubj", "nsubjpass") for x in v.children):
                v = v.head  # a purpose clause shares its head's modality: "will send troops to help"
                yield v
            else:
                break

    def _negated(self, verb: Token, c: _Cand) -> bool:
        for v in self._chain(verb):
            for x in v.children:
                if x.dep_ == "neg" or (x.dep_ == "advmod" and x.lower_ in ("never", "no longer")):
                    return True
                if x.dep_ in ("aux", "auxpass") and any(g.dep_ == "neg" for g in x.children):
                    return True
            if v.i != verb.i and (v.lemma_.lower() in REFUSAL_HEADS or not_yet(v)):
                return True
        objs = [c.obj] if c.obj is not None and c.pat.obj is not None else []
        if any(of_nothing(o) for o in objs + _children(verb, "dobj")):
            return True  # "offered no proof", "gave no details"
        return False

    def _neg_mode(self, verb: Token) -> str:
        """'refusal' for negated future, volitional or present-stance forms; 'none' for past/perfect."""
        for v in self._chain(verb):
            if v.lemma_.lower() in REFUSAL_HEADS:
                return "refusal"
            auxes = [x for x in v.children if x.dep_ in ("aux", "auxpass")]
            if any(a.lower_ in INTENT_AUX or a.lower_ in ("ca", "can", "cannot") for a in auxes):
                return "refusal"
            if v.lower_ in INTENT_ADJ or v.lemma_.lower() in ("want", "intend", "plan", "wish", "mean"):
                if v.i != verb.i and not any(a.lemma_ == "have" for a in auxes):
                    return "refusal"  # "is not willing to", "does not want to" (not "has not agreed to")
            if v.i == verb.i and any(a.lemma_ == "do" and a.tag_ in ("VBP", "VBZ") for a in auxes):
                return "refusal"  # "we do not support"
            if v.i == verb.i and verb.tag_ in ("VBP", "VBZ") and not auxes:
                return "refusal"
        return "none"

    def _prescribed(self, verb: Token | None) -> bool:
        """An act that is prescribed, not done: under "must", "should", "ought to", or the infinitive of
        "need to" / "have to" ("Mexico must communicate ...", "X needs to meet Y"). Reported as a demand
        of a speaker it is coded by EventStage._obligations; on its own it is no event."""
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return False
        prev = None
        for v in self._chain(verb):
            if any(a.dep_ in ("aux", "auxpass") and a.lower_ in OBLIGATION_AUX for a in v.children):
                return True
            if prev is not None and prev.dep_ == "xcomp" and prev.head.i == v.i and v.lemma_.lower() in OBLIGATION_HEADS \
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in prev.children):
                return True
            prev = v
        return False

    def _unreported_would(self, verb: Token) -> bool:
        """A "would" outside reported speech is conditional or counterfactual ("the plan would raise
        taxes", "the days when they would visit"), not the backshifted "will" of "X said it would
        withdraw": reported means a verb or noun of saying, thinking or intending governs the clause,
        or the sentence's own attribution ("'We would never accept it,' he said")."""
        if not any(a.dep_ == "aux" and a.lower_ in ("would", "'d") for v in self._chain(verb) for a in v.children):
            return False
        lex = reporting()
        heads = REPORT_HEADS | INTENT_HEADS | DESIRE_HEADS
        for h in verb.ancestors:
            lemma = h.lemma_.lower()
            if lemma in heads or lemma in lex.speech or lemma in lex.belief or lemma in lex.nouns:
                return False
        root = verb.sent.root
        return not any(c.dep_ in ("parataxis", "ccomp", "advcl") and c.lemma_.lower() in lex.speech for c in root.children)

    def _intent(self, verb: Token) -> bool:
        for v in self._chain(verb):
            for a in v.children:
                if a.dep_ == "aux" and a.lower_ in INTENT_AUX:
                    return True
                if a.dep_ == "aux" and a.lower_ == "going" :
                    return True
            if v.i != verb.i:
                if v.lemma_.lower() in INTENT_HEADS or v.lower_ in INTENT_ADJ:
                    return True
                if v.lemma_ == "be" and verb.dep_ == "xcomp" and verb.head.i == v.i:  # "is to visit"
                    return True
            if v.dep_ == "xcomp" and v.head.lower_ in INTENT_ADJ:
                return True
        return False

    def _noun_intent(self, noun: Token) -> bool:
        """A planned or expected visit/meeting: the noun's verb is future or an intent verb."""
        head = noun.head
        if noun.dep_ in ("dobj", "nsubjpass", "pobj") and head.pos_ in ("VERB", "AUX"):
            if head.lemma_.lower() in ("plan", "propose", "expect", "schedule", "seek", "want", "offer"):
                return True
            return self._intent(head)
        if any(c.lower_ in ("planned", "proposed", "upcoming", "expected", "scheduled", "future") for c in noun.children):
            return True
        return False

    @staticmethod
    def _hypothetical(tok: Token) -> bool:
        """Conditional clauses, speculation and wishes about others are not events."""
        if tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_.lower() in DESIRE_HEADS and any(
                x.dep_ == "nsubj" for x in tok.children):
            return True  # "Obama wants Putin to attack Switzerland", "hoped X would attend"
        if any(v.dep_ == "xcomp" and v.head.lower_ in INABILITY_ADJ for v in Modality._chain(tok)):
            return True  # "is unable to meet X", "will be powerless to stop X": inability is no act
        v = tok
        for _ in range(8):
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in v.children):
                return True
            if v.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in SPECULATIVE_AUX for c in v.children):
                return True
            if v.dep_ in ("ROOT",) or v.head.i == v.i:
                break
            if v.dep_ in ("conj", "parataxis", "relcl"):
                break
            v = v.head
        return False
