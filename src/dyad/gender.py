"""A person's gender, so that "he" and "she" find the right antecedent.

Evidence, strongest first: the knowledge base; a gendered title or description of the name in the
article ("Ms. Okafor", "the spokeswoman, Aileen Murchison"; data/gender.yaml); the first name, from
the first-name dictionary of the gender-guesser package (about 40,000 names from many countries,
shipped with the package, nothing downloaded); and last the article's own pronouns: he/she in a
sentence whose only person so far is this one.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from . import datafile

MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}


@lru_cache(maxsize=1)
def _words() -> dict[str, str]:
    data = datafile.load_yaml(str(resources.files("dyad") / "data" / "gender.yaml")) or {}
    out = {str(w).lower(): "m" for w in data.get("male") or []}
    out.update({str(w).lower(): "f" for w in data.get("female") or []})
    return out


def title_gender(word: str) -> str | None:
    """m or f for a gendered title or description ("Mrs.", "spokeswoman"), else None."""
    return _words().get(word.lower().rstrip("."))


_VERDICTS = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    """gender-guesser's verdict on every first name it knows, as m or f (names it gives to both are
    left out). Parsing its 48,000-line dictionary takes about a second, so the verdicts are kept
    in the data cache, per version of the package and of this module."""
    from importlib.metadata import version

    return datafile.cached("first-names", _build_first_names, files=[__file__], extra=(version("gender-guesser"),))


def _build_first_names() -> dict[str, str]:
    import gender_guesser.detector as gg

    detector = gg.Detector(case_sensitive=False)
    verdicts = {name: _VERDICTS.get(detector.get_gender(name)) for name in detector.names}
    return {name: g for name, g in verdicts.items() if g}


@lru_cache(maxsize=4096)
def first_name_gender(name: str) -> str | None:
    """m or f when the dictionary says male or mostly male (female, mostly female); None for names
    it does not know or gives to both ("Kim", "Sasha" stay unknown only when truly mixed)."""
    name = name.strip(".")
    if len(name) < 2 or not name[0].isalpha():
        return None
    return _first_names().get(name.lower())


def pronoun_gender(word: str) -> str | None:
    low = word.lower()
    return "m" if low in MALE_PRONOUNS else "f" if low in FEMALE_PRONOUNS else None
