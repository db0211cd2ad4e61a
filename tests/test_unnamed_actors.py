"""Actors events find where no name is: a political role noun ("officials said", "the ministry
denied", "a union endorsed"), "they" after two people, the receiver of an act it undergoes ("faced
criticism"); and statements whose clause holds only words nobody spoke. Real spaCy parse, real
knowledge base; sentences written here."""
from __future__ import annotations

import pytest

from dyad.types import Article

PUB = "2021-03-02"


def doc_of(pipeline, text: str):
    return pipeline.process(Article(text=text, published=PUB))


def coded(pipeline, text: str) -> list[tuple]:
    return [(e.source_code, e.root, e.target_code) for e in doc_of(pipeline, text).events]


@pytest.mark.parametrize("text, source, root", [
    ("BERLIN \u2014 The administration criticized the court's decision on Tuesday.", "DEUGOV", "11"),
    ("PARIS \u2014 The ministry denied the report on Wednesday.", "FRAGOV", "01"),
    ("OSLO \u2014 Prosecutors appealed the verdict against the two men.", "NORJUD", "02"),
    ("OTTAWA \u2014 A union representing nurses endorsed Justin Trudeau on Friday.", "CANLAB", "05"),
    ("DENVER \u2014 The campaign criticized the new voting rules on Monday.", "USAPTY", "11"),
])
def test_a_role_noun_with_no_actor_takes_the_datelines_country(pipeline, text, source, root):
    got = coded(pipeline, text)
    assert got and got[0][0] == source, got
    assert any(r == root for _, r, _ in got) or root == "02", got


@pytest.mark.parametrize("text", [
    "Pro-market plan draws fire from all sides\n\nBERLIN, March 3 (Reuters) - The ministry denied the report.",
    "Critics attack the plan: a long headline that runs on and on\n\nBERLIN \u2015 The ministry denied the report.",
])
def test_the_datelines_country_is_read_after_a_headline(pipeline, text):
    doc = doc_of(pipeline, text)
    placed = [doc.actor(e.source) for e in doc.events if e.source_code == "DEUGOV"]
    assert placed and placed[0].link["method"] == "dateline", [(e.source_code, e.cameo) for e in doc.events]


def test_the_placed_group_is_one_actor_per_phrase_and_says_how_it_was_placed(pipeline):
    doc = doc_of(pipeline, "LIMA, Peru (AP) \u2014 Officials met protest leaders on Friday. "
                           "The officials said the talks would continue.")
    groups = {e.source for e in doc.events if e.source_code == "PERGOV"}
    assert len(groups) == 1 and len(doc.events) >= 2
    officials = doc.actor(groups.pop())
    assert officials.link["method"] == "dateline" and len(officials.mentions) == 2


@pytest.mark.parametrize("text", [
    "Officials said the border would reopen on Monday.",  # no dateline, no country in the story
    "MADRID \u2014 Analysts said the euro would fall.",  # a role, but not a political one
    "MADRID \u2014 No officials attended the ceremony.",
])
def test_no_event_from_a_role_noun_without_a_country_or_a_political_role(pipeline, text):
    assert coded(pipeline, text) == []


def test_a_role_only_organisation_is_no_place_for_a_group(pipeline):
    got = coded(pipeline, "The Greek prime minister said that volunteers in the Senate will help him.")
    assert all(s is None or s.startswith("GRC") for s, _, _ in got) and all(
        t is None or t.startswith("GRC") for _, _, t in got), got


@pytest.mark.parametrize("text, source", [
    ("Angela Merkel said that many members would support her in the vote.", "DEUGOV"),
    ("Rep. Gregory Meeks said members will help him raise cash.", "USALEG"),
])
def test_words_nobody_spoke_do_not_cover_a_statement(pipeline, text, source):
    # the support has no named giver, so it is no event: the saying is the event of the sentence
    assert [(s, r) for s, r, _ in coded(pipeline, text)] == [(source, "01")]


def test_they_after_two_people_named_as_one_subject_is_them(pipeline):
    text = ("Sen. Chuck Grassley and Sen. Patrick Leahy say other changes are needed. "
            "The program has grown too large, they say.")
    doc = doc_of(pipeline, text)
    second = [e for e in doc.events if e.start >= text.index("The program")]
    assert [(e.source_code, e.root) for e in second] == [("USALEG", "01")]


@pytest.mark.parametrize("text", [
    "Sen. Chuck Grassley met Sen. Patrick Leahy on Monday. The program has grown too large, they say.",
    "Two farmers and a teacher were interviewed. The program has grown too large, they say.",
])
def test_they_is_no_pair_of_people_who_were_not_a_subject_together(pipeline, text):
    doc = doc_of(pipeline, text)
    assert not [e for e in doc.events if e.start >= text.index("The program")]


@pytest.mark.parametrize("text, want", [
    ("The Brazilian president drew criticism from Argentina over the plan.", ("ARG", "11", "BRAGOV")),
    ("The Brazilian president won praise from Argentina for the deal.", ("ARG", "05", "BRAGOV")),
    ("The Brazilian president has faced sharp criticism for failing to act.", (None, "11", "BRAGOV")),
])
def test_an_act_undergone_targets_the_subject_of_face_draw_or_win(pipeline, text, want):
    assert coded(pipeline, text) == [want]


def test_facing_something_that_is_no_act_is_no_event(pipeline):
    assert coded(pipeline, "The Brazilian president faced a vote on Tuesday.") == []


def test_a_reports_finding_is_its_authors_statement_but_a_polls_is_none(pipeline):
    got = coded(pipeline, "An Interior Department report released last year found that the agency had lost track of the money.")
    assert [(s[:3], r) for s, r, _ in got] == [("USA", "01")]
    assert coded(pipeline, "A Pentagon survey found that most soldiers want longer leave.") == []
    assert coded(pipeline, "The senator believes that the program has failed.") == []


@pytest.mark.parametrize("text", [
    "A Gallup poll found that many Republicans abandoned the party over the summer.",
    "According to a new survey, Democrats attacked the plan more often than Republicans.",
    "Poll: Hispanic Voters Abandon Democrats for Donald Trump.",  # a headline labelled by its source
    "New Survey: Most Americans Oppose the Iran Nuclear Deal.",
])
def test_what_a_poll_found_is_its_result_not_an_event(pipeline, text):
    assert coded(pipeline, text) == []


def test_the_same_act_said_by_a_person_is_still_coded(pipeline):
    got = coded(pipeline, "The senator said that many Republicans abandoned the party over the summer.")
    assert [r for _, r, _ in got] == ["08"]
    got = coded(pipeline, "Senator Ted Cruz: Democrats Abandon Working Families.")  # a headline labelled by a person
    assert [r for _, r, _ in got] == ["08"]
