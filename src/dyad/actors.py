"""The actors stage: mentions of people, organisations and places, one identity per real-world actor.

Steps, each cheap:
1. candidate mentions: spaCy's entities plus knowledge-base phrase matches (which catch what
   the small model mislabels or misses);
2. linking: exact or alias match in the KB, else a guarded fuzzy match ("Anthony Brinken" ->
   Antony Blinken), with the article date choosing the role in force;
3. in-document clustering: surnames and first names join the nearest compatible full name
   ("Wang" after "Wang Huiyao" is Wang Huiyao, after "Wang Yi" is Wang Yi), spelling variants
   join by edit distance but never across different given names;
4. codes from context for actors the KB does not know: premodifiers and appositions
   ("China's Foreign Minister Qin Gang", "a Beijing think tank", "Former Pentagon official");
5. collective actors: a country word plus a role noun ("Chinese officials", "China's foreign
   ministry") is coded country + role.
`Resolver` then maps any token (a name, a pronoun, "the secretary") to an actor id, which is
what the quote and event stages use.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span, Token

from . import budget, datafile, nlp
from . import gender as gendermod
from . import kb as kbmod
from .kb import KB, Entry
from .nlp import PhraseIndex
from .types import Actor, Mention

ENT_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "NORP": "group", "LOC": "place",
             "FAC": "place"}
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "president", "vice", "premier", "prime", "minister",
    "secretary", "chancellor", "senator", "sen", "rep", "representative", "governor", "gov", "gen", "general",
    "admiral", "adm", "col", "colonel", "lt", "king", "queen", "prince", "princess", "sheikh", "ambassador",
    "envoy", "speaker", "leader", "chairman", "chairwoman", "chair", "director", "spokesman", "spokeswoman",
    "spokesperson", "commissioner", "mayor", "judge", "justice", "pope", "foreign", "defense", "defence",
    "state", "treasury", "commerce", "deputy", "former", "top", "diplomat", "official", "counselor", "adviser",
    "advisor", "councillor", "councilor", "lawmaker", "congressman", "congresswoman", "chief", "head", "of",
    "the", "u.s.", "us", "special",
}
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PERSON_PRONOUNS = MALE | FEMALE
GROUP_PRONOUNS = {"they", "them", "their", "theirs", "it", "its"}
CAMEO_ROLE_NAMES = {
    "GOV": "government", "MIL": "military", "LEG": "legislature", "JUD": "judiciary", "OPP": "opposition",
    "REB": "rebels", "COP": "police", "BUS": "business", "MED": "media", "EDU": "academia", "NGO": "NGO",
    "CVL": "civilians", "SPY": "intelligence", "PTY": "party", "IGO": "IGO", "HLH": "health workers",
    "ELI": "elites", "LAB": "labour", "REF": "refugees", "AGR": "agriculture", "CRM": "criminals",
    "UAF": "armed groups",
}


@dataclass
class _Cluster:
    """Mentions believed to be one actor, before it becomes an `Actor`."""

    kind: str
    name: str
    entry: Entry | None = None
    link: dict = field(default_factory=dict)
    mentions: list[Span] = field(default_factory=list)
    code: str | None = None
    country: str | None = None
    role: str | None = None
    title: str | None = None
    gender: str | None = None
    described: set[str] = field(default_factory=set)  # nouns the article describes a person with

    @property
    def tokens(self) -> list[str]:
        return kbmod.norm(self.name).split()

    def last_end(self, before: int) -> int:
        return max((m.start for m in self.mentions if m.start < before), default=-1)


@lru_cache(maxsize=4)
def _matchers(kb: KB) -> tuple[PhraseIndex, PhraseIndex]:
    """Phrase indexes over every KB name, alias, demonym and capital: one by exact case, one lower.
    Kept in the data cache with the KB they come from (see kb.load)."""
    if not kb.sources:  # a KB built in memory
        return _build_matchers(kb)
    return datafile.cached("kb-phrases", lambda: _build_matchers(kb),
                           files=[*kb.sources, __file__, nlp.__file__], extra=nlp.model_version())


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


def _candidate_spans(doc: Doc, kb: KB) -> list[Span]:
    """Entity spans and KB matches, longest first, without overlaps."""
    exact, lower = _matchers(kb)
    spans = []
    for matcher in (exact, lower):
        for _, s, e in matcher(doc):
            span = doc[s:e]
            if span[0].is_title or span[0].is_upper or kbmod.case_sensitive(span.text) or span.text[0].isdigit():
                spans.append(Span(doc, s, e, label="KB"))
    for ent in _merged_ents(doc):
        if ent.label_ in ENT_KINDS and not _title_word(ent):
            spans.extend(_split_abbreviation(_with_first_name(_trim(ent))))
    for t in doc[1:]:  # a first name and a surname the small model left untagged ("Const. Amrit Dhaliwal said")
        f = doc[t.i - 1]
        if t.pos_ == "PROPN" and f.pos_ == "PROPN" and t.is_title and f.is_title and t.is_alpha and f.is_alpha \
                and not t.ent_type_ and not f.ent_type_ and f.lower_ not in _CALENDAR and len(t) > 2 \
                and t.lower_ not in kbmod.COMMON_WORDS and (t.i + 1 >= len(doc) or doc[t.i + 1].pos_ != "PROPN") \
                and (f.i == 0 or doc[f.i - 1].pos_ != "PROPN" or _titled(doc, f.i)) and not kb.lookup(t.text) \
                and (gendermod.first_name_gender(f.text) is not None or _titled(doc, f.i)):
            spans.append(Span(doc, f.i, t.i + 1, label="PERSON"))
    for t in doc:  # a KB surname the small model left untagged ("Trump rallied in Ohio")
        if t.is_title and t.is_alpha and len(t) >= 4 and (t.pos_ == "PROPN" or t.pos_ == "NOUN" and not t.is_sent_start) \
                and not t.ent_type_ and t.lower_ not in kbmod.COMMON_WORDS and kb.surname_candidates(t.text):
            spans.append(Span(doc, t.i, t.i + 1, label="SURNAME"))
    spans = [s for s in spans if s is not None and len(s) > 0]

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


TITLE_HEADS = {"secretary", "minister", "ministry", "department", "spokesman", "spokeswoman", "spokesperson",
               "ambassador", "envoy", "chief", "director", "head", "adviser", "advisor", "official", "officials"}


PERSONAL_TITLES = {"secretary", "minister", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson",
                   "ambassador", "envoy", "director", "chief", "head", "chairman", "chairwoman", "commissioner"}


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


def _name_parts(span: Span) -> list[str]:
    return [t for t in kbmod.norm(span.text).split() if t not in ("jr", "sr", "ii", "iii")]


def _fuzzy_person(kb: KB, text: str) -> tuple[Entry, float] | None:
    """A KB person for a possibly misspelt full name: same number of name parts, every part close."""
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
        if min(scores) < 72 or max(scores) < 85:
            continue
        score = sum(scores) / len(scores)
        if score >= 84 and (best is None or score > best[1]):
            best = (e, score)
    return best


class ActorStage:
    """Finds and resolves the actors of one parsed document."""

    def __init__(self, kb: KB):
        self.kb = kb

    def __call__(self, doc: Doc, published: str | None) -> "Resolver":
        kb = self.kb
        clusters: list[_Cluster] = []
        span_cluster: dict[tuple[int, int], _Cluster] = {}
        group_spans = self._group_spans(doc)
        group_tokens = {i for s, _ in group_spans for i in range(s.start, s.end)}

        datelines: set[tuple[int, int]] = set()
        for span in _candidate_spans(doc, kb):
            budget.check()  # one pathological article must not stall its batch
            dateline = _dateline(span)
            if dateline or any(i in group_tokens for i in range(span.start, span.end)) and span.label_ != "PERSON":
                # "SEOUL (Reuters) —" says where the story was filed, and "China" inside "China's
                # foreign ministry" belongs to the collective actor: a mention of the place or
                # country, but no token of it stands for that actor in events or quotes
                cluster = self._place(span if not dateline else Span(doc, span.start, span.end, label="GPE"),
                                      clusters, kb, published, doc)
                if cluster is not None and cluster.kind in ("country", "place"):
                    cluster.mentions.append(span)
                    if dateline:
                        datelines.add((span.start, span.end))
                continue
            cluster = self._place(span, clusters, kb, published, doc)
            if cluster is None:
                continue
            cluster.mentions.append(span)
            span_cluster[(span.start, span.end)] = cluster

        for span, (entry, role) in group_spans:
            person = self._titled_person(span, entry, clusters) if entry is not None else None
            if person is not None:  # "China's top diplomat" after "China's top diplomat, Wang Yi"
                person.mentions.append(span)
                span_cluster[(span.start, span.end)] = person
                continue
            if entry is None:
                key_name = " ".join(t.lemma_.lower() if t.i == span.end - 1 else t.lower_ for t in span)
            else:
                key_name = f"{entry.name} {CAMEO_ROLE_NAMES.get(role, role.lower())}"
            cluster = next((c for c in clusters if c.kind == "group" and c.name == key_name), None)
            if cluster is None:
                cluster = _Cluster(kind="group", name=key_name, code=(entry.code if entry else "") + role,
                                   country=entry.code if entry else None, role=role,
                                   link={"method": "context", "evidence": span.text})
                clusters.append(cluster)
            cluster.mentions.append(span)
            span_cluster[(span.start, span.end)] = cluster

        self._repeat_mentions(doc, clusters, span_cluster)
        self._genders(doc, clusters)
        for c in clusters:
            if c.kind == "person":
                names = set(c.tokens)
                c.described = {t.lemma_.lower() for m in c.mentions for t in self._context_tokens(m)
                               if t.pos_ in ("NOUN", "PROPN") and t.lower_ not in names}
        for c in clusters:
            if c.kind == "person" and c.code is None:
                self._code_from_context(c, doc)
        self._country_from_sentence(clusters)
        clusters = [c for c in clusters if c.mentions]
        clusters.sort(key=lambda c: min(m.start for m in c.mentions))
        actors = []
        for i, c in enumerate(clusters, 1):
            c.mentions.sort(key=lambda m: m.start)
            actors.append(Actor(
                id=f"A{i}", name=c.name, kind=c.kind, code=c.code, country=c.country, role=c.role,
                mentions=[Mention(m.start_char, m.end_char, m.text, self._form(m, c, datelines)) for m in c.mentions],
                link=c.link, kb_id=c.entry.key if c.entry else None, gender=c.gender))
        return Resolver(doc, actors, clusters, span_cluster, kb)

    # -- linking and clustering ---------------------------------------------------------------
    def _place(self, span: Span, clusters: list[_Cluster], kb: KB, published: str | None, doc: Doc) -> _Cluster | None:
        text = span.text
        abbr = _place_abbreviation(span)
        if abbr is not None:  # "St. Paul, Minn.": a state or province of its country, never a fuzzy match
            name, cc = abbr
            c = self._same_org(name, "place", clusters)
            if c is None:
                c = _Cluster(kind="place", name=name, code=cc, country=cc, link={"method": "alias", "evidence": text})
                clusters.append(c)
            return c
        known_place = span.label_ in PLACE_LABELS and _named_as_place(span, self.kb)  # "in Florence"
        if span.label_ != "PERSON" and len(_name_parts(span)) == 1 and span[0].is_title and not known_place:
            # the small model often labels a bare surname ("Brinken's visit") as a place or
            # organisation; a known city used as a place ("in Florence" after "Florence Pugh") stays one
            person = self._compatible_person(_name_parts(span)[0], clusters, span.start)
            if person is not None and not kb.lookup(text):
                return person
        hits = kb.lookup(text)
        if span.label_ in ("PERSON",) and hits and all(h.kind != "person" for h in hits):
            hits = []  # a person named like a place is still a person
        if not hits and span.label_ in ("NORP", "KB", "GPE"):
            dem = kb.demonym(text)
            if dem:
                hits = [dem]
        if hits:
            entry = self._choose(hits, published)
            return self._cluster_for_entry(entry, clusters, published, span, method="exact" if kbmod.norm(text) == kbmod.norm(entry.name) else "alias")
        people = (len(span) > 1 and self.kb.demonym(span[0].text) is not None and
                  (self.kb.demonym(span[-1].text) is not None or span[-1].tag_ in ("NNPS", "NNS")))
        if span.label_ in ("PERSON", "KB", "SURNAME") and not people:
            return self._place_person(span, clusters, kb, published)
        if span.label_ in PLACE_LABELS and len(span) == 1 and span[0].is_title and kbmod.place_country(span.text) is None:
            person = self._place_person(span, clusters, kb, published)
            if person is not None:
                return person
        if span.label_ == "NORP" or people:
            country = self.kb.demonym(span[0].text) if len(span) > 1 else None
            if country is None and not people and _named_as_place(span):
                return self._place(Span(doc, span.start, span.end, label="GPE"), clusters, kb, published, doc)
            if country is None:
                return None  # religions, parties, nationalities the KB does not know: not an actor by itself
            # "Bosnian Serbs", "Croatian Serbs": a people named by its country's demonym
            name = _clean_name(span.text)
            for c in clusters:
                if c.kind == "group" and c.name == name:
                    return c
            c = _Cluster(kind="group", name=name, code=country.code, country=country.code,
                         link={"method": "context", "evidence": span.text})
            clusters.append(c)
            return c
        if span.label_ == "ORG" and _person_like(span, kb):
            return self._place_person(Span(doc, span.start, span.end, label="PERSON"), clusters, kb, published)
        kind = ENT_KINDS.get(span.label_, "organization")
        name = _clean_name(re.sub(r"^the\s+", "", text, flags=re.I))
        same = self._same_org(name, kind, clusters)
        if same is not None:
            return same
        c = _Cluster(kind=kind, name=name, link={"method": "new"})
        country, role = self._code_from_name(span)
        c.country, c.role = country, role
        c.code = (country or "") + (role or "") or None
        if c.code:
            c.link = {"method": "context", "evidence": span.text}
        clusters.append(c)
        return c

    def _choose(self, hits: list[Entry], published: str | None) -> Entry:
        if len(hits) == 1:
            return hits[0]
        in_office = [h for h in hits if h.kind == "person" and published and
                     any(r.holds_on(published) for r in h.roles)]
        if in_office:
            return in_office[0]
        order = {"country": 0, "organization": 1, "place": 2, "group": 3, "person": 4}
        return sorted(hits, key=lambda h: order.get(h.kind, 5))[0]

    def _cluster_for_entry(self, entry: Entry, clusters: list[_Cluster], published: str | None, span: Span,
                           method: str, score: float | None = None) -> _Cluster:
        for c in clusters:
            if c.entry is entry:
                return c
        c = _Cluster(kind=entry.kind, name=entry.name, entry=entry, gender=entry.gender)
        c.link = {"method": method, "kb": entry.key}
        if score is not None:
            c.link["score"] = round(score, 1)
        if entry.kind == "person":
            role, why = entry.role_on(published)
            if role:
                in_office = why.startswith(("in office", "latest"))
                c.country, c.role = self.kb.split_code(role.code)
                c.code = role.code if in_office else c.country  # a former office-holder keeps only a country
                c.role = c.role if in_office else None
                c.title = role.title
                c.link["role"] = f"{role.title} ({why})"
        else:
            c.code, c.country, c.role = entry.code, entry.country, entry.role
            if entry.kind == "country":
                c.role = None
        clusters.append(c)
        return c

    def _place_person(self, span: Span, clusters: list[_Cluster], kb: KB, published: str | None) -> _Cluster | None:
        parts = _name_parts(span)
        if not parts:
            return None
        persons = [c for c in clusters if c.kind == "person"]
        if len(parts) >= 2:
            # A full name: the same or a variant spelling of a person already seen, else the KB, else new.
            for c in persons:
                if c.tokens == parts or (c.entry and any(kbmod.norm(a).split() == parts for a in c.entry.aliases)):
                    return c
            fz = _fuzzy_person(kb, span.text)
            if fz:
                return self._cluster_for_entry(fz[0], clusters, published, span, "fuzzy", fz[1])
            for c in persons:
                ct = c.tokens
                if len(ct) == len(parts) >= 2:
                    scores = [fuzz.ratio(a, b) for a, b in zip(ct, parts)]
                    if min(scores) >= 75 and sum(scores) / len(scores) >= 85:
                        return c
            for c in reversed(persons):
                # "Mr. Thompson ... Drew Thompson": the lone name seen first takes the fuller name
                if c.entry is None and len(c.tokens) == 1 and c.tokens[0] in (parts[-1], parts[0]):
                    c.name = _clean_name(span.text)
                    return c
            c = _Cluster(kind="person", name=_clean_name(span.text), link={"method": "new"})
            clusters.append(c)
            return c
        # A single name: the nearest compatible person already in the document.
        word = parts[0]
        best = self._compatible_person(word, clusters, span.start)
        if best is not None:
            return best
        # No antecedent: a unique KB person with that surname.
        cands = {e.key: e for e in kb.surname_candidates(word)}  # exact only: no fuzzy KB link from one word
        dated = {}
        if published:
            dated = {k: e for k, e in cands.items() if any(r.holds_on(published) for r in e.roles)}
            cands = dated or cands
        exact_surname = bool(kb.surname_candidates(word))
        if span.label_ == "SURNAME":  # a name the model did not tag: only someone in office on the date
            cands = dated if exact_surname else {}
        if len(cands) == 1 and (span.label_ in ("PERSON", "KB", "SURNAME") or exact_surname and span.label_ in PLACE_LABELS
                                and kbmod.place_country(span.text) is None):
            # the small model tags a lone surname it has not seen ("Blinken said ...") as a place
            e = next(iter(cands.values()))
            return self._cluster_for_entry(e, clusters, published, span, "surname")
        if span.label_ != "PERSON":
            return None
        if len(span) == 1 and _named_as_place(span, self.kb):  # "the mayor of Kherson", tagged PERSON
            return self._place(Span(span.doc, span.start, span.end, label="GPE"), clusters, kb, published, span.doc)
        root = span.root
        if len(span) == 1 and root.dep_ in ("compound", "amod") and root.head.tag_ in ("NNS", "NNPS") \
                and self.kb.role_noun(root.head.lemma_):
            return None  # "Tamil rebels": an unknown one-word name before a plural role noun is a people, not a person
        c = _Cluster(kind="person", name=_clean_name(span.text), link={"method": "new"})
        clusters.append(c)
        return c

    def _titled_person(self, span: Span, country: Entry, clusters: list[_Cluster]) -> _Cluster | None:
        """The person a singular title phrase refers to: the latest one of that country introduced
        with the same title words (in an apposition or before the name) or holding a KB title with them."""
        head = span.root
        if head.tag_ in ("NNS", "NNPS") or head.lemma_.lower() in ("government", "ministry", "administration"):
            return None
        words = {t.lower_ for t in span if t.pos_ in ("NOUN", "ADJ", "PROPN")} - {country.name.lower()}
        best = None
        for c in clusters:
            if c.kind != "person" or c.country != country.code:
                continue
            titled = {t.lower() for t in re.findall(r"[A-Za-z]+", c.title or "")}
            for m in c.mentions:
                if m.start < span.start:
                    titled |= {t.lower_ for t in self._context_tokens(m)}
            if head.lower_ in titled and len(words & titled) >= min(2, len(words)):
                last = c.last_end(span.start)
                if last >= 0 and (best is None or last > best[0]):
                    best = (last, c)
        return best[1] if best else None

    def _form(self, m: Span, c: _Cluster, datelines: set[tuple[int, int]]) -> str:
        """How a mention names its actor: a name, a demonym, a role phrase, or a dateline."""
        if (m.start, m.end) in datelines:
            return "dateline"
        if m.label_ == "GROUP":
            return "role"
        if c.kind in ("country", "group") and not self.kb.lookup(m.text) and self.kb.demonym(m.text) is not None:
            return "demonym"
        return "name"

    def _genders(self, doc: Doc, clusters: list[_Cluster]) -> None:
        """Each person's gender, strongest evidence first: the KB (set already), a gendered title or
        description ("Ms.", "the spokeswoman, ..."), the first name, then the article's pronouns."""
        people = [c for c in clusters if c.kind == "person" and c.gender is None]
        for c in people:
            c.gender = self._described_gender(c) or _first_name_gender(c)
        unknown = [c for c in people if c.gender is None]
        if unknown:
            _pronoun_genders(doc, clusters, unknown)

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

    @staticmethod
    def _country_from_sentence(clusters: list[_Cluster]) -> None:
        """An unknown official whose role is known but not the country ("Planning Minister Tran Xuan Gia
        said Vietnam ...") takes the country when his first sentence names exactly one; so does an unknown
        party ("the Umma party will boycott Algeria's elections")."""
        for c in clusters:
            if c.entry is not None or c.country or not c.role or c.role in ("IGO", "NGO"):
                continue
            if c.kind != "person" and not (c.kind == "organization" and c.role in DOMESTIC_ROLES):
                continue  # a party acts at home; a rebel group, a company or "Congress" may not
            first = min(c.mentions, key=lambda m: m.start)
            sent = first.sent
            named = {o.country for o in clusters if o is not c and o.country and o.kind in ("country", "place", "group")
                     and any(sent.start <= m.start < sent.end for m in o.mentions)}
            if len(named) == 1:
                c.country = named.pop()
                c.code = c.country + c.role
                c.link = dict(c.link, method="context", country_from="the only country named in its sentence")

    @staticmethod
    def _repeat_mentions(doc: Doc, clusters: list[_Cluster], span_cluster: dict) -> None:
        """Second pass for what the small model tags once and misses later: every capitalised
        occurrence of a name already found (or of a person's surname, or an organisation's
        distinctive word) becomes a mention of that actor."""
        covered = {i for (s, e) in span_cluster for i in range(s, e)}
        forms: dict[str, list[tuple[tuple[str, ...], _Cluster]]] = {}
        for c in clusters:
            texts = {m.text for m in c.mentions if m.label_ != "GROUP"}
            if c.kind == "person":
                texts |= {w for w in re.split(r"\s+", c.name) if len(w) > 2 and w[0].isupper()}
            elif c.kind in ("organization", "place") and len(c.name.split()) > 1:
                texts |= {w for w in c.name.split() if len(w) > 3 and w[0].isupper()
                          and w.lower() not in GENERIC_ORG_WORDS}
            for t in texts:
                words = tuple(t.split())
                if not words or not words[0][:1].isupper() or words[0].lower() in ("the", "a", "he", "she", "it", "i"):
                    continue
                forms.setdefault(words[0], []).append((words, c))
        if not forms:
            return
        i, n = 0, len(doc)
        while i < n:
            tok = doc[i]
            cands = forms.get(tok.text) if i not in covered and tok.pos_ in ("PROPN", "NOUN", "ADJ") else None
            if not cands:
                i += 1
                continue
            best = None
            for words, c in cands:
                k = len(words)
                if tuple(t.text for t in doc[i:i + k]) == words and not any(j in covered for j in range(i, i + k)):
                    if i + k < n and doc[i + k].pos_ == "PROPN" and doc[i + k].ent_type_:
                        continue  # part of a longer, different name
                    score = (k, c.last_end(i))
                    if best is None or score > best[0]:
                        best = (score, c, k)
            if best is None:
                i += 1
                continue
            _, c, k = best
            span = Span(doc, i, i + k, label="REPEAT")
            c.mentions.append(span)
            span_cluster[(i, i + k)] = c
            covered |= set(range(i, i + k))
            i += k

    @staticmethod
    def _same_org(name: str, kind: str, clusters: list[_Cluster]) -> _Cluster | None:
        """An organisation or place already seen under this name, a spelling variant of it, its
        acronym ("NPP" for "New People's Party") or its distinctive short form ("Scientology")."""
        key = _org_key(name)
        words = name.split()
        for c in reversed(clusters):
            if c.kind not in (kind, "organization", "place") or c.kind == "person":
                continue
            ckey = _org_key(c.name)
            if ckey == key or (len(key) > 6 and fuzz.ratio(ckey, key) >= 92):
                return c
            if len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 6 and c.entry is None:
                if _initials(c.name) == words[0]:
                    return c
            if len(words) == 1 and words[0][:1].isupper() and words[0].lower() not in GENERIC_ORG_WORDS:
                if words[0].lower() in [w.lower() for w in c.name.split()[1:] + c.name.split()[:1]] and len(c.name.split()) > 1 \
                        and c.entry is None:
                    return c
        return None

    def _compatible_person(self, word: str, clusters: list[_Cluster], before: int, fuzzy: bool = True) -> _Cluster | None:
        """The person a lone name refers to: an exact part of a full name beats a spelling variant
        (a variant only for a word typed as a person's, never an abbreviation or a place name);
        a relative introduced by kinship ("her husband, Arjun Singh", "Carter Brandt, her son")
        yields to the other holder of the surname; among equals the most recently mentioned wins."""
        compatible = []
        for c in clusters:
            if c.kind != "person":
                continue
            ct = c.tokens
            if word in ct:
                compatible.append((c, 100.0))
            elif fuzzy and len(word) >= 4 and word.isalpha() and ct and max(fuzz.ratio(word, t) for t in ct) >= 83:
                compatible.append((c, max(fuzz.ratio(word, t) for t in ct)))
        if not compatible:
            return None
        if len(compatible) == 1:
            return compatible[0][0]

        def kin(c: _Cluster) -> bool:
            return any(t.lemma_.lower() in KIN_NOUNS for m in c.mentions[:2] if m.start < before
                       for t in self._context_tokens(m))

        return max(compatible, key=lambda cs: (cs[1] >= 100, not kin(cs[0]), cs[0].last_end(before)))[0]

    # -- codes from context ---------------------------------------------------------------------
    def _country_in(self, tokens, by_gazetteer: bool = True) -> Entry | None:
        toks = [t for t in tokens if not stance_prefixed(t)]
        # two-word names and demonyms first ("South Korean" is not "Korean", "United States")
        for a, b in zip(toks, toks[1:]):
            pair = f"{a.text} {b.text}"
            hits = [h for h in self.kb.lookup(pair) if h.kind == "country"] or \
                ([self.kb.demonym(pair)] if self.kb.demonym(pair) else [])
            if hits:
                return hits[0]
        for t in toks:
            for text in (t.text, t.lemma_):
                hits = self.kb.lookup(text) or ([self.kb.demonym(text)] if self.kb.demonym(text) else [])
                for h in hits:
                    if h.kind == "country":
                        return h
                    if h.country and h.kind != "person":
                        return self.kb.countries.get(h.country) or Entry(name=h.country, kind="country", code=h.country)
        for t in toks if by_gazetteer else ():  # a city or region the KB does not list: "Darfur rebels"
            if t.ent_type_ in ("GPE", "LOC") and t.is_title:
                cc = kbmod.place_country(t.text)
                if cc and cc in self.kb.countries:
                    return self.kb.countries[cc]
        return None

    def _igo_in(self, tokens) -> Entry | None:
        """An international organisation named in context: "U.N. Secretary-General Kofi Annan"."""
        for words in _ngrams(list(tokens)):
            for h in self.kb.lookup(" ".join(t.text for t in words)):
                if h.kind != "person" and h.code and h.code.startswith("IGO"):
                    return h
        return None

    def _role_in(self, tokens) -> str | None:
        toks = list(tokens)
        for words in _ngrams(toks):
            role = self.kb.role_noun(" ".join(t.text for t in words)) or (
                self.kb.role_noun(words[0].lemma_) if len(words) == 1 else None)
            if role:
                return role
        for t in toks:  # named organisations in context carry their role
            for h in self.kb.lookup(t.text):
                if h.kind != "country" and h.role:
                    return h.role
        return None

    def _context_tokens(self, span: Span) -> list[Token]:
        """Premodifiers, appositions and the noun a name is a compound of: where a role is said."""
        head = span.root
        doc = span.doc
        toks: list[Token] = []
        for t in head.children:
            if t.i < span.start and t.dep_ in ("compound", "amod", "poss", "nmod", "det", "nummod"):
                toks.extend(t.subtree)
            if t.dep_ == "appos" or (t.dep_ == "prep" and t.lower_ in ("of", "from", "at", "with") and t.i >= span.end):
                toks.extend(t.subtree)  # "..., director of X" / "Colonel Y of the Ukrainian army"
        # "Former Pentagon official Thompson": the title tokens left of the name inside the noun phrase
        i = span.start - 1
        while i >= 0 and doc[i].dep_ in ("compound", "amod", "poss", "case", "nmod", "det") and doc[i].head.i >= span.start:
            toks.append(doc[i])
            i -= 1
        if head.dep_ == "appos":  # "the country's top diplomat, Wang Yi"
            toks.extend(t for t in head.head.subtree if t.i < span.start or t.i >= span.end)
        seen = set()
        return [t for t in sorted(toks, key=lambda t: t.i) if not (t.i in seen or seen.add(t.i))]

    def _code_from_context(self, c: _Cluster, doc: Doc) -> None:
        for m in c.mentions:
            ctx = self._context_tokens(m)
            if not ctx:
                continue
            country = self._country_in(ctx)
            role = self._role_in(ctx)
            igo = None if country else self._igo_in(ctx)
            if igo is not None:  # an official of an international organisation
                c.country, c.role, c.code = None, "IGO", igo.code
                c.link = {"method": "context", "evidence": " ".join(t.text for t in ctx)[:200]}
                return
            if country or role:
                c.country = country.code if country else c.country
                c.role = role or c.role
                c.code = (c.country or "") + (c.role or "") or None
                c.link = {"method": "context", "evidence": " ".join(t.text for t in ctx)[:200]}
                if c.country and c.role:
                    return

    def _code_from_name(self, span: Span) -> tuple[str | None, str | None]:
        """Organisations and places the KB does not know: "China and Globalization Center" -> CHN, NGO."""
        if span.label_ in ("GPE", "LOC") and WATERS.search(span.text):
            return None, None  # "the Sea of Japan", "the Taiwan Strait": no country's party
        if span.label_ in ("GPE", "LOC") and len(span) > 1 and (cc := kbmod.place_country(span.text)):
            return cc, None  # the whole name first: "Los Angeles" is not a place named "Angeles"
        country = self._country_in(span, by_gazetteer=len(span) == 1)
        if span.label_ in ("GPE", "LOC", "FAC"):
            code = country.code if country else None
            if code is None and span.label_ in ("GPE", "LOC"):
                code = kbmod.place_country(span.text)  # "Tel Aviv" -> ISR, "Darfur" -> SDN, from the gazetteer
            return code, None  # a place has a country, not a role
        role = self._role_in(span)
        head = span.root.head
        if role is None and span.root.dep_ in ("compound", "nmod") and head.pos_ == "NOUN" and head.i >= span.end:
            role = self.kb.role_noun(head.lemma_)  # "the Umma party", "the Zapatista movement"
        if role is None and span.label_ == "ORG":
            low = span.text.lower()
            if re.search(r"universit|school|institute|college|academy|center|centre|think tank", low):
                role = "EDU"
            elif re.search(r"ministry|department|agency|government|council|office", low):
                role = "GOV"
            elif re.search(r"army|navy|air force|military|forces|guard", low):
                role = "MIL"
            elif re.search(r"news|times|post|journal|tv|radio|agency|press", low):
                role = "MED"
            elif re.search(r"\bassociation\b|\bfoundation\b|human rights|\bwatch\b|\bcharity\b|red cross|red crescent", low):
                role = "NGO"
        return (country.code if country else None), role

    def _group_spans(self, doc: Doc) -> list[tuple[Span, tuple[Entry | None, str]]]:
        """Noun phrases whose head is a role noun modified by a country: "Chinese officials"."""
        out = []
        for t in doc:
            if t.pos_ not in ("NOUN", "PROPN") or t.ent_type_ == "PERSON":
                continue
            # the role phrase: the head noun with its compound/amod modifiers ("foreign ministry")
            mods = [c for c in t.children if c.dep_ in ("compound", "amod") and c.i < t.i]
            role = None
            phrase_start = t.i
            for k in range(len(mods), -1, -1):
                cand = mods[len(mods) - k:] if k else []
                phrase = " ".join([m.text for m in cand] + [t.text])
                role = self.kb.role_noun(phrase) or self.kb.role_noun(" ".join([m.text for m in cand] + [t.lemma_]))
                if role:
                    phrase_start = cand[0].i if cand else t.i
                    break
            if not role and t.lemma_.lower() in MEMBER_NOUNS and mods:
                # "opposition candidates", "rebel fighters": the role is in the modifier
                for k in range(len(mods), 0, -1):
                    cand = mods[len(mods) - k:]
                    role = self.kb.role_noun(" ".join(m.text for m in cand))
                    if role:
                        phrase_start = cand[0].i
                        break
            if not role:
                continue
            if _names_a_person(t, self.kb):
                continue  # "China's top diplomat Wang Yi": a title of the person, not a collective actor
            if t.ent_type_ in ("GPE", "LOC", "FAC", "ORG"):
                continue  # a name ("the West Bank", "the Foreign Ministry"), coded as one
            country_toks = [c for c in t.children if c.i < phrase_start and c.dep_ in ("poss", "compound", "amod", "nmod")]
            country = None
            for ct in country_toks:
                country = self._country_in(list(ct.subtree))
                if country:
                    break
            end = t.i + 1
            if not country and role not in ("GOV",):
                # "refugees fleeing the war in Liberia", "civilians fleeing Syria": where they come from
                for x in t.children:
                    if x.dep_ == "acl" and x.lemma_.lower() in ("flee", "escape"):
                        objs = [o for o in x.children if o.dep_ == "dobj"]
                        places = objs + [g for o in objs + [x] for p in o.children if p.dep_ == "prep"
                                         and p.lower_ in ("in", "from") for g in p.children if g.dep_ == "pobj"]
                        for g in places:
                            if g.ent_type_ in ("GPE", "LOC"):
                                country = self._country_in(list(g.subtree))
                                if country:
                                    end = x.right_edge.i + 1
                                    country_toks = []
                                    break
                        break
            if not country and role not in ("GOV",):
                # "the opposition in Zimbabwe", "rebels in Darfur", "protesters from Hong Kong"
                for prep in t.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "throughout", "across") and prep.i <= t.i + 2:
                        objs = [g for g in prep.children if g.dep_ == "pobj"]
                        if objs and objs[0].ent_type_ in ("GPE", "LOC"):
                            country = self._country_in(list(objs[0].subtree))
                            if country:
                                end = objs[0].right_edge.i + 1
                                country_toks = []
            if not country and role in STATELESS_ROLES and phrase_start < t.i:
                # "a human rights group", "aid groups": non-governmental whatever their country
                start = min(x.i for m in mods if m.i >= phrase_start for x in m.subtree)  # "human" in "human rights group"
                out.append((Span(doc, start, t.i + 1, label="GROUP"), (None, role)))
                continue
            if not country and role in LOCATED_ROLES and t.dep_ != "compound" and (
                    t.tag_ in ("NNS", "NNPS") or t.lemma_.lower() in COLLECTIVES) and not any(
                    (c.ent_type_ or c.pos_ == "PROPN") and self.kb.lookup(c.text)  # "UN peacekeepers": the KB's
                    for c in t.children if c.dep_ in ("compound", "amod", "nmod", "poss")):  # not "Tamil rebels"
                # "rebels", "the police", "opposition supporters": a group whose country the event
                # stage may take from where it acts ("rebels ambushed a convoy in northern Mali")
                out.append((Span(doc, phrase_start, t.i + 1, label="GROUP"), (None, role)))
                continue
            if not country or country.kind != "country":
                continue
            start = min([x.i for ct in country_toks for x in ct.subtree] + [phrase_start])
            out.append((Span(doc, start, end, label="GROUP"), (country, role)))
        return out


PLACE_LABELS = ("GPE", "LOC", "NORP")
WATERS = re.compile(r"\b(sea|ocean|gulf|strait|straits|bay|channel|river|lake|peninsula)\b", re.I)
DOMESTIC_ROLES = {"PTY", "OPP"}  # not "Congress" or "Parliament": a sentence may name only a foreign country
# roles a group has without a country: "a human rights group" is an NGO wherever it works
STATELESS_ROLES = {"NGO"}
# roles of unnamed groups kept without a country: "rebels", "police", "protesters"
# (not the military, which fights abroad as often as at home; not refugees, who are from elsewhere)
LOCATED_ROLES = {"REB", "OPP", "COP", "CVL", "LAB", "UAF", "CRM"}
COLLECTIVES = {"police", "opposition", "gendarmerie", "militia"}
# heads of a phrase whose modifier names the role: "opposition candidates", "army officers"
MEMBER_NOUNS = {"candidate", "member", "supporter", "figure", "officer", "fighter", "worker", "unit", "force",
                "personnel", "representative", "delegate", "delegation", "spokesman", "spokeswoman", "spokesperson",
                "commander", "chief", "head", "source", "activist", "volunteer", "staff", "employee"}


# nouns that introduce a relative, who shares a surname with the person the story is about
KIN_NOUNS = {"husband", "wife", "spouse", "partner", "son", "daughter", "child", "brother", "sister", "sibling",
             "father", "mother", "parent", "dad", "mom", "mum", "uncle", "aunt", "nephew", "niece", "cousin",
             "grandson", "granddaughter", "grandfather", "grandmother", "widow", "widower", "stepson", "stepdaughter"}
# words that end or make up organisation names, beyond GENERIC_ORG_WORDS
ORG_NAME_WORDS = {"inc", "corp", "co", "ltd", "llc", "plc", "group", "holdings", "partners", "associates", "foods",
                  "motors", "energy", "capital", "media", "systems", "solutions", "technologies", "labs", "pharma",
                  "airlines", "airways", "bros", "brothers", "sons", "industries", "enterprises", "ventures", "fund",
                  "trust", "studios", "records", "press", "books", "hotel", "hotels", "resort", "park", "hall",
                  "arena", "stadium", "centre", "college", "academy", "clinic", "health", "insurance", "financial"}
GENERIC_ORG_WORDS = {
    "party", "church", "council", "university", "ministry", "department", "agency", "office", "committee",
    "association", "union", "court", "police", "army", "bank", "company", "group", "center", "centre", "institute",
    "school", "museum", "station", "hospital", "house", "city", "county", "state", "national", "new", "united",
    "north", "south", "east", "west", "central", "district", "federal", "international", "world", "american",
    "of", "the", "and", "for", "club", "league", "team", "board", "service", "foundation", "society", "times",
}


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


def _dateline(span: Span) -> bool:
    """A place in capitals opening a paragraph and followed by a dash or an agency in brackets."""
    doc = span.doc
    at_start = span.start == 0 or "\n" in doc[span.start - 1].whitespace_ + doc[span.start - 1].text
    if not at_start or not span.text.replace(" ", "").replace(".", "").isupper():
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and (nxt.text in ("\u2014", "\u2013", "-", "--", "(", ",") or nxt.is_punct)


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, tuple[str, str]]:
    data = datafile.load_yaml(str(resources.files("dyad") / "data" / "place_abbreviations.yaml"))
    return {_abbr_key(a): (name, cc) for cc, table in (data or {}).items() for a, name in (table or {}).items()}


def _abbr_key(text: str) -> str:
    return re.sub(r"[\s.]", "", text).lower()


# abbreviations that are also words or titles ("Miss.", "Ill.", "Mass."): a place only after "City,"
_AMBIGUOUS_ABBR = {"miss", "ill", "ind", "man", "wash", "mass", "mont", "mo", "la", "ga", "del", "pa", "va", "vic",
                   "ore", "tex", "ky", "md", "fla", "kan", "que", "tas", "ala", "ark", "conn", "colo", "neb", "nev"}


def _place_abbreviation(span: Span) -> tuple[str, str] | None:
    """(full name, country) for a state or province abbreviation ("Minn.", "B.C."): data/place_abbreviations.yaml.
    One that is also a word or title counts only right after a place and a comma ("Tupelo, Miss.")."""
    text = span.text
    doc = span.doc
    if "." not in text and span.end < len(doc) and doc[span.end].text == ".":
        text += "."  # "Alta" + "." split by the tokenizer at a sentence end
    if "." not in text or len(text) > 8:
        return None
    hit = _abbreviations().get(_abbr_key(text))
    if hit is None:
        return None
    after_place = span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].is_title
    if _abbr_key(text) in _AMBIGUOUS_ABBR and not after_place:
        return None
    return hit


_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


RANKS = {"const", "cst", "cpl", "sgt", "det", "insp", "supt", "capt", "maj", "pte", "rev", "fr", "constable", "corporal",
         "sergeant", "detective", "inspector", "superintendent", "captain", "major", "private", "reverend",
         "father", "sister", "brother", "rabbi", "imam", "pastor", "chief", "officer", "trooper", "deputy"}


def _titled(doc: Doc, i: int) -> bool:
    """Whether token i follows a title or rank ("Const. Amrit", "Dr Leah"): a name comes next."""
    j = i - 1
    if j >= 0 and doc[j].text == ".":
        j -= 1
    return j >= 0 and (doc[j].lower_.rstrip(".") in TITLES or doc[j].lower_.rstrip(".") in RANKS)


def _with_first_name(span: Span | None) -> Span | None:
    """ "Isabelle Fortin" tagged as "Fortin": a person's name takes the first name right before it."""
    if span is None or span.label_ != "PERSON" or span.start == 0 or len(span) > 2:
        return span
    prev = span.doc[span.start - 1]
    if not (prev.is_title and prev.is_alpha) or prev.ent_type_ or prev.lower_ in _CALENDAR or prev.whitespace_ != " ":
        return span
    if gendermod.title_gender(prev.text) or gendermod.first_name_gender(prev.text) is None:
        return span
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


def _person_like(span: Span, kb: KB) -> bool:
    """A name the small model tagged as an organisation that reads as a person's: two or three
    capitalised words, the first a first name of the name dictionary, none a word organisations are
    named with or a name the KB or gazetteer knows ("Sophie Tremblay", not "Victoria Park Foods")."""
    toks = list(span)
    if not 2 <= len(toks) <= 3 or not all(t.is_alpha and t.is_title for t in toks):
        return False
    if span.start > 0 and span.doc[span.start - 1].lower_ == "the":
        return False
    if any(t.lower_ in GENERIC_ORG_WORDS or t.lower_ in ORG_NAME_WORDS or kb.lookup(t.text) or
           kbmod.place_country(t.text) for t in toks[1:]):
        return False
    return gendermod.first_name_gender(toks[0].text) is not None


def _first_name_gender(c: _Cluster) -> str | None:
    """The first name's gender, for a name of two or more words ("Maria Kowalski")."""
    words = [w for w in c.name.split() if gendermod.title_gender(w) is None]
    if len(words) < 2 or c.entry is not None and c.entry.kind != "person":
        return None
    return gendermod.first_name_gender(words[0])


def _pronoun_genders(doc: Doc, clusters: list[_Cluster], unknown: list[_Cluster]) -> None:
    """The article's own pronouns: "he"/"she" in a sentence whose only person before it is this
    one (or, when it names none, in the sentence after the only one it was the sole person of)."""
    by_start: dict[int, _Cluster] = {}
    for c in clusters:
        if c.kind == "person":
            for m in c.mentions:
                by_start[m.start] = c
    want = {id(c) for c in unknown}
    votes: dict[int, list[str]] = {}
    prev_only: _Cluster | None = None
    for sent in doc.sents:
        seen: list[_Cluster] = []
        for t in sent:
            c = by_start.get(t.i)
            if c is not None and c not in seen:
                seen.append(c)
            g = gendermod.pronoun_gender(t.text) if t.lower_ in ("he", "she") else None
            if g is None:
                continue
            cand = seen[0] if len(seen) == 1 else (prev_only if not seen else None)
            if cand is not None and id(cand) in want:
                votes.setdefault(id(cand), []).append(g)
        prev_only = seen[0] if len(seen) == 1 else None
    for c in unknown:
        v = votes.get(id(c), [])
        m, f = v.count("m"), v.count("f")
        if m != f and min(m, f) * 3 <= max(m, f):
            c.gender = "m" if m > f else "f"


def stance_prefixed(t: Token) -> bool:
    """A country in a stance prefix: "an anti-Syria journalist" is not Syrian."""
    doc = t.doc
    if t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ in ("anti", "pro", "non"):
        return True
    return t.i >= 1 and doc[t.i - 1].lower_ in ("anti-", "pro-")


PLACE_NOUNS = {"town", "city", "village", "province", "region", "district", "area", "capital", "port"}


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
    return prep.lower_ == "of" and (head in PLACE_NOUNS or kb is not None and kb.role_noun(head) is not None)


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


class Resolver:
    """Maps tokens to actors: names directly, pronouns and role nouns through their antecedents."""

    def __init__(self, doc: Doc, actors: list[Actor], clusters: list[_Cluster],
                 span_cluster: dict[tuple[int, int], _Cluster], kb: KB):
        self.doc = doc
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
        for s, e, _ in self._mentions:
            if s <= token.i < e:
                return s, e
        return None

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
                if t.dep_ in ("compound", "poss", "flat", "nmod") and self.at(t) and (token.pos_ == "PROPN" or role):
                    return self.at(t)
            if role and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
                return self.by_role_noun(token)
        return None

    def group_antecedent(self, token: Token) -> Actor | None:
        """they/it: the nearest organisation, group or country before, subjects first, within two
        sentences; an expletive "it" ("it was unlikely that ...") has none."""
        if token.lower_ in ("it", "its") and (token.head.lemma_ == "be" or any(
                c.dep_ in ("ccomp", "xcomp") and c.i > token.head.i for c in token.head.children)):
            return None
        window_start = self._window_start(token, 2)
        best = None
        for s, e, a in self._mentions:
            if s >= token.i or s < window_start or a.kind == "person":
                continue
            if a.kind == "place" and not (a.role or (a.code and a.country and len(a.code) > 3)):
                continue  # a place is no "it", unless a metonym ("the White House said it ...")
            coded = a.country is not None or len(a.code or "") > 3  # "militants loyal to al-Qaeda ... they"
            score = (coded, self._salience(self.doc[s:e].root) > 0, s)
            if best is None or score > best[0]:
                best = (score, a)
        return best[1] if best else None

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
        best = None
        for s, e, a in self._mentions:
            if s >= token.i:
                break
            title = self._titles.get(id(a), "").lower()
            said = self.doc[s:e].text.lower()  # "the ministry" after "China's foreign ministry"
            if word in title or word in a.name.lower() or re.search(rf"\b{re.escape(word)}\b", said):
                best = a
        return best

