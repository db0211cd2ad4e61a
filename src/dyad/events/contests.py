"""Contests: a sports result is not force, and a team named by its city or country is not a state.

Sports report results in the words of force ("routed", "crushed", "attacked down the left", "invaded
the French half") and name teams by their cities and countries ("Boston beat Toronto 3-2", "India
thrashed Pakistan by eight wickets", "Turkey will meet Austria"). A clause reports a contest when it
has a score ("3-2", "120-98") or a margin ("by eight wickets", "by 12 seconds"), or a noun only games
use ("overtime", "semifinal", "the first half"; data/contests.yaml). So do the clauses a contest
clause carries (its infinitives and relative clauses: "... 2-1 to reach the last 16, where they will
meet Austria"), and every clause of an article most of whose sentences report contests and name no
political agent (a cricket report's "England were routed by Afghanistan"; not a story of ministers
meeting at a cup final). There places and countries are teams: an event is
kept only when one side is a political agent in its own right, one a country's name cannot stand
for: a government, army, police or court, an organisation, or a person of the knowledge base
("police arrested fans after the final" is still an arrest; "Iran defeated the United States 2-1"
is no event).
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from importlib import resources

from spacy.attrs import IS_DIGIT, LIKE_NUM, POS
from spacy.symbols import ADJ, NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from ..dates import _clause_head
from ..datafile import load_yaml
from ..types import Actor
from .political import _role_of, _rules

# the clauses a verb heads that are not part of its own clause
_OTHER_CLAUSES = {"ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "acl"}
_DASHES = {"-", "\u2013", "\u2014"}
_NOUN_DEPS = {"pobj", "dobj", "nsubj", "nsubjpass", "attr"}
_SIGNAL_POS = {NOUN, PROPN, ADJ}


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], ...]:
    data = load_yaml(resources.files("dyad") / "data" / "contests.yaml")
    return tuple(frozenset(data[k]) for k in ("nouns", "measured", "units", "counted", "decided"))


def _score(tok: Token) -> bool:
    """ "3-2", "120-98", "6-3": two small numbers joined by a dash with no space (not "2015-2020")."""
    doc = tok.doc
    if tok.like_num and "-" in tok.text:
        a, _, b = tok.text.partition("-")
        return a.isdigit() and b.isdigit() and len(a) <= 3 and len(b) <= 3
    if not (tok.text.isdigit() and len(tok.text) <= 3) or tok.i + 2 >= len(doc):
        return False
    dash, other = doc[tok.i + 1], doc[tok.i + 2]
    return (dash.text in _DASHES and other.text.isdigit() and len(other.text) <= 3
            and dash.idx == tok.idx + len(tok.text) and other.idx == dash.idx + len(dash.text))


def _signal(tok: Token) -> bool:
    """Whether one token says "a contest": a score, a margin, or a noun only games use."""
    nouns, measured, units, counted, decided = _words()
    if _score(tok):
        return True
    if tok.pos_ not in ("NOUN", "PROPN") and not (tok.pos_ == "ADJ" and tok.dep_ in _NOUN_DEPS):
        return False  # "in the final", "in a friendly": the tagger reads an adjective used as a noun
    lemma = tok.lemma_.lower()
    if lemma in nouns or tok.lower_ in nouns:
        return True
    if lemma in measured and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return tok.head.lower_ != "by"  # "cut by half" is a measure, not a half of a game
    if (lemma in decided or tok.lower_ in decided) and tok.dep_ == "pobj" and tok.head.lower_ == "on" \
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return True  # "won on penalties"
    if lemma in counted and any(c.like_num for c in tok.children):
        return True  # "two goals down"
    if lemma in units or tok.lower_ in units:  # "by eight wickets": a margin
        return any(c.like_num for c in tok.children) and tok.head.lower_ == "by"
    return False


def _clause(verb: Token) -> list[Token]:
    """The tokens of a verb's own clause: its subtree without the other clauses it heads."""
    out, stack = [], [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        stack += [c for c in t.children if not (c.dep_ in _OTHER_CLAUSES and c.pos_ in ("VERB", "AUX"))]
    return out


def _may_signal(doc: Doc) -> list[int]:
    """The tokens `_signal` may accept, from the Doc's arrays (no Token objects): a noun, proper noun
    or adjective, or a number (a score). Every other token is no signal."""
    arr = doc.to_array([POS, LIKE_NUM, IS_DIGIT])
    return [i for i, (pos, num, digit) in enumerate(arr.tolist()) if pos in _SIGNAL_POS or num or digit]


class Contests:
    """One Doc's contest signals, found once: every trigger of the article asks about its clause."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.signals = [i for i in _may_signal(doc) if _signal(doc[i])]
        self._signal_set = set(self.signals)
        self._clauses: dict[int, bool] = {}  # by clause head

    def _clause_signal(self, v: Token) -> bool:
        got = self._clauses.get(v.i)
        if got is None:
            got = self._clauses[v.i] = any(t.i in self._signal_set for t in _clause(v))
        return got

    def clause(self, tok: Token) -> bool:
        """Whether the trigger's clause reports a contest, or a clause that carries it as an infinitive
        or relative clause, or whose subject it shares ("attacked from the kickoff and fired four shots")."""
        v = _clause_head(tok)
        for _ in range(4):
            if self._clause_signal(v):
                return True
            shared = v.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)
            if not (shared or v.dep_ in ("xcomp", "relcl")) or v.head.i == v.i:
                return False
            v = _clause_head(v.head)
        return False

    def article(self, agent_at=lambda tok: False) -> bool:
        """Whether the article is mostly results: at least two sentences, and a third of them, report a
        contest (any token of the sentence) and name no political agent (`agent_at(token)`). A news
        story with a match in it is not one ("Oman's foreign minister met his Qatari counterpart on the
        sidelines of the Gulf Cup. Oman beat Kuwait 2-1. Separately, Israel struck Lebanon")."""
        sents = list(self.doc.sents)
        found = self.signals
        n = sum(1 for s in sents if bisect_left(found, s.start) < bisect_left(found, s.end)
                and not any(agent_at(t) for t in s))
        return n >= 2 and n * 3 >= len(sents)


def agent(actor: Actor | None, code: str | None, country: str | None) -> bool:
    """A political agent a team's name cannot stand for: a side with a political role (government,
    army, police, court ...), an organisation, or a person of the knowledge base. A country or city,
    bare or standing for its government ("Washington"), is not one here."""
    if actor is None or not code or actor.kind in ("country", "place", "location"):
        return False  # a city standing for its government ("Washington") is a team here too
    if not actor.country and len(code) == 3 and code not in ("IGO", "NGO"):
        return False  # a bare role of no country: "Premier League" read as a premier's office
    roles, _ = _rules()
    role = _role_of(code, country)
    if role:
        return role in roles
    return actor.kind == "person" and bool(actor.kb_id)
