"""Reading inputs: every kind of bad input becomes a Problem with a reason, never an exception."""
from __future__ import annotations

import json

import pytest

from dyad import ingest
from dyad.ingest import Problem
from dyad.types import Article


def _read(path):
    return list(ingest.read(path))


def test_plain_text_keeps_exact_text(tmp_path):
    text = "Russia and Ukraine exchanged prisoners on Monday, officials said in Kyiv.\n"
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    [art] = ingest.read(p, published="2024-01-03")
    assert isinstance(art, Article)
    assert art.text == text and art.published == "2024-01-03"


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x00\x01\x02\x03binary\x00\xff" * 50, "binary"),
    ("Der Bundeskanzler traf am Montag den chinesischen Präsidenten in Peking und sprach über den Handel "
     "zwischen den beiden Ländern, die Lage in der Ukraine und die Zukunft der Beziehungen.".encode(), "not English"),
    ("Le président français a rencontré son homologue chinois à Pékin pour parler du commerce et de la "
     "guerre en Ukraine, a indiqué l'Élysée dans un communiqué publié lundi soir.".encode(), "not English"),
])
def test_bad_files_are_problems(tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    [item] = _read(p)
    assert isinstance(item, Problem)
    assert reason in item.reason and item.path == str(p)


def test_invalid_utf8_names_the_offset(tmp_path):
    p = tmp_path / "latin1.txt"
    text = "The minister met the ambassador in Zürich on Monday to discuss trade."
    p.write_bytes(text.encode("latin-1"))
    [item] = _read(p)
    assert isinstance(item, Problem)
    assert "not valid UTF-8" in item.reason and f"offset {text.index('ü')}" in item.reason


def test_huge_text_is_refused_with_its_size(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_text("The ministers met in Geneva and talked about trade. " * 100_000, encoding="utf-8")
    assert p.stat().st_size > 5_000_000
    [item] = _read(p)
    assert isinstance(item, Problem) and "too large" in item.reason and "5,200,000" in item.reason


def test_malformed_jsonl_line_among_good_ones(tmp_path):
    good = {"id": "x1", "date": "2024-02-01", "title": "t", "text": "China and Japan held talks on Monday in Tokyo about fishing."}
    lines = [json.dumps(good), "{not json", json.dumps({"id": "x2", "text": ""}), "[1, 2]",
             json.dumps(dict(good, id="x3", date="not a date"))]
    p = tmp_path / "mixed.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read(p)
    arts = [i for i in items if isinstance(i, Article)]
    probs = [i for i in items if isinstance(i, Problem)]
    assert [a.doc_id for a in arts] == ["x1", "x3"]
    assert arts[1].published is None  # an unusable date is dropped, the article kept
    assert [(p.line, p.reason.split(" ")[0]) for p in probs] == [(2, "malformed"), (3, "missing"), (4, "a")]


def test_html_article_and_html_without_text(tmp_path, corpus):
    [art] = _read(corpus / "page.html")
    assert isinstance(art, Article)
    assert "provisional tariffs" in art.text and "Copyright" not in art.text
    assert art.title == "EU talks with China on trade"
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    [item] = _read(empty)
    assert isinstance(item, Problem) and "no article text" in item.reason


def test_expand_folders_globs_and_missing(tmp_path, corpus):
    files, problems = ingest.expand([str(corpus), str(corpus / "*.txt"), str(tmp_path / "nope.txt"),
                                     str(tmp_path / "*.zzz")])
    names = [f.name for f in files]
    assert sorted(names) == ["page.html", "ukraine.txt", "visits.jsonl"]  # the glob adds no duplicate
    assert [p.reason for p in problems] == ["no such file or folder", "no file matches this pattern"]


def test_publication_dates_are_normalised():
    assert ingest.normalise_date("2024-03-05T10:00:00Z") == "2024-03-05"
    assert ingest.normalise_date("March 5, 2024") == "2024-03-05"
    assert ingest.normalise_date("2024-02-30") is None
    assert ingest.normalise_date("") is None
