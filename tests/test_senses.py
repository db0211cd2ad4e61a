"""Sense choice by clause features and modality from the parse, on sentences written for these tests.

- a verb of force or seizure whose object is an idea, a report or a figure is figurative: no force
  event; a verb of striking is then criticism (senses.py, data/senses.yaml);
- a military act (force, posture, military aid) between two unarmed sides (politicians, offices), or
  by an unarmed person at no one, is figurative: no event;
- signing one's own state's bill is no agreement with another actor (verbs.yaml);
- a prescribed act ("must", "should", "needs to", "has to", "ought to") is no event (modality.py);
- a speaker described as a private expert ("an economist at X") makes no statement (statements.py);
- a visit is hosted for visitors or their meeting, not a party ("hosted his barbecue": no 043; senses.yaml);
- a statement named as the subject of a judgement ("X's statement was vague") is no statement event (stage.py);
- agreeing that something is so ("agreed the bill was flawed") is a statement, no intent to cooperate (stage.py);
- people are released (0841), not documents ("the audit was released": senses.yaml).
"""
from __future__ import annotations

import pytest

from dyad import Article


def _codes(pipeline, text: str) -> list[tuple[str | None, str, str | None]]:
    doc = pipeline.process(Article(text=text, published="2024-03-06", doc_id="senses"))
    return [(e.source_country, e.cameo, e.target_country) for e in doc.events]


@pytest.mark.parametrize("text", [
    "Senator Elizabeth Warren seized on a report that the bank had hidden its losses.",
    "Moscow seized the opportunity to criticise the alliance.",
    "The Kremlin engaged in corruption for years.",
    "The Republican Party is scrambling for turnout in Ohio.",
    "Germany's government fought the proposal for months.",
    "The Labour Party engaged in fraud in London.",  # the place where it happened is not what is acted on
])
def test_force_verb_with_an_abstract_object_is_no_force(pipeline, text):
    assert not [c for _, c, _ in _codes(pipeline, text) if c[:2] in ("15", "17", "18", "19", "20")]


@pytest.mark.parametrize("text, code", [
    ("Russian troops seized the airport.", "19"),
    ("Rebels attacked the army base near Aleppo.", "19"),
    ("China scrambled fighter jets near Taiwan.", "15"),
    ("Iraqi police seized weapons from the militia in Basra.", "17"),
])
def test_force_verb_with_a_concrete_object_keeps_its_force_sense(pipeline, text, code):
    codes = [c for _, c, _ in _codes(pipeline, text)]
    assert any(c.startswith(code) for c in codes), codes


@pytest.mark.parametrize("text", [
    "Senator Ted Cruz battled Governor Greg Abbott for weeks.",
    "Mayor Bill de Blasio fought Governor Andrew Cuomo over the subway budget.",
    "Senator Ted Cruz battled for the Republican nomination.",  # an unarmed person, no one fought
])
def test_military_force_between_unarmed_people_is_figurative(pipeline, text):
    assert not [c for _, c, _ in _codes(pipeline, text) if c.startswith("19")]


def test_military_force_with_an_armed_side_stays(pipeline):
    assert ("SYR", "190", "SYR") in _codes(pipeline, "Syrian troops fought rebels near Aleppo.")


def test_striking_an_idea_is_criticism(pipeline):
    codes = _codes(pipeline, "Hillary Clinton hammered the tax plan on Tuesday.")
    assert [c for _, c, _ in codes] == ["111"]


def test_signing_a_bill_is_no_agreement_but_signing_a_treaty_is(pipeline):
    assert not [c for _, c, _ in _codes(pipeline, "President Obama signed the legislation on Friday.") if c == "057"]
    assert not [c for _, c, _ in _codes(pipeline, "Putin signed the decree into law.") if c == "057"]
    assert ("JPN", "057", "CHN") in _codes(pipeline, "Japan and China signed a trade agreement.")


@pytest.mark.parametrize("text", [
    "Germany must communicate to France how valuable the treaty is.",
    "Mexico should expel the American ambassador.",
    "The United States needs to meet China soon.",
    "Iran has to release the British sailors.",
    "France ought to sanction Russia.",
])
def test_prescribed_acts_are_no_events(pipeline, text):
    assert _codes(pipeline, text) == []


@pytest.mark.parametrize("text, code", [
    ("Mexico expelled the American ambassador.", "16"),
    ("The United States met China in Geneva.", "04"),
])
def test_the_same_acts_asserted_are_events(pipeline, text, code):
    codes = [c for _, c, _ in _codes(pipeline, text)]
    assert any(c.startswith(code) for c in codes), codes


@pytest.mark.parametrize("text", [
    "\"Taxes will rise,\" said Alan Cole, an economist at the Tax Foundation's policy center.",
    "Economist Alan Cole of the Tax Foundation said taxes would rise.",
])
def test_a_private_expert_speaking_makes_no_statement(pipeline, text):
    assert not [c for _, c, _ in _codes(pipeline, text) if c.startswith("01")]


def test_a_political_speaker_makes_a_statement(pipeline):
    assert ("USA", "010", None) in _codes(pipeline, "\"Taxes will rise,\" said Senator Ted Cruz.")


def test_a_headline_verb_tagged_as_a_plural_noun_is_read_as_the_verb(pipeline):
    # the tagger reads "questions" as a noun, the parser gives it a direct object: it is the verb
    codes = _codes(pipeline, "Angela Merkel questions the legitimacy of the Russian election.")
    assert [(s, c[:2]) for s, c, _ in codes] == [("DEU", "11")]


@pytest.mark.parametrize("text", [
    "Congress has the right for its committees to question the generals.",  # the infinitive hangs on a noun
    "Chinese investors look to buy American companies.",  # bare "look" is no investigation ("look into" is)
])
def test_no_event_from_a_right_to_act_or_from_looking_to_act(pipeline, text):
    assert not [c for _, c, _ in _codes(pipeline, text) if c.startswith("09")]


def test_looking_into_is_an_investigation(pipeline):
    assert [c for _, c, _ in _codes(pipeline, "The FBI looked into the incident.")] == ["090"]


@pytest.mark.parametrize("text", [
    "Senator Ted Cruz's plan would cut aid to Egypt.",
    "Under the proposal, Germany would expel the Russian ambassador.",
])
def test_an_unreported_would_is_conditional_not_an_event(pipeline, text):
    assert _codes(pipeline, text) == []


@pytest.mark.parametrize("text, code", [
    ("Iraq said it would allow the return of U.N. weapons inspectors.", "03"),
    ("Russia would send troops to Syria, the Kremlin announced.", "13"),
])
def test_a_reported_would_is_an_intent(pipeline, text, code):
    assert any(c.startswith(code) for _, c, _ in _codes(pipeline, text))


@pytest.mark.parametrize("text", [
    "Barack Obama recognized the Muslim holiday of Eid.",
    "Joe Biden called the meeting productive.",
])
def test_a_call_or_recognition_of_no_one_is_no_call_or_recognition(pipeline, text):
    assert not [c for _, c, _ in _codes(pipeline, text) if c in ("041", "054")]


@pytest.mark.parametrize("text, event", [
    ("Sweden recognized Palestine in 2014.", ("SWE", "054", "PSE")),
    ("Joe Biden called Xi Jinping on Monday.", ("USA", "041", "CHN")),
])
def test_a_call_or_recognition_of_an_actor_stays(pipeline, text, event):
    assert event in _codes(pipeline, text)


def test_a_ruled_out_default_leaves_no_fallback_to_an_absent_preposition(pipeline):
    # "engage" with an abstract object is no fighting, and "engage WITH" (absent) is no consultation
    assert _codes(pipeline, "The Labour Party engaged in fraud in London.") == []
    assert ("IRN", "040", "IGO") in [(s, c, (t or "")[:3]) for s, c, t in
                                     _codes(pipeline, "Iran engaged with the European Union on Monday.")]


@pytest.mark.parametrize("text", [
    "The governor hosted his annual Fourth of July barbecue in Austin.",
    "Governor Greg Abbott hosted a dinner for donors.",
    "Prime Minister Modi hosted a reception in New Delhi.",
])
def test_hosting_a_party_is_no_visit(pipeline, text):
    assert not [c for _, c, _ in _codes(pipeline, text) if c == "043"]


@pytest.mark.parametrize("text, target", [
    ("President Biden hosted Japanese Prime Minister Fumio Kishida at the White House.", "JPN"),
    ("Egypt hosted a delegation from Hamas.", "PSE"),
    ("China hosted the summit of Asian leaders.", None),  # a meeting stands for its participants
])
def test_hosting_visitors_or_their_meeting_is_a_visit(pipeline, text, target):
    assert any(c == "043" and t == target for _, c, t in _codes(pipeline, text))


@pytest.mark.parametrize("text", [
    "Senator Warren's statement was vague.",
    "Economist Jane Roe said Senator Warren's statement did not clarify the matter.",
])
def test_a_statement_the_clause_judges_is_no_statement_event(pipeline, text):
    assert not [c for _, c, _ in _codes(pipeline, text) if c.startswith("01")]


def test_a_statement_that_says_something_is_still_one(pipeline):
    assert any(c.startswith("01") for _, c, _ in _codes(
        pipeline, "A statement from the Iranian foreign ministry said the talks would resume."))


def test_agreeing_that_something_is_so_is_no_intent_to_cooperate(pipeline):
    assert not [c for _, c, _ in _codes(pipeline, "Senate Republicans agreed the bill was flawed.") if c.startswith("03")]
    # agreeing on what will be done still is
    codes = [c for _, c, _ in _codes(pipeline, "Russia and Ukraine agreed that prisoners will be exchanged.")]
    assert any(c.startswith("03") for c in codes), codes


@pytest.mark.parametrize("text", [
    "The audit was released by the Justice Department on Monday.",
    "The Justice Department released the audit on Monday.",
])
def test_releasing_a_document_is_no_release_of_people(pipeline, text):
    assert not [c for _, c, _ in _codes(pipeline, text) if c == "0841"]


@pytest.mark.parametrize("text, source, target", [
    ("Iran released two American sailors.", "IRN", "USA"),
    ("Russia freed the jailed American journalist.", "RUS", "USA"),
    ("Iran released dozens of American prisoners.", "IRN", "USA"),  # what a partitive counts is acted on
    ("Russia released two of the Ukrainian sailors.", "RUS", "UKR"),
])
def test_releasing_people_is_a_release(pipeline, text, source, target):
    assert (source, "0841", target) in _codes(pipeline, text)
