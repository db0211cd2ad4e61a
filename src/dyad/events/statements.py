"""Statements (CAMEO 01x) from the quotes stage: an attributed quote of a coded political actor is an
event of its speaker, unless a more specific event covers its clause.

- Code: 010 by default; the cue verb, its object or the content choose 011-019 through the cue
  classes of data/statements.yaml ("declined to comment" 011, "warned" 012, "denied" 016,
  "expressed condolences" 018 ...); a cue whose default code in the verb lexicon is a more specific
  verbal act (appeal 02, demand 10, disapproval 11, rejection 12: "urged", "alleged") takes that code.
- Target: the addressee when it is a political actor ("told Iran" IRN; "told reporters" none),
  else the principal other party the content is about: the most central word of the quoted or
  reported words (topics.py: the content clause's subject before its object before its phrases, a
  possessor with its phrase, a pronoun read as its antecedent) that names a coded party other than
  the speaker's; else none: a statement to the public is a one-sided event. A verbal act the verb
  lexicon coded with no target ("criticised Germany's plan", "rejected the court's argument") takes
  its target the same way from what its verb governs (`_content_targets`).
- Which quotes: those whose cue is a verb of saying (data/reporting.yaml `speech`), a belief verb
  whose subject is a written source ("a GAO report found that": its author states), a cue phrase
  ("according to"), a noun of saying or a headline colon ("Pence: Trump was joking"); not a quote carried by a verb whose content is its object
  ("attacked X for ...": the verb lexicon codes that act), and not a negated, conditional,
  speculative, questioned or passive cue ("did not say", "if he says", "could say", "was told").
- Covered: no statement when the sentence already holds an event of the same speaker (the verb
  lexicon coded the clause: "accused", "urged", "praised"), or an event whose trigger lies inside
  the quoted content (the quote reports that act); words nobody is said to speak (a verbal act
  with no source, which the political filter drops) cover nothing. A statement the verb lexicon made from a quote's
  cue is replaced by the quote's own, which knows more (its target, its 01x class) and is made per
  sentence.
- Dedup: one statement per speaker and sentence, however many quotes of that speaker the sentence
  holds (a quote broken by "he said" into pieces is one statement); statements in different
  sentences are different events.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from .. import dates
from .. import datelines
from ..datafile import load_yaml
from ..doctext import span_text
from ..quotes.cues import lexicon as reporting
from ..types import Actor, Event, Quote

from . import evaluation
from .conventions import _role, _role_only, _same_party
from .doers import private_noun
from .parse import _children, _preps
from .lexicon import NOT_AN_EVENT
from .modality import not_yet, of_nothing
from .political import is_political, political
from .topics import FIRST_PERSON, governed, salient, where
from .words import DEMONSTRATIVES, NEGATING_HEADS, REFUSAL_HEADS


@lru_cache(maxsize=1)
def _classes() -> dict:
    data = load_yaml(resources.files("dyad") / "data" / "statements.yaml")

    def invert(section: dict) -> dict[str, str]:
        return {w: code for code, words in (section or {}).items() for w in words}

    return {"cues": invert(data.get("cues")), "objects": invert(data.get("objects")),
            "content": invert(data.get("content")), "no_comment": frozenset(data.get("no_comment") or ()),
            "no_comment_content": frozenset(data.get("no_comment_content") or ()),
            "no_comment_objects": frozenset(data.get("no_comment_objects") or ()),
            "decline": frozenset(data.get("decline") or ()), "experts": frozenset(data.get("experts") or ()),
            "measurements": frozenset(data.get("measurements") or ())}


def _token_at(doc: Doc, char: int | None) -> Token | None:
    if char is None:
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


# roots of the verb lexicon's default code for a cue that a statement takes over: the cue verb is
# itself a verbal act more specific than a statement ("urged" 02, "demanded" 10, "alleged" 112)
VERBAL_ROOTS = {"02", "10", "11", "12"}
# punctuation that attributes a quote: a headline's colon ("Pence: ..."), a quotation dash ("... \u2015 Jane Roe")
ATTRIBUTION_MARKS = {":", "\u2015"}
# statement codes a judging content overrides: a plain statement and the moods (a bad word is a mood too)
JUDGED_OVER = {"010", "012", "013"}


def _own_negations(cue: Token, quoted: tuple[int, int]) -> list[Token]:
    """The negations of a cue verb, not counting one among the quoted words that the parser hangs on
    it ('"Probably not," she said': her words say no, she did say them)."""
    return [x for x in _children(cue, "neg") if not quoted[0] <= x.idx < quoted[1]]


def statement_code(cue: Token, content: str, content_lemmas: set[str], lex_default: str | None = None,
                   quoted: tuple[int, int] = (0, 0)) -> str:
    """The 01x code of a quote from its cue verb, the cue's object and the mood of its content; or
    the cue verb's own default code in the verb lexicon when that is a more specific verbal act.
    `quoted`: the quote's character span, whose own words never negate the cue."""
    k = _classes()
    lemma = cue.lemma_.lower()
    declined = cue.dep_ == "xcomp" and cue.head.lemma_.lower() in k["decline"]
    negated = bool(_own_negations(cue, quoted)) or declined and not _children(cue.head, "neg")
    if lemma in k["no_comment"] and negated:
        return "011"
    if content.strip(" \"'.,!\u201c\u201d\u2018\u2019").lower() in k["no_comment_content"]:
        return "011"
    if any(of_nothing(o) and o.lemma_.lower() in k["no_comment_objects"] for o in _children(cue, "dobj")):
        return "011"  # "offered no comment", "gave no details"
    for obj in _children(cue, "dobj"):
        if obj.lemma_.lower() in k["objects"]:
            return k["objects"][obj.lemma_.lower()]
    if lemma in k["cues"]:
        return k["cues"][lemma]
    if lex_default and lex_default[:2] in VERBAL_ROOTS:
        return lex_default
    moods = {k["content"][w] for w in content_lemmas if w in k["content"]}
    return moods.pop() if len(moods) == 1 else "010"


def belief_only(verb: Token) -> bool:
    """A verb of belief ("Republicans fear losing the Senate", "she thinks ...") is a state of mind, no
    statement, unless its subject is a written source that states it ("a report concludes", reporting.yaml)."""
    lex = reporting()
    if verb.lemma_.lower() not in lex.belief or verb.lemma_.lower() in lex.speech:
        return False
    return not any(t.lemma_.lower() in lex.sources - _classes()["measurements"] for t in _children(verb, "nsubj"))


def expert(speaker: Token | None) -> bool:
    """A speaker the sentence describes as a private expert: "Jane Roe, an economist at X", "analyst
    Jane Roe" (statements.yaml `experts`); what they say is commentary, not an act of X."""
    if speaker is None:
        return False
    head = speaker
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head  # "Alan" -> "Cole"
    experts = _classes()["experts"]
    return any(c.dep_ in ("appos", "compound", "amod") and c.lemma_.lower() in experts for c in head.children)


def unsaid(cue: Token, no_comment: bool = False) -> bool:
    """A saying verb with "no" as its object ("offered no proof that ...") or that an open complement's
    head says did not happen: "has yet to explain", "is yet to say", "failed to mention", "avoided saying", "did not want to say", "refused to explain". The
    cue itself carries no negation, so the quote stage finds a quote, but its speaker said nothing. A
    refusal of a no-comment cue ("refused to say", "declined to comment") is a statement, 011."""
    if any(of_nothing(o) and o.lemma_.lower() not in _classes()["no_comment_objects"] for o in _children(cue, "dobj")):
        return True  # "offered no proof that ..." ("offered no comment" declines to comment: 011)
    v = cue
    for _ in range(4):
        if v.dep_ != "xcomp" or v.head.i == v.i:
            return False
        h = v.head
        lemma = h.lemma_.lower()
        if lemma in NEGATING_HEADS or lemma in REFUSAL_HEADS and not no_comment or _children(h, "neg"):
            return True
        if not_yet(h):
            return True
        v = h
    return False


def measured(subject: Token | None) -> bool:
    """A subject that is a measurement ("a poll", "an analysis of filings", statements.yaml
    `measurements`): what it shows or reveals is a result, not its author's statement. A share of
    people ("63 percent of Democrats said", "62% of voters agreed") is a poll's result too: what
    respondents answered, no act of theirs or of the group they belong to."""
    while subject is not None and subject.dep_ in ("nummod", "compound", "quantmod") and subject.head.i != subject.i:
        subject = subject.head  # "63" -> "percent"
    return subject is not None and subject.lemma_.lower() in _classes()["measurements"]


class Statements:
    """Statement events from attributed quotes (a mixin of EventStage)."""

    def _statements(self, doc: Doc, quotes: list[Quote], found: dict[tuple, Event], published: str | None) -> None:
        by_id = {a.id: a for a in [*self._resolver.actors, *self._unnamed_made.values()]}
        done: set[tuple[str, int]] = set()
        made: list[tuple[tuple, Event, int]] = []
        by_sent: dict[int, list[tuple[Quote, Token]]] = {}  # the quotes of each sentence, by their cue's
        for q in quotes:
            cue = _token_at(doc, q.cue_start)
            if cue is not None:
                by_sent.setdefault(cue.sent.start, []).append((q, cue))
        for q in quotes:
            cue = _token_at(doc, q.cue_start)
            if cue is None or q.speaker is None and q.speaker_start is None:
                continue  # (a speaker the quote stage left unnamed, "they", may be one the events stage resolves)
            if not self._said(cue, q):
                continue
            content = doc.char_span(q.start, q.end, alignment_mode="expand")
            subjects = evaluation.judgements(content) if content is not None else []
            judged = self._judged(subjects)
            src = self._speaker(doc, q, by_id)
            if src is None or not political(src) or self._expert(doc, q) or measured(_token_at(doc, q.speaker_start)):
                # a private person, an expert or a journalist makes no statement, but judging a
                # political actor is an act on it ("X's strategy was to be a bully" - a voter): 111
                src = self._private_speaker(doc, q, by_id) if judged else None
                judged = [a for a in judged if src is not None and not _same_party(a, src)]
                if not judged:
                    continue
            sent = cue.sent
            if (src.id, sent.start) in done:
                continue
            done.add((src.id, sent.start))
            if self._covered(found, src, sent.start_char, q, by_id):
                continue
            lemmas = {t.lemma_.lower() for t in content} if content is not None else set()
            code = statement_code(cue, q.text, lemmas, self._default_code(cue), (q.start, q.end))
            if judged and code in JUDGED_OVER:
                code = "111"  # the content calls a political actor bad: criticism (evaluation.py)
            ev = None
            # what the speaker says in the sentence, in all its pieces ("'Now that I can,' he said, 'it was
            # demoralizing to work for Obama'")
            said = [q] + [q2 for q2, c2 in by_sent.get(sent.start, []) if q2 is not q and self._said(c2, q2)
                          and getattr(self._speaker(doc, q2, by_id), "id", None) == src.id]
            others = [a for a in judged if not _same_party(a, src)]  # whom the content calls bad
            for tgt in chain(self._addressee(cue, src), others, self._topic(doc, said, src),
                             self._occasion(cue, said, src)):
                ev = self._event(src, tgt, code, cue, code == "011")
                if ev is not None:
                    break
            if ev is None:
                ev = self._event(src, None, code, cue, code == "011")
            if ev is None:
                continue
            ev.start, ev.end, ev.sentence = sent.start_char, sent.end_char, span_text(sent)
            sent_dates = [e for e in self._dates if sent.start <= e.start < sent.end]
            got = dates.clause_date(cue, published, sent_dates)
            ev.date = got[0] if got else published
            made.append((("statement", src.id, sent.start), ev, cue.idx))
        for key, ev, at in made:
            for k2, e2 in list(found.items()):
                if e2.root == "01" and e2.trigger_start == at:
                    del found[k2]  # the verb lexicon's statement at this cue: the quote's replaces it
            found[key] = ev

    def _drop_measured(self, doc: Doc, quotes: list[Quote], found: dict[tuple, Event]) -> None:
        """Acts reported as what a poll or survey found ("a Gallup poll found that Republicans abandoned
        ...", "according to a new survey, ...", a headline "Poll: ...") are its results, not events
        (data/statements.yaml `measurements`)."""
        measured = _classes()["measurements"]
        spans = []
        for q in quotes:
            cue = _token_at(doc, q.cue_start)
            who = doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand") \
                if q.speaker_start is not None and q.speaker_end is not None else None
            heads = ([who.root] if who is not None else []) + (_children(cue, "nsubj") if cue is not None else [])
            if any(h.lemma_.lower() in measured for h in heads):
                spans.append((q.start, q.end))
        for sent in doc.sents:  # a headline labelled by its source: "Poll: Voters Abandon X", "New Survey: ..."
            colon = next((t for t in sent[:4] if t.text == ":"), None)
            if colon is not None and colon.i > sent.start and doc[colon.i - 1].lemma_.lower() in measured:
                spans.append((colon.idx, sent.end_char))
        for key, ev in list(found.items()):
            if ev.trigger_start is not None and any(a <= ev.trigger_start < b for a, b in spans):
                del found[key]

    def _judged(self, subjects: list[Token]) -> list[Actor]:
        """The political actors of the subjects a quote's content judges badly ("Trump is unfit", "his
        strategy was to be a bully": evaluation.py), the owner for something owned."""
        out: list[Actor] = []
        for subj in subjects:
            owner = next((c for c in subj.children if c.dep_ == "poss"), subj)
            out += [a for a in self._actors(owner) if political(a) and a not in out]
        return out

    def _private_speaker(self, doc: Doc, q: Quote, by_id: dict[str, Actor]) -> Actor | None:
        """The speaker of a quote as an actor whatever its code (a private person, an expert)."""
        tok = _token_at(doc, q.speaker_start)
        got = self._actors(tok) if tok is not None else []
        return got[0] if got else by_id.get(q.speaker)

    def _default_code(self, cue: Token) -> str | None:
        """The verb lexicon's default code of the cue lemma, if it has one."""
        pats = self.lex.get((cue.lemma_.lower(), False)) or []
        return next((p.code for p in pats if p.is_default), None)

    def _said(self, cue: Token, q: Quote) -> bool:
        """Whether the quote is an assertion of its speaker (see the module notes)."""
        lex = reporting()
        lemma = cue.lemma_.lower()
        if q.start <= cue.idx < q.end:
            return False  # a verb inside the quoted words is not its cue
        k = _classes()
        # a document's finding is its author's statement: "a GAO report found that ..." (a belief verb
        # whose subject is a noun of a written source), not "X believes that ..."
        written = lemma in lex.belief and any(t.lemma_.lower() in lex.sources - k["measurements"]
                                              for t in _children(cue, "nsubj"))
        if not (lemma in lex.speech or lemma in lex.nouns or (q.cue or "").lower() in lex.phrases
                or cue.text in ATTRIBUTION_MARKS or written):
            return False
        if span_text(cue.sent).rstrip().rstrip("\"'\u201d\u2019)").endswith("?"):
            return False
        if lemma in lex.nouns and cue.pos_ == "NOUN" and (cue.dep_ == "pobj" or any(
                x.dep_ == "det" and x.lower_ in DEMONSTRATIVES for x in cue.children)):
            return False  # "contrary to his claim that ...", "this statement": named, not reported here
        if _own_negations(cue, (q.start, q.end)) and lemma not in k["no_comment"]:
            return False
        if _children(cue, "auxpass", "nsubjpass"):
            return False  # "Kenya was urged to ...": the subject of a passive is spoken to, not speaking
        if unsaid(cue, lemma in k["no_comment"]) or self._prescribed(cue):
            return False
        if _children(cue, "dobj") and not _children(cue, "ccomp") and q.kind != "direct" and any(
                p.code == NOT_AN_EVENT for p in self.lex.get((lemma, False)) or ()) and self._match(cue) is None:
            return False  # an object the verb lexicon reads as a sense that is no act ("asserted his right")
        return not self._hypothetical(cue)

    @staticmethod
    def _expert(doc: Doc, q: Quote) -> bool:
        return expert(_token_at(doc, q.speaker_start))

    def _speaker(self, doc: Doc, q: Quote, by_id: dict[str, Actor]) -> Actor | None:
        """The speaker as the events stage codes actors (a role noun placed in its country)."""
        tok = _token_at(doc, q.speaker_start)
        owner = tok
        while owner is not None and owner.dep_ in ("compound", "flat") and owner.head.i != owner.i:
            owner = owner.head  # "Mike" -> "Pence" in "Mike Pence's supporters"
        if owner is not None and owner.dep_ == "poss" and owner.head.pos_ == "NOUN" \
                and private_noun(owner.head, self._resolver.kb):
            # "his family said", "Pence's supporters say": they speak for themselves, not for him; "Trump's
            # friend, Chris Christie, said": the friend named
            named = [c for c in owner.head.children if c.dep_ in ("appos", "compound", "flat") and c.pos_ == "PROPN"]
            if not named:
                return None
            tok = named[0]
        if tok is not None:
            got = self._actors(tok)
            if got:
                return got[0]
        a = by_id.get(q.speaker)
        return a if a is not None and a.code and not _role_only(a) else None

    def _covered(self, found: dict[tuple, Event], src: Actor, sent_start: int, q: Quote,
                 by_id: dict[str, Actor]) -> bool:
        """A more specific event of the same clause: drop the statement (or a lexicon statement it replaces).
        Only an event that will be kept covers: one with no political side (political.py: "said members
        will help him", a help by no one named; "said people fight over resources") is dropped later, and
        the saying is then the only event of the clause."""
        every = self._resolver.kb.petrarch_actors  # (PETRARCH's dictionaries alone: every event is kept, stage.py)
        for key, ev in list(found.items()):
            if ev.source is None and ev.quad_class == 1 or not (every or is_political(ev, by_id)):
                continue
            if ev.start == sent_start:
                own = ev.source == src.id or (ev.source_code == src.code and ev.source_code is not None)
                inside = ev.trigger_start is not None and q.start <= ev.trigger_start < q.end
                if (own or inside) and not (ev.root == "01" and ev.trigger_start == q.cue_start):
                    return True  # (the verb lexicon's statement at this very cue is replaced, not a cover)
            if ev.root != "01" and any(start == sent_start and trig is not None and q.start <= trig < q.end
                                       for start, trig in self._repeats.get(key, ())):
                return True  # an act said again inside the quote ("X confirmed that Turkey imposed sanctions")
        return False

    def _addressee(self, cue: Token, src: Actor) -> list[Actor]:
        """The party spoken to: the object of "told X", "briefed X", or "said to X", when it is political
        or a named person of a country ("told Stumpf"); a medium a statement is made through is no
        addressee ("told reporters", "told CNN's host")."""
        toks = _children(cue, "dobj", "dative") + [g for w, g in _preps(cue) if w == "to"]
        return [a for t in toks for a in self._actors(t) if not _same_party(a, src) and _role(a) != "MED"
                and (political(a) or a.kind == "person" and a.country)]

    def _topic(self, doc: Doc, said: list[Quote], src: Actor) -> Iterator[Actor]:
        """The parties the quoted or reported words are about, most central first, other than the speaker."""
        spans = [doc.char_span(q.start, q.end, alignment_mode="expand") for q in said]
        return self._about(sorted({t for sp in spans if sp is not None for t in sp}, key=lambda t: t.i), src)

    def _occasion(self, cue: Token, said: list[Quote], src: Actor) -> Iterator[Actor]:
        """With no party in the words themselves, the political party the saying is said of or on the
        occasion of, named in the cue's own phrases and clauses ("said of Pakistan's plan", "after talks
        with Putin, Macron said", "when the Kenyan parliament voted, she said"); not where it was said
        ("told reporters in Washington") nor the medium ("said on CNN": no political party), nor a role
        noun the article would place ("when it comes to how many lawyers work ...")."""
        inside = {t.i for q in said for t in (cue.doc.char_span(q.start, q.end, alignment_mode="expand") or ())}
        words = [t for t in governed(cue, attached=True) if t.i not in inside and not where(t)
                 and self._resolver.at(t) is not None]  # named parties only: no role noun placed by the article
        return (a for a in self._about(words, src) if political(a))

    def _about(self, tokens: list[Token], src: Actor) -> Iterator[Actor]:
        """The coded parties a content's words name (topics.salient order), other than the speaker's:
        a state, its agents, an organisation or a named person or organisation with a country; not a
        bare role with no country ("the Senate" of no country is no party), not a dateline ("WASHINGTON
        — A man shot ..., police said": where, not what about)."""
        named = {t.i for t in tokens if self._resolver.at(t) is not None}
        seen = {src.id}
        for t in salient(tokens, named):
            if datelines.within(t) or t.lower_ in ("it", "its", "itself"):
                continue  # (a neuter pronoun of quoted words is mostly a thing or nothing: "it's a disgrace")
            if t.i not in named and any(self._owner(p, src) for p in _children(t, "poss")):
                continue  # "his campaign", "our army": the speaker's own side
            for a in self._actors(t):
                if a.id in seen:
                    continue
                seen.add(a.id)
                if not a.code or _role_only(a) or _same_party(a, src):
                    continue
                if political(a) or a.kind in ("person", "organization") and a.country:
                    yield a

    def _owner(self, poss: Token, src: Actor) -> bool:
        """Whether a possessor is the speaker: a first-person word, or one that resolves to the speaker."""
        return poss.lower_ in FIRST_PERSON or any(a.id == src.id for a in self._actors(poss))

    def _content_targets(self, pending: list[tuple[Event, str, Token]]) -> list[tuple[Event, str, Token]]:
        """A verbal act (QuadClass 1 or 3) the verb lexicon coded with a source and no target takes the
        party what its verb governs is about ("criticised Germany's plan", "rejected the court's
        argument", "called for an end to Russia's blockade"), as a statement does from its content. Only
        a political source's: a target read from what private people's words are about would make a
        political event of them ("people deny us the right to question them")."""
        by_id = {a.id: a for a in [*self._resolver.actors, *self._unnamed_made.values()]}
        out = []
        for ev, need, trig in pending:
            src = by_id.get(ev.source or "")
            if ev.target is None and political(src) and ev.quad_class in (1, 3) and trig.pos_ in ("VERB", "AUX"):
                for tgt in self._about(governed(trig), src):
                    if self._event(src, tgt, ev.cameo, trig, ev.negated) is not None:
                        ev.target, ev.target_code, ev.target_country, ev.target_name = \
                            tgt.id, tgt.code, tgt.dyad_code, tgt.name
                        need = ""
                        break
            out.append((ev, need, trig))
        return out
