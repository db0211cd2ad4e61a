"""The CAMEO event ontology, read once from package data.

`cameo.csv` carries every code of the CAMEO 1.1b3 codebook with its name, Goldstein score,
root, QuadClass (1 = verbal cooperation for roots 01-05, 2 = material cooperation 06-08,
3 = verbal conflict 09-13, 4 = material conflict 14-20: the Phoenix/ICEWS split) and its
PLOVER type. It is regenerated from the reference tables by `tools/build_ontology.py`.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class Code:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    description: str
    usage_notes: str


@lru_cache(maxsize=1)
def codes() -> dict[str, Code]:
    """All CAMEO codes keyed by code string ("042", "1041", ...)."""
    path = resources.files("dyad") / "data" / "cameo.csv"
    with path.open(encoding="utf-8") as fh:
        return {
            r["code"]: Code(r["code"], r["root"], r["name"], float(r["goldstein"]), int(r["quad_class"]),
                            r["plover"] or None, r["description"], r["usage_notes"])
            for r in csv.DictReader(fh)
        }


def get(code: str) -> Code:
    try:
        return codes()[code]
    except KeyError:
        raise KeyError(f"unknown CAMEO code {code!r}") from None

