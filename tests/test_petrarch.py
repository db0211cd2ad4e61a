"""PETRARCH dictionaries read as dyad's own: verb dictionaries (--verbs / DYAD_VERBS) and actor and
agent dictionaries (--kb), converted on load, malformed lines reported with their line numbers.
The dictionaries here are written for these tests in PETRARCH's format."""
from __future__ import annotations

from pathlib import Path

import pytest

from dyad import kb as kbmod
from dyad.events import lexicon
from dyad.events.petrarch import is_verb_dictionary, read_verbs
from dyad import kb_petrarch
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
TRADE_ENVOY [~GOVTRD]
MEDAID {} [NGO~]
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
    assert maro.role_on("1999-12-31")[0].code == "VLRMIL"  # a range includes its last day
    assert [e.line for e in errors] == [9]
    _, agents, errors = kbmod.load_file(files["agents.txt"])
    assert agents[kbmod.norm("fisherman")] == "AGR" and agents[kbmod.norm("fishermen")] == "AGR"
    assert agents[kbmod.norm("harbour masters")] == "GOV"
    assert agents[kbmod.norm("trade envoy")] == "GOVTRD" and agents[kbmod.norm("medaid")] == "NGO~"
    assert agents[kbmod.norm("trade envoys")] == "GOVTRD"  # no braces: the regular plural is generated
    assert kbmod.norm("medaids") not in agents  # "{}": no plural
    assert [e.line for e in errors] == [4]


@pytest.mark.parametrize("base, agent, code", [
    ("VLR", "GOVTRD", "VLRGOVTRD"),  # a six-letter agent is added whole
    ("VLR", "NGO~", "NGOVLR"),  # a prefix agent goes before the code
    ("NGOVLR", "NGO~", "NGOVLR"),  # ... once
    ("VLRGOV", "GOV", "VLRGOV"),  # a part the code has is not added twice
    ("VLRGOVMED", "GOVMED", "VLRGOVMED"),
    ("VLRGOV", "WGO", "VLRGOVWGO"),
    (None, "GOV", "GOV"),  # no actor: the agent alone
    ("VLR", None, "VLR"),
])
def test_agent_codes_compose_with_actor_codes(base, agent, code):
    assert kbmod.compose_code(base, agent) == code
    assert kbmod.agent_role(agent) == (agent.strip("~")[:3] if agent else None)


def test_long_and_prefix_agents_code_actors(files):
    """An agent's whole code follows the country's ("the Velorian trade envoy": VLRGOVTRD); a prefix
    agent's precedes it ("MedAid Veloria": NGOVLR), and both compose ("a MedAid Veloria harbour master")."""
    pipe = Pipeline(kb_files=[str(files["actors.txt"]), str(files["agents.txt"])], verbs=str(files["verbs.txt"]))
    for text, code in (("The Velorian trade envoy patched up relations with Quentara.", "VLRGOVTRD"),
                       ("MedAid Veloria patched up relations with Quentara.", "NGOVLR"),
                       ("A MedAid Veloria harbour master mended the links with Quentara on Monday.", "NGOVLRGOV"),
                       ("A Veloria harbour master mended the links with Quentara on Monday.", "VLRGOV")):
        doc = pipe.process(Article(text=text, published="2005-03-01"))
        assert {(e.source_code, e.target_code) for e in doc.events if not e.one_sided} == {(code, "QNT")}, text


RECEIVING_VERBS = """--- RESCUE [066] ---
RESCUE
- + * FROM $  [067]
- + WAS_ * BY $  [068]
- + WAS_ *  [069]
"""


@pytest.mark.parametrize("text, expected", [
    ("Veloria rescued its sailors from Quentara.", {("QNT", "VLR", "067")}),  # the subject receives
    ("Veloria was rescued from Quentara on Monday.", {("QNT", "VLR", "067")}),  # passive: the subject still
    ("Veloria was rescued by Quentara on Monday.", {("QNT", "VLR", "068")}),
])
def test_a_target_before_the_verb_with_the_source_after_it(tmp_path, files, text, expected):
    """ "+ * FROM $": the subject is the target and the source is in the "from" phrase, active or passive;
    "+ WAS_ *" with no source after the verb has no dependency reading and is skipped."""
    path = tmp_path / "receiving.txt"
    path.write_text(RECEIVING_VERBS, encoding="utf-8")
    got = read_verbs(path)
    assert got.skipped == 1 and all(r.get("reverse") for r in got.records if r["code"] in ("067", "068"))
    pipe = Pipeline(kb_files=[str(files["actors.txt"])], verbs=str(path))
    doc = pipe.process(Article(text=text, published="2005-03-01"))
    assert {(e.source_code, e.target_code, e.cameo) for e in doc.events if not e.one_sided} == expected


GROUP_ACTORS = ACTORS + """TIDEWATCH_ALLIANCE [NGOTDW]
MORDAVIA [MDV]
"""
GROUP_AGENTS = AGENTS + """SEA_RIGHTS_CAMPAIGNER [~OPP]
RIGHTS_CAMPAIGNER [~HRI]
"""


@pytest.mark.parametrize("text, expected", [
    ("Sea rights campaigners in Veloria mended the links with Quentara on Monday.", {("VLROPP", "QNT")}),
    ("The sea rights campaigners of the Tidewatch Alliance mended the links with Quentara.", {("NGOTDWOPP", "QNT")}),
    ("The harbour masters of Mordavia mended the links with Quentara on Monday.", {("MDVGOV", "QNT")}),
    ("The harbour masters of Veloria and Mordavia mended the links with Quentara on Monday.",
     {("VLRGOV", "QNT"), ("MDVGOV", "QNT")}),
])
def test_agents_placed_by_a_preposition(tmp_path, text, expected):
    """An agent "in" a country the dictionary knows is that country's, "of" a country or organisation it
    knows is theirs, and "of A and B" is each one's; the longest agent phrase is the one meant ("sea
    rights campaigner", not "rights campaigner")."""
    for name, body in (("actors.txt", GROUP_ACTORS), ("agents.txt", GROUP_AGENTS),
                       ("verbs.txt", VERBS + "--- MEET [031] ---\nMEET\n")):
        (tmp_path / name).write_text(body, encoding="utf-8")
    pipe = Pipeline(kb_files=[str(tmp_path / "actors.txt"), str(tmp_path / "agents.txt")],
                    verbs=str(tmp_path / "verbs.txt"))
    doc = pipe.process(Article(text=text, published="2005-03-01"))
    assert {(e.source_code, e.target_code) for e in doc.events if not e.one_sided} == expected


def test_a_petrarch_agents_dictionary_replaces_the_built_in_role_nouns(files):
    """With a PETRARCH agents file, only its agents code roles (PETRARCH's reading of its dictionaries):
    "militia", a built-in role noun the file does not list, adds nothing to the country's code."""
    text = "The Velorian militia patched up relations with Quentara."
    with_agents = Pipeline(kb_files=[str(files["actors.txt"]), str(files["agents.txt"])], verbs=str(files["verbs.txt"]))
    actors_only = Pipeline(kb_files=[str(files["actors.txt"])], verbs=str(files["verbs.txt"]))
    codes = [{e.source_code for e in p.process(Article(text=text, published="2005-03-01")).events if not e.one_sided}
             for p in (with_agents, actors_only)]
    assert codes[0] == {"VLR"} and codes[1] != {"VLR"} and codes[1]
    assert kbmod.load((str(files["agents.txt"]),)).role_noun("militia") is None
    assert kbmod.load((str(files["actors.txt"]),)).role_noun("militia") is not None


def test_names_joined_by_and_in_one_entity_are_each_their_own_actor(files):
    """The model may tag "Veloria and Quentara" or "Veloria with Quentara" as one place: two names the
    KB knows, joined by a conjunction or a preposition that joins parties, are two actors;
    a name the KB knows whole ("Trinidad and Tobago") stays one."""
    from spacy.tokens import Span

    from dyad import nlp
    from dyad.actors.spans import _candidate_spans

    kb = kbmod.load((str(files["actors.txt"]),))
    for text, joined, names in (("Ties with Veloria and Quentara improved.", (2, 5), ["Veloria", "Quentara"]),
                                ("Talks of Veloria with Quentara ended.", (2, 5), ["Veloria", "Quentara"]),
                                ("Ties with Trinidad and Tobago improved.", (2, 5), ["Trinidad and Tobago"])):
        doc = nlp.parse(text)
        doc.ents = [Span(doc, *joined, label="FAC")]
        assert [s.text for s in _candidate_spans(doc, kb)] == names


def test_an_agent_in_two_countries_is_each_ones(tmp_path):
    """ "fishermen in A and B": the parser joins B to "fishermen", not to A; B's fishermen are meant."""
    for name, body in (("actors.txt", GROUP_ACTORS), ("agents.txt", GROUP_AGENTS),
                       ("verbs.txt", VERBS + "--- WELCOME [041] ---\nWELCOME\n")):
        (tmp_path / name).write_text(body, encoding="utf-8")
    pipe = Pipeline(kb_files=[str(tmp_path / "actors.txt"), str(tmp_path / "agents.txt")],
                    verbs=str(tmp_path / "verbs.txt"))
    doc = pipe.process(Article(text="Fishermen in Veloria and Quentara welcomed a resumption of ties with Mordavia.",
                               published="2005-03-01"))
    assert {(e.source_code, e.target_code) for e in doc.events if not e.one_sided} == {("VLRAGR", "MDV"), ("QNTAGR", "MDV")}


@pytest.mark.parametrize("text, target", [
    ("Veloria's harbour masters sealed off the border crossings leading into Quentara.", "QNT"),
    ("Veloria's harbour masters sealed off the roads.", "VLR"),  # no one named: their own country, as a place
])
def test_a_positional_target_comes_before_the_home_country(tmp_path, files, text, target):
    """A PETRARCH dictionary is read by position: the first actor after the verb is its target, also
    deep in the object ("the roads leading into X"); only with none does a state's act stay at home."""
    path = tmp_path / "seal.txt"
    path.write_text("--- SEAL [1721] ---\nSEAL_OFF\n", encoding="utf-8")
    pipe = Pipeline(kb_files=[str(files["actors.txt"]), str(files["agents.txt"])], verbs=str(path))
    doc = pipe.process(Article(text=text, published="2005-03-01"))
    assert {(e.source_code, e.cameo, e.target_code) for e in doc.events} == {("VLRGOV", "1721", target)}


def test_names_of_two_parties_joined_by_of_in_one_entity_are_two_actors(tmp_path):
    """ "Quentara of the Veloria Army" tagged as one place: two parties the KB knows, each its own; a
    name of one party said with another of its names ("the Free State of Veloria") stays one."""
    from spacy.tokens import Span

    from dyad import nlp
    from dyad.actors.spans import _candidate_spans

    path = tmp_path / "actors.txt"
    path.write_text(ACTORS.replace("+VELORIAN\n", "+VELORIAN\n+FREE_STATE\n"), encoding="utf-8")
    kb = kbmod.load((str(path),))
    for text, joined, names in (("Envoys met the Quentara of the Veloria Army.", (3, 8), ["Quentara", "Veloria Army"]),
                                ("Envoys met the Free State of Veloria.", (3, 7), ["Free State of Veloria"])):
        doc = nlp.parse(text)
        doc.ents = [Span(doc, *joined, label="FAC")]
        assert [s.text for s in _candidate_spans(doc, kb)] == names


def test_a_capitalised_epithet_before_a_country_is_not_part_of_its_name(files):
    """ "Embattled Veloria" at a sentence's start, tagged as one person: the country is the name; an
    organisation named so ("Air Veloria") and a first word the KB knows stay as tagged."""
    from spacy.tokens import Span

    from dyad import nlp
    from dyad.actors.spans import _candidate_spans

    kb = kbmod.load((str(files["actors.txt"]),))
    for text, label, names in (("Embattled Veloria asked Quentara for help.", "PERSON", ["Veloria", "Quentara"]),
                               ("Air Veloria asked Quentara for help.", "ORG", ["Air Veloria", "Quentara"]),
                               ("Quentara Veloria asked for help.", "PERSON", ["Quentara Veloria"])):
        doc = nlp.parse(text)
        doc.ents = [Span(doc, 0, 2, label=label)]
        assert [s.text for s in _candidate_spans(doc, kb)] == names


def test_a_list_member_read_as_an_apposition_of_another_country(tmp_path):
    """ "Veloria, the awful Quentara, and good Mordavia": the model makes the second name an
    apposition of the first; one country is never another, so each is a source."""
    for name, body in (("actors.txt", GROUP_ACTORS + "OSTRAVA [OST]\n"), ("verbs.txt", VERBS)):
        (tmp_path / name).write_text(body, encoding="utf-8")
    pipe = Pipeline(kb_files=[str(tmp_path / "actors.txt")], verbs=str(tmp_path / "verbs.txt"))
    doc = pipe.process(Article(text="Veloria, the awful Quentara, and good Mordavia mended relations "
                                    "with Ostrava.", published="2005-03-01"))
    assert {e.source_code for e in doc.events if e.target_code == "OST"} == {"VLR", "QNT", "MDV"}


def test_a_complex_event_marker_is_no_code(tmp_path, files):
    """TABARI's "[+++]" marks a complex event PETRARCH does not code: the block's other patterns code
    the phrase, and a block marked so has no default code."""
    path = tmp_path / "complex.txt"
    path.write_text("--- MEND [064] ---\nMEND\n- * SECRET TIES [+++]\n- * TIES [066]\n"
                    "--- BLAST [+++] ---\nBLAST\n", encoding="utf-8")
    d = read_verbs(path)
    assert {r["code"] for r in d.records} == {"064", "066", "none"} and d.skipped == 1
    pipe = Pipeline(kb_files=[str(files["actors.txt"])], verbs=str(path))
    for text, expected in (("Veloria mended secret ties with Quentara.", {("VLR", "QNT", "066")}),
                           ("Veloria blasted Quentara.", set())):
        doc = pipe.process(Article(text=text, published="2005-03-01"))
        assert {(e.source_code, e.target_code, e.cameo) for e in doc.events} == expected


@pytest.mark.parametrize("text, source", [
    ("Former Velorian harbour masters mended relations with Quentara.", "VLRELI"),
    ("Velorian harbour masters mended relations with Quentara.", "VLRGOV"),
])
def test_former_holders_of_a_state_role_are_elites(files, text, source):
    """ "former harbour masters" hold the role no more: CAMEO's ELI (former government officials)."""
    pipe = Pipeline(kb_files=[str(files["actors.txt"]), str(files["agents.txt"])], verbs=str(files["verbs.txt"]))
    doc = pipe.process(Article(text=text, published="2005-03-01"))
    assert {(e.source_code, e.target_code) for e in doc.events if not e.one_sided} == {(source, "QNT")}


@pytest.mark.parametrize("text, code", [
    ("Veloria quietly mended relations with Quentara.", "065"),
    ("Veloria quietly has mended relations with Quentara.", "064"),  # a word between: the block's code
])
def test_a_context_word_joined_to_the_verb_comes_right_before_it(tmp_path, files, text, code):
    """ "QUIETLY_*": the "_" joins the word to the verb, so nothing may stand between them."""
    path = tmp_path / "joined.txt"
    path.write_text("--- MEND [064] ---\nMEND\n- QUIETLY_* [065]\n", encoding="utf-8")
    assert any(r.get("pre") == [[["quietly"], False], [["*"], True]] for r in read_verbs(path).records)
    pipe = Pipeline(kb_files=[str(files["actors.txt"])], verbs=str(path))
    doc = pipe.process(Article(text=text, published="2005-03-01"))
    assert {(e.source_code, e.target_code, e.cameo) for e in doc.events} == {("VLR", "QNT", code)}


def test_a_name_parsed_as_a_compound_of_a_finite_verb_is_its_subject(tmp_path):
    """ "Ethiopia act on a resolution with Libya": the model makes "Ethiopia" a compound of the verb
    "act"; a verb has no compounds, so the name before it is its subject."""
    (tmp_path / "actors.txt").write_text("ETHIOPIA [ETH]\nLIBYA [LBY]\n", encoding="utf-8")
    (tmp_path / "verbs.txt").write_text("--- ACT [100] ---\nACT\n- * ON RESOLUTION [102]\n", encoding="utf-8")
    pipe = Pipeline(kb_files=[str(tmp_path / "actors.txt")], verbs=str(tmp_path / "verbs.txt"))
    doc = pipe.process(Article(text="Ethiopia act on a resolution with Libya.", published="2005-03-01"))
    assert {(e.source_code, e.target_code, e.cameo) for e in doc.events} == {("ETH", "LBY", "102")}


@pytest.mark.parametrize("text", [
    "Veloria mended relations with the Net_Menders_League.",  # one word with underscores
    "Veloria mended relations with the Net Menders_League.",  # part of the name
])
def test_a_name_written_with_underscores_is_the_name(tmp_path, files, text):
    """PETRARCH writes names of several words with "_" ("Minas_Tirith"); text written so names them too."""
    assert kbmod.norm("Net_Menders_League") == kbmod.norm("Net Menders League")
    path = tmp_path / "guilds.txt"
    path.write_text(ACTORS + "NET_MENDERS_LEAGUE [QNTNML]\n", encoding="utf-8")
    pipe = Pipeline(kb_files=[str(path)], verbs=str(files["verbs.txt"]))
    doc = pipe.process(Article(text=text, published="2005-03-01"))
    assert {(e.source_code, e.target_code) for e in doc.events if not e.one_sided} == {("VLR", "QNTNML")}


FORM_VERBS = """--- GATHER [031] ---
GATHER
--- GATHERED [032] ---
GATHERED
"""


@pytest.mark.parametrize("text, code", [
    ("Veloria gathered with Quentara.", "032"),  # the form the dictionary lists as its own verb
    ("Veloria will gather with Quentara.", "031"),  # other forms: the lemma's block
])
def test_a_verb_written_as_an_inflected_form_is_that_form(tmp_path, files, text, code):
    path = tmp_path / "forms.txt"
    path.write_text(FORM_VERBS, encoding="utf-8")
    pipe = Pipeline(kb_files=[str(files["actors.txt"])], verbs=str(path))
    doc = pipe.process(Article(text=text, published="2005-03-01"))
    assert {(e.source_code, e.target_code, e.cameo) for e in doc.events if not e.one_sided} == {("VLR", "QNT", code)}


DISCARDS = """# story-level discards start with '+'
+HURRICANE   # the whole story
Cricket_Test
FOOTBALL
"""


def test_discards_drop_sentences_and_stories(files, tmp_path):
    """A PETRARCH discards file passed with --kb: a sentence with a discard phrase codes nothing, a
    story with a `+` phrase codes nothing at all; other sentences are coded as before."""
    path = tmp_path / "discards.txt"
    path.write_text(DISCARDS, encoding="utf-8")
    assert kb_petrarch.is_discards(path) and not kb_petrarch.is_discards(files["actors.txt"])
    assert kb_petrarch.load_discards(path)[0] == {"hurricane": True, "cricket test": False, "football": False}
    pipe = Pipeline(kb_files=[str(files["actors.txt"]), str(path)], verbs=str(files["verbs.txt"]))

    def coded(text):
        doc = pipe.process(Article(text=text, published="2005-03-01"))
        return {(e.source_code, e.target_code) for e in doc.events if not e.one_sided}

    assert coded("Veloria mended relations with Quentara.") == {("VLR", "QNT")}
    assert coded("Veloria mended relations with Quentara after the football final.") == set()
    assert coded("Veloria mended relations with Quentara after the cricket test. "
                 "Quentara mended relations with Veloria.") == {("QNT", "VLR")}
    assert coded("Veloria mended relations with Quentara. A hurricane hit the coast.") == set()


def test_a_list_misparsed_as_a_modifier_of_its_last_name(files):
    """ "Veloria and the evil awful Quentara ...", parsed (as the model sometimes does) with Veloria a
    modifier of Quentara and "awful" its conjunct: both names are the subject."""
    from spacy.tokens import Doc

    from dyad import nlp

    pipe = Pipeline(kb_files=[str(files["actors.txt"])], verbs=str(files["verbs.txt"]))
    text = "Veloria and the evil awful Quentara mended relations with Veloria's neighbours."
    good = nlp.parse(text)
    heads = [t.head.i for t in good]
    deps = [t.dep_ for t in good]
    heads[0], deps[0] = 5, "nmod"  # Veloria -> Quentara
    heads[4], deps[4] = 0, "conj"  # awful -> Veloria, with "and" its cc
    heads[1], deps[1] = 0, "cc"
    heads[5], deps[5] = 6, "nsubj"
    doc = Doc(good.vocab, words=[t.text for t in good], spaces=[bool(t.whitespace_) for t in good],
              tags=[t.tag_ for t in good], pos=[t.pos_ for t in good], lemmas=[t.lemma_ for t in good],
              heads=heads, deps=deps)
    got = pipe._analyse(Article(text=text, published="2005-03-01"), doc)
    assert {e.source_code for e in got.events} >= {"VLR", "QNT"}


def test_an_actor_with_several_codes_is_several_parties(tmp_path, files):
    """ "NAME [AAA/BBB]": one event per code, on either side."""
    path = tmp_path / "several.txt"
    path.write_text(ACTORS + "TWIN_ISLES [TWA/TWB]\n", encoding="utf-8")
    entry = next(e for e in kbmod.load_file(path)[0] if e.name == "Twin Isles")
    assert entry.code == "TWA/TWB" and entry.kind == "country"
    pipe = Pipeline(kb_files=[str(path)], verbs=str(files["verbs.txt"]))
    for text, expected in (("The Twin Isles mended relations with Quentara.", {("TWA", "QNT"), ("TWB", "QNT")}),
                           ("Quentara mended relations with the Twin Isles.", {("QNT", "TWA"), ("QNT", "TWB")})):
        doc = pipe.process(Article(text=text, published="2005-03-01"))
        assert {(e.source_code, e.target_code) for e in doc.events if not e.one_sided} == expected


def test_a_list_misparsed_as_an_apposition_gives_every_name(tmp_path):
    """ "Mordavia, the Tidewatch Alliance, Quentara and Veloria ...": the model hangs the list on the
    second name as an apposition, with "and" inside the last conjunct; each name is a source."""
    for name, body in (("actors.txt", GROUP_ACTORS + "OSTRAVA [OST]\n"), ("verbs.txt", VERBS)):
        (tmp_path / name).write_text(body, encoding="utf-8")
    pipe = Pipeline(kb_files=[str(tmp_path / "actors.txt")], verbs=str(tmp_path / "verbs.txt"))
    doc = pipe.process(Article(text="Mordavia, the Tidewatch Alliance, Quentara and Veloria patched up relations "
                                    "with Ostrava.", published="2005-03-01"))
    assert {e.source_code for e in doc.events if e.target_code == "OST"} == {"MDV", "NGOTDW", "QNT", "VLR"}


def test_a_pattern_whose_context_names_the_modality_codes_it(tmp_path, files):
    """ "HINTED SHOULD *": the dictionary codes "X hinted it should mend ..." itself, so it is not
    read as X's demand on the clause's subject (which here is X again: no event at all)."""
    path = tmp_path / "modal.txt"
    path.write_text("--- MEND [064] ---\nMEND\n- HINTED SHOULD *  [065]\n", encoding="utf-8")
    pipe = Pipeline(kb_files=[str(files["actors.txt"])], verbs=str(path))
    doc = pipe.process(Article(text="Veloria hinted it should mend relations with Quentara.", published="2005-03-01"))
    assert {(e.source_code, e.target_code, e.cameo) for e in doc.events if not e.one_sided} == {("VLR", "QNT", "065")}


def test_petrarch_actor_dictionaries_replace_the_built_in_actors(files, tmp_path):
    """With PETRARCH actor files, only their actors are coded (as PETRARCH codes with its dictionaries):
    a country the built-in KB knows but the files do not ("Austria") is no actor; a YAML file of the
    user's still adds to the built-in KB."""
    assert not kbmod.load((str(files["actors.txt"]),)).lookup("Austria")
    mine = tmp_path / "mine.yaml"
    mine.write_text("- {name: Veloria, code: VLR, kind: country}\n", encoding="utf-8")
    kb = kbmod.load((str(mine),))
    assert kb.lookup("Austria") and kb.lookup("Veloria")
    pipe = Pipeline(kb_files=[str(files["actors.txt"])], verbs=str(files["verbs.txt"]))
    doc = pipe.process(Article(text="Veloria mended relations with Austria and Quentara.", published="2005-03-01"))
    assert {e.target_code for e in doc.events if not e.one_sided} == {"QNT"}


def test_every_actor_of_petrarch_dictionaries_is_coded(tmp_path, files):
    """PETRARCH codes every actor its dictionaries list: two organisations with codes of the user's own
    (roles no CAMEO table knows) still make an event when the actors are PETRARCH's alone."""
    path = tmp_path / "guilds.txt"
    path.write_text(ACTORS + "HARBOUR_GUILD [VLRHBG]\nNET_MENDERS_LEAGUE [QNTNML]\n", encoding="utf-8")
    pipe = Pipeline(kb_files=[str(path)], verbs=str(files["verbs.txt"]))
    doc = pipe.process(Article(text="The Harbour Guild mended relations with the Net Menders League.",
                               published="2005-03-01"))
    assert {(e.source_code, e.target_code) for e in doc.events if not e.one_sided} == {("VLRHBG", "QNTNML")}


def test_a_title_with_a_name_the_dictionary_has_as_a_country(tmp_path, files):
    """A dictionary that lists a leader as a synonym of his country ("+JOHN_MARLOW" under QUENTARA):
    "Veloria's harbour master, John Marlow" is Veloria's agent, as any titled phrase with its country."""
    path = tmp_path / "leaders.txt"
    path.write_text(ACTORS.replace("QUENTARA [QNT]\n", "QUENTARA [QNT]\n+JOHN_MARLOW\nMORDAVIA [MDV]\n"),
                    encoding="utf-8")
    pipe = Pipeline(kb_files=[str(path), str(files["agents.txt"])], verbs=str(files["verbs.txt"]))
    doc = pipe.process(Article(text="Veloria's harbour master, John Marlow, patched up relations with Mordavia.",
                               published="2005-03-01"))
    assert {(e.source_code, e.target_code) for e in doc.events if not e.one_sided} == {("VLRGOV", "MDV")}


def test_names_listed_before_a_noun_are_each_an_actor(tmp_path):
    """ "will meet Quentara and Mordavia leaders": the parser hangs the list on the noun, the
    first name a modifier with the second its conjunct; each country is a target ("leaders" is no
    agent of these dictionaries)."""
    for name, body in (("actors.txt", GROUP_ACTORS), ("agents.txt", GROUP_AGENTS),
                       ("verbs.txt", VERBS + "--- MEET [031] ---\nMEET\n")):
        (tmp_path / name).write_text(body, encoding="utf-8")
    pipe = Pipeline(kb_files=[str(tmp_path / "actors.txt"), str(tmp_path / "agents.txt")],
                    verbs=str(tmp_path / "verbs.txt"))
    doc = pipe.process(Article(text="Veloria will meet Quentara and Mordavia leaders.", published="2005-03-01"))
    assert {(e.source_code, e.target_code) for e in doc.events if not e.one_sided} == {("VLR", "QNT"), ("VLR", "MDV")}


def test_a_country_the_model_tags_as_a_person_still_owns_its_agents(tmp_path, files):
    """ "Galen's harbour master", Galen a country of the dictionary that the model tags PERSON: the
    harbour master is Galen's (a person's name would make it no country's group)."""
    path = tmp_path / "galen.txt"
    path.write_text(ACTORS + "GALEN [GLN]\n", encoding="utf-8")
    pipe = Pipeline(kb_files=[str(path), str(files["agents.txt"])], verbs=str(files["verbs.txt"]))
    doc = pipe.process(Article(text="Galen's harbour master patched up relations with Veloria.", published="2005-03-01"))
    assert {(e.source_code, e.target_code) for e in doc.events if not e.one_sided} == {("GLNGOV", "VLR")}
