"""The quotes stage: direct quotes in every common style, indirect speech, speakers resolved to
canonical actors, and bad quotation marks that are reported, never fatal.

Every text here is written for the test; the pipeline is the real one (spaCy model, knowledge base).
"""
from __future__ import annotations

import pytest

from dyad import Article
from dyad.quotes import QuoteStage, find_marked

DATE = "2023-06-19"


def run(pipeline, text: str, published: str = DATE):
    doc = pipeline.process(Article(text=text, published=published))
    for q in doc.quotes:  # the contract, on every test
        assert doc.text[q.start:q.end] == q.text and q.text.strip()
        assert q.kind in ("direct", "indirect", "mixed")
        if q.cue_start is not None:
            assert q.cue and doc.text[q.cue_start:q.cue_end] == q.cue
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(doc.text)
        assert q.speaker is None or doc.actor(q.speaker) is not None
    return doc


def quote(doc, fragment: str):
    """The one quote whose text holds `fragment`."""
    hits = [q for q in doc.quotes if fragment in q.text]
    assert len(hits) == 1, (fragment, [(q.kind, q.text) for q in doc.quotes])
    return hits[0]


def speaker(doc, q) -> str | None:
    actor = doc.actor(q.speaker)
    return actor.name if actor else None


def said_by(doc, q) -> str:
    return doc.text[q.speaker_start:q.speaker_end]


# -- direct quotes, every style ---------------------------------------------------------------

def test_curly_quote_with_cue_after(pipeline):
    doc = run(pipeline, "“We will not give in to pressure,” Emmanuel Macron said on Tuesday.")
    q = quote(doc, "give in")
    assert q.text == "We will not give in to pressure,"
    assert q.kind == "direct" and q.cue == "said"
    assert speaker(doc, q) == "Emmanuel Macron" and said_by(doc, q) == "Emmanuel Macron"


def test_straight_quote_with_cue_before_a_colon(pipeline):
    doc = run(pipeline, 'Antony Blinken told reporters in Beijing: "We have no illusions about the difficulties."')
    q = quote(doc, "no illusions")
    assert q.text == "We have no illusions about the difficulties."
    assert q.kind == "direct" and q.cue == "told" and speaker(doc, q) == "Antony Blinken"


@pytest.mark.parametrize("text", [
    "‘We will not back down on Ukraine,’ Rishi Sunak said after the summit.",
    "'We will not back down on Ukraine,' Rishi Sunak said after the summit.",
])
def test_single_quotes_curly_and_straight(pipeline, text):
    doc = run(pipeline, text)
    q = quote(doc, "back down")
    assert q.text == "We will not back down on Ukraine,"
    assert speaker(doc, q) == "Rishi Sunak"


def test_guillemets(pipeline):
    doc = run(pipeline, "The chancellor was blunt. «We will not be blackmailed over gas,» Olaf Scholz told reporters.")
    q = quote(doc, "blackmailed")
    assert q.text == "We will not be blackmailed over gas,"
    assert speaker(doc, q) == "Olaf Scholz"


def test_mixed_styles_in_one_article(pipeline):
    text = ("“The alliance is united,” Jens Stoltenberg said.\n\n"
            '"We will keep supporting Kyiv," Olaf Scholz said.\n\n'
            "«Europe must do more for its own defence,» Emmanuel Macron said.")
    doc = run(pipeline, text)
    found = {speaker(doc, q): q.text for q in doc.quotes}
    assert found == {"Jens Stoltenberg": "The alliance is united,", "Olaf Scholz": "We will keep supporting Kyiv,",
                     "Emmanuel Macron": "Europe must do more for its own defence,"}


def test_multi_sentence_quote_is_one_quote(pipeline):
    doc = run(pipeline, "“We came here to talk. We made real progress. More work remains,” Antony Blinken said.")
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert q.text == "We came here to talk. We made real progress. More work remains,"
    assert speaker(doc, q) == "Antony Blinken"


def test_quote_continued_across_paragraphs(pipeline):
    text = ("Xi Jinping met Antony Blinken in Beijing on Monday.\n\n"
            "“The two sides have made progress on some specific issues. We hope the visit will help stabilise relations.\n\n"
            "“China has never sought to challenge the United States,” Xi said.")
    doc = run(pipeline, text)
    q = quote(doc, "specific issues")
    assert q.text.startswith("The two sides") and q.text.endswith("challenge the United States,")
    assert "\n\n" in q.text  # one quote over both paragraphs
    assert speaker(doc, q) == "Xi Jinping" and q.cue == "said"


def test_split_quote_has_one_speaker_and_one_cue(pipeline):
    doc = run(pipeline, "“We made progress,” Antony Blinken said, “but there is still a long way to go.”")
    first, second = quote(doc, "made progress"), quote(doc, "long way")
    assert first.text == "We made progress," and second.text == "but there is still a long way to go."
    assert speaker(doc, first) == speaker(doc, second) == "Antony Blinken"
    assert first.cue_start == second.cue_start and first.cue == "said"


def test_cue_in_the_middle_of_a_sentence_before_the_quote(pipeline):
    doc = run(pipeline, "However, Antony Blinken added, “It is the responsibility of both countries to find a way forward.”")
    q = quote(doc, "responsibility")
    assert speaker(doc, q) == "Antony Blinken" and q.cue == "added"


def test_pronoun_cue_resolves_to_the_speaker_not_the_last_name(pipeline):
    text = ("Antony Blinken denied that the United States was trying to contain China, as Xi Jinping has claimed.\n\n"
            "“We will take the steps necessary to protect our national security,” he said.")
    doc = run(pipeline, text)
    q = quote(doc, "national security")
    assert said_by(doc, q) == "he" and speaker(doc, q) == "Antony Blinken"


def test_he_added_in_the_next_sentence(pipeline):
    text = ("Antony Blinken spoke to reporters after the meeting. “We do not support Taiwan independence.” "
            "He added that Washington's policy had not changed.")
    doc = run(pipeline, text)
    q = quote(doc, "Taiwan independence")
    assert q.kind == "direct" and speaker(doc, q) == "Antony Blinken" and q.cue == "added"


def test_floating_quote_continues_the_previous_speaker(pipeline):
    text = ("Wang Yi met Antony Blinken on Monday. Wang said the United States must respect China's interests.\n\n"
            "“Dialogue is better than confrontation, and cooperation is better than conflict.”\n\n"
            "The meeting lasted three hours.")
    doc = run(pipeline, text)
    q = quote(doc, "Dialogue is better")
    assert q.kind == "direct" and speaker(doc, q) == "Wang Yi"


def test_later_quote_in_paragraph_continues_its_speaker(pipeline):
    doc = run(pipeline, "“China has not agreed to this,” Antony Blinken said. “I think that is an issue we have to keep working on.”")
    q = quote(doc, "keep working on")
    assert speaker(doc, q) == "Antony Blinken"


def test_partial_quotes_inside_reported_speech(pipeline):
    text = "Antony Blinken met Qin Gang on Sunday. He described the talks as “candid” and “constructive”."
    doc = run(pipeline, text)
    q = quote(doc, "candid")
    assert q.kind == "mixed" and q.text == "the talks as “candid” and “constructive”"
    assert speaker(doc, q) == "Antony Blinken" and q.cue == "described"
    assert not any(x.text == "candid" for x in doc.quotes)  # part of the mixed quote, not a second one


# -- indirect speech ----------------------------------------------------------------------------

def test_indirect_say(pipeline):
    doc = run(pipeline, "Antony Blinken said the United States is ready to cooperate with China on climate change.")
    q = quote(doc, "ready to cooperate")
    assert q.kind == "indirect" and q.cue == "said"
    assert q.text == "the United States is ready to cooperate with China on climate change"
    assert speaker(doc, q) == "Antony Blinken"


def test_indirect_reported_clause_before_the_cue(pipeline):
    doc = run(pipeline, "The talks were candid and constructive, Antony Blinken said on Monday.")
    q = quote(doc, "candid")
    assert q.kind == "indirect" and q.text == "The talks were candid and constructive"
    assert speaker(doc, q) == "Antony Blinken"


def test_indirect_tell_that(pipeline):
    doc = run(pipeline, "Wang Huiyao, director of the China and Globalization Center, told NBC News that the visit was a good start.")
    q = quote(doc, "good start")
    assert q.kind == "indirect" and q.cue == "told" and q.text == "the visit was a good start"
    assert speaker(doc, q) == "Wang Huiyao"
    assert not any("NBC" in x.text for x in doc.quotes)  # the one told is not what was said


def test_according_to_a_statement_by_an_organisation(pipeline):
    doc = run(pipeline, "Beijing is not willing to exclude the United States, according to a statement by China's foreign ministry.")
    q = quote(doc, "not willing")
    assert q.kind == "indirect" and q.cue == "according to"
    assert q.text == "Beijing is not willing to exclude the United States"
    actor = doc.actor(q.speaker)
    assert actor is not None and actor.kind in ("organization", "group") and actor.country == "CHN"
    assert "foreign ministry" in said_by(doc, q)


def test_organisation_speaker_and_its_definite_mention(pipeline):
    text = ("China's foreign ministry said in a statement that the visit was constructive. "
            "The ministry added that talks on trade would continue.")
    doc = run(pipeline, text)
    first, second = quote(doc, "constructive"), quote(doc, "would continue")
    assert first.text == "the visit was constructive" and second.text == "talks on trade would continue"
    assert first.speaker is not None and first.speaker == second.speaker
    assert doc.actor(first.speaker).country == "CHN"


def test_two_people_named_wang_keep_their_own_quotes(pipeline):
    text = ("Antony Blinken held talks with China's top diplomat, Wang Yi, on Monday. "
            "Wang said the United States must stop interfering in China's affairs.\n\n"
            "Wang Huiyao, director of the China and Globalization Center, a Beijing think tank, said the visit was a good start.\n\n"
            "“There are many complex issues that cannot be resolved in one visit,” Wang told NBC News.")
    doc = run(pipeline, text)
    assert speaker(doc, quote(doc, "stop interfering")) == "Wang Yi"
    assert speaker(doc, quote(doc, "good start")) == "Wang Huiyao"
    assert speaker(doc, quote(doc, "complex issues")) == "Wang Huiyao"


def test_role_noun_speaker(pipeline):
    text = ("Secretary of State Antony Blinken arrived in Beijing on Sunday. "
            "The secretary said the talks with his Chinese hosts had been useful.")
    doc = run(pipeline, text)
    q = quote(doc, "had been useful")
    assert said_by(doc, q) == "The secretary" and speaker(doc, q) == "Antony Blinken"


def test_transcript_labels_and_signatures(pipeline):
    text = ("Partial transcript:\n\n"
            "HOST: Will the senator attend the debate tomorrow night?\n\n"
            "GUEST: She will not be attending, and she has said so many times.\n\n"
            "HOST: Then why did the campaign announce it?\n\n"
            "Readers wrote in.\n\n"
            "“The debate was a disgrace to both parties and to the voters.” ― Maria Lopez")
    doc = run(pipeline, text)
    turns = [q for q in doc.quotes if q.cue == ":"]
    assert [(q.speaker_name, q.text.split()[0]) for q in turns] == [("HOST", "Will"), ("GUEST", "She"), ("HOST", "Then")]
    q = quote(doc, "disgrace")
    assert q.speaker_name == "Maria Lopez" and q.cue == "―"


def test_a_headline_naming_a_person_and_a_topic_before_a_colon_quotes_that_person(pipeline):
    text = ("Merkel on Migration: The Numbers Are 'Manageable'\n"
            "BERLIN - Chancellor Angela Merkel spoke about refugees in Berlin on Monday.")
    q = quote(run(pipeline, text), "Numbers")
    assert q.cue == ":" and q.speaker_name == "Angela Merkel" and q.text.startswith("The Numbers")
    # no person before the topic, or the form below the headline: no speaker
    doc = run(pipeline, "Weather on Monday: Rain and Wind\nIt rained in London.")
    assert not any(q.cue == ":" for q in doc.quotes)
    doc = run(pipeline, "Talks resumed in Berlin.\nMerkel on Migration: The Numbers Are Manageable\n"
                        "Chancellor Angela Merkel spoke about refugees.")
    assert not any(q.cue == ":" for q in doc.quotes)


# -- bad marks: extract what is certain, report the rest, never raise ----------------------------

def test_inch_marks_are_not_quotes(pipeline):
    doc = run(pipeline, 'The company said its new television has a 55" screen and a 12" soundbar.')
    assert not any(q.kind == "direct" for q in doc.quotes)
    assert any("inch" in w for w in doc.warnings)
    q = quote(doc, "television")
    assert q.kind == "indirect"  # the reported clause is still there, marks and all


def test_inch_mark_inside_a_straight_quote(pipeline):
    doc = run(pipeline, '"We installed a 55" screen in every classroom," Olaf Scholz said.')
    q = quote(doc, "classroom")
    assert q.text == 'We installed a 55" screen in every classroom,' and speaker(doc, q) == "Olaf Scholz"
    assert any("inch" in w for w in doc.warnings)


def test_missing_closing_mark_before_the_cue(pipeline):
    doc = run(pipeline, "Antony Blinken spoke briefly.\n\n“We will keep talking, he said. Nobody expected a breakthrough.")
    q = quote(doc, "keep talking")
    assert q.text == "We will keep talking," and speaker(doc, q) == "Antony Blinken"
    assert any("never closed" in w for w in doc.warnings)


def test_unclosed_mark_that_is_not_certain_is_only_reported(pipeline):
    doc = run(pipeline, 'Officials said "the deal was close. Then the talks collapsed on Friday.')
    assert not any(q.kind == "direct" for q in doc.quotes)
    assert any("never closed" in w for w in doc.warnings)


def test_stray_closing_mark_and_nested_marks(pipeline):
    doc = run(pipeline, 'The summit ended early.” "We are ready," Olaf Scholz said. "We are "very" ready."')
    assert any("no opening mark" in w for w in doc.warnings)
    assert speaker(doc, quote(doc, "We are ready")) == "Olaf Scholz"
    assert quote(doc, "very").text == 'We are "very" ready.'


def test_scare_quotes_are_left_out_and_reported(pipeline):
    doc = run(pipeline, "The so-called “progress” was minimal, and the “reset” never came.")
    assert doc.quotes == []
    assert any("scare quotes" in w and "progress" in w for w in doc.warnings)


def test_titles_are_not_quotes(pipeline):
    doc = run(pipeline, "Olaf Scholz spoke on ARD's “Report from Berlin” programme on Sunday.")
    assert doc.quotes == []


@pytest.mark.parametrize("text", [
    '"', "“", "”", '""', "“”", "''", "``", '"a"', "“He said “no” and “yes”", 'x"' * 40, "“" * 60,
    'He is 6\'2" tall and said "hi', '\n\n\n"\n\n"', "«Non» a dit le président. »Ja« sagte er.", "„Nein“, sagte sie.",
    "“Unclosed at the end", "’Tis the season, ’90s style, rock ’n’ roll, the voters’ choice.",
    "He said: “First.\n\nSecond paragraph without a mark.\n\n“Third,” he said.”",
])
def test_odd_marks_never_raise(pipeline, text):
    from dyad import nlp

    doc = nlp.parse(text)  # straight to the stage: the input checks would refuse some of these texts
    warnings: list[str] = []
    quotes = pipeline.quotes(doc, pipeline.actors(doc, DATE), warnings)
    assert not any("attribution failed" in w for w in warnings)
    for q in quotes:
        assert text[q.start:q.end] == q.text and q.text.strip()


def test_find_marked_pairs_by_shape_and_context():
    warnings: list[str] = []
    text = 'He said "yes" and ‘no’ and «peut-être», then 12" later “maybe'
    spans = [text[q.start:q.end] for q in find_marked(text, warnings)]
    assert spans == ["yes", "no", "peut-être"]
    assert any("inch" in w for w in warnings) and any("never closed" in w for w in warnings)


def test_reporting_lexicon_is_data(pipeline, tmp_path):
    lex = tmp_path / "reporting.yaml"
    lex.write_text("speech: [say]\nbelief: []\ninfinitive: []\nobject: {}\naddressee: []\nphrases: []\nnouns: []\n")
    text = "Antony Blinken warned that the relationship was at a dead end."
    doc = pipeline.process(Article(text=text, published=DATE))
    assert quote(doc, "dead end").cue == "warned"
    from dyad import nlp

    parsed = nlp.parse(text)
    resolver = pipeline.actors(parsed, DATE)
    assert QuoteStage(lexicon_path=str(lex))(parsed, resolver, []) == []  # "warn" is not in this lexicon
