"""Fused-word repair must leave a parse tree a walk can finish: every token reaches its
sentence root by following heads, with no cycle."""
from __future__ import annotations

import pytest

from dyad import nlp, repair

FUSED = [
    "Witnesses saidRussian soldiers entered the village.",
    "Officials saidSyrian rebels met in Geneva.",
    "aedMow rebel",
    "Leaders haveUnited Nations support.",
    "The minister toldFrench police that protesters gatheredoutside the embassy.",
    "Reports claimedIranian troops and Chinese officials were presentamong the crowd.",
    "The Kenyan foreign ministrysaid its envoy had left Kampala.",
    "The ministry saidthe talks with Uganda would resume.",
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


DATELINED = [
    # (text, the first word of the story after the dateline)
    ("ISTANBUL, Turkey (AP) \u2014 The foreign minister accused the rebels of stalling.", "The"),
    ("KIGALI, Rwanda (Reuters) - Soldiers fired on protesters near the border.", "Soldiers"),
    ("ST. PAUL, Minn. - The governor vetoed the bill on Friday.", "The"),
    ("LONDON, March 3 (Reuters) -- Britain summoned the Iranian ambassador.", "Britain"),
    ("SEOUL\u2014North Korea fired two missiles into the sea.", "North"),
    ("HEMPSTEAD, N.Y., Sept. 26 (UPI) \u2014 Police removed the candidate from the site.", "Police"),
    ("ATLANTA \u2015 The governor signed the bill on Friday.", "The"),
]


@pytest.mark.parametrize("text,first", DATELINED)
def test_a_datelines_dash_ends_a_sentence(text, first):
    doc = nlp.parse(text)
    sents = list(doc.sents)
    assert len(sents) == 2 and sents[1][0].text == first, [s.text for s in sents]


@pytest.mark.parametrize("text,first", DATELINED)
def test_a_dateline_is_no_stray_fragment(text, first):
    assert repair.fragments(nlp.parse(text)) == []


@pytest.mark.parametrize("text", [
    "US-China talks resumed on Monday in Geneva.",
    "PENCE: We will win this state in November.",
    "NATO and the EU - two unions of very different kinds - met in Brussels.",
    "The senator - a former judge - voted against the bill.",
])
def test_no_dateline_no_sentence_break(text):
    doc = nlp.parse(text)
    assert len(list(doc.sents)) == 1, [s.text for s in doc.sents]


@pytest.mark.parametrize("text,source,target", [
    ("ISTANBUL, Turkey (AP) \u2014 Russian Foreign Minister Sergei Lavrov accused Kyiv on Tuesday of sabotaging "
     "the talks, while Ukrainian President Volodymyr Zelensky said Moscow never wanted peace.", "RUS", "UKR"),
    ("CAIRO, Egypt (Reuters) - Egyptian President Abdel Fattah el-Sisi met Israeli Prime Minister Benjamin "
     "Netanyahu on Monday.", "EGY", "ISR"),
])
def test_the_subject_after_a_dateline_is_the_source(pipeline, text, source, target):
    from dyad.types import Article
    doc = pipeline.process(Article(text=text, published="2026-11-20"))
    first = min(doc.events, key=lambda e: e.trigger_start)
    assert (first.source_country, first.target_country) == (source, target)


@pytest.mark.parametrize("word,split", [
    ("ministrysaid", 8), ("officialssaid", 9), ("saidthe", 4), ("statedthat", 6), ("warnedthat", 6),
    # English words that end in a verb of saying, or begin with one, are left whole
    ("aforesaid", None), ("untold", None), ("reinstated", None), ("understated", None), ("essays", None),
    ("saying", None), ("toldreporters", None),
])
def test_a_verb_of_saying_glued_to_a_word_is_split(word, split):
    assert repair.split_point(word) == split


def test_glued_attributions_keep_their_events(pipeline):
    from dyad.types import Article

    doc = pipeline.process(Article(text="NATO Secretary General Jens Stoltenberg saidthe alliance would help "
                                        "Ukraine. The Russian defence ministrysaid its troops had struck targets "
                                        "in Ukraine.", published="2024-03-03"))
    got = {(e.source_code, e.root) for e in doc.events}
    assert ("IGOWSTNAT", "01") in got and ("RUSMIL", "19") in got

