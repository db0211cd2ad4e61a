"""Linking a mention to a KB entry or an actor already found, and clustering."""
from __future__ import annotations

import re

from rapidfuzz import fuzz
from spacy.attrs import ORTH, POS
from spacy.symbols import ADJ, NOUN, PROPN
from spacy.tokens import Doc, Span

from .. import gender as gendermod, kb as kbmod
from ..kb import Entry, KB
from ..perdoc import per_doc
from .cluster import _Cluster
from .names import (_abbr_key, _abbreviated, _abbreviations, _same_given_name, _clean_name, _fuzzy_person, _initials, _name_parts, _named_as_place, _org_key, _person_like, _pronoun_follows,
                    _place_abbreviation, _place_before_title, region_country)
from .spans import _dateline_places
from .words import ENT_KINDS, GENERIC_ORG_WORDS, KIN_NOUNS, PLACE_LABELS


RECENT_YEARS = 12  # how long after leaving office a person is still named by surname alone


def _recent(role: kbmod.Role, day: str) -> bool:
    """Whether a role out of office on `day` makes its holder the one a lone surname names then: a
    former holder, for some years after ("Blair said" in 2016), yes; a later one ("Wallace" in 2016,
    before his first office) and one long gone ("Bryan" in 2016, for a Secretary of State of 1913) no."""
    if role.start is not None and role.start > day:
        return False
    return role.end is None or int(role.end[:4]) >= int(day[:4]) - RECENT_YEARS


def _countries_of(e: Entry) -> set[str]:
    """The countries a KB person served: their own and those of their roles' codes."""
    return {c for c in [e.country, *((r.code or "")[:3] for r in e.roles)] if c}


@per_doc
def _full_names(doc: Doc) -> list[tuple[int, str, str]]:
    """(start, normalised name, its last word) of each person's name of two or more words the model
    tags in a document."""
    out = []
    for x in doc.ents:
        if x.label_ == "PERSON" and len(x) > 1:
            name = kbmod.norm(x.text)
            out.append((x.start, name, name.split()[-1] if name.split() else None))
    return out


class Linking:
    """Part of `ActorStage`: linking a mention to a KB entry or an actor already found, and clustering."""

    # -- linking and clustering ---------------------------------------------------------------
    def _place(self, span: Span, clusters: list[_Cluster], kb: KB, published: str | None, doc: Doc) -> _Cluster | None:
        text = span.text
        if span.label_ == "CLUB":  # "Real Madrid", "Leeds United": a club, not its town nor the town's state
            c = self._same_org(_clean_name(text), "organization", clusters)
            if c is None:
                c = _Cluster(kind="organization", name=_clean_name(text),
                             link={"method": "context", "evidence": "a sports club named after its town"})
                clusters.append(c)
            return c
        abbr = _place_abbreviation(span)
        if abbr is not None:  # "St. Paul, Minn.": a state or province of its country, never a fuzzy match
            name, cc = abbr
            c = self._same_org(name, "place", clusters)
            if c is None:
                c = _Cluster(kind="place", name=name, code=cc, country=cc, link={"method": "alias", "evidence": text})
                clusters.append(c)
            return c
        if _abbreviated(span) is not None and span[0].is_title:
            return None  # "Ala." where it may be a word: no state then, and never a person's surname ("Abu Ala")
        known_place = span.label_ in (*PLACE_LABELS, "KB") and _named_as_place(span, self.kb)  # "in Florence"
        if span.label_ != "PERSON" and len(_name_parts(span)) == 1 and span[0].is_title and not known_place:
            # the small model often labels a bare surname ("Brinken's visit") as a place or
            # organisation; a known city used as a place ("in Florence" after "Florence Pugh") stays one
            word = _name_parts(span)[0]
            person = self._compatible_person(word, clusters, span.start)
            if person is not None and (not kb.lookup(text) or len(person.tokens) >= 2 and person.tokens[-1] == word):
                # a surname of someone the article named in full ("Valeska Paris ... Paris claims", "Jim
                # Jordan ... Jordan said") is that person, though a place or country has the name
                return person
        hits = kb.lookup(text)
        if span.label_ in PLACE_LABELS and len(span) == 1 and span[0].is_title and not hits and not known_place \
                and (g := gendermod.first_name_gender(text)) is not None and _pronoun_follows(span, g):
            # a first name the gazetteer also has as a town ("Gloria's eczema was so severe that her skin
            # ..."), not used as a place and followed by a pronoun of its gender: a person
            return self._place_person(Span(doc, span.start, span.end, label="PERSON"), clusters, kb, published)
        if span.label_ in ("PERSON",) and hits and all(h.kind != "person" for h in hits):
            hits = []  # a person named like a place is still a person
        if hits and (region := self._namesake_region(span, hits, doc)) is not None:
            # "Georgia officials" in a story set in Atlanta: the state, not the country of that name
            c = self._same_org(_clean_name(text), "place", clusters)
            if c is None or c.entry is not None:
                c = _Cluster(kind="place", name=_clean_name(text), code=region, country=region,
                             link={"method": "context", "evidence": f"a region of {region}, where the article is set"})
                clusters.append(c)
            return c
        if hits and all(h.kind == "place" for h in hits) and (region := self._region_after(span)) is not None \
                and all((h.country or (h.code or "")[:3]) != region for h in hits):
            # "Paris, Texas", "Athens, Ga.": a namesake of the city the KB knows, in the region's country
            c = self._same_org(_clean_name(text), "place", clusters)
            if c is None or c.entry is not None:
                c = _Cluster(kind="place", name=_clean_name(text), code=region, country=region,
                             link={"method": "context", "evidence": doc[span.start:span.end + 3].text})
                clusters.append(c)
            return c
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
        same = self._same_org(name, kind, clusters) or (self._definite_short_form(span, clusters) if kind == "organization" else None)
        if same is not None:
            return same
        c = _Cluster(kind=kind, name=name, link={"method": "new"})
        country, role = self._code_from_name(span)
        if kind == "place" and (region := self._region_after(span)) is not None:
            country, role = region, None  # "Montgomery, Ala.", "Paris, Texas": the region's country
        c.country, c.role = country, role
        c.code = kbmod.compose_code(country, role)
        if c.code:
            c.link = {"method": "context", "evidence": span.text}
        clusters.append(c)
        return c

    def _namesake_region(self, span: Span, hits: list[Entry], doc: Doc) -> str | None:
        """The country whose state or province a country's namesake is ("Georgia": USA), when the
        article is set there: its dateline is in that country, or it names three or more places inside
        it (cities, other states; a visit to two cities says less), and it names nothing of the
        namesake country (no capital, people or demonym of it)."""
        if len(hits) != 1 or hits[0].kind != "country":
            return None
        region = region_country(span.text)
        if region is None or region == hits[0].code:
            return None
        names = self._place_countries(doc)
        here = names.get(region, set())
        return region if ("(dateline)" in here or len(here) >= 3) and not names.get(hits[0].code) else None

    def _place_hits(self, text: str) -> list[Entry]:
        """The KB entries a place or people mention names: by name, else as a demonym ("Chinese")."""
        return self.kb.lookup(text) or ([d] if (d := self.kb.demonym(text)) is not None else [])

    @per_doc
    def _countries_named(self, doc: Doc) -> set[str]:
        """The countries an article names: by name, demonym or a place inside them."""
        named = set(self._place_countries(doc))
        for e in doc.ents:
            if e.label_ in ("GPE", "NORP", "LOC"):
                hits = self._place_hits(e.text)
                named |= {h.code[:3] for h in hits if h.kind == "country" and h.code}
        return named

    @per_doc
    def _place_countries(self, doc: Doc) -> dict[str, set[str]]:
        """The places inside each country the article names (a city, a state or province; a
        dateline is marked "(dateline)"), and the people or places of a country it names; names that are
        also a region of another country ("Georgia") count for neither. A capital the KB codes as
        its government ("Washington") says who acts, not where the story is, and is left out.
        Asked once per mention of a namesake, computed once per document (perdoc.py)."""
        names: dict[str, set[str]] = {}
        dateline = {(p.start, p.end) for p in _dateline_places(doc)}
        for e in [*doc.ents, *(Span(doc, s, e, label="DATELINE") for s, e in dateline)]:
            if e.label_ not in ("GPE", "LOC", "NORP", "FAC", "DATELINE") or region_country(e.text) is not None:
                continue
            hits = self._place_hits(e.text)
            if hits:
                h = hits[0]
                cc = h.code[:3] if h.kind == "country" and e.label_ == "NORP" else (h.country if h.kind != "country" else None)
            else:
                cc = kbmod.place_country(e.text)
            if cc:
                names.setdefault(cc, set()).add("(dateline)" if e.label_ == "DATELINE" else e.text.lower())
        # postal abbreviations of states ("Atlanta, Ga.") are no entities of the model: a short form of
        # the data ending in a period, or before one (read from the Doc's array: no Token is made for
        # the other words)
        orths = doc.to_array(ORTH).tolist()
        strings, abbrs = doc.vocab.strings, _abbreviations()
        known = {o for o in set(orths) if len(strings[o]) <= 8 and _abbr_key(strings[o]) in abbrs}
        dot = strings["."]
        for i, o in enumerate(orths):
            if o in known and (strings[o].endswith(".") or (i + 1 < len(orths) and orths[i + 1] == dot)):
                abbr = _place_abbreviation(Span(doc, i, i + 1))
                if abbr is not None:
                    names.setdefault(abbr[1], set()).add(abbr[0].lower())
        return names

    @staticmethod
    def _definite_short_form(span: Span, clusters: list[_Cluster]) -> _Cluster | None:
        """An organisation named again by its capitalised head noun after "the": "the Church" after
        "the Church of Scientology", "the Commission" after "the Federal Trade Commission" (the
        latest organisation whose name has that head: the word before "of"/"for", else the last)."""
        doc = span.doc
        if len(span) != 1 or not span[0].is_title or span.start == 0 or doc[span.start - 1].lower_ != "the":
            return None
        word = span[0].lower_
        best = None
        for c in clusters:
            if c.kind != "organization":
                continue
            names = [c.name, *(c.entry.aliases if c.entry else [])]
            for n in names:
                ws = [w.lower() for w in n.split()]
                if len(ws) < 2:
                    continue
                cut = next((i for i, w in enumerate(ws) if w in ("of", "for") and i > 0), len(ws))
                if ws[cut - 1] == word:
                    last = c.last_end(span.start)
                    if last >= 0 and (best is None or last > best[0]):
                        best = (last, c)
                    break
        return best[1] if best else None

    def _byline_name(self, span: Span) -> bool:
        """Whether a name in a byline is a person's: tagged as one, or a person's name in the KB."""
        return span.label_ in ("PERSON", "SURNAME") or (
            len(span) >= 2 and any(h.kind == "person" for h in self.kb.lookup(span.text)))

    def _byline_person(self, span: Span, clusters: list[_Cluster]) -> _Cluster:
        """The writer named in a byline: a person of the article, never linked to a KB namesake."""
        name = _clean_name(span.text)
        if name.isupper():
            name = name.title()  # "By RICK SCOTT"
        for c in clusters:
            if c.kind == "person" and c.entry is None and c.name == name:
                return c
        c = _Cluster(kind="person", name=name, link={"method": "byline"})
        clusters.append(c)
        return c

    def _region_after(self, span: Span) -> str | None:
        """The country of the region a place name is followed by, after a comma: a state or
        province abbreviation ("Duluth, Minn."), a country or a region of the KB or the gazetteer
        ("Montgomery, Alabama", "Hamilton, Ontario"). A town's own name is often a namesake of a
        bigger place elsewhere; the region written beside it says which one is meant."""
        doc = span.doc
        if span.end + 1 >= len(doc) or doc[span.end].text != ",":
            return None
        start = span.end + 1
        for end in range(min(len(doc), start + 3), start, -1):
            words = doc[start:end]
            if not all(t.is_title or t.is_upper or t.text == "." for t in words):
                continue
            abbr = _place_abbreviation(Span(doc, start, end))
            if abbr is not None:
                return abbr[1]
            if words[-1].text == "." or words[0].ent_type_ not in ("GPE", "LOC"):
                continue
            hits = [h for h in self.kb.lookup(words.text) if h.kind in ("country", "place") and h.country]
            if hits:
                return hits[0].country
            if (cc := kbmod.place_country(words.text)) is not None:
                return cc
        return None

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
                if len(ct) == len(parts) >= 2 and _same_given_name(ct[0], parts[0]):
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
        if len(kbmod.norm(span.text).split()) > 1:
            # a given name with a generational suffix ("Donald Jr.") names the son, not his father nor
            # anyone whose surname that given name is: a person of its own
            c = _Cluster(kind="person", name=_clean_name(span.text), link={"method": "new"})
            clusters.append(c)
            return c
        best = self._compatible_person(word, clusters, span.start)
        if best is not None:
            return best
        if len(span) == 1 and span.label_ != "SURNAME" and kbmod.place_country(span.text) is not None:
            # a city before a title ("Austin Mayor Kirk Watson") or one the article already names
            # as a place is that place, never a KB person of that surname
            place = next((c for c in clusters if c.kind in ("place", "country") and c.name == _clean_name(span.text)), None)
            if place is not None:
                return place
            if _place_before_title(span):
                return self._place(Span(span.doc, span.start, span.end, label="GPE"), clusters, kb, published, span.doc)
        # No antecedent: a unique KB person with that surname.
        cands = {e.key: e for e in kb.surname_candidates(word)}  # exact only: no fuzzy KB link from one word
        dated = {}
        if published:
            dated = {k: e for k, e in cands.items() if any(r.holds_on(published) for r in e.roles)}
            if not dated:
                # Nobody of that surname is in office on the date. The one the article names in full
                # later is meant (a headline's "Trump" before its "Donald Trump"); else a recent former
                # office holder of a country the article names ("Blair said", in a story that names
                # Britain or London); else nobody: "Smith" in a US story is not an Australian minister.
                later = {name for start, name, last in _full_names(span.doc) if start > span.start and last == word}
                named = self._countries_named(span.doc)
                cands = {k: e for k, e in cands.items() if later & {kbmod.norm(a) for a in [e.name, *e.aliases]}
                         or any(_recent(r, published) for r in e.roles) and _countries_of(e) & named}
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

    def _repeat_mentions(self, doc: Doc, clusters: list[_Cluster], span_cluster: dict) -> None:
        """Second pass for what the small model tags once and misses later: every capitalised
        occurrence of a name already found (or of a person's surname, or an organisation's
        distinctive word) becomes a mention of that actor. A lone name several persons share goes
        where a tagged one would (`_compatible_person`): not to a relative introduced by kinship."""
        # every mention already placed, also those that stand for no actor (a dateline, a country
        # inside a collective actor's phrase): a repeat must not make them actors again
        covered = {i for (s, e) in span_cluster for i in range(s, e)} | \
            {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
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
        # (the Doc's arrays first: a Token is made only for a word that opens a form)
        orths, tags = zip(*doc.to_array([ORTH, POS]).tolist()) if len(doc) else ((), ())
        opening = {o for o in set(orths) if doc.vocab.strings[o] in forms}
        i, n = 0, len(doc)
        while i < n:
            if orths[i] not in opening or i in covered or tags[i] not in (PROPN, NOUN, ADJ):
                i += 1
                continue
            tok = doc[i]
            cands = forms[tok.text]
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
            if k == 1 and c.kind == "person" and sum(1 for w, x in cands if len(w) == 1 and x.kind == "person") > 1:
                c = self._compatible_person(kbmod.norm(tok.text), clusters, i, fuzzy=False) or c
            span = Span(doc, i, i + k, label="REPEAT")
            c.mentions.append(span)
            span_cluster[(i, i + k)] = c
            covered |= set(range(i, i + k))
            i += k

    @staticmethod
    def _same_org(name: str, kind: str, clusters: list[_Cluster]) -> _Cluster | None:
        """An organisation or place already seen under this name, a spelling variant of it, its
        acronym ("NPP" for "New People's Party") or its distinctive short form ("Scientology"), in
        that order of preference: an acronym of an organisation named in full beats a later
        organisation that merely has the acronym in its name ("USI" after "the University of
        Southern Indiana" and "the USI Art Collections")."""
        key = _org_key(name)
        words = name.split()
        best = None
        for c in reversed(clusters):
            if c.kind not in (kind, "organization", "place") or c.kind == "person":
                continue
            ckey = _org_key(c.name)
            if ckey == key or (len(key) > 6 and fuzz.ratio(ckey, key) >= 92):
                return c
            if len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 6 and c.entry is None:
                if _initials(c.name) == words[0]:
                    if best is None or best[0] > 1:
                        best = (1, c)
                    continue
            if best is None and len(words) == 1 and words[0][:1].isupper() and words[0].lower() not in GENERIC_ORG_WORDS:
                if words[0].lower() in [w.lower() for w in c.name.split()[1:] + c.name.split()[:1]] and len(c.name.split()) > 1 \
                        and c.entry is None:
                    best = (2, c)
        return best[1] if best else None

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
