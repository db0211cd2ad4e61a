"""Mentions for scoring and users: how each mention names its actor (`form`), names inside longer
names, datelines. Passages written for these tests."""
from __future__ import annotations

from conftest import actors_at, analyse


def _doc(pipeline, text, published="2024-03-01"):
    return analyse(pipeline, text, published)


def _mentions(doc, text):
    """(mention text, form) -> actor name, for every mention in the document."""
    return {(text[m.start:m.end], m.form, m.start): a for a in doc.actors for m in a.mentions}


def _owner(doc, needle, nth=0):
    """The actors with a mention that is exactly the nth occurrence of `needle`."""
    return actors_at(doc, needle, nth, exact=True)


def test_a_person_named_inside_an_organisation_name_is_a_mention_of_the_person(pipeline):
    text = ("Margot Kessler founded a gallery in Lyon in 1990. \"We will keep buying,\" the Margot Kessler "
            "Foundation said on Monday. Kessler sits on its board.")
    doc = _doc(pipeline, text)
    person = [a for a in doc.actors if a.kind == "person"]
    assert [a.name for a in person] == ["Margot Kessler"]
    inner = _owner(doc, "Margot Kessler", nth=1)
    assert [a.name for a in inner] == ["Margot Kessler"] and inner[0].mentions[1].form == "name"
    # the longer name is its own actor, and it is the one that speaks
    org = _owner(doc, "Margot Kessler Foundation")
    assert org and org[0].kind == "organization"
    assert doc.quotes and doc.quotes[0].speaker == org[0].id


def test_a_surname_inside_a_name_joins_the_person_introduced_before(pipeline):
    text = ("The sculptor Hannelore Vogt died on Friday. Students at the Vogt Academy held a vigil, "
            "and Vogt's family thanked them.")
    doc = _doc(pipeline, text)
    assert [a.name for a in _owner(doc, "Vogt", nth=1)] == ["Hannelore Vogt"]


def test_a_country_inside_an_organisation_name_is_a_mention_of_the_country(pipeline):
    text = "The Bank of Indonesia cut its main rate on Tuesday, and the Embassy of Chile said trade would grow."
    doc = _doc(pipeline, text)
    assert [(a.name, a.kind) for a in _owner(doc, "Indonesia")] == [("Indonesia", "country")]
    assert [(a.name, a.kind) for a in _owner(doc, "Chile")] == [("Chile", "country")]
    # the bank still acts as the bank: its tokens resolve to it, not to the country
    assert any(a.kind == "organization" and "Bank of Indonesia" in a.name for a in doc.actors)


def test_no_country_is_read_inside_a_longer_capitalised_place_name(pipeline):
    text = ("Growers in New Mexico sold more chillies this year, officials in New South Wales said, and "
            "Papua New Guinea bought coffee from the University of New Mexico.")
    doc = _doc(pipeline, text)
    found = {text[m.start:m.end]: a.name for a in doc.actors for m in a.mentions}
    assert "Mexico" not in found and "Wales" not in found and "Guinea" not in found
    assert not any(a.name in ("Mexico", "Wales", "Guinea") for a in doc.actors)


def test_names_the_article_uses_alone_are_found_inside_event_and_program_names(pipeline):
    text = ("Taipei opened its lantern season on Saturday. Crowds filled the Taipei Lantern Festival, and "
            "the Orland Trust said the Orland Trust Fellowship would pay for ten artists.")
    doc = _doc(pipeline, text)
    assert [a.name for a in _owner(doc, "Taipei", nth=1)] == [a.name for a in _owner(doc, "Taipei")]
    trust = _owner(doc, "Orland Trust")
    assert trust and trust[0] in _owner(doc, "Orland Trust", nth=1)


def test_forms_tell_names_demonyms_and_role_phrases_apart(pipeline):
    text = "Peru recalled its ambassador on Friday. Peruvian diplomats said Peru had been insulted by Chile."
    doc = _doc(pipeline, text)
    forms = {(text[m.start:m.end], m.form): a.name for a in doc.actors for m in a.mentions}
    assert forms[("Peru", "name")] == "Peru"
    assert forms[("Peruvian", "demonym")] == "Peru"  # the demonym inside the role phrase is Peru's too
    assert ("Peruvian diplomats", "role") in forms and forms[("Peruvian diplomats", "role")] != "Peru"
    assert forms[("Chile", "name")] == "Chile"


def test_a_name_inside_a_group_phrase_is_a_mention_of_its_country(pipeline):
    text = "The U.S. ambassador met Kenyan officials in Nairobi on Monday."
    doc = _doc(pipeline, text)
    usa = _owner(doc, "U.S.")
    assert [(a.name, a.kind) for a in usa] == [("United States", "country")]
    assert next(m for m in usa[0].mentions if text[m.start:m.end] == "U.S.").form == "name"
    assert any(m.form == "role" and "ambassador" in text[m.start:m.end] for a in doc.actors for m in a.mentions)


def test_dateline_places_are_place_mentions_and_no_event_actor(pipeline):
    text = ("ST. PAUL, Minn. (AP) \u2014 Lawmakers approved the budget on Tuesday.\n\n"
            "NAIROBI, Kenya (Reuters) - Police arrested 12 protesters in Mombasa on Monday, and Kenya said "
            "it would investigate.\n\n"
            "LONDON, March 3 (Reuters) - Britain criticised Russia on Tuesday.")
    doc = _doc(pipeline, text)
    assert [(a.name, m.form) for a in _owner(doc, "ST. PAUL") for m in a.mentions] == [("St. Paul", "dateline")]
    assert [(a.name, a.country) for a in _owner(doc, "Minn.")] == [("Minnesota", "USA")]
    kenya = _owner(doc, "Kenya")
    assert kenya and kenya[0].name == "Kenya"
    assert [m.form for m in kenya[0].mentions if text[m.start:m.end] == "Kenya"][:1] == ["dateline"]
    assert any(m.form == "name" for m in kenya[0].mentions)  # "Kenya said" later is a name
    london = _owner(doc, "LONDON")
    assert london and london[0].mentions[0].form == "dateline"
    dateline_actors = {a.id for a in doc.actors for m in a.mentions if m.form == "dateline" and len(a.mentions) == 1}
    assert dateline_actors and not any(e.source in dateline_actors or e.target in dateline_actors for e in doc.events)
    # each dateline is mentioned once, not again as a repeat of its own name
    spans = [(m.start, m.end) for a in doc.actors for m in a.mentions]
    assert len(spans) == len(set((s, e, a.id) for a in doc.actors for s, e in [(m.start, m.end) for m in a.mentions]))
    assert len([s for s in spans if s[0] == 0]) == 1



def test_a_dateline_with_a_date_or_a_horizontal_bar_is_a_dateline_and_a_speakers_colon_is_none(pipeline):
    text = ("Candidate removed from debate site.\n\n"
            "HEMPSTEAD, N.Y., Sept. 26 (UPI) \u2014 Police removed a candidate from the site.\n\n"
            "ATLANTA \u2015 The governor signed the bill on Friday.\n\n"
            "PENCE: We will win this state in November.")
    doc = _doc(pipeline, text)
    for needle in ("HEMPSTEAD", "N.Y.", "ATLANTA"):
        owner = _owner(doc, needle)
        assert owner and [m.form for m in owner[0].mentions if text[m.start:m.end] == needle] == ["dateline"], needle
    assert not any(m.form == "dateline" for a in _owner(doc, "PENCE") for m in a.mentions)



def test_two_capitalised_words_after_the_are_no_person_by_a_title(pipeline):
    # "the" opens title phrases ("the U.S. ambassador") and is trimmed with them, but it is no title:
    # two untagged capitalised words after it are not a name for that reason
    for text, name in [("He read the Daily Beacon every morning before work.", "Daily Beacon"),
                       ("They sang with the Harbour Singers at the festival.", "Harbour Singers")]:
        doc = _doc(pipeline, text)
        assert not [a for a in doc.actors if a.kind == "person" and a.name == name], [(a.name, a.kind) for a in doc.actors]
