"""Maps any token (a name, a pronoun, "the secretary") to an actor: what quotes and events use."""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from ..doctext import span_text
from ..kb import KB
from ..types import Actor
from .cluster import _Cluster
from .descriptions import political_role
from .words import FEMALE, GROUP_PRONOUNS, MALE, PERSON_PRONOUNS


# nouns of a pair after "the two" or "both": which kinds of actor they stand for ("the two leaders"
# are people; "the two sides" any party)
_PARTIES = ("country", "person", "organization", "group")
PAIR_NOUNS = {"side": _PARTIES, "party": _PARTIES, "delegation": _PARTIES, "country": ("country", "person", "organization"),
              "nation": ("country", "person", "organization"), "government": ("country", "person", "organization"),
              "leader": ("person",), "president": ("person",), "minister": ("person",), "man": ("person",),
              "woman": ("person",), "diplomat": ("person",), "counterpart": ("person",)}

# prepositions of where something is: a country named after them is a location, no antecedent of "they"
LOCATIVE = {"in", "at", "across", "throughout", "near", "around", "inside", "within"}


# verbs whose reported clause's "it"/"they" is their own subject ("the company said it would appeal")
_SAYING = {"say", "tell", "announce", "add", "state", "insist", "warn", "confirm", "claim", "argue", "vow", "pledge"}


def _reporter(token: Token) -> Token | None:
    """The noun subject of the verb of saying whose reported clause a pronoun subject, or the possessor
    of its subject, opens: "the company said it would appeal", "the ministry said its troops had struck
    ..." -> company, ministry (a name or a noun before it; never a pronoun, which resolves itself)."""
    subj = token.head if token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass") else token
    if subj.dep_ not in ("nsubj", "nsubjpass") or subj.head.dep_ != "ccomp":
        return None
    verb = subj.head.head
    if verb.lemma_.lower() not in _SAYING:
        return None
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.i < token.i and c.pos_ in ("NOUN", "PROPN")]
    return subj[0] if subj else None


class Resolver:
    """Maps tokens to actors: names directly, pronouns and role nouns through their antecedents."""

    def __init__(self, doc: Doc, actors: list[Actor], clusters: list[_Cluster],
                 span_cluster: dict[tuple[int, int], _Cluster], kb: KB,
                 datelines: list[tuple[int, Actor]] | None = None):
        self.doc = doc
        # the places of datelines ("NAIROBI, Kenya (Reuters) -"), as (token index, actor): where a
        # story was filed, which no token stands for as an actor of its sentence
        self.datelines = datelines or []
        self.actors = actors
        self.kb = kb
        self._by_cluster = {id(c): a for c, a in zip(clusters, actors)}
        self._token: dict[int, Actor] = {}
        self._mentions: list[tuple[int, int, Actor]] = []
        for (s, e), c in span_cluster.items():
            a = self._by_cluster.get(id(c))
            if a is None:
                continue
            self._mentions.append((s, e, a))
            for i in range(s, e):
                self._token[i] = a
        self._mentions.sort(key=lambda m: m[0])
        self._said: list[str] | None = None  # by_role_noun
        self._span_at: dict[int, tuple[int, int]] = {}  # token -> the first mention (by start) holding it
        for s, e, _ in self._mentions:
            for i in range(s, e):
                self._span_at.setdefault(i, (s, e))
        self._titles = {id(a): (c.title or "") for c, a in zip(clusters, actors)}
        self._described = {id(a): c.described for c, a in zip(clusters, actors)}
        # for antecedent windows, computed once; a "sentence" without words (" .", "***") does not count
        self._sent_starts = [st.start for st in doc.sents if any(t.is_alpha or t.like_num for t in st)]

    def _window_start(self, token: Token, sentences_back: int) -> int:
        """The first token of the sentence `sentences_back` before the one holding `token`."""
        starts = self._sent_starts
        cur = max(bisect.bisect_right(starts, token.i) - 1, 0)
        return starts[max(0, cur - sentences_back)] if starts else 0

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def at(self, token: Token) -> Actor | None:
        """The actor a token names, directly."""
        return self._token.get(token.i)

    def mention_span(self, token: Token) -> tuple[int, int] | None:
        """The token range of the (first) mention holding a token."""
        return self._span_at.get(token.i)

    def resolve(self, token: Token) -> Actor | None:
        """The actor behind a token: a name, a pronoun, a role noun or a phrase headed by one of them."""
        a = self.at(token)
        if a is not None:
            return a
        low = token.lower_
        if low in PERSON_PRONOUNS or low in ("i", "me", "my", "we", "our", "us"):
            return self.antecedent(token, gender="m" if low in MALE else "f" if low in FEMALE else None)
        if low in ("who", "which", "that") and token.head.dep_ == "relcl":
            return self.resolve(token.head.head)  # "officials, who said" -> the officials
        if low in GROUP_PRONOUNS:
            return self.group_antecedent(token)
        if token.pos_ in ("NOUN", "PROPN"):
            role = self.kb.role_noun(token.lemma_) or self.kb.role_noun(token.text)
            # "the press secretary, Brian Fallon": the apposed name first, then a name inside the
            # phrase ("State Department officials"), the possessor last ("China's top diplomat")
            kids = sorted(token.children, key=lambda t: {"appos": 0, "compound": 1, "flat": 1, "nmod": 2}.get(t.dep_, 3))
            for t in kids:
                if t.dep_ == "appos" and self.at(t) is not None:
                    return self.at(t)
                if t.dep_ == "poss" and role and not political_role(role):
                    continue  # "Gary Johnson's doctor", "Trump's accountant": a professional of their own
                if t.dep_ == "poss" and not role and getattr(self.at(t), "kind", None) == "country":
                    continue  # "Norway's Equinor": a name nobody coded is from Norway, not Norway itself
                if t.dep_ in ("compound", "poss", "flat", "nmod") and self.at(t) and (token.pos_ == "PROPN" or role):
                    return self.at(t)
            if role and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
                return self.by_role_noun(token)
        return None

    def group_antecedent(self, token: Token, speaker: bool = False) -> Actor | None:
        """they/it: the nearest organisation, group or country before, subjects first, within two
        sentences; an expletive "it" ("it was unlikely that ...") has none. `speaker`: the token is
        the subject of a verb of saying ("it said that ..."), never an expletive."""
        if token.lower_ in ("it", "its") and not speaker and (token.head.lemma_ == "be" or any(
                c.dep_ in ("ccomp", "xcomp") and c.i > token.head.i for c in token.head.children)):
            return None
        reporter = _reporter(token)
        if reporter is not None:  # "the company said it would appeal": the one who says so, actor or not
            return self.resolve(reporter)
        window_start = self._window_start(token, 2)
        best = None
        for s, e, a in self._mentions:
            if s >= token.i or s < window_start or a.kind == "person":
                continue
            if a.kind == "place" and not (a.role or (a.code and a.country and len(a.code) > 3)):
                continue  # a place is no "it", unless a metonym ("the White House said it ...")
            root = self.doc[s:e].root
            while root.dep_ in ("conj", "appos") and root.head.i != root.i:
                root = root.head  # "in Turkey, India and the Philippines"
            if a.kind == "country" and root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
                continue  # "towers in Turkey and the Philippines ... they said": where things are, not who speaks
            coded = a.country is not None or len(a.code or "") > 3  # "militants loyal to al-Qaeda ... they"
            score = (coded, self._salience(self.doc[s:e].root) > 0, s)
            if best is None or score > best[0]:
                best = (score, a)
        if token.lower_ not in ("it", "its"):
            pair = self._people_pair(token, window_start)
            if pair is not None and (best is None or pair[0] > best[0][2]):
                return pair[1]  # "Mr. Grassley and Mr. Leahy say ... they say": the first of the two
        return best[1] if best else None

    def the_two(self, token: Token) -> list[Actor]:
        """ "the two sides", "both countries", "the two leaders": the last two parties the article named
        before, of different sides (country or own code), within its six sentences before; people for
        nouns of people (`PAIR_NOUNS`: leaders, presidents, men), any party for sides, countries and
        governments. Empty when the phrase is no such pair or two parties are not found."""
        kinds = PAIR_NOUNS.get(token.lemma_.lower())
        if kinds is None or token.tag_ not in ("NNS", "NNPS") or not any(
                c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet", "amod") for c in token.children):
            return []
        start = self._window_start(token, 6)
        found: list[Actor] = []
        for s, e, a in reversed(self._mentions):
            if s >= token.i or s < start or not a.code or a.kind not in kinds:
                continue
            if a.kind == "person" and not a.country:
                continue
            if all((a.country or a.code) != (b.country or b.code) for b in found):
                found.append(a)
            if len(found) == 2:
                return found[::-1]
        return []

    def _people_pair(self, token: Token, window_start: int) -> tuple[int, Actor] | None:
        """The latest subject before `token` that joins two or more people ("X and Y said"), as (its
        position, its first person): what a plural pronoun after it stands for."""
        found = None
        for s, e, a in self._mentions:
            if s >= token.i or s < window_start or a.kind != "person":
                continue
            root = self.doc[s:e].root
            if root.dep_ not in ("nsubj", "nsubjpass") or root.i >= token.i:
                continue
            others = [c for c in root.conjuncts if c.i != root.i and (o := self.at(c)) is not None and o.kind == "person"]
            if others:
                found = (s, a)
        return found

    def antecedent(self, token: Token, gender: str | None = None) -> Actor | None:
        """The nearest person before `token`, subjects first, within the last three sentences."""
        window_start = self._window_start(token, 3)
        best = None
        for s, e, a in self._mentions:
            if s >= token.i or s < window_start:
                continue
            if a.kind != "person" or (gender and a.gender and a.gender != gender):
                continue
            score = (self._salience(self.doc[s:e].root), s)
            if best is None or score > best[0]:
                best = (score, a)
        if best is None:
            return None
        # prefer the most recent subject, unless a non-subject person is much closer
        return best[1]

    @staticmethod
    def _salience(root: Token) -> int:
        """2 for the subject of a main clause, 1 for any other subject, 0 otherwise. A name that
        modifies the subject ("NATO allies", "China's ministry") counts as the subject."""
        while root.dep_ in ("compound", "poss", "amod", "nmod") and root.head is not root:
            root = root.head
        if root.dep_ not in ("nsubj", "nsubjpass"):
            return 0
        head = root.head
        if head.dep_ == "ROOT" or (head.dep_ in ("conj", "parataxis") and head.head.dep_ == "ROOT"):
            return 2
        return 1

    def by_description(self, token: Token) -> Actor | None:
        """ "the mayor", "the defenceman", "the professor": the latest person before `token` whom the
        article described with that noun ("Mayor Olivia Chow", "Samantha Greer, a professor of
        economics") or whose KB title holds it."""
        word = token.lemma_.lower()
        best = None
        for s, e, a in self._mentions:
            if s >= token.i:
                break
            if a.kind == "person" and (word in self._described.get(id(a), ()) or
                                       re.search(rf"\b{re.escape(word)}\b", self._titles.get(id(a), "").lower())):
                best = a
        return best

    def by_role_noun(self, token: Token) -> Actor | None:
        """ "the secretary" -> the nearest earlier person whose title contains "secretary"."""
        word = token.lemma_.lower()
        pattern = re.compile(rf"\b{re.escape(word)}\b")
        if self._said is None:  # each mention's words, lower case, read once per document
            self._said = [span_text(self.doc[s:e]).lower() for s, e, _ in self._mentions]
        best = None
        for (s, e, a), said in zip(self._mentions, self._said):
            if s >= token.i:
                break
            title = self._titles.get(id(a), "").lower()
            # "the ministry" after "China's foreign ministry": a word of what the mention said
            if word in title or word in a.name.lower() or pattern.search(said):
                best = a
        return best
