"""Small readers of spaCy's dependency parse shared by every step: objects, prepositional phrases,
passives."""
from __future__ import annotations

from spacy.tokens import Token

from .words import REL_PRONOUNS, STATIVE


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *[c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON")]]


def _words(tok: Token) -> set[str]:
    return {tok.lemma_.lower(), tok.lower_}


def _object(verb: Token) -> Token | None:
    """The direct object (the second of two objects when the first is the recipient)."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if not objs:
        for c in verb.children:  # "kidnapped up to 16 advisers": spaCy reads "up" as a particle
            if c.dep_ == "prt" and c.lower_ == "up":
                for p in c.children:
                    if p.lower_ == "to":
                        for g in p.children:
                            if g.dep_ == "pobj" and any(x.dep_ == "nummod" for x in g.children):
                                return g
        return None
    o = objs[-1]
    if o.lower_ in REL_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return o


def _stative(verb: Token) -> bool:
    """ "is opposed to", "is committed to": a state of the subject, not a passive act."""
    return verb.lemma_.lower() in STATIVE and not any(c.dep_ == "agent" for c in verb.children)


def _passive(verb: Token) -> bool:
    if _stative(verb):
        return False
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")


def _preps(tok: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs hanging on a token: "on Iran", "to China", "with X and Y"."""
    out = []
    for p in tok.children:
        if p.dep_ in ("prep", "agent", "dative") and p.pos_ == "ADP":
            low = p.lower_
            for g in p.children:
                if g.dep_ in ("pobj", "pcomp"):
                    if g.ent_type_ in ("DATE", "TIME"):
                        continue  # "on Monday" is not the "on" of "sanctions on Iran"
                    out.append((low, g))
                elif g.dep_ == "prep" and g.pos_ == "ADP":  # "out of", "because of"
                    for gg in g.children:
                        if gg.dep_ == "pobj":
                            out.append((low + " " + g.lower_, gg))
    return out
