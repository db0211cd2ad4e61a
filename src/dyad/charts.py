"""Charts drawn on the server as SVG: the dyad timeline, sparklines and the map of events.

Why SVG from the server and not a chart library in the browser: the first chart arrives with the page
(no 4.8 MB script to fetch and parse, so it shows in well under a second on a slow link), works without
JavaScript, and is accessible as it is: every period's bar is a link you can reach with Tab, labelled in
words, and the selected period is marked. Colours come from CSS classes (qc1..qc4, pos/neg), so the
palette is defined once in dyad.css.
"""
from __future__ import annotations

import math
from datetime import date
from html import escape
from typing import Any, Callable

from markupsafe import Markup

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
CHAR_W = 7.0  # width of one character of a 12-unit label, to keep tick labels from overlapping


def _nice_step(top: float, ticks: int = 4) -> int:
    raw = max(1.0, top / ticks)
    mag = 10 ** math.floor(math.log10(raw))
    return int(next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw))


def timeline_svg(chart: dict[str, Any], link: Callable[[str], str], selected: str | None = None,
                 width: int = 960, css: str = "") -> Markup:
    """The dyad chart: mean Goldstein per period on top (its own axis and zero line), events per period
    stacked by QuadClass below. `link(period_start)` is the href of a period's bar."""
    n = len(chart["label"])
    left, right, top = 46, 14, 22
    g_h, gap, b_h, bottom = 96, 34, 190, 30
    height = top + g_h + gap + b_h + bottom
    pw = width - left - right
    slot = pw / max(n, 1)
    bar_w = max(1.0, min(48.0, slot * 0.72))
    g_top, b_top = top, top + g_h + gap
    b_bottom = b_top + b_h
    peak = max(chart["events"] or [0]) or 1
    step = _nice_step(peak)
    ymax = max(step, math.ceil(peak / step) * step)

    def x_of(i: int) -> float:
        return left + slot * (i + 0.5)

    def g_y(g: float) -> float:
        return g_top + g_h * (10 - max(-10.0, min(10.0, g))) / 20

    def b_y(v: float) -> float:
        return b_bottom - b_h * v / ymax

    by = chart["by"]
    out = [f'<svg class="timeline {css}" viewBox="0 0 {width} {height}" role="group" '
           f'aria-labelledby="chart-title-{css}">',
           f'<title id="chart-title-{css}">Events per {by} by QuadClass and the mean Goldstein score; '
           f'each bar is a link to that {by}\'s events</title>']
    # the selected period: a band across both panels
    if selected and selected in chart["since"]:
        i = chart["since"].index(selected)
        out.append(f'<rect class="selected-band" x="{x_of(i) - slot / 2:.1f}" y="{g_top - 4}" width="{slot:.1f}" '
                   f'height="{b_bottom - g_top + 4}"/>')
    # top panel: Goldstein axis with its own zero line
    out.append(f'<text class="panel-title" x="{left}" y="{g_top - 8}">Mean Goldstein (−10 conflict … +10 cooperation)</text>')
    for v in (-10, 0, 10):
        y = g_y(v)
        out.append(f'<line class="{"zero" if v == 0 else "grid"}" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        out.append(f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{"+" if v > 0 else ""}{v}</text>')
    segs, cur = [], []
    for i, g in enumerate(chart["mean_goldstein"]):
        if g is None:
            if cur:
                segs.append(cur)
            cur = []
        else:
            cur.append(f"{x_of(i):.1f},{g_y(g):.1f}")
    if cur:
        segs.append(cur)
    for s in segs:
        if len(s) > 1:
            out.append(f'<polyline class="goldstein" points="{" ".join(s)}"/>')
    for i, g in enumerate(chart["mean_goldstein"]):
        if g is not None:
            out.append(f'<circle class="goldstein {"pos" if g >= 0 else "neg"}" cx="{x_of(i):.1f}" cy="{g_y(g):.1f}" r="4">'
                       f'<title>{escape(chart["label"][i])}: mean Goldstein {g:+.2f}</title></circle>')
    # bottom panel: events axis
    out.append(f'<text class="panel-title" x="{left}" y="{b_top - 8}">Events per {by}, by QuadClass</text>')
    v = 0
    while v <= ymax:
        y = b_y(v)
        out.append(f'<line class="{"axis" if v == 0 else "grid"}" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        out.append(f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{v}</text>')
        v += step
    # bars: one link per period with events
    for i in range(n):
        total = chart["events"][i]
        if not total:
            continue
        parts = [f"{chart[f'q{q}'][i]} {QUAD_NAMES[q]}" for q in (1, 2, 3, 4) if chart[f"q{q}"][i]]
        label = f"{chart['label'][i]}: {total} event{'s' if total != 1 else ''} ({', '.join(parts)})"
        if chart["mean_goldstein"][i] is not None:
            label += f", mean Goldstein {chart['mean_goldstein'][i]:+.2f}"
        current = ' aria-current="true"' if chart["since"][i] == selected else ""
        out.append(f'<a class="bar" href="{escape(link(chart["since"][i]))}" aria-label="{escape(label)}"'
                   f' data-period="{chart["since"][i]}"{current}>')
        base = 0
        x0 = x_of(i) - bar_w / 2
        for q in (1, 2, 3, 4):
            c = chart[f"q{q}"][i]
            if c:
                out.append(f'<rect class="qc{q}" x="{x0:.1f}" y="{b_y(base + c):.1f}" width="{bar_w:.1f}" '
                           f'height="{b_y(base) - b_y(base + c):.1f}"/>')
                base += c
        # a transparent cover, so the whole column is the click and focus target
        out.append(f'<rect class="hit" x="{x_of(i) - slot / 2:.1f}" y="{g_top}" width="{slot:.1f}" '
                   f'height="{b_bottom - g_top}"><title>{escape(label)}</title></rect></a>')
    # period labels under the bars, thinned so that none overlaps another or leaves the chart
    longest = max((len(s) for s in chart["label"]), default=1)
    every = max(1, math.ceil((longest * CHAR_W + 10) / slot))
    last_right = -1e9
    for i in range(0, n, every):
        half = len(chart["label"][i]) * CHAR_W / 2
        x = min(max(x_of(i), left + half - 4), width - right - half)
        if x - half < last_right + 8:  # pushed inwards at an edge, it would touch its neighbour
            continue
        last_right = x + half
        cls = "tick period selected" if chart["since"][i] == selected else "tick period"
        out.append(f'<text class="{cls}" x="{x:.1f}" y="{b_bottom + 18}" text-anchor="middle">{escape(chart["label"][i])}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def sparkline(rows: list[dict[str, Any]], width: int = 150, height: int = 34,
              span: tuple[date, date] | None = None) -> Markup:
    """Mean Goldstein per period as a small inline SVG: x is time, y runs from -10 (bottom) to +10.

    `span` fixes the time axis (first and last period), so that sparklines side by side compare.
    """
    pts = [r for r in rows if r.get("mean_goldstein") is not None]
    if not pts:
        return Markup('<span class="muted">no dated events</span>')
    pad = 3
    first, last = span or (pts[0]["period"], pts[-1]["period"])
    t0, t1 = min(first, pts[0]["period"]).toordinal(), max(last, pts[-1]["period"]).toordinal()

    def xy(r):
        x = pad + (width - 2 * pad) * ((r["period"].toordinal() - t0) / (t1 - t0) if t1 > t0 else 0.5)
        y = pad + (height - 2 * pad) * (10 - max(-10.0, min(10.0, float(r["mean_goldstein"])))) / 20
        return round(x, 1), round(y, 1)

    coords = [xy(r) for r in pts]
    parts = [f'<svg class="sparkline" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img">',
             f'<title>mean Goldstein per period, {pts[0]["period"]} to {pts[-1]["period"]}</title>',
             f'<line class="zero" x1="0" y1="{height / 2}" x2="{width}" y2="{height / 2}"/>']
    if len(coords) > 1:
        parts.append('<polyline points="' + " ".join(f"{x},{y}" for x, y in coords) + '"/>')
    for (x, y), r in zip(coords, pts):
        g = float(r["mean_goldstein"])
        parts.append(f'<circle class="{"pos" if g >= 0 else "neg"}" cx="{x}" cy="{y}" r="2.5">'
                     f'<title>{escape(str(r["period"]))}: {g:+.2f} ({r["events"]} events)</title></circle>')
    parts.append("</svg>")
    return Markup("".join(parts))


def sparkline_scale(width: int = 150, height: int = 34) -> Markup:
    """The key to the sparklines' y axis: +10 at the top, 0 dashed, -10 at the bottom."""
    return Markup(
        f'<svg class="sparkline scale" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img"'
        f' aria-label="sparkline scale: +10 cooperation at the top, 0 dashed in the middle, -10 conflict at the bottom">'
        f'<line class="zero" x1="26" y1="{height / 2}" x2="{width}" y2="{height / 2}"/>'
        f'<text x="0" y="10">+10</text><text x="8" y="{height / 2 + 4}">0</text><text x="0" y="{height - 1}">−10</text>'
        f'</svg>')


# -- the map ---------------------------------------------------------------------------------------

MAP_W, MAP_N, MAP_S = 720, 84, -58  # equirectangular, 2 units per degree, from 84°N to 58°S


def _xy(lat: float, lon: float) -> tuple[float, float]:
    return (lon + 180) * MAP_W / 360, (MAP_N - lat) * MAP_W / 360


def goldstein_class(g: float | None) -> str:
    if g is None:
        return "g0"
    return "gpos2" if g >= 3 else "gpos1" if g > 0 else "gneg2" if g <= -3 else "gneg1" if g < 0 else "g0"


def map_svg(data: dict[str, list[dict[str, Any]]], land: list[tuple[int, int]], step: float,
            link: Callable[[str], str], place_link: Callable[[str], str]) -> Markup:
    """Events by country (circles at the country's centroid, area by event count, colour by mean
    Goldstein) and by place (small squares), over the land as cells of a grid that hold a city."""
    height = (MAP_N - MAP_S) * MAP_W / 360
    u = step * MAP_W / 360
    cells = "".join(f"M{c * u:.0f} {r * u - (90 - MAP_N) * MAP_W / 360:.0f}h{u:.0f}v{u:.0f}h-{u:.0f}z" for c, r in land)
    out = [f'<svg class="map" viewBox="0 0 {MAP_W} {height:.0f}" role="group" aria-labelledby="map-title">',
           '<title id="map-title">Events by country and by place; each circle is a link to its events</title>',
           f'<rect class="sea" x="0" y="0" width="{MAP_W}" height="{height:.0f}"/>',
           f'<path class="land" d="{cells}"/>']
    for lat in (-30, 0, 30, 60):
        y = _xy(lat, 0)[1]
        out.append(f'<line class="{"equator" if lat == 0 else "grid"}" x1="0" x2="{MAP_W}" y1="{y:.1f}" y2="{y:.1f}"/>')
    peak = max((c["events"] for c in data["countries"]), default=1)
    for c in sorted(data["countries"], key=lambda c: -c["events"]):  # big ones first, small on top
        x, y = _xy(c["lat"], c["lon"])
        r = 4 + 18 * math.sqrt(c["events"] / peak)
        label = f'{c["name"]}: {c["events"]} event{"s" if c["events"] != 1 else ""}, mean Goldstein {c["mean_goldstein"]:+.2f}'
        out.append(f'<a class="country" href="{escape(link(c["country"]))}" aria-label="{escape(label)}" data-country="{c["country"]}">'
                   f'<circle class="{goldstein_class(c["mean_goldstein"])}" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}">'
                   f'<title>{escape(label)}</title></circle></a>')
    for p in data["places"]:
        x, y = _xy(p["lat"], p["lon"])
        label = f'{p["place"]}: {p["events"]} event{"s" if p["events"] != 1 else ""}, mean Goldstein {p["mean_goldstein"]:+.2f}'
        out.append(f'<a class="place" href="{escape(place_link(p["place"]))}" aria-label="{escape(label)}">'
                   f'<rect class="place {goldstein_class(p["mean_goldstein"])}" x="{x - 3:.1f}" y="{y - 3:.1f}" '
                   f'width="6" height="6"><title>{escape(label)}</title></rect></a>')
    out.append("</svg>")
    return Markup("".join(out))
