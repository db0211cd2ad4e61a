"""Actors of ordinary wire news: multiword places keep their own country."""
from __future__ import annotations

import pytest

from conftest import actor_at, analyse


def _doc(pipeline, text):
    return analyse(pipeline, text, "2019-06-19")


@pytest.mark.parametrize("text, noun, country", [
    ("Police in New York detained a man on Friday.", "Police", "USA"),
    ("Police in New Orleans questioned the driver.", "Police", "USA"),
    ("Police in Kansas City arrested two men.", "Police", "USA"),
    ("Police in New Delhi arrested two men.", "Police", "IND"),
])
def test_a_role_in_a_multiword_place_takes_the_whole_places_country(pipeline, text, noun, country):
    doc = _doc(pipeline, text)
    actor = actor_at(doc, noun)
    assert actor.code and actor.code.startswith(country), (actor.name, actor.code)


@pytest.mark.parametrize("text, name", [
    ("Sen. Ann Roe (D-Mont.) criticized the Pentagon on Tuesday.", "Ann Roe"),
    ("Rep. Bo Pelley (R-Texas) met Iraqi officials in Baghdad.", "Bo Pelley"),
    ("Senator Carla Vint (I-Vt.) accused the Treasury of delay.", "Carla Vint"),
    ("Rep. Dan Oduya (D-N.Y., chair of the panel) praised the Justice Department.", "Dan Oduya"),
])
def test_congressional_party_state_notation_marks_a_us_legislator(pipeline, text, name):
    actor = actor_at(_doc(pipeline, text), name)
    assert actor.code == "USALEG", (actor.name, actor.code, actor.link)


def test_a_bracketed_news_agency_after_a_name_is_not_congressional_notation(pipeline):
    text = "Mark Lyle (Reuters) met Iraqi officials in Baghdad."
    actor = actor_at(_doc(pipeline, text), "Mark Lyle")
    assert actor.code != "USALEG"


@pytest.mark.parametrize("text, realised", [
    ("The Senate will be unable to accuse Iran of violating the deal.", False),
    ("Germany was unable to condemn Russia for the attack.", False),
    ("The Senate accused Iran of violating the deal.", True),
])
def test_inability_is_no_event(pipeline, text, realised):
    doc = _doc(pipeline, text)
    coded = [e for e in doc.events if e.trigger_start is not None and e.root in ("11", "12", "19", "17")]
    assert bool(coded) is realised, [(e.cameo, e.trigger) for e in doc.events]


@pytest.mark.parametrize("text, name, role", [
    ("The Kansas City Tribune criticized the mayor on Sunday.", "Kansas City Tribune", "MED"),
    ("The Federal Maritime Commission fined two shipping lines.", "Federal Maritime Commission", "GOV"),
    ("The Norfolk Research Center said the tariffs would hurt farmers.", "Norfolk Research Center", "EDU"),
    ("The group Prison Justice Watch accused the governor of neglect.", "Prison Justice Watch", "NGO"),
])
def test_a_name_word_gives_an_unknown_organisation_its_role(pipeline, text, name, role):
    doc = _doc(pipeline, text)
    actor = next(a for a in doc.actors if name.endswith(a.name) or a.name.endswith(name))
    assert actor.role == role, (actor.name, actor.code, actor.link)


def test_a_name_word_is_no_role_noun():
    from dyad import kb as kbmod

    kb = kbmod.load()
    assert kb.role_noun("times") is None and kb.role_noun("post") is None  # "three times", "a new post"
    assert kb.name_role(["Tribune", "News", "Service"]) == "MED"
    assert kb.name_role(["Stanford", "Hospital"]) is None


@pytest.mark.parametrize("text, name, code", [
    # a place of several words inside a name gives its country; a word of the name that is another
    # organisation's alias ("Times", "Star") does not make it that organisation
    ("The Los Angeles Times criticized the senator on Sunday.", "Los Angeles Times", "USAMED"),
    ("The Kansas City Star endorsed the senator on Sunday.", "Kansas City Star", "USAMED"),
    ("The Boston Globe endorsed the senator on Sunday.", "Boston Globe", "USAMED"),
])
def test_an_unknown_newspaper_takes_the_place_in_its_name(pipeline, text, name, code):
    doc = _doc(pipeline, text)
    actor = next(a for a in doc.actors if a.name == name)
    assert actor.code == code, (actor.name, actor.code, actor.link)


def test_a_common_noun_is_not_the_organisation_it_names(pipeline):
    # "economist" is not "The Economist" (a British weekly): an expert of no stated country
    text = "Laura Penn, an economist, said the tariffs would hurt farmers."
    actor = next(a for a in _doc(pipeline, text).actors if a.name == "Laura Penn")
    assert actor.country is None and actor.role == "EDU", (actor.code, actor.link)


@pytest.mark.parametrize("text, name", [
    # "Obama" is also a town in Japan: a KB person's name among a name's modifiers is no place
    ("The Obama Presidential Center Trust sued the city on Monday.", "Obama Presidential Center Trust"),
    ("The Obama Library Fund criticized the city on Monday.", "Obama Library Fund"),
])
def test_a_known_persons_name_inside_an_organisations_name_is_no_place(pipeline, text, name):
    actor = next(a for a in _doc(pipeline, text).actors if a.name == name)
    assert actor.country != "JPN", (actor.code, actor.link)
