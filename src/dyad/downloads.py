"""The downloads of the web view: the filtered events as CSV, JSONL or GDELT 2.0 TSV, quotes as CSV.

They take the rows a page shows (`explore.events`, `explore.quotes`) and only change their format, so a
download holds exactly what is on the page.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any

from .explore import EVENT_COLUMNS
from .query import _gdelt_row, gdelt_columns, gdelt_line

EVENT_CSV = (*EVENT_COLUMNS, "lat", "lon", "geo_precision", "title", "source", "published")
QUOTE_CSV = ("doc_id", "quote_no", "published", "speaker_name", "speaker_code", "kind", "cue", "text", "title", "source")
FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8",
           "tsv": "text/tab-separated-values; charset=utf-8"}


def _csv(rows: list[dict[str, Any]], cols: tuple[str, ...]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(cols)
    for r in rows:
        w.writerow(["" if r.get(c) is None else r.get(c) for c in cols])
    return out.getvalue()


def events(rows: list[dict[str, Any]], fmt: str) -> str:
    """Events in `fmt`: csv (a header and one row per event), jsonl, or tsv (GDELT's 61 columns, no header)."""
    if fmt == "csv":
        return _csv(rows, EVENT_CSV)
    if fmt == "jsonl":
        return "".join(json.dumps({c: r.get(c) for c in EVENT_CSV}, default=str, ensure_ascii=False) + "\n"
                       for r in rows)
    if fmt == "tsv":
        cols = gdelt_columns()
        out = io.StringIO()
        for r in rows:
            lead = r.get("lead_end") or 0
            g = _gdelt_row({**r, "start_char": r.get("start_char") or 0}, lead - 1 if lead > 1 else 1 << 30)
            out.write(gdelt_line(g, cols))  # GDELT lines hold no tabs or breaks inside a field
        return out.getvalue()
    raise ValueError(fmt)


def quotes(rows: list[dict[str, Any]]) -> str:
    return _csv(rows, QUOTE_CSV)
