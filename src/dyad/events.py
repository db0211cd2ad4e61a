"""The events stage: who did what to whom, coded in CAMEO from spaCy's dependency parse.

TRIGGERS. A trigger is a verb (or a noun such as "meeting", "visit", "sanctions") that matches a
pattern of the verb lexicon (`data/verbs.yaml`, documented there). Of a lemma's patterns only those
whose constraints ALL hold compete (particle, object words, complement verbs, prepositional
object); the most specific wins (4 points per constraint), then a pattern whose preposition is
present (+2) beats one that names none (+1), which beats one whose preposition is absent (0): "gave
Tanzania a grant" still takes the {give, obj: grant, prep: to} family, "drills around Taiwan" and
"drills with Russia" pick their own patterns. Ties: file order. A preposition counts as present
when it hangs on the trigger or on its object ("imposed sanctions on Iran" is parsed both ways);
"on Monday" (a date) is no preposition. Nouns that only modify another noun are not triggers.

SOURCE. The active subject (through coordination, open complements, participles and relative
clauses; "urged Iran to release" makes Iran the subject of "release"), else the passive `by`-agent
("is opposed to", "is committed to" are states of their subject, not passives); for nouns the
possessor / compound / adjective ("Russia's", "US", "Chinese"), a `by`-phrase, the subject of the
verb the noun is an argument of ("X held a meeting with Y") or of the verb its phrase modifies ("In
a meeting with Y, X said ..."). Inside reported speech a clause whose subject is no actor, or an
unresolved pronoun, takes the speaker ("Hungary said it will support ..."); a passive without agent
never does. A subject that is not itself an actor is searched a step or two down ("officials of the
foreign ministry", "thousands of Nigerians", "opposition groups in Zimbabwe"); a plural noun named
by a demonym ("Algerian landowners") is a people, not its state. Unnamed protesters are the people
of the place they protest in; an unnamed group with a role and no country ("rebels", "police",
"opposition supporters", LOCATED_ROLES) takes the country of the place its clause names ("police
arrested opposition supporters in Harare": ZWECOP 173 ZWEOPP), and without a place is no party. Violence (17-20, not conventional force 19) or an arrest with no
named perpetrator — a passive without agent, or a subject that is an instrument or an unnamed
attacker ("a roadside bomb", "gunmen", see UNIDENTIFIED_CAUSES) — takes the country where it
happened as its source, as a place ("killed by a roadside bomb near Samarra" -> IRQ 183 USAMIL),
the way event data codes unidentified actors. A dateline ("SEOUL —") is never an actor.

TARGET: the first candidate, in this order, that yields an actor which is not the source's own
party (see ACTORS):
1. the passive subject ("Kabul was shelled");
2. the object of the preposition the pattern names (with, to, against, on, over, from, ...),
   or an actor inside it ("to refugees fleeing the war in Liberia");
3. for patterns whose object is a thing (`obj`): the indirect object ("gave Tanzania a grant"),
   then actors inside the object: its `by`-agent, "of"-phrase and other prepositional phrases
   ("the withdrawal of Russian troops", "sanctions on Iran", "actions by China"), its possessor /
   adjective / compound ("expelled two Russian diplomats", "Reagan's statement"); otherwise the
   direct object itself, then the same look inside it. Inside an object, a state source's own
   country, state or citizens are a topic, not a target ("raised the detention of US citizens"),
   except as the recipient of a "to" ("reneged on his commitment to the Zambian people"); for
   rebels or opposition their own state is a party ("demanded the removal of President X");
3a. for a pattern that requires a complement verb, that complement's object ("attempted to
   assassinate X");
3b. an event noun among the arguments: its agent when that is another party ("denounced Serbia's
   suppression of ..."), else its target ("lifted its sanctions on Iran");
3c. for threats and intents with a complement pattern, the complement's own target ("threatened
   to break relations with Russia");
4. the subject of a complement clause ("demanded that X withdraw", "allowed X to run",
   "insisted on its demands that X ...");
5. the objects of the trigger's other prepositions (to, with, against, on, at, from, ...), unless
   the pattern named a preposition that is absent;
6. a purpose clause's object ("opened the bridge to allow deliveries to Afghanistan"), or for a
   purpose clause the object of the act it serves ("summoned X's envoy to complain");
7. the party a motive names: "in protest against X", "in retaliation for X's ...", "in defiance
   of X"; for concessions and cooperation, the counterpart of the talks they followed ("called
   off the strike after talks with the government"); for threats and intents, the subject of an
   unless/if clause ("threatened to strike unless Israel withdraws" targets Israel);
8. material conflict (14, 15, 17-20), threats of administrative or material acts (13x under a
   complement, not the threatening verb's own "in X") and truces (087x; CAMEO: "the target could
   be the location for the ceasefire"): a protest's organisation ("outside Parliament", "at the
   US embassy"); the country whose territory it happens in when that is not the source's own
   ("troops on alert in the West Bank"); else the source's own country as a place, so that a
   domestic act is a dyad ("a curfew in Algiers": DZAGOV 1323 DZA; "blew up power lines leading
   into Kabul": AFGREB 1712 AFG). The place is a location, never the same party as a state actor;
   curfews, martial law and bans on parties (DOMESTIC_CODES) with no place target the state's own
   country;
9. implicit counterpart: relation reductions (16) and verbal conflict (10-13) whose pattern
   expects an object or preposition but found no party take the other country of the article's
   dominant dyad: the pair of countries that makes up at least half of the article's two-sided
   events, and at least two of them ("China cut off military channels in protest against ..."
   in an article about US-China talks -> CHN 161 USA). A single sentence never has one. An
   event whose only target is a role-coded actor with no country ("LEG") takes the counterpart
   instead when there is one.

COMPLEMENTS AND EMBEDDED TRIGGERS. A trigger embedded under another one (through complements,
objects, argument prepositions, purpose clauses, relative clauses, noun complements and
coordination inside them) is governed by it; adjunct phrases of a verb ("after his meeting with
X, Y flew home") are not embedded:
- under a statement (010 "said", "announced") it is coded on its own; the statement itself is a
  010 only if nothing else in the sentence is coded. "X said Y must/should/has to Z" is a demand
  by X on Y (10x mirroring Z's intent code: "must withdraw" -> 1056; no coded Z -> 100);
- under intent heads (plan, promise, pledge, vow, offer, agree, ready, willing, prepared, ...) the
  complement takes its `intent` code (03x for cooperation, 13x for conflict; CAMEO's own pairing
  when the pattern names none) and the head is dropped; under threaten/warn only a 13x threat
  replaces the head ("threatened to attack South Korea" -> 1384). A head whose pattern names the
  complement ({threaten, xcomp: [break, ...]}) keeps its code and takes the complement's target.
  "reached a consensus to X", "an offer to X" make X an intent the same way;
- under refuse/decline/reject the complement takes its `negated` code, else the 12x mirror of its
  intent code ("refused to release" -> 1243); under fail/avoid/refrain/deny it is no event;
- under an appeal or demand (02x/10x: urge, call on, ask, demand, order, ...) the head alone is
  coded; a bare head takes the code mirroring the complement's intent ("urged Iran to release"
  -> 0253, "demanded that Israel withdraw" -> 1056);
- under any other coded trigger the embedded one is dropped: "lifted sanctions on Iran" is 085
  only, "suspended talks with Hamas" 164, "accused X of violating" 112, "cancelled a visit to
  Haiti" 161 (the governing verb takes the noun's target, rule 3b). A bare light verb ("have",
  "hold", "pay", "press", ...) yields to its event noun ("paid a visit to China" is the visit).
- An infinitive hanging on a noun ("pressure to help Iran", "efforts to mediate") has not
  happened; on a plan/pledge/offer it is an intent.

NEGATION AND MODALITY.
- Negated past or perfect acts did not happen and are not coded: "China has not agreed to go
  ahead" is neither an agreement nor a rejection (CAMEO's 12x codes are for explicit refusals,
  and "has not agreed" reports a state of talks, not a refusal).
- A refusal is an event: refuse/decline/reject + complement, a negated future or volitional form
  ("will not accept", "is not willing to", "won't"), and a negated present stance ("we do not
  support") take the pattern's `negated` code (a 12x rejection, or 011 for "would not comment"),
  with `negated` set. Without a `negated` code such forms are dropped.
- will/would/shall/going to, intent heads and "is to" turn an act into its intent code.
- Conditional clauses (if, unless, whether), questions and speculation (could/may/might) are not
  events; the main clause of a conditional is ("X will withdraw its peacekeepers unless ..." is a
  13x threat through withdraw's intent code).

COORDINATION. Coordinated sources and targets give one event per source-target pair. A `mutual`
pattern with coordinated subjects and no target ("X and Y agreed", "talks between X and Y") gives
both directions, X->Y and Y->X; "X met with Y" is one event X->Y. Coordinated verbs share an
object that follows them both ("donated and delivered goods to ...").

ACTORS. Source and target are actors of the actors stage with a CAMEO code. By default an event
needs both (PETRARCH's require_dyad); `one_sided=True` also emits events with one side. The two
sides must be different parties: not the same actor, and not one country's state on both sides
(USAGOV and USA, or two GOV actors of one country); a government and its rebels, opposition,
courts or citizens are different parties; an official and his own country or state are one party; an
event with the same code on both sides says nothing of a dyad and is dropped unless both are people or
one side is a place; nothing is done to oneself ("shot himself"; a suicide bombing still is). Violence
verbs between unarmed people and parties ("the ad hits Trump", "pounding Trump as a con artist") are
criticism, 111 (METAPHOR_VERBS). An actor the actors stage could code only with a role
("GOV", no country) stands for the country or organisation its own noun phrase names ("South
African leader de Klerk", "U.N. Secretary-General Kofi Annan") when there is one.

DEDUP AND ORDER. The same (source, target, code) stated twice in one article is one event with
`mentions` = 2. Events come in article order; within a sentence, main-clause events first.

DATES AND PLACE. An event's date is the first date expression of its own clause, else of the
clauses it depends on, else of the report that carries it ("..., officials said Tuesday"),
resolved against the publication date (`dates.clause_date`); dates that bound a period ("since
2018", "until May") do not date the event; no expression -> the publication date. `place` is the
name of the place an "in/at/near ..." phrase of the trigger (or its verb) names.
"""
from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from . import dates, ontology
from .actors import LOCATED_ROLES, Resolver, stance_prefixed
from .types import Actor, Event

INTENT_AUX = {"will", "would", "shall", "'ll", "wo"}  # "wo" is the first half of "won't"
SPECULATIVE_AUX = {"could", "may", "might"}
OBLIGATION_AUX = {"must", "should"}
INTENT_HEADS = {"plan", "intend", "promise", "pledge", "vow", "offer", "aim", "want", "wish", "prepare", "propose",
                "agree", "seek", "undertake", "resolve", "mean", "threaten", "warn", "expect", "hope", "commit",
                "volunteer", "move", "go"}
INTENT_ADJ = {"ready", "willing", "prepared", "set", "poised", "eager", "determined", "keen", "due", "likely",
              "expected", "committed", "about"}
THREAT_HEADS = {"threaten", "warn"}
DESIRE_HEADS = {"want", "wish", "hope", "expect", "like", "prefer", "need", "fear", "doubt", "believe", "think"}
REFUSAL_HEADS = {"refuse", "decline", "reject"}
NEGATING_HEADS = {"fail", "avoid", "refrain", "deny", "dismiss", "refute", "rebut", "neglect", "cease"}
REPORT_HEADS = {"say", "tell", "announce", "state", "add", "declare", "report", "claim", "insist", "reiterate",
                "stress", "note", "confirm", "reveal", "explain", "argue", "assert", "emphasize", "emphasise",
                "indicate", "write", "tweet", "affirm", "believe", "think", "quote", "acknowledge", "admit",
                "warn", "caution", "predict", "suggest", "hint", "signal", "maintain", "contend"}
LIGHT_VERBS = {"have", "hold", "make", "pay", "give", "take", "conduct", "stage", "launch", "mount", "carry",
               "begin", "start", "continue", "resume", "undertake", "lead", "get", "do", "see", "expect", "plan",
               "propose", "announce", "consider", "press", "push", "pursue", "intensify", "escalate", "expand",
               "step", "widen", "deepen", "keep", "maintain", "complete", "finish", "end", "conclude"}
REL_PRONOUNS = {"who", "which", "that", "whom", "whose"}
INTENT_NOUNS = {"agreement", "consensus", "deal", "plan", "decision", "pledge", "promise", "offer", "commitment",
                "proposal", "bid", "readiness", "willingness", "intention", "understanding", "invitation", "request",
                "call", "appeal", "demand"}
STATE_ROLES = {None, "", "GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
PROTEST_NOUNS = {"protest", "defiance", "retaliation", "response", "reprisal", "revenge", "solidarity", "support"}
# violence verbs that campaign and opinion writing use for words: "hit", "pounded Trump as a con artist"
METAPHOR_VERBS = {"hit", "pound", "hammer", "batter", "lash", "savage", "bash", "whack", "pummel", "punch", "knock",
                  "attack", "target", "fire", "shoot", "torpedo", "skewer", "gut"}
ARMED_ROLES = {"MIL", "REB", "UAF", "COP", "SPY", "CRM", "INS"}
REFLEXIVES = {"himself", "herself", "itself", "themselves", "oneself", "myself", "ourselves", "yourself"}
# what kills without an attacker, and attacks whose "in" names the attacker's act
ACCIDENTS = {"crash", "accident", "collision", "earthquake", "quake", "flood", "floods", "flooding", "storm", "hurricane",
             "typhoon", "cyclone", "tornado", "avalanche", "landslide", "mudslide", "blaze", "disease",
             "outbreak", "epidemic", "virus", "heatwave", "drought", "stampede", "derailment", "tsunami"}
ATTACK_NOUNS = {"shelling", "attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "raid", "raids",
                "bombardment", "bombing", "bombings", "ambush", "assault", "offensive", "gunfire", "crossfire",
                "clash", "clashes", "fighting", "operation", "crackdown"}
# nouns of negotiation whose "with" names a counterpart
TALK_NOUNS = {"talk", "talks", "deliberation", "deliberations", "negotiation", "negotiations", "consultation",
              "consultations", "meeting", "meetings", "discussion", "discussions", "agreement", "deal"}
# administrative sanctions (and threats of them) a state imposes on its own country: curfews,
# martial law, bans on parties; with no other target, that country is the target
DOMESTIC_CODES = {"172", "1721", "1722", "1723", "1724", "132", "1321", "1322", "1323", "1324"}
# what does violence when no actor is named: its instrument or an unnamed attacker
UNIDENTIFIED_CAUSES = {"bomb", "bombs", "bombing", "bombings", "blast", "blasts", "explosion", "explosions", "device",
                       "devices", "ied", "ieds", "landmine", "landmines", "mine", "mines", "grenade", "grenades",
                       "gunman", "gunmen", "attacker", "attackers", "assailant", "assailants", "bomber", "bombers",
                       "kidnapper", "kidnappers", "sniper", "snipers", "car-bomb", "booby-trap"}
ADJUNCT_PREPS = {"after", "before", "during", "in", "at", "despite", "since", "until", "following", "amid", "amidst",
                 "ahead", "because", "like", "near", "outside", "inside", "throughout", "under", "within",
                 "without", "while", "prior"}
PLACE_PREPS = {"in", "at", "near", "into", "inside", "outside", "throughout", "across", "around", "on"}
OTHER_TARGET_PREPS = ("to", "with", "against", "on", "at", "from", "toward", "towards", "for", "over", "into", "upon")
EMBED_DEPS = {"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "acl", "relcl", "acomp", "attr", "nsubjpass", "advcl",
              "dative", "oprd", "appos", "compound"}
CLAUSAL = {"xcomp", "ccomp", "acomp", "advcl"}
ACTOR_DOWN_DEPS = {"compound", "poss", "amod", "nmod", "appos"}
ACTOR_DOWN_PREPS = ("of", "by", "from", "for", "in", "throughout", "across")
NOT_AN_EVENT = "none"  # the lexicon's code for a sense that is no event ("fired the coach")
VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}
STATIVE = {"oppose", "commit", "determine", "prepare", "dedicate", "concern", "worry", "alarm", "disappoint",
           "satisfy", "engage", "involve", "interest", "dismay", "anger", "outrage", "bind", "resolve"}


@dataclass(frozen=True)
class Pattern:
    code: str
    lemma: str
    particle: str | None = None
    prep: str | None = None
    obj: frozenset[str] | None = None
    pobj: frozenset[str] | None = None
    xcomp: frozenset[str] | None = None
    subj: frozenset[str] | None = None
    noun: bool = False
    intent: str | None = None
    negated: str | None = None
    mutual: bool = False
    reverse: bool = False
    order: int = 0

    @property
    def constraints(self) -> int:
        return sum(x is not None for x in (self.particle, self.obj, self.pobj, self.xcomp, self.subj))


def _set(value) -> frozenset[str] | None:
    if value is None:
        return None
    return frozenset(str(v).lower() for v in (value if isinstance(value, list) else [value]))


@lru_cache(maxsize=4)
def lexicon(path: str | None = None) -> dict[tuple[str, bool], list[Pattern]]:
    """Patterns keyed by (lemma, is_noun), in file order. Unknown codes are an error."""
    text = (open(path, encoding="utf-8").read() if path else
            (resources.files("dyad") / "data" / "verbs.yaml").read_text(encoding="utf-8"))
    known = ontology.codes()
    index: dict[tuple[str, bool], list[Pattern]] = {}
    for n, rec in enumerate(yaml.safe_load(text) or [], 1):
        code = str(rec["code"])
        for c in (code, rec.get("intent"), rec.get("negated")):
            if c is not None and str(c) not in known and str(c) != NOT_AN_EVENT:
                raise ValueError(f"verbs.yaml pattern {n}: unknown CAMEO code {c!r}")
        for key in ("particle", "prep"):
            if isinstance(rec.get(key), bool):
                raise ValueError(f"verbs.yaml pattern {n}: {key} read as a boolean; quote it")
        p = Pattern(code=code, lemma=str(rec["lemma"]).lower(), particle=rec.get("particle"), prep=rec.get("prep"),
                    obj=_set(rec.get("obj")), pobj=_set(rec.get("pobj")), xcomp=_set(rec.get("xcomp")),
                    subj=_set(rec.get("subj")),
                    noun=bool(rec.get("noun")), intent=str(rec["intent"]) if rec.get("intent") else None,
                    negated=str(rec["negated"]) if rec.get("negated") else None, mutual=bool(rec.get("mutual")),
                    reverse=bool(rec.get("reverse")),
                    order=n)
        index.setdefault((p.lemma, p.noun), []).append(p)
    return index


def mirror(intent_code: str | None, family: str) -> str | None:
    """The appeal (02), demand (10) or rejection (12) code that mirrors a 03x intent code.

    CAMEO builds 02x, 03x, 10x and 12x on one list of topics (material cooperation, diplomatic
    cooperation, aid, reform, yielding, meeting, settlement, mediation): 0356 "intend to
    de-escalate" mirrors 0256 "appeal for", 1056 "demand" and 1246 "decline to de-escalate".
    """
    if not intent_code or not intent_code.startswith("03") or len(intent_code) < 3:
        return None
    known = ontology.codes()
    topic, sub = intent_code[2], intent_code[3:]
    if family in ("02", "10"):
        for cand in (family + topic + sub, family + topic, family + "8" if topic == "9" else None, family + "0"):
            if cand and cand in known:
                return cand
        return None
    if family == "12":
        base = {"0": "120", "1": "121", "2": "120", "3": "122", "4": "123", "5": "124", "6": "125", "7": "127",
                "8": "126", "9": "126"}[topic]
        for cand in (base + sub if sub else None, base):
            if cand and cand in known:
                return cand
    return None


_DERIVED_INTENT = {  # CAMEO's own pairing of acts with the 03x/13x codes that announce them
    "04": "036", "05": "032", "057": "030", "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "0333",
    "08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342", "0833": "0343",
    "0834": "0344", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
    "14": "133", "15": "138", "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
    "166": "136", "17": "137", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
    "191": "1381", "192": "1382", "18": "1383", "19": "1384", "20": "1385"}


def derived_intent(code: str) -> str | None:
    """The intent (03x) or threat (13x) code announcing an act, for patterns that name none."""
    for n in (4, 3, 2):
        if code[:n] in _DERIVED_INTENT and len(code) >= n:
            return _DERIVED_INTENT[code[:n]]
    return None


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *[c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON")]]


def _deinflect(word: str) -> list[str]:
    out = []
    if word.endswith("ied"):
        out.append(word[:-3] + "y")
    if word.endswith("ed"):
        out += [word[:-1], word[:-2]]
        if len(word) > 4 and word[-3] == word[-4]:
            out.append(word[:-3])  # "shelled" -> "shell", "stopped" -> "stop"
    if word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e"]
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    return out


def _dateline(tok: Token) -> bool:
    """A dateline word: "SEOUL", "WASHINGTON" before a dash at the start of an article or paragraph."""
    if tok.i - tok.sent.start > 3 or not tok.is_upper or len(tok.text) < 3:
        return False
    doc = tok.doc
    for j in range(tok.i + 1, min(tok.i + 4, len(doc))):
        if doc[j].text in ("\u2014", "\u2013", "--", "-", ":"):
            return True
        if not doc[j].is_upper and doc[j].text not in (",", "."):
            return False
    return False


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


def _role(a: Actor) -> str | None:
    if a.role:
        return a.role
    if a.country and a.code and a.code.startswith(a.country):
        return a.code[len(a.country):len(a.country) + 3] or None
    return None


def _same_party(a: Actor, b: Actor) -> bool:
    """One party on both sides: the same actor, or one country's state acting on that country's state
    (USAGOV and USA); a government and its rebels, opposition or citizens are two parties."""
    if a.id == b.id:
        return True
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
        return False  # a people ("Bosnian Serbs") is not its country's state
    if a.country is None:  # an IGO, NGO or group on both sides
        return a.code == b.code
    ra, rb = _role(a), _role(b)
    if ra in STATE_ROLES and rb in STATE_ROLES:
        return not ra or not rb or ra == rb
    return ra == rb


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
    complement: "_Cand | None" = None  # the complement whose topic a demand/appeal/threat mirrors
    light_subject: Token | None = None  # the light verb whose subject a noun event takes
    embedded: list["_Cand"] = field(default_factory=list)  # suppressed noun triggers in its arguments


class EventStage:
    def __init__(self, one_sided: bool = False, lexicon_path: str | None = None):
        self.one_sided = one_sided
        self.lex = lexicon(lexicon_path)

    # -- the stage ------------------------------------------------------------------------------
    def __call__(self, doc: Doc, resolver: Resolver, published: str | None) -> list[Event]:
        self._cache: dict[int, Actor | None] = {}
        self._placed_cache: dict[str, Actor | None] = {}
        self._home: str | None = None  # see _code: the country an unplaced group is in, for domestic acts
        self._locating: set[int] = set()  # tokens whose place _located is looking for
        self._resolver = resolver
        self._ents = list(doc.ents)  # Doc.ents builds its spans on every access
        found: dict[tuple, Event] = {}
        pending: list[tuple[Event, str, Token]] = []  # events waiting for an article-level target
        for sent in doc.sents:
            sent_events: list[tuple[int, Event, Token, str]] = []
            for ev, depth, trig, need in self._sentence(sent):
                sent_events.append((depth, ev, trig, need))
            if not sent_events:
                continue
            # a reporting verb is a 010 statement only if nothing else in the sentence was coded
            if any(x[1].cameo not in ("010", "01") for x in sent_events):
                sent_events = [x for x in sent_events if x[1].cameo not in ("010", "01")]
            sent_events.sort(key=lambda x: (x[0], x[1].trigger_start or 0))
            sent_dates = [e for e in self._ents if sent.start <= e.start < sent.end and e.label_ == "DATE"]
            for _, ev, trig, need in sent_events:
                ev.start, ev.end, ev.sentence = sent.start_char, sent.end_char, sent.text
                got = dates.clause_date(trig, published, sent_dates)
                ev.date = got[0] if got else published
                if ev.source is None or ev.target is None or need:
                    pending.append((ev, need, trig))  # completed below, or emitted one-sided
                else:
                    self._add(found, ev)
        self._complete(found, pending)
        return sorted(found.values(), key=lambda e: e.start)  # stable: within a sentence, main clause first

    @staticmethod
    def _add(found: dict[tuple, Event], ev: Event) -> None:
        key = (ev.source or ev.source_code, ev.target or ev.target_code, ev.cameo)
        if key in found:
            found[key].mentions += 1
        else:
            found[key] = ev

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
            if id(ev) not in done and (self.one_sided or (ev.source is not None and ev.target is not None)):
                self._add(found, ev)

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

    # -- one sentence ---------------------------------------------------------------------------
    def _sentence(self, sent: Span) -> list[tuple[Event, int, Token, str]]:
        cands: dict[int, _Cand] = {}
        for tok in sent:
            c = self._match(tok)
            if c is not None:
                cands[tok.i] = c
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
        question = sent.text.rstrip().rstrip("\"'\u201d\u2019)").endswith("?")
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
            if c.deferred and any(self._events_for(t, memo) for t in c.deferred):
                res = []
            else:
                res = self._code(c)
        memo[c.tok.i] = res
        return res

    # -- matching -------------------------------------------------------------------------------
    def _match(self, tok: Token) -> _Cand | None:
        if tok.pos_ == "VERB" or (tok.tag_ in VERB_TAGS and tok.pos_ in ("ADJ", "NOUN", "AUX") and tok.dep_ != "compound"):
            noun = False
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":
            noun = True
        else:
            return None
        lemma = tok.lemma_.lower()
        pats = self.lex.get((lemma, noun)) or self.lex.get((tok.lower_, noun))
        if not pats and not noun:
            for cand in _deinflect(tok.lower_):  # spaCy's lemmatizer: "staged" -> "stag"
                pats = self.lex.get((cand, False))
                if pats:
                    break
        if not pats:
            return None
        obj = None
        if not noun:
            obj = _object(tok)
            if obj is None and _passive(tok):
                sp = _children(tok, "nsubjpass")
                obj = sp[0] if sp else (tok.head if tok.dep_ == "acl" else None)
            if obj is None:
                obj = self._shared_object(tok)
            if obj is None and (tok.dep_ in ("acomp", "amod") or _stative(tok)):
                for w, g in _preps(tok):  # "is opposed to French mediation", "is committed to reform"
                    if w == "to" and g.pos_ in ("NOUN", "PROPN"):
                        obj = g
                        break
        particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod", "prep", "acomp")}
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
        best = None
        for p in pats:
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
        if best is None or best[1].code == NOT_AN_EVENT:
            return None  # "fired three employees": a sense of the verb that is no event
        return _Cand(tok=tok, pat=best[1], noun=noun, prep_present=best[2], obj=obj)

    @staticmethod
    def _cause_words(verb: Token) -> set[str]:
        """The words of what did it: the active subject or the passive by-agent, with its modifiers
        ("a roadside bombing killed", "were killed by an improvised explosive device")."""
        out: set[str] = set()
        heads = _children(verb, "nsubj") + [g for a in _children(verb, "agent") for g in _children(a, "pobj")]
        if not heads and verb.dep_ in ("advcl", "conj") and not _children(verb, "nsubjpass"):
            heads = _children(verb.head, "nsubj")  # "a car bomb exploded in Baghdad, killing 12 policemen"
        for h in heads:
            # "the first deployment of NATO peacekeeping troops": the head and what it is made of
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

    # -- governance -----------------------------------------------------------------------------
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
        if (len(path) >= 2 and path[0] in ("acl", "xcomp") and path[1] == "dobj" and not t.noun
                and t.tok.head.lemma_.lower() in INTENT_NOUNS and t.tok.head.lemma_.lower() not in (
                    "invitation", "request", "call", "appeal", "demand")):
            # "reached a consensus to exchange information", "rejected an offer to host a summit"
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
        if g.pat.code in ("010", "01") or groot == "01" and path[0] in ("ccomp", "xcomp", "advcl", "parataxis"):
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
                g.complement = t  # "threatened to break relations with Russia": the target is Russia
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

    # -- obligations under reports: "X said Y must Z" -------------------------------------------
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

    # -- coding one trigger ---------------------------------------------------------------------
    def _code(self, c: _Cand) -> list[tuple[Event, int, Token, str]]:
        tok, p = c.tok, c.pat
        if self._hypothetical(tok):
            return []
        if (not c.noun and tok.dep_ == "acl" and not c.intent_head and not c.refused
                and any(x.dep_ == "aux" and x.lower_ == "to" for x in tok.children)):
            # "pressure to help Iran", "efforts to mediate": what a noun aims at has not happened;
            # a plan, pledge or offer to do it is an intent
            if tok.head.lemma_.lower() in INTENT_NOUNS and (p.intent or derived_intent(p.code)):
                c.intent_head = True
            else:
                return []
        code, negated = p.code, False
        if c.noun:
            if any(x.dep_ == "det" and x.lower_ == "no" for x in tok.children):
                return []
            if self._nonfactual(tok):
                return []
            if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "as") and tok.lemma_.lower() in PROTEST_NOUNS | {
                    "violation", "breach", "contravention"}:
                return []  # "in protest against X", "in retaliation for": a motive, not an event
            if self._noun_intent(tok) or c.intent_head:
                code = p.intent or derived_intent(p.code) or code
        else:
            if tok.dep_ == "advcl" and self._purpose(tok) and self._negated(tok.head, c):
                return []  # "would not give permission to Russia to help Israel": no help, no refusal of it
            neg = self._negated(tok, c)
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
        if c.obj is not None and c.obj.lower_ in REFLEXIVES and not c.noun and not p.code.startswith("18"):
            return []  # "shot himself": no one else is acted on (but "blew themselves up in Tel Aviv" is a bombing)
        if p.code[:2] in ("18", "19", "20") and not c.noun and (self._cause_words(tok) | {
                g.lemma_.lower() for w, g in _preps(tok) if w == "in"}) & ACCIDENTS:
            return []  # "victims killed by the crash", "died in a fire": no one attacked
        sources, passive_target = self._sources(c)
        if not sources:
            sources = self._attack_agent(c, code) or self._unidentified(c, code)
        # a government, police or court arresting, banning or pardoning an unnamed group acts at home
        homes = {s.country for s in sources if s.country and _role(s) in ("GOV", "COP", "JUD")}
        self._home = next(iter(homes)) if len(homes) == 1 and code[:2] in ("08", "17") else None
        try:
            targets, need = self._targets(c, sources, passive_target, code)
        finally:
            self._home = None
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
        if p.reverse and not negated:  # "Ukraine received military aid from the US": the US gave it
            pairs = [(t, s) for s, t in pairs]
        if code[:2] in ("18", "19", "20") and tok.lemma_.lower() in METAPHOR_VERBS and pairs and all(
                s is not None and t is not None and _unarmed(s) and _unarmed(t) and (t.kind == "person" or _role(t))
                for s, t in pairs):
            code = "111"  # "Clinton hit Trump for not paying taxes": words, not force
        out = []
        depth = self._depth(tok)
        for s, t in pairs:
            ev = self._event(s, t, code, tok, negated)
            if ev is not None:
                ev.place = self._place(tok)
                out.append((ev, depth, tok, need if t is None or _role_only(t) else ""))
        return out

    @staticmethod
    def _nonfactual(noun: Token) -> bool:
        """A noun inside an infinitive that hangs on a noun or states a purpose ("room to bargain in talks
        with X", "flew in to attend talks with X"): what is aimed at has not happened."""
        h = noun
        for _ in range(6):
            if h.head.i == h.i:
                return False
            h = h.head
            if h.pos_ in ("VERB", "AUX"):
                infinitive = any(x.dep_ == "aux" and x.lower_ == "to" for x in h.children) and not any(
                    x.dep_ in ("nsubj", "nsubjpass") for x in h.children)
                return infinitive and (h.dep_ == "acl" and h.head.lemma_.lower() not in INTENT_NOUNS or h.dep_ == "advcl")
        return False

    @staticmethod
    def _depth(tok: Token) -> int:
        d = 0
        while tok.head.i != tok.i and d < 50:
            tok = tok.head
            d += 1
        return d

    # -- modality -------------------------------------------------------------------------------
    @staticmethod
    def _chain(verb: Token):
        """The verb and the heads it inherits modality from: open complements, coordination, and
        the verb whose object the clause completes ("would not give permission to help")."""
        v = verb
        yield v
        for _ in range(5):
            if v.dep_ in ("xcomp", "acomp", "conj") and v.head.i != v.i:
                v = v.head
                yield v
            elif v.dep_ == "acl" and v.head.dep_ == "dobj" and v.head.head.pos_ in ("VERB", "AUX"):
                v = v.head.head
                yield v
            elif v.dep_ == "advcl" and any(x.dep_ == "aux" and x.lower_ == "to" for x in v.children) \
                    and not any(x.dep_ in ("nsubj", "nsubjpass") for x in v.children):
                v = v.head  # a purpose clause shares its head's modality: "will send troops to help"
                yield v
            else:
                break

    def _negated(self, verb: Token, c: _Cand) -> bool:
        for v in self._chain(verb):
            for x in v.children:
                if x.dep_ == "neg" or (x.dep_ == "advmod" and x.lower_ in ("never", "no longer")):
                    return True
                if x.dep_ in ("aux", "auxpass") and any(g.dep_ == "neg" for g in x.children):
                    return True
            if v.i != verb.i and v.lemma_.lower() in REFUSAL_HEADS:
                return True
        if c.obj is not None and c.pat.obj is not None and any(x.dep_ == "det" and x.lower_ == "no" for x in c.obj.children):
            return True
        return False

    def _neg_mode(self, verb: Token) -> str:
        """'refusal' for negated future, volitional or present-stance forms; 'none' for past/perfect."""
        for v in self._chain(verb):
            if v.lemma_.lower() in REFUSAL_HEADS:
                return "refusal"
            auxes = [x for x in v.children if x.dep_ in ("aux", "auxpass")]
            if any(a.lower_ in INTENT_AUX or a.lower_ in ("ca", "can", "cannot") for a in auxes):
                return "refusal"
            if v.lower_ in INTENT_ADJ or v.lemma_.lower() in ("want", "intend", "plan", "wish", "mean"):
                if v.i != verb.i and not any(a.lemma_ == "have" for a in auxes):
                    return "refusal"  # "is not willing to", "does not want to" (not "has not agreed to")
            if v.i == verb.i and any(a.lemma_ == "do" and a.tag_ in ("VBP", "VBZ") for a in auxes):
                return "refusal"  # "we do not support"
            if v.i == verb.i and verb.tag_ in ("VBP", "VBZ") and not auxes:
                return "refusal"
        return "none"

    def _intent(self, verb: Token) -> bool:
        for v in self._chain(verb):
            for a in v.children:
                if a.dep_ == "aux" and a.lower_ in INTENT_AUX:
                    return True
                if a.dep_ == "aux" and a.lower_ == "going" :
                    return True
            if v.i != verb.i:
                if v.lemma_.lower() in INTENT_HEADS or v.lower_ in INTENT_ADJ:
                    return True
                if v.lemma_ == "be" and verb.dep_ == "xcomp" and verb.head.i == v.i:  # "is to visit"
                    return True
            if v.dep_ == "xcomp" and v.head.lower_ in INTENT_ADJ:
                return True
        return False

    def _noun_intent(self, noun: Token) -> bool:
        """A planned or expected visit/meeting: the noun's verb is future or an intent verb."""
        head = noun.head
        if noun.dep_ in ("dobj", "nsubjpass", "pobj") and head.pos_ in ("VERB", "AUX"):
            if head.lemma_.lower() in ("plan", "propose", "expect", "schedule", "seek", "want", "offer"):
                return True
            return self._intent(head)
        if any(c.lower_ in ("planned", "proposed", "upcoming", "expected", "scheduled", "future") for c in noun.children):
            return True
        return False

    @staticmethod
    def _hypothetical(tok: Token) -> bool:
        """Conditional clauses, speculation and wishes about others are not events."""
        if tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_.lower() in DESIRE_HEADS and any(
                x.dep_ == "nsubj" for x in tok.children):
            return True  # "Obama wants Putin to attack Switzerland", "hoped X would attend"
        v = tok
        for _ in range(8):
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in v.children):
                return True
            if v.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in SPECULATIVE_AUX for c in v.children):
                return True
            if v.dep_ in ("ROOT",) or v.head.i == v.i:
                break
            if v.dep_ in ("conj", "parataxis", "relcl"):
                break
            v = v.head
        return False

    # -- sources --------------------------------------------------------------------------------
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
            # unnamed protesters ("hundreds of thousands of people blocked streets in Hong Kong")
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
            sp = self._speaker_token(tok)  # reported speech: "Hungary said it will support ..."
            if sp is not None:
                sources = self._actors(sp)
        return sources, passive_tgt

    def _subject(self, verb: Token) -> tuple[Token | None, Token | None]:
        """(source token, passive target token) of a verb."""
        v = verb
        passive_tgt = None
        for _ in range(6):
            subj = _children(v, "nsubj", "csubj")
            if subj:
                s = subj[0]
                if s.lower_ in REL_PRONOUNS and v.dep_ == "relcl":
                    return v.head, passive_tgt
                return s, passive_tgt
            agent = _children(v, "agent")
            if agent:
                pob = _children(agent[0], "pobj")
                sp = _children(v, "nsubjpass")
                return (pob[0] if pob else None), (sp[0] if sp else passive_tgt)
            sp = _children(v, "nsubjpass")
            if sp:
                if _stative(v):
                    return sp[0], passive_tgt  # "Israel is opposed to ..."
                if sp[0].lower_ in REL_PRONOUNS and v.dep_ == "relcl":
                    return None, v.head
                return None, sp[0]
            if v.dep_ == "xcomp" and v.head.i != v.i:
                head = v.head
                o = _object(head)
                if o is not None and head.lemma_.lower() not in ("promise", "pledge", "vow", "offer", "threaten"):
                    return o, passive_tgt  # object control: "urged Iran to release"
                v = head
                continue
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
        """Violence by unnamed attackers ("a roadside bomb killed two soldiers near Samarra", "was shot
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
                elif h.dep_ == "pobj" and h.head.lower_ in ("in", "during", "at", "after", "before", "following", "ahead") \
                        and h.head.head.pos_ in ("VERB", "AUX"):
                    v = h.head.head
            if v is not None:
                s, _ = self._subject(v)
                sources = self._actors(s)
        return sources

    # -- targets --------------------------------------------------------------------------------
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
            # opposition ("crimes by Croatian extremists") remain a party, and so does the state
            # for rebels or opposition who act on it ("rebels demanded the removal of the president"),
            # and so is the recipient of what the object promised ("reneged on his commitment TO the people")
            if via == "to":
                return ok(actors)
            if via == "in":  # "blocked streets in Hong Kong": the source's own place is where, not whom
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
        # 2. the named preposition ("to refugees fleeing the war in Liberia": inside its object too)
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
        # 3c. the target of the act a complement names ("threatened to break relations with Russia")
        comp = c.complement
        if comp is not None and root in ("13", "03"):
            _, ptgt = self._subject(comp.tok)
            got, _ = self._targets(comp, sources, ptgt, comp.pat.code)
            yield got
        # 4. the subject of a complement clause ("demanded that X withdraw", "allowed X to run");
        #    not for denials: "denied that the US was trying ..." is aimed at the accuser, not the US
        for x in (tok.children if code != "016" else ()):
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
                yield first(g for w, g in preps if w == want)
        # 5b. a purpose clause: "opened the bridge to allow deliveries to Afghanistan"; and for a
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
            if obj is not None:  # "blew up power lines leading into Kabul", "a series of bombs in Kabul"
                places = places + [pg for x in obj.children if x.dep_ == "acl" for pg in _preps(x)]
                places = places + [pg for w, g in obj_preps if w == "of" for pg in _preps(g)]
            if root == "14":  # "students throughout Indonesia staged demonstrations"
                for sx in _children(tok, "nsubj"):
                    places = places + _preps(sx)
            places = [(w, g) for w, g in places if w in PLACE_PREPS]
            if root == "14":  # a protest outside a parliament or an embassy is aimed at it
                yield ok([a for w, g in places if w in ("outside", "at") for a in self._actors(g)
                          if a.kind in ("organization", "group")])
            located = [a for w, g in places for a in self._places(g)]
            yield _one_per_country([_as_place(a) if a.kind == "place" else a for a in located
                                    if a.dyad_code not in src_countries and ok([a])])
            # a domestic act (a curfew in Algiers, shelling in Juba, a strike in Lagos): the country
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
                    and self._resolve(x) is not None:
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
            for x in obj.children:  # "an invitation to attend a meeting of Palestinian factions"
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

    # -- actors ---------------------------------------------------------------------------------
    def _resolve(self, tok: Token) -> Actor | None:
        i = tok.i
        if i not in self._cache:
            a = self._resolver.resolve(tok)
            self._cache[i] = a if a is not None and a.code else None
        return self._cache[i]

    def _actors(self, tok: Token | None) -> list[Actor]:
        if tok is None:
            return []
        if tok.lower_ in REL_PRONOUNS and tok.head.dep_ == "relcl":
            tok = tok.head.head  # "Wang Yi, the party's top diplomat, who told him ...": the antecedent
        if tok.pos_ in ("VERB", "AUX"):  # "The Red Cross operating in Iraq said": the participle's subject
            subj = _children(tok, "nsubj", "nsubjpass")
            if not subj:
                return []
            tok = subj[0]
        out: list[Actor] = []
        toks = _conjuncts(tok)
        for x in tok.children:  # "The US, Russia, and Switzerland met": a list misparsed as an apposition
            if x.dep_ == "appos" and any(c.dep_ == "cc" for c in x.children) and _children(x, "conj"):
                toks += _conjuncts(x)
        span = self._resolver.mention_span(tok) if self._resolver.at(tok) is not None else None
        if span is not None:  # a name misparsed into pieces ("Barack" nsubj, "Obama" pobj, "and Putin")
            toks += [c for i in range(*span) if i != tok.i for c in _conjuncts(tok.doc[i])[1:]]
        for t in toks:
            if _dateline(t):
                continue  # "SEOUL — Putin and Kim signed ...": the dateline is not the subject
            a = self._named(t) or self._resolve(t)
            if a is not None and t.pos_ == "PRON" and a.kind == "place" and not (a.code or "").endswith("GOV"):
                a = None  # "it stressed ...": a sea or a region does not speak
            if a is None or _role_only(a):
                b = self._down(t, 2)  # "South African leader de Klerk" when de Klerk is only "GOV"
                if b is None and a is not None:
                    b = self._placed(a)  # "he" -> Annan, "GOV"; "U.N. Secretary-General Kofi Annan" -> UN
                if b is not None and a is not None and b.kind == "country" and a.code:
                    b = _in_country(a, b.code)  # "the Ivory Coast's Supreme Court": CIVJUD
                if b is not None and (a is None or not _role_only(b)):
                    a = b
            if a is not None and _role_only(a) and a.kind == "group":
                # "rebels ambushed a convoy in northern Mali": MLIREB; unplaced, "rebels" is no party
                a = self._located(a, t) or (_in_country(a, self._home) if self._home
                                            else None if a.code in LOCATED_ROLES else a)
            if a is not None and a not in out:
                out.append(a)
        return out

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
                heads += [g for w, g in _preps(x) if g.i != tok.i]  # "on strike in Seoul", "at a jail in Dili"
        for h in heads:
            for w, g in _preps(h):
                if w not in ("in", "at", "near", "across", "throughout", "inside") and not (w == "from" and h.i == tok.i):
                    continue  # "protesters from Hong Kong", but not "expelled from Moscow"
                for a in self._actors(g) if g.i != tok.i else []:
                    if a.kind in ("country", "place") or a.code == a.dyad_code:
                        country = a.country or a.dyad_code
                        if country:
                            return _in_country(actor, country)
        return None

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

    def _placed(self, actor: Actor) -> Actor | None:
        """For an actor the actors stage could code only with a role ("GOV"): the country or
        organisation a modifier of one of its mentions names ("U.N. Secretary-General Kofi Annan")."""
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

    def _down(self, tok: Token, depth: int) -> Actor | None:
        """ "officials of the foreign ministry", "thousands of Nigerians", "Ugandan opposition candidates",
        "China's top diplomat Wang Yi" (the name before the possessor)."""
        kids = sorted((c for c in tok.children if c.dep_ in ACTOR_DOWN_DEPS and c.pos_ != "PRON" and not stance_prefixed(c)),
                      key=lambda c: (c.dep_ not in ("appos", "compound"), c.dep_ == "poss", c.i))
        for c in kids:
            a = self._resolve(c)
            if a is not None and not _role_only(a):
                if a.kind == "country" and c.dep_ in ("amod", "compound") and tok.tag_ in ("NNS", "NNPS"):
                    return replace(a, kind="group")  # "Algerian landowners": a people, not the state
                return a
        if depth <= 0:
            return None
        for c in tok.children:
            if c.dep_ in ("compound", "appos") and c.pos_ in ("NOUN", "PROPN"):
                a = self._down(c, depth - 1)  # "leader" in "South African leader F.W. de Klerk"
                if a is not None:
                    return a
            if c.dep_ == "acl" and c.tag_ == "VBN":  # "crimes committed by Croat forces"
                for ag in _children(c, "agent"):
                    for g in _children(ag, "pobj"):
                        a = self._resolve(g) or self._down(g, depth - 1)
                        if a is not None:
                            return a
        people = tok.pos_ == "PROPN" or self._resolver.kb.role_noun(tok.lemma_) is not None
        for want in ACTOR_DOWN_PREPS:
            if want in ("in", "throughout", "across") and not people:
                continue  # "opposition groups in Zimbabwe", not "streets in Hong Kong" (a place is no owner)
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == want:
                    for g in c.children:
                        if g.dep_ == "pobj":
                            a = self._resolve(g) or self._down(g, depth - 1)
                            if a is not None:
                                return a
        return None

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

    # -- the record -----------------------------------------------------------------------------
    def _event(self, src: Actor | None, tgt: Actor | None, code: str, trigger: Token, negated: bool) -> Event | None:
        if src is not None and tgt is not None and _same_party(src, tgt):
            return None
        if src is not None and tgt is not None and src.code == tgt.code and "location" not in (src.kind, tgt.kind) \
                and (src.kind, tgt.kind) != ("person", "person"):
            return None  # "Trump questioned the U.S. voting system": USA on both sides says nothing of a dyad
        if src is None and tgt is None:
            return None
        if src is None and not self.one_sided:
            return None  # no source: even the dominant dyad cannot complete it
        c = ontology.get(code)
        return Event(
            source=src.id if src else None, source_code=src.code if src else None,
            target=tgt.id if tgt else None, target_code=tgt.code if tgt else None,
            cameo=c.code, root=c.root, quad_class=c.quad_class, goldstein=c.goldstein, plover=c.plover,
            start=trigger.sent.start_char, end=trigger.sent.end_char, trigger=trigger.text, negated=negated,
            name=c.name, trigger_start=trigger.idx, trigger_end=trigger.idx + len(trigger.text),
            source_country=src.dyad_code if src else None, target_country=tgt.dyad_code if tgt else None,
            source_name=src.name if src else None, target_name=tgt.name if tgt else None)
