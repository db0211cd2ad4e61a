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
unresolved pronoun, takes the speaker ("Chile said it will support ..."); a passive without agent
never does. A subject that is not itself an actor is searched a step or two down ("officials of the
foreign ministry", "thousands of Peruvians", "opposition groups in Kenya"); a plural noun named
by a demonym ("Moroccan farmers") is a people, not its state. Unnamed protesters are the people
of the place they protest in; an unnamed group with a role and no country ("rebels", "police",
"opposition supporters", LOCATED_ROLES) takes the country of the place its clause names ("police
detained opposition activists in Lusaka": ZMBCOP 173 ZMBOPP), and without a place is no party.
Violence (17-20, not conventional force 19) or an arrest with no named perpetrator — a passive without agent, or a subject that is an instrument or an unnamed
attacker ("a roadside bomb", "gunmen", see UNIDENTIFIED_CAUSES) — takes the country where it
happened as its source, as a place ("killed by a roadside bomb near Kandahar" -> AFG 183 USAMIL),
the way event data codes unidentified actors. A dateline ("SEOUL —") is never an actor.

TARGET: the first candidate, in this order, that yields an actor which is not the source's own
party (see ACTORS):
1. the passive subject ("Kabul was shelled");
2. the object of the preposition the pattern names (with, to, against, on, over, from, ...),
   or an actor inside it ("to refugees fleeing the fighting in Sudan");
3. for patterns whose object is a thing (`obj`): the indirect object ("gave Tanzania a grant"),
   then actors inside the object: its `by`-agent, "of"-phrase and other prepositional phrases
   ("the withdrawal of Russian troops", "sanctions on Iran", "actions by China"), its possessor /
   adjective / compound ("expelled two Russian diplomats", "Reagan's statement"); otherwise the
   direct object itself, then the same look inside it. Inside an object, a state source's own
   country, state or citizens are a topic, not a target ("raised the detention of US citizens"),
   except as the recipient of a "to" ("went back on its pledge to the Malian people"); for
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
6. a purpose clause's object ("reopened the crossing to allow shipments to Gaza"), or for a
   purpose clause the object of the act it serves ("summoned X's envoy to complain");
7. the party a motive names: "in protest against X", "in retaliation for X's ...", "in defiance
   of X"; for concessions and cooperation, the counterpart of the talks they followed ("called
   off the strike after talks with the government"); for threats and intents, the subject of an
   unless/if clause ("threatened to strike unless Israel withdraws" targets Israel);
8. material conflict (14, 15, 17-20), threats of administrative or material acts (13x under a
   complement, not the threatening verb's own "in X") and truces (087x; CAMEO: "the target could
   be the location for the ceasefire"): a protest's organisation ("outside Parliament", "at the
   US embassy"); the country whose territory it happens in when that is not the source's own
   ("troops massed in Kashmir"); else the source's own country as a place, so that a
   domestic act is a dyad ("a curfew in Dakar": SENGOV 1323 SEN; "blew up a pipeline running
   into Lagos": NGAREB 1712 NGA). The place is a location, never the same party as a state actor;
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

ACTORS. Source and target are actors of the actors stage with a CAMEO code. Extraction is complete:
an event with only one side is kept with the other empty and `one_sided` set (GDELT leaves Actor2
blank the same way); dyad queries count two-sided events unless asked (PETRARCH's require_dyad is a
query-time choice here). The two
sides must be different parties: not the same actor, and not one country's state on both sides
(USAGOV and USA, or two GOV actors of one country); a government and its rebels, opposition,
courts or citizens are different parties; an official and his own country or state are one party; an
event with the same code on both sides says nothing of a dyad and is dropped unless both are people or
one side is a place; nothing is done to oneself ("shot himself"; a suicide bombing still is). Violence
verbs between unarmed people and parties ("the ad hits Trump", "pounding Trump as a con artist") are
criticism, 111 (METAPHOR_VERBS). An actor the actors stage could code only with a role
("GOV", no country) stands for the country or organisation its own noun phrase names ("Ghanaian
Ghanaian president John Mahama", "NATO Secretary-General Jens Stoltenberg") when there is one.

DEDUP AND ORDER. The same (source, target, code) stated twice in one article is one event with
`mentions` = 2. Events come in article order; within a sentence, main-clause events first.

DATES AND PLACE. An event's date is the first date expression of its own clause, else of the
clauses it depends on, else of the report that carries it ("..., officials said Tuesday"),
resolved against the publication date (`dates.clause_date`); dates that bound a period ("since
2018", "until May") do not date the event; no expression -> the publication date. `place` is the
name of the place an "in/at/near ..." phrase of the trigger (or its verb) names.
"""
from .lexicon import NOT_AN_EVENT, Pattern, derived_intent, lexicon, mirror
from .stage import EventStage

__all__ = ["EventStage", "NOT_AN_EVENT", "Pattern", "derived_intent", "lexicon", "mirror"]
