"""Event-data conventions: which two actors are one party, places standing in for unnamed actors,
domestic acts targeting their own country, unplaced groups taking a country, and the article's
dominant dyad completing target-less events (see the package notes, ACTORS and TARGET 8-9)."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Token

from ..types import Actor, Event

from .parse import _children, _object, _passive, _preps, _words
from .triggers import _Cand
from .words import ARMED_ROLES, ATTACK_NOUNS, PLACE_PREPS, STATE_ROLES, UNIDENTIFIED_CAUSES


def _role(a: Actor) -> str | None:
    if a.role:
        return a.role
    if a.country and a.code and a.code.startswith(a.country):
        return a.code[len(a.country):len(a.country) + 3] or None
    return None


def _named_organisation(a: Actor) -> bool:
    """An organisation or group the text names by its own name ("the Republican Party", "Hamas"),
    not by a role noun ("the government", "police"): an identity of its own, whatever its code."""
    return a.kind in ("organization", "group") and any(m.form == "name" for m in a.mentions)


def _leads(person: Actor, body: Actor) -> bool:
    """Whether a person is the one a body is named for ("Clinton" and "the Clinton campaign"):
    the body speaks for him, so the two are one party."""
    leader = body.link.get("led_by") if body.link else None
    return bool(leader) and person.kind == "person" and leader.split()[-1] in person.name.split()


def _same_party(a: Actor, b: Actor) -> bool:
    """One party on both sides: the same actor, or one country's state acting on that country's state
    (USAGOV and USA); a government and its rebels, opposition or citizens are two parties."""
    if a.id == b.id or _leads(a, b) or _leads(b, a):
        return True
    if _named_organisation(a) and _named_organisation(b):
        return False  # two organisations, each named by its own name, are two parties though coded alike
    if "location" in (a.kind, b.kind):
        return False  # the country a domestic act happens in (see _target_candidates, step 7)
    if not a.dyad_code or a.dyad_code != b.dyad_code:
        return False
    if "person" in (a.kind, b.kind):
        # a person acting on his own country's parties or people is a domestic event; an official
        # and his own country or state are one party ("Lai vowed to defend Taiwan")
        p, o = (a, b) if a.kind == "person" else (b, a)
        rp, ro = _role(p), _role(o)
        if o.kind == "person" or o.kind == "group" and not ro or rp not in STATE_ROLES - {None, ""}:
            return False  # two people are two parties (a president firing his minister)
        return not ro or ro == rp  # a judge and the government are two parties
    if any(x.kind == "group" and not _role(x) for x in (a, b)):
        return False  # a people ("Iraqi Kurds") is not its country's state
    if a.country is None:  # an IGO, NGO or group on both sides
        return a.code == b.code
    ra, rb = _role(a), _role(b)
    if ra in STATE_ROLES and rb in STATE_ROLES:
        return not ra or not rb or ra == rb
    return ra == rb


def _no_dyad(a: Actor, b: Actor) -> bool:
    """No event between these two: one party (_same_party), or one code on both sides where either
    side has no identity of its own ("Trump questioned the U.S. voting system": USA on both sides).
    Two people, or two named organisations, coded alike are two parties: a domestic dyad."""
    if _same_party(a, b):
        return True
    if a.code != b.code or "location" in (a.kind, b.kind):
        return False
    return not all(x.kind == "person" for x in (a, b)) and not all(_named_organisation(x) for x in (a, b))


def _as_place(a: Actor) -> Actor:
    """A country, city or region as where an act happens: its country's code, kind "location", never
    the same party as a state actor (see _same_party)."""
    return replace(a, code=a.dyad_code, role=None, kind="location")


def _in_country(a: Actor, country: str) -> Actor:
    """A group coded with a role only, placed in a country: "rebels" in Mali are MLIREB."""
    return replace(a, country=country, code=country + a.code)


def _one_per_country(actors: list[Actor]) -> list[Actor]:
    """The first actor named for each country ("in two states, Illinois and Arizona" is one target)."""
    return list({a.dyad_code: a for a in reversed(actors)}.values())


def _unarmed(a: Actor) -> bool:
    """A person, party, government office, medium or firm with no armed role: its "attacks" are verbal.
    A country or place is never unarmed here (Russia "hitting" Ukraine is force)."""
    if a.kind in ("country", "place", "location"):
        return False
    return _role(a) not in ARMED_ROLES and not (a.code or "").startswith("IMG")


def _role_only(a: Actor) -> bool:
    """An actor coded with a bare role ("GOV", "PTY") and no country or organisation."""
    return a.country is None and bool(a.code) and len(a.code) == 3


class Conventions:
    """Conventions about unnamed actors, places and domestic acts (a mixin of EventStage)."""

    def _complete(self, found: dict[tuple, Event], pending: list[tuple[Event, str, Token]]) -> None:
        """Targets from the article's dominant dyad, then one-sided events."""
        pairs = Counter()
        for ev in found.values():
            if ev.source_country and ev.target_country and ev.source_country != ev.target_country:
                pairs[frozenset((ev.source_country, ev.target_country))] += 1
        dominant = None
        if pairs:
            pair, n = pairs.most_common(1)[0]
            if n >= 2 and n * 2 >= sum(pairs.values()):
                dominant = pair
        done = set()
        for ev, need, trig in pending:
            if need and dominant and ev.source_country in dominant:
                other = next(iter(dominant - {ev.source_country}))
                tgt = self._country_actor(other)
                if tgt is not None:
                    ev.target, ev.target_code, ev.target_country, ev.target_name = tgt.id, tgt.code, tgt.dyad_code, tgt.name
                    self._add(found, ev)
                    done.add(id(ev))
                    continue
        for ev, need, trig in pending:
            if id(ev) not in done:
                self._add(found, ev)  # one-sided: kept and flagged; queries choose what to count

    def _country_actor(self, country: str) -> Actor | None:
        """The actor standing for a country: the country itself, else its most mentioned actor."""
        best = None
        for a in self._resolver.actors:
            if a.dyad_code != country or not a.code:
                continue
            score = (a.kind == "country", a.role == "GOV", len(a.mentions))
            if best is None or score > best[0]:
                best = (score, a)
        return best[1] if best else None

    def _attack_agent(self, c: _Cand, code: str) -> list[Actor]:
        """ "were killed in Israeli tank shelling", "died in an air strike by government forces": the
        party the attack noun names is the source."""
        if c.noun or code[:2] not in ("18", "19", "20"):
            return []
        for w, g in _preps(c.tok):
            if w == "in" and g.lemma_.lower() in ATTACK_NOUNS:
                got = self._noun_sources(_Cand(tok=g, pat=c.pat, noun=True, prep_present=False))
                if not got:  # "Israeli tank shelling": the adjective of a compound
                    got = [a for a in [self._down(g, 2)] if a is not None]
                if got:
                    return got
        return []

    def _unidentified(self, c: _Cand, code: str) -> list[Actor]:
        """Violence by unnamed attackers ("a roadside bomb killed two soldiers near Kandahar", "was shot
        by gunmen in Karachi") and arrests by unnamed authorities ("was arrested in Lebanon"): the
        country where it happened, as a place, the way event data codes an unidentified actor."""
        root = code[:2]
        if c.noun or root not in ("17", "18", "19", "20"):
            return []
        subj, _ = self._subject(c.tok)
        agent = [g for a in _children(c.tok, "agent") for g in _children(a, "pobj")]
        cause = subj if subj is not None else (agent[0] if agent else None)
        if cause is None:
            if not _passive(c.tok) or root == "19":
                return []  # conventional force has an army behind it: no place stands in for it
        elif cause.pos_ not in ("NOUN", "PROPN") or not (_words(cause) & UNIDENTIFIED_CAUSES) \
                or self._actors(cause):
            return []
        places = _preps(c.tok) + (_preps(cause) if cause is not None else [])
        if c.obj is not None:
            places += _preps(c.obj)
        if c.tok.dep_ in ("advcl", "conj") and c.tok.head.pos_ in ("VERB", "AUX"):
            places += _preps(c.tok.head)  # the clause it hangs on: "exploded in Baghdad, killing ..."
        for w, g in places:
            if w in PLACE_PREPS | {"outside of"}:
                got = [_as_place(a) for a in self._places(g)]
                if got:
                    return got[:1]
        return []

    def _places(self, g: Token) -> list[Actor]:
        """The countries, cities and regions a phrase names (a capital as a government counts too)."""
        return [a for a in self._actors(g) if a.kind in ("country", "place") or a.code == a.dyad_code
                or (a.code or "").endswith("GOV") and g.ent_type_ == "GPE"]

    def _located(self, actor: Actor, tok: Token) -> Actor | None:
        """A group with a role and no country ("rebels", "police") takes the country of the place its
        clause names: "in/at/near/across X" on the group itself or on the verb it belongs to."""
        if tok.i in self._locating:
            return None  # two unplaced groups placing each other ("protesters at a rally of workers in ...")
        self._locating.add(tok.i)
        try:
            return self._find_place(actor, tok)
        finally:
            self._locating.discard(tok.i)

    def _find_place(self, actor: Actor, tok: Token) -> Actor | None:
        v = tok
        heads = [tok] + [x for x in tok.children if x.dep_ == "acl"]  # "demonstrators protesting ... in Monrovia"
        for _ in range(4):
            if v.pos_ in ("VERB", "AUX") or v.head.i == v.i:
                break
            v = v.head
            heads.append(v)
        verbs = [v] + ([v.head] if v.dep_ in ("advcl", "conj", "xcomp") and v.head.pos_ in ("VERB", "AUX") else [])
        for x in verbs:  # "ambushed a convoy in northern Mali, killing five soldiers"
            if x.pos_ in ("VERB", "AUX"):
                heads.append(x)
                o = _object(x)
                if o is not None and o.i != tok.i:
                    heads.append(o)
                heads += [g for w, g in _preps(x) if g.i != tok.i]  # "on strike in Seoul", "at a prison in Douala"
        for h in heads:
            for w, g in _preps(h):
                if w not in ("in", "at", "near", "across", "throughout", "inside") and not (w == "from" and h.i == tok.i):
                    continue  # "protesters from Hong Kong", but not "expelled from Moscow"
                for a in self._actors(g) if g.i != tok.i else []:
                    if (a.kind in ("country", "place") or a.code == a.dyad_code) and not _role_only(a):  # not "the Senate"
                        country = a.country or a.dyad_code
                        if country:
                            return _in_country(actor, country)
        return None

    def _placed(self, actor: Actor) -> Actor | None:
        """For an actor the actors stage could code only with a role ("GOV"): the country or
        organisation a modifier of one of its mentions names ("NATO Secretary-General Jens Stoltenberg")."""
        if actor.id in self._placed_cache:
            return self._placed_cache[actor.id]
        found = None
        doc = self._resolver.doc
        for m in actor.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            for t in [*span, *root.children, *root.head.children] if root.dep_ == "appos" else [*span, *root.children]:
                if t.i in range(span.start, span.end) and self._resolver.at(t) is actor:
                    continue
                b = self._resolve(t)
                if b is not None and b is not actor and not _role_only(b):
                    found = b
                    break
            if found is not None:
                break
        self._placed_cache[actor.id] = found
        return found

    def _place(self, tok: Token) -> str | None:
        """The place named by an "in/at/near" phrase of the trigger's clause."""
        heads = [tok]
        if tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ in ("VERB", "AUX"):
            heads.append(tok.head)
        for h in heads:
            for w, g in _preps(h):
                if w in ("in", "at", "near", "outside", "inside") and g.ent_type_ in ("GPE", "LOC", "FAC"):
                    ent = next((e for e in self._ents if e.start <= g.i < e.end), None)
                    return ent.text if ent is not None else g.text
        return None
