"""A statement's target is whom it is said to, else the party its words are most about (the content's
subject before its phrases, a pronoun read as its antecedent, all pieces of one quote); a verbal act
with no target takes the party of what its verb governs. Real spaCy parse, real knowledge base;
sentences written here."""
from __future__ import annotations

from dyad.types import Article

PUB = "2023-06-21"


def acts(pipeline, text: str, root: str | None = None) -> list[tuple]:
    evs = pipeline.process(Article(text=text, published=PUB)).events
    return [(e.source_country, e.cameo, e.target_country) for e in evs if root is None or e.root == root]


def test_the_content_subject_is_the_topic_before_a_place_of_its_phrases(pipeline):
    got = acts(pipeline, "The Japanese foreign minister said that, at a dinner in Hanoi, "
                         "the Philippines had been the most reliable partner.", "01")
    assert got == [("JPN", "010", "PHL")]


def test_a_pronoun_of_the_content_is_read_as_its_antecedent(pipeline):
    text = ("Angela Merkel met Vladimir Putin in Berlin on Monday. "
            "On Tuesday Merkel said he was a man nobody could trust.")
    assert acts(pipeline, text, "01") == [("DEU", "010", "RUS")]


def test_the_speaker_is_never_the_topic(pipeline):
    got = acts(pipeline, "The Chilean president said he was proud of his record.", "01")
    assert got == [("CHL", "010", None)]


def test_all_pieces_of_one_quote_are_its_content(pipeline):
    text = ("\u201cNow that I have retired,\u201d the Spanish defence minister said, "
            "\u201cI can say that Morocco was a difficult neighbour.\u201d")
    assert acts(pipeline, text, "01") == [("ESP", "010", "MAR")]


def test_a_named_person_spoken_to_is_the_addressee_but_a_medium_is_not(pipeline):
    told = acts(pipeline, "The British prime minister told Elon Musk that his platform had spread lies.", "01")
    assert told == [("GBR", "010", "USA")]
    interview = acts(pipeline, "The Portuguese president told the BBC that the deal was good for Lisbon.", "01")
    assert interview == [("PRT", "010", None)]


def test_a_verbal_act_takes_the_party_of_what_its_verb_governs(pipeline):
    got = acts(pipeline, "The Argentine president pledged to push for a treaty to end the Chilean navy's patrols.")
    assert got == [("ARG", "030", "CHL")]


def test_with_no_party_in_the_words_the_party_it_is_said_of_or_on_the_occasion_of(pipeline):
    assert acts(pipeline, 'Narendra Modi said of Pakistan\'s new dam: "This is unacceptable."', "01") == [
        ("IND", "010", "PAK")]
    got = acts(pipeline, "When the Kenyan parliament rejected the budget, the Ugandan president said the region "
                         "would suffer.", "01")
    assert got == [("UGA", "010", "KEN")]


def test_where_or_through_what_it_was_said_is_no_target(pipeline):
    assert acts(pipeline, "The Saudi foreign minister told reporters in Washington that the talks had been "
                          "useful.", "01") == [("SAU", "010", None)]
    assert acts(pipeline, "The Indonesian president said on CNN that the talks had been useful.", "01") == [
        ("IDN", "010", None)]


def test_salience_reads_the_parse_subject_then_object_then_phrases_places_last(pipeline):
    from dyad import nlp
    from dyad.events.topics import salient

    doc = nlp.parse("The envoy said that, for Lisbon, Rome's tariffs were a blow to Madrid.")
    content = [t for t in doc if t.i > 2 and not t.is_punct]
    order = [t.text for t in salient(content) if t.pos_ == "PROPN"]
    assert order == ["Rome", "Madrid", "Lisbon"]  # the subject's possessor, the predicate's phrase, a fronted phrase
    doc = nlp.parse("She said that after talks in Cairo, Amman had agreed.")
    content = [t for t in doc if t.i > 1 and not t.is_punct]
    assert [t.text for t in salient(content) if t.pos_ == "PROPN"] == ["Amman", "Cairo"]  # a locative place comes last
