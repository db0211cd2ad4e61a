"""The verb lexicon: patterns read from data/verbs.yaml, keyed by (lemma, is_noun), and the CAMEO
pairings that derive intent, appeal, demand and rejection codes from an act's code."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import yaml

from .. import datafile, ontology
from ..types import DyadError


NOT_AN_EVENT = "none"  # the lexicon's code for a sense that is no event ("fired the coach")
class LexiconError(DyadError, ValueError):
    """A verb lexicon that cannot be used: unreadable, not YAML, or a record with an unknown code."""


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
    mod: frozenset[str] | None = None  # a compound/adjective on the trigger itself: "GENERAL strike", "AIR strike"
    subj_role: frozenset[str] | None = None  # KB role of what did it: workers (LAB) strike, armies strike
    obj_kind: str | None = None  # "thing": the object is no person or actor ("killed the bill")
    # a verb of naming with a small clause ("called X a liar"): the code its predicate's judgement takes
    # (evaluation.polarity: "bad", "good"), the pattern's own code for a neutral predicate
    label: tuple[tuple[str, str], ...] | None = None
    # words left of the verb, in order (a PETRARCH pattern's context before "*"): each slot is a set of
    # phrases (words space-separated) and whether it must follow the previous slot with no word between
    pre: tuple[tuple[frozenset[str], bool], ...] | None = None
    post: tuple[tuple[frozenset[str], bool], ...] | None = None  # likewise right of the verb, in its phrase
    target_after: bool = False  # no argument names the target: the first actor after the verb (PETRARCH's reading)
    compound: bool = False  # only when the subject is coordinated ("X and Y agreed"): PETRARCH's "% *"
    paired: str | None = None  # what the target does in return ("[032:033]": X visits Y, Y hosts X)
    target_at: tuple[int, int] | None = None  # the target follows post slot N, past M phrases ("* EID AT ^ WITH +")
    noun: bool = False
    intent: str | None = None
    negated: str | None = None
    mutual: bool = False
    reverse: bool = False
    order: int = 0
    origin: str = "verbs.yaml"  # verbs.yaml, verb_classes.yaml, generated, or the user's file

    @cached_property  # read for every pattern of every candidate trigger
    def constraints(self) -> int:
        return sum(x is not None for x in (self.particle, self.obj, self.pobj, self.xcomp, self.subj, self.mod,
                                           self.subj_role, self.obj_kind, self.label)) + len(self.pre or ()) + len(self.post or ()) + self.compound

    @property
    def is_default(self) -> bool:
        """A pattern that holds whatever the clause looks like: the lemma's default code."""
        return self.constraints == 0 and self.prep is None


def _set(value) -> frozenset[str] | None:
    if value is None:
        return None
    return frozenset(str(v).lower() for v in (value if isinstance(value, list) else [value]))


def pattern(rec: dict, n: int, origin: str, known) -> Pattern:
    """One lexicon record (a dict in verbs.yaml's shape) as a Pattern; a bad record raises ValueError.
    `known` is the set of codes allowed, or None to keep any code (a PETRARCH dictionary's own codes)."""
    if isinstance(rec, dict) and rec.get("__line__"):
        origin_n = f"{origin}:{rec['__line__']}"
    else:
        origin_n = f"{origin} pattern {n}"
    if not isinstance(rec, dict) or "code" not in rec or "lemma" not in rec:
        raise ValueError(f"{origin_n}: needs at least code and lemma")
    code = str(rec["code"])
    for c in (code, rec.get("intent"), rec.get("negated")):
        if c is not None and known is not None and str(c) not in known and str(c) != NOT_AN_EVENT:
            raise ValueError(f"{origin_n}: unknown CAMEO code {c!r}")
    for key in ("particle", "prep"):
        if isinstance(rec.get(key), bool):
            raise ValueError(f"{origin_n}: {key} read as a boolean; quote it")
    label = rec.get("label")
    if label is not None:
        if label is True:
            label = {}
        if not isinstance(label, dict) or set(label) - {"bad", "good"}:
            raise ValueError(f"{origin_n}: label must map bad/good to codes ({{bad: \"111\", good: \"051\"}})")
        for c in label.values():
            if known is not None and str(c) not in known:
                raise ValueError(f"{origin_n}: unknown CAMEO code {c!r}")
        label = tuple(sorted((str(k), str(v)) for k, v in label.items()))
    return Pattern(code=code, lemma=str(rec["lemma"]).lower(), particle=rec.get("particle"), prep=rec.get("prep"),
                   obj=_set(rec.get("obj")), pobj=_set(rec.get("pobj")), xcomp=_set(rec.get("xcomp")),
                   subj=_set(rec.get("subj")), mod=_set(rec.get("mod")),
                   subj_role=frozenset(str(r).upper() for r in _set(rec.get("subj_role")) or ()) or None,
                   obj_kind=rec.get("obj_kind"), label=label, pre=_slots(rec.get("pre"), origin_n), post=_slots(rec.get("post"), origin_n),
                   target_after=bool(rec.get("target_after")), compound=bool(rec.get("compound")),
                   paired=str(rec["paired"]) if rec.get("paired") else None,
                   target_at=(int(rec["target_at"][0]), int(rec["target_at"][1])) if rec.get("target_at") else None,
                   noun=bool(rec.get("noun")), intent=str(rec["intent"]) if rec.get("intent") else None,
                   negated=str(rec["negated"]) if rec.get("negated") else None, mutual=bool(rec.get("mutual")),
                   reverse=bool(rec.get("reverse")), order=n, origin=str(rec.get("origin") or origin))


def _slots(value, where: str) -> tuple[tuple[frozenset[str], bool], ...] | None:
    """A record's `pre` or `post`: a list of slots, each [phrases, joined] ("joined": no word between it and the
    slot before it); the phrases a list of strings."""
    if not value:
        return None
    try:
        return tuple((frozenset(" ".join(str(x).lower().split()) for x in alts), bool(joined)) for alts, joined in value)
    except (TypeError, ValueError):
        raise ValueError(f"{where}: pre must be a list of [phrases, joined] slots") from None


def _data_path(name: str) -> str:
    return str(resources.files("dyad") / "data" / name)


@lru_cache(maxsize=4)
def lexicon(path: str | None = None) -> dict[tuple[str, bool], list[Pattern]]:
    """Patterns keyed by (lemma, is_noun), in file order. Unknown codes are an error.

    The built-in lexicon is verbs.yaml (patterns that refine a lemma's code) plus verb_classes.yaml
    (every lemma's default code), with generated forms (nominalisations). `path` replaces both: a
    file in verbs.yaml's format, or a PETRARCH verb dictionary (see events.petrarch), converted. The
    index is kept in the data cache until one of those files, the CAMEO table or this code changes."""
    from . import forms, petrarch  # forms and petrarch build Patterns with this module's helpers

    files = [path or _data_path("verbs.yaml"), _data_path("verb_classes.yaml"), _data_path("verb_forms.yaml"),
             _data_path("cameo.csv"), __file__, forms.__file__, petrarch.__file__, ontology.__file__]
    try:
        return datafile.cached("verbs-index", lambda: _build(path), files=files)
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"verb lexicon {path}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise LexiconError(f"verb lexicon {where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise LexiconError(f"verb lexicon: {exc}") from None


def _build(path: str | None) -> dict[tuple[str, bool], list[Pattern]]:
    from . import forms, petrarch

    known = ontology.codes()
    index: dict[tuple[str, bool], list[Pattern]] = {}
    if path and petrarch.is_verb_dictionary(path):
        records, origin, known = petrarch.read_verbs(path).records, path, None
    elif path:
        records, origin = datafile.load_yaml(path, lines=True) or [], path  # lines: errors name them
    else:
        records, origin = datafile.load_yaml(_data_path("verbs.yaml")) or [], "verbs.yaml"
    for n, rec in enumerate(records, 1):
        p = pattern(rec, n, origin, known)
        index.setdefault((p.lemma, p.noun), []).append(p)
    if not path:
        forms.add_defaults(index, datafile.load_yaml(_data_path("verb_classes.yaml")), ontology.codes())
    forms.add_nominalisations(index, datafile.load_yaml(_data_path("verb_forms.yaml")))
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


def default_lemmas(index: dict[tuple[str, bool], list[Pattern]]) -> dict[str, set[str]]:
    """Verb lemmas per CAMEO root by their default code: a lemma counts for the root of a pattern that
    holds when nothing refines it (a preposition only says where the target is); a phrasal verb ("reach out", "crack down") counts as its own lemma.
    Lemmas whose default is "no event" count for no root."""
    roots: dict[str, set[str]] = {}
    for (lemma, noun), pats in index.items():
        if noun:
            continue
        for p in pats:
            refined = (p.obj, p.pobj, p.xcomp, p.subj, p.mod, p.subj_role, p.obj_kind, p.label)  # a preposition never gates
            if p.code == NOT_AN_EVENT or any(x is not None for x in refined) or p.origin.endswith("(pattern)"):
                continue  # a refined sense, or a PETRARCH pattern line (not one of its verbs)
            roots.setdefault(p.code[:2], set()).add(f"{lemma} {p.particle}" if p.particle else lemma)
    return roots


def coverage(index: dict[tuple[str, bool], list[Pattern]]) -> dict[str, dict[str, int]]:
    """Per CAMEO root: verb lemmas by default code, verb patterns and noun patterns with a code in it."""
    lemmas = default_lemmas(index)
    out: dict[str, dict[str, int]] = {}
    for (_, noun), pats in index.items():
        for p in pats:
            if p.code == NOT_AN_EVENT:
                continue
            row = out.setdefault(p.code[:2], {"lemmas": 0, "verb_patterns": 0, "noun_patterns": 0})
            row["noun_patterns" if noun else "verb_patterns"] += 1
    for root, ls in lemmas.items():
        out.setdefault(root, {"lemmas": 0, "verb_patterns": 0, "noun_patterns": 0})["lemmas"] = len(ls)
    return dict(sorted(out.items()))


def root_lemmas(index: dict[tuple[str, bool], list[Pattern]], root: str) -> list[tuple[str, str, int]]:
    """(lemma, default code, number of patterns refining it) for the verb lemmas whose default is in a root."""
    rows = []
    for lemma in sorted(default_lemmas(index).get(root, ())):
        head, _, particle = lemma.partition(" ")
        pats = index.get((head, False), [])
        defaults = [p for p in pats if p.code[:2] == root and (p.particle or "") == particle
                    and not any(x is not None for x in (p.obj, p.pobj, p.xcomp, p.subj, p.mod, p.subj_role, p.obj_kind, p.label))]
        rows.append((lemma, defaults[0].code if defaults else root, sum(1 for p in pats if p.constraints)))
    return rows


@lru_cache(maxsize=4)
def problems(path: str | None) -> tuple[str, ...]:
    """The lines of a PETRARCH verb dictionary that could not be read ("path:line: reason")."""
    from . import petrarch

    if path and petrarch.is_verb_dictionary(path):
        return tuple(petrarch.read_verbs(path).problems)
    return ()
