"""Statements (CAMEO 01x) from attributed quotes, unnamed actors placed by the article, and no event
where nothing political happened. Real spaCy parse, real knowledge base; sentences written here."""
from __future__ import annotations

from pathlib import Path

import pytest

from dyad.types import Article

PUB = "2023-06-21"


def events(pipeline, text: str, published: str = PUB):
    return pipeline.process(Article(text=text, published=published)).events


def coded(pipeline, text: str, published: str = PUB) -> list[tuple]:
    return [(e.source_code, e.cameo, e.target_code) for e in events(pipeline, text, published)]


# -- statements -----------------------------------------------------------------------------------
def test_an_attributed_quote_of_a_political_actor_is_a_statement(pipeline):
    got = coded(pipeline, "\u201cThe talks were useful,\u201d the Japanese foreign minister said on Tuesday.")
    assert [(s, c) for s, c, _ in got] == [("JPNGOV", "010")]


@pytest.mark.parametrize("text, code", [
    ("The German chancellor warned that the economy would shrink.", "012"),
    ("The French president said he hoped the summit would succeed.", "013"),
    ("The Indian government is considering new export rules, the trade minister said.", "014"),
    ("The Kenyan government denied that its troops had crossed the border.", "016"),
    ("The Italian prime minister declined to comment on the report.", "011"),
    ("The Polish president hoped that the vote would be fair.", "013"),
])
def test_the_cue_chooses_the_statement_code(pipeline, text, code):
    got = [e for e in events(pipeline, text) if e.root == "01"]
    assert got and got[0].cameo == code, [(e.source_code, e.cameo, e.trigger) for e in events(pipeline, text)]


def test_addressee_is_the_target_but_reporters_are_not(pipeline):
    got = [e for e in events(pipeline, "The Brazilian president assured Argentina that the border would stay open.")
           if e.root == "01"]
    assert [(e.source_country, e.target_country) for e in got] == [("BRA", "ARG")]
    got = events(pipeline, "The Brazilian president assured reporters that the border would stay open.")
    assert [(e.source_country, e.root, e.target) for e in got] == [("BRA", "01", None)]


def test_otherwise_the_target_is_the_political_actor_the_statement_is_about(pipeline):
    got = events(pipeline, "\u201cEgypt has been a reliable partner,\u201d the Saudi foreign minister said.")
    assert [(e.source_country, e.root, e.target_country) for e in got] == [("SAU", "01", "EGY")]


def test_one_statement_per_speaker_and_sentence(pipeline):
    text = ("\u201cWe are ready,\u201d the Greek prime minister said, \u201cand we will not wait.\u201d "
            "He said later that the plan was final.")
    got = [e for e in events(pipeline, text) if e.root == "01"]
    assert len({e.start for e in got}) == len(got)  # no sentence holds two statements of the same speaker
    assert got and all(e.source_country == "GRC" for e in got)


def test_a_more_specific_event_of_the_clause_wins(pipeline):
    got = coded(pipeline, "The Turkish president accused Greece of violating its airspace, officials said.")
    assert ("TURGOV", "112", "GRC") in got or any(c.startswith("11") for _, c, _ in got)
    assert not any(c.startswith("01") and s == "TURGOV" for s, c, _ in got)


def test_statements_of_private_people_are_no_events(pipeline):
    assert coded(pipeline, "\u201cThe coffee was cold,\u201d said Mary Jones, a teacher in Ohio.") == []
    assert coded(pipeline, "An economist at a Canadian bank said prices would rise.") == []


def test_not_saying_is_no_comment_and_a_hypothetical_cue_no_statement(pipeline):
    assert coded(pipeline, "The Dutch king did not say whether he would attend.") == [("NLDGOV", "011", None)]
    assert not any(e.root == "01" for e in events(pipeline, "If the Spanish premier says the vote is illegal, "
                                                            "the Catalan police will close the schools."))


def test_the_seed_article_keeps_its_events_and_gains_statements_without_one_per_quote(pipeline):
    root = Path(__file__).resolve().parents[1]
    seed = next((p / "shared" / "seed" / "blinken-xi-visit.txt" for p in (root.parent, root.parent.parent)
                 if (p / "shared" / "seed" / "blinken-xi-visit.txt").exists()), None)
    if seed is None:
        pytest.skip("the shared seed article is not beside the checkout")
    doc = pipeline.process(Article(text=seed.read_text(encoding="utf-8"), published="2023-06-19"))
    two = {(e.source_country, e.target_country) for e in doc.events if not e.one_sided and e.root != "01"}
    assert {("USA", "CHN"), ("CHN", "USA")} <= two | {(b, a) for a, b in two}
    statements = [e for e in doc.events if e.root == "01"]
    assert statements
    per_clause = {(e.source, e.start) for e in statements}
    assert len(per_clause) == len(statements)
    quotes_by_coded = [q for q in doc.quotes if q.speaker and doc.actor(q.speaker) and doc.actor(q.speaker).code]
    assert len(statements) < len(quotes_by_coded)


# -- unnamed actors take a country --------------------------------------------------------------------
def test_unnamed_actors_take_the_dateline_country_and_say_so(pipeline):
    doc = pipeline.process(Article(text="LAHORE, Pakistan (Reuters) - Police arrested three protesters on Monday.",
                                   published=PUB))
    assert [(e.source_code, e.root) for e in doc.events] == [("PAKCOP", "17")]
    police = doc.actor(doc.events[0].source)
    assert police.link["method"] == "dateline" and police.code == "PAKCOP"
    assert not any(e.source_name == "Pakistan" or e.target_name == "Pakistan" for e in doc.events)


def test_a_place_in_the_clause_beats_the_dateline(pipeline):
    got = coded(pipeline, "NAIROBI, Kenya (AP) - Police in Kampala arrested two opposition supporters.")
    assert got and got[0][0] == "UGACOP"


def test_unnamed_actors_take_the_country_the_article_is_mostly_about(pipeline):
    text = ("Chile's president met Chile's foreign minister. Chile said the talks went well. "
            "Chile's army held drills. Police arrested a protester.")
    doc = pipeline.process(Article(text=text, published=PUB))
    arrest = [e for e in doc.events if e.root == "17"]
    assert [e.source_code for e in arrest] == ["CHLCOP"]
    assert doc.actor(arrest[0].source).link["method"] == "article"


def test_no_country_is_guessed_without_a_dateline_or_a_main_country(pipeline):
    assert not any(e.source_code and e.source_code.startswith(("USA", "CHL"))
                   for e in events(pipeline, "Police arrested a protester."))


# -- no event where nothing political happened ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "A Spanish company reported record profits and hired three thousand workers.",
    "Two Italian students robbed a shop in Milan.",
    "A Canadian newspaper praised the new film by a French director.",
])
def test_private_actors_among_themselves_make_no_event(pipeline, text):
    assert events(pipeline, text) == []


def test_a_political_side_makes_an_event(pipeline):
    assert any(e.root == "11" for e in events(pipeline, "A Canadian newspaper criticized the Canadian prime minister."))
    assert any(e.root == "17" for e in events(pipeline, "Mexican police arrested two students in Monterrey."))


# -- one-sided events worth keeping ----------------------------------------------------------------------
def test_one_sided_echoes_of_a_two_sided_act_are_dropped(pipeline):
    got = events(pipeline, "Ethiopian troops shelled the Eritrean town of Assab, killing twelve people.")
    assert [(e.source_country, e.root, e.target_country) for e in got] == [("ETH", "19", "ERI")]


def test_words_nobody_spoke_are_no_event(pipeline):
    assert events(pipeline, "The Indian government was praised for its restraint.") == []
    assert events(pipeline, "The Indian government was asked by someone to resume talks.") == []
    assert not any(e.root == "01" for e in events(pipeline, "Kenya was urged to withdraw its troops."))


@pytest.mark.parametrize("text, root", [
    ("\u201cEnd the blockade now,\u201d the Turkish foreign minister urged on Monday.", "02"),
    ("The Turkish foreign minister alleged that Greek ships had entered Turkish waters.", "11"),
])
def test_a_cue_that_is_itself_a_verbal_act_keeps_its_code(pipeline, text, root):
    got = events(pipeline, text)
    assert [e.root for e in got if e.source_country == "TUR"] == [root]


def test_a_speaker_known_only_by_a_political_role_makes_a_statement(pipeline):
    got = events(pipeline, "Sen. Jon Smithers said the bank had failed its customers.")
    assert [(e.source_code, e.root) for e in got] == [("LEG", "01")]


def test_a_headline_of_a_person_on_a_topic_is_that_persons_statement(pipeline):
    text = ("Macron on Europe: The Union Is Stronger Than Ever\n\n"
            "President Emmanuel Macron of France spoke to students in Paris on Monday.")
    got = [e for e in events(pipeline, text) if e.root == "01" and e.trigger == ":"]
    assert [(e.source_country, e.cameo) for e in got] == [("FRA", "010")]
