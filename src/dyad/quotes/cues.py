"""Cue lexicon: the words that say who said, wrote or holds what, read from data.

The lexicon is `dyad/data/reporting.yaml`, or the file named by `DYAD_REPORTING`. Its verbs of
stance are not listed there but derived from the event lexicon's classes: every verb whose default
CAMEO code lies in one of the file's `stance_roots` (praise, support, criticism, rejection,
demands ...), so a verb the event coder knows as a verbal act is also a cue, and one list serves both.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .. import datafile



@dataclass(frozen=True)
class Lexicon:
    speech: frozenset[str]
    belief: frozenset[str]
    infinitive: frozenset[str]
    objects: dict[str, frozenset[str]]
    addressee: frozenset[str]
    phrases: tuple[str, ...]
    nouns: frozenset[str]
    sources: frozenset[str] = frozenset()
    organisations: frozenset[str] = frozenset()
    manner: frozenset[str] = frozenset()
    persons: frozenset[str] = frozenset()
    issuing: frozenset[str] = frozenset()
    stance: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    framing: frozenset[str] = frozenset()

    @property
    def verbs(self) -> frozenset[str]:
        return self.speech | self.belief | self.infinitive | frozenset(self.objects)


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    data = datafile.load_yaml(path or str(resources.files("dyad") / "data" / "reporting.yaml")) or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in (data.get(key) or []))

    speech = words("speech") | words("verbs")  # "verbs": the key of older lexicon files
    objects = {str(k).lower(): frozenset(str(p).lower() for p in (v or [])) for k, v in (data.get("object") or {}).items()}
    return Lexicon(speech=speech, belief=words("belief"), infinitive=words("infinitive"), objects=objects,
                   addressee=words("addressee"), phrases=tuple(str(p).lower() for p in data.get("phrases") or []),
                   nouns=words("nouns"), sources=words("sources"), organisations=words("organisations"),
                   manner=words("manner"), persons=words("persons"), issuing=words("issuing"),
                   stance=stance_verbs(tuple(str(r) for r in data.get("stance_roots") or ())), topics=words("topics"), framing=words("framing"))


@lru_cache(maxsize=4)
def stance_verbs(roots: tuple[str, ...]) -> frozenset[str]:
    """One-word verb lemmas whose default code in the built-in event lexicon lies in one of `roots`
    (CAMEO roots: "11" disapprove ...). The built-in lexicon, not a user's replacement (DYAD_VERBS):
    what counts as a stance does not change with the coding dictionary."""
    if not roots:
        return frozenset()
    from ..events.lexicon import default_lemmas, lexicon as verb_lexicon  # here: events imports this module

    by_root = default_lemmas(verb_lexicon(None))
    return frozenset(w for r in roots for w in by_root.get(r, ()) if " " not in w)


@lru_cache(maxsize=8)
def _phrases_re(phrases: tuple[str, ...]) -> re.Pattern:
    alts = sorted((r"\s+".join(map(re.escape, p.split())) for p in phrases if p.strip()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.I) if alts else re.compile(r"(?!x)x")


@lru_cache(maxsize=4)
def lexicon(path: str | None = None) -> Lexicon:
    return load_lexicon(path or os.environ.get("DYAD_REPORTING") or None)

