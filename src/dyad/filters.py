"""One event filter for every page, API route and download: dates, actor, QuadClass, CAMEO root, direction.

A page, its "JSON" link and its downloads are built from the same `EventFilter`, so a download holds
exactly the rows the page shows, and a permalink (`EventFilter.query()`) brings the same view back.

- `actor` is a code (USA, CHNGOV: events where it is either party, by code or by country) or part of a
  canonical name ("Blinken", "china": events where an actor of that name is a party);
- `a`, `b` make it a dyad: events between country (or IGO/group code) a and b;
- `direction` is `both`, `from` (the actor, or a, is the source) or `to` (it is the target);
- `sided` keeps `all` events, only `two`-sided ones (both parties known) or only `one`-sided ones.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

import duckdb

from .query import NotFound, QueryError, _like, check_code, check_date, known_code

DIRECTIONS = ("both", "from", "to")
SIDED = ("all", "two", "one")
_CODE_LIKE = re.compile(r"^[A-Za-z0-9]{3,15}$")
_ROOT = re.compile(r"^(0[1-9]|1[0-9]|20)$")
MAX_LIMIT = 5000


like = _like  # a LIKE pattern where % and _ are literal


@dataclass(frozen=True)
class EventFilter:
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    a: str | None = None
    b: str | None = None
    quad: tuple[int, ...] = ()
    root: str | None = None
    direction: str = "both"
    sided: str = "all"
    country: str | None = None  # where it happened (see geo.locate); set by the map's links
    place: str | None = None  # the place its sentence names, exactly as stored
    limit: int = 500
    # the actor's resolution against the store: ("code", CODE) or ("names", (name, ...))
    resolved: tuple[str, Any] | None = field(default=None, compare=False)
    # for `country`: the SQL condition and its parameters (geo.country_condition)
    located: tuple[str, list[Any]] | None = field(default=None, compare=False)

    @classmethod
    def parse(cls, con: duckdb.DuckDBPyConnection, *, since=None, until=None, actor=None, a=None, b=None,
              quad=None, root=None, direction=None, sided=None, country=None, place=None, limit=None,
              directed: bool = False) -> "EventFilter":
        """Validate raw parameters (strings from a URL) into a filter; QueryError / NotFound on bad ones."""
        since, until = check_date(since, "since"), check_date(until, "until")
        if since and until and since > until:
            raise QueryError(f"since ({since}) is after until ({until})")
        quads: list[int] = []
        for part in ([quad] if isinstance(quad, (str, int)) else list(quad or [])):
            for q in str(part).replace(",", " ").split():
                if q not in ("1", "2", "3", "4"):
                    raise QueryError(f"quad must be QuadClass numbers 1 to 4, not {q!r}")
                quads.append(int(q))
        root = (root or "").strip() or None
        if root is not None:
            root = root.zfill(2)
            if not _ROOT.match(root):
                raise QueryError(f"root must be a CAMEO root code 01 to 20, not {root!r}")
        direction = (direction or ("from" if directed else "both")).strip().lower()
        if direction not in DIRECTIONS:
            raise QueryError(f"direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}")
        sided = (sided or "all").strip().lower()
        if sided not in SIDED:
            raise QueryError(f"sided must be one of {', '.join(SIDED)}, not {sided!r}")
        try:
            limit = int(limit) if limit not in (None, "") else 500
        except ValueError:
            raise QueryError(f"limit must be a number from 1 to {MAX_LIMIT}, not {limit!r}") from None
        if not 1 <= limit <= MAX_LIMIT:
            raise QueryError(f"limit must be from 1 to {MAX_LIMIT}, not {limit}")
        a = known_code(con, a, "a") if a else None
        b = known_code(con, b, "b") if b else None
        if a and b and a == b:
            raise QueryError("a dyad needs two different parties")
        if (a or b) and not (a and b):
            raise QueryError("a dyad needs both a and b")
        country = check_code(country, "country") if country else None
        located = None
        if country:
            from . import geo  # the gazetteer is loaded only when a map's link is followed

            located = geo.country_condition(con, country)
        actor = (actor or "").strip() or None
        resolved = resolve_actor(con, actor) if actor else None
        return cls(since=since, until=until, actor=actor, a=a, b=b, quad=tuple(sorted(set(quads))), root=root,
                   direction=direction, sided=sided, country=country, place=(place or "").strip() or None,
                   limit=limit, resolved=resolved,
                   located=located)

    # -- permalinks

    def params(self, **over: Any) -> dict[str, Any]:
        """The filter as URL parameters, defaults left out; `over` replaces some (None drops one)."""
        p: dict[str, Any] = {"since": self.since, "until": self.until, "actor": self.actor,
                             "quad": ",".join(map(str, self.quad)) or None, "root": self.root,
                             "direction": None if self.direction == "both" else self.direction,
                             "sided": None if self.sided == "all" else self.sided, "country": self.country, "place": self.place,
                             "limit": None if self.limit == 500 else self.limit}
        p.update(over)
        return {k: v for k, v in p.items() if v not in (None, "")}

    def query(self, **over: Any) -> str:
        """`?since=...&actor=...` for links that keep the filter ("" when there is none)."""
        q = urlencode(self.params(**over))
        return "?" + q if q else ""

    def without(self, *names: str) -> "EventFilter":
        extra = {**({"resolved": None} if "actor" in names else {}), **({"located": None} if "country" in names else {})}
        return replace(self, **{n: EventFilter.__dataclass_fields__[n].default for n in names}, **extra)

    @property
    def active(self) -> bool:
        return bool(self.params(limit=None))

    # -- SQL

    def where(self, alias: str = "") -> tuple[str, list[Any]]:
        """A WHERE clause over the events table (columns prefixed with `alias.` when given) and its parameters."""
        c = (alias + ".") if alias else ""
        sql, params = ["TRUE"], []
        if self.since:
            sql.append(f"{c}event_date >= ?")
            params.append(self.since)
        if self.until:
            sql.append(f"{c}event_date <= ?")
            params.append(self.until)
        if self.quad:
            sql.append(f"{c}quad_class IN ({', '.join('?' * len(self.quad))})")
            params += list(self.quad)
        if self.root:
            sql.append(f"{c}root = ?")
            params.append(self.root)
        if self.sided == "two":
            sql.append(f"{c}source IS NOT NULL AND {c}target IS NOT NULL")
        elif self.sided == "one":
            sql.append(f"({c}source IS NULL OR {c}target IS NULL)")
        if self.a and self.b:
            ab = f"({c}source_country = ? AND {c}target_country = ?)"
            ba = f"({c}source_country = ? AND {c}target_country = ?)"
            if self.direction == "from" or (self.direction == "to"):
                first, second = (self.a, self.b) if self.direction == "from" else (self.b, self.a)
                sql.append(ab)
                params += [first, second]
            else:
                sql.append(f"({ab} OR {ba})")
                params += [self.a, self.b, self.b, self.a]
        if self.resolved:
            kind, value = self.resolved
            sides = {"both": ("source", "target"), "from": ("source",), "to": ("target",)}[
                "both" if self.a else self.direction]
            ors = []
            for s in sides:
                if kind == "code":
                    ors.append(f"{c}{s}_code = ? OR {c}{s}_country = ?")
                    params += [value, value]
                else:
                    ors.append(f"{c}{s}_name IN ({', '.join('?' * len(value))})")
                    params += list(value)
            sql.append("(" + " OR ".join(ors) + ")")
        if self.place:
            sql.append(f"{c}place = ?")
            params.append(self.place)
        if self.located:
            cond, cparams = self.located
            sql.append(cond.replace("{c}", c))
            params += cparams
        return " AND ".join(sql), params


def resolve_actor(con: duckdb.DuckDBPyConnection, actor: str) -> tuple[str, Any]:
    """An actor parameter against the store: a code it knows -> ("code", CODE); otherwise the canonical
    names that contain it -> ("names", names). NotFound when neither matches anything."""
    if _CODE_LIKE.match(actor):
        code = check_code(actor)
        try:
            return "code", known_code(con, code)
        except NotFound:
            pass
    rows = con.execute("SELECT DISTINCT name, kind, code FROM actors WHERE name ILIKE ? ESCAPE '\\'",
                       [like(actor)]).fetchall()
    if not rows:
        raise NotFound(f"unknown actor {actor!r}: no actor in the store has this code or a name containing it")
    exact = [r for r in rows if r[0].lower() == actor.lower()]
    if exact and exact[0][1] == "country" and exact[0][2]:  # "China" means the country, with all its bodies
        return "code", exact[0][2]
    return "names", tuple(sorted({r[0] for r in (exact or rows)}))

