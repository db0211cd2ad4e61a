"""Regenerate src/dyad/data/cameo.csv from the CAMEO codebook and the CAMEO->PLOVER table.

Run by a developer when the reference tables change; the package only reads the CSV it writes.
Usage: python tools/build_ontology.py [SHARED_DATA_DIR]
"""
import csv
import re
import sys
from pathlib import Path

SHARED = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data")
OUT = Path(__file__).resolve().parents[1] / "src" / "dyad" / "data" / "cameo.csv"


def quad_class(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def plover_table(path: Path) -> dict[str, str]:
    table = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z_]+)", line)
        if m:
            table[m.group(1)] = m.group(2)
    return table


def clean(text: str) -> str:
    text = (text or "").strip()
    return "" if text == "NA" else " ".join(text.split())


def main() -> None:
    plover = plover_table(SHARED / "cameo" / "CAMEO2PLOVER-2021.txt")
    rows = []
    with open(SHARED / "cameo" / "cameo-codebook.csv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            code = rec["code"].strip()
            root = code[:2]
            # A code without its own PLOVER line inherits its nearest ancestor's type.
            ptype = next((plover[c] for c in (code, code[:3], root) if c in plover), "")
            rows.append({
                "code": code, "root": root, "name": clean(rec["name"]),
                "goldstein": float(rec["goldstein"]), "quad_class": quad_class(root),
                "plover": ptype, "description": clean(rec["description"]),
                "usage_notes": clean(rec["usage_notes"]),
            })
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    main()
