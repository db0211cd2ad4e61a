"""Names: comparison forms, fuzzy KB person matches, state abbreviations, place or person readings."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process
from spacy.tokens import Span, Token

from .. import datafile, gender as gendermod, kb as kbmod, nlp
from ..kb import Entry, KB
from .words import _AMBIGUOUS_ABBR, GENERIC_ORG_WORDS, KIN_NOUNS, LOCAL_TITLES, MOTION_VERBS, ORG_NAME_WORDS, PLACE_NOUNS


def _name_parts(span: Span) -> list[str]:
    return [t for t in kbmod.norm(span.text).split() if t not in ("jr", "sr", "ii", "iii")]


def _same_given_name(a: str, b: str) -> bool:
    """Whether two spellings of a given name can be one name: equal, or a variant that keeps its
    first letter ("Anthony"/"Antony", "Jon"/"John"). A different first letter makes another name
    ("Jean"/"Sean", "Mark"/"Clark"), so another person, however close the rest of the spelling."""
    return a == b or a[:1] == b[:1]


@lru_cache(maxsize=4096)
def _fuzzy_person(kb: KB, text: str) -> tuple[Entry, float] | None:
    """A KB person for a possibly misspelt full name: same number of name parts, every part close.
    Cached: an article repeats its names, and each search scans every KB person name."""
    full = kbmod.norm(text)
    parts = full.split()
    if len(parts) < 2:
        return None
    best = None
    # a fast whole-string screen first, then the part-by-part guard on the few survivors
    for n, _, idx in process.extract(full, kb.person_names, scorer=fuzz.ratio, score_cutoff=75, limit=8):
        e = kb.person_name_entries[idx]
        np_ = n.split()
        if len(np_) != len(parts):
            continue
        scores = [fuzz.ratio(a, b) for a, b in zip(parts, np_)]
        # Guard: the family name must be close and the given name must be compatible.
        if min(scores) < 72 or max(scores) < 85 or not _same_given_name(parts[0], np_[0]):
            continue
        score = sum(scores) / len(scores)
        if score >= 84 and (best is None or score > best[1]):
            best = (e, score)
    return best


@lru_cache(maxsize=50_000)
def _org_key(name: str) -> str:
    """Comparison form of an organisation name: no article, possessives or punctuation."""
    words = [w for w in re.split(r"[\s\-]+", kbmod.norm(name)) if w not in ("'s", "s", "the", "'")]
    return " ".join(re.sub(r"['.,]", "", w) for w in words)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w and w[0].isupper())


def _ngrams(toks: list[Token], sizes: tuple[int, ...] = (3, 2, 1)):
    """Runs of 3, then 2, then 1 tokens: the longest phrase in context is tried first."""
    for n in sizes:
        for i in range(len(toks) - n + 1):
            yield toks[i:i + n]


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, tuple[str, str]]:
    data = datafile.load_yaml(str(resources.files("dyad") / "data" / "place_abbreviations.yaml"))
    return {_abbr_key(a): (name, cc) for cc, table in (data or {}).items() for a, name in (table or {}).items()}


@lru_cache(maxsize=1)
def _title_nouns() -> dict[str, frozenset[str]]:
    data = datafile.load_yaml(str(nlp.TITLES)) or {}  # the same table the tokenizer keeps short forms whole by
    return {str(k).lower().rstrip("."): frozenset(str(w).lower() for w in v or []) for k, v in data.items()}


def title_nouns(word: str) -> frozenset[str]:
    """The nouns a later description may use for a title written short ("Sen." -> senator,
    lawmaker): data/title_abbreviations.yaml; empty for other words."""
    return _title_nouns().get(word.lower().rstrip("."), frozenset())


@lru_cache(maxsize=1)
def _region_names() -> dict[str, str]:
    """Each state or province named in data/place_abbreviations.yaml -> its country ("georgia" -> USA)."""
    return {kbmod.norm(name): cc for name, cc in _abbreviations().values()}


def region_country(name: str) -> str | None:
    """The country of a state or province so named, else None."""
    return _region_names().get(kbmod.norm(name))


def _abbr_key(text: str) -> str:
    return re.sub(r"[\s.]", "", text).lower()


def _abbreviated(span: Span) -> str | None:
    """The text of a span written as a state or province abbreviation of the data ("Minn.", "B.C."),
    with its period; None for anything else."""
    text = span.text
    doc = span.doc
    if "." not in text and span.end < len(doc) and doc[span.end].text == ".":
        text += "."  # "Alta" + "." split by the tokenizer at a sentence end
    if "." not in text or len(text) > 8 or _abbr_key(text) not in _abbreviations():
        return None
    return text


def _place_abbreviation(span: Span) -> tuple[str, str] | None:
    """(full name, country) for a state or province abbreviation ("Minn.", "B.C."): data/place_abbreviations.yaml.
    One that is also a word or title counts only right after a place and a comma ("Tupelo, Miss.")
    or after a person's name and "of" ("Gov. Kay Ivey of Ala.")."""
    text = _abbreviated(span)
    if text is None:
        return None
    hit = _abbreviations()[_abbr_key(text)]
    doc = span.doc
    after_place = span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].is_title
    # "Sen. Tim Scott of S.C.", "Gov. Kay Ivey of Ala.": where a named person is from
    after_person = span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].ent_type_ == "PERSON"
    if _abbr_key(text) in _AMBIGUOUS_ABBR and not (after_place or after_person):
        return None
    return hit


def _person_like(span: Span, kb: KB) -> bool:
    """A name the small model tagged as an organisation that reads as a person's: two or three
    capitalised words, the first a first name of the name dictionary, none a word organisations are
    named with or a name the KB or gazetteer knows ("Sophie Tremblay", not "Victoria Park Foods")."""
    toks = list(span)
    if not 2 <= len(toks) <= 3 or not all(t.is_alpha and t.is_title for t in toks):
        return False
    if span.start > 0 and span.doc[span.start - 1].lower_ == "the":
        return False
    if any(t.lower_ in GENERIC_ORG_WORDS or t.lower_ in ORG_NAME_WORDS or kb.lookup(t.text) for t in toks[1:]):
        return False
    if gendermod.first_name_gender(toks[0].text) is None:
        return False
    # a surname that is also a town ("Sophie Laurent", "Karen Holt") reads as a person's only where
    # the article describes the name as one: "Sophie Laurent, the festival's director, ..."
    return not any(kbmod.place_country(t.text) for t in toks[1:]) or _described_as_person(span) or \
        _pronoun_follows(span, gendermod.first_name_gender(toks[0].text))


def _described_as_person(span: Span) -> bool:
    """Whether a name has an apposition headed by a noun only a person is: a gendered title or
    kinship word, or a person noun of the reporting lexicon ("director", "owner"). (The KB's role
    nouns also name bodies: "bank" is a business role.)"""
    for c in span.root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN":
            lemma = c.lemma_.lower()
            if gendermod.title_gender(lemma) or lemma in KIN_NOUNS or lemma in _person_nouns():
                return True
    return False


def _pronoun_follows(span: Span, gender: str | None) -> bool:
    """Whether the next gendered pronoun after a name, within the next three sentences and before
    any other name the model tags as a person that could be of the same gender, is of its first
    name's gender ("Karen Holt chairs the board. Her deputy, Robert Munoz, ...")."""
    doc = span.doc
    sents = 0
    for t in doc[span.end:]:
        if t.is_sent_start:
            sents += 1
            if sents > 3:
                return False
        if t.ent_type_ == "PERSON" and t.ent_iob_ == "B" and gendermod.first_name_gender(t.text) in (gender, None):
            return False
        g = gendermod.pronoun_gender(t.text)
        if g is not None:
            return g == gender
    return False


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    data = datafile.load_yaml(str(resources.files("dyad") / "data" / "reporting.yaml")) or {}
    return frozenset(str(w).lower() for w in data.get("persons") or [])


_COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
            "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
            "upper", "lower", "greater"}


def continues_name(t: Token, kb: KB) -> bool:
    """Whether a word continues a capitalised name begun by the word before it ("Mexico" of "New
    Mexico", "England" of "New England Patriots"), so that it names no country or organisation of
    its own. The word before counts when it is capitalised, not a function word ("The") and not
    itself a name the KB knows ("EU Russia sanctions" names both), and the model reads both words as
    one entity; a word it left out of any entity continues one only after a proper noun that does
    not merely open the sentence. A new entity after a nationality, religion or party ("Shiite
    Hezbollah", "Kurdish PKK") is a name of its own, and a compass word names a part of the place
    after it ("East Jerusalem", "Northern Syria"; a country so named, "South Korea", is found whole
    before its words are)."""
    if t.i == 0 or t.ent_iob_ == "B":
        return False
    p = t.doc[t.i - 1]
    if not (p.is_alpha and (p.is_title or p.is_upper)) or p.is_stop or p.ent_type_ == "NORP" or p.lower_ in _COMPASS:
        return False
    if t.ent_iob_ != "I" and (p.pos_ != "PROPN" or p.is_sent_start):
        return False
    return not (kb.lookup(p.text) or kb.demonym(p.text) or kb.role_noun(p.text))  # "MSF Arnor": an agent


def stance_prefixed(t: Token) -> bool:
    """A country in a stance prefix: "an anti-Syria journalist" is not Syrian."""
    doc = t.doc
    if t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ in ("anti", "pro", "non"):
        return True
    return t.i >= 1 and doc[t.i - 1].lower_ in ("anti-", "pro-")


def _named_as_place(span: Span, kb: KB | None = None) -> bool:
    """A name the small model tags NORP or PERSON that the text uses as a place the gazetteer knows:
    "near the town of Samarra", "in Kirkuk", "the mayor of Kherson"."""
    root = span.root
    if root.dep_ != "pobj" or kbmod.place_country(span.text) is None:
        return False
    prep = root.head
    if prep.lower_ in ("in", "near", "at", "outside", "into", "around"):
        return True
    head = prep.head.lemma_.lower()
    if prep.lower_ in ("to", "from") and head in MOTION_VERBS:
        return True  # "moved to Paris", "fled from Aleppo"
    return prep.lower_ == "of" and (head in PLACE_NOUNS or kb is not None and kb.role_noun(head) is not None)


def _place_before_title(span: Span) -> bool:
    """A one-word place of the gazetteer right before the title of its own office: "Austin Mayor
    Kirk Watson", "Dallas Police Chief", "Ontario Premier". (Not before other roles: "Clinton
    aides" are a person's.)"""
    doc = span.doc
    if len(span) != 1 or span.end >= len(doc) or kbmod.place_country(span.text) is None:
        return False
    return doc[span.end].lower_.rstrip(".") in LOCAL_TITLES and doc[span.end].i in [t.i for t in span.root.ancestors] + \
        [c.i for a in span.root.ancestors for c in a.children]


def _names_a_person(t: Token, kb: KB | None = None) -> bool:
    """Whether a role noun is a title or apposition of a named person (a demonym the small model
    tags PERSON, "Ugandan opposition candidates", is not a person)."""
    if t.dep_ in ("compound", "appos") and t.head.ent_type_ == "PERSON":
        return True
    if t.tag_ not in ("NNS", "NNPS") and any(  # a plural ("Tamil rebels") titles no one person
            c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" and not (kb and kb.demonym(c.text))
            for c in t.children):
        return True
    if t.dep_ == "appos" and t.head.ent_type_ == "PERSON":
        return True
    return t.ent_type_ == "PERSON"


def _clean_name(text: str) -> str:
    text = re.sub(r"(['\u2019]s|['\u2019])$", "", text.strip())
    text = re.sub(r"\s+-\s+", "-", text)  # "Kim Jong - un" in tokenised text
    text = re.sub(r"\s+(['\u2019]s)\b", r"\1", text)
    return " ".join(text.split())
