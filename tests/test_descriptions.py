"""A person the KB does not know is coded from the structure of their description (actors/descriptions.py).

Each class: the head noun of the description gives the role, its own modifiers refine it (a private
domain, a sector, "former"/"retired"), whom the person serves wins over the noun alone, and clauses
attached to the description (relative clauses, quotes) give neither a role nor a country.
"""
from __future__ import annotations

import pytest

from dyad import Article
from dyad.events.political import political


def _doc(pipeline, text, published="2016-05-10"):
    return pipeline.process(Article(text=text, published=published))


def _person(doc, text, name):
    pos = text.index(name)
    return next(a for a in doc.actors for m in a.mentions if m.start == pos)


def _statements(doc, actor):
    return [e for e in doc.events if e.root == "01" and e.source == actor.id]


@pytest.mark.parametrize("text, name, role", [
    ('"Rates will rise," said Dale Ortiz, a financial adviser in Tulsa.', "Dale Ortiz", "BUS"),
    ('"Buy bonds now," said Mira Salo, an investment adviser at a small firm in Denver.', "Mira Salo", "BUS"),
    ("Tom Hallock, a wealth adviser in Boise, told clients to wait.", "Tom Hallock", "BUS"),
])
def test_a_modifier_naming_a_private_domain_is_not_a_government_role(pipeline, text, name, role):
    doc = _doc(pipeline, text)
    actor = _person(doc, text, name)
    assert actor.role == role, (actor.code, actor.link)
    assert not _statements(doc, actor)  # a private adviser's words are no statement event


@pytest.mark.parametrize("text, name, wrong_role, wrong_country", [
    # a quote's words on the line after "― Name" describe nobody
    ("\u201cHe lies every day.\u201d \u2015 Rosa Delgado\n\u201cThe most unqualified man to ever run for governor.\u201d"
     " \u2015 Ana Ruiz", "Rosa Delgado", "GOV", None),
    # what a relative clause says the person did is not what they are
    ("Pete Amundsen, a retired plumber who once ran for mayor, said the vote was rigged.", "Pete Amundsen", "GOV", None),
    ("Nora Blythe, a nurse who worked in Kenya for a decade, said the clinic was closing.", "Nora Blythe", None, "KEN"),
    ("Ivo Brandt, a baker who fled Syria in 2015, said prices had doubled.", "Ivo Brandt", None, "SYR"),
])
def test_clauses_attached_to_a_description_give_no_role_or_country(pipeline, text, name, wrong_role, wrong_country):
    actor = _person(_doc(pipeline, text), text, name)
    assert wrong_role is None or actor.role != wrong_role, (actor.code, actor.link)
    assert wrong_country is None or actor.country != wrong_country, (actor.code, actor.link)


def test_an_aide_named_for_a_politician_takes_the_politicians_country_not_a_clauses(pipeline):
    text = ("Hillary Clinton spoke in Ohio on Monday. Dana Pike, a former Clinton aide who traveled with her "
            "to Nairobi in 2012, said the visit mattered.")
    doc = _doc(pipeline, text)
    actor = _person(doc, text, "Dana Pike")
    assert actor.country == "USA", (actor.code, actor.link)
    assert actor.role == "ELI", (actor.code, actor.link)  # a former aide: an elite, not the state's agent
    assert political(actor)


@pytest.mark.parametrize("text, name, head", [
    ('"We were ignored," said Lena Voss, a Tulsa-based president of the Oklahoma Black Women Caucus.',
     "Lena Voss", "caucus"),
    # an organisation whose name says nothing of its kind: still no government's president
    ('"We were ignored," said Tova Brik, the president of the Riverside Parents League.', "Tova Brik", None),
])
def test_the_head_of_an_organisation_takes_the_organisations_role(pipeline, text, name, head):
    actor = _person(_doc(pipeline, text), text, name)
    expected = pipeline.kb.role_noun(head) if head else None
    assert actor.role == expected, (actor.code, actor.link)


@pytest.mark.parametrize("text, name, country", [
    ('"The fleet is too small," said Jan de Wit, a retired Dutch admiral.', "Jan de Wit", "NLD"),
    ("Retired British Army Maj. Gen. Walt Kessler said the base should close.", "Walt Kessler", "GBR"),
    ('"The plan is reckless," said Ines Moreau, a former French diplomat.', "Ines Moreau", "FRA"),
    ("Meg Cory, a former Treasury official, said the tax was unfair.", "Meg Cory", None),
])
def test_a_former_or_retired_officer_is_an_elite_not_a_serving_agent(pipeline, text, name, country):
    actor = _person(_doc(pipeline, text), text, name)
    assert (actor.country, actor.role) == (country, "ELI"), (actor.code, actor.link)


def test_a_retired_officer_who_works_at_an_organisation_now_takes_its_role(pipeline):
    text = ('"Our borders are open," said Arne Lund, a retired Danish colonel who works on arms control '
            "at the Copenhagen-based Nordic Security Institute.")
    actor = _person(_doc(pipeline, text), text, "Arne Lund")
    assert actor.role == "EDU", (actor.code, actor.link)  # a research institute's, not the army's


@pytest.mark.parametrize("text, name", [
    ('"He is a fraud," said Sanders critic Leo Varga.', "Leo Varga"),
    ('Bernie Sanders spoke in Iowa. "He is a fraud," said Leo Varga, a longtime Sanders critic.', "Leo Varga"),
    ('"The vote was rigged," said Kremlin critic Ilya Sorokin.', "Ilya Sorokin"),
])
def test_a_critic_or_supporter_of_a_politician_takes_no_role_from_the_politician(pipeline, text, name):
    doc = _doc(pipeline, text)
    actor = _person(doc, text, name)
    assert actor.role not in ("OPP", "LEG", "GOV", "PTY"), (actor.code, actor.link)
    assert actor.country is None, (actor.code, actor.link)
    assert not _statements(doc, actor)


def test_an_outside_adviser_is_no_member_of_what_they_advise(pipeline):
    text = '"The numbers work," said Omar Reyes, an outside adviser to the campaign on trade policy.'
    doc = _doc(pipeline, text)
    actor = _person(doc, text, "Omar Reyes")
    assert actor.role is None, (actor.code, actor.link)
    assert not _statements(doc, actor)


def test_a_political_adviser_is_political_whoever_employs_them(pipeline):
    text = '"The numbers work," said Omar Reyes, a political consultant to the Whitcombe family.'
    actor = _person(_doc(pipeline, text), text, "Omar Reyes")
    assert political(actor), (actor.code, actor.link)


@pytest.mark.parametrize("text, name, role", [
    # an organisation named before a noun of service, hyphenated name and all: the person is its
    ('"We will strike," said Ohio AFL-CIO President Dora Vance.', "Dora Vance", "LAB"),
    # a trade of one's own stands beside the organisation it is practised at
    ('"Turnout will be low," said Ada Pryce, a fellow at the Kellerman Council on Trade.', "Ada Pryce", "EDU"),
])
def test_an_organisation_in_a_description_and_a_trade_of_ones_own(pipeline, text, name, role):
    actor = _person(_doc(pipeline, text), text, name)
    assert actor.role == role, (actor.code, actor.link)


@pytest.mark.parametrize("text, name", [
    # a KB politician named before the noun, though the article never names them in full
    ('"We are ahead," said Clinton campaign spokesman Dan Roe.', "Dan Roe"),
    ('"We are ahead," said Dan Roe, a Clinton campaign spokesman.', "Dan Roe"),
])
def test_a_politicians_name_before_a_noun_of_service_gives_their_country(pipeline, text, name):
    actor = _person(_doc(pipeline, text), text, name)
    assert (actor.country, actor.role) == ("USA", "PTY"), (actor.code, actor.link)  # the campaign's, in her country
