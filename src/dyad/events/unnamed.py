"""Unnamed actors: a noun the KB's agents data lists as a political role that the actors stage left
without an actor ("officials said", "the administration criticized", "the ministry denied", "a
union endorsed", "prosecutors charged").

The actors stage codes a role noun only when something names its country ("Chinese officials") or,
for groups that act where they are (police, rebels, protesters), leaves it unplaced. For event data
an unnamed agent of a state is that state's all the same, once the story says where: so a role noun
of a political role (data/political.yaml) becomes a group coded with the role alone, which the
events stage then places as every role-only actor (the place its clause names, else the article's
dateline, else the country the article is mostly about: conventions._located, placing.py). Placed
nowhere, it is no party. One group per role phrase and article ("officials" twice is one group);
it joins the article's actors only when a kept event uses it.
"""
from __future__ import annotations

from spacy.tokens import Token

from .. import kb as kbmod
from ..doctext import doc_text
from ..types import Actor, Mention

from .doers import private_noun
from .political import _rules, political

METHOD = "role noun"

# roles whose agents act abroad as often as at home ("soldiers shelled positions near Rafah"): the
# place of their clause says nothing of their country, only the dateline or the article does
ABROAD = {"MIL", "SPY"}

# roles whose unnamed members are people described, not an organisation's agents: "charities",
# "environmentalists", "volunteers" are of no state, and no one body
NOT_AGENTS = {"NGO"}


class Unnamed:
    """Role nouns with no actor as role-only groups (a mixin of EventStage)."""

    def _unnamed(self, tok: Token) -> Actor | None:
        if tok.pos_ != "NOUN" or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return None
        kb = self._resolver.kb
        mods = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.pos_ in ("NOUN", "PROPN")
                and self._resolver.at(c) is None]
        words = [*mods, tok]
        phrase = " ".join(t.text for t in words).lower()
        # a noun before the role says whose agents they are: "company officials" are the company's,
        # "party officials" the party's; a modifier that is no role of the KB leaves them unknown
        tries = [phrase, " ".join([*(t.text for t in mods), tok.lemma_])] + (
            [mods[-1].text, mods[-1].lemma_] if mods else [tok.lemma_])
        role = next((r for p in tries if (r := kb.role_noun(p))), None)
        if role is None or kbmod.agent_role(role) not in _rules()[0] - NOT_AGENTS:
            return None
        if self._private_owner(tok):
            return None  # "Patriot Coal's executives and advisers": a firm's people, no state's agents
        owner = self._named_owner(tok)
        if owner is not None:  # "Scientology officials" speak for the church, not for a state
            return owner if political(owner) else None
        agent = kbmod.agent_role(role)
        # "its troops", "their diplomats" where the pronoun is a country or a state body ("the ministry
        # said its troops ..."): that country's agents, not a group the article's setting places
        country = next((a.country for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their")
                        and (a := self._resolver.resolve(c)) is not None and a.country and political(a)), None)
        made: dict[str, Actor] = self._unnamed_made
        start, end = words[0].idx, tok.idx + len(tok.text)
        key = f"{phrase} ({country})" if country else phrase
        a = made.get(key)
        if a is None:
            n = 1 + max((int(x.id[1:]) for x in [*self._resolver.actors, *made.values()]
                         if x.id[1:].isdigit()), default=0)
            a = made[key] = Actor(id=f"A{n}", name=phrase, kind="group", code=kbmod.compose_code(country, agent),
                                  country=country, role=agent, link={"method": METHOD})
        if all(m.start != start for m in a.mentions):
            a.mentions.append(Mention(start, end, doc_text(tok.doc)[start:end], form="role"))
        return a

    def _private_owner(self, tok: Token) -> bool:
        """Whether a role noun's possessor (its own, or its list's: "the firm's executives and advisers")
        is an actor that is no party: a firm, a medium, a private person."""
        heads = [tok] + ([tok.head] if tok.dep_ == "conj" else [])
        for h in heads:
            for c in h.children:
                if c.dep_ == "poss":
                    a = self._resolver.resolve(c)
                    if a is None:  # "the company's advisers": a noun of a private role or private people
                        return c.pos_ == "NOUN" and private_noun(c, self._resolver.kb)
                    return not political(a)
        return False

    def _named_owner(self, tok: Token) -> Actor | None:
        """The organisation a name before a role noun names, when the actors stage left the phrase
        to this stage (an organisation the KB does not know: "Scientology officials"): whose people
        they are. Countries and places there are the actors stage's ("Chinese officials")."""
        for c in tok.children:
            if c.dep_ == "compound" and c.i < tok.i and c.text[:1].isupper():
                a = self._resolver.at(c)
                if a is not None and a.kind == "organization":
                    return a
        return None

    def _people_from(self, tok: Token, country: Actor, role: str | None) -> Actor:
        """Private people a demonym names ("the Italian chef", "Moroccan farmers", "Mexicans"): a group of their
        own, from the country (its code, with the KB role of the noun if it has a private one), never
        its state, so no party (political.py): one group per phrase and article, like role nouns."""
        made: dict[str, Actor] = self._unnamed_made
        start = min([c.idx for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i], default=tok.idx)
        end = tok.idx + len(tok.text)
        phrase = doc_text(tok.doc)[start:end].lower()
        a = made.get(phrase)
        if a is None:
            n = 1 + max((int(x.id[1:]) for x in [*self._resolver.actors, *made.values()]
                         if x.id[1:].isdigit()), default=0)
            a = made[phrase] = Actor(id=f"A{n}", name=phrase, kind="group", code=kbmod.compose_code(country.code, role),
                                     country=country.country, role=role, link={"method": "demonym"})
        if all(m.start != start for m in a.mentions):
            a.mentions.append(Mention(start, end, doc_text(tok.doc)[start:end], form="demonym"))
        return a

    @staticmethod
    def _is_unnamed(a: Actor) -> bool:
        return a.link.get("method") == METHOD and a.country is None

    def _placed_by_clause(self, a: Actor) -> bool:
        """Whether the place its clause names gives a role-only group its country."""
        return a.kind == "group" and not (self._is_unnamed(a) and a.code in ABROAD)

    def _register_unnamed(self, events: list) -> None:
        """The groups a kept event uses join the article's actors (placing.py then records their country)."""
        used = {x for ev in events for x in (ev.source, ev.target)}
        for a in self._unnamed_made.values():
            if a.id in used:
                a.mentions.sort(key=lambda m: m.start)
                self._resolver.actors.append(a)
