"""Linking precision on ordinary wire text: bylines, line breaks, towns named after bigger places,
postal abbreviations after a person, places before their officials' titles. Passages written for
these tests."""
from __future__ import annotations

import pytest

from conftest import analyse, one_actor


def _doc(pipeline, text, published="2024-03-01"):
    return analyse(pipeline, text, published)


def _actors(doc, mention):
    return [a for a in doc.actors if any(m.text == mention for m in a.mentions)]


@pytest.mark.parametrize("text,writer", [
    ("By Ron Johnson and Maria Lopez\nAssociated Press\n\nMADISON, Wis. \u2014 The state Senate passed the "
     "budget on Thursday.", "Ron Johnson"),
    ("By RICK SCOTT\nBEIJING \u2014 China said on Monday it would buy more soybeans from Brazil.", "RICK SCOTT"),
    ("By Tim Scott, The Daily Ledger\n\nThe county fair opened on Saturday with a record crowd.", "Tim Scott"),
])
def test_a_byline_names_a_writer_never_a_kb_namesake(pipeline, text, writer):
    doc = _doc(pipeline, text)
    a = one_actor(doc, writer)
    assert a.kind == "person" and a.kb_id is None and a.code is None and a.link["method"] == "byline"


def test_the_namesake_named_in_the_story_is_still_linked(pipeline):
    text = ("By Ron Johnson\n\nWASHINGTON \u2014 Sen. Ron Johnson of Wisconsin voted against the bill on Friday.")
    doc = _doc(pipeline, text)
    people = [a for a in doc.actors if a.kind == "person"]
    assert sorted(a.link["method"] for a in people) == ["byline", "exact"]
    assert next(a for a in people if a.link["method"] == "exact").code == "USALEG"


def test_a_sentence_opening_with_by_is_no_byline(pipeline):
    text = "By March, Ron Johnson had voted twice on the bill."
    doc = _doc(pipeline, text)
    assert one_actor(doc, "Ron Johnson").link["method"] != "byline"


def test_a_name_never_runs_over_a_line_break(pipeline):
    text = "Reporting by Maria Lopez\nAssociated Press\n\nThe storm left 3,000 homes without power in Halifax."
    doc = _doc(pipeline, text)
    assert one_actor(doc, "Maria Lopez").kind == "person"
    assert one_actor(doc, "Associated Press").kind == "organization"
    assert not any("\n" in m.text for a in doc.actors for m in a.mentions)


@pytest.mark.parametrize("text,town,country", [
    ("A tornado damaged homes in Montgomery, Ala., on Sunday.", "Montgomery", "USA"),
    ("Flooding closed schools in Sydney, Nova Scotia, for a second day.", "Sydney", "CAN"),
    ("The plant in Paris, Texas, will close next year, the company said.", "Paris", "USA"),
    ("Officials in Athens, Ga., said the roads were open again.", "Athens", "USA"),
])
def test_a_town_takes_the_country_of_the_region_written_after_it(pipeline, text, town, country):
    a = one_actor(_doc(pipeline, text), town)
    assert a.kind == "place" and a.country == country


def test_the_capital_itself_keeps_its_kb_link(pipeline):
    doc = _doc(pipeline, "Talks resumed in Paris, France, on Monday, and later in Athens.")
    assert one_actor(doc, "Paris").kb_id is not None and one_actor(doc, "Paris").country == "FRA"


def test_an_ambiguous_state_abbreviation_after_a_person_and_of_is_the_state(pipeline):
    doc = _doc(pipeline, "Gov. Kay Ivey of Ala. signed the bill, and Sen. Mark Warner of Va. praised it.")
    assert (one_actor(doc, "Ala.").name, one_actor(doc, "Ala.").country) == ("Alabama", "USA")
    assert (one_actor(doc, "Va.").name, one_actor(doc, "Va.").country) == ("Virginia", "USA")


def test_a_city_before_its_officials_title_is_the_city_not_a_kb_person(pipeline):
    doc = _doc(pipeline, "Austin Mayor Kirk Watson said Austin would keep growing, and Watson praised its schools.")
    austin = one_actor(doc, "Austin")
    assert austin.kind == "place" and austin.country == "USA" and len(austin.mentions) == 2
    assert one_actor(doc, "Kirk Watson").kind == "person"


def test_a_lone_surname_of_someone_in_office_still_links(pipeline):
    doc = _doc(pipeline, "Austin said the Pentagon would send more troops to the region.", published="2023-05-01")
    a = one_actor(doc, "Austin")
    assert a.kind == "person" and a.name == "Lloyd Austin"


@pytest.mark.parametrize("text,surname,published", [
    ("Wallace said the debate would open with a question on taxes.", "Wallace", "2016-10-01"),
    ("Austin told the crowd the Pentagon had let veterans down.", "Austin", "2010-06-01"),
])
def test_a_lone_surname_is_no_kb_person_before_their_first_office(pipeline, text, surname, published):
    a = one_actor(_doc(pipeline, text, published=published), surname)
    assert a.kb_id is None, (a.name, a.kb_id)


def test_a_headline_surname_before_its_first_office_is_the_person_named_in_full_later(pipeline):
    # a candidate years before his first office: the article's own full name says who the headline means
    doc = _doc(pipeline, "Trump questions the fairness of moderators ahead of debate.\n\n"
                         "Donald Trump said on Monday that the moderators were biased.", published="2016-09-26")
    a = next(a for a in doc.actors if any(m.text == "Trump" for m in a.mentions))
    assert a.name == "Donald Trump" and a.kb_id is not None


@pytest.mark.parametrize("text,full,published", [
    ("Blair said the war in Iraq had been a mistake, speaking to British veterans.", "Tony Blair", "2016-07-06"),
    ("Obama criticized the new tariffs on American steel on Tuesday.", "Barack Obama", "2019-05-01"),
])
def test_a_lone_surname_of_a_former_office_holder_still_links(pipeline, text, full, published):
    a = one_actor(_doc(pipeline, text, published=published), full.split()[-1])
    assert a.name == full


@pytest.mark.parametrize("text,surname,published", [
    ("Blair said the war in Iraq had been a mistake.", "Blair", "2016-07-06"),
    ("Blair said the county would repave the road to the school in Ohio.", "Blair", "2016-07-06"),
])
def test_a_former_office_holder_of_a_country_the_article_never_names_is_not_its_surname(pipeline, text, surname,
                                                                                     published):
    a = one_actor(_doc(pipeline, text, published=published), surname)
    assert a.kb_id is None, (a.name, a.kb_id)


@pytest.mark.parametrize("text,full,short", [
    ("The Church of Latter Fields denied the claims on Monday. The Church said its members were free to leave.",
     "Church of Latter Fields", "Church"),
    ("The University of Eastbrook opened a second campus. Fees will rise next year, the University said.",
     "University of Eastbrook", "University"),
    ("The Northern Fisheries Agency closed the bay to boats. Fishermen said the Agency had not warned them.",
     "Northern Fisheries Agency", "Agency"),
])
def test_an_organisation_named_again_by_its_capitalised_head_noun(pipeline, text, full, short):
    doc = _doc(pipeline, text)
    org = one_actor(doc, full)
    assert org.kind == "organization" and one_actor(doc, short) is org


def test_a_head_noun_no_organisation_of_the_article_has_is_not_joined(pipeline):
    doc = _doc(pipeline, "The Harlow Motor Company cut 300 jobs. Students at the University protested on Friday.")
    company = one_actor(doc, "Harlow Motor Company")
    assert all(a is not company for a in _actors(doc, "University"))


def test_an_acronym_is_the_organisation_it_abbreviates_not_a_later_one_named_with_it(pipeline):
    text = ("The University of West Harlow opened a gallery on Monday. UWH owns 300 paintings, and the UWH Art "
            "Trust will lend 40 of them. A spokesman said UWH would buy more next year.")
    doc = _doc(pipeline, text)
    university = one_actor(doc, "University of West Harlow")
    last = [a for a in doc.actors for m in a.mentions if m.text == "UWH" and m.start == text.rindex("UWH")]
    assert last == [university]


@pytest.mark.parametrize("text,name,code", [
    ("The moderator, Lester Holt, asked Trump about his taxes.", "Lester Holt", None),  # "Lester": another name of Leicester
    ("We will fight against the Alt Right and its bigotry.", "Alt Right", None),
    ("The Los Angeles Times endorsed the governor.", "Los Angeles Times", "USAMED"),
    ("The University of New Mexico suspended the coach.", "University of New Mexico", "USAEDU"),
])
def test_a_place_inside_an_organisations_name_is_one_named_by_its_own_name(pipeline, text, name, code):
    a = one_actor(_doc(pipeline, text, published="2016-10-05"), name)
    assert a.code == code, (a.name, a.code)


# a person named like places: the model tags each word of the name as a place (actors/spans.
# _split_person_names), and the bare surname later in the article is still that person
# (Linking._place: a surname of someone named in full), though the KB knows a city or country by it
@pytest.mark.parametrize("text,surname", [
    ("Valeska Paris, an Australian woman, says a cruise company kept her at sea for years. Paris claims she "
     "was not allowed to leave the ship.", "Paris"),
    ("Lorena Sydney, a nurse from Ohio, sued the hospital on Monday. Sydney said she had been dismissed "
     "without notice.", "Sydney"),
    ("Representative Jim Jordan of Ohio spoke to reporters in Washington. Jordan said the committee "
     "would meet again next week.", "Jordan"),
])
def test_a_surname_that_is_a_place_is_the_person_named_in_full(pipeline, text, surname):
    doc = _doc(pipeline, text)
    person = one_actor(doc, surname)
    assert person.kind == "person" and len(person.name.split()) == 2 and person.name.endswith(surname)


def test_a_first_name_that_is_a_town_followed_by_her_is_a_girl(pipeline):
    # a one-word name the gazetteer has as a town, not used as a place, then a pronoun of its gender
    doc = _doc(pipeline, "The parents of a baby girl were charged on Monday. Gloria was nine months old when "
                         "she died, and her parents had refused to take her to a doctor.")
    gloria = one_actor(doc, "Gloria")
    assert gloria.kind == "person" and gloria.country is None


def test_the_city_of_the_same_name_stays_a_city(pipeline):
    doc = _doc(pipeline, "Valeska Paris, an Australian woman, says she was held at sea for years. She later "
                         "moved to Paris, where she now lives.")
    assert one_actor(doc, "Valeska Paris").kind == "person"
    assert any(a.kind in ("place", "country") and a.country == "FRA" for a in _actors(doc, "Paris"))


def test_a_first_name_tagged_alone_takes_the_surname_after_it(pipeline):
    # the tagger reads an unknown surname as a noun and the model tags only the first name (spans._with_first_name)
    doc = analyse(pipeline, "Senator Elizabeth Warren grilled Wells Fargo CEO John Stumpf on Tuesday.", "2016-09-20")
    person = one_actor(doc, "John Stumpf")
    assert person.kind == "person" and person.kb_id is None
