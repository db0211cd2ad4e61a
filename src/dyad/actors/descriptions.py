"""A person the KB does not know, coded from the phrase that describes them.

"Dale Roe, a financial adviser in Tulsa", "Former Pentagon official Ann Roe", "Leslie Poe,
president of the Veloria Farmers Union": what such a person is (the CAMEO role) and whose they are
(the country) is said by the STRUCTURE of the description, read in this order:

1. the description's head noun: a title before the name ("official" of "Former Pentagon official"),
   the noun the name is in apposition with ("adviser" of ", a financial adviser"), never a noun
   across a quotation mark or a line break (a quote's words are not a description of who said it);
2. the description proper: that head with its own modifiers and its of/for/at/to/with/in/from
   phrases. Clauses attached to it (relative clauses, participles, quotes) are not part of it:
   "an aide who went with her to Nairobi" is no Kenyan aide, "a voter ... to run for president"
   no president;
3. the head's role noun (kb/agents.yaml, the longest phrase ending at the head), refined by its
   modifiers: a modifier that is a role noun of another sector ("a BANK official", "a SENATE
   aide"), or a private domain (data/descriptions.yaml: "a FINANCIAL adviser" is business);
4. whom the person serves, which wins over the noun alone: an organisation the head is "of",
   "for", "at", "to" or "with" ("president of the Women's Caucus" heads the caucus: its role), a
   relative clause of work ("who works at the X Foundation", the one clause kept), or, for a noun
   of service (an aide, a spokesman: data/descriptions.yaml), the person or organisation named
   before it ("a Clinton aide" is Clinton's: her country and her role);
5. "former", "retired", "ex-" before the head: a former official, officer, judge or legislator is
   CAMEO's ELI (elites), no longer the state's agent, unless a clause of work says what they do now;
   an "outside" or "informal" adviser is no member of what they advise (no role); a "political"
   adviser or consultant is political (ELI) whoever employs them; a stance noun with a name ("a
   Trump critic", "a Kremlin critic") says neither a role nor a country;
6. the country: the organisation served, else the principal, else a nationality or country among
   the modifiers ("a retired Belgian general"), else a place the head is "in" or "from".

The word lists these steps read (former, domains, outside, political, stances, serving nouns, work
verbs) are data: data/descriptions.yaml; the role nouns are kb/agents.yaml's.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from .. import kb as kbmod
from ..datafile import load_yaml
from .names import title_nouns
from .words import FORMER_ROLES, MEMBER_NOUNS

# dependents that attach a clause, not a modifier: never part of a description
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "appos", "dep"})
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "npadvmod", "advmod", "case", "punct"})
AFFILIATION_PREPS = frozenset({"for", "of", "to", "at", "with"})  # a spokesman for, an aide to, an analyst at X
PLACE_PREPS = frozenset({"in", "from"})  # a financial adviser in Tulsa
QUOTES = frozenset({'"', "“", "”", "‘", "’", "``", "''", "«", "»"})


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = load_yaml(resources.files("dyad") / "data" / "descriptions.yaml") or {}
    domains = {kbmod.norm(str(w)): role for role, words in (data.get("domains") or {}).items() for w in words or ()}
    return {"former": frozenset(str(w).lower() for w in data.get("former") or ()),
            "domains": domains,
            "serving": frozenset(str(w).lower() for w in data.get("serving") or ()),
            "work_verbs": frozenset(str(w).lower() for w in data.get("work_verbs") or ()),
            "stances": frozenset(str(w).lower() for w in data.get("stances") or ()),
            "outside": frozenset(str(w).lower() for w in data.get("outside") or ()),
            "political": frozenset(str(w).lower() for w in data.get("political") or ()),
            "political_roles": frozenset(
                (load_yaml(resources.files("dyad") / "data" / "political.yaml") or {}).get("roles") or ())}


def is_former(t: Token) -> bool:
    """A word saying a role is no longer held: "former", "retired", "ex-" (data/descriptions.yaml)."""
    low = t.lower_
    return low in _rules()["former"] or low.startswith("ex-")


def former_of(head: Token) -> bool:
    """Whether "former", "retired" or "ex-" modifies a role noun, directly or through its other modifiers
    ("former Velorian harbour masters"), not inside a possessor ("a former minister's guards" are no elites)."""
    for x in head.doc[head.left_edge.i:head.i]:
        if not is_former(x):
            continue
        up, hops = x, 0
        while up.i != head.i and up.dep_ != "poss" and hops < 10:
            up, hops = up.head, hops + 1
        if up.i == head.i:
            return True
    return False


def serving(t: Token) -> bool:
    """A noun of service, whose holder is what their principal is (data/descriptions.yaml)."""
    return t.lower_ in _rules()["serving"] or t.lemma_.lower() in _rules()["serving"]


def domain_role(tokens) -> str | None:
    """The private sector a modifier names ("financial", "medical", "real estate"), else None."""
    toks = list(tokens)
    for n in (2, 1):
        for i in range(len(toks) - n + 1):
            role = _rules()["domains"].get(kbmod.norm(" ".join(t.text for t in toks[i:i + n])))
            if role:
                return role
    return None


def outside_named(tokens) -> bool:
    """Whether a modifier says a job of service is held from outside ("an outside adviser"):
    data/descriptions.yaml."""
    return any(t.lower_ in _rules()["outside"] for t in tokens)


def politics_named(tokens) -> bool:
    """Whether a modifier says a job is political ("a political adviser"): data/descriptions.yaml."""
    return any(t.lower_ in _rules()["political"] for t in tokens)


def political_role(role: str | None) -> bool:
    """A role that makes its holder a political actor (data/political.yaml, as the events stage reads it)."""
    return kbmod.agent_role(role) in _rules()["political_roles"]


def stance(t: Token) -> bool:
    """A noun of a stance towards someone ("critic", "supporter"): data/descriptions.yaml."""
    return t.lower_ in _rules()["stances"] or t.lemma_.lower() in _rules()["stances"]


def people_country(kb, name: list[Token]) -> str | None:
    """The one country of the KB people a name written in the text may be (a full name, or a lone
    surname: "Clinton"), else None (no one, or people of several countries)."""
    text = " ".join(x.text for x in name)
    people = [h for h in kb.lookup(text) if h.kind == "person"] or (kb.surname_candidates(text) if len(name) == 1 else [])
    countries = {h.country for h in people if h.country}
    return countries.pop() if len(countries) == 1 else None


def work_verb(t: Token) -> bool:
    """A verb saying where someone works now ("works at", "serves on"): data/descriptions.yaml."""
    return t.lemma_.lower() in _rules()["work_verbs"]


def pruned(tok: Token) -> list[Token]:
    """A token with its subtree, without the clauses attached inside it (relative clauses,
    participles, appositions of its nouns, coordinated verbs) and without quotation marks and what
    hangs from them."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS and c.text not in QUOTES
                     and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")))
    return sorted(out, key=lambda t: t.i)


def _separated(a: int, b: int, doc) -> bool:
    """Whether a quotation mark or a line break stands between two tokens: a noun on the other side of
    one is not a description of the name (the end of a quote followed by "― Name" on its own line)."""
    lo, hi = min(a, b), max(a, b)
    return any(doc[i].text in QUOTES or "\n" in doc[i].text for i in range(lo + 1, hi))


@dataclass
class Description:
    """One description of a name: its head noun, the head's modifiers (left of it, clauses pruned)
    and the prepositions attached to it (right of it, clauses pruned), and clauses of work."""
    head: Token
    mods: list[Token]
    preps: list[Token]
    works: list[Token]

    @property
    def tokens(self) -> list[Token]:
        toks = {t.i: t for t in self.mods + [self.head] + [x for p in self.preps for x in pruned(p)]}
        return [toks[i] for i in sorted(toks)]


def title_tokens(span: Span) -> list[Token]:
    """The words of a title before a name inside its noun phrase ("Former Pentagon official" of
    "Former Pentagon official Ann Roe", "U.S. Air Force Gen."): the name's left modifiers."""
    head, doc = span.root, span.doc
    toks = [x for t in head.children if t.i < span.start and t.dep_ in ("compound", "amod", "poss", "nmod", "det", "nummod")
            for x in pruned(t)]
    i = span.start - 1
    while i >= 0 and doc[i].dep_ in ("compound", "amod", "poss", "case", "nmod", "det") and doc[i].head.i >= span.start:
        toks.append(doc[i])
        i -= 1
    seen: set[int] = set()
    return [t for t in sorted(toks, key=lambda t: t.i) if t.i < span.start and not (t.i in seen or seen.add(t.i))]


def descriptions(span: Span) -> list[Description]:
    """The descriptions of a name mention: its title, the nouns it is in apposition with, and the
    name itself with the of/from/at/with phrases after it ("Colonel Ann Roe of the Velorian army")."""
    head, doc = span.root, span.doc
    out: list[Description] = []
    title = title_tokens(span)
    nouns = [t for t in title if t.pos_ in ("NOUN", "PROPN") or t.text.endswith(".")]
    if nouns:
        h = nouns[-1]
        out.append(Description(h, [t for t in title if t.i < h.i], [], []))
    appos = [t for t in head.children if t.dep_ == "appos" and t.i >= span.end]
    if head.dep_ == "appos" and head.head.i < span.start:
        appos.append(head.head)  # "the country's top diplomat, Wang Yi"
    for a in list(appos):
        if a.pos_ in ("NUM", "PRON") or a.lower_ in ("one", "some"):  # "one of the president's closest aides"
            appos.extend(g for p in a.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                         if g.dep_ == "pobj")
        # "a close confidante and former campaign worker for ...": each conjoined noun describes the name
        appos.extend(c for c in a.conjuncts if c.i > a.i and c.pos_ in ("NOUN", "PROPN"))
    for a in appos:
        if a.pos_ not in ("NOUN", "PROPN") or _separated(a.i, head.i, doc) or a.ent_type_ == "PERSON":
            continue
        if a.ent_type_ == "ORG":  # "the Secretary of Homeland Security" parsed with "Security" as the head
            a = next((c for c in a.children if c.dep_ == "nmod" and c.i < a.i and c.pos_ in ("NOUN", "PROPN")), a)
        mods = [x for c in a.children if c.i < a.i and c.dep_ in MODIFIER_DEPS for x in pruned(c)]
        preps = [c for c in a.children if c.i > a.i and c.dep_ == "prep"]
        works = [c for c in a.children if c.dep_ in ("relcl", "acl") and work_verb(c)]
        out.append(Description(a, sorted(mods, key=lambda t: t.i), preps, works))
    own = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "at", "with") and c.i >= span.end]
    if own:
        out.append(Description(head, [], own, []))
    return out


def clause_tokens(span: Span) -> set[int]:
    """Indices of the words of clauses attached to a name or its descriptions ("who accompanied her to
    Nairobi"): what they name is what the person did or said, not what they are."""
    heads = [span.root] + [d.head for d in descriptions(span)]
    return {x.i for h in heads for c in h.children if c.dep_ in CLAUSE_DEPS - {"appos"} for x in c.subtree}


def context_tokens(span: Span) -> list[Token]:
    """Every word that describes a name mention (its title and descriptions, no clauses): where a
    role, a title or a gender is said."""
    toks = {t.i: t for t in title_tokens(span)}
    for d in descriptions(span):
        toks.update((t.i, t) for t in d.tokens if not (span.start <= t.i < span.end))
    return [toks[i] for i in sorted(toks)]


def role_phrase(kb, d: Description) -> tuple[str | None, int, Token | None]:
    """The role of the longest role noun phrase ending at the head ("national security adviser",
    "Gen." as "general") or going through its "of" ("secretary of state"), where it starts, and the
    "of" it took; (None, head index, None) when the head is no role noun."""
    head, doc = d.head, d.head.doc
    for p in d.preps:  # "secretary of state", "member of parliament": a role phrase through its "of"
        if p.i == head.i + 1 and p.lower_ == "of" and p.right_edge.i - head.i <= 4:
            role = kb.role_noun(doc[head.i:p.right_edge.i + 1].text) or kb.role_noun(
                head.lemma_ + " " + doc[p.i:p.right_edge.i + 1].text)
            if role:
                return role, head.i, p
    left = {t.i for t in d.mods}
    start = head.i
    while start - 1 in left and head.i - start < 4:
        start -= 1
    for k in range(start, head.i + 1):
        words = doc[k:head.i].text_with_ws if k < head.i else ""
        # (the data lists common plurals only: "government critics" read for "a government critic")
        for form in (head.text, head.lemma_, head.lemma_ + "s", *sorted(title_nouns(head.text))):
            role = kb.role_noun(words + form)
            if role:
                return role, k, None
    return None, head.i, None


def sector_of_modifiers(kb, d: Description, start: int, possessor: bool = True) -> str | None:
    """A modifier of the head outside its role phrase that is itself a role noun of a sector ("a BANK
    official", "a SENATE aide", "the CAMPAIGN's press secretary", "billionaire casino magnate"): the
    job is in that sector."""
    for t in d.mods:
        # (nouns only: "an EXECUTIVE director" is a rank, not a business)
        if t.i >= start or t.dep_ not in ("compound", "nmod", "poss") or t.head.i != d.head.i or \
                t.dep_ == "poss" and not possessor:
            continue
        span = [x for x in pruned(t) if x.dep_ not in ("det", "poss", "case", "punct")]
        text = " ".join(x.text for x in span)
        role = kb.role_noun(text) or kb.role_noun(t.lemma_)
        if role and not role.endswith("~"):
            return role
    return None


def former_in(d: Description) -> bool:
    """"former", "retired", "ex-" among the head's modifiers, not inside a possessor."""
    if any(is_former(t) for t in d.mods if t.dep_ != "poss" and t.head.dep_ != "poss"):
        return True
    return former_of(d.head) if d.head.pos_ in ("NOUN", "PROPN") else False


def state_role(role: str | None) -> bool:
    """A role of the state (GOV, MIL, LEG, JUD, COP, SPY): the roles a former holder no longer has."""
    return kbmod.agent_role(role) in FORMER_ROLES


def member_noun(t: Token) -> bool:
    """A head whose modifier names the role ("army officer", "rebel fighter"): words.MEMBER_NOUNS."""
    return t.lemma_.lower() in MEMBER_NOUNS


@dataclass
class Party:
    """Whom a description says a person serves or is: a country, a role, and a full code when the
    party has its own (an IGO's "IGOUNO")."""
    country: str | None
    role: str | None
    code: str | None = None
    person: bool = False
    organisation: bool = False  # a named organisation: its role, even None, is the person's


class Describing:
    """Part of `ActorStage` (with `Codes`): a CAMEO code for an unknown person from their descriptions."""

    def _code_from_descriptions(self, c, doc, clusters) -> None:
        """Fill `c`'s country, role and code from the first descriptions that say them (module docstring)."""
        for m in c.mentions:
            for d in descriptions(m):
                party = self._describe(d, doc, clusters)
                if party is None:
                    continue
                if party.code and party.code.startswith("IGO"):
                    c.country, c.role, c.code = None, "IGO", party.code
                else:
                    c.country = party.country or c.country
                    c.role = party.role or c.role
                    c.code = kbmod.compose_code(c.country, c.role)
                c.link = {"method": "context", "evidence": " ".join(t.text for t in d.tokens)[:200]}
                if c.code and (c.country or c.role == "IGO") and c.role:
                    return

    def _describe(self, d: Description, doc, clusters) -> Party | None:
        """The party one description names (module docstring, steps 3-6); None when it says nothing."""
        kb = self.kb
        role, start, through = role_phrase(kb, d)
        # (whose a noun that is no job is, says nothing of what its holder is: "the nominee's daughter")
        persons = self._person_tokens(d.mods, clusters)
        if stance(d.head) and any(t.pos_ == "PROPN" or t.ent_type_ for t in d.mods if t.dep_ != "det"):
            # "a Trump critic", "a Clinton supporter", "a Kremlin critic": a stance towards whom it names,
            # neither their role nor their country ("a government critic" is the opposition: agents.yaml)
            return None
        sector = None if stance(d.head) else sector_of_modifiers(kb, d, start, possessor=bool(role or serving(d.head)))
        own_mods = [t for t in d.mods if t.i not in persons]
        nationality = self._country_in(own_mods) if own_mods else None
        country = nationality.code if nationality is not None and nationality.kind == "country" else None
        if not (role or sector or serving(d.head) or member_noun(d.head)):
            # no role noun: an organisation the head is or names ("CNN's Ann Roe", "NBC News moderator"),
            # else at most a nationality or a place ("a Belgian citizen", "Ann Roe of Ohio"); never the
            # person before it ("Kaine's wife" is not Kaine)
            org = self._party_named(d.head, doc, ()) if d.head.ent_type_ == "ORG" else None
            org = org if org is not None and org.role else self._kb_org_in(own_mods)
            if org is not None and org.role:
                return org if org.code and org.code.startswith("IGO") else Party(org.country or country, org.role)
            country = country or self._place_of(d)
            return Party(country, None) if country else None
        role = sector or role
        direct = [t for t in d.mods if t.i < start and t.head.i == d.head.i and t.dep_ in ("amod", "compound", "nmod")]
        domain = domain_role(direct)
        if serving(d.head) and outside_named(direct):  # "an outside adviser to the campaign": not its member
            return Party(country or self._place_of(d), None) if (country or self._place_of(d)) else None
        work = next((p for w in d.works for p in self._affiliations(w, doc, clusters)), None)
        served = work or next(iter(self._affiliations(d.head, doc, clusters, through)), None) or \
            self._modifier_party(d, persons)
        if served is not None:
            if served.code and served.code.startswith("IGO"):
                return served
            if served.person and stance(d.head):
                return None  # "a supporter of Senator X": as above
            if served.organisation or served.role and not served.person:
                # a noun of service, or a state's noun, is the organisation's ("president of the X Caucus",
                # "a Kremlin adviser"; an organisation whose kind nothing says is no government: "president
                # of the X League"); a private trade of its own stands ("a fellow at", "an editor for")
                if serving(d.head) or role is None or state_role(role):
                    role = served.role
            elif served.person and serving(d.head) and not sector:
                # a politician's aide has the politician's role ("a senator's aide"); the aide of one who
                # holds no office now (a candidate, a former president) is an elite's (ELI). A sector said
                # between them is the aide's own ("a Clinton campaign staffer" is the campaign's); a domain
                # is then the aide's portfolio, not a trade ("a Clinton tech aide")
                role = served.role or "ELI"
            country = served.country or country
        else:
            role = domain or role
        if serving(d.head) and not political_role(role) and politics_named(direct):
            role = "ELI"  # "a political adviser to the X family": political whoever it serves (not "a political scientist")
        if work is None and former_in(d) and state_role(role):
            role = "ELI"  # a former or retired official, officer, judge or legislator
        if country is None:
            country = self._place_of(d)
        return Party(country, role) if (country or role) else None

    def _person_tokens(self, tokens, clusters) -> dict[int, object]:
        """Tokens of the modifiers that are mentions of a KB person (a person coded only from context
        may not be coded yet, and says nothing of whom they serve): index -> cluster."""
        out = {}
        for t in tokens:
            if t.ent_type_ != "PERSON" and not t.is_title:
                continue
            for c in clusters:
                if c.kind == "person" and c.entry is not None and any(x.start <= t.i < x.end for x in c.mentions):
                    out[t.i] = c
                    break
        return out

    def _modifier_party(self, d: Description, persons) -> Party | None:
        """A person or organisation named before the head ("a Clinton aide", "a Kremlin spokesman",
        "U.N. Secretary-General"): the person's country and, for a noun of service, role; the
        organisation's code."""
        for t in d.mods:
            if t.i in persons:
                return _principal(persons[t.i])
        org = self._kb_org_in(d.mods)
        if org is not None:
            return org
        for t in d.mods:  # a KB person's name the article has not linked ("Clinton campaign spokesman X")
            # (tagged a person: "Green Party candidate" names no one called Green)
            if t.pos_ == "PROPN" and t.is_title and t.ent_type_ == "PERSON" and t.dep_ in ("compound", "poss") \
                    and (cc := people_country(self.kb, [t])):
                return Party(cc, None, person=True)
        return None

    def _kb_org_in(self, tokens) -> Party | None:
        """A KB organisation named by capitalised words among `tokens`, the longest first ("the DNC
        Rules Committee" is the DNC's, "a Kremlin adviser" the Kremlin's)."""
        toks = list(tokens)
        # capitalised words, and the hyphens inside a name ("AFL-CIO")
        caps = [t for t in toks if (t.is_title or t.is_upper or t.ent_type_ == "ORG") and t.is_alpha or "." in t.text
                or t.text == "-" and 0 < t.i < len(t.doc) - 1 and t.doc[t.i - 1].is_upper and t.doc[t.i + 1].is_upper]
        for n in (5, 4, 3, 2, 1):
            for i in range(len(caps) - n + 1):
                words = caps[i:i + n]
                if words[-1].i - words[0].i != n - 1 or words[0].text == "-" or words[-1].text == "-":
                    continue
                for h in self.kb.lookup(words[0].doc[words[0].i:words[-1].i + 1].text):
                    if h.kind == "organization" and h.code:
                        return Party(h.country, kbmod.agent_role(h.role) or (h.code[:3] if h.code.startswith("IGO") else None),
                                     h.code, organisation=True)
        return None

    def _affiliations(self, head: Token, doc, clusters, through: Token | None = None) -> list[Party]:
        """Whom a head noun (or a clause of work) is for, of, at, to or with: an organisation (the KB's,
        or a capitalised name whose head noun says its role: "the Women's Caucus"), a person, or a
        role noun ("an aide to the mayor")."""
        out = []
        for p in head.children:
            if p.dep_ != "prep" or p.lower_ not in AFFILIATION_PREPS or p is through:
                continue
            for g in p.children:
                if g.dep_ != "pobj" or g.pos_ not in ("NOUN", "PROPN"):
                    continue
                party = self._party_named(g, doc, clusters)
                if party is not None:
                    out.append(party)
        return out

    def _party_named(self, g: Token, doc, clusters) -> Party | None:
        """The party a noun phrase names: a person of the article, a KB organisation, an organisation's
        name, a role noun. Places are no party (they only place the person: `_place_of`)."""
        if g.ent_type_ in ("GPE", "LOC", "FAC"):
            return None
        headed = g.is_title and (self.kb.role_noun(g.text) or self.kb.name_role([g.text]))  # "the Women Caucus"
        for c in () if headed else clusters:
            if c.kind == "person" and c.entry is not None and any(x.start <= g.i < x.end for x in c.mentions):
                return _principal(c)
        words = [x for x in pruned(g) if x.i <= g.i and x.dep_ not in ("det", "poss", "case", "punct")]
        while words and not (words[0].is_title or words[0].is_upper):
            words = words[1:]  # "the Oslo-based Lund Institute": the name, not what precedes it
        ent = next((e for e in doc.ents if e.start <= g.i < e.end and e.label_ == "ORG"), None)
        if ent is not None and ent.end > g.i + 1:  # a name going on past its head: "the European Council on ..."
            words = [x for x in ent if x.dep_ not in ("det", "case", "punct")]
        if words:
            for h in self.kb.lookup(" ".join(w.text for w in words)):
                if h.kind in ("organization", "country") and h.code:
                    if h.kind == "country":
                        return None
                    return Party(h.country, kbmod.agent_role(h.role) or (h.code[:3] if h.code.startswith("IGO") else None),
                                 h.code, organisation=True)
        det = any(x.dep_ == "det" for x in g.children)
        if g.ent_type_ == "ORG" or g.is_title and det and len(words) > 1 or headed:
            # an organisation's name: its head noun says what it is ("the Midwest Mothers CAUCUS"), not the
            # other words of its name ("Sailors"); a name whose head says nothing is still no government
            start = words[0].i if words and words[-1].i == g.i else g.i
            name = ent if ent is not None else Span(doc, start, g.i + 1, label="ORG")
            country, named_role = self._code_from_name(name)
            # the head's role noun, else a name word of the whole name ("the Broadcasting Board of GOVERNORS"),
            # else a KB organisation inside it ("the DNC Rules Committee"), else what the name codes it as
            role = self.kb.role_noun(g.text) or self.kb.role_noun(g.lemma_) or self.kb.name_role([t.text for t in name])
            if role is None and (inner := self._kb_org_in([t for t in name if t.i < g.i])) is not None:
                return inner  # (an organisation the name's head belongs to, named before it)
            role = role or named_role
            # (a name without its article whose head says nothing may be a portfolio: "Secretary of Homeland Security")
            return Party(country, role, organisation=bool(role) or det)
        role = self.kb.role_noun(g.text) or self.kb.role_noun(g.lemma_)
        if role is None:
            return self._kb_org_in(pruned(g))  # "the VOA Eurasian division"
        mods = [x for x in pruned(g) if x.i < g.i]  # "an aide to the mayor", "a spokesman for the Chinese army"
        country = self._country_in(mods) if mods else None
        return Party(country.code if country is not None and country.kind == "country" else None, role)

    def _place_of(self, d: Description) -> str | None:
        """The country of a place the head is in, from or of ("a financial adviser in Tulsa",
        "the attorney general of Oklahoma")."""
        for p in d.preps:
            if p.lower_ not in PLACE_PREPS | {"of"}:
                continue
            for g in p.children:
                if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC"):
                    country = self._country_in(list(g.subtree))  # (with its state: "Ashton, Md.")
                    if country is not None:
                        return country.code
        return None



def _principal(c) -> Party:
    """A KB person served: their country, their role at the article's date (None for a candidate or a
    former office holder, whose aide is then an elite's: ELI in `_describe`)."""
    return Party(c.country, kbmod.agent_role(c.role) if c.role else None, person=c.entry is not None)
