"""One-sided echoes of a two-sided event: "Rebels shelled the capital, killing 20 people" is one act.

When a sentence codes an actor acting on a named target, the one-sided events of the same actor in
that sentence (a participle of the same act, its nominal "attack", the demand that accompanies a
protest) describe that act's manner, result or circumstances, not another event with a party of
its own: they are dropped. One-sided events of an actor with no two-sided event in the sentence
are kept (they are the only record of what it did).
"""
from __future__ import annotations

from ..types import Event


def drop_echoes(events: list[Event]) -> list[Event]:
    acting: set[tuple[int, str]] = set()
    for e in events:
        if e.source and e.target:
            acting.add((e.start, e.source))
    return [e for e in events if e.target or not e.source or (e.start, e.source) not in acting]
