"""The verb lexicon: patterns read from data/verbs.yaml, keyed by (lemma, is_noun), and the CAMEO
pairings that derive intent, appeal, demand and rejection codes from an act's code."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .. import datafile, ontology


NOT_AN_EVENT = "none"  # the lexicon's code for a sense that is no event ("fired the coach")
@dataclass(frozen=True)
class Pattern:
    code: str
    lemma: str
    particle: str | None = None
    prep: str | None = None
    obj: frozenset[str] | None = None
    pobj: frozenset[str] | None = None
    xcomp: frozenset[str] | None = None
    subj: frozenset[str] | None = None
    noun: bool = False
    intent: str | None = None
    negated: str | None = None
    mutual: bool = False
    reverse: bool = False
    order: int = 0

    @property
    def constraints(self) -> int:
        return sum(x is not None for x in (self.particle, self.obj, self.pobj, self.xcomp, self.subj))


def _set(value) -> frozenset[str] | None:
    if value is None:
        return None
    return frozenset(str(v).lower() for v in (value if isinstance(value, list) else [value]))


@lru_cache(maxsize=4)
def lexicon(path: str | None = None) -> dict[tuple[str, bool], list[Pattern]]:
    """Patterns keyed by (lemma, is_noun), in file order. Unknown codes are an error. The index is
    kept in the data cache until the lexicon, the CAMEO table or this module changes."""
    path = path or str(resources.files("dyad") / "data" / "verbs.yaml")
    cameo = str(resources.files("dyad") / "data" / "cameo.csv")
    return datafile.cached("verbs-index", lambda: _build(path), files=[path, cameo, __file__, ontology.__file__])


def _build(path: str) -> dict[tuple[str, bool], list[Pattern]]:
    records = datafile.load_yaml(path)
    known = ontology.codes()
    index: dict[tuple[str, bool], list[Pattern]] = {}
    for n, rec in enumerate(records or [], 1):
        code = str(rec["code"])
        for c in (code, rec.get("intent"), rec.get("negated")):
            if c is not None and str(c) not in known and str(c) != NOT_AN_EVENT:
                raise ValueError(f"verbs.yaml pattern {n}: unknown CAMEO code {c!r}")
        for key in ("particle", "prep"):
            if isinstance(rec.get(key), bool):
                raise ValueError(f"verbs.yaml pattern {n}: {key} read as a boolean; quote it")
        p = Pattern(code=code, lemma=str(rec["lemma"]).lower(), particle=rec.get("particle"), prep=rec.get("prep"),
                    obj=_set(rec.get("obj")), pobj=_set(rec.get("pobj")), xcomp=_set(rec.get("xcomp")),
                    subj=_set(rec.get("subj")),
                    noun=bool(rec.get("noun")), intent=str(rec["intent"]) if rec.get("intent") else None,
                    negated=str(rec["negated"]) if rec.get("negated") else None, mutual=bool(rec.get("mutual")),
                    reverse=bool(rec.get("reverse")),
                    order=n)
        index.setdefault((p.lemma, p.noun), []).append(p)
    return index


def mirror(intent_code: str | None, family: str) -> str | None:
    """The appeal (02), demand (10) or rejection (12) code that mirrors a 03x intent code.

    CAMEO builds 02x, 03x, 10x and 12x on one list of topics (material cooperation, diplomatic
    cooperation, aid, reform, yielding, meeting, settlement, mediation): 0356 "intend to
    de-escalate" mirrors 0256 "appeal for", 1056 "demand" and 1246 "decline to de-escalate".
    """
    if not intent_code or not intent_code.startswith("03") or len(intent_code) < 3:
        return None
    known = ontology.codes()
    topic, sub = intent_code[2], intent_code[3:]
    if family in ("02", "10"):
        for cand in (family + topic + sub, family + topic, family + "8" if topic == "9" else None, family + "0"):
            if cand and cand in known:
                return cand
        return None
    if family == "12":
        base = {"0": "120", "1": "121", "2": "120", "3": "122", "4": "123", "5": "124", "6": "125", "7": "127",
                "8": "126", "9": "126"}[topic]
        for cand in (base + sub if sub else None, base):
            if cand and cand in known:
                return cand
    return None


_DERIVED_INTENT = {  # CAMEO's own pairing of acts with the 03x/13x codes that announce them
    "04": "036", "05": "032", "057": "030", "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "0333",
    "08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342", "0833": "0343",
    "0834": "0344", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
    "14": "133", "15": "138", "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
    "166": "136", "17": "137", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
    "191": "1381", "192": "1382", "18": "1383", "19": "1384", "20": "1385"}
def derived_intent(code: str) -> str | None:
    """The intent (03x) or threat (13x) code announcing an act, for patterns that name none."""
    for n in (4, 3, 2):
        if code[:n] in _DERIVED_INTENT and len(code) >= n:
            return _DERIVED_INTENT[code[:n]]
    return None


def _deinflect(word: str) -> list[str]:
    out = []
    if word.endswith("ied"):
        out.append(word[:-3] + "y")
    if word.endswith("ed"):
        out += [word[:-1], word[:-2]]
        if len(word) > 4 and word[-3] == word[-4]:
            out.append(word[:-3])  # "shelled" -> "shell", "stopped" -> "stop"
    if word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e"]
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    return out
