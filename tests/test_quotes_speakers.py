"""Who said it, and which actor a name is: a corpus of short passages written for these tests, one
YAML file per failure class in tests/fixtures/speakers/ (pronouns across paragraphs, separator
lines, continuation after indirect speech, cues beyond "said", role nouns, surname clashes,
postal abbreviations and links, table-heavy English). Each passage asserts speakers or links.

A case holds `text` and any of:
  quotes:  [{fragment, speaker, name?, cue?}]  the one quote holding `fragment` has this speaker (an
                                   actor whose name contains it; null: no actor at all), its
                                   speaker phrase contains `name` (for speakers that are no actor),
                                   and its cue contains `cue`
  not_quotes: [fragment]            no quote holds `fragment`
  quote_count: [{fragment, n}]     exactly n quotes hold `fragment` (one report, not two)
  links:   [{mention, actor?, kind?, not_kind?, country?, code?, form?}]  the actor with a mention
                                   whose text is `mention` has these fields (`form`: the mention's)
  english: true|false              what the language check says
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dyad import Article
from dyad.ingest import is_english

HERE = Path(__file__).parent / "fixtures" / "speakers"
CASES = [(f"{p.stem}-{i}", case) for p in sorted(HERE.glob("*.yaml"))
         for i, case in enumerate(yaml.safe_load(p.read_text(encoding="utf-8")), 1)]
DATE = "2024-05-14"


def test_corpus_is_large_enough():
    assert len(CASES) >= 40
    assert {p.stem for p in HERE.glob("*.yaml")} >= {"pronouns", "separators", "continuation", "cues", "roles",
                                                      "surnames", "links", "english"}


@pytest.mark.parametrize("name,case", CASES, ids=[n for n, _ in CASES])
def test_passage(pipeline, name, case):
    text = case["text"]
    if "english" in case:
        assert is_english(text) is case["english"]
    if not any(case.get(k) for k in ("quotes", "links", "not_quotes", "quote_count")):
        return
    doc = pipeline.process(Article(text=text, published=DATE))
    for frag in case.get("not_quotes") or []:
        assert not [q.text for q in doc.quotes if frag in q.text], (frag, [(q.kind, q.text) for q in doc.quotes])
    for want in case.get("quote_count") or []:
        hits = [(q.kind, q.cue, q.text) for q in doc.quotes if want["fragment"] in q.text]
        assert len(hits) == want["n"], (want, hits)
    for want in case.get("quotes") or []:
        hits = [q for q in doc.quotes if want["fragment"] in q.text]
        assert hits, (want["fragment"], [(q.kind, q.text) for q in doc.quotes])
        q = min(hits, key=lambda q: len(q.text))
        actor = doc.actor(q.speaker)
        got = actor.name if actor else None
        if want["speaker"] is None:
            assert got is None, (want, got, q.speaker_name)
        else:
            assert got is not None and want["speaker"].lower() in got.lower(), (want, got, q.speaker_name, q.cue)
        if "name" in want:
            assert want["name"].lower() in (q.speaker_name or "").lower(), (want, q.speaker_name)
        if "cue" in want:
            assert want["cue"].lower() in (q.cue or "").lower(), (want, q.cue, q.text)
    for want in case.get("links") or []:
        actors = [a for a in doc.actors if any(m.text == want["mention"] for m in a.mentions)]
        if "not_kind" in want and not actors:
            continue  # no actor at all is not a person either
        assert len(actors) == 1, (want, [(a.name, a.kind, [m.text for m in a.mentions]) for a in doc.actors])
        a = actors[0]
        if "actor" in want:
            assert want["actor"].lower() in a.name.lower(), (want, a.name)
        if "kind" in want:
            assert a.kind == want["kind"], (want, a.name, a.kind)
        if "not_kind" in want:
            assert a.kind != want["not_kind"], (want, a.name, a.kind)
        if "country" in want:
            assert a.country == want["country"], (want, a.name, a.country)
        if "code" in want:
            assert a.code == want["code"], (want, a.name, a.code)
        if "form" in want:
            m = next(m for m in a.mentions if m.text == want["mention"])
            assert m.form == want["form"], (want, a.name, m.form)
