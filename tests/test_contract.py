"""The output contract: field names, types, and offsets that point into the input text."""
from __future__ import annotations

import re

from dyad import Article

ACTOR_KINDS = {"person", "organization", "country", "place", "group"}


def check_contract(d: dict) -> None:
    """Every rule of the contract that can be checked on one document."""
    assert set(d) >= {"doc_id", "title", "published", "source", "text", "actors", "quotes", "events", "warnings"}
    text = d["text"]
    assert isinstance(d["doc_id"], str) and d["doc_id"]
    assert d["published"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["published"])
    ids = set()
    for a in d["actors"]:
        assert re.fullmatch(r"A\d+", a["id"]) and a["id"] not in ids
        ids.add(a["id"])
        assert a["kind"] in ACTOR_KINDS and isinstance(a["name"], str) and a["name"]
        assert a["code"] is None or re.fullmatch(r"[A-Z0-9]{3,15}", a["code"])
        if a["code"] and a["country"]:
            assert a["code"].startswith(a["country"])
        assert a["mentions"], a
        for m in a["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    for q in d["quotes"]:
        assert q["kind"] in ("direct", "indirect", "mixed")
        assert text[q["start"]:q["end"]] == q["text"] and q["text"].strip()
        assert q["speaker"] is None or q["speaker"] in ids
    for e in d["events"]:
        assert re.fullmatch(r"\d{3,4}", e["cameo"]) and e["root"] == e["cameo"][:2]
        assert e["quad_class"] in (1, 2, 3, 4) and -10 <= e["goldstein"] <= 10
        assert e["source"] is None or e["source"] in ids
        assert e["target"] is None or e["target"] in ids
        assert 0 <= e["start"] < e["end"] <= len(text)
        assert e["trigger"] and e["trigger"] in text[e["start"]:e["end"]]
        assert isinstance(e["negated"], bool) and e["mentions"] >= 1
        assert e["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["date"])
    assert all(isinstance(w, str) for w in d["warnings"])


def test_document_follows_contract(pipeline, corpus):
    from dyad import ingest

    docs = [pipeline.process(a) for a in ingest.read_all([str(corpus)]) if isinstance(a, Article)]
    assert len(docs) == 5
    for doc in docs:
        check_contract(doc.to_dict())
    assert sum(len(d.events) for d in docs) >= 5 and sum(len(d.quotes) for d in docs) >= 3


def test_offsets_survive_noise_repair(pipeline):
    text = "Relations deteriorated over trade, human rightsChinese military aggression. Restrict access to technologyamong other actions."
    doc = pipeline.process(Article(text=text, published="2023-06-19"))
    assert doc.text == text
    assert any("rightsChinese" in w for w in doc.warnings) and any("technologyamong" in w for w in doc.warnings)
    check_contract(doc.to_dict())
    # the split token is recognised: a mention starts exactly where "Chinese" starts inside the fused word
    at = text.index("Chinese")
    starts = {m.start: (a, m) for a in doc.actors for m in a.mentions}
    assert at in starts and starts[at][0].country == "CHN"


def test_event_fields_are_consistent_with_ontology(pipeline):
    from dyad import ontology

    doc = pipeline.process(Article(text="Russia attacked Ukraine. Japan praised South Korea.", published="2024-01-10"))
    assert doc.events
    for e in doc.events:
        c = ontology.get(e.cameo)
        assert (e.goldstein, e.quad_class, e.root) == (c.goldstein, c.quad_class, c.root)
