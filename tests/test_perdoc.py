"""perdoc.per_doc: a fact about a whole document is computed once per Doc (and per stage), and a new
Doc never sees an old one's value."""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from dyad.perdoc import per_doc


class _Stage:
    def __init__(self, suffix: str):
        self.suffix = suffix
        self.calls = 0

    @per_doc
    def words(self, doc: Doc) -> str:
        self.calls += 1
        return " ".join(t.text for t in doc) + self.suffix


def test_a_fact_is_computed_once_per_doc_and_per_stage():
    vocab = Vocab()
    one, two = Doc(vocab, words=["Seoul", "said"]), Doc(vocab, words=["Kigali", "said"])
    a, b = _Stage("!"), _Stage("?")
    assert [a.words(one), a.words(one), a.words(two), b.words(one)] == ["Seoul said!", "Seoul said!", "Kigali said!",
                                                                         "Seoul said?"]
    assert (a.calls, b.calls) == (2, 1)
