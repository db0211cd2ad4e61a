"""PETRARCH discards: phrases that say a sentence, or a whole story, is not about political events.

Why: a PETRARCH user's discards dictionary (passed with `--kb`, read by kb_petrarch.load_discards)
keeps sports, weather and the like out of the coded events: "BASEBALL" drops the sentences that
say it, "+TYPHOON" the whole story. A phrase matches whole words, in any case.
"""
from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=8)
def _pattern(phrases: frozenset[str]) -> re.Pattern | None:
    if not phrases:
        return None
    alts = sorted((r"\s+".join(map(re.escape, p.split())) for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.I)


def says(text: str, discards: dict[str, bool], story: bool) -> bool:
    """Whether `text` has one of the story-level (`story`) or sentence-level discard phrases."""
    pattern = _pattern(frozenset(p for p, whole in discards.items() if whole == story))
    return pattern is not None and pattern.search(text) is not None
