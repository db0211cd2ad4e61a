"""Generated lexicon entries: each lemma's default code (data/verb_classes.yaml) and the event nouns
derived from verbs (data/verb_forms.yaml).

Why generated: a lexicon that lists every form gates coding on the lists' coverage. Here a verb the
patterns did not foresee still has its default code, and a nominalisation ("withdrawal", "invasion",
"expulsion") codes like its verb without a noun entry of its own. Inflections are left to spaCy's
lemmatizer (with `_deinflect` as fallback) and "re-" forms to the matcher (`base_lemma`).
"""
from __future__ import annotations

from .lexicon import NOT_AN_EVENT, Pattern, pattern

PARTICLES = {"up", "down", "out", "off", "in", "on", "over", "back", "away", "through", "around", "along",
             "together", "aside", "apart", "by", "about", "forth", "under", "upon"}
PREPOSITIONS = {"to", "for", "with", "at", "into", "from", "against", "of", "between", "toward", "towards",
                "onto", "across", "after", "behind", "inside", "within", "alongside"}
_ORDER_BASE = 1_000_000  # generated patterns come after every pattern of a file: ties go to the file


def _plural(noun: str) -> list[str]:
    if noun.endswith("s") and not noun.endswith("ss"):  # "talks": the singular too
        return [noun, noun[:-1]]
    if noun.endswith(("s", "x", "ch", "sh")):
        return [noun, noun + "es"]
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return [noun, noun[:-1] + "ies"]
    return [noun, noun + "s"]


def class_record(entry: str, code: str) -> dict:
    """One verb_classes.yaml entry as a lexicon record: "deploy" is a default; "reach out", "travel to"
    need their particle or preposition on the verb ("travel to" codes "travelled to Cairo", not
    "travelled"); "lift sanctions" needs its object, "take into custody" its prepositional object."""
    noun = entry.startswith("n:")
    words = entry[2:].lower().split() if noun else entry.lower().split()
    rec: dict = {"code": code, "lemma": words[0]}
    if noun:
        rec["noun"] = True
    rest = words[1:]
    if rest and (rest[0] in PARTICLES or rest[0] in PREPOSITIONS):
        rec["particle"], rest = rest[0], rest[1:]
        if rest and rest[0] in PREPOSITIONS:  # "walk out of talks"
            rec["prep"], rest = rest[0], rest[1:]
        elif rest and rec["particle"] in PREPOSITIONS:  # "take into custody"
            rec["prep"], rest = rec.pop("particle"), rest
        if rest:
            rec["pobj" if "prep" in rec else "obj"] = _plural(rest[-1])
    elif rest:
        rec["obj"] = _plural(rest[-1])
    return rec


def add_defaults(index: dict[tuple[str, bool], list[Pattern]], classes: dict, known: set[str]) -> None:
    """Add each listed lemma's default (and each phrasal or object entry) after the file's patterns.

    A lemma that already has a default pattern keeps it (the file wins, with its intent and negated
    codes). A one-word lemma listed under two codes is an error: its default must be one code."""
    seen: dict[str, str] = {}
    n = _ORDER_BASE
    for code, entries in (classes or {}).items():
        code = str(code)
        for entry in entries or []:
            rec = class_record(str(entry), code)
            lemma, noun = rec["lemma"], bool(rec.get("noun"))
            single = not any(k in rec for k in ("particle", "prep", "obj", "pobj"))
            own = [p for p in index.get((lemma, noun), []) if p.origin != "verb_classes.yaml"]
            if single:
                key = ("n:" if noun else "") + lemma
                if key in seen and seen[key] != code:
                    raise ValueError(f"verb_classes.yaml: {key!r} has two defaults, {seen[key]} and {code}")
                seen[key] = code
                if any(p.is_default for p in own):
                    continue
            elif any(w in (p.particle, p.prep) for p in own for w in (rec.get("particle"), rec.get("prep")) if w):
                continue  # the file's own patterns for that particle or preposition decide ("call for")
            n += 1
            p = pattern(rec, n, "verb_classes.yaml", known)
            index.setdefault((lemma, noun), []).append(p)


def nouns_for(verb: str, forms: dict) -> list[str]:
    """The event nouns a verb derives: its irregular entry, else the first suffix rule that applies."""
    irregular = forms.get("irregular") or {}
    if verb in irregular:
        got = irregular[verb]
        return [g for g in (got if isinstance(got, list) else [got]) if g]
    for end, noun_end in forms.get("suffixes") or []:
        if verb.endswith(end) and len(verb) > len(end) + 2:
            return [verb[: -len(end)] + noun_end]
    return []


def add_nominalisations(index: dict[tuple[str, bool], list[Pattern]], forms: dict) -> None:
    """Noun triggers for verbs with a default event code, under the verb's code and prepositions."""
    not_events = set(forms.get("not_events") or [])
    of_roots = {str(r) for r in forms.get("of_roots") or []}
    n = _ORDER_BASE * 2
    for (lemma, noun), pats in list(index.items()):
        if noun:
            continue
        default = next((p for p in pats if p.is_default), None)
        if default is None or default.code == NOT_AN_EVENT:
            continue
        preps = [p.prep for p in pats if p.prep and not p.particle]
        if default.code[:2] in of_roots:
            preps.append("of")
        preps = list(dict.fromkeys(preps))
        for word in nouns_for(lemma, forms):
            if word in not_events or (word, True) in index:
                continue
            out = []
            for prep in preps + [None]:
                n += 1
                out.append(Pattern(code=default.code, lemma=word, prep=prep, noun=True, intent=default.intent,
                                   negated=default.negated, mutual=default.mutual, order=n, origin="generated"))
            index[(word, True)] = out


def base_lemma(word: str, index: dict[tuple[str, bool], list[Pattern]]) -> str | None:
    """The verb a "re-" form repeats ("re-impose", "reimpose", "reconvene"), when the lexicon has it: its
    patterns refine the form's own ("reimposed restrictions" as "imposed restrictions"). Unhyphenated, the base must be five letters or more, so that "recall" is
    not "call" and "reply" not "ply"."""
    w = word.lower()
    if w.startswith("re-") and (w[3:], False) in index:
        return w[3:]
    if w.startswith("re") and len(w) >= 7 and (w[2:], False) in index:
        return w[2:]
    return None
