"""The mentions believed to be one actor, before it becomes an `Actor`."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from .. import kb as kbmod
from ..kb import Entry


@dataclass
class _Cluster:
    """Mentions believed to be one actor, before it becomes an `Actor`."""

    kind: str
    name: str
    entry: Entry | None = None
    link: dict = field(default_factory=dict)
    mentions: list[Span] = field(default_factory=list)
    code: str | None = None
    country: str | None = None
    role: str | None = None
    title: str | None = None
    gender: str | None = None
    described: set[str] = field(default_factory=set)  # nouns the article describes a person with

    @property
    def tokens(self) -> list[str]:
        return kbmod.norm(self.name).split()

    def last_end(self, before: int) -> int:
        return max((m.start for m in self.mentions if m.start < before), default=-1)
