"""No event where nothing political happened.

An event needs at least one side that is a state, its agents, an organisation, a political group or
a political person (data/political.yaml): a country or IGO, a person of the knowledge base (who holds
or held an office), or an actor whose CAMEO role is political (GOV, MIL, COP, JUD, LEG, PTY, OPP,
REB, NGO, LAB ...). A business, a medium, researchers, civilians or a place alone make none, so a
car crash, a crime between private people, a company deal or a sports result give no event, while
police arresting a suspect, or a journalist criticising a senator, do. A statement (root 01) is an
act of its speaker, so there the speaker must be political. Acts that are political whoever does
them (a demonstration) are listed by root.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..datafile import load_yaml
from ..types import Actor, Event


@lru_cache(maxsize=1)
def _rules() -> tuple[frozenset[str], frozenset[str]]:
    data = load_yaml(resources.files("dyad") / "data" / "political.yaml")
    return frozenset(data["roles"]), frozenset(data.get("political_roots") or ())


def political_roots() -> frozenset[str]:
    """CAMEO roots whose act is political whoever does it (a demonstration)."""
    return _rules()[1]


def _role_of(code: str, country: str | None) -> str | None:
    """The role part of a side's code: USAGOV -> GOV; a code with no country of its own (a party
    code that is the code itself: IGOUNO, NGOHRIAMN, or a bare role, LEG) -> its first three
    letters; a bare country -> None."""
    if code.startswith("IGO"):
        return "IGO"
    if country and code.startswith(country) and len(code) > len(country):
        return code[len(country):len(country) + 3]
    if not country or country == code:
        roles, _ = _rules()
        return code[:3] if len(code) > 3 or code[:3] in roles or not country else None
    return None


def political(actor: Actor | None, code: str | None = None, country: str | None = None) -> bool:
    """Whether an actor, as coded on one side of an event (`code`/`country`), is a political party.
    A city or region on a side stands for its country (conventions: an attack on a town, a curfew in a
    province, a bombing whose perpetrator is unnamed)."""
    if actor is None:
        return False
    code = code if code is not None else actor.code
    country = country if country is not None else actor.country
    if not code:
        return False
    roles, _ = _rules()
    role = _role_of(code, country)
    if role:
        return role in roles
    if actor.kind in ("country", "place", "location"):
        return True  # a state, by its bare country code
    if actor.kind == "person":
        return bool(actor.kb_id)  # people of the KB hold or held office; an unknown private person does not
    return actor.kind == "organization" and code.startswith("IGO")


def is_political(ev: Event, actors: dict[str, Actor]) -> bool:
    """Whether an event has a political side (its source, for a statement). Words nobody spoke are
    no event: a verbal act (statement, appeal, intent, consultation, praise: QuadClass 1) needs
    its source."""
    _, roots = _rules()
    if ev.source is None and ev.quad_class == 1:
        return False
    if ev.root in roots:
        return True
    src = political(actors.get(ev.source or ""), ev.source_code, ev.source_country) if ev.source else False
    if ev.root == "01":
        return src
    tgt = political(actors.get(ev.target or ""), ev.target_code, ev.target_country) if ev.target else False
    return src or tgt
