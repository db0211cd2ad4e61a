"""Sense choice by the class of what a verb acts on (data/senses.yaml).

A verb of force, seizure or military posture acts on actors, people, places and things; with an
idea, a report, a figure or a social ill as its object the verb is figurative ("seized on a report",
"fought bigotry", "slashed its forecast"). The object's class comes from the parse and the KB: an
actor or person (resolved, a named entity, a role noun or an animate noun) or a place is concrete;
a gerund, a noun with a clause of its own ("a report that ..."), a noun of the abstract class or in
-ness/-ism/-ity is abstract; anything else is a thing. The matcher (triggers.py) skips a default
sense whose root needs a concrete object when every object of the clause is abstract.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ..datafile import load_yaml

_SUFFIXES = ("ness", "ism", "ity")
# the lexicon files whose senses these restrictions are written for (a user's PETRARCH dictionary
# says itself what its patterns need)
BUILT_IN = frozenset({"verbs.yaml", "verb_classes.yaml", "generated"})


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_yaml(resources.files("dyad") / "data" / "senses.yaml") or {}


@lru_cache(maxsize=1)
def rules() -> tuple[frozenset[str], str, frozenset[str], frozenset[str]]:
    """(roots needing a concrete object, the figurative code, abstract nouns, concrete -ity nouns)."""
    return (frozenset(str(r) for r in _data().get("abstract_roots") or ()), str(_data().get("figurative") or "111"),
            _listed("abstract_nouns"), _listed("concrete_ity"))


@lru_cache(maxsize=None)
def _listed(key: str) -> frozenset[str]:
    """One list of data/senses.yaml, lower-cased."""
    return frozenset(str(w).lower() for w in _data().get(key) or ())


def gathering(tok: Token) -> bool:
    """Whether a noun names a meeting between actors ("the summit", "peace talks"): an object that
    stands for its participants where a code needs an actor."""
    return tok.lemma_.lower() in _listed("gatherings") or tok.lower_ in _listed("gatherings")


def counted(tok: Token) -> Token:
    """What a partitive head counts ("dozens of prisoners" -> prisoners, "two of the sailors" ->
    sailors); the token itself when it counts nothing."""
    quantities = _listed("quantities")
    if tok.pos_ == "NUM" or tok.like_num or tok.lemma_.lower() in quantities or tok.lower_ in quantities:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                return next((g for g in c.children if g.dep_ == "pobj"), tok)
    return tok


def military(code: str) -> bool:
    """Whether a code is a military act (its root or the code is listed), which needs an armed side."""
    codes = _listed("military_codes")
    return code[:2] in codes or code[:3] in codes or code in codes


def needs_actor(code: str) -> bool:
    """Whether a code's default sense needs an actor, a person or a place as its direct object."""
    return code in _listed("actor_codes")


def needs_concrete(code: str) -> bool:
    """Whether a code's act is done to something concrete (its root or the code is listed)."""
    roots = rules()[0]
    return code[:2] in roots or code in roots


def proposition(tok: Token) -> bool:
    """A noun with a that-clause of its own: "the argument that the bill was flawed", "a report that
    the envoy resigned" name a proposition, something held true, not a thing done."""
    return any(c.dep_ in ("acl", "relcl", "ccomp") and (
        any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        or c.left_edge.lower_ == "that" and c.left_edge.tag_ == "IN")  # the complementizer, however attached
        for c in tok.children)


def abstract_word(tok: Token) -> bool:
    """An abstract noun by its form or lemma alone: a gerund, a clause-taking noun, a listed noun,
    or a noun in -ness/-ism/-ity that is no place or body. Whether it names an actor is the caller's
    question (a role noun or a KB actor is never abstract)."""
    if tok.tag_ == "VBG" or tok.pos_ == "VERB":
        return True
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"):
        return False
    if proposition(tok):
        return True  # "a report that the envoy resigned": a proposition
    lemma = tok.lemma_.lower()
    _, _, nouns, concrete = rules()
    if lemma in nouns or tok.lower_ in nouns:
        return True
    return lemma.endswith(_SUFFIXES) and len(lemma) > 5 and lemma not in concrete
