"""Speakers: the cue's subject resolved to a canonical actor (names, pronouns, role nouns)."""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..actors import FEMALE, MALE
from ..types import Actor
from .attribution import FIRST_PERSON, PLURAL_PRONOUNS, _Attr


class Speakers:
    """Part of the quote run (`stage._Run`): speakers resolved to actors."""

    def _resolve_speakers(self, attrs: list[_Attr]) -> None:
        history: list[tuple[int, Actor]] = []
        order = sorted((a for a in attrs if a.subj is not None), key=lambda a: a.subj.idx)
        for a in order:
            a.actor = self._actor(a.subj, history)
            a.speaker_span = self._speaker_span(a.subj) if a.mention is None else \
                (a.mention.idx, a.mention.idx + len(a.mention.text))
            a.name = a.actor.name if a.actor else self._phrase(a.subj)
            if a.actor is not None:
                history.append((a.subj.idx, a.actor))

    def _actor(self, tok: Token, history: list[tuple[int, Actor]]) -> Actor | None:
        res = self.res
        low = tok.lower_
        if low in MALE or low in FEMALE:
            return self._pronoun(tok, "m" if low in MALE else "f", history)
        if low in FIRST_PERSON or low in ("you", "one", "someone", "anyone", "everyone", "nobody"):
            return None  # outside a quote, "I" is the writer
        if low in PLURAL_PRONOUNS or low == "it":
            for pos, act in reversed(history):
                if act.kind != "person" and self.tok_para[self.tok_index(pos)] >= self.tok_para[tok.i] - 1:
                    return act
            return None
        a = res.at(tok)
        if a is not None:
            return a
        for c in tok.children:  # "the campaign's press secretary, Brian Fallon", "State Department officials"
            b = res.at(c) if self.tok_para[c.i] == self.tok_para[tok.i] else None
            if b is None:
                continue
            if c.dep_ in ("appos", "compound", "flat") and b.kind == "person":
                return b
            if c.dep_ == "compound" and b.kind in ("organization", "group") and c.i < tok.i:
                return b
        try:
            a = res.resolve(tok)
        except Exception:
            a = None
        if a is None and tok.is_upper and len(tok.text) > 2:
            a = self._by_surname(tok.text)
        if a is None and tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
            a = self._definite_org(tok)
        return a

    def _definite_org(self, tok: Token) -> Actor | None:
        """ "the ministry" after "China's foreign ministry", "the department" after "the State
        Department": the latest organisation named with that head noun."""
        word = tok.lower_
        lemma = tok.lemma_.lower()
        best = None
        for actor in self.res.actors:
            if actor.kind not in ("organization", "group"):
                continue
            for m in actor.mentions:
                if m.start >= tok.idx:
                    break
                last = m.text.lower().split()[-1] if m.text.split() else ""
                if last in (word, lemma) and (best is None or m.start > best[0]):
                    best = (m.start, actor)
        return best[1] if best else None

    def _by_surname(self, word: str) -> Actor | None:
        """An all-capitals transcript label ("WALLACE:") or a bare surname the actors stage missed."""
        w = word.lower()
        hits = [a for a in self.res.actors if a.kind == "person" and w in a.name.lower().split()]
        return hits[0] if len(hits) == 1 else None

    def _pronoun(self, tok: Token, gender: str, history: list[tuple[int, Actor]]) -> Actor | None:
        """he/she: the latest speaker of that gender, unless another person has been the subject of
        a main clause since; else the resolver's antecedent."""
        try:
            alt = self.res.resolve(tok)
        except Exception:
            alt = None
        last = None
        for pos, act in reversed(history):
            if pos >= tok.idx or act.kind != "person":
                continue
            g = self._gender(act)
            if g and g != gender:
                continue
            if self.tok_para[tok.i] - self.tok_para[self.tok_index(pos)] > 3:
                break
            last = (pos, act)
            break
        if last is None:
            return alt
        if alt is None or alt is last[1]:
            return last[1]
        g = self._gender(alt)
        if g and g != gender:
            return last[1]
        # did `alt` become the topic after the last speaker spoke?
        for m in alt.mentions:
            if last[0] < m.start < tok.idx:
                j = self.tok_index(m.start)
                head = self.doc[j]
                while head.head.i != head.i and head.head.idx < m.end:
                    head = head.head
                if head.dep_ in ("nsubj", "nsubjpass") and (head.head.dep_ == "ROOT" or head.head.dep_ == "conj" and head.head.head.dep_ == "ROOT"):
                    return alt
        return last[1]

    def _gender(self, actor: Actor) -> str | None:
        if actor.gender:
            return actor.gender
        for m in actor.mentions:
            before = self.text[max(0, m.start - 5):m.start].lower()
            if re.search(r"\bmr\.?\s$", before):
                return "m"
            if re.search(r"\b(mrs|ms|miss)\.?\s$", before):
                return "f"
        return None

    def _speaker_span(self, tok: Token) -> tuple[int, int]:
        span = self.res.mention_span(tok)
        if span is not None:
            s, e = span
            return self.doc[s].idx, self.doc[e - 1].idx + len(self.doc[e - 1].text)
        left = {t.i for c in tok.children if c.dep_ in ("compound", "det", "amod", "poss", "nmod", "nummod", "flat", "case")
                and c.i < tok.i for t in c.subtree}
        i = tok.i
        while i - 1 in left and self.tok_para[i - 1] == self.tok_para[tok.i] and not self.doc[i - 1].is_space:
            i -= 1
        return self.doc[i].idx, tok.idx + len(tok.text)

    def _phrase(self, tok: Token) -> str:
        s, e = self._speaker_span(tok)
        return " ".join(self.text[s:e].split())[:80]
