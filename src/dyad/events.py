"""The events stage: who did what to whom, coded in CAMEO from spaCy's dependency parse.

A trigger is a verb (or a noun such as "meeting", "visit", "sanctions") that matches a pattern
of the verb lexicon (`data/verbs.yaml`, documented there). Among the patterns of a lemma the
most specific one wins: one whose particle, object, complement and preposition constraints
all hold beats a bare lemma. Then:
- source: the active subject, the passive `by`-agent, or the subject inherited through
  coordination and open complements ("agreed to cooperate"); for nominal triggers the
  possessor, a `by`-phrase or the subject of a light verb ("held a meeting with");
- target: the direct object, or the object of the preposition the pattern names;
- negation drops the event unless the pattern names the code its negation means (a refusal);
- future and intent ("will", "plans to", "is ready to") turn it into the pattern's intent code;
- questions and conditional clauses are not events;
- coordinated actors give one event per source-target pair; a `mutual` pattern with
  coordinated subjects and no object ("X and Y agreed") gives both directions.
The same (source, target, code) stated twice in one article is one event with `mentions` = 2.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

from . import dates, ontology
from .actors import Resolver
from .types import Actor, Event

INTENT_AUX = {"will", "would", "shall", "'ll"}
INTENT_VERBS = {"plan", "intend", "promise", "pledge", "vow", "offer", "expect", "aim", "hope", "want", "seek",
                "prepare", "propose", "agree", "decide"}
INTENT_ADJ = {"ready", "willing", "prepared", "set", "poised", "eager"}
REFUSAL_VERBS = {"refuse", "decline", "reject", "fail"}


@dataclass(frozen=True)
class Pattern:
    code: str
    lemma: str
    particle: str | None = None
    prep: str | None = None
    obj: frozenset[str] | None = None
    pobj: frozenset[str] | None = None
    xcomp: frozenset[str] | None = None
    noun: bool = False
    intent: str | None = None
    negated: str | None = None
    mutual: bool = False

    @property
    def specificity(self) -> int:
        return sum(x is not None for x in (self.particle, self.obj, self.pobj, self.xcomp)) * 2 + (self.prep is not None)


def _set(value) -> frozenset[str] | None:
    if value is None:
        return None
    return frozenset(str(v).lower() for v in (value if isinstance(value, list) else [value]))


@lru_cache(maxsize=4)
def lexicon(path: str | None = None) -> dict[tuple[str, bool], list[Pattern]]:
    """Patterns keyed by (lemma, is_noun), most specific first. Unknown codes are an error."""
    text = (open(path, encoding="utf-8").read() if path else
            (resources.files("dyad") / "data" / "verbs.yaml").read_text(encoding="utf-8"))
    known = ontology.codes()
    index: dict[tuple[str, bool], list[Pattern]] = {}
    for n, rec in enumerate(yaml.safe_load(text) or [], 1):
        code = str(rec["code"])
        for c in (code, rec.get("intent"), rec.get("negated")):
            if c is not None and str(c) not in known:
                raise ValueError(f"verbs.yaml pattern {n}: unknown CAMEO code {c!r}")
        p = Pattern(code=code, lemma=str(rec["lemma"]).lower(), particle=rec.get("particle"), prep=rec.get("prep"),
                    obj=_set(rec.get("obj")), pobj=_set(rec.get("pobj")), xcomp=_set(rec.get("xcomp")),
                    noun=bool(rec.get("noun")), intent=str(rec["intent"]) if rec.get("intent") else None,
                    negated=str(rec["negated"]) if rec.get("negated") else None, mutual=bool(rec.get("mutual")))
        index.setdefault((p.lemma, p.noun), []).append(p)
    for pats in index.values():
        pats.sort(key=lambda p: -p.specificity)
    return index


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *[c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON")]]


def _object(verb: Token) -> Token | None:
    objs = _children(verb, "dobj", "dative", "obj")
    if objs:
        o = objs[-1] if len(objs) > 1 and objs[0].dep_ == "dative" else objs[0]
        if o.lower_ in ("that", "which") and verb.dep_ == "relcl":
            return verb.head
        return o
    if verb.dep_ == "relcl" and not _children(verb, "nsubj") and verb.head.pos_ in ("NOUN", "PROPN"):
        return None
    return None


def _dative(verb: Token) -> Token | None:
    d = _children(verb, "dative")
    if d:
        return d[0]
    objs = _children(verb, "dobj")
    return objs[0] if len(objs) > 1 else None


def _prep_objects(head: Token, prep: str) -> list[Token]:
    out = []
    for p in head.children:
        if p.dep_ in ("prep", "agent", "dative") and p.lower_ == prep:
            out += [c for c in p.children if c.dep_ in ("pobj", "pcomp")]
    return out


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The actor-bearing subject of a verb, walking up coordination and open complements."""
    seen = 0
    v = verb
    while v is not None and seen < 5:
        subj = _children(v, "nsubj", "csubj")
        if subj:
            return subj[0], False
        agent = _children(v, "agent")
        if agent:
            pob = _children(agent[0], "pobj")
            if pob:
                return pob[0], False
        if _children(v, "nsubjpass"):
            return None, True  # passive without an agent: the subject is the target
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head is not v:
            v = v.head
            seen += 1
            continue
        if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return v.head, False
        if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head, False
        break
    return None, False


def _negated(verb: Token) -> bool:
    if _children(verb, "neg"):
        return True
    for c in _children(verb, "aux", "auxpass"):
        if _children(c, "neg"):
            return True
    head = verb.head
    if verb.dep_ == "xcomp" and (head.lemma_ in REFUSAL_VERBS or _children(head, "neg")):
        return True
    return False


def _intent(verb: Token) -> bool:
    if any(c.lower_ in INTENT_AUX for c in _children(verb, "aux")):
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and (head.lemma_ in INTENT_VERBS or head.lower_ in INTENT_ADJ):
        return True
    if verb.dep_ == "xcomp" and head.dep_ == "acomp" and head.lower_ in INTENT_ADJ:
        return True
    if head.lower_ in INTENT_ADJ and verb.dep_ in ("xcomp", "advcl"):
        return True
    return False


def _hypothetical(verb: Token) -> bool:
    """Conditional clauses and questions are not events."""
    for t in [verb, *verb.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in t.children):
            return True
    sent = verb.sent
    return sent.text.rstrip().rstrip("\"'\u201d\u2019").endswith("?")


class EventStage:
    def __init__(self, one_sided: bool = False, lexicon_path: str | None = None):
        self.one_sided = one_sided
        self.lex = lexicon(lexicon_path)

    def __call__(self, doc: Doc, resolver: Resolver, published: str | None) -> list[Event]:
        found: dict[tuple, Event] = {}
        for sent in doc.sents:
            sent_events: list[Event] = []
            date = dates.sentence_date(sent, published)
            for tok in sent:
                if tok.pos_ in ("VERB",):
                    sent_events += self._verb_events(tok, resolver)
                elif tok.pos_ in ("NOUN", "PROPN") and (tok.lemma_.lower(), True) in self.lex:
                    sent_events += self._noun_events(tok, resolver)
            # a reporting verb is a 010 statement only if nothing else in the sentence was coded
            if any(e.cameo != "010" for e in sent_events):
                sent_events = [e for e in sent_events if e.cameo != "010"]
            for ev in sent_events:
                ev.start, ev.end, ev.sentence = sent.start_char, sent.end_char, sent.text
                ev.date = date[0] if date else published
                key = (ev.source or ev.source_code, ev.target or ev.target_code, ev.cameo)
                if key in found:
                    found[key].mentions += 1
                else:
                    found[key] = ev
        return list(found.values())

    # -- matching -------------------------------------------------------------------------------
    def _match(self, tok: Token, noun: bool) -> Pattern | None:
        pats = self.lex.get((tok.lemma_.lower(), noun)) or self.lex.get((tok.lower_, noun))
        if not pats:
            return None
        obj = _object(tok) if not noun else None
        for p in pats:
            if p.particle and not any(c.lower_ == p.particle for c in _children(tok, "prt", "advmod", "prep")):
                continue
            if p.obj is not None:
                if obj is None or not ({obj.lemma_.lower(), obj.lower_} & p.obj or
                                       any({c.lemma_.lower(), c.lower_} & p.obj for c in _children(obj, "compound", "amod"))):
                    continue
            if p.xcomp is not None and not any(c.lemma_.lower() in p.xcomp for c in _children(tok, "xcomp", "ccomp")):
                continue
            if p.pobj is not None:
                pobjs = _prep_objects(tok, p.prep) if p.prep else [g for c in _children(tok, "prep") for g in _children(c, "pobj")]
                if not any(x.lemma_.lower() in p.pobj or x.lower_ in p.pobj for x in pobjs):
                    continue
            if p.prep and p.pobj is None and not _prep_objects(tok, p.prep) and p.obj is None and p.xcomp is None:
                # the preposition names the target; a bare use of the verb may still match a later pattern
                if any(q.prep is None and q.obj is None and q.xcomp is None and q.pobj is None and not q.particle for q in pats):
                    continue
            return p
        return None

    def _actors(self, tok: Token | None, resolver: Resolver) -> list[Actor]:
        if tok is None:
            return []
        out = []
        for t in _conjuncts(tok):
            a = resolver.resolve(t)
            if a is None:
                # "officials of the foreign ministry", "the leaders of China": look one step down
                for c in t.children:
                    if c.dep_ in ("compound", "poss", "amod", "nmod") and resolver.at(c):
                        a = resolver.at(c)
                        break
                    if c.dep_ == "prep" and c.lower_ == "of":
                        for g in _children(c, "pobj"):
                            a = resolver.resolve(g)
            if a is not None and a not in out:
                out.append(a)
        return out

    def _verb_events(self, verb: Token, resolver: Resolver) -> list[Event]:
        p = self._match(verb, noun=False)
        if p is None or _hypothetical(verb):
            return []
        code, negated = p.code, False
        if _negated(verb):
            if not p.negated:
                return []
            code, negated = p.negated, True
        elif p.intent and _intent(verb):
            code = p.intent
        subj_tok, passive = _subject(verb)
        if passive:
            target_toks = _children(verb, "nsubjpass")
            sources = []
        else:
            target_toks = []
            sources = self._actors(subj_tok, resolver)
        if p.prep:
            target_toks += _prep_objects(verb, p.prep)
        elif not passive:
            obj = _object(verb)
            dat = _dative(verb)
            if p.obj is not None:
                target_toks += [dat] if dat is not None else []
            elif obj is not None:
                target_toks.append(obj)
        targets = [a for t in target_toks for a in self._actors(t, resolver)]
        if not sources:
            speaker = self._reported_speaker(verb, resolver)
            if speaker is not None:
                sources = [speaker]
        if p.mutual and len(sources) > 1 and not targets:
            pairs = [(a, b) for a, b in itertools.permutations(sources, 2)]
        else:
            pairs = [(s, t) for s in (sources or [None]) for t in (targets or [None])]
        return [e for s, t in pairs if (e := self._event(s, t, code, verb, negated)) is not None]

    def _noun_events(self, noun: Token, resolver: Resolver) -> list[Event]:
        p = self._match(noun, noun=True)
        if p is None:
            return []
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            return []
        sources: list[Actor] = []
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod") and resolver.at(c):
                sources = self._actors(c, resolver)
        sources = sources or [a for t in _prep_objects(noun, "by") for a in self._actors(t, resolver)]
        if not sources and noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
            s, _ = _subject(noun.head)
            sources = self._actors(s, resolver)
        targets: list[Actor] = []
        if p.prep:
            targets = [a for t in _prep_objects(noun, p.prep) for a in self._actors(t, resolver)]
        between = [a for t in _prep_objects(noun, "between") for a in self._actors(t, resolver)]
        if between and not sources:
            pairs = list(itertools.permutations(between, 2)) if p.mutual else [(between[0], b) for b in between[1:]]
        else:
            pairs = [(s, t) for s in (sources or [None]) for t in (targets or [None])]
        return [e for s, t in pairs if (e := self._event(s, t, p.code, noun, False)) is not None]

    def _reported_speaker(self, verb: Token, resolver: Resolver) -> Actor | None:
        for anc in verb.ancestors:
            if anc.lemma_ in ("say", "tell", "announce", "state", "add") and anc.pos_ == "VERB":
                s, _ = _subject(anc)
                if s is not None:
                    return resolver.resolve(s)
        return None

    def _event(self, src: Actor | None, tgt: Actor | None, code: str, trigger: Token, negated: bool) -> Event | None:
        if src is not None and tgt is not None and (src.id == tgt.id or
                                                    (src.dyad_code and src.dyad_code == tgt.dyad_code and src.kind == tgt.kind == "country")):
            return None
        if not self.one_sided and (src is None or tgt is None or not src.code or not tgt.code):
            return None
        if src is None and tgt is None:
            return None
        c = ontology.get(code)
        return Event(
            source=src.id if src else None, source_code=src.code if src else None,
            target=tgt.id if tgt else None, target_code=tgt.code if tgt else None,
            cameo=c.code, root=c.root, quad_class=c.quad_class, goldstein=c.goldstein, plover=c.plover,
            start=trigger.sent.start_char, end=trigger.sent.end_char, trigger=trigger.text, negated=negated,
            name=c.name, trigger_start=trigger.idx, trigger_end=trigger.idx + len(trigger.text),
            source_country=src.dyad_code if src else None, target_country=tgt.dyad_code if tgt else None,
            source_name=src.name if src else None, target_name=tgt.name if tgt else None)
