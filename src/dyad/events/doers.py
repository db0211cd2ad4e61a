"""Private doers: a place is a party only where no private doer acted in it.

Event data lets a place stand for a party in two conventions: an act with no named doer ("killed by
a roadside bomb near Kandahar", "shelling in Juba") takes the place as its unidentified side, and a
state's act at home targets its own country as a place (conventions.py). Neither applies when the
clause names who did it and that doer is private and unarmed: a civilian, a firm, a medium, a family,
a private person nobody coded ("a Mexican family crosses into Texas", "his sons sell it to shops in
France", "a businessman shot a rival in Kenya"). Armed groups without a political role (criminals,
CRM) keep the convention for force. The place is then where
it happened, not whom it was done to, and with no political side left there is no event. A
demonstration stays political whoever holds it (political.yaml `political_roots`).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ..datafile import load_yaml
from ..types import Actor
from .political import _rules, political
from .conventions import _role
from .words import ANIMATE_NOUNS, ARMED_ROLES


@lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    data = load_yaml(resources.files("dyad") / "data" / "doers.yaml")
    return frozenset(data["people"]) | ANIMATE_NOUNS


def private_people(tok: Token) -> bool:
    """Whether a noun names people acting in their own name ("family", "son", "neighbour")."""
    return tok.lemma_.lower() in _people() or tok.lower_ in _people()


def private_noun(tok: Token, kb) -> bool:
    """Whether a common noun names private people: a noun of doers.yaml or ANIMATE_NOUNS ("chef",
    "family"), or a role noun whose KB role is neither political nor armed ("tourist": CVL, "executive":
    BUS). "The Italian chef" is a person from Italy, never the Italian state."""
    role = kb.role_noun(tok.lemma_.lower()) or kb.role_noun(tok.lower_)
    if role:
        return role not in _rules()[0] and role not in ARMED_ROLES
    return private_people(tok)


def private_doer(subject: Token | None, resolver) -> bool:
    """Whether an active subject that gave no source names a private doer: a person nobody coded
    ("Beyonce"), a role noun whose KB role is private ("a businessman": BUS), or people named by a
    noun that is no role ("a man", "his sons", "the singer")."""
    if subject is None or subject.pos_ == "PRON":
        return False
    a = resolver.at(subject)
    if a is not None and (a.code or a.kb_id):
        return False
    if a is not None and a.kind == "person":
        return True
    return private_noun(subject, resolver.kb)


def _place(a: Actor | None, force: bool) -> bool:
    """A side that is where the act happened: a city or region, a place standing for its country, or
    for force (whose convention takes the country it happens in) a country. A country named as the
    party of any other act ("restore ties with Libya") is a party."""
    if a is None or a.code != a.dyad_code:
        return False
    return a.kind in ("place", "location") or force and a.kind == "country"


def private_on_place(source: Actor | None, target: Actor | None, private: bool, code: str) -> bool:
    """Whether an event is a private doer's act in a place: the source is a coded actor that is not
    political and the target is where it happened, or there is no source but a private doer
    (`private`: "his daughters export cheese to shops in Italy") and the target is any place."""
    if source is None:
        return private and _place(target, True)
    force = code[:2] in ("15", "17", "18", "19", "20")
    if force and _role(source) in ARMED_ROLES:
        return False  # criminals' force against a place keeps the place ("hackers targeted systems in Illinois")
    return _place(target, force) and not _place(source, True) and not political(source)
