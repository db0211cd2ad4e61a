"""Each person's gender: KB, a gendered title or description, the first name, the article's pronouns."""
from __future__ import annotations

from bisect import bisect_left

from spacy.attrs import LOWER
from spacy.tokens import Doc

from .. import gender as gendermod
from .cluster import _Cluster


def _first_name_gender(c: _Cluster) -> str | None:
    """The first name's gender, for a name of two or more words ("Maria Kowalski")."""
    words = [w for w in c.name.split() if gendermod.title_gender(w) is None]
    if len(words) < 2 or c.entry is not None and c.entry.kind != "person":
        return None
    return gendermod.first_name_gender(words[0])


def _pronoun_genders(doc: Doc, clusters: list[_Cluster], unknown: list[_Cluster], overrule: set[int] = frozenset()) -> None:
    """The article's own pronouns: "he"/"she" in a sentence whose only person before it is this
    one (or, when it names none, in the sentence after the only one it was the sole person of).
    A gender guessed from the first name (clusters in `overrule`) changes only on votes from
    sentences that name that person alone, when none of them agrees with the guess."""
    by_start: dict[int, _Cluster] = {}
    for c in clusters:
        if c.kind == "person":
            for m in c.mentions:
                by_start[m.start] = c
    want = {id(c) for c in unknown}
    votes: dict[int, list[str]] = {}
    prev_only: _Cluster | None = None
    # only a person's mention or a "he"/"she" counts: those tokens alone are visited, found from the
    # Doc's arrays, sentence by sentence
    he_she = {doc.vocab.strings["he"], doc.vocab.strings["she"]}
    pronouns = {i for i, w in enumerate(doc.to_array(LOWER).tolist()) if w in he_she}
    points = sorted(pronouns | set(by_start))
    for sent in doc.sents:
        seen: list[_Cluster] = []
        for i in points[bisect_left(points, sent.start):bisect_left(points, sent.end)]:
            c = by_start.get(i)
            if c is not None and c not in seen:
                seen.append(c)
            g = gendermod.pronoun_gender(doc[i].text) if i in pronouns else None
            if g is None:
                continue
            cand = seen[0] if len(seen) == 1 else (prev_only if not seen else None)
            if cand is not None and id(cand) in want and (seen or id(cand) not in overrule):
                votes.setdefault(id(cand), []).append(g)
        prev_only = seen[0] if len(seen) == 1 else None
    for c in unknown:
        v = votes.get(id(c), [])
        m, f = v.count("m"), v.count("f")
        if id(c) in overrule and min(m, f) > 0:
            continue
        if m != f and min(m, f) * 3 <= max(m, f):
            c.gender = "m" if m > f else "f"


class Genders:
    """Part of `ActorStage`: each person's gender."""

    def _genders(self, doc: Doc, clusters: list[_Cluster]) -> None:
        """Each person's gender, strongest evidence first: the KB (set already), a gendered title or
        description ("Ms.", "the spokeswoman, ..."), the first name, then the article's pronouns."""
        people = [c for c in clusters if c.kind == "person" and c.gender is None]
        guessed = []
        for c in people:
            c.gender = self._described_gender(c)
            if c.gender is None and (g := _first_name_gender(c)) is not None:
                c.gender = g
                guessed.append(c)
        unknown = [c for c in people if c.gender is None]
        if unknown or guessed:
            # the article's own pronouns outweigh a first-name guess ("Jean", "Jordan", "Taylor" are
            # given to both), when none of them agrees with the guess
            _pronoun_genders(doc, clusters, unknown + guessed, overrule={id(c) for c in guessed})

    def _described_gender(self, c: _Cluster) -> str | None:
        for m in c.mentions:
            if m.start > 0:
                g = gendermod.title_gender(m.doc[m.start - 1].text)
                if g:
                    return g
            for t in self._context_tokens(m):
                if t.pos_ in ("NOUN", "PROPN") and (g := gendermod.title_gender(t.text)):
                    return g
        return None
