"""Names inside longer names: "Andy Warhol" in "the Andy Warhol Foundation", "U.S." in "the U.S.
Space and Rocket Center", "NASA" in "NASA's Johnson Space Center" read as one organisation.

The longer name is the actor that acts in events and quotes; the name inside it is a mention of
its own actor too (form "name"), so that a reader counting who an article mentions, or a scorer
of mention clusters, sees it. Only two kinds of inner name count, so an accident of spelling does
not invent an actor:
- a country of the KB ("Bank of China", "the U.S. ambassador's office");
- a name by which an actor of the same article is mentioned on its own elsewhere (a person's full
  name or surname, an organisation's or place's name as the article writes it).
An inner name must begin the longer one or follow a lower-case word inside it ("Embassy of
Mexico"), never another capitalised word: "Mexico" in "New Mexico", "Wales" in "New South Wales"
and "Indiana" in "Southern Indiana" name no country or state of their own. Person names never
hold inner names ("Paris" in "Valeska Paris" is her surname).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .. import kb as kbmod
from ..kb import KB
from .cluster import _Cluster

_MAX_INNER = 5  # tokens in an inner name
_SKIP = ("the", "a", "an")
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")


def _form(span: Span) -> tuple[str, ...]:
    """The tokens a mention is written with, without a leading article or a trailing possessive."""
    toks = [t.text for t in span]
    while toks and toks[0].lower() in _SKIP:
        toks = toks[1:]
    while toks and toks[-1] in _POSSESSIVE:
        toks = toks[:-1]
    return tuple(toks)


def _own_names(clusters: list[_Cluster], span_cluster: dict, kb: KB) -> dict[tuple[str, ...], _Cluster]:
    """Token sequences that name one actor of the article on their own (ambiguous ones dropped)."""
    found: dict[tuple[str, ...], set[int]] = {}
    by_id = {id(c): c for c in clusters}
    for (s, e), c in span_cluster.items():
        if c.kind not in ("person", "organization", "place", "country"):
            continue
        for m in c.mentions:
            if (m.start, m.end) != (s, e) or m.label_ == "GROUP":
                continue
            form = _form(m)
            if form and form[0][:1].isupper():
                found.setdefault(form, set()).add(id(c))
            if c.kind == "person" and len(form) >= 2:
                surname = form[-1]
                # a surname that is also a place ("Paris", "Washington") is read as the place inside a name
                if len(surname) > 2 and surname[:1].isupper() and not kb.lookup(surname) \
                        and kbmod.place_country(surname) is None:
                    found.setdefault((surname,), set()).add(id(c))
    return {form: by_id[next(iter(ids))] for form, ids in found.items() if len(ids) == 1}


def nested_mentions(stage, doc: Doc, clusters: list[_Cluster], span_cluster: dict, kb: KB) -> None:
    """Add the names inside longer names as mentions of their own actors (not to `span_cluster`:
    no token of them stands for that actor)."""
    own = _own_names(clusters, span_cluster, kb)
    for (s, e), outer in list(span_cluster.items()):
        if outer.kind not in ("organization", "place", "country", "group") or e - s < 2:
            continue
        if doc[s].ent_type_ == "PERSON" or any(m.label_ in ("PERSON", "GROUP") for m in outer.mentions
                                               if (m.start, m.end) == (s, e)):
            continue
        while s < e and doc[s].lower_ in _SKIP:
            s += 1
        i = s
        while i < e:
            if i > s and (doc[i - 1].is_title or doc[i - 1].is_upper) and doc[i - 1].is_alpha:
                i += 1  # inside a capitalised run: "Mexico" of "New Mexico"
                continue
            hit = None
            for j in range(min(e, i + _MAX_INNER), i, -1):
                if (i, j) == (s, e) or not doc[i].text[:1].isupper() or doc[j - 1].text in _POSSESSIVE:
                    continue
                inner = Span(doc, i, j, label="GPE")
                target = own.get(_form(inner))
                if target is None and any(x.kind == "country" for x in kb.lookup(inner.text)):
                    target = stage._place(inner, clusters, kb, None, doc)
                    if target is not None and target.kind != "country":
                        target = None
                if target is not None and target is not outer:
                    hit = (j, target)
                    break
            if hit is None:
                i += 1
                continue
            j, target = hit
            if not any((m.start, m.end) == (i, j) for m in target.mentions):
                target.mentions.append(Span(doc, i, j, label="NESTED"))
            i = j
