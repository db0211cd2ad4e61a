"""Candidate mentions: spaCy entities, KB phrase matches and names the small model missed."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from spacy.attrs import IS_ALPHA, IS_TITLE, LENGTH, LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span

from .. import datafile, gender as gendermod, kb as kbmod, nlp
from ..datelines import datelines
from ..doctext import doc_text
from ..kb import KB
from ..nlp import PhraseIndex
from .names import _abbr_key, _abbreviations, _described_as_person, _pronoun_follows, title_nouns
from .words import _CALENDAR, ENT_KINDS, PERSONAL_TITLES, RANK_WORDS, TITLE_HEADS, TITLE_JOINERS, TITLES


@lru_cache(maxsize=4)
def _matchers(kb: KB) -> tuple[PhraseIndex, PhraseIndex]:
    """Phrase indexes over every KB name, alias, demonym and capital: one by exact case, one lower.
    Kept in the data cache with the KB they come from (see kb.load)."""
    if not kb.sources:  # a KB built in memory
        return _build_matchers(kb)
    return datafile.cached("kb-phrases", lambda: _build_matchers(kb),
                           files=[*kb.sources, __file__, nlp.__file__, str(nlp.TITLES)], extra=nlp.model_version())


def _build_matchers(kb: KB) -> tuple[PhraseIndex, PhraseIndex]:
    ex, lo = set(), set()
    for e in kb.entries:
        names = [e.name, *e.aliases, *e.demonyms] + ([e.capital] if e.capital else [])
        for n in names:
            if not n or not n[0].isalnum() and not n.startswith("the "):
                continue
            n = re.sub(r"^the\s+", "", n)
            (ex if kbmod.case_sensitive(n) else lo).add(n)
            if kbmod.case_sensitive(n) and "." not in n and 2 <= len(n) <= 4:
                ex.add(".".join(n) + ".")  # UK -> U.K.
    return (PhraseIndex(nlp.phrase_tokens(sorted(ex))), PhraseIndex(nlp.phrase_tokens(sorted(lo)), lower=True))


def _coordinated_names(ent: Span, kb_spans: list[tuple[int, int]], kb: KB) -> bool:
    """An entity made of KB names joined by "and"/"or" ("Gondor and Arnor") or by a preposition that
    joins two parties ("Gondor with Arnor", "Gondor against Arnor"), which the KB does not know whole
    ("Trinidad and Tobago" it does); or made only of KB names of different parties and "of"/"the"
    between them ("Gondor of the Prince of Dol Amroth": "the Islamic Republic of Iran", one party, stays)."""
    if (ent.start, ent.end) in kb_spans:
        return False
    inside = [(s, e) for s, e in kb_spans if ent.start <= s and e <= ent.end]
    if len(inside) < 2:
        return False
    if any(t.lower_ in ("and", "or", "&", "with", "against", "versus", "vs", "vs.") for t in ent):
        return True
    named = {i for s, e in inside for i in range(s, e)}
    if any(t.i not in named and t.lower_ not in ("of", "the") for t in ent) or \
            not any(t.i not in named and t.lower_ == "of" for t in ent):
        return False
    codes = {h.code for s, e in inside for h in kb.lookup(ent.doc[s:e].text)}
    return len(codes) >= 2


def _capitalised_epithet(ent: Span, kb_spans: list[tuple[int, int]], kb: KB) -> bool:
    """An entity that is a sentence's first word, capitalised only as the first, before a country
    name the KB knows ("Evil Gondor", "Neighbouring Arnor" tagged as a person or place): the
    country is the name. An organisation ("Air France") and a name the KB knows whole are left alone,
    and so is a first word the KB or the first-name list knows."""
    if len(ent) < 2 or ent.label_ not in ("PERSON", "GPE", "LOC", "NORP") or not ent[0].is_sent_start \
            or (ent.start, ent.end) in kb_spans or (ent.start + 1, ent.end) not in kb_spans:
        return False
    first = ent[0]
    if not first.is_title or not first.is_alpha or kb.lookup(first.text) or gendermod.first_name_gender(first.text):
        return False
    return any(h.kind == "country" for h in kb.lookup(ent[1:].text))


def _underscored_names(doc: Doc, kb: KB) -> list[Span]:
    """KB names written with "_" for spaces, as PETRARCH's files and some feeds write them ("the
    Prince of Dol_Amroth", "Minas_Tirith"): the tokenizer keeps such a word whole, so the phrase
    index cannot see its words; the shortest run of up to four tokens around it that the KB knows
    once the underscores are spaces is a KB match."""
    out: list[Span] = []
    if "_" not in doc_text(doc):  # most texts: no Token object made
        return out
    for t in doc:
        if "_" not in t.text or not _UNDERSCORED.fullmatch(t.text):
            continue
        runs = sorted(((a, b) for a in range(max(0, t.i - 3), t.i + 1) for b in range(t.i + 1, min(len(doc), t.i + 4) + 1)),
                      key=lambda r: (r[1] - r[0], r[0]))
        for a, b in runs:
            if kb.lookup(doc[a:b].text):  # (kb.norm reads "_" as a space)
                out.append(Span(doc, a, b, label="KB"))
                break
    return out


_UNDERSCORED = re.compile(r"[A-Za-z]+(?:_[A-Za-z]+)+")


def _candidate_spans(doc: Doc, kb: KB) -> list[Span]:
    """Entity spans and KB matches, longest first, without overlaps."""
    exact, lower = _matchers(kb)
    spans = []
    for matcher in (exact, lower):
        for _, s, e in matcher(doc):
            span = doc[s:e]
            if span[0].is_title or span[0].is_upper or kbmod.case_sensitive(span.text) or span.text[0].isdigit():
                spans.append(Span(doc, s, e, label="KB"))
    spans.extend(_underscored_names(doc, kb))
    kb_spans = [(s.start, s.end) for s in spans]
    spans.extend(_split_person_names(doc))
    spans.extend(_club_names(doc))
    for ent in _merged_ents(doc):
        if _coordinated_names(ent, kb_spans, kb):
            continue  # "Gondor and Arnor" tagged as one place: two names the KB knows, each its own
        if _capitalised_epithet(ent, kb_spans, kb):
            continue  # "Embattled Gondor said": the sentence's capital letter, not a longer name
        if ent.label_ != "PERSON" and _title_then_name(ent):
            ent = Span(doc, ent.start, ent.end, label="PERSON")  # "Const. Amrit Dhaliwal" tagged as a work of art
        if ent.label_ in ENT_KINDS and not _title_word(ent):
            spans.extend(_split_abbreviation(_with_first_name(_trim(ent))))
    # (the Doc's arrays first: Token objects are made only for the words that can start a name)
    pos, title, alpha, length = zip(*doc.to_array([POS, IS_TITLE, IS_ALPHA, LENGTH]).tolist()) if len(doc) else ((),) * 4
    for i in range(1, len(doc)):  # a first name and a surname the small model left untagged ("Const. Amrit Dhaliwal said")
        if not (pos[i] == pos[i - 1] == PROPN and title[i] and title[i - 1] and alpha[i] and alpha[i - 1]):
            continue
        t, f = doc[i], doc[i - 1]
        if f.pos == PROPN and t.is_title and f.is_title and t.is_alpha and f.is_alpha \
                and not t.ent_type_ and not f.ent_type_ and f.lower_ not in _CALENDAR and len(t) > 2 \
                and not _title_or_rank(f) and not _title_or_rank(t) \
                and t.lower_ not in kbmod.COMMON_WORDS and (t.i + 1 >= len(doc) or doc[t.i + 1].pos_ != "PROPN") \
                and (f.i == 0 or doc[f.i - 1].pos_ != "PROPN" or _titled(doc, f.i)) and not kb.lookup(t.text) \
                and (gendermod.first_name_gender(f.text) is not None or _titled(doc, f.i)):
            spans.append(Span(doc, f.i, t.i + 1, label="PERSON"))
    for i in range(len(doc)):  # a KB surname the small model left untagged ("Trump rallied in Ohio")
        if not (title[i] and alpha[i] and length[i] >= 4):
            continue
        t = doc[i]
        if (t.pos_ == "PROPN" or t.pos_ == "NOUN" and not t.is_sent_start) \
                and not t.ent_type_ and t.lower_ not in kbmod.COMMON_WORDS and kb.surname_candidates(t.text):
            spans.append(Span(doc, t.i, t.i + 1, label="SURNAME"))
    spans.extend(_dateline_places(doc))  # "ST. PAUL", which the model cuts at the full stop
    # a name has a letter or a digit: the model sometimes tags a line break or a bracket run as an entity
    spans = [s for s in spans if s is not None and len(s) > 0 and any(c.isalnum() for c in s.text)]

    def rank(s: Span) -> tuple:
        return (-(s.end_char - s.start_char), {"KB": 0, "SURNAME": 2}.get(s.label_, 1))

    chosen: list[Span] = []
    taken: set[int] = set()
    for s in sorted(spans, key=rank):
        idx = set(range(s.start, s.end))
        if idx & taken:
            continue
        chosen.append(s)
        taken |= idx
    return sorted(chosen, key=lambda s: s.start)


@lru_cache(maxsize=1)
def _club_words() -> tuple[frozenset[str], frozenset[str]]:
    data = (datafile.load_yaml(str(resources.files("dyad") / "data" / "contests.yaml")) or {}).get("clubs") or {}
    return frozenset(data.get("before") or ()), frozenset(data.get("after") or ())


def _club_names(doc: Doc) -> list[Span]:
    """Sports clubs named after their town ("Real Madrid", "Inter Milan", "Leeds United", "Manchester
    City"): one organisation, whatever the model tagged, so that the club is never the town or its
    government ("Real Madrid signed a striker from Brazil" is no act of Spain). The words are
    contests.yaml `clubs`; "X City" is a club only when the gazetteer has no place of that name."""
    before, after = _club_words()
    out = []
    for t in doc:
        if not (t.is_title and t.is_alpha and kbmod.place_country(t.text)):
            continue
        start, end = t.i, t.i + 1
        while end < len(doc) and doc[end].is_title and doc[end].ent_type_ == t.ent_type_ and doc[end].ent_type_ \
                and kbmod.place_country(doc[start:end + 1].text):
            end += 1  # the whole place name: "Newcastle upon Tyne" aside, "St Louis", "San Jose"
        prev, nxt = doc[start - 1] if start else None, doc[end] if end < len(doc) else None
        if prev is not None and (prev.is_title or prev.is_upper) and prev.lower_ in before:
            out.append(Span(doc, start - 1, end, label="CLUB"))
        elif nxt is not None and (nxt.is_title or nxt.is_upper) and nxt.lower_ in after \
                and not kbmod.place_country(doc[start:end + 1].text):
            out.append(Span(doc, start, end + 1, label="CLUB"))
    return out


def _split_person_names(doc: Doc) -> list[Span]:
    """A person's name the small model cut into two entities because each word is also a place
    ("Valeska" + "Paris", both tagged as places): a first name of the name dictionary joined to the
    next entity as its compound, and the two described as a person ("..., an Australian woman") or
    followed by a pronoun of the first name's gender. Linked word by word, the surname would be the
    city and the person's words the city's government's."""
    ents = list(doc.ents)
    out = []
    for a, b in zip(ents, ents[1:]):
        if len(a) != 1 or b.start != a.end or "PERSON" in (a.label_, b.label_) or not 1 <= len(b) <= 2:
            continue
        if not all(t.is_alpha and t.is_title for t in (*a, *b)) or a[0].head.i not in range(b.start, b.end):
            continue
        g = gendermod.first_name_gender(a[0].text)
        if g is None:
            continue
        name = Span(doc, a.start, b.end, label="PERSON")
        if _described_as_person(name) or _pronoun_follows(name, g):
            out.append(name)
    return out


def _merged_ents(doc: Doc) -> list[Span]:
    """spaCy's entities, with names it cut at a conjunction glued back:
    "the China and" + "Globalization Center" -> one organisation."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        if (i + 1 < len(ents) and ent[-1].lower_ in ("and", "of", "&", "for") and ents[i + 1].start == ent.end
                and ent.label_ in ("ORG", "GPE", "FAC", "NORP", "LOC")):
            out.append(Span(doc, ent.start, ents[i + 1].end, label="ORG"))
            i += 2
            continue
        out.append(ent)
        i += 1
    return out


def _title_word(span: Span) -> bool:
    """A department named only inside a title, as in "Secretary of State", "Commerce Secretary" or
    "U.S. National Security Adviser"."""
    if len(span) != 1:
        root = span.root
        return root.dep_ == "compound" and root.head.lower_ in PERSONAL_TITLES and root.head.i >= span.end
    tok = span[0]
    head = tok.head
    if tok.dep_ == "compound" and head.lower_ in TITLE_HEADS:
        return True
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in TITLE_HEADS:
        return True
    return False


def _trim(span: Span) -> Span | None:
    """Drop determiners, titles before a person's name and possessive endings."""
    s, e = span.start, span.end
    doc = span.doc
    cut = next((i for i in range(s, e - 1) if "\n" in doc[i].whitespace_ or doc[i + 1].is_space), None)
    if cut is not None:  # a name never runs over a line break ("Maria Lopez\nAssociated Press")
        e = cut + 1
    while s < e and (doc[s].lower_ in ("the", "a", "an") or doc[s].is_punct):
        s += 1
    if span.label_ == "PERSON":
        while s < e - 1 and doc[s].lower_.rstrip(".") in TITLES:
            s += 1
    while e > s and (doc[e - 1].text in ("'s", "\u2019s", "'", "\u2019") or doc[e - 1].is_punct
                     or (span.label_ == "PERSON" and e - s > 1 and doc[e - 1].pos_ in ("VERB", "AUX"))):
        e -= 1  # possessives, punctuation, and headline verbs caught in a name ("Obama Says")
    opened = [i for i in range(s, e) if doc[i].text == "("]
    if opened and not any(doc[i].text == ")" for i in range(opened[0], e)):
        e = opened[0]  # "Umma (Nation" -> "Umma"
        while e > s and doc[e - 1].is_punct:
            e -= 1
    if s >= e:
        return None
    return Span(doc, s, e, label=span.label_)


def _paragraph_start(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].whitespace_ + doc[i - 1].text


def _dateline_places(doc: Doc) -> list[Span]:
    """The places of the document's datelines, where a story was filed ("ST. PAUL, Minn. (AP) —":
    "ST. PAUL" and "Minn."), read by datelines.py."""
    return [Span(doc, s, e, label="GPE") for d in datelines(doc) for s, e in d.places]


def _byline_tokens(doc: Doc) -> set[int]:
    """The tokens of byline lines ("By Maria Lopez and Ron Johnson, Associated Press"): a line of
    its own that opens with "By" and holds only names, their joins and an outlet. The people named
    there wrote the story; they are not the namesakes the KB knows."""
    out: set[int] = set()
    by = get_string_id("by")
    for t in (doc[i] for i, w in enumerate(doc.to_array(LOWER).tolist()) if w == by):  # (no Token for other words)
        if not t.is_title and not t.is_upper or not _paragraph_start(doc, t.i):
            continue
        line = []
        for u in doc[t.i + 1:t.i + 20]:
            line.append(u)
            if "\n" in u.whitespace_ or u.i + 1 < len(doc) and doc[u.i + 1].is_space:
                break
        else:
            if t.i + 20 < len(doc):
                continue  # no line end: a sentence that starts with "By"
        words = [u for u in line if not u.is_punct and u.lower_ not in ("and", "&", "of", "the", "in", "for")]
        if words and all(u.is_title or u.is_upper for u in words):
            out |= {u.i for u in line}
    return out


def _dateline_tokens(doc: Doc) -> set[int]:
    """The tokens of the article's dateline places (and the commas between them)."""
    out = set()
    for p in _dateline_places(doc):
        out |= set(range(p.start, p.end))
        if p.start > 0 and doc[p.start - 1].text == "," and p.start - 2 in out:
            out.add(p.start - 1)
    return out


@lru_cache(maxsize=1)
def _ranks() -> frozenset[str]:
    """Ranks before a name, lower case without a period: the rank words, and every short form that
    data/title_abbreviations.yaml expands to one of them ("sgt." -> sergeant, "pvt." -> private)."""
    short = {k.lower().rstrip(".") for k in nlp.title_abbreviations() if title_nouns(k) & RANK_WORDS}
    return frozenset(RANK_WORDS | short)


def _titled(doc: Doc, i: int) -> bool:
    """Whether token i follows a title or rank ("Const. Amrit", "Dr Leah"): a name comes next."""
    j = i - 1
    if j >= 0 and doc[j].text == ".":
        j -= 1
    word = doc[j].lower_.rstrip(".") if j >= 0 else ""
    return word in TITLES and word not in TITLE_JOINERS or word in _ranks()


def _title_or_rank(t) -> bool:
    word = t.lower_.rstrip(".")
    return word in TITLES or word in _ranks() or gendermod.title_gender(word) is not None


def _title_then_name(ent: Span) -> bool:
    """A title or rank written short and two or three capitalised words after it, nothing else: a
    person's name, whatever the model's label ("Const. Amrit Dhaliwal" read as a work of art)."""
    return 3 <= len(ent) <= 4 and ent[0].text.endswith(".") and _title_or_rank(ent[0]) and all(t.is_title and t.is_alpha for t in ent[1:])


def _with_first_name(span: Span | None) -> Span | None:
    """ "Isabelle Fortin" tagged as "Fortin": a person's name takes the first name right before it;
    "John Stumpf" tagged as "John" (the tagger read the surname as a noun) takes the surname after it."""
    if span is None or span.label_ != "PERSON" or len(span) > 2:
        return span
    doc = span.doc
    if len(span) == 1 and span.end < len(doc) and gendermod.first_name_gender(span.text) is not None:
        nxt = doc[span.end]
        if nxt.is_title and nxt.is_alpha and not nxt.ent_type_ and span[-1].whitespace_ == " " and len(nxt) > 2 \
                and nxt.lower_ not in kbmod.COMMON_WORDS and nxt.lower_ not in _CALENDAR and not _title_or_rank(nxt):
            return Span(doc, span.start, span.end + 1, label="PERSON")
    if span.start == 0:
        return span
    prev = span.doc[span.start - 1]
    if not (prev.is_title and prev.is_alpha) or prev.ent_type_ or prev.lower_ in _CALENDAR or prev.whitespace_ != " ":
        return span
    if _title_or_rank(prev) or gendermod.first_name_gender(prev.text) is None:
        return span  # "General Michel Aoun", "Judge Alejandro Rivera": a title, not a first name
    return Span(span.doc, span.start - 1, span.end, label="PERSON")


def _split_abbreviation(span: Span | None) -> list[Span | None]:
    """ "Red Deer, Alta" tagged as one name: the city and the province are two places."""
    if span is None or len(span) < 3:
        return [span]
    for i in range(span.start + 1, span.end - 1):
        if span.doc[i].text == ",":
            tail = span.doc[i + 1:span.end]
            if tail.end < len(span.doc) and span.doc[tail.end].text == "." and not tail.text.endswith("."):
                key = _abbr_key(tail.text + ".")
            else:
                key = _abbr_key(tail.text)
            if key in _abbreviations():
                return [Span(span.doc, span.start, i, label="GPE"), Span(span.doc, i + 1, span.end, label="GPE")]
    return [span]
