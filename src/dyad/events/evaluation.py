"""Evaluations: words that judge someone, said of someone.

A statement whose content calls an actor or its conduct bad ("Trump is unfit", "his strategy was to be
a bully") is criticism (111), not a neutral statement (statements.py). Which words judge badly is
data: the AFINN sentiment word list that the `afinn` package ships (3,382 English words scored -5..+5
by hand); a word scored NEGATIVE or below judges. Where it counts is the parse: only a predicate says
something of its subject, so a judging word counts as the head or a modifier of a copula's complement
("is unfit", "is a disgrace", "was to be a bully"), and the subject it is said of must be someone: a
person, a group, a pronoun, or something a named actor owns ("Trump's strategy"). "The situation is
dire" or "the storm was terrible" judge no one, and a judgement the content reports as someone
else's words ("the left is saying Trump is a liar") is theirs, not the speaker's.

A verb of naming says its predicate of its object in a small clause ("called the governor a liar",
"called the decision unacceptable", "described the strikes as barbaric"): `label` finds that
predicate and `polarity` judges it, bad (NEGATIVE or below) or good (GOOD or above), so the verb
lexicon can code the naming as criticism or praise (verbs.yaml `label`).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from .parse import _children
from .words import REPORT_HEADS

NEGATIVE = -2  # AFINN's scale: -2 "bad, unfit, crazy", -3 "liar, desperate"; -1 is mild ("rigged", "doubt")
GOOD = 2  # +2 "true, achievement", +3 "good, hero", +4 "win"; +1 is mild ("friend", "important")
# predicate dependencies: the complement of a copula
PREDICATES = {"acomp", "attr", "oprd"}
COPULAS = {"be", "become", "seem", "remain", "look", "sound", "appear", "prove"}
EXPLETIVES = {"there", "what", "which", "who"}
MEASURES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}  # entity types that say when or how much
FIRST_PERSON = {"i", "we"}
# typographic quotation marks, which say which way they face (a straight mark does not)
NESTED_OPEN = {"\u2018", "\u201c"}
NESTED_CLOSE = {"\u2019", "\u201d"}


@lru_cache(maxsize=1)
def scores() -> dict[str, int]:
    """Single words of the AFINN list and their scores."""
    path = resources.files("afinn") / "data" / "AFINN-en-165.txt"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, score = line.rpartition("\t")
        if word and " " not in word and score.lstrip("-").isdigit():
            out[word.lower()] = int(score)
    return out


def bad(tok: Token) -> bool:
    """A word that judges badly: an adjective or noun scored NEGATIVE or below, not negated ("not
    unfit") and not an act's verb (acts are the verb lexicon's)."""
    if tok.pos_ not in ("ADJ", "NOUN"):
        return False
    s = scores()
    score = min(s.get(tok.lower_, 0), s.get(tok.lemma_.lower(), 0))
    return score <= NEGATIVE and not _children(tok, "neg")


def _score(tok: Token) -> int:
    """The AFINN score of a noun or adjective (0 for other words or a negated one: "not unfit")."""
    if tok.pos_ not in ("ADJ", "NOUN") or _children(tok, "neg"):
        return 0
    s = scores()
    got = [v for v in (s.get(tok.lower_), s.get(tok.lemma_.lower())) if v is not None]
    return min(got) if got and min(got) < 0 else max(got, default=0)


def label(verb: Token) -> tuple[Token | None, list[Token]]:
    """What a verb says of its object in a small clause, as (object, predicate words): an object
    predicate ("called the governor A LIAR"), a second noun after the object ("branded her rival A
    COWARD", "labeled the protesters TERRORISTS"), an adjective after it ("called the decision
    UNACCEPTABLE", which the parser may read as the subject of the predicate) or an "as" phrase
    ("described the strikes AS BARBARIC", "characterized the vote as A BETRAYAL"). (None, []) when
    the verb says nothing of an object."""
    objs = _children(verb, "dobj")
    preds = [c for c in verb.children if c.dep_ == "oprd"]
    if not objs:  # "called [Israel's decision] unacceptable": the object read as the predicate's subject
        objs = [c for p in preds for c in _children(p, "nsubj") if verb.i < c.i < p.i]
    if not objs:
        return None, []
    obj = objs[0]
    out = [c for c in preds if c.i > obj.i]
    out += [c for c in verb.children if c.i > obj.i and c.dep_ in ("dobj", "npadvmod", "attr") and c.pos_ in ("NOUN", "ADJ")
            and c.ent_type_ not in MEASURES]  # not "called Putin last week": when, not what
    out += [c for c in obj.children if c.i > obj.i and c.dep_ in ("amod", "oprd") and c.pos_ == "ADJ"]
    for p in _children(verb, "prep") + _children(obj, "prep"):
        if p.lower_ == "as" and p.i > obj.i:
            out += [g for g in p.children if g.dep_ in ("pobj", "amod", "acomp") and g.pos_ in ("NOUN", "ADJ", "PROPN")]
    return (obj, out) if out else (None, [])


def polarity(words: list[Token]) -> str | None:
    """"bad" when a predicate's words judge badly (a head, a conjunct or a modifier at NEGATIVE or
    below: "a reckless liar"), else "good" when one praises (GOOD or above: "a historic achievement",
    "a true friend"), else None (a neutral label: "a celebration")."""
    heads = [x for w in words for x in (w, *w.conjuncts)]
    toks = heads + [c for w in heads for c in w.children if c.dep_ in ("amod", "compound", "advmod", "acomp")]
    scored = [_score(t) for t in toks]
    if any(v <= NEGATIVE for v in scored):
        return "bad"
    return "good" if any(v >= GOOD for v in scored) else None


def _judging(pred: Token) -> bool:
    """Whether a predicate's head, a modifier of it or a conjunct judges badly."""
    words = [pred, *pred.conjuncts]
    words += [c for w in list(words) for c in w.children if c.dep_ in ("amod", "compound", "advmod")]
    return any(bad(w) for w in words)


def _someone(subj: Token | None) -> bool:
    """A subject that is someone or someone's: a pronoun ("he", "it", "this"), a name, a group noun
    with a possessor or a named owner ("Trump's strategy", "his leadership")."""
    if subj is None or subj.lower_ in EXPLETIVES:
        return False
    if subj.pos_ in ("PRON", "PROPN") or subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    return any(c.dep_ == "poss" for c in subj.children)


def judged(pred_head: Token) -> Token | None:
    """The subject a copula's bad complement is said of ("Trump is unfit": Trump), or None."""
    verb = pred_head.head
    if pred_head.dep_ not in PREDICATES or verb.lemma_.lower() not in COPULAS or _children(verb, "neg"):
        return None
    if not _judging(pred_head):
        return None
    while verb.dep_ == "xcomp" and not _children(verb, "nsubj"):  # "his strategy was to be a bully"
        verb = verb.head
    subj = next(iter(_children(verb, "nsubj", "nsubjpass")), None)
    return subj if _someone(subj) else None


def _reported(tok: Token, span: Span) -> bool:
    """Whether a word of a span stands in what the span reports someone else saying: inside a quotation
    nested in the quote ("The left is saying, 'he is a liar'") or under a verb of saying inside the span
    whose subject is not the speaker ("voters tell me he is a liar")."""
    depth = 0
    direct = span[0].is_quote or span.start > 0 and span.doc[span.start - 1].is_quote
    for t in span.doc[span.start:tok.i] if direct else ():  # (in indirect speech, marks quote the speaker)
        if t.i > span.start and t.text in NESTED_OPEN:
            depth += 1
        elif t.text in NESTED_CLOSE:
            depth = max(0, depth - 1)
    if depth:
        return True
    for a in tok.ancestors:
        if not span.start <= a.i < span.end:
            return False
        if a.lemma_.lower() in REPORT_HEADS and any(c.lower_ not in FIRST_PERSON for c in _children(a, "nsubj")):
            return True
    return False


def judgements(span: Span) -> list[Token]:
    """The subjects a span's copular clauses judge badly, in order (not those it reports as others' words)."""
    return [s for t in span if t.dep_ in PREDICATES and (s := judged(t)) is not None and not _reported(t, span)]

