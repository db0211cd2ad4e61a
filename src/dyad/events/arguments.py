"""Arguments: the source and target actors of a trigger, searched through the parse in the order the
package notes give (SOURCE, TARGET 1-7)."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from .. import datelines, kb as kbmod
from ..actors import LOCATED_ROLES, stance_prefixed
from ..types import Actor

from .doers import private_noun
from .political import political
from .conventions import _as_place, _in_country, _one_per_country, _role, _role_only, _same_party
from .parse import _children, _conjuncts, _object, _passive, _preps, _stative
from .triggers import _Cand
from .words import (
    ACTOR_DOWN_DEPS, ACTOR_DOWN_PREPS, DOMESTIC_CODES, LIGHT_VERBS, OTHER_TARGET_PREPS, PLACE_PREPS, PROTEST_NOUNS,
    REL_PRONOUNS, REPORT_HEADS, STATE_ROLES, TALK_NOUNS, THREAT_HEADS, UNDERGO_VERBS,
)


# prepositions that place a clause after or before another act (arguments._noun_sources)
_SEQUENCE = ("after", "before", "following", "ahead")


def _each_own(noun: Token) -> bool:
    """Whether another conjunct of a noun has a relative clause of its own ("X, who signed it, and his
    wife, who spoke of it"): then each relative clause is about its own conjunct alone."""
    return any(c.dep_ == "relcl" for x in noun.conjuncts for c in x.children)


class Arguments:
    """Source and target search (a mixin of EventStage)."""

    def _sources(self, c: _Cand) -> tuple[list[Actor], Token | None]:
        tok = c.tok
        if c.noun:
            return self._noun_sources(c), None
        subj, passive_tgt = self._subject(tok)
        if (tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and tok.head.head.lemma_.lower() in REPORT_HEADS
                and not _children(tok, "nsubj", "nsubjpass") and c.pat.code[:2] in ("01", "02", "10", "11", "12", "13")
                and _children(tok.head.head, "nsubj")):
            # "He said Taiwan was a red line and urged Washington to ...": spaCy hangs the second speech
            # act on the reported clause; its speaker is the reporter, not that clause's subject
            subj = _children(tok.head.head, "nsubj")[0]
        sources = self._actors(subj)
        if not sources and subj is not None and c.pat.code[:2] == "14" and subj.pos_ in ("NOUN", "PRON"):
            # unnamed protesters ("tens of thousands of people filled squares in Santiago")
            # are people of the place they protest in
            for w, g in _preps(tok) + (_preps(c.obj) if c.obj is not None else []):
                if w in ("in", "at", "throughout", "across"):
                    sources = [_as_place(a) for a in self._places(g)]
                    if sources:
                        break
        if not sources and subj is not None and subj.pos_ in ("NOUN", "PROPN") and subj.dep_ == "dobj" \
                and tok.dep_ == "acl" and subj.head.pos_ == "VERB":
            s2, _ = self._subject(subj.head)  # "X issued a statement demanding ...": X
            sources = self._actors(s2)
        if not sources and passive_tgt is None and (subj is None or subj.pos_ == "PRON"):
            sp = self._speaker_token(tok)  # reported speech: "Chile said it will support ..."
            if sp is not None:
                sources = self._actors(sp)
        return sources, passive_tgt

    def _subject(self, verb: Token) -> tuple[Token | None, Token | None]:
        """(source token, passive target token) of a verb."""
        v = verb
        passive_tgt = None
        raised = False  # climbed from a to-infinitive to the verb it complements
        for _ in range(6):
            subj = [x for x in _children(v, "nsubj", "csubj") if not datelines.within(x)]  # "SEOUL - X did"
            if not subj and v.pos_ == "VERB" and v.tag_ in ("VBP", "VBZ", "VBD"):
                # a finite verb the parser gave a name as a "compound" ("Ethiopia act on ..."): a verb
                # has no compounds, the name before it is its subject
                subj = [x for x in _children(v, "compound") if x.i < v.i and x.pos_ == "PROPN"]
            if subj:
                s = subj[0]
                # two subjects are a noun phrase the parser split ("Old foes Gondor and Mordor have met",
                # "rival parties Fatah and Hamas"): a descriptor that names no actor gives way to the name
                if len(subj) > 1 and self._resolve(s) is None:
                    s = next((x for x in subj[1:] if x.i < v.i and self._resolve(x) is not None), s)
                if s.lower_ in REL_PRONOUNS and v.dep_ == "relcl":
                    # the pronoun itself where each conjunct has a relative clause of its own (_actors)
                    return (s if _each_own(v.head) else v.head), passive_tgt
                if s.tag_ in ("WDT", "WP") and s.lower_ in REL_PRONOUNS:
                    # "a law that critics said allowed discrimination": the relative clause's noun, through
                    # the report the parser hangs the clause on
                    rel = next((a for a in v.ancestors if a.dep_ == "relcl"), None)
                    if rel is not None and rel.head.pos_ in ("NOUN", "PROPN"):
                        return rel.head, passive_tgt
                return s, passive_tgt
            agent = _children(v, "agent")
            if agent:
                pob = _children(agent[0], "pobj")
                sp = _children(v, "nsubjpass")
                return (pob[0] if pob else None), (sp[0] if sp else passive_tgt)
            sp = _children(v, "nsubjpass")
            if sp:
                # a passive whose infinitive we came from: its subject is the infinitive's subject
                # ("X was seen to attack", "X is known to fund", "X was urged to release")
                if _stative(v) or raised:
                    return sp[0], passive_tgt  # "Egypt is opposed to ..."
                if sp[0].lower_ in REL_PRONOUNS and v.dep_ == "relcl":
                    return None, v.head
                return None, sp[0]
            if v.dep_ == "xcomp" and v.head.i != v.i:
                head = v.head
                o = _object(head)
                if o is not None and head.lemma_.lower() not in ("promise", "pledge", "vow", "offer", "threaten"):
                    return o, passive_tgt  # object control: "urged Iran to release"
                v = head
                raised = True
                continue
            if v.dep_ == "conj" and v is verb and v.head.i != v.i and any(c.dep_ == "auxpass" for c in v.children) \
                    and not _stative(v):
                return None, self._subject(v.head)[0]  # "the suspects fled and were arrested": they were arrested
            if v.dep_ in ("conj", "advcl", "acomp") and v.head.i != v.i:
                v = v.head
                continue
            if v.dep_ == "pcomp" and v.head.dep_ == "prep":
                v = v.head.head  # "after meeting X": the clause's subject
                continue
            if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
                if v.tag_ == "VBN" and v.dep_ == "acl":
                    return None, v.head  # "property seized by ...": handled through the agent above
                return v.head, passive_tgt
            break
        return None, passive_tgt

    def _speaker_token(self, verb: Token) -> Token | None:
        v = verb
        for _ in range(7):
            if v.dep_ in ("ccomp", "conj", "parataxis", "advcl", "xcomp", "acomp") and v.head.i != v.i:
                v = v.head
                if v.lemma_.lower() in REPORT_HEADS and v.pos_ == "VERB":
                    s = _children(v, "nsubj")
                    if s:
                        return s[0]
                    ag = _children(v, "agent")
                    if ag and _children(ag[0], "pobj"):
                        return _children(ag[0], "pobj")[0]
                    return None
            else:
                break
        # "..., the minister said": the report is a dependent of the clause
        for c in verb.children:
            if c.dep_ in ("parataxis", "ccomp", "advcl") and c.lemma_.lower() in REPORT_HEADS and c.pos_ == "VERB":
                s = _children(c, "nsubj")
                if s:
                    return s[0]
        return None

    def _noun_sources(self, c: _Cand) -> list[Actor]:
        noun = c.tok
        sources: list[Actor] = []
        for x in noun.children:
            if x.dep_ in ("poss", "compound", "amod", "nmod") and not stance_prefixed(x):  # not "anti-US protests"
                a = self._resolve(x)
                if a is not None:
                    sources = [y for y in self._actors(x) if y is not None]
                    break
        if not sources:
            for w, g in _preps(noun):
                if w == "by":
                    sources = self._actors(g)
                    break
        if not sources:
            v = c.light_subject
            if v is None:
                # the verb the noun is an argument of ("X held a meeting with Y") or the verb a
                # prepositional phrase of it modifies ("In a meeting with Y, X said ...")
                h = noun
                while h.dep_ == "conj":
                    h = h.head
                if h.dep_ in ("dobj", "attr", "nsubjpass", "oprd") and h.head.pos_ in ("VERB", "AUX") \
                        and h.head.lemma_.lower() in LIGHT_VERBS | {"be"}:
                    v = h.head  # "held a meeting with", not "raised the detention of" (the raiser detains no one)
                elif h.dep_ == "pobj" and h.head.head.pos_ in ("VERB", "AUX") and (
                        h.head.lower_ in ("in", "during", "at") or h.head.lower_ in _SEQUENCE
                        and any(w == "with" for w, _ in _preps(noun))):
                    # the clause happens within the act ("in a meeting with Y, X said"), or after or
                    # before one its subject shared ("after talks with Y, X said"); an act the clause
                    # merely follows is someone else's ("Paris mourns after the bombing")
                    v = h.head.head
            if v is not None:
                s, _ = self._subject(v)
                sources = self._actors(s)
        return sources

    def _undergone(self, noun: Token) -> tuple[list[Actor], list[Actor]] | None:
        """An act named by a noun that its receiver undergoes ("X faced sharp criticism", "drew
        condemnation from Y", "came under pressure"): (the sources its "from"/"by" phrase names, the
        receiver) when the receiver is an actor, else None."""
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ == "under":
            verb = verb.head  # "came under fire"
        elif noun.dep_ != "dobj":
            return None
        if verb.lemma_.lower() not in UNDERGO_VERBS:
            return None
        subj, _ = self._subject(verb)
        targets = self._actors(subj)
        if not targets:
            return None
        sources = [a for h in (noun, verb) for w, g in _preps(h) if w in ("from", "by") for a in self._actors(g)]
        return [a for a in sources if not any(_same_party(a, t) for t in targets)], targets

    def _targets(self, c: _Cand, sources: list[Actor], passive_tgt: Token | None,
                 code: str | None = None) -> tuple[list[Actor], str]:
        """The first candidate group of target actors (see the module notes); a group made only of
        role-coded actors ("GOV" with no country) is kept as a last resort."""
        src_ids = {a.id for a in sources}
        src_countries = {a.dyad_code for a in sources if a.dyad_code}

        def ok(actors: list[Actor], via: str = "") -> list[Actor]:
            return [a for a in actors if a.id not in src_ids and not any(_same_party(s, a) for s in sources)]

        state_source = all(_role(s) in STATE_ROLES for s in sources)

        def ok_inside(actors: list[Actor], via: str = "") -> list[Actor]:
            # a party named inside an object ("the detention of US citizens") is a topic, not the
            # target, when it is the state's own country, state or citizens; its rebels or
            # opposition ("attacks by Serbian nationalists") remain a party, and so does the state
            # for rebels or opposition who act on it ("rebels called for the ouster of the president"),
            # and so is the recipient of what the object promised ("went back on its pledge TO the people")
            if via == "to":
                return ok(actors)
            if via == "in":  # "filled squares in Santiago": the source's own place is where, not whom
                actors = [a for a in actors if a.dyad_code not in src_countries or a.kind not in ("country", "place")]
            return [a for a in ok(actors) if a.dyad_code not in src_countries or not state_source
                    or _role(a) not in STATE_ROLES | {"CVL"}]

        fallback: list[Actor] = []
        for got in self._target_candidates(c, sources, passive_tgt, ok, ok_inside, code or c.pat.code):
            if not got:
                continue
            if all(_role_only(a) for a in got):
                fallback = fallback or got
                continue
            return got, ""
        if c.pat.target_after and not c.noun and not (c.pat.mutual and len(sources) > 1):
            # a dictionary read by position: an actor named after the verb ("cordoned off the roads
            # into X") comes before the convention of a state acting at home
            after = self._first_after(c.tok, sources)
            if after:
                return after, ""
        if not fallback and (code or c.pat.code) in DOMESTIC_CODES:
            states = {s.country for s in sources if s.country and _role(s) in STATE_ROLES - {None, ""}}
            own = sorted((a for a in self._resolver.actors if a.country in states and a.id not in src_ids
                          and a.kind in ("country", "place")), key=lambda a: a.kind != "country")
            if own:  # that country, as a place: not the state itself
                return [_as_place(own[0])], ""
        return fallback, self._need(c)

    def _target_candidates(self, c: _Cand, sources: list[Actor], passive_tgt: Token | None, ok, ok_inside, code: str):
        tok, p = c.tok, c.pat
        src_countries = {a.dyad_code for a in sources}
        root = code[:2]
        if root == "01" and code not in ("010", "01"):
            root = "01x"  # 011-019 (deny, sympathise, ...) have their own targets; 010 says, to someone

        def first(toks) -> list[Actor]:
            for t in toks:
                got = ok(self._actors(t))
                if got:
                    return got
            return []

        preps = _preps(tok)
        obj = c.obj if not c.noun else None
        obj_preps = _preps(obj) if obj is not None else []
        if c.noun:
            if p.prep:
                named = [g for w, g in preps if w == p.prep]
                yield first(named)
                for g in named:
                    yield self._inside(g, ok_inside, 1)
            between = [a for w, g in preps if w == "between" for a in self._actors(g)]
            if between and p.mutual:
                yield ok(between)
            return
        # 1. passive subject
        if passive_tgt is not None and p.obj is None:
            yield ok(self._actors(passive_tgt))
        # 2. the named preposition ("to refugees fleeing the fighting in Sudan": inside its object too)
        if p.prep:
            named = [g for w, g in preps + obj_preps if w == p.prep]
            yield first(named)
            if root != "01":
                for g in named:
                    yield self._inside(g, ok_inside, 1)
        # 3. objects
        if not _passive(tok) or p.obj is not None:
            dat = [d for d in _children(tok, "dative") if d.pos_ != "ADP"]
            objs = _children(tok, "dobj")
            if len(objs) > 1:
                dat = dat or objs[:1]
            if p.obj is not None:
                yield first(dat)
                if obj is not None and root != "01":
                    yield self._inside(obj, ok_inside)
            else:
                if dat and obj is not None and obj.i != dat[0].i and tok.lemma_.lower() in (
                        "give", "grant", "offer", "send", "provide", "promise", "lend", "sell", "hand"):
                    yield first(dat)
                if obj is not None:
                    yield ok(self._actors(obj) if root != "01" else [  # a statement's addressee, named
                        a for a in [self._named(obj) or self._resolve(obj) or self._down(obj, 0)]
                        if a and not (a.kind == "group" and a.code in LOCATED_ROLES)])  # not an unplaced "crowd"
                    if root != "01":  # the object's owner or agent: "attacked Israeli positions",
                        # "criticized the decision by Russia", "hosted talks between X and Y" (not "received
                        # weapons FROM X")
                        yield self._inside(obj, ok_inside, preps=("by", "of", "between", "with"))
                yield first(dat)
        if root == "01":  # a statement's target is whom it is addressed to, not what it is about
            yield first(g for w, g in preps if w == "to")
            return
        # 3a. the object of the complement a pattern requires: "attempted to assassinate X"
        if p.xcomp is not None and not c.noun:
            for x in tok.children:
                if x.dep_ in ("xcomp", "ccomp") and x.lemma_.lower() in p.xcomp and not _children(x, "nsubj", "nsubjpass"):
                    o = _object(x)
                    if o is not None:
                        yield ok(self._actors(o))
                        yield self._inside(o, ok_inside)
                    yield first(g for w, g in _preps(x) if w in OTHER_TARGET_PREPS)
        # 3b. an event noun in the arguments: its agent if not the source ("denounced Serbia's
        #     suppression of ..."), else its target ("lifted its sanctions on Iran")
        for e in c.embedded:
            yield ok_inside(self._noun_sources(e))
            if e.pat.prep:
                yield ok_inside([a for w, g in _preps(e.tok) if w == e.pat.prep for a in self._actors(g)])
        # 3c. the target of the act a complement names ("threatened to break relations with Qatar")
        comp = c.complement
        if comp is not None and root in ("13", "03"):
            _, ptgt = self._subject(comp.tok)
            got, _ = self._targets(comp, sources, ptgt, comp.pat.code)
            yield got
        # 4. the subject of a complement clause ("demanded that X withdraw", "allowed X to run");
        #    not for denials: "denied that the US was trying ..." is aimed at the accuser, not the US;
        #    not for force, which takes no clause: "X beat Y; Z routed W" is two clauses the parser joined
        for x in (tok.children if code != "016" and root not in ("18", "19", "20") else ()):
            if x.dep_ in ("ccomp", "xcomp"):
                sx = _children(x, "nsubj", "nsubjpass")
                if sx:
                    yield ok(self._actors(sx[0]))
        for w, g in preps + ([("", obj)] if obj is not None else []):  # "insisted on its demands that X ..."
            for x in g.children:
                if x.dep_ in ("acl", "ccomp", "relcl") and x.pos_ in ("VERB", "AUX"):
                    sx = _children(x, "nsubj", "nsubjpass")
                    if sx and sx[0].lower_ not in REL_PRONOUNS:
                        yield ok(self._actors(sx[0]))
        # 5. other prepositions of the trigger (not when the pattern named one that is absent)
        if p.prep is None or c.prep_present:
            for want in OTHER_TARGET_PREPS:
                if want == "at" and root < "14":  # "met for a debate at Hofstra University": the venue, not a party
                    yield ok([a for g in (g for w, g in preps if w == want) for a in self._actors(g)
                              if a.kind != "organization" or political(a)][:1])
                    continue
                yield first(g for w, g in preps if w == want)
        # 5b. a purpose clause: "reopened the crossing to allow shipments to Gaza"; and for a
        #     purpose clause itself, the object of the act it serves ("summoned X's envoy to complain")
        for x in tok.children:
            if x.dep_ == "advcl" and self._purpose(x):
                o = _object(x)
                if o is not None:
                    yield ok(self._actors(o))
                    yield self._inside(o, ok_inside)
                yield first(g for w, g in _preps(x) if w in OTHER_TARGET_PREPS)
        if tok.dep_ == "advcl" and self._purpose(tok):
            o = _object(tok.head)
            if o is not None:
                yield ok(self._actors(o))
        # 6. the party a motive names: "in protest against X", "in retaliation for X's ...", "in
        #    defiance of X"
        for w, g in preps + obj_preps:
            if w in ("in", "as") and g.lemma_.lower() in PROTEST_NOUNS:
                yield first(gg for ww, gg in _preps(g) if ww in ("against", "at", "over", "of", "to", "for", "with"))
                yield self._inside(g, ok_inside)
        # 6a. the counterpart of talks that led to it: "called off the strike after talks with the government"
        if root in ("03", "04", "05", "06", "08"):
            for w, g in preps:
                if w in ("after", "following", "in") and g.lemma_.lower() in TALK_NOUNS:
                    yield first(gg for ww, gg in _preps(g) if ww == "with")
        # 6b. a conditional threat: "threatened to strike unless Israel withdraws" targets Israel
        if root == "13" or c.threat_head or self._intent(tok):
            for x in tok.children:
                if x.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in x.children):
                    sx = _children(x, "nsubj", "nsubjpass")
                    if sx:
                        yield ok(self._actors(sx[0]))
        # 7. material conflict (and threats of it), truces: the country it happens in (CAMEO 0871:
        #    "the target could be the location for the ceasefire")
        if root in ("14", "15", "17", "18", "19", "20") or p.code.startswith("087") or (
                root == "13" and tok.lemma_.lower() not in THREAT_HEADS):  # "to impose a curfew in X", not "warned in X"
            places = preps + obj_preps
            if obj is not None:  # "blew up a pipeline running into Lagos", "a wave of bombings in Lagos"
                places = places + [pg for x in obj.children if x.dep_ == "acl" for pg in _preps(x)]
                places = places + [pg for w, g in obj_preps if w == "of" for pg in _preps(g)]
            if root == "14":  # "workers across Brazil held rallies"
                for sx in _children(tok, "nsubj"):
                    places = places + _preps(sx)
            places = [(w, g) for w, g in places if w in PLACE_PREPS]
            if root == "14":  # a protest outside a parliament or an embassy is aimed at it
                yield ok([a for w, g in places if w in ("outside", "at") for a in self._actors(g)
                          if a.kind in ("organization", "group")])
            located = [a for w, g in places for a in self._places(g)]
            yield _one_per_country([_as_place(a) if a.kind != "country" else a for a in located  # "in Tokyo": no government
                                    if a.dyad_code not in src_countries and ok([a])])
            # a domestic act (a curfew in Dakar, shelling in Juba, a strike in Lagos): the country
            # it happens in, as a place, so that the government acting in its own capital is a dyad
            if sources:  # one place per country: "in two states, Illinois and Arizona" is one target
                yield ok(_one_per_country([_as_place(a) for a in located if a.dyad_code in src_countries]))
        # 8b. a visit to a place inside another country: "visited a refugee camp in Jordan"
        if code[:3] in ("042", "043") and obj is not None:
            for w, g in obj_preps + preps:
                if w in ("in", "near", "outside"):
                    yield [_as_place(a) if a.kind == "place" else a
                           for a in ok(self._actors(g)) if a.kind in ("country", "place") and a.dyad_code not in src_countries]

    @staticmethod
    def _need(c: _Cand) -> str:
        """Whether a target-less event may take the article's dominant-dyad counterpart."""
        if c.noun:
            return ""
        root = c.pat.code[:2]
        if root == "16":
            return "counterpart"
        if root in ("10", "11", "12", "13") and (c.pat.obj is not None or c.pat.prep is not None):
            return "counterpart"
        return ""

    def _inside(self, obj: Token, ok, depth: int = 2,
                preps: tuple[str, ...] = ("by", "of", "on", "against", "to", "with", "from", "for", "over", "into",
                                          "between", "in")) -> list[Actor]:
        """Actors named inside an object noun phrase: "Russian diplomats", "sanctions on Iran"."""
        for x in obj.children:  # a possessive pronoun ("its demands") is mostly the source itself
            if x.dep_ in ("poss", "compound", "amod", "nmod") and x.pos_ != "PRON" and not stance_prefixed(x) \
                    and self._resolve(x) is not None and not self._origin_only(obj, x):
                got = ok(self._actors(x))
                if got:
                    return got
        found = _preps(obj)
        for want in preps:
            for w, g in found:
                if w == want:
                    got = ok(self._actors(g), via=w)
                    if not got and depth > 0 and self._resolve(g) is None:  # not into a name's own words
                        got = self._inside(g, ok, depth - 1, preps)
                    if got:
                        return got
        if depth > 0:
            for x in obj.children:  # "an invitation to attend a summit of Sahel states"
                if x.dep_ == "acl" and x.pos_ == "VERB":
                    o = _object(x)
                    if o is not None:
                        got = ok(self._actors(o)) or self._inside(o, ok, depth - 1, preps)
                        if got:
                            return got
                    for ag in _children(x, "agent"):
                        got = ok([a for g in _children(ag, "pobj") for a in self._actors(g)])
                        if got:
                            return got
        return []

    def _resolve(self, tok: Token) -> Actor | None:
        i = tok.i
        if i not in self._cache:
            a = self._resolver.resolve(tok)
            self._cache[i] = a if a is not None and a.code else None
        return self._cache[i]

    def _actors(self, tok: Token | None) -> list[Actor]:
        if tok is None:
            return []
        own = False  # a relative clause of one conjunct: that conjunct alone (below)
        if tok.lower_ in REL_PRONOUNS and tok.head.dep_ == "relcl":
            tok = tok.head.head  # "Wang Yi, the party's top diplomat, who told him ...": the antecedent
            own = _each_own(tok)
        if tok.pos_ in ("VERB", "AUX"):  # "The Red Cross operating in Iraq said": the participle's subject
            subj = _children(tok, "nsubj", "nsubjpass")
            if not subj:
                return []
            tok = subj[0]
        out: list[Actor] = []
        # "X, who signed it, and his wife, who spoke of it": each conjunct with a relative clause of
        # its own is what that clause is about, not the whole list
        toks = [tok] if own else _conjuncts(tok)
        for x in tok.children:  # "The US, Russia, and Switzerland met": a list misparsed as an apposition
            if x.dep_ == "appos" and any(c.dep_ == "cc" for c in x.subtree) and _children(x, "conj"):
                toks += _conjuncts(x)
            elif x.dep_ == "appos" and len(toks) > 1 and self._other_country(tok, x):
                toks.append(x)  # "X, the awful Y, and Z": a list member read as an apposition of X
            # "Fornost and the evil Gondor agreed", "meet Eriadori and Calenardhon leaders": a list misparsed
            # as a modifier of its last name or of the noun after it
            if x.dep_ in ("nmod", "compound") and x.i < tok.i and tok.pos_ in ("PROPN", "NOUN") and _children(x, "conj") \
                    and any(c.dep_ == "cc" for c in x.subtree) and self._resolver.at(x) is not None:
                toks += _conjuncts(x)
        span = self._resolver.mention_span(tok) if self._resolver.at(tok) is not None else None
        spread: dict[int, Actor] = {}  # a conjunct country the mention's role spreads to
        if span is not None:  # a name misparsed into pieces ("Barack" nsubj, "Obama" pobj, "and Putin")
            toks += [c for i in range(*span) if i != tok.i for c in _conjuncts(tok.doc[i])[1:]]
            owner = self._resolver.at(tok)
            if self._role_of_country(owner, tok.doc[span[1] - 1]):
                spread = {c.i: owner for c in toks if c.i >= span[1]}
        grid = self._role_grid(toks)
        if grid:
            return grid
        if len(toks) == 1 and (pair := self._resolver.the_two(tok)):
            return pair  # "the two sides agreed", "both leaders condemned": the pair the article just named
        for t in toks:
            if datelines.within(t):
                continue  # "SEOUL — Putin and Kim signed ...": the dateline is not the subject
            a = self._named(t) or self._resolve(t)
            if a is not None and a.kind == "country" and t.tag_ in ("NNS", "NNPS") and self._resolver.kb.demonym(t.text) \
                    and not any(c.dep_ in ("det", "poss") for c in t.children):
                a = self._people_from(t, a, None)  # "Mexicans often say": the people; "the Russians said": the state's side
            if a is not None and t.pos_ == "PRON" and a.kind == "place" and not (a.code or "").endswith("GOV"):
                a = None  # "it stressed ...": a sea or a region does not speak
            if a is None or _role_only(a):
                b = self._down(t, 2)  # "Ghanaian president John Mahama" when Mahama is only "GOV"
                if b is None and a is not None:
                    b = self._placed(a)  # "he" -> Stoltenberg, "GOV"; "NATO Secretary-General Jens Stoltenberg" -> NATO
                if b is not None and a is not None and b.kind == "country" and a.code:
                    b = _in_country(a, b.code)  # "Kenya's Supreme Court": KENJUD
                if b is not None and (a is None or not _role_only(b)):
                    a = b
            if a is None:
                a = self._unnamed(t)  # "officials said", "the ministry denied": unnamed.py
            if a is not None and _role_only(a):
                # "rebels ambushed a convoy in northern Mali": MLIREB; unplaced, the country of the
                # article's dateline or of the article (placing.py); else "rebels" is no party
                a = (self._located(a, t) if self._placed_by_clause(a) else None) or (
                    _in_country(a, self._home) if self._home else None) or self._article_placed(a) or (
                    None if a.kind == "group" and a.code in LOCATED_ROLES or self._is_unnamed(a) else a)
            if a is not None and t.i in spread and a.kind == "country" and a.country:
                owner = spread[t.i]
                a = _in_country(replace(owner, code=owner.code[len(owner.country):]), a.country)
            if a is not None and a not in out:
                out.append(a)
        return out

    def _role_grid(self, toks: list[Token]) -> list[Actor]:
        """ "Lawmakers and officials in X and Y": role nouns and countries in one list, with one "in",
        "of" or "from" naming a country: each role of each country (XLEG, XGOV, YLEG, YGOV). The
        parser hangs such a list anywhere; what says it is a grid is that every member is a bare role
        noun or a bare country name, and the roles share the one place."""
        if len(toks) < 2:
            return []
        kb = self._resolver.kb
        roles: list[tuple[Token, str]] = []
        names: list[Token] = []
        for t in toks:
            role = kb.role_noun(t.lemma_) if t.pos_ == "NOUN" and t.tag_ in ("NNS", "NNPS") else None
            if role and not any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in t.children):
                roles.append((t, role))
            elif t.pos_ == "PROPN" and any(h.kind == "country" for h in kb.lookup(t.text)):
                names.append(t)
            else:
                return []
        places = [g for t, _ in roles for w, g in _preps(t) if w in ("in", "of", "from")]
        if len(roles) < 2 or len(places) != 1:
            return []
        names += _conjuncts(places[0])
        countries = {a.code: a for a in self._resolver.actors if a.kind == "country" and a.code}
        picked = []
        for t in names:
            code = next((h.code for h in kb.lookup(t.text) if h.kind == "country"), None)
            if code not in countries:
                return []
            picked.append(countries[code])
        return [replace(c, kind="group", role=kbmod.agent_role(role), code=kbmod.compose_code(c.code, role))
                for _, role in roles for c in picked]

    def _other_country(self, tok: Token, appos: Token) -> bool:
        """Whether an apposition after a comma names a country other than the one its head names: one
        country is never another, so the two are members of a list, not one thing said twice."""
        if appos.left_edge.i == 0 or appos.doc[appos.left_edge.i - 1].text != ",":
            return False  # "X, the awful Y, and Z": set off by commas as list members are
        a, b = self._resolver.at(tok), self._resolver.at(appos)
        return a is not None and b is not None and a.kind == b.kind == "country" and a.code != b.code

    def _role_of_country(self, owner: Actor, tok: Token) -> bool:
        """Whether a group mention ends in the country name that gives it its country ("lawmakers in
        X", "police of X"), so that a bare country coordinated right after it shares the group's role:
        "lawmakers in X and Y" are X's lawmakers and Y's, whichever of the two the parser joins Y to."""
        if tok.dep_ != "pobj" or owner.kind not in ("group", "organization") or not owner.country or not owner.code \
                or len(owner.code) <= len(owner.country) or not owner.code.startswith(owner.country):
            return False
        return any(h.kind == "country" and h.code == owner.country for h in self._resolver.kb.lookup(tok.text))

    def _named(self, tok: Token) -> Actor | None:
        """A common noun with an apposed or compound name: "China's top diplomat Wang Yi" is Wang Yi,
        not China (the name before the possessor)."""
        if tok.pos_ != "NOUN" or self._resolver.at(tok) is not None:
            return None
        if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":  # "Wang Yi, the party's top diplomat"
            a = self._resolver.at(tok.head)
            if a is not None and a.kind in ("person", "organization") and a.code:
                return a
        for c in tok.children:
            if c.dep_ in ("appos", "compound", "flat") and c.pos_ == "PROPN":
                a = self._resolver.at(c)
                if a is not None and a.kind in ("person", "organization") and a.code:
                    return a
        return None

    def _origin_only(self, head: Token, mod: Token) -> bool:
        """A country's possessive on a name nobody coded, not a person's ("Norway's Equinor", "Nigeria's
        Dangote Group") says where it is from, not that the state acts: a firm is no state."""
        if mod.dep_ != "poss" or head.pos_ != "PROPN":
            return False
        owner = self._resolver.at(head)
        if owner is not None and (owner.kind == "person" or owner.code):
            return False
        a = self._resolve(mod)
        return a is not None and a.kind == "country"

    def _down(self, tok: Token, depth: int) -> Actor | None:
        """ "officials of the foreign ministry", "thousands of Peruvians", "Ugandan opposition candidates",
        "China's top diplomat Wang Yi" (the name before the possessor)."""
        # "Pence's supporters", "Trump's wife": people of their own, not their possessor
        own = tok.pos_ == "NOUN" and private_noun(tok, self._resolver.kb)
        kids = sorted((c for c in tok.children if c.dep_ in ACTOR_DOWN_DEPS and c.pos_ != "PRON" and not stance_prefixed(c)
                       and not (own and c.dep_ == "poss")),
                      key=lambda c: (c.dep_ not in ("appos", "compound"), c.dep_ == "poss", c.i))
        for c in kids:
            a = self._resolve(c)
            if a is not None and not _role_only(a) and not self._origin_only(tok, c):
                if a.kind == "country" and c.dep_ in ("amod", "compound") and tok.pos_ == "NOUN" \
                        and private_noun(tok, self._resolver.kb):
                    # "the Italian chef", "Moroccan farmers": private people from the country, not its state
                    kb = self._resolver.kb
                    return self._people_from(tok, a, kb.role_noun(tok.lemma_.lower()) or kb.role_noun(tok.lower_))
                if a.kind == "country" and c.dep_ in ("amod", "compound") and tok.tag_ in ("NNS", "NNPS"):
                    return replace(a, kind="group")  # a people, not the state
                return a
        if depth <= 0:
            return None
        for c in tok.children:
            if c.dep_ in ("compound", "appos") and c.pos_ in ("NOUN", "PROPN"):
                a = self._down(c, depth - 1)  # "president" in "Ghanaian president John Mahama"
                if a is not None:
                    return a
            if c.dep_ == "acl" and c.tag_ == "VBN":  # "abuses committed by Sudanese forces"
                for ag in _children(c, "agent"):
                    for g in _children(ag, "pobj"):
                        a = self._resolve(g) or self._down(g, depth - 1)
                        if a is not None:
                            return a
        people = tok.pos_ == "PROPN" or self._resolver.kb.role_noun(tok.lemma_) is not None
        for want in ACTOR_DOWN_PREPS:
            if want in ("in", "throughout", "across") and not people:
                continue  # "opposition groups in Kenya", not "squares in Santiago" (a place is no owner)
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == want:
                    for g in c.children:
                        if g.dep_ == "pobj":
                            a = self._resolve(g) or self._down(g, depth - 1)
                            if a is not None and a.kind in ("country", "place", "location") and tok.pos_ == "NOUN" \
                                    and private_noun(tok, self._resolver.kb):
                                # "residents of Springfield", "farmers in France": the people of a place, not its state
                                kb = self._resolver.kb
                                return self._people_from(tok, a, kb.role_noun(tok.lemma_.lower()) or kb.role_noun(tok.lower_))
                            if a is not None:
                                return a
        return None
