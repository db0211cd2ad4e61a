"""Triggers: matching a token and its clause to the lexicon's patterns, and settling which of two
nested triggers is coded (see the package notes, TRIGGERS and COMPLEMENTS)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.symbols import ADJ, AUX, NOUN, PROPN, VERB
from spacy.tokens import Span, Token

from .forms import base_lemma
from .lexicon import NOT_AN_EVENT, Pattern, _deinflect
from .parse import _children, _conjuncts, _object, _passive, _preps, _stative, _words
from . import evaluation, senses
from .political import political
from .words import (
    ADJUNCT_PREPS, ANIMATE_NOUNS, CLAUSAL, EMBED_DEPS, INTENT_HEADS, INTENT_NOUNS, LIGHT_VERBS, METAPHOR_VERBS,
    NEGATING_HEADS, PLACE_PREPS, REFUSAL_HEADS, REPORT_HEADS, SPEECH_VERBS, THREAT_HEADS, VERB_TAGS,
)


@dataclass
class _Cand:
    tok: Token
    pat: Pattern
    noun: bool
    prep_present: bool
    obj: Token | None = None
    suppressed: bool = False
    intent_head: bool = False
    threat_head: bool = False
    refused: bool = False
    agreed: bool = False  # the complement of "agree": coordinated subjects act on each other
    deferred: list["_Cand"] = field(default_factory=list)
    yields: list["_Cand"] = field(default_factory=list)  # complements a default-sense verb is coded only without
    complement: "_Cand | None" = None  # the complement whose topic a demand/appeal/threat mirrors
    light_subject: Token | None = None  # the light verb whose subject a noun event takes
    embedded: list["_Cand"] = field(default_factory=list)  # suppressed noun triggers in its arguments
    target_from: int | None = None  # a dictionary pattern's target comes after this token (Pattern.target_at)
    label: list[Token] = field(default_factory=list)  # what a verb of naming says of its object (Pattern.label)


_PREP_PRT = frozenset({"over", "on", "about", "with", "against", "into", "through", "across", "around", "for", "in"})


# entity types that never name an actor or a person
THING_ENTITIES = {"LAW", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "WORK_OF_ART", "PRODUCT", "DATE", "TIME"}


# the parts of speech _match can take as a trigger (its first test): keep the two in step
_TRIGGER_POS = frozenset({VERB, ADJ, NOUN, AUX, PROPN})


class Triggers:
    """Matching clauses to patterns and governing embedded triggers (a mixin of EventStage)."""

    def _matches(self, sent: Span, pos: list[int]) -> dict[int, _Cand]:
        """The sentence's triggers by token index. `pos` is the Doc's POS array: a token of another part
        of speech is no trigger, and no Token object is made for it."""
        doc = sent.doc
        cands: dict[int, _Cand] = {}
        for i in range(sent.start, sent.end):
            if pos[i] in _TRIGGER_POS:
                c = self._match(doc[i])
                if c is not None:
                    cands[i] = c
        return cands

    def _match(self, tok: Token) -> _Cand | None:
        pos = tok.pos  # the symbol id: no string lookup for the many tokens that are no trigger
        if pos == VERB or (pos in (ADJ, NOUN, AUX) and tok.tag_ in VERB_TAGS and tok.dep_ != "compound"):
            noun = False
        elif pos == NOUN and tok.dep_ == "ROOT" and tok.tag_ == "NNS" and _children(tok, "dobj") and _children(tok, "compound"):
            noun = False  # "Trump questions the fairness of X": the parser gives the "noun" an object, so it is the verb
        elif pos in (NOUN, PROPN) and tok.dep_ != "compound":
            noun = True
        else:
            return None
        lemma = tok.lemma_.lower()
        # a PETRARCH dictionary lists verbs as written: a form it lists as its own verb ("MET" beside
        # "MEET") is more specific than its lemma's patterns
        pats = self.lex.get((tok.lower_, noun)) if self.forms_first and tok.lower_ != lemma and not noun else None
        pats = pats or self.lex.get((lemma, noun)) or self.lex.get((tok.lower_, noun))
        if not pats and not noun:
            for cand in _deinflect(tok.lower_):  # spaCy's lemmatizer: "staged" -> "stag"
                pats = self.lex.get((cand, False))
                if pats:
                    break
        if not noun:
            base = base_lemma(lemma, self.lex)  # "reimposed", "re-opened": the verb they repeat
            if base:
                pats = (pats or []) + self.lex[(base, False)]
        if not pats:
            return None
        if pos == PROPN and getattr(self._resolver.at(tok), "kind", None) == "person":
            return None  # a word of a person's name ("Judge Susan Grant") is no act
        obj = None
        if not noun:
            obj = _object(tok)
            if obj is None and _passive(tok):
                sp = _children(tok, "nsubjpass")
                obj = sp[0] if sp else (tok.head if tok.dep_ == "acl" else None)
            if obj is None:
                obj = self._shared_object(tok)
            if obj is None and (tok.dep_ in ("acomp", "amod") or _stative(tok)):
                for w, g in _preps(tok):  # "is opposed to Turkish mediation", "is committed to reform"
                    if w == "to" and g.pos_ in ("NOUN", "PROPN"):
                        obj = g
                        break
        # a phrasal verb's particle, which the parser may also read as an adverb or a preposition; a
        # preposition with its own object counts only right after the verb ("dropped by the office",
        # "called on Iran"), not after an object ("dropped the charges in favour of a fine" is no visit)
        particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod", "acomp")
                     or c.dep_ == "prep" and (c.i == tok.i + 1 or not _children(c, "pobj"))}
        obj_words: set[str] = set()
        if obj is not None:
            for o in _conjuncts(obj):
                obj_words |= _words(o)
                for c in o.children:
                    if c.dep_ in ("compound", "amod", "nmod", "nummod"):
                        obj_words |= _words(c)
                    elif c.dep_ == "prep" and c.lower_ in ("of", "to"):  # "tons of food", "access to technology"
                        for g in _children(c, "pobj"):
                            obj_words |= _words(g)
                            obj_words |= {w for cc in g.children if cc.dep_ in ("compound", "amod") for w in _words(cc)}
        preps = _preps(tok)
        if obj is not None:
            preps += _preps(obj)
            # "didn't clash over the efforts": the parser may read a preposition as a particle and its
            # object as the verb's; for a pattern's "over + efforts" that is the same phrase
            preps += [(c.lower_, obj) for c in tok.children if c.dep_ == "prt" and c.i < obj.i and c.lower_ in _PREP_PRT]
        prep_words = {p for p, _ in preps}
        comps: set[str] = set()  # the complement verbs: "urged Iran to RELEASE", "called on X to STOP"
        deeper: set[str] = set()  # their own complements: "demanded they refuse to RECOGNIZE"
        threat_head = not noun and lemma in THREAT_HEADS
        for c in tok.children:
            if threat_head and c.dep_ == "ccomp" and not self._same_subject(tok, c):
                continue  # "warned that Russia could attack": a warning about Russia, not a threat
            if c.dep_ in ("xcomp", "ccomp") or c.dep_ == "advcl" and any(
                    x.dep_ == "aux" and x.lower_ == "to" for x in c.children):
                comps.add(c.lemma_.lower())
                deeper |= {g.lemma_.lower() for g in c.children if g.dep_ == "xcomp"}
        for _, g in preps:
            comps |= {x.lemma_.lower() for x in g.children if x.dep_ in ("acl", "relcl", "xcomp")}
        if obj is not None:
            comps |= {x.lemma_.lower() for x in obj.children if x.dep_ in ("acl", "xcomp")}
        # "called the decision unfortunate": a verb of naming, not the bare act ("called Xi")
        small_clause = any(x.dep_ == "oprd" for x in tok.children) or obj is not None and any(
            x.dep_ in ("amod", "oprd") and x.i > obj.i and x.pos_ == "ADJ" for x in obj.children)
        subj_words: set[str] | None = None
        subj_roles: set[str] | None = None
        labelled: tuple[Token | None, list[Token]] | None = None  # a naming verb's small clause (evaluation.label)
        mods = {w for c in tok.children if c.dep_ in ("compound", "amod", "nmod") for w in _words(c)}
        best = None
        oclass: str | None = ""  # the object's class (senses.py), computed when a sense asks for it
        figurative = None  # a default sense of force ruled out by an abstract object
        for p in pats:
            if p.mod is not None and not (mods & p.mod):
                continue
            if p.constraints == 0 and not noun and obj is not None and senses.needs_actor(p.code) \
                    and p.origin in senses.BUILT_IN and not self._names_actor(senses.counted(obj)) \
                    and not senses.gathering(senses.counted(obj)):
                continue  # "called the system crazy", "recognized the holiday": no one called or recognised
            if p.constraints == 0 and not noun and senses.needs_concrete(p.code):
                if oclass == "":
                    oclass = self._object_class(tok, obj)
                if oclass == "abstract":
                    figurative = figurative or p
                    continue
            if p.subj_role is not None:
                if subj_roles is None:
                    subj_roles = self._cause_roles(tok)
                if not (subj_roles & p.subj_role):
                    continue
            if p.label is not None:
                if labelled is None:
                    labelled = evaluation.label(tok) if not noun else (None, [])
                if not labelled[1]:
                    continue
            if p.obj_kind == "thing" and (obj is None or not self._thing(obj)):
                continue
            if p.obj_kind == "private" and (obj is None or not self._private(senses.counted(obj))):
                continue
            if p.obj_kind == "proposition" and (obj is None or not senses.proposition(obj)):
                continue
            if p.subj is not None:
                if subj_words is None:
                    subj_words = self._cause_words(tok)
                if not (subj_words & p.subj):
                    continue
            if small_clause and p.constraints == 0:
                continue
            if p.particle and p.particle not in particles:
                continue
            if p.obj is not None and not (obj_words & p.obj):
                continue
            if p.compound and not any(_children(x, "conj") for x in _children(tok, "nsubj", "nsubjpass")):
                continue
            # the words left of the verb, then the verb as "*" (a slot joined to it: "RECENTLY_*")
            if p.pre is not None and not _holds(p.pre, [(t.lower_, t.lemma_.lower()) for t in tok.sent if t.i < tok.i]
                                                + [(VERB_SLOT, VERB_SLOT)]):
                continue
            if p.post is not None and not _holds(p.post, [(t.lower_, t.lemma_.lower()) for t in tok.subtree if t.i > tok.i]):
                continue
            shallow = 0
            if p.xcomp is not None and not (comps & p.xcomp):
                if not (deeper & p.xcomp):
                    continue
                shallow = 1  # "urged X to stop arming": "stop" decides before "arm"
            if p.pobj is not None:
                pobjs = [g for w, g in preps if p.prep is None or w == p.prep]
                if not any(_words(g) & p.pobj for g in pobjs):
                    continue
            present = p.prep is not None and p.prep in prep_words
            score = 4 * p.constraints + (2 if present else 1 if p.prep is None else 0) - 3 * shallow
            if best is None or score > best[0]:
                best = (score, p, present)
        if figurative is not None and best is not None and best[1].constraints == 0 and best[1].prep is not None \
                and not best[2]:
            best = None  # "engaged in fraud": with its default ruled out, "engage WITH" (absent) is no fallback
        if best is None and figurative is not None and lemma in METAPHOR_VERBS:
            # "attacked the plan", "hammered the proposal": a verb of striking with an idea as its object
            best = (0, replace(figurative, code=senses.rules()[1], intent=None, negated=None), False)
        if best is None or best[1].code == NOT_AN_EVENT:
            return None  # "fired three employees": a sense of the verb that is no event
        cand = _Cand(tok=tok, pat=best[1], noun=noun, prep_present=best[2], obj=obj)
        if best[1].label is not None and labelled:
            cand.obj, cand.label = labelled  # the named object is what the naming is about: the target
        if best[1].target_at and best[1].post:
            right = [t for t in tok.subtree if t.i > tok.i]
            ends = _slot_ends(best[1].post, [(t.lower_, t.lemma_.lower()) for t in right])
            if ends:
                cand.target_from = right[ends[best[1].target_at[0] - 1] - 1].i
        return cand

    def _cause_roles(self, verb: Token) -> set[str]:
        """The KB roles of what did it ("workers" LAB, "troops" MIL), from its actor or its role noun."""
        out: set[str] = set()
        heads = _children(verb, "nsubj") + [g for a in _children(verb, "agent") for g in _children(a, "pobj")]
        if not heads and verb.dep_ in ("conj", "xcomp", "advcl") and not _children(verb, "nsubjpass"):
            heads = _children(verb.head, "nsubj")
        for h in heads:
            for x in _conjuncts(h):
                a = self._resolve(x)
                if a is not None and a.code:
                    role = a.role or (a.code[len(a.country):][:3] if a.country and a.code.startswith(a.country) else "")
                    if role:
                        out.add(role)
                    elif a.kind in ("country", "place"):
                        out.add("STATE")
                r = self._resolver.kb.role_noun(x.lemma_.lower()) or self._resolver.kb.role_noun(x.lower_)
                if r:
                    out.add(r)
        return out

    def _object_class(self, verb: Token, obj: Token | None) -> str | None:
        """What the clause acts on (its direct object and its prepositional objects): "concrete" when
        one names an actor, a person or a place, "abstract" when every one is an abstract noun
        (senses.abstract_word), "thing" otherwise, None when there is no object."""
        objs = list(_conjuncts(obj)) if obj is not None else []
        # every prepositional object ("upon" may be tagged SCONJ: "seizing upon a report")
        # (not a time, nor the place where it happened: "scrambled for votes in Ohio")
        objs += [c for p in _children(verb, "prep") for g in _children(p, "pobj", "pcomp")
                 if g.pos_ in ("NOUN", "PROPN", "VERB", "PRON") and g.ent_type_ not in ("DATE", "TIME")
                 and not (p.lower_ in PLACE_PREPS and g.ent_type_ in ("GPE", "LOC", "FAC")) for c in _conjuncts(g)]
        if not objs:
            return None
        kinds = {"abstract" if self._abstract(o) else "thing" if self._thing(o) else "concrete" for o in objs}
        return "concrete" if "concrete" in kinds else "abstract" if kinds == {"abstract"} else "thing"

    def _names_actor(self, o: Token) -> bool:
        """Whether the head noun itself names an actor, a person or a place (its modifiers aside:
        "the Muslim holiday" names none, "two Chinese diplomats" and "Kosovo" do)."""
        if o.pos_ == "PRON" or o.ent_type_ in ("PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"):
            return True
        kb = self._resolver.kb
        return self._resolve(o) is not None or bool(kb.role_noun(o.lemma_.lower()) or kb.role_noun(o.lower_)) \
            or o.lemma_.lower() in ANIMATE_NOUNS

    def _abstract(self, o: Token) -> bool:
        """An abstract head noun that names no actor: its modifiers say whose it is ("the Times report",
        "Trump's plan"), not what it is."""
        kb = self._resolver.kb
        return senses.abstract_word(o) and self._resolve(o) is None and not (
            kb.role_noun(o.lemma_.lower()) or kb.role_noun(o.lower_))

    def _private(self, obj: Token) -> bool:
        """An object of private people and no party: "welcomed several hundred guests", "tourists",
        "the Italian chef" (doers.private_noun), not "welcomed Xi" or "welcomed Chinese officials"."""
        from .doers import private_noun  # (doers needs conventions, which needs this module)

        if obj.pos_ != "NOUN" or not private_noun(obj, self._resolver.kb):
            return False
        a = self._resolve(obj)
        return a is None or not political(a)

    def _thing(self, obj: Token) -> bool:
        """An object that is no actor and no person: "killed the bill", "hit a record", not "killed two soldiers"."""
        if obj.pos_ == "PRON" or obj.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
            return False
        if obj.ent_type_ in THING_ENTITIES:
            return True  # a law, a sum, a work or a product named ("asserted his Fifth Amendment right")
        if self._resolve(obj) is not None:
            return False
        if any(c.dep_ in ("amod", "compound", "poss", "nmod") and (c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
                                                               or self._resolve(c) is not None) for c in obj.children):
            return False  # "two Chinese engineers", "Kenya's envoy": people of a party
        if self._resolver.kb.role_noun(obj.lemma_.lower()) or self._resolver.kb.role_noun(obj.lower_):
            return False
        return obj.lemma_.lower() not in ANIMATE_NOUNS

    @staticmethod
    def _cause_words(verb: Token) -> set[str]:
        """The words of what did it: the active subject or the passive by-agent, with its modifiers
        ("a roadside bombing killed", "were killed by an improvised explosive device")."""
        out: set[str] = set()
        heads = _children(verb, "nsubj") + [g for a in _children(verb, "agent") for g in _children(a, "pobj")]
        if not heads and verb.dep_ in ("advcl", "conj") and not _children(verb, "nsubjpass"):
            heads = _children(verb.head, "nsubj")  # "a car bomb exploded in Baghdad, killing 12 policemen"
        for h in heads:
            # "the arrival of African Union peacekeeping troops": the head and what it is made of
            heads_of = [h] + [g for w, g in _preps(h) if w == "of"]
            for x in heads_of:
                out |= _words(x)
                for c in x.children:
                    if c.dep_ in ("compound", "amod", "nmod"):
                        out |= _words(c)
        return out

    def _same_subject(self, head: Token, comp: Token) -> bool:
        """Whether a that-clause has the speaker as its subject ("Iran warned that it would ...")."""
        cs = _children(comp, "nsubj")
        if not cs:
            return True
        if cs[0].lower_ in ("we", "i"):
            return True
        hs = _children(head, "nsubj")
        a = self._resolver.resolve(cs[0]) if cs[0].pos_ == "PRON" else None
        return bool(hs) and a is not None and a is self._resolver.resolve(hs[0])

    @staticmethod
    def _shared_object(verb: Token) -> Token | None:
        """ "donated and delivered goods": the first verb shares the object of its conjunct."""
        if any(c.i > verb.i and c.dep_ not in ("cc", "conj", "punct", "advmod") for c in verb.children):
            return None
        for c in verb.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and not _children(c, "nsubj", "nsubjpass"):
                o = _object(c)
                if o is not None:
                    return o
        return None

    def _govern(self, t: _Cand, cands: dict[int, _Cand]) -> None:
        """Find the trigger T is embedded under, and settle which of the two is coded."""
        tok = t.tok
        path: list[str] = []
        cur = tok
        steps = 0
        while (cur.dep_ in EMBED_DEPS or cur.dep_ == "conj" and cur.head.dep_ in EMBED_DEPS | {"conj"}) \
                and cur.head.i != cur.i and steps < 8:
            dep = cur.dep_
            if dep == "conj":  # "urged X to stop arming Taiwan and to support ...": the first conjunct's place
                cur = cur.head
                steps += 1
                continue
            if dep == "pobj" and cur.head.lower_ in ADJUNCT_PREPS and cur.head.head.pos_ in ("VERB", "AUX"):
                return  # "after his meeting with X, Y flew home": an adjunct, not an argument
            if dep == "advcl" and not self._purpose(cur):
                return
            if dep == "compound" and not t.noun:
                return
            path.append(dep)
            head = cur.head
            steps += 1
            hl = head.lemma_.lower()
            if head.i in cands and head.i != tok.i:
                g = cands[head.i]
                self._settle(t, g, path)
                return
            if dep in CLAUSAL and head.pos_ in ("VERB", "AUX", "ADJ"):
                if hl in NEGATING_HEADS:
                    t.suppressed = True
                    return
                if hl in REPORT_HEADS:
                    return
            cur = head

    @staticmethod
    def _purpose(tok: Token) -> bool:
        """An infinitival purpose clause: "... to allow the delivery", no subject of its own."""
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and not _children(tok, "nsubj", "nsubjpass")

    def _settle(self, t: _Cand, g: _Cand, path: list[str]) -> None:
        glemma = g.tok.lemma_.lower()
        groot = g.pat.code[:2]
        if g.pat.origin == "verb_classes.yaml" and g.pat.is_default and not g.noun and path[0] in (
                "xcomp", "ccomp", "dobj"):
            # a verb coded only by its default sense ("allowed", "conceded") yields to the specific act
            # its complement or object names: "allowed the convoy to cross", "conceded that troops withdrew";
            # when that act codes nothing (a passive with no agent: "hammers X: 'you should be investigated'")
            # the verb is coded itself (stage._events_for)
            g.yields.append(t)
            return
        if (len(path) >= 2 and path[0] in ("acl", "xcomp") and path[1] == "dobj" and not t.noun
                and t.tok.head.lemma_.lower() in INTENT_NOUNS and t.tok.head.lemma_.lower() not in (
                    "invitation", "request", "call", "appeal", "demand")):
            # "reached a consensus to share intelligence", "rejected an offer to host a summit"
            if glemma in REFUSAL_HEADS:
                t.refused = True
                g.deferred.append(t)
                return
            if groot in ("01", "03") or g.pat.code in ("050", "057") or glemma in (
                    "reach", "make", "strike", "sign", "announce", "unveil"):  # not "praised the decision to ..."
                t.intent_head = True
                g.deferred.append(t)
                return
        if path[0] == "pcomp" and t.tok.head.lower_ in ("against", "from") and not g.noun:
            t.suppressed = True  # "warned X against conducting a test": what X should not do
            return
        clausal = path[0] in ("xcomp", "ccomp", "acomp") or path[0] == "pcomp" and glemma in INTENT_HEADS
        if g.pat.code in ("010", "01") or groot == "01" and path[0] in ("ccomp", "xcomp", "advcl", "parataxis") or (
                glemma in SPEECH_VERBS and path[-1] in ("ccomp", "parataxis")):  # the clause the verb reports
            return  # reported speech or an announcement's content: coded on its own
        if glemma in INTENT_HEADS and not g.noun and not clausal and any(d in ("xcomp", "ccomp") for d in path) \
                and t.noun and g.pat.constraints == 0:
            t.intent_head = True  # "promised to continue military aid to X": the aid, as an intent
            t.threat_head = glemma in THREAT_HEADS
            g.deferred.append(t)
            return
        if glemma in INTENT_HEADS and clausal and not g.noun:
            if g.pat.xcomp is not None and t.tok.lemma_.lower() in g.pat.xcomp and glemma not in ("agree",):
                t.suppressed = True
                g.complement = t  # "threatened to break relations with Qatar": the target is Russia
                return
            t.agreed = glemma == "agree"
            t.intent_head = True
            t.threat_head = glemma in THREAT_HEADS
            g.deferred.append(t)
            return
        if glemma in REFUSAL_HEADS and clausal:
            t.refused = True
            g.deferred.append(t)
            return
        if glemma in NEGATING_HEADS and clausal:
            t.suppressed = True
            return
        if (g.pat.constraints == 0 and glemma in LIGHT_VERBS and t.noun and path[0] in ("dobj", "attr")
                and not g.noun):
            g.suppressed = True  # "paid a visit to China": the visit is the event
            t.light_subject = g.tok
            return
        if groot in ("02", "10"):
            t.suppressed = True
            if g.complement is None and (path[0] in ("xcomp", "ccomp") or path[0] == "advcl" and self._purpose(t.tok)):
                g.complement = t
            return
        t.suppressed = True
        if t.noun:
            g.embedded.append(t)


VERB_SLOT = "*"  # the verb itself among the words a pattern's context is matched against


def _holds(slots: tuple[tuple[frozenset[str], bool], ...], words: list[tuple[str, str]]) -> bool:
    """Whether words (form, lemma) hold a pattern's slots in order (a dictionary's "SAID WOULD *" left
    of the verb, "* &TIETYPES TIES" right of it): a slot joined to the one before it follows it with
    no word between; other slots may have words between them. A word of a phrase matches the
    form or the lemma ("EFFORT" matches "efforts")."""
    return _slot_ends(slots, words) is not None


def _slot_ends(slots: tuple[tuple[frozenset[str], bool], ...], words: list[tuple[str, str]]) -> list[int] | None:
    """Where each slot's match ends (an index past its last word), for the first way the words hold
    the slots (see _holds); None when they do not."""
    def fits(k: int, begin: int) -> list[int] | None:  # slots[k:] in words[begin:]
        if k == len(slots):
            return []
        phrases, joined = slots[k]
        for start in ([begin] if joined and k else range(begin, len(words))):
            for phrase in phrases:
                ws = phrase.split()
                if all(start + j < len(words) and w in words[start + j] for j, w in enumerate(ws)):
                    rest = fits(k + 1, start + len(ws))
                    if rest is not None:
                        return [start + len(ws), *rest]
        return None

    return fits(0, 0)
