"""What a content is about: the words of a quote, or what a verbal act's verb governs, ordered by how
central they are to it, so that a statement or a verbal act takes as its target the party its words
are about ("Merkel said he had broken his word": Putin; "criticised Germany's plan": Germany).

Centrality is read from the parse, not from word lists: a word in a clause nearer the top of the
content first; within a clause its subject, then its object or predicate, then its other phrases;
a possessor, modifier or relative clause ranks with the phrase it belongs to ("Trump's tweets are
lies", "the tariffs Washington imposed were unfair": Trump, Washington are in the subject); then
position. A place named by a locative or circumstantial phrase ("after talks in Beijing", "during
a campaign stop") mostly says where or when, so it comes after every other word. Some words name
no other party and are left out: first-person words (the speaker's), a common noun that is a
predicate ("he hopes to be elected president", "it is gutless leadership": it describes its
subject) or that only modifies another noun ("campaign season": a kind, not a party).
"""
from __future__ import annotations

from spacy.tokens import Token

# how central an argument of its clause is
ARG_RANK = {"nsubj": 0, "nsubjpass": 0, "csubj": 0, "dobj": 1, "dative": 1, "attr": 1, "oprd": 1, "acomp": 1,
            "pobj": 2, "prep": 2, "agent": 2, "xcomp": 2, "ccomp": 2}
OTHER = 3
WHERE_RANK = 99
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
WHERE = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "during"})
PREDICATES = frozenset({"attr", "oprd", "acomp"})
# dependents of a verbal act's verb that are not what it is about: who does it, its mood, and clauses
# only attached to it ("after he admitted ...", "when ...")
NOT_GOVERNED = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "expl", "aux", "auxpass", "neg",
                          "punct", "cc", "conj", "mark", "advmod", "advcl", "npadvmod", "prt", "det", "parataxis",
                          "intj", "dep"})


def governed(verb: Token, attached: bool = False) -> list[Token]:
    """The words a verbal act's verb governs as its content: its objects, complements and phrases
    with everything under them (not its subject, auxiliaries, or clauses merely attached to it, unless
    `attached`: "when the Senate voted, she said")."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ not in NOT_GOVERNED or attached and c.dep_ == "advcl":
            out += list(c.subtree)
    return sorted(out, key=lambda t: t.i)


def where(t: Token) -> bool:
    """Whether a word is the object of a locative preposition ("talks in Beijing")."""
    return t.dep_ == "pobj" and t.head.lower_ in WHERE


def _key(t: Token, inside: set[int]) -> tuple[int, int, int, int]:
    """(clauses above it in the content, its clause argument's rank, words between it and that
    argument, position)."""
    if where(t):
        return WHERE_RANK, WHERE_RANK, 0, t.i  # after every other word, whatever its depth
    clauses, rank, steps = 0, None, 0
    x = t
    while x.head.i != x.i and x.head.i in inside:
        h = x.head
        if h.pos_ in ("VERB", "AUX") and h.dep_ not in ("relcl", "acl"):  # a clause (a relative one is part of its noun's phrase)
            if rank is None:
                rank = ARG_RANK.get(x.dep_, OTHER)
            clauses += 1
        elif rank is None:
            steps += 1
        x = h
    if rank is None:  # no verb above it in the content: rank by how the phrase hangs on what governs it
        rank = ARG_RANK.get(x.dep_, OTHER)
    return clauses, rank, steps, t.i


def _no_party(t: Token, named: set[int]) -> bool:
    """A word that names no party of its own (see the module notes); a name never is one."""
    if t.i in named or t.pos_ == "PROPN":
        return False
    if t.lower_ in FIRST_PERSON:
        return True
    return t.pos_ == "NOUN" and (t.dep_ in PREDICATES or t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN"))


def salient(tokens: list[Token], named: set[int] = frozenset()) -> list[Token]:
    """The words of a content that may name a party (nouns, names, pronouns, adjectives and the words of
    `named` mentions), most central first; words that name no party are left out."""
    inside = {t.i for t in tokens}
    words = [t for t in tokens if (t.pos_ in ("NOUN", "PROPN", "PRON", "ADJ") or t.i in named)
             and not _no_party(t, named)]
    return sorted(words, key=lambda t: _key(t, inside))
