"""Unnamed actors take a country from the article when their clause names none.

An actor named only by a role (the KB's agents: police, troops, gunmen, protesters, officials, a
court, the ministry ...) and no country takes, in this order:
1. the country of the place its own clause names ("police in Harare": conventions._located);
2. the country of the article's dateline ("MINGORA, Pakistan (Reuters) -", "WASHINGTON —"): the
   story happens there, so unplaced agents of a state are that state's;
3. the country the article is mostly about: the country whose actors have most of the article's
   mentions of countries and their agents, when it has at least half of them and three at least
   (one sentence naming "Israeli troops" does not make a story about Israel).
Actors named by a role noun ("police", "the minister") and people the actors stage could code only
with a role ("Spokeswoman Jessica Ditto": GOV) are placed this way, and so are named groups of civil
and political life the KB does not know (an NGO, union, party or opposition group by its name: "the
Alliance for X", "the Movement for Y"): such groups act where their story happens. Other named
organisations of unknown country (a ministry, a firm) are not: the name says nothing of where they are.
The actor is then recorded with `link.method` = "dateline" or "article" (steps 2-3), so a user can
tell a placed actor from a named one. A dateline itself is a place, never an actor of its sentence
(datelines.within). One mechanism for every role: which nouns are roles is the KB's agents data.
"""
from __future__ import annotations

from collections import Counter

from .. import datelines
from ..actors.codes import GROUP_ROLES
from ..types import Actor

from .conventions import _in_country


class Placing:
    """The article-level country of unnamed actors (a mixin of EventStage)."""

    def _article_country(self) -> tuple[str, str] | None:
        """(country, "dateline" | "article") for this article, computed once."""
        doc = self._resolver.doc
        key = id(doc)
        if getattr(self, "_art_key", None) != key:
            self._art_key = key
            self._art = self._dateline_country() or self._main_country()
            self._art_placed: dict[str, Actor] = {}
        return self._art

    def _dateline_country(self) -> tuple[str, str] | None:
        """The country of the article's dateline (datelines.article_dateline): of its places, else of
        any place or country named before its dash."""
        doc = self._resolver.doc
        found = datelines.article_dateline(doc)
        if found is None:
            return None
        places = [a for i, a in self._resolver.datelines if found.start <= i < found.dash]
        for a in places + [self._resolver.at(t) for t in doc[found.start:found.dash]]:
            if a is not None and a.kind in ("country", "place") and a.country:
                return a.country, "dateline"
        return None

    def _main_country(self) -> tuple[str, str] | None:
        counts: Counter[str] = Counter()
        for a in self._resolver.actors:
            if a.country and len(a.country) == 3 and a.code:
                counts[a.country] += len(a.mentions)
        if not counts:
            return None
        (top, n), total = counts.most_common(1)[0], sum(counts.values())
        return (top, "article") if n * 2 >= total and n >= 3 else None

    def _article_placed(self, a: Actor) -> Actor | None:
        """A role-only actor in the article's country, recorded as placed by dateline or article."""
        if not (a.name[:1].islower() or a.kind == "person" or a.code in GROUP_ROLES):
            return None  # a named organisation of a state's role or a firm: its country is not guessed
        got = self._article_country()
        if got is None or not a.code:
            return None
        country, method = got
        placed = _in_country(a, country)
        placed.link = {**a.link, "method": method, "country": country}
        self._art_placed[a.id] = placed
        return placed

    def _record_placements(self) -> None:
        """The article's actor records say how an unnamed actor got its country, when every mention
        coded in an event was placed the same way (none by a place of its own clause)."""
        for a in self._resolver.actors:
            placed = self._art_placed.get(a.id)
            if placed is not None and a.country is None:
                a.country, a.code, a.link = placed.country, placed.code, placed.link
