"""Events of classes ordinary news reports that a verb lexicon alone misses: civic groups the KB does
not know, acting under their own name; statements that call a political actor bad (criticism). Real
spaCy parse, real knowledge base, the afinn package's word list; sentences written here."""
from __future__ import annotations

import pytest

from conftest import actor_at, analyse

PUB = "2021-03-02"


def doc_of(pipeline, text: str):
    return analyse(pipeline, text, PUB)


@pytest.mark.parametrize("text, name, country", [
    ("OTTAWA \u2014 The National Alliance for Fair Schools said on Monday it would sue the province.",
     "National Alliance for Fair Schools", "CAN"),
    ("DUBLIN \u2014 In a statement, the Coalition for Safe Streets criticized the justice minister.",
     "Coalition for Safe Streets", "IRL"),
])
def test_an_organisation_headed_by_a_group_noun_is_that_group_whatever_its_aim_names(pipeline, text, name, country):
    doc = doc_of(pipeline, text)
    actor = actor_at(doc, name, covering=True)
    assert actor.code == country + "NGO", (actor.name, actor.code)  # a civic group acts where its story is
    assert any(e.source == actor.id for e in doc.events), [(e.source_code, e.cameo) for e in doc.events]


def test_a_state_role_in_a_name_is_kept_under_a_group_head(pipeline):
    text = "WASHINGTON \u2014 The Senate Coalition on Trade met the Mexican ambassador on Monday."
    doc = doc_of(pipeline, text)
    actor = actor_at(doc, "Coalition", covering=True)
    assert not (actor.code or "").endswith("NGO"), (actor.name, actor.code)


def test_a_trigger_noun_inside_a_name_is_no_act(pipeline):
    doc = doc_of(pipeline, "The US Aid Alliance opened an office in Boston.")  # "alliance" alone is an act (062)
    assert not [e for e in doc.events if e.root == "06"], [(e.cameo, e.trigger) for e in doc.events]



def events_of(pipeline, text: str) -> list[tuple]:
    return [(e.source_code, e.cameo, e.target_code) for e in doc_of(pipeline, text).events]


@pytest.mark.parametrize("text, target", [
    ("Senator Elizabeth Warren said Senator Ted Cruz is unfit to serve.", "USALEG"),
    ("\u201cDonald Trump's strategy was to be a bully,\u201d Senator Elizabeth Warren said.", "USA"),
    ("Chancellor Angela Merkel said Vladimir Putin's policy is dangerous.", "RUS"),
    ("Senator Elizabeth Warren said Senator Ted Cruz is \u201ctemperamentally unfit\u201d for the job.", "USALEG"),
])
def test_a_statement_that_calls_someone_bad_is_criticism(pipeline, text, target):
    got = events_of(pipeline, text)
    assert any(s == "USALEG" or (s or "").startswith("DEU") for s, c, t in got), got
    assert any(c == "111" and (target is None or (t or "").startswith(target)) for s, c, t in got), got


@pytest.mark.parametrize("text", [
    "Senator Elizabeth Warren said the situation is terrible.",   # a situation is no one
    "Senator Elizabeth Warren said Senator Ted Cruz is not unfit to serve.",
])
def test_a_statement_that_judges_no_one_badly_stays_a_statement(pipeline, text):
    got = events_of(pipeline, text)
    assert got and not [e for e in got if e[1] == "111"], got


@pytest.mark.parametrize("text", [
    "Senator Elizabeth Warren said voters are telling her that Senator Ted Cruz is a liar.",
    "\u201cMy opponents keep saying, \u2018Yes, but Senator Ted Cruz is a liar,\u2019 and it is tiresome,\u201d "
    "Senator Elizabeth Warren said.",
])
def test_a_judgement_reported_as_others_words_is_not_the_speakers(pipeline, text):
    got = events_of(pipeline, text)
    assert any(s == "USALEG" for s, c, t in got), got
    assert not [e for e in got if e[0] == "USALEG" and e[1] == "111"], got


def test_a_private_person_calling_a_political_actor_bad_acts_on_it(pipeline):
    got = events_of(pipeline, "Jane Roe, a retired nurse in Ohio, said Hillary Clinton is a liar.")
    assert any(c == "111" and (t or "").startswith("USA") for s, c, t in got), got
    # the same person on the weather is no event
    assert not events_of(pipeline, "Jane Roe, a retired nurse in Ohio, said the winter was terrible.")


def test_a_quotation_dash_attributes_a_quote(pipeline):
    got = events_of(pipeline, "\u201cSenator Ted Cruz is a disgrace.\u201d \u2015 Jane Roe, a voter in Ohio")
    assert any(c == "111" and (t or "").startswith("USA") for s, c, t in got), got


@pytest.mark.parametrize("text", [
    "Senator Elizabeth Warren attacked her opponent on Tuesday.",
    "Senator Elizabeth Warren hammered her rivals in a speech.",
])
def test_a_politician_striking_people_named_by_their_position_is_criticism(pipeline, text):
    got = events_of(pipeline, text)
    assert ("USALEG", "111", None) in got, got



@pytest.mark.parametrize("text, root", [
    ("President Emmanuel Macron persuaded Chancellor Olaf Scholz to join the plan.", "02"),
    ("Senator Elizabeth Warren lectured the Treasury on Tuesday.", "11"),
    ("The European Union punished Russia on Monday.", "17"),
])
def test_verbs_petrarchs_dictionary_codes_that_the_lexicon_lacked(pipeline, text, root):
    got = doc_of(pipeline, text).events
    assert any(e.root == root for e in got), [(e.source_code, e.cameo, e.target_code) for e in got]


@pytest.mark.parametrize("text, codes", [
    ("France and Germany unveiled a proposal for closer defence cooperation on Friday.", {"FRA", "DEU"}),
    ("Chancellor Olaf Scholz presented his plan for the energy sector.", {"DEU"}),
])
def test_unveiling_a_plan_is_a_statement_of_policy(pipeline, text, codes):
    got = doc_of(pipeline, text).events
    assert {(e.source_code or "")[:3] for e in got if e.root == "01"} >= codes, \
        [(e.source_code, e.cameo) for e in got]


def test_a_firm_unveiling_a_plan_is_no_event(pipeline):
    assert not doc_of(pipeline, "Apple unveiled its plan for a new phone.").events
