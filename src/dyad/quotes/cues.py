"""Cue lexicon: the words that say who said, wrote or holds what, read from data.

The lexicon is `dyad/data/reporting.yaml`, or the file named by `DYAD_REPORTING`.
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
                   manner=words("manner"), persons=words("persons"), issuing=words("issuing"))


@lru_cache(maxsize=8)
def _phrases_re(phrases: tuple[str, ...]) -> re.Pattern:
    alts = sorted((r"\s+".join(map(re.escape, p.split())) for p in phrases if p.strip()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.I) if alts else re.compile(r"(?!x)x")


@lru_cache(maxsize=4)
def lexicon(path: str | None = None) -> Lexicon:
    return load_lexicon(path or os.environ.get("DYAD_REPORTING") or None)

