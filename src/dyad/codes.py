"""Names for CAMEO actor codes, so that pages never show a bare code (IGOEUREEC -> European Union).

A code names a KB organisation or country when one holds exactly that code; otherwise it is read as
a country followed by role codes (USAGOV -> "United States government"). Names come from the KB's
countries and organisations files and the role list in data/roles.csv.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    from .kb import load_file

    kb_dir = resources.files("dyad") / "data" / "kb"
    countries: dict[str, str] = {}
    orgs: dict[str, str] = {}
    for fname in ("countries.yaml", "orgs.yaml"):
        entries, _, _ = load_file(str(kb_dir / fname))
        for e in entries:
            if not e.code:
                continue
            if e.kind == "country":
                countries.setdefault(e.code, e.name)
            elif e.kind == "organization":  # metonyms (Beijing, Kremlin) name places, not the body
                orgs.setdefault(e.code, e.name)
    with (resources.files("dyad") / "data" / "roles.csv").open(encoding="utf-8") as fh:
        roles = {r["code"]: r["name"] for r in csv.DictReader(fh)}
    return countries, orgs, roles


@lru_cache(maxsize=4096)
def name(code: str | None) -> str | None:
    """A readable name for an actor code, or None when no part of it is known."""
    if not code:
        return None
    countries, orgs, roles = _tables()
    if code in countries:
        return countries[code]
    if code in orgs:
        return orgs[code]
    head, rest = code[:3], code[3:]
    parts = [countries.get(head) or (roles.get(head) if head in ("IGO", "NGO") else None)]
    if parts[0] is None:
        return None
    while rest:
        piece, rest = rest[:3], rest[3:]
        parts.append(roles.get(piece, piece))
    return " ".join(parts)


def countries() -> dict[str, str]:
    """Country code -> the KB's name for it."""
    return _tables()[0]
