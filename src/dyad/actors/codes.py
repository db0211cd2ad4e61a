"""CAMEO codes from context for actors the KB does not know, and collective actors."""
from __future__ import annotations

import re

from spacy.attrs import POS
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from .. import kb as kbmod
from ..doctext import doc_text
from ..kb import Entry
from .cluster import _Cluster
from .descriptions import Describing, clause_tokens, context_tokens, former_of, people_country
from .names import _abbreviated, _names_a_person, _ngrams, _person_like, _place_abbreviation, continues_name, stance_prefixed
from .words import COLLECTIVES, DOMESTIC_ROLES, LED_BODIES, FORMER_ROLES, LOCATED_ROLES, MEMBER_NOUNS, STATELESS_ROLES, WATERS

# "(D-Mont.)", "(R-Texas)", "(I-Vt.)", "(D-N.Y.)", "(R-TX)", "(D-Calif., chair)": party letter, a dash, a state
_CONGRESS = re.compile(r"\s*\(\s*(?:D|R|I|Ind)\s*[-\u2013]\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\s*(?:[,;][^()]{0,40})?\)")


# roles of organisations of civil and political life that an organisation's head noun gives it
GROUP_ROLES = frozenset({"NGO", "LAB", "PTY", "OPP"})
# roles of the state and of such groups: a name word of a group at the head does not override them
PUBLIC_ROLES = GROUP_ROLES | {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "IGO", "REB", "INS"}


class Codes(Describing):
    """Part of `ActorStage`: CAMEO codes from context for actors the KB does not know, and collective actors."""

    @staticmethod
    def _country_from_sentence(clusters: list[_Cluster]) -> None:
        """An unknown official whose role is known but not the country ("Planning Minister Tran Xuan Gia
        said Vietnam ...") takes the country when his first sentence names exactly one; so does an unknown
        party ("the Umma party will boycott Algeria's elections")."""
        for c in clusters:
            if c.entry is not None or c.country or not c.role or not c.mentions or kbmod.agent_role(c.role) in ("IGO", "NGO"):
                continue  # (a name inside a collective actor's phrase leaves its cluster without mentions)
            if c.kind != "person" and not (c.kind == "organization" and kbmod.agent_role(c.role) in DOMESTIC_ROLES):
                continue  # a party acts at home; a rebel group, a company or "Congress" may not
            first = min(c.mentions, key=lambda m: m.start)
            sent = first.sent
            clauses = clause_tokens(first)  # "an aide who went to Nairobi" is no Kenyan aide
            named = {o.country for o in clusters if o is not c and o.country and o.kind in ("country", "place", "group")
                     and any(sent.start <= m.start < sent.end and m.start not in clauses for m in o.mentions)}
            if len(named) == 1:
                c.country = named.pop()
                c.code = kbmod.compose_code(c.country, c.role)
                c.link = dict(c.link, method="context", country_from="the only country named in its sentence")

    @staticmethod
    def _congress_notation(clusters: list[_Cluster], doc: Doc) -> None:
        """A person named with US congressional notation, a party letter and a state in brackets right
        after the name ("Sen. Ann Roe (D-Mont.)", "Rep. Bo Poe (R-Texas)"), is a US legislator: the
        notation itself says so, whatever country the sentence names. A KB person keeps the KB's code."""
        text = doc_text(doc)
        for c in clusters:
            if c.kind != "person" or (c.entry is not None and c.code):
                continue
            for m in c.mentions:
                if _CONGRESS.match(text, m.end_char):
                    c.country, c.role, c.code = "USA", "LEG", "USALEG"
                    c.link = dict(c.link, method="context", evidence=text[m.start_char:m.end_char + 24][:200],
                                  country_from="US congressional notation (party-state)")
                    break

    def _titled_names(self, clusters: list[_Cluster]) -> None:
        """A name the KB gives a code but no role, said with a title ("Prime Minister X", "Senator X")
        where the parser reads a person, takes the title's role: a dictionary that codes a person by
        country alone (PETRARCH's "NAME [BRE]") still gets "Bree Prime Minister X" as BREGOV."""
        for c in clusters:
            if c.entry is None or c.role or not c.code or len(c.code) != 3:
                continue
            for m in c.mentions:
                if "PERSON" not in (m.label_, m.root.ent_type_):
                    continue
                title = [t for t in self._context_tokens(m) if t.i < m.start and t.dep_ == "compound"
                         and t.pos_ in ("NOUN", "PROPN")]
                role = self._role_in(title) if title else None
                if role and not role.startswith(("IGO", "NGO")):
                    c.role, c.code = role, kbmod.compose_code(c.code, role)
                    break

    # -- codes from context ---------------------------------------------------------------------
    def _country_in(self, tokens, by_gazetteer: bool = True, name: bool = False) -> Entry | None:
        """The country a country name, demonym or KB organisation or place among `tokens` gives. A KB
        organisation or place counts only as a capitalised word ("a Kremlin adviser"; not "an economist"
        for "The Economist"); inside an organisation's own name (`name`) only places do: a word of a
        longer name that is another organisation's alias is not that organisation ("Los Angeles Times"
        is not "The Times"). A state or province abbreviation is its country before anything else ("Minn.
        lawmakers"; never a town the gazetteer knows by that short name), and a word that continues a
        capitalised name is no name of its own ("University of New Mexico" is not Mexico's)."""
        toks = [t for t in tokens if not stance_prefixed(t)]
        abbreviated = [t for t in toks if _abbreviated(t.doc[t.i:t.i + 1])]
        for t in abbreviated:
            if (abbr := _place_abbreviation(t.doc[t.i:t.i + 1])) and abbr[1] in self.kb.countries:
                return self.kb.countries[abbr[1]]
        toks = [t for t in toks if t not in abbreviated]
        # country names and demonyms of several words first ("South Korean" is not "Korean", "Papua New Guinea")
        for words in _ngrams(toks, (4, 3, 2)):
            text = " ".join(t.text for t in words)
            hits = [h for h in self.kb.lookup(text) if h.kind == "country"] or \
                ([self.kb.demonym(text)] if self.kb.demonym(text) else [])
            if hits:
                return hits[0]
        for t in toks:
            # inside a longer capitalised name only a demonym still says a country ("the Free Syrian Army")
            inside = continues_name(t, self.kb)
            for text in (t.text, t.lemma_):
                hits = ([] if inside else self.kb.lookup(text)) or \
                    ([self.kb.demonym(text)] if self.kb.demonym(text) else [])
                for h in hits:
                    if h.kind == "country":
                        region = self._namesake_region(t.doc[t.i:t.i + 1], [h], t.doc)  # "Georgia officials"
                        return self.kb.countries.get(region, h) if region else h
                    if h.country and h.kind != "person" and t.text[:1].isupper() and not (name and h.kind != "place"):
                        return self.kb.countries.get(h.country) or Entry(name=h.country, kind="country", code=h.country)
        for t in toks if by_gazetteer else ():  # a city or region the KB does not list: "Darfur rebels"
            if t.ent_type_ in ("GPE", "LOC") and t.is_title:
                # the whole place name, never one word of it: "New York" is not "York", "Kansas City" not "Kansas"
                cc = kbmod.place_country(_place_name(t))
                if cc and cc in self.kb.countries:
                    return self.kb.countries[cc]
        return None

    def _place_in_name(self, span: Span) -> Entry | None:
        """A place the KB does not list inside an organisation's name ("the Los Angeles Times", "the
        Boston Globe", "the University of New Mexico"): the gazetteer's country of the longest run of
        capitalised words it knows, never the name's head ("Lincoln Center" is no place named Lincoln)."""
        toks = [t for t in span if t.is_title and t.i != span.root.i]
        for words in _ngrams(toks):
            text = " ".join(t.text for t in words)
            if self.kb.lookup(text) or self.kb.surname_candidates(text):
                continue  # a name the KB knows as someone or something else: "Obama" is no town in Japan here
            if words[-1].i - words[0].i == len(words) - 1 and (cc := kbmod.primary_place_country(text)):
                return self.kb.countries.get(cc)
        return None

    def _role_in(self, tokens) -> str | None:
        toks = list(tokens)
        for words in _ngrams(toks, (5, 4, 3, 2, 1)):  # "Ministry of Silly Walks" is one role phrase
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
        """The title and descriptions of a name, without the clauses attached to them: where a role
        is said (descriptions.context_tokens)."""
        return context_tokens(span)

    def _code_from_name(self, span: Span) -> tuple[str | None, str | None]:
        """Organisations and places the KB does not know: "China and Globalization Center" -> CHN, NGO."""
        if span.label_ in ("GPE", "LOC") and WATERS.search(span.text):
            return None, None  # "the Sea of Japan", "the Taiwan Strait": no country's party
        if span.label_ in ("GPE", "LOC") and len(span) > 1 and (cc := kbmod.place_country(span.text)):
            return cc, None  # the whole name first: "Los Angeles" is not a place named "Angeles"
        country = self._country_in(span, by_gazetteer=len(span) == 1, name=span.label_ == "ORG") or (
            self._place_in_name(span) if span.label_ == "ORG" else None)
        if span.label_ in ("GPE", "LOC", "FAC"):
            code = country.code if country else None
            if code is None and span.label_ in ("GPE", "LOC"):
                code = kbmod.place_country(span.text)  # "Tel Aviv" -> ISR, "Darfur" -> SDN, from the gazetteer
            return code, None  # a place has a country, not a role
        role = self._role_in(span)
        if span.label_ == "ORG" and role not in PUBLIC_ROLES:
            role = self._group_head(span) or role
        head = span.root.head
        if role is None and span.root.dep_ in ("compound", "nmod") and head.pos_ == "NOUN" and head.i >= span.end:
            role = self.kb.role_noun(head.lemma_)  # "the Umma party", "the Zapatista movement"
        if role is None and span.label_ == "ORG":  # "the Washington Post", "Human Rights Watch"
            role = self.kb.name_role([t.text for t in span])
        return (country.code if country else None), role

    def _group_head(self, span: Span) -> str | None:
        """The role of an organisation whose head noun names a group of civil or political life (a name
        word of GROUP_ROLES: "the Alliance to Reclaim Our Schools", "the Movement for Black Lives", "the
        Coalition for Safe Streets"): the head says what the organisation is, so the words of its aim
        ("Schools", "Streets") do not make it a school or a private party. A state's role said in the
        name ("the Senate Coalition ...") is kept (PUBLIC_ROLES)."""
        role = self.kb.name_words.get(kbmod.norm(span.root.text))
        return role if role in GROUP_ROLES else None

    def _group_spans(self, doc: Doc) -> list[tuple[Span, tuple[Entry | None, str]]]:
        """Noun phrases whose head is a role noun modified by a country: "Chinese officials"."""
        out = []
        person_words = {w.text for e in doc.ents if e.label_ == "PERSON" or e.label_ == "ORG" and _person_like(e, self.kb)
                        if not any(h.kind == "country" for h in self.kb.lookup(e.text))  # a country tagged PERSON
                        for w in e if w.is_alpha}  # (the linker reads "Paris Hilton", tagged ORG, as a person too)
        pos = doc.to_array(POS).tolist()
        for t in (doc[i] for i, p in enumerate(pos) if p == NOUN or p == PROPN):  # no Token for other words
            if t.ent_type_ == "PERSON":
                continue
            # the role phrase: the head noun with its compound/amod modifiers ("foreign ministry")
            mods = [c for c in t.children if c.dep_ in ("compound", "amod") and c.i < t.i]
            role = None
            phrase_start = t.i
            # the longest phrase first: the modifiers with their own ("HUMAN rights activists")
            wide = sorted({x.i for m in mods for x in m.subtree})
            if len(wide) > len(mods) and wide == list(range(wide[0], t.i)):
                words = " ".join(doc[i].text for i in wide)
                role = self.kb.role_noun(f"{words} {t.text}") or self.kb.role_noun(f"{words} {t.lemma_}")
                phrase_start = wide[0] if role else t.i
            for k in range(len(mods), -1, -1) if role is None else ():
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
                self._prefixed_name(t, mods, out)
                continue
            if kbmod.agent_role(role) in FORMER_ROLES and former_of(t):
                role = "ELI"  # "former security officials": CAMEO's elites, no longer the state
            if (led := self._led_by_person(t, role)) is not None:
                out.append(led)
                continue
            if _names_a_person(t, self.kb) and not self._titles_a_country_name(t):
                continue  # "China's top diplomat Wang Yi": a title of the person, not a collective actor
            if t.ent_type_ in ("GPE", "LOC", "FAC", "ORG"):
                continue  # a name ("the West Bank", "the Foreign Ministry"), coded as one
            # the country modifies the role phrase's head or its first word ("a Veloria harbour master")
            country_toks = [c for x in (t, doc[phrase_start]) for c in x.children
                            if c.i < phrase_start and c.dep_ in ("poss", "compound", "amod", "nmod")]
            country = None
            for ct in country_toks:
                if ct.dep_ == "poss" and _persons_word(ct, person_words, self.kb):
                    continue  # "Paris's lawyer" where the story names Paris Hilton: her lawyer, no French group
                country = self._country_in(list(ct.subtree))
                if country:
                    if t.lemma_.lower() not in LED_BODIES:  # "the Sandinista government" is the state's
                        role = self._owner_role(ct, role)
                    break
            if not country and t.dep_ == "conj" and t.head.pos in (NOUN, PROPN) and t.head.i < t.i \
                    and not any(c.dep_ in ("det", "poss") for c in t.children):
                # "Danish media and government", "Russian troops and police": one country for both
                for ct in t.head.children:
                    if ct.i < t.head.i and ct.dep_ in ("amod", "compound", "nmod"):
                        country = self._country_in(list(ct.subtree))
                        if country:
                            break
            end = t.i + 1
            if not country and kbmod.agent_role(role) != "GOV":
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
            shared: list = []
            if not country and kbmod.agent_role(role) != "GOV":
                # "the opposition in Zimbabwe", "rebels in Darfur", "protesters from Hong Kong"
                for prep in t.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "throughout", "across") and prep.i <= t.i + 2:
                        objs = [g for g in prep.children if g.dep_ == "pobj"]
                        if objs and (objs[0].ent_type_ in ("GPE", "LOC") or any(
                                h.kind == "country" for h in self.kb.lookup(objs[0].text))):
                            country = self._country_in(list(objs[0].subtree))
                            if country:  # "lawmakers in A and B": each country's lawmakers
                                shared = [(n, c) for c in objs[0].conjuncts
                                          if (n := self._kb_name(c)) is not None and n[1].kind == "country"]
                                end = objs[0].i + 1 if shared else objs[0].right_edge.i + 1
                                country_toks = []
            if not country and (org := self._organisation_of(t, role == "ELI")) is not None:
                # "the activists of Amnesty International", "the government of Veloria": theirs
                out.append((Span(doc, phrase_start, org[0].i + 1, label="GROUP"), (org[1], role)))
                for other in org[0].conjuncts:  # "the ambassadors of A, B and C": each one's
                    name = self._kb_name(other)
                    if name is not None:
                        out.append((Span(doc, name[0], other.i + 1, label="GROUP"), (name[1], role)))
                continue
            if not country and kbmod.agent_role(role) in STATELESS_ROLES and phrase_start < t.i:
                # "a human rights group", "aid groups": non-governmental whatever their country
                start = min(x.i for m in mods if m.i >= phrase_start for x in m.subtree)  # "human" in "human rights group"
                out.append((Span(doc, start, t.i + 1, label="GROUP"), (None, role)))
                continue
            if not country and kbmod.agent_role(role) in LOCATED_ROLES and t.dep_ != "compound" and (
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
            country = self._prefixed(country, [x for ct in country_toks for x in ct.subtree])
            out.append((Span(doc, start, end, label="GROUP"), (country, role)))
            out.extend((Span(doc, n[0], c.i + 1, label="GROUP"), (n[1], role)) for n, c in shared)
        return out


    def _owner_role(self, modifier: Token, role: str) -> str:
        """The role of people a named organisation that is no state body owns: "NRA officials" are the
        NRA's (NGO), "Exxon officials" Exxon's (BUS), "Hamas officials" Hamas's; their country is
        the organisation's, but they do not serve its government. A state body's people ("Kremlin
        officials", "Pentagon officials") keep the role noun's role."""
        for x in modifier.subtree:
            if not x.text[:1].isupper():
                continue
            for h in self.kb.lookup(x.text):
                if h.kind in ("organization", "group") and h.role and kbmod.agent_role(h.role) not in FORMER_ROLES:
                    return h.role
        return role

    def _titles_a_country_name(self, t: Token) -> bool:
        """Whether the name a title is said with is one the KB has only as a country's (a dictionary
        that lists a leader as a synonym of his country, PETRARCH's "+TELEMAR" under DAGOLATH):
        "Dagolath's Deputy Prime Minister Telemar" is then that country's agent, like any title."""
        heads = [c for c in t.children if c.dep_ in ("appos", "compound", "flat") and c.ent_type_ == "PERSON"]
        if t.dep_ in ("compound", "appos") and t.head.ent_type_ == "PERSON":
            heads.append(t.head)
        names = [" ".join(x.text for x in h.subtree if x.ent_type_ == "PERSON") for h in heads]
        hits = [h for n in names for h in self.kb.lookup(n)]
        return bool(hits) and all(h.kind == "country" for h in hits)

    def _led_by_person(self, t: Token, role: str) -> tuple[Span, tuple[Entry, str]] | None:
        """A body a KB person leads, named by that person ("the Obama administration", "Clinton's
        campaign"): a span labelled LED from the name to the head noun, the person's country and the
        head noun's role. None when the head is no such body or the name is no KB person of one country."""
        if t.lemma_.lower() not in LED_BODIES or t.tag_ in ("NNS", "NNPS"):
            return None
        for c in t.children:
            if c.dep_ not in ("compound", "poss", "amod") or c.i >= t.i or c.ent_type_ not in ("PERSON", "ORG", ""):
                continue  # (an untagged surname before the noun may be parsed as an adjective: "the Pinochet government")
            name = [x for x in c.subtree if x.i <= c.i and x.dep_ not in ("det", "case", "punct")]
            if not name or not all(x.is_title for x in name):
                continue
            text = " ".join(x.text for x in name)
            if (country := self.kb.countries.get(people_country(self.kb, name) or "")) is not None:
                return Span(t.doc, name[0].i, t.i + 1, label="LED", kb_id=text), (country, role)
        return None

    def _organisation_of(self, t: Token, official: bool = False) -> tuple[Token, Entry] | None:
        """The KB organisation or country a role noun is "of" right after it ("the activists of
        Amnesty International", "the government of Veloria"), or, for former officials (`official`),
        the KB organisation they were "in" or "at" ("former officials in the White House" are its
        elites); the name's last token and the entry; None otherwise."""
        for prep in t.children:
            if prep.dep_ == "prep" and prep.i == t.i + 1 and (prep.lower_ == "of" or official and prep.lower_ in ("in", "at")):
                for g in prep.children:
                    name = self._kb_name(g) if g.dep_ == "pobj" else None
                    if name is not None and (prep.lower_ == "of" or name[1].kind == "organization"):
                        return g, name[1]
        return None

    def _kb_name(self, head: Token) -> tuple[int, Entry] | None:
        """Where the KB organisation or country a noun heads starts, and its entry: the name alone,
        not what is coordinated with it or its article."""
        name = [x for x in head.subtree if x.i <= head.i and x.dep_ not in ("det", "poss", "amod", "cc", "punct")]
        hits = [h for h in self.kb.lookup(" ".join(x.text for x in name)) if h.kind in ("organization", "country")
                and h.code]
        return (name[0].i, hits[0]) if hits else None

    def _prefixed(self, country: Entry, tokens: list[Token]) -> Entry:
        """The country with a prefix agent said beside it ("a MedAid Veloria envoy": NGOVLR, then
        the envoy's agent after it); the country itself when there is none."""
        for x in tokens:
            role = self.kb.role_noun(x.text) or self.kb.role_noun(x.lemma_)
            if role and role.endswith("~"):
                return Entry(name=country.name, kind="organization", code=kbmod.compose_code(country.code, role),
                             country=country.code, origin=country.origin)
        return country

    def _prefixed_name(self, t: Token, mods: list[Token], out: list) -> None:
        """A country's name after a prefix agent (PETRARCH's `[NGO~]`: "MSF Veloria" is NGOVLR, the
        organisation's branch in that country): a group of the country with that agent."""
        for m in mods:
            role = self.kb.role_noun(m.text) or self.kb.role_noun(m.lemma_)
            if role and role.endswith("~"):
                country = next((h for h in self.kb.lookup(t.text) if h.kind == "country"), None)
                if country is not None:
                    out.append((Span(t.doc, m.i, t.i + 1, label="GROUP"), (country, role)))
                return


def _persons_word(t: Token, person_words: set[str], kb) -> bool:
    """Whether a possessor ("Paris" of "Paris's lawyer") is a person's name rather than a place or
    state: the model tags it a person, or it is a word of a person's name the article gives. A
    country's name needs both ("Israel's army" beside "Israel Katz" is the state's)."""
    tagged, named = t.ent_type_ == "PERSON", t.is_title and t.text in person_words
    if any(h.kind == "country" for h in kb.lookup(t.text)):
        return tagged and named
    return tagged or named


def _place_name(token: Token) -> str:
    """The text of the whole place entity a token is part of (spaCy's IOB tags), else the token's own."""
    doc = token.doc
    if token.ent_iob_ not in ("B", "I"):
        return token.text
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text
