"""Fused-word repair must leave a parse tree a walk can finish: every token reaches its
sentence root by following heads, with no cycle."""
from __future__ import annotations

import pytest

from dyad import nlp

FUSED = [
    "Witnesses saidRussian soldiers entered the village.",
    "Officials saidSyrian rebels met in Geneva.",
    "aedMow rebel",
    "Leaders haveUnited Nations support.",
    "The minister toldFrench police that protesters gatheredoutside the embassy.",
    "Reports claimedIranian troops and Chinese officials were presentamong the crowd.",
]


def _reaches_root(tok) -> bool:
    seen = set()
    while tok.head.i != tok.i:
        if tok.i in seen:
            return False
        seen.add(tok.i)
        tok = tok.head
    return True


@pytest.mark.parametrize("text", FUSED)
def test_repaired_tree_has_no_cycle(text):
    doc = nlp.parse(text)
    assert doc._.repairs, "the sentence holds a fused word that should be split"
    assert all(_reaches_root(t) for t in doc)
    for t in doc:  # subtree walks terminate and stay inside the doc
        assert len(list(t.subtree)) <= len(doc)


@pytest.mark.parametrize("text", FUSED)
def test_fused_sentences_extract(pipeline, text):
    from dyad.types import Article

    doc = pipeline.process(Article(text=text))
    assert doc.text == text
    for a in doc.actors:
        for m in a.mentions:
            assert text[m.start:m.end] == m.text
