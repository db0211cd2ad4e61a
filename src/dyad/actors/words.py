"""Word lists the actors stage reads names and roles with."""
from __future__ import annotations

import re


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
# words inside a title phrase that are no title themselves ("Secretary OF THE Treasury", "THE U.S.
# ambassador"): spans._trim reads past them, but a name never follows one as its title (spans._titled)
TITLE_JOINERS = {"of", "the", "u.s.", "us"}


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


TITLE_HEADS = {"secretary", "minister", "ministry", "department", "spokesman", "spokeswoman", "spokesperson",
               "ambassador", "envoy", "chief", "director", "head", "adviser", "advisor", "official", "officials"}


PERSONAL_TITLES = {"secretary", "minister", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson",
                   "ambassador", "envoy", "director", "chief", "head", "chairman", "chairwoman", "commissioner"}


PLACE_LABELS = ("GPE", "LOC", "NORP")


# titles of an office of a city, county, state or province, written after its place ("Austin Mayor")
LOCAL_TITLES = {"mayor", "sheriff", "police", "governor", "gov", "premier", "councillor", "councilor", "alderman",
                "alderwoman", "fire"}


WATERS = re.compile(r"\b(sea|ocean|gulf|strait|straits|bay|channel|river|lake|peninsula)\b", re.I)


DOMESTIC_ROLES = {"PTY", "OPP"}  # not "Congress" or "Parliament": a sentence may name only a foreign country


# roles a group has without a country: "a human rights group" is an NGO wherever it works
STATELESS_ROLES = {"NGO"}


# roles of unnamed groups kept without a country: "rebels", "police", "protesters"
# (not the military, which fights abroad as often as at home; not refugees, who are from elsewhere)
LOCATED_ROLES = {"REB", "OPP", "COP", "CVL", "LAB", "UAF", "CRM"}


COLLECTIVES = {"police", "opposition", "gendarmerie", "militia"}

# bodies a person leads and is named for: "the Trump campaign", "the Obama administration",
# "Clinton's campaign" are that person's organisation (the role from the agents data, the country
# the person's), not the person and not a title of the person ("Senator Cruz")
LED_BODIES = {"campaign", "administration", "government", "cabinet", "regime", "party", "team"}


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


# abbreviations that are also words or titles ("Miss.", "Ill.", "Mass."): a place only after "City,"
_AMBIGUOUS_ABBR = {"miss", "ill", "ind", "man", "wash", "mass", "mont", "mo", "la", "ga", "del", "pa", "va", "vic",
                   "ore", "tex", "ky", "md", "fla", "kan", "que", "tas", "ala", "ark", "conn", "colo", "neb", "nev"}


_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


# ranks and religious titles said before a name; their short forms ("Sgt.", "Det.") are read from
# data/title_abbreviations.yaml (spans._ranks). "Fr" is here: the tokenizer splits it from its period.
RANK_WORDS = {"fr", "constable", "corporal", "sergeant", "detective", "inspector", "superintendent", "captain",
              "major", "private", "reverend", "father", "sister", "brother", "rabbi", "imam", "pastor", "chief",
              "officer", "trooper", "deputy"}


PLACE_NOUNS = {"town", "city", "village", "province", "region", "district", "area", "capital", "port"}
# roles of the state a "former" holder no longer has: a group of former officials, officers, judges or
# police is CAMEO's ELI (elites: former government officials)
FORMER_ROLES = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
# verbs of going somewhere: their "to" and "from" name a place ("moved to Paris", "fled from Aleppo")
MOTION_VERBS = frozenset({"move", "travel", "fly", "go", "come", "return", "drive", "head", "relocate", "flee",
                          "emigrate", "immigrate", "escape", "walk", "sail", "commute", "evacuate", "deport", "send"})
