"""Domestic dyads: two different actors that share a CAMEO code (two parties of one country, two
senators) are two sides of an event; one actor, or one code on both sides where a side has no
identity of its own (a country and its state), is no dyad."""
from __future__ import annotations

import pytest

from conftest import actor_at, analyse


def _events(pipeline, text):
    doc = analyse(pipeline, text, "2016-10-01")
    names = {a.id: a.name for a in doc.actors}
    return [(names.get(e.source), e.source_code, e.root, names.get(e.target), e.target_code) for e in doc.events]


@pytest.mark.parametrize("text, source, target", [
    ("The Labour Party criticised the Conservative Party over the budget.", "Labour Party", "Conservative Party"),
    ("The Republican Party accused the Democratic Party of blocking the bill.", "Republican Party", "Democratic Party"),
    ("The Democratic Party praised the Republican Party for the compromise.", "Democratic Party", "Republican Party"),
])
def test_two_named_organisations_coded_alike_are_two_parties(pipeline, text, source, target):
    events = _events(pipeline, text)
    assert any(s == source and t == target and sc == tc for s, sc, _, t, tc in events), events


def test_a_country_and_its_own_state_are_no_dyad(pipeline):
    events = _events(pipeline, "Britain criticised the British government over the budget.")
    assert events and not any(t for *_, t in events), events


def _actor(pipeline, text, words):
    return actor_at(analyse(pipeline, text, "2016-10-01"), words, covering=True)


@pytest.mark.parametrize("text, words, code", [
    ("The Obama administration imposed new sanctions on Iran.", "administration", "USAGOV"),
    ("Officials of the Sanders campaign met union leaders on Monday.", "campaign", "USAPTY"),
    ("Putin's government rejected the proposal.", "government", "RUSGOV"),
    ("The Trump campaign denied the report.", "campaign", "USAPTY"),
])
def test_a_body_named_for_a_known_person_takes_the_persons_country_and_the_nouns_role(pipeline, text, words, code):
    actor = _actor(pipeline, text, words)
    assert actor.code == code and actor.kind == "organization", (actor.name, actor.code, actor.kind)


def test_two_campaigns_named_for_two_people_are_two_parties(pipeline):
    events = _events(pipeline, "The Sanders campaign criticized Clinton's campaign over the debate schedule.")
    assert any(s and t and s != t and sc == tc == "USAPTY" for s, sc, _, t, tc in events), events


def test_a_person_with_a_title_is_still_the_person(pipeline):
    actor = _actor(pipeline, "President Obama met the Saudi king on Friday.", "Obama")
    assert actor.kind == "person" and actor.code == "USAGOV", (actor.name, actor.code)


@pytest.mark.parametrize("text, leader", [
    ("The Obama campaign said Obama would sign the bill.", "Barack Obama"),
    ("Putin's government praised Putin for the deal.", "Vladimir Putin"),
])
def test_a_body_and_the_person_it_is_named_for_are_one_party(pipeline, text, leader):
    events = _events(pipeline, text)
    assert events and not any(t == leader for *_, t, _ in events), events


def test_a_body_named_for_a_person_still_acts_on_other_people(pipeline):
    events = _events(pipeline, "The Obama administration criticized Putin over the annexation.")
    assert any(t == "Vladimir Putin" for *_, t, _ in events), events


def test_a_body_named_by_a_historic_leader_is_his_country(pipeline):
    # the parser reads the untagged surname as an adjective (codes._led_by_person)
    events = analyse(pipeline, "In 1985 the British ambassador pressed the Pinochet government to release "
                               "political prisoners.", "2020-01-01").events
    assert ("GBRGOV", "02", "CHLGOV") in {(e.source_code, e.root, e.target_code) for e in events}
