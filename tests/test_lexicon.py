"""The open-class verb lexicon: defaults for every lemma, generated forms, sense choice by clause
features, coverage per CAMEO root. Sentences are written for these tests (one per class of
construction); real spaCy parse and KB (session fixture)."""
from __future__ import annotations

from pathlib import Path

import pytest

from dyad.events import lexicon
from dyad.events.forms import base_lemma, class_record, nouns_for
from dyad.events.lexicon import NOT_AN_EVENT, coverage, default_lemmas
from dyad.types import Article

PUB = "2021-03-01"
_ROOT = Path(__file__).resolve().parents[1]
PETRARCH = next((p / "shared" / "data" / "petrarch2" for p in (_ROOT.parent, _ROOT.parent.parent)
                 if (p / "shared" / "data" / "petrarch2").is_dir()), _ROOT.parent / "shared" / "data" / "petrarch2")


def codes(pipeline, text: str, one_sided: bool = False) -> set[tuple]:
    doc = pipeline.process(Article(text=text, published=PUB))
    return {(e.source_country, e.cameo, e.target_country) for e in doc.events if one_sided or not e.one_sided}


# -- the lexicon as data -----------------------------------------------------------------------------
def _refined(p) -> bool:
    return p.particle is not None or any(x is not None for x in (p.obj, p.pobj, p.xcomp, p.subj, p.mod,
                                                                 p.subj_role, p.obj_kind))


def test_every_trigger_lemma_has_a_default_code():
    lex = lexicon()
    missing = [lemma for (lemma, _), pats in lex.items() if not any(not _refined(p) for p in pats)]
    assert missing == []


def test_lexicon_covers_every_cameo_root():
    cov = coverage(lexicon())
    assert sorted(cov) == [f"{r:02d}" for r in range(1, 21)]
    assert all(row["lemmas"] >= 5 for row in cov.values())


@pytest.mark.skipif(not PETRARCH.is_dir(), reason="../shared/data/petrarch2 is not beside the checkout")
def test_verb_lemmas_per_root_reach_four_fifths_of_petrarch2():
    ours = default_lemmas(lexicon())
    theirs = default_lemmas(lexicon(str(PETRARCH / "CAMEO.verbpatterns.150430.txt")))
    short = {r: (len(ours.get(r, ())), len(v)) for r, v in theirs.items() if len(ours.get(r, ())) < 0.8 * len(v)}
    assert short == {}


def test_class_entries_become_refinements():
    assert class_record("deploy", "154") == {"code": "154", "lemma": "deploy"}
    assert class_record("reach out", "041")["particle"] == "out"
    assert class_record("travel to", "042")["particle"] == "to"  # needs its "to": no default of its own
    assert class_record("lift sanctions", "085")["obj"] == ["sanctions", "sanction"]
    rec = class_record("take into custody", "173")
    assert (rec["prep"], rec["pobj"][0]) == ("into", "custody")
    assert class_record("n:ban", "none") == {"code": "none", "lemma": "ban", "noun": True}


def test_nominalisations_by_rule_and_by_table():
    forms = {"suffixes": [["ate", "ation"], ["ize", "ization"]], "irregular": {"withdraw": "withdrawal", "host": ""}}
    assert nouns_for("negotiate", forms) == ["negotiation"]
    assert nouns_for("militarize", forms) == ["militarization"]
    assert nouns_for("withdraw", forms) == ["withdrawal"]
    assert nouns_for("host", forms) == []  # listed as having no event noun
    lex = lexicon()
    assert ("invasion", True) in lex and lex[("invasion", True)][0].code[:2] == "19"
    assert ("association", True) not in lex  # a derived word that names an actor is no trigger


def test_re_forms_find_their_base_verb():
    lex = lexicon()
    assert base_lemma("re-deploy", lex) == "deploy"
    assert base_lemma("recall", lex) is None  # "call" is too short to be the base of an unhyphenated form


# -- defaults: verbs no pattern foresaw ----------------------------------------------------------------
@pytest.mark.parametrize("text, code", [
    ("Chile's president journeyed to Argentina.", "042"),          # a verb of travel, no pattern
    ("Brazil lambasted Paraguay over the dam.", "111"),            # a verb of criticism
    ("Poland reached out to Lithuania after the dispute.", "040"),  # a phrasal verb
    ("Morocco renegotiated its fishing accord with Spain.", "046"),  # a re- verb with its own entry
])
def test_default_code_of_an_unrefined_verb(pipeline, text, code):
    assert any(c == code for _, c, _ in codes(pipeline, text))


def test_light_verb_has_no_default_event(pipeline):
    assert codes(pipeline, "Argentina had a good harvest near Chile.") == set()


def test_default_verb_yields_to_the_act_its_complement_names(pipeline):
    # "allowed" (a default-only yield verb) is not the event; the convoy's crossing into Syria is not
    # coded either way, but the sanctions Turkey lifted are
    got = codes(pipeline, "Jordan allowed Turkey to lift its sanctions on Syria.")
    assert ("TUR", "085", "SYR") in got or any(c.startswith("08") and t == "SYR" for _, c, t in got)
    assert not any(c == "080" and s == "JOR" for s, c, _ in got)


# -- generated forms ----------------------------------------------------------------------------------
def test_nominalisation_codes_like_its_verb(pipeline):
    assert codes(pipeline, "Ethiopia's invasion of Somalia drew protests.") >= {("ETH", "192", "SOM")}


def test_re_form_takes_the_base_verbs_refinements(pipeline):
    got = codes(pipeline, "Iran reimposed restrictions on Iraqi pilgrims.")
    assert {c for _, c, _ in got} == {"172"}


# -- sense choice by clause features ---------------------------------------------------------------------
def test_general_strike_is_a_protest_not_force(pipeline):
    got = codes(pipeline, "Unions in France called a general strike against the government.", one_sided=True)
    assert got and all(c.startswith("14") for _, c, _ in got)


def test_air_strike_is_aerial_force(pipeline):
    assert ("ISR", "195", "PSE") in codes(pipeline, "Israeli air strikes on Gaza killed ten people.")


def test_workers_who_strike_stop_work_and_armies_that_strike_attack(pipeline):
    workers = codes(pipeline, "Teachers in Kenya struck for higher pay.", one_sided=True)
    assert {c for _, c, _ in workers} == {"143"}
    army = codes(pipeline, "The Russian army struck Ukrainian positions near Bakhmut.")
    assert ("RUS", "190", "UKR") in army


def test_hit_with_sanctions_is_a_sanction(pipeline):
    assert codes(pipeline, "The United States hit Iran with new sanctions.") == {("USA", "163", "IRN")}
    assert ("RUS", "190", "UKR") in codes(pipeline, "Russian missiles hit Kyiv on Tuesday.")


def test_killing_a_thing_is_no_violence(pipeline):
    bill = codes(pipeline, "The Senate killed the bill that the White House backed.", one_sided=True)
    assert not any(c[:2] in ("18", "19", "20") for _, c, _ in bill)
    people = codes(pipeline, "Pakistani troops killed three Indian soldiers in Kashmir.")
    assert any(c[:2] in ("18", "19") and t == "IND" for _, c, t in people)


def test_not_an_event_sense_is_data():
    kill = lexicon()[("kill", False)]
    assert any(p.code == NOT_AN_EVENT and p.obj_kind == "thing" for p in kill)


# -- the coverage command --------------------------------------------------------------------------------
def test_lexicon_command_prints_roots_and_a_roots_lemmas():
    from conftest import run_cli

    r = run_cli("lexicon")
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "MATERIAL COOPERATION" in out and "verb lemmas with a default event code" in out
    r = run_cli("lexicon", "--root", "14")
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "demonstrate" in out and "deploy" not in out


def test_a_bad_verb_lexicon_is_a_clear_error_with_its_line(tmp_path):
    from dyad.events.lexicon import LexiconError

    bad = tmp_path / "verbs.yaml"
    bad.write_text('- {code: "042", lemma: visit}\n- {code: "999", lemma: frobnicate}\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"verbs.yaml:2: unknown CAMEO code '999'"):
        lexicon(str(bad))
    with pytest.raises(LexiconError, match="cannot read"):
        lexicon(str(tmp_path / "missing.yaml"))
