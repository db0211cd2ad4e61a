"""Countries taken from places in context: postal abbreviations before the gazetteer, words inside
a longer capitalised name, possessors that are people, and the gazetteer's choice among places of
one name. Passages written for these tests."""
from __future__ import annotations

import pytest

from conftest import analyse, one_actor
from dyad import kb as kbmod


def _doc(pipeline, text, published="2024-03-01"):
    return analyse(pipeline, text, published)


@pytest.mark.parametrize("text,mention,code", [
    ("Minn. lawmakers approved the school budget on Tuesday.", "Minn. lawmakers", "USALEG"),
    ("Calif. officials closed the beaches after the spill.", "Calif. officials", "USAGOV"),
    ("After the frost, B.C. farmers asked the province for aid.", "B.C. farmers", "CANAGR"),
    ("Gov. Kay Ivey of Ala. signed the bill on Friday.", "Kay Ivey", "USAGOV"),
    ("Sen. Dana Fuller of Minn. voted against the measure.", "Dana Fuller", "USALEG"),
])
def test_a_postal_abbreviation_in_context_is_its_country(pipeline, text, mention, code):
    assert one_actor(_doc(pipeline, text), mention).code == code


@pytest.mark.parametrize("text,wrong", [
    ("The University of New Mexico raised tuition by 4 percent.", "MEX"),
    ("Farmers in New Mexico protested against the water rules.", "MEX"),
    ("Fans of the New England Patriots lined the streets.", "GBR"),
    ("Police in Inner Mongolia detained two herders.", "MNG"),
])
def test_a_word_inside_a_longer_capitalised_name_is_no_country(pipeline, text, wrong):
    doc = _doc(pipeline, text)
    assert doc.actors and not any((a.code or "").startswith(wrong) for a in doc.actors), \
        [(a.name, a.code) for a in doc.actors]


@pytest.mark.parametrize("text,mention,country", [
    ("Farmers in New Mexico protested against the water rules.", "Farmers in New Mexico", "USA"),
    ("The University of New Mexico raised tuition by 4 percent.", "University of New Mexico", "USA"),
    ("Chinese officials met EU envoys in Brussels.", "Chinese officials", "CHN"),
    ("The Chinese government rejected the report.", "The Chinese government", "CHN"),
    # a compass word names part of the place; a new name after a nationality or faith is its own
    ("Police in East Jerusalem arrested two men.", "Police in East Jerusalem", "ISR"),
    ("Shiite Hezbollah fighters attacked the post.", "Shiite Hezbollah fighters", "LBN"),
    ("Kurdish PKK rebels attacked a convoy.", "Kurdish PKK rebels", "TUR"),
])
def test_the_whole_name_or_a_leading_name_still_gives_the_country(pipeline, text, mention, country):
    doc = _doc(pipeline, text)
    actors = [a for a in doc.actors if any(mention in m.text or m.text in mention for m in a.mentions)]
    assert any(a.country == country for a in actors), [(a.name, a.code) for a in actors]


def test_a_possessor_the_story_names_as_a_person_makes_no_group_of_a_city(pipeline):
    text = "Paris Hilton denied the claims on Monday. Paris's lawyer said the singer would appeal."
    doc = _doc(pipeline, text)
    assert not any(a.kind == "group" and a.country == "FRA" for a in doc.actors), \
        [(a.name, a.code) for a in doc.actors]


@pytest.mark.parametrize("text,code", [
    ("Paris's mayor said the games would go ahead.", "FRAGOV"),
    ("Israel Katz spoke on Sunday. Israel's military said it had struck the depot.", "ISRMIL"),
])
def test_a_possessor_used_as_a_place_or_state_still_makes_a_group(pipeline, text, code):
    doc = _doc(pipeline, text)
    assert any(a.kind == "group" and a.code == code for a in doc.actors), [(a.name, a.code) for a in doc.actors]


@pytest.mark.parametrize("name,country", [
    ("Ontario", "CAN"),      # a province, not the Californian city of the same name
    ("Victoria", "AUS"),     # a state of a populous country, not a district of the same name
    ("Arizona", "USA"),      # a state, not a Honduran town
    ("Manchester", "GBR"),   # a big city, not a parish of a small country
    ("Montgomery", "USA"),   # a city's own name, not a bigger city's old name
    ("Annapolis", "USA"),
    ("Calcutta", "IND"),     # an old name still names a city far bigger than its namesakes
    ("Canton", "CHN"),
])
def test_the_gazetteer_prefers_regions_and_places_where_more_people_live(name, country):
    assert kbmod.place_country(name) == country


def test_a_province_before_a_role_noun_gives_the_groups_country(pipeline):
    doc = _doc(pipeline, "Ontario officials criticised the federal plan.")
    assert any(a.kind == "group" and a.code == "CANGOV" for a in doc.actors), [(a.name, a.code) for a in doc.actors]


@pytest.mark.parametrize("text,wrong", [
    ("The deal angered Ala. lawmakers and Minn. farmers.", ("KAZ", "DEU")),
    ("Officials in Del. said the roads were closed.", ("IND",)),
])
def test_an_abbreviation_is_never_a_foreign_town_of_that_short_name(pipeline, text, wrong):
    doc = _doc(pipeline, text)
    assert not any((a.country or "") in wrong for a in doc.actors), [(a.name, a.code) for a in doc.actors]
    assert not any(a.kind == "person" for a in doc.actors), [(a.name, a.code) for a in doc.actors]
