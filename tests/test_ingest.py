"""Reading inputs: every kind of bad input becomes a Problem with a reason, never an exception."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from dyad import ingest
from dyad.ingest import Problem
from dyad.types import Article, DyadError


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
    assert [a.doc_id for a in arts] == ["x1"]
    assert [(p.line, p.reason.split(" ")[0]) for p in probs] == [(2, "malformed"), (3, "missing"), (4, "a"), (5, "'date'")]


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


def test_publication_dates_are_iso_or_refused():
    assert ingest.normalise_date("2024-03-05T10:00:00Z") == "2024-03-05"
    assert ingest.normalise_date("2024-03-05 10:00+02:00") == "2024-03-05"
    assert ingest.normalise_date("") is None and ingest.normalise_date(None) is None
    for bad in ("March 5, 2024", "2024-02-30", "yesterday", "05/03/2024", "2024-03-05junk"):
        with pytest.raises(DyadError, match="ISO date"):
            ingest.normalise_date(bad)


def _jsonl(tmp_path, records: list) -> list:
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return _read(p)


TEXT = "China and Japan held talks on Monday in Tokyo about fishing rights and trade."


@pytest.mark.parametrize("value, shown", [
    ("yesterday", "'yesterday'"), (float("nan"), "NaN"), (["2023"], '["2023"]'), (20230205, "20230205"),
    ({"y": 2023}, '{"y": 2023}'), ("2023-02", "'2023-02'"), (True, "true"),
])
def test_jsonl_dates_that_are_not_iso_are_problem_lines(tmp_path, value, shown):
    items = _jsonl(tmp_path, [{"id": "ok", "date": "2023-02-05", "text": TEXT},
                              {"id": "bad", "date": value, "text": TEXT + " Again."}])
    assert isinstance(items[0], Article) and items[0].published == "2023-02-05"
    assert isinstance(items[1], Problem) and items[1].line == 2
    assert "'date'" in items[1].reason and shown in items[1].reason


@pytest.mark.parametrize("field, value", [("id", ["a"]), ("id", {"k": 1}), ("title", ["t"]), ("id", False),
                                          ("title", float("nan")), ("source", {"u": 1})])
def test_jsonl_ids_and_titles_must_be_strings_or_numbers(tmp_path, field, value):
    [item] = _jsonl(tmp_path, [{field: value, "text": TEXT}])
    assert isinstance(item, Problem) and f"'{field}' must be a string or a number" in item.reason


def test_jsonl_numeric_id_and_title_are_text(tmp_path):
    [art] = _jsonl(tmp_path, [{"id": 42, "title": 7.5, "text": TEXT}])
    assert art.doc_id == "42" and art.title == "7.5"


def test_lone_surrogate_is_replaced_with_a_warning_not_fatal(tmp_path, pipeline):
    raw = '{"id": "s1", "title": "x\\udc00", "text": "China and Japan held talks in Tokyo \\ud800 on Monday about trade."}'
    [art] = _jsonl(tmp_path, [raw, {"id": "s2", "text": TEXT}])[:1]
    assert "\ud800" not in art.text and "\ufffd" in art.text and art.title == "x\ufffd"
    assert len(art.text) == len(json.loads(raw)["text"])  # one for one: offsets are unchanged
    doc = pipeline.process(art)
    assert any("cannot be stored as UTF-8" in w for w in doc.warnings)
    doc.text.encode("utf-8")  # storable


def test_library_sanitises_and_checks_dates_too(pipeline):
    doc = pipeline.process(Article(text="Japan and China held talks in Tokyo.\x00 Officials met on Monday."))
    assert "\x00" not in doc.text and any("U+FFFD" in w for w in doc.warnings)
    with pytest.raises(DyadError, match="published"):
        pipeline.process(Article(text=TEXT, published="yesterday"))
    import dyad
    with pytest.raises(dyad.DyadError):
        dyad.extract(TEXT, published="2023-13-45")


def test_symlink_loops_and_dangling_links_are_one_line_each(tmp_path):
    root = tmp_path / "news"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text(TEXT)
    (root / "sub" / "back").symlink_to(root)  # a loop through a folder
    (root / "self").symlink_to(root / "self")  # a link to itself
    (root / "gone.txt").symlink_to(root / "missing.txt")
    files, problems = ingest.expand([str(root)])
    assert files == [root / "sub" / "a.txt"]
    reasons = sorted((Path(p.path).name, p.reason.split(":")[0]) for p in problems)
    assert reasons == [("back", "symbolic link loop"), ("gone.txt", "broken symbolic link"),
                       ("self", "symbolic link loop")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder: run as a normal user to test this")
def test_unreadable_folder_is_one_line(tmp_path):
    root = tmp_path / "news"
    (root / "locked").mkdir(parents=True)
    (root / "ok.txt").write_text(TEXT)
    (root / "locked" / "a.txt").write_text(TEXT)
    (root / "locked").chmod(0)
    try:
        files, problems = ingest.expand([str(root)])
    finally:
        (root / "locked").chmod(0o755)
    assert files == [root / "ok.txt"]
    assert [(p.path, p.reason) for p in problems] == [(str(root / "locked"), "cannot read folder: Permission denied")]


@pytest.mark.parametrize("depth", [300, 20_000])
def test_html_nested_past_the_parser_limit_still_gives_its_text(tmp_path, depth):
    body = ("The foreign ministers of China and Japan met in Tokyo on Monday and agreed to resume talks on "
            "fishing rights, officials said.")
    p = tmp_path / "deep.html"
    p.write_text("<html><head><title>Deep</title></head><body>" + "<div class='w'>" * depth + f"<p>{body}</p>"
                 + "</div>" * depth + "</body></html>", encoding="utf-8")
    assert ingest.nesting_depth(p.read_text()) == depth + 3
    [art] = _read(p)
    assert isinstance(art, Article) and art.text.strip() == body and art.title == "Deep"


def test_a_million_character_line_is_refused_at_once(tmp_path):
    words = "the ministers of china met officials in geneva and talked about trade with russia ".split()
    line = " ".join(words[i % len(words)] for i in range(150_000))[:999_000]
    p = tmp_path / "line.txt"
    p.write_text(line, encoding="utf-8")
    t0 = time.monotonic()
    [item] = _read(p)
    assert time.monotonic() - t0 < 10
    assert isinstance(item, Problem) and "no sentence end" in item.reason and "10,000 characters" in item.reason
    # the same words as sentences and lines are an article
    ingest.check_text((" ".join(words) + ".\n") * 300)
