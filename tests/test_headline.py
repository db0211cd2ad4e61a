"""Title-case headlines parsed as sentences (dyad/headline.py). Real spaCy model; headlines written here."""
from __future__ import annotations

import pytest

from dyad import nlp
from dyad.types import Article

BODY = "\n\nThe story follows here, as stories do."


@pytest.mark.parametrize("headline, verb", [
    ("Angela Merkel Criticizes Greek Budget Plan Ahead Of Summit.", "criticize"),
    ("Justin Trudeau Praises Mexican President After Trade Talks.", "praise"),
])
def test_a_title_case_headline_keeps_its_verb(headline, verb):
    doc = nlp.parse(headline + BODY)
    assert doc.text == headline + BODY  # no character moved
    root = [t for t in doc if t.dep_ == "ROOT" and t.i < len(headline.split())]
    assert [t.lemma_ for t in root] == [verb] and root[0].pos_ == "VERB"
    assert any(e.label_ == "PERSON" for e in doc.ents)  # names keep their entities


def test_a_title_case_headline_gives_its_event(pipeline):
    doc = pipeline.process(Article(text="Angela Merkel Criticizes Greek Budget Plan Ahead Of Summit." + BODY,
                                   published="2015-06-01"))
    assert any(e.source_country == "DEU" and e.root == "11" for e in doc.events), \
        [(e.source_code, e.cameo, e.trigger) for e in doc.events]


def test_a_sentence_case_first_line_is_parsed_once():
    text = "Angela Merkel criticizes the Greek budget plan ahead of the summit." + BODY
    doc = nlp.parse(text)
    assert [t.text for t in doc] == [t.text for t in nlp.load().make_doc(text)]
    assert next(t for t in doc if t.dep_ == "ROOT").lemma_ == "criticize"


@pytest.mark.parametrize("headline, verb", [
    ("Trump attacks the credibility of the pollsters", "attack"),
    ("Trump slams the media after the debate", "slam"),
])
def test_an_opening_name_read_as_a_noun_is_the_headlines_subject(headline, verb):
    # "Trump attacks ...": the model reads "trump attacks" as a noun phrase; a stand-in subject fixes the tree
    doc = nlp.parse(headline + BODY)
    assert doc.text == headline + BODY
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert (root.lemma_, root.pos_) == (verb, "VERB")
    assert [(c.text, c.pos_) for c in root.children if c.dep_ == "nsubj"] == [("Trump", "PROPN")]


def test_an_opening_name_in_a_noun_headline_stays_a_noun_phrase():
    doc = nlp.parse("Trump Tower sales rise in autumn" + BODY)
    assert not any(t.dep_ == "nsubj" and t.text == "Trump" for t in doc)


def test_a_headline_clause_before_a_colon_and_quote_keeps_its_verb(pipeline):
    # "X Blasts Y: 'quote'": the model hangs the clause on the quote; parsed apart, the clause is the root
    text = "Bernie Sanders Blasts Goldman Sachs Chief: 'You Should Resign'" + BODY
    doc = nlp.parse(text)
    assert doc.text == text
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.lemma_ == "blast" and any(c.dep_ == "nsubj" for c in root.children)
    got = pipeline.process(Article(text=text, published="2016-10-01")).events
    assert any(e.source_country == "USA" and e.root == "11" for e in got), [(e.source_code, e.cameo) for e in got]
