"""PETRARCH dictionaries read as dyad's own: verb dictionaries (--verbs / DYAD_VERBS) and actor and
agent dictionaries (--kb), converted on load, malformed lines reported with their line numbers.
The dictionaries here are written for these tests in PETRARCH's format."""
from __future__ import annotations

from pathlib import Path

import pytest

from dyad import kb as kbmod
from dyad.events import lexicon
from dyad.events.petrarch import is_verb_dictionary, read_verbs
from dyad.kb_petrarch import is_petrarch
from dyad.pipeline import Pipeline
from dyad.types import Article

VERBS = """# a PETRARCH verb dictionary
&TIES
+RELATIONS
+LINKS

--- MEND [064] ---
MEND
PATCH_UP [065]
- * &TIES WITH + [066]  # mended relations with X
- * FENCES [067]
- SAID * POLICY [100]
this line is no verb
- * [0xx
"""

ACTORS = """<!-- toy actors -->
VELORIA_ [VLR]
+VELORIAN
QUENTARA [QNT]
GENERAL_MARO
\t[VLRMIL 950101-991231]
\t[VLRGOV > 20000101]
VELORIA_ARMY [VLRMIL]
[QNT 2000
"""

AGENTS = """!PERSON! = MAN, MEN
FISHER!PERSON! [~AGR]
HARBOUR_MASTER {HARBOUR_MASTERS} [~GOV]
MALFORMED [AGR
"""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in (("verbs.txt", VERBS), ("actors.txt", ACTORS), ("agents.txt", AGENTS)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        out[name] = tmp_path / name
    return out


def test_verb_dictionary_is_recognised_and_converted(files):
    assert is_verb_dictionary(files["verbs.txt"]) and not is_verb_dictionary(files["actors.txt"])
    got = read_verbs(files["verbs.txt"])
    recs = {(r["lemma"], r.get("particle"), repr(r.get("post")), r.get("prep"), r["code"]) for r in got.records}
    assert ("mend", None, "None", None, "064") in recs  # the block's code is the verb's default
    assert ("patch", "up", "None", None, "065") in recs  # a phrasal verb with its own code
    ties = repr([[["relations", "links"], False], [["with"], False]])
    assert ("mend", None, ties, "with", "066") in recs  # a set's members, then where the target is
    said = [r for r in got.records if r["code"] == "100"]
    assert [(r["pre"], r["post"]) for r in said] == [([[["said"], False]], [[["policy"], False]])] * 2
    assert got.skipped == 0  # "SAID * POLICY": a word before the verb is context, one record per verb
    assert [p.split(":")[1] for p in got.problems] == ["12", "13"]  # line numbers of the malformed lines


def test_verb_dictionary_codes_events_with_its_own_codes(files):
    lex = lexicon(str(files["verbs.txt"]))
    assert [p.code for p in lex[("mend", False)]][:1] == ["064"]
    assert ("say", False) not in lex  # the dictionary replaces the built-in lexicon


def test_actor_and_agent_dictionaries_are_read_with_line_numbers(files):
    assert is_petrarch(files["actors.txt"]) and not is_petrarch(files["verbs.txt"].with_suffix(".yaml"))
    entries, agents, errors = kbmod.load_file(files["actors.txt"])
    by_name = {e.name: e for e in entries}
    assert by_name["Veloria"].kind == "country" and by_name["Veloria"].aliases == ["Velorian"]
    assert by_name["Veloria Army"].country == "VLR" and by_name["Veloria Army"].role == "MIL"
    maro = by_name["General Maro"]
    assert maro.kind == "person"
    assert maro.role_on("1996-05-01")[0].code == "VLRMIL" and maro.role_on("2004-05-01")[0].code == "VLRGOV"
    assert [e.line for e in errors] == [9]
    _, agents, errors = kbmod.load_file(files["agents.txt"])
    assert agents[kbmod.norm("fisherman")] == "AGR" and agents[kbmod.norm("fishermen")] == "AGR"
    assert agents[kbmod.norm("harbour masters")] == "GOV"
    assert [e.line for e in errors] == [4]


def test_pipeline_codes_with_petrarch_dictionaries(files):
    pipe = Pipeline(kb_files=[str(files["actors.txt"]), str(files["agents.txt"])], verbs=str(files["verbs.txt"]))
    doc = pipe.process(Article(text="Veloria mended relations with Quentara.", published="2005-03-01"))
    got = {(e.source_code, e.target_code, e.cameo) for e in doc.events if not e.one_sided}
    assert got == {("VLR", "QNT", "066")}


CONTEXT_VERBS = """&REFUSING
+DID N'T
+WILL NOT

--- QUARREL [111] ---
QUARREL
- &REFUSING * OVER BORDER [901]
- &REFUSING EVER * OVER BORDER [902]
- PUBLICLY_&REFUSING * OVER BORDER [903]
- * OVER BORDER [112]
"""


def test_words_before_the_verb_are_read_as_context_slots(tmp_path):
    (tmp_path / "verbs.txt").write_text(CONTEXT_VERBS, encoding="utf-8")
    got = read_verbs(tmp_path / "verbs.txt")
    pres = {r["code"]: r.get("pre") for r in got.records}
    assert pres["901"] == [[["did n't", "will not"], False]]  # a set's members as whole phrases
    assert pres["902"] == [[["did n't", "will not"], False], [["ever"], False]]  # written apart: words may come between
    assert pres["903"] == [[["publicly"], False], [["did n't", "will not"], True]]  # joined by "_": adjacent
    assert pres["112"] is None and got.skipped == 0


@pytest.mark.parametrize("text, code", [
    ("Veloria didn't quarrel over the border with Quentara.", "901"),  # the context decides, negation and all
    ("Veloria will not ever quarrel over the border with Quentara.", "902"),  # "ever" after the set, a word apart
    ("Veloria did not quarrel over the border with Quentara.", None),  # "did not" is no member: plain negation
    ("Veloria publicly will not quarrel over the border with Quentara.", "903"),
    ("Veloria publicly now will not quarrel over the border with Quentara.", "901"),  # "_" needs adjacency
    ("Veloria quarrelled over the border with Quentara.", "112"),
])
def test_context_before_the_verb_chooses_the_pattern(tmp_path, files, text, code):
    (tmp_path / "ctx.txt").write_text(CONTEXT_VERBS, encoding="utf-8")
    pipe = Pipeline(kb_files=[str(files["actors.txt"])], verbs=str(tmp_path / "ctx.txt"))
    doc = pipe.process(Article(text=text, published="2005-03-01"))
    got = {e.cameo for e in doc.events if not e.one_sided and e.source_code == "VLR"}
    assert got == ({code} if code else set())


def test_a_person_coded_by_country_alone_takes_the_role_of_his_title(tmp_path, files):
    """PETRARCH codes some persons with a bare country code ("NAME [VLR]"); said with a title that
    the agents dictionary knows, the person is that country's agent, as PETRARCH appends agents."""
    (tmp_path / "people.txt").write_text("VELORIA_ [VLR]\nQUENTARA [QNT]\nMARTIN_HALVORSEN [VLR]\n", encoding="utf-8")
    (tmp_path / "titles.txt").write_text("PRIME_MINISTER [~GOV]\n", encoding="utf-8")
    pipe = Pipeline(kb_files=[str(tmp_path / "people.txt"), str(tmp_path / "titles.txt")], verbs=str(files["verbs.txt"]))
    doc = pipe.process(Article(text="Veloria Prime Minister Martin Halvorsen mended relations with Quentara.",
                               published="2005-03-01"))
    assert {(e.source_code, e.target_code, e.cameo) for e in doc.events if not e.one_sided} == {("VLRGOV", "QNT", "066")}
    doc = pipe.process(Article(text="Martin Halvorsen mended relations with Quentara.", published="2005-03-01"))
    assert {(e.source_code, e.target_code, e.cameo) for e in doc.events if not e.one_sided} == {("VLR", "QNT", "066")}


PHRASE_VERBS = """&GOODS
+SPARE PARTS
+GOLDEN_GRAIN

--- SEND [070] ---
SEND
- * &GOODS TO + [071]
- * HEAVY_&GOODS TO + [072]
"""


@pytest.mark.parametrize("text, code", [
    ("Veloria will send spare parts to Quentara.", "071"),  # a member of several words, all of them
    ("Veloria will send spare engine parts to Quentara.", "070"),  # a member is a phrase: no word inside it
    ("Veloria will send heavy spare parts to Quentara.", "072"),  # "_": the member right after "heavy"
    ("Veloria will send heavy new spare parts to Quentara.", "071"),
    ("Veloria will send grain to Quentara.", "070"),  # "GOLDEN_GRAIN" needs both words: the block's code
    ("Veloria will send golden grain to Quentara.", "071"),
])
def test_words_after_the_verb_match_whole_set_members_in_order(tmp_path, files, text, code):
    (tmp_path / "send.txt").write_text(PHRASE_VERBS, encoding="utf-8")
    pipe = Pipeline(kb_files=[str(files["actors.txt"])], verbs=str(tmp_path / "send.txt"))
    doc = pipe.process(Article(text=text, published="2005-03-01"))
    assert {(e.source_code, e.target_code, e.cameo) for e in doc.events if not e.one_sided} == {("VLR", "QNT", code)}


ACT_VERBS = """&ABOUT
+ON
+UPON

--- ACT [100] ---
ACT
HANDLE
- * &ABOUT RESOLUTION [102]
"""


@pytest.mark.parametrize("text, code", [
    ("Veloria acted on a resolution against Quentara.", "102"),  # a set of prepositions, then the word
    ("Veloria handled a report against Quentara.", "100"),
])
def test_a_dictionary_target_is_the_first_actor_after_the_verb(tmp_path, files, text, code):
    """No argument of the verb names Quentara (it hangs on the object): PETRARCH's reading takes the
    first actor after the verb."""
    (tmp_path / "act.txt").write_text(ACT_VERBS, encoding="utf-8")
    pipe = Pipeline(kb_files=[str(files["actors.txt"])], verbs=str(tmp_path / "act.txt"))
    got = {(e.source_code, e.target_code, e.cameo)
           for e in pipe.process(Article(text=text, published="2005-03-01")).events if not e.one_sided}
    assert got == {("VLR", "QNT", code)}


PAIRED_VERBS = """--- TOUR [042:043] ---
TOUR

--- CONCUR [081] ---
CONCUR
- % * [030:030]
"""


@pytest.mark.parametrize("text, expected", [
    # "[042:043]": the act and what the target does in return
    ("Veloria toured Quentara.", {("VLR", "QNT", "042"), ("QNT", "VLR", "043")}),
    # "% *": a coordinated subject with no target acts on each other, with that pattern's own code
    ("Veloria and Quentara concur that the dispute should end.", {("VLR", "QNT", "030"), ("QNT", "VLR", "030")}),
    ("Veloria concurs with Quentara.", {("VLR", "QNT", "081")}),  # no compound subject: the block's code
    # ... and the actor after the verb is no target then ("a target by position" is for one subject)
    ("Veloria and Quentara concurred after a week of talks in Zorland.", {("VLR", "QNT", "030"), ("QNT", "VLR", "030")}),
])
def test_paired_codes_and_compound_subject_patterns(tmp_path, text, expected):
    (tmp_path / "paired.txt").write_text(PAIRED_VERBS, encoding="utf-8")
    (tmp_path / "lands.txt").write_text("VELORIA_ [VLR]\nQUENTARA [QNT]\nZORLAND [ZRL]\n", encoding="utf-8")
    pipe = Pipeline(kb_files=[str(tmp_path / "lands.txt")], verbs=str(tmp_path / "paired.txt"))
    got = {(e.source_code, e.target_code, e.cameo)
           for e in pipe.process(Article(text=text, published="2005-03-01")).events if not e.one_sided}
    assert got == expected


PLACED_VERBS = """--- CELEBRATE [040] ---
CELEBRATE
- * FEAST IN ^ WITH + [042]
"""


def test_a_dictionary_pattern_says_where_its_target_is(tmp_path):
    """ "* FEAST IN ^ WITH +": the target follows the third word after the verb; a "^" right before "+" would skip a phrase."""
    (tmp_path / "feast.txt").write_text(PLACED_VERBS, encoding="utf-8")
    got = [r for r in read_verbs(tmp_path / "feast.txt").records if r["code"] == "042"]
    assert [(r["post"], r["target_at"]) for r in got] == [([[["feast"], False], [["in"], False], [["with"], False]],
                                                           [3, 0])]
