"""The attribution record being built for one quote, and the word classes its steps share."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..types import Actor


SENT_END = {".", "!", "?", "\u2026"}
# titles written with a period that the tokenizer may split off: "Cpl. Chris Dunmore" is one sentence
TITLE_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "sgt", "cpl", "const", "cst", "lt", "gen", "col", "capt", "maj",
                       "insp", "supt", "det", "rev", "sen", "rep", "gov", "prof", "hon", "jr", "sr", "pte", "adm",
                       "cmdr", "atty", "fr", "msgr", "pres", "brig"}
CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "parataxis", "advcl", "obj", "dative"}
RELATIVE = {"who", "which", "that", "whom"}
SUBORDINATORS = {"after", "before", "when", "while", "because", "since", "although", "though", "until", "unless",
                 "once", "whereas", "whenever", "where", "so"}

PLURAL_PRONOUNS = {"they", "them"}
FIRST_PERSON = {"i", "me", "we", "us"}
INDEFINITE = {"anyone", "anybody", "someone", "somebody", "everyone", "everybody", "no", "nobody", "one", "none"}
PRONOUN_STARTS = {"i", "we", "you", "he", "she", "it", "they", "i'm", "we're", "you're", "it's", "that's", "i\u2019m",
                  "we\u2019re", "you\u2019re", "it\u2019s", "that\u2019s", "don't", "don\u2019t", "let's", "let\u2019s"}
VERBISH = ("VERB", "AUX")
SUBJECT_POS = ("NOUN", "PROPN", "PRON", "NUM", "X")


def _content_clause(c: Token) -> bool:
    """A complement clause that can be what was said: not "after he admitted ..." that the parser
    hung on a reporting verb."""
    first = next((t for t in c.subtree if not t.is_punct), None)
    if first is not None and first.lower_ in SUBORDINATORS:
        return False
    # "..., Sanders said, suggesting a few questions": a participle clause is not the content
    return not (c.tag_ == "VBG" and not any(x.dep_ in ("nsubj", "nsubjpass", "csubj", "mark") for x in c.children))


@dataclass
class _Attr:
    """One attribution being built: content span, cue, speaker."""

    start: int
    end: int
    kind: str
    cue: Token | None = None
    cue_text: str | None = None
    cue_span: tuple[int, int] | None = None
    subj: Token | None = None  # the head of the speaker phrase, what is resolved
    mention: Token | None = None  # the word the text names the speaker with, when not `subj` ("who")
    quotes: list[int] = field(default_factory=list)  # direct quotes it covers
    how: str = ""
    actor: Actor | None = None
    name: str | None = None
    speaker_span: tuple[int, int] | None = None
    inherited: "_Attr | None" = None

