"""The records that flow through the pipeline, and the output contract they serialise to.

Every stage reads the records of the stages before it and adds its own; nothing flows backwards.
Offsets are always character offsets into `Article.text`, the text as the user gave it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Article:
    """One input article, before any analysis."""

    text: str
    doc_id: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    source: str | None = None  # where it came from: a path, a URL, "stdin"
    origin: str | None = None  # path:line, for error reports
    warnings: list[str] = field(default_factory=list)  # what reading it changed (see ingest.sanitise)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    # how the text names the actor: "name" ("China"), "demonym" ("Chinese"), "role" (a role phrase:
    # "Chinese officials", "China's top diplomat"), "dateline" (where the story was filed: a place
    # mention that no event takes as an actor)
    form: str = "name"


@dataclass
class Actor:
    id: str  # "A1", "A2", ... unique within one document
    name: str  # canonical name
    kind: str  # person | organization | country | place | group
    code: str | None = None  # CAMEO actor code, e.g. USAGOV
    country: str | None = None  # CAMEO country code, e.g. USA
    role: str | None = None  # CAMEO role/agent code, e.g. GOV
    mentions: list[Mention] = field(default_factory=list)
    link: dict[str, Any] = field(default_factory=dict)  # why the identity/code was chosen
    kb_id: str | None = None  # knowledge-base key, when linked
    gender: str | None = None  # m | f | None, for pronoun resolution

    @property
    def dyad_code(self) -> str | None:
        """The party this actor stands for in a dyad: its country, else its own code (IGOs, groups)."""
        return self.country or self.code


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: str  # direct | indirect | mixed
    speaker: str | None = None  # actor id
    speaker_name: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_start: int | None = None  # the speaker mention this quote was attributed through
    speaker_end: int | None = None


@dataclass
class Event:
    source: str | None
    source_code: str | None
    target: str | None
    target_code: str | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    start: int  # the supporting sentence
    end: int
    trigger: str
    negated: bool = False
    date: str | None = None
    mentions: int = 1
    name: str | None = None  # CAMEO name of the code
    trigger_start: int | None = None
    trigger_end: int | None = None
    source_country: str | None = None
    target_country: str | None = None
    sentence: str | None = None
    source_name: str | None = None
    target_name: str | None = None
    place: str | None = None  # the place an "in/at/near <place>" phrase of the event's clause names
    one_sided: bool = False  # only a source or only a target: the missing side is empty (GDELT's blank Actor2)


@dataclass
class Document:
    """The contract: everything dyad says about one article."""

    doc_id: str
    title: str | None
    published: str | None
    source: str | None
    text: str
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    text_hash: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


class DyadError(Exception):
    """A problem with one input that the user can act on; batches report it and carry on."""


class Refused(DyadError):
    """An input that reads fine but is not what dyad codes (not English, too large): a refusal,
    reported apart from the inputs that are broken."""
