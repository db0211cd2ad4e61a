"""The events stage wired together: per sentence, match triggers, govern them, code each one with its
modality, source and target, then date, dedup and complete the article's events."""
from __future__ import annotations

import itertools
from dataclasses import replace

from spacy.attrs import POS
from spacy.tokens import Doc, Span, Token

from .. import budget, dates, ontology
from ..actors import Resolver
from ..doctext import doc_text, span_text
from ..types import Actor, Event

from .arguments import Arguments
from .conventions import Conventions, _no_dyad, _role, _role_only, _same_party, _unarmed
from .lexicon import derived_intent, lexicon, mirror
from .modality import Modality
from .parse import _children, _preps
from . import contests, discards, doers, evaluation, petrarch
from .echoes import drop_echoes
from .placing import Placing
from .political import is_political, political_roots
from ..quotes.cues import lexicon as reporting
from .statements import Statements, belief_only, expert, measured
from . import senses
from .unnamed import Unnamed
from .triggers import Triggers, _Cand
from .words import (
    ACCIDENTS, ADVERSARIES, DEMONSTRATIVES, HELD_NOUNS, INTENT_NOUNS, METAPHOR_VERBS, NAME_ENTITIES, NEUTER_PRONOUNS,
    OBLIGATION_AUX,
    PROTEST_NOUNS, REFLEXIVES, SPEECH_VERBS, STATE_ROLES,
)


# roles whose members fight only with words: parties and candidates, legislators, elites, courts, media, firms,
# schools ("the candidates clashed over trade"); an office of state may command force, protesters may riot
WORDS_ONLY_ROLES = {"PTY", "LEG", "ELI", "JUD", "MED", "BUS", "EDU"}
# roots of a noun that, with "among" a people, measures opinion ("support among voters", "opposition
# among Republicans"), not an act
POPULARITY_ROOTS = {"05", "11", "12"}


def _code_record(code: str) -> ontology.Code:
    """The CAMEO record of a code; a code a user's PETRARCH dictionary brings that CAMEO lacks ("903",
    "174L") keeps its root's QuadClass when the root is CAMEO's, and no Goldstein score or PLOVER type."""
    try:
        return ontology.get(code)
    except KeyError:
        root = ontology.codes().get(code[:2])
        return ontology.Code(code, code[:2], f"code {code} (user dictionary)", 0.0, root.quad_class if root else 0,
                             None, "", "")


class EventStage(Triggers, Modality, Arguments, Conventions, Statements, Placing, Unnamed):
    """The CAMEO coder of one parsed article: `stage(doc, resolver, published)` -> events.

    Each step lives in its own mixin module (triggers, modality, arguments, conventions); this class
    holds the per-article state they share and codes one trigger at a time (`_code`)."""

    def __init__(self, lexicon_path: str | None = None):
        self.lex = lexicon(lexicon_path)
        self.forms_first = lexicon_path is not None and petrarch.is_verb_dictionary(lexicon_path)

    def __call__(self, doc: Doc, resolver: Resolver, published: str | None, quotes: list | None = None) -> list[Event]:
        self._cache: dict[int, Actor | None] = {}
        self._placed_cache: dict[str, Actor | None] = {}
        self._home: str | None = None  # see _code: the country an unplaced group is in, for domestic acts
        self._locating: set[int] = set()  # tokens whose place _located is looking for
        self._unnamed_made: dict[str, Actor] = {}  # unnamed.py: role nouns with no actor, by phrase
        self._repeats: dict[tuple, list[tuple[int, int | None]]] = {}  # (sentence, trigger) of repeated mentions
        self._resolver = resolver
        self._ents = list(doc.ents)  # Doc.ents builds its spans on every access
        self._dates = [e for e in self._ents if e.label_ == "DATE"]  # (dates.clause_date, per sentence)
        self._pos = doc.to_array(POS).tolist()  # (triggers._matches)
        found: dict[tuple, Event] = {}
        pending: list[tuple[Event, str, Token]] = []  # events waiting for an article-level target
        drops = resolver.kb.discards
        if drops and discards.says(doc_text(doc), drops, story=True):
            return []  # a story its user's discards say is not about political events
        for sent in doc.sents:
            budget.check()  # one pathological article must not stall its batch
            if drops and discards.says(span_text(sent), drops, story=False):
                continue
            sent_events: list[tuple[int, Event, Token, str]] = []
            for ev, depth, trig, need in self._sentence(sent):
                sent_events.append((depth, ev, trig, need))
            if not sent_events:
                continue
            # a reporting verb is a statement only if nothing else in the sentence was coded
            def report(x) -> bool:  # 010, or a speech verb carrying a clause that a dictionary codes otherwise
                return x[1].cameo in ("010", "01") or x[2].lemma_.lower() in SPEECH_VERBS and x[1].root != "01" and any(
                    c.dep_ in ("ccomp", "parataxis") for c in x[2].children)

            # (only an event that can be kept counts: one with no political side is dropped below, political.py)
            if any(not report(x) and self._lasting(x[1], x[3]) for x in sent_events):
                sent_events = [x for x in sent_events if not report(x)]
            sent_events.sort(key=lambda x: (x[0], x[1].trigger_start or 0))
            sent_dates = [e for e in self._dates if sent.start <= e.start < sent.end]
            sent_text = span_text(sent)
            for _, ev, trig, need in sent_events:
                ev.start, ev.end, ev.sentence = sent.start_char, sent.end_char, sent_text
                got = dates.clause_date(trig, published, sent_dates)
                ev.date = got[0] if got else published
                if ev.source is None or ev.target is None or need:
                    pending.append((ev, need, trig))  # completed below, or emitted one-sided
                else:
                    self._add(found, ev)
        self._complete(found, self._content_targets(pending))  # statements.py: verbal acts' targets
        if quotes:
            self._statements(doc, quotes, found, published)  # statements.py
        self._drop_measured(doc, quotes, found)
        self._article_country()
        actors = {a.id: a for a in [*resolver.actors, *self._unnamed_made.values()]}
        events = [x for ev in found.values() for x in _each_code(ev)]
        # who is political is the dictionaries' say when they are PETRARCH's alone: PETRARCH codes every
        # actor they list (a user's own codes, "ORCHOB", are no CAMEO roles political.py could judge)
        chosen = resolver.kb.petrarch_actors
        kept = drop_echoes([ev for ev in events if chosen or is_political(ev, actors)])  # political.py, echoes.py
        self._register_unnamed(kept)  # unnamed.py
        self._record_placements()  # placing.py
        for ev in kept:
            ev.one_sided = ev.source is None or ev.target is None
        return sorted(kept, key=lambda e: e.start)  # stable: within a sentence, main clause first

    def _lasting(self, ev: Event, need: str) -> bool:
        """Whether an event can survive the political filter at the end of __call__: it has a political
        side, or a source still waiting for the target the article may give it (conventions._complete)."""
        if self._resolver.kb.petrarch_actors or ev.source is not None and ev.target is None and need:
            return True
        return is_political(ev, {a.id: a for a in [*self._resolver.actors, *self._unnamed_made.values()]})

    def _add(self, found: dict[tuple, Event], ev: Event) -> None:
        # the codes too: one mention may stand for several parties ("lawmakers in X and Y")
        key = (ev.source or ev.source_code, ev.source_code, ev.target or ev.target_code, ev.target_code, ev.cameo)
        if key in found:
            found[key].mentions += 1
            self._repeats.setdefault(key, []).append((ev.start, ev.trigger_start))  # statements._covered
        else:
            found[key] = ev

    def _sentence(self, sent: Span) -> list[tuple[Event, int, Token, str]]:
        cands = self._matches(sent, self._pos)  # triggers.py
        obligations = self._obligations(sent, cands)
        if not cands and not obligations:
            return []
        for c in cands.values():
            self._govern(c, cands)
        changed = True
        while changed:  # what a dropped trigger would have carried is dropped with it
            changed = False
            for c in cands.values():
                if c.suppressed:
                    for t in c.deferred:
                        if not t.suppressed:
                            t.suppressed = changed = True
        out: list[tuple[Event, int, Token, str]] = []
        memo: dict[int, list] = {}
        question = span_text(sent).rstrip().rstrip("\"'\u201d\u2019)").endswith("?")
        if question:
            return []
        for c in sorted(cands.values(), key=lambda c: c.tok.i):
            out += self._events_for(c, memo)
        out += obligations
        return out

    def _events_for(self, c: _Cand, memo: dict[int, list]) -> list[tuple[Event, int, Token, str]]:
        if c.tok.i in memo:
            return memo[c.tok.i]
        memo[c.tok.i] = []
        res: list = []
        if not c.suppressed:
            if c.deferred and any(self._events_for(t, memo) for t in c.deferred) or c.yields and any(
                    self._events_for(t, memo) for t in c.yields):
                res = []
            else:
                res = self._code(c)
        memo[c.tok.i] = res
        return res

    def _obligations(self, sent: Span, cands: dict[int, _Cand]) -> list[tuple[Event, int, Token, str]]:
        out = []
        for tok in sent:
            if tok.dep_ != "aux" or tok.lower_ not in OBLIGATION_AUX and not (
                    tok.lower_ == "to" and tok.head.dep_ == "xcomp" and tok.head.head.lemma_ in ("have", "need")):
                continue
            verb = tok.head if tok.lower_ != "to" else tok.head.head
            if _children(verb, "neg") or verb.dep_ not in ("ccomp", "conj", "ROOT", "parataxis"):
                continue
            speaker = self._speaker_token(verb)
            if speaker is None:
                continue
            subj = _children(verb, "nsubj")
            if not subj:
                continue
            # the complement trigger, if any, gives the topic and is not an event itself
            comp = cands.get(verb.i) or (cands.get(tok.head.i) if tok.lower_ == "to" else None)
            if comp is not None and comp.pat.pre is not None:
                continue  # a dictionary pattern whose context names the modality ("INDICATED SHOULD *") codes it
            code = "100"
            if comp is not None:
                comp.suppressed = True
                code = mirror(comp.pat.intent or derived_intent(comp.pat.code), "10") or "100"
            sources = self._actors(speaker)
            targets = self._actors(subj[0])
            for s, t_ in itertools.product(sources, targets):
                if s.dyad_code == t_.dyad_code and _role(t_) in STATE_ROLES and _role(s) in STATE_ROLES:
                    continue  # "Putin said Russia should be ready": his own state's policy, not a demand
                ev = self._event(s, t_, code, verb, False)
                if ev is not None:
                    out.append((ev, self._depth(verb), verb, ""))
        return out

    def _struck_person(self, verb: Token) -> bool:
        """Whether a verb of striking acts on people no actor names ("attacked her opponent", "hammered
        the chief executive", "hit them"): a personal pronoun, a person's name, or a noun of people by
        their position (words.ADVERSARIES, the KB's role nouns, the reporting lexicon's person nouns).
        Only an unarmed named person's strikes are read so (the caller): a group's may be force."""
        persons = reporting().persons
        for o in _children(verb, "dobj"):
            lemma = o.lemma_.lower()
            if o.pos_ == "PRON" and lemma not in ("it", "this", "that", "which", "what") or o.ent_type_ == "PERSON" \
                    or lemma in ADVERSARIES or lemma in persons \
                    or self._resolver.kb.role_noun(lemma):
                return True
        return False

    def _code(self, c: _Cand) -> list[tuple[Event, int, Token, str]]:
        tok, p = c.tok, c.pat
        if self._hypothetical(tok):
            return []
        if c.noun and tok.ent_type_ in NAME_ENTITIES:
            return []  # a word of a name ("Star Alliance", "the Peace Corps") names, it reports no act
        if p.pre is None and self._prescribed(tok if not c.noun else tok.head if tok.dep_ in ("dobj", "nsubjpass") else None):
            return []  # "Mexico must communicate ...": prescribed, not done (a pattern's "SHOULD *" context codes it)
        if p.pre is None and self._unreported_would(tok if not c.noun else tok.head if tok.dep_ in ("dobj", "nsubjpass") else tok):
            return []  # "the plan would raise taxes": conditional, not a reported intent
        if (not c.noun and (tok.dep_ == "acl" or tok.dep_ == "advcl" and tok.head.pos_ in ("NOUN", "PROPN"))
                and not c.intent_head and not c.refused
                and any(x.dep_ == "aux" and x.lower_ == "to" for x in tok.children)):
            # "pressure to help Iran", "efforts to mediate": what a noun aims at has not happened;
            # a plan, pledge or offer to do it is an intent
            if tok.head.lemma_.lower() in INTENT_NOUNS and (p.intent or derived_intent(p.code)):
                c.intent_head = True
            else:
                return []
        code, negated = p.code, False
        if p.label is not None and c.obj is not None and not self._thing(c.obj) and c.obj.lower_ not in NEUTER_PRONOUNS:
            # "called the governor a liar" 111, "called X a true friend" 051, "called Israel's decision
            # unacceptable" 111 (evaluation.polarity); a label of a thing nobody owns judges no one
            # ("described the incident as terrible", "called the holiday a celebration", "called it a good deal": 010)
            code = dict(p.label).get(evaluation.polarity(c.label) or "", code)
        if c.noun:
            if any(x.dep_ == "det" and x.lower_ == "no" for x in tok.children):
                return []
            if self._nonfactual(tok):
                return []
            if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "as") and tok.lemma_.lower() in PROTEST_NOUNS | {
                    "violation", "breach", "contravention"}:
                return []  # "in protest against X", "in retaliation for": a motive, not an event
            if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "under") and tok.lemma_.lower() in HELD_NOUNS \
                    and not _children(tok.head.head, "dobj"):
                return []  # "shot at guards while in detention", "died in custody": a condition, not an act
                # (but "placed X in detention" is the act of holding X)
            if self._noun_intent(tok) or c.intent_head:
                code = p.intent or derived_intent(p.code) or code
        else:
            if tok.dep_ == "advcl" and self._purpose(tok) and self._negated(tok.head, c):
                return []  # "would not give permission to Russia to help Israel": no help, no refusal of it
            neg = self._negated(tok, c) and p.pre is None  # a pattern's context before the verb ("DID N'T *") is its modality
            refusal = p.negated or mirror(p.intent or derived_intent(p.code), "12")
            if c.refused:
                if refusal is None:
                    return []
                code, negated = refusal, True
            elif neg:
                if self._neg_mode(tok) == "refusal" and refusal is not None:
                    code, negated = refusal, True
                else:
                    return []
            elif c.intent_head or self._intent(tok):
                intent = p.intent or derived_intent(p.code)
                if intent:
                    code = intent
                elif c.intent_head and not p.code.startswith(("03", "13")):
                    return []  # "promised to comment": no intent code for the act
            if c.threat_head and not code.startswith("13"):
                return []
            if c.complement is not None and p.constraints == 0:
                comp = c.complement.pat
                m = mirror(comp.intent or (comp.code if comp.code.startswith("03") else None), p.code[:2])
                if m:
                    code = m
        if (not c.noun and p.constraints == 0 and tok.lemma_.lower() in ("warn", "caution") and not c.complement):
            for x in tok.children:  # "warned that Moscow could help ...": a warning about, not a threat to
                if x.dep_ == "ccomp" and not self._same_subject(tok, x):
                    code = "010"
        if not c.noun and p.constraints == 0 and p.code[:2] == "03" and tok.lemma_.lower() in reporting().speech and any(
                x.dep_ == "ccomp" and not self._same_subject(tok, x) and not _children(x, "aux") for x in tok.children):
            return []  # "agreed the senator won the debate": a judgement shared, no intent (statements code it)
        if c.obj is not None and c.obj.lower_ in REFLEXIVES and not c.noun and not p.code.startswith("18"):
            return []  # "shot himself": no one else is acted on (but "blew themselves up in a market" is a bombing)
        if p.code[:2] in ("18", "19", "20") and not c.noun and (self._cause_words(tok) | {
                g.lemma_.lower() for w, g in _preps(tok) if w == "in"}) & ACCIDENTS:
            return []  # "victims killed by the crash", "died in a fire": no one attacked
        if not c.noun and _nature(self._subject(tok)[0]):
            return []  # "Typhoon Nanmadol slammed into Japan", "the storm is expected to strike Tokyo"
        if code[:2] == "17" and not c.noun and _children(tok, "auxpass") and _children(tok, "xcomp") \
                and not any(x.dep_ == "agent" for x in tok.subtree):
            return []  # "they have been forced to turn to the US": obliged by circumstance, no one coerced them
        if code[:2] == "01" and not c.noun and belief_only(tok):
            return []  # "Republicans fear losing the Senate": a state of mind, no statement (statements.belief_only)
        if not c.noun and measured(self._subject(tok)[0]):
            return []  # "an analysis released by the department reveals ...", "62 percent of Republicans
            # agreed": a result (statements.measured), no act
        if code[:2] == "01" and not c.noun and expert(self._subject(tok)[0]):
            return []  # "said Jane Roe, an economist at X": commentary, no statement of X (statements.expert)
        if code[:2] == "01" and c.noun and tok.dep_ in ("nsubj", "nsubjpass") \
                and tok.head.lemma_.lower() not in SPEECH_VERBS:
            return []  # "X's statement was vague": the clause judges a statement, it reports none
        if c.noun and tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and _code_record(code).quad_class in (1, 3):
            return []  # "Trump's refusal to release his returns is unprecedented": words judged, not reported
        if code[:2] == "01" and c.noun and (tok.dep_ == "pobj" or any(
                x.dep_ == "det" and x.lower_ in DEMONSTRATIVES for x in tok.children)):
            return []  # "contrary to his claim that", "made this statement": a statement named, not reported here
        if c.noun and code[:2] in POPULARITY_ROOTS and any(w == "among" for w, _ in _preps(tok)):
            return []  # "her support among millennials": how many back her, not an act of backing
        sources, passive_target = self._sources(c)
        if not sources and not c.noun and tok.pos_ == "NOUN":  # a verb tagged as a noun: its "compound" is the subject
            sources = [a for x in _children(tok, "compound") for a in self._actors(x)][-1:]
        if not sources:
            sources = self._attack_agent(c, code) or self._unidentified(c, code)
        # a government, police or court arresting, banning or pardoning an unnamed group acts at home
        homes = {s.country for s in sources if s.country and _role(s) in ("GOV", "COP", "JUD")}
        self._home = next(iter(homes)) if len(homes) == 1 and code[:2] in ("08", "17") else None
        try:
            targets, need = self._targets(c, sources, passive_target, code)
            placed = self._placed_target(c, sources) if p.target_at and c.target_from is not None else []
            if placed:  # the dictionary says where the target is: "* EID AT ^ WITH +"
                targets, need = placed, ""
            if not targets and p.target_after and not c.noun and not (p.mutual and len(sources) > 1):
                targets = self._first_after(tok, sources)
        finally:
            self._home = None
        if c.noun and (undergone := self._undergone(tok)) is not None:  # "X faced criticism from Y"
            sources, targets = undergone
        if c.noun and not sources:  # "talks between X and Y"
            between = [a for w, g in _preps(tok) if w == "between" for a in self._actors(g)]
            if len(between) > 1:
                sources, targets = between[:1], between[1:]
                if p.mutual:
                    sources = between
                    targets = []
        if (p.mutual or c.agreed) and len(sources) > 1 and not targets:  # "X and Y agreed to share ..."
            pairs = list(itertools.permutations(sources, 2))
        else:
            pairs = [(s, t) for s in (sources or [None]) for t in (targets or [None])]
        if p.reverse and not negated and passive_target is not None and p.prep:
            # "X was freed from Y": the passive subject already is the receiving end, the source is
            # the actor of the pattern's preposition
            givers = [a for w, g in _preps(tok) if w == p.prep for a in self._actors(g)]
            takers = self._actors(passive_target)
            if givers and takers:
                pairs = [(s, t) for s in givers for t in takers if s.code != t.code]
        elif p.reverse and not negated:  # "Ukraine received military aid from the US": the US gave it
            pairs = [(t, s) for s, t in pairs]
        returned = [] if p.paired is None or p.mutual and not targets else [
            (t, s) for s, t in pairs if s is not None and t is not None]  # "[032:033]": the target's part
        if code[:2] not in political_roots():  # "a family crosses into Texas": where, not whom (doers.py)
            private = not sources and not c.noun and doers.private_doer(self._subject(tok)[0], self._resolver)
            pairs = [(s, t) for s, t in pairs if not doers.private_on_place(s, t, private, code)]
        if self._contest(tok):  # "Boston routed Toronto 120-98": teams, not states (contests.py)
            pairs = [(s, t) for s, t in pairs if _agent(s) or _agent(t)]
            returned = [(s, t) for s, t in returned if _agent(s) or _agent(t)]
        if code[:2] in ("18", "19", "20") and tok.lemma_.lower() in METAPHOR_VERBS and pairs and all(
                s is not None and _unarmed(s) and (t is not None and _unarmed(t) and (t.kind == "person" or _role(t))
                                                   or t is None and s.kind == "person" and self._struck_person(tok))
                for s, t in pairs):
            code = "111"  # "Clinton hit Trump for not paying taxes", "hammered her rivals": words, not force
        elif (senses.military(code) or senses.military(p.code)) and p.constraints == 0 and pairs and all(
                s is not None and _unarmed(s) and (
                    t is not None and _unarmed(t) and (t.kind == "person" or _role(t))
                    or (t is None or t.kind in ("country", "place", "location") and t.dyad_code == s.dyad_code)
                    and (s.kind == "person" or _role(s) in WORDS_ONLY_ROLES))
                for s, t in pairs):
            return []  # "the mayor fought the council", "the candidates clashed over trade", "the campaign is
            # pushing hard in North Carolina", "Kaine and Pence will square off": military acts need arms
        out = []
        depth = self._depth(tok)
        for (s, t), this in [*((x, code) for x in pairs), *((x, p.paired) for x in returned)]:
            if this == "042" and s is not None and (t is None or t.kind in ("country", "place", "location")) \
                    and self._travel_at_home(tok, s):
                continue  # "the senator headed to New York": travel at home, no visit between parties
            ev = self._event(s, t, this, tok, negated)
            if ev is not None:
                ev.place = self._place(tok)
                out.append((ev, depth, tok, need if t is None or _role_only(t) else ""))
        return out

    def _travel_at_home(self, verb: Token, source: Actor) -> bool:
        """Whether a visit's destination (its object, or the place after "to", "in" or "at") is a place
        of the visitor's own country: a trip at home is no visit between two parties."""
        dest = _children(verb, "dobj") + [g for w, g in _preps(verb) if w in ("to", "in", "at")]
        places = [a for d in dest for a in self._actors(d) if a.kind in ("country", "place", "location")]
        return bool(places) and bool(source.dyad_code) and all(a.dyad_code == source.dyad_code for a in places)

    def _contest(self, tok: Token) -> bool:
        """Whether a trigger reports a contest: its clause does, or its article is mostly results."""
        doc = tok.doc
        if getattr(self, "_contest_doc", (None,))[0] is not doc:
            found = contests.Contests(doc)
            self._contest_doc = (doc, found.article(lambda t: _agent(self._resolver.at(t))), found)
        return self._contest_doc[1] or self._contest_doc[2].clause(tok)

    def _first_after(self, verb: Token, sources: list[Actor]) -> list[Actor]:
        """The first actor in the verb's phrase after it, not one of the sources: the target by
        position, as a PETRARCH dictionary is read ("acted on a resolution against X")."""
        for t in verb.subtree:
            if t.i > verb.i:
                a = self._resolve(t)
                if a is not None and all(a is not s and a.code != s.code for s in sources):
                    return [a]
        return []

    def _placed_target(self, c: _Cand, sources: list[Actor]) -> list[Actor]:
        """The first actor after where a dictionary pattern puts its target, past the noun phrases
        its "^" skip, not one of the sources."""
        verb, after, skips = c.tok, c.target_from, c.pat.target_at[1]
        chunks = [nc for nc in verb.doc.noun_chunks if after < nc.start and nc.root.i in {t.i for t in verb.subtree}]
        if skips:
            after = max(after, chunks[skips - 1].end - 1) if len(chunks) >= skips else verb.doc[-1].i
        for t in verb.subtree:
            if t.i > after:
                a = self._resolve(t)
                if a is not None and all(a is not s and a.code != s.code for s in sources):
                    return [a]
        return []

    @staticmethod
    def _depth(tok: Token) -> int:
        d = 0
        while tok.head.i != tok.i and d < 50:
            tok = tok.head
            d += 1
        return d

    def _event(self, src: Actor | None, tgt: Actor | None, code: str, trigger: Token, negated: bool) -> Event | None:
        if src is not None and tgt is not None and _no_dyad(src, tgt):
            return None
        if src is None and tgt is None:
            return None
        c = _code_record(code)
        sent = trigger.sent  # (made token by token: once)
        return Event(
            source=src.id if src else None, source_code=src.code if src else None,
            target=tgt.id if tgt else None, target_code=tgt.code if tgt else None,
            cameo=c.code, root=c.root, quad_class=c.quad_class, goldstein=c.goldstein, plover=c.plover,
            start=sent.start_char, end=sent.end_char, trigger=trigger.text, negated=negated,
            name=c.name, trigger_start=trigger.idx, trigger_end=trigger.idx + len(trigger.text),
            source_country=src.dyad_code if src else None, target_country=tgt.dyad_code if tgt else None,
            source_name=src.name if src else None, target_name=tgt.name if tgt else None)


def _nature(subj: Token | None) -> bool:
    """Whether a subject is a force of nature (words.ACCIDENTS): its head word, or for a name the
    word it is a name of ("Typhoon Nanmadol"); not a modifier ("flood victims protested")."""
    if subj is None:
        return False
    words = {subj.lower_, subj.lemma_.lower()}
    if subj.pos_ == "PROPN":
        words |= {c.lower_ for c in subj.children if c.dep_ == "compound"}
    return bool(words & ACCIDENTS)


def _agent(a: Actor | None) -> bool:
    return a is not None and contests.agent(a, a.code, a.dyad_code)


def _each_code(ev: Event) -> list[Event]:
    """An event of an actor a dictionary codes as several parties ("[ELR/GAL]"), one per party."""
    events = [ev]
    for side in ("source", "target"):
        code = getattr(ev, f"{side}_code") or ""
        if "/" in code:
            events = [replace(e, **{f"{side}_code": part, f"{side}_country": part})
                      for e in events for part in code.split("/")]
    return events
