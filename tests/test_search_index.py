"""The search index (dyad.search) gives exactly the articles that `ILIKE` over every text gives."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from conftest import analyse, stored
from dyad import query, search, shards
from dyad.store import Store

# texts chosen for the cases the index must get right: case, letters outside ASCII (a dotted capital I,
# a decomposed diaeresis, accents), words joined by punctuation, digits, a word inside a longer one
TEXTS = [
    ("Sanctions on Russia", "The United States imposed SANCTIONS on Russia. Russia condemned the sanctions."),
    ("Talks in İSTANBUL", "Turkey hosted talks in İSTANBUL between Russia and Ukraine on 12 March 2024."),
    ("Naïve hopes", "Analysts called the cafe\u0301 diplomacy of France nai\u0308ve; Germany disagreed."),
    ("U.S.-led coalition", "The U.S.-led coalition struck targets in Syria. Syria denounced the strikes."),
    ("Trade", "China and Japan signed a trade deal; the antisanctions lobby in Tokyo welcomed it."),
    (None, "President Biden met President Xi Jinping in San Francisco. China praised the meeting."),
]
QUERIES = ["sanctions", "SANCTION", "Sanctions on", "istanbul", "İstanbul", "stanbul", "naive", "naïve", "cafe",
           "U.S.", "u.s.-led", "US", "led", "2024", "12 March", "xi jinping", "francisco", "Biden met", "zzz",
           "a", "the", "n.", "%", "_", "trade deal;"]
ACTORS = ["USA", "usa", "CHN", "Biden", "jinping", "Russia", "RUS", "france", "ZZZ"]


@pytest.fixture(scope="module")
def docs(pipeline):
    return [analyse(pipeline, text, f"2024-03-{10 + i:02d}" if i % 3 else None, title=title, doc_id=f"s{i}")
            for i, (title, text) in enumerate(TEXTS)]


@pytest.fixture(scope="module")
def store(tmp_path_factory, docs):
    return stored(tmp_path_factory.mktemp("search") / "s.duckdb", docs)


def _both(con, monkeypatch, **kw):
    fast = query.articles(con, **kw)
    with monkeypatch.context() as m:
        m.setattr(search, "present", lambda con: False)
        slow = query.articles(con, **kw)
    return fast, slow


def test_every_query_matches_the_scan_of_every_text(store, monkeypatch):
    with Store(store, read_only=True) as s:
        found = 0
        for q in QUERIES:
            fast, slow = _both(s.con, monkeypatch, q=q)
            assert fast == slow, q
            found += fast["total"] > 0
        assert found >= len(QUERIES) // 2, "most queries should find something"


def test_actor_filters_alone_and_with_words_match_the_scan(store, monkeypatch):
    with Store(store, read_only=True) as s:
        for actor in ACTORS:
            for q in (None, "sanctions", "the", "Biden met"):
                fast, slow = _both(s.con, monkeypatch, actor=actor, q=q)
                assert fast == slow, (actor, q)
        assert query.articles(s.con, actor="USA")["total"] > 0


def test_pages_match_the_scan(store, monkeypatch):
    with Store(store, read_only=True) as s:
        for page in (1, 2, 3):
            fast, slow = _both(s.con, monkeypatch, q="the", page=page, per_page=2)
            assert fast == slow and fast["articles"]
        with pytest.raises(query.QueryError):
            query.articles(s.con, q="the", page=99, per_page=2)


def test_names_under_the_code_are_skipped_and_others_added(monkeypatch):
    """"usa" names both American officials (always under USA: their articles already hold the code) and
    a "Musa" who is not (his articles are added once, even where an American also appears)."""
    with Store(":memory:") as s:
        rows = [("d1", "2024-01-01", "USA official", "USAGOV", "USA"), ("d2", "2024-01-02", "Musa Faki", "IGOAFU", None),
                ("d3", "2024-01-03", "Musa Faki", "IGOAFU", None), ("d3", "2024-01-03", "USA envoy", "USA", "USA"),
                ("d4", None, "Joe Biden", "USAGOV", "USA"), ("d5", "2024-01-05", "Angela Merkel", "DEUGOV", "DEU")]
        for doc_id, day, name, code, country in rows:
            s.con.execute("INSERT OR IGNORE INTO articles (doc_id, text_hash, published, text) VALUES (?, ?, ?, 'x')",
                          [doc_id, doc_id, day])
            s.con.execute("INSERT INTO actors (doc_id, actor_id, name, code, country) VALUES (?, ?, ?, ?, ?)",
                          [doc_id, name, name, code, country])
        search.refresh(s.con)
        always = dict(s.con.execute("SELECT term, always FROM search_vocab WHERE kind = 'n'").fetchall())
        assert always["USA official"] == ["USA", "USAGOV"] and always["Musa Faki"] == ["IGOAFU"]
        for actor in ("usa", "USA", "musa", "USAGOV", "merkel", "DEU", "IGOAFU"):
            fast, slow = _both(s.con, monkeypatch, actor=actor)
            assert fast == slow, actor
        assert query.articles(s.con, actor="usa")["total"] == 4
        for actor in ("usa", "Faki", "deugov", "USAG", "ZZZ", "%", "merkel "):
            fast = query.known_actor(s.con, actor)
            monkeypatch.setattr(search, "present", lambda con: False)
            assert fast == query.known_actor(s.con, actor), actor
            monkeypatch.undo()


def test_shards_and_single_articles_give_the_same_index(store, docs, tmp_path):
    db = tmp_path / "ray.duckdb"
    with Store(db) as s:
        for i, part in enumerate((docs[:3], docs[3:])):
            shards.load(s.con, shards.write(part, tmp_path / "shards", f"s{i}"))
        got = {t: s.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in search.TABLES}
    with Store(store, read_only=True) as s:
        want = {t: s.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in search.TABLES}
    assert got["search_docs"] and got == want


def test_an_older_store_gets_its_index_on_open(store, tmp_path, monkeypatch):
    old = tmp_path / "old.duckdb"
    shutil.copy(store, old)
    con = duckdb.connect(str(old))
    for t in search.TABLES:
        con.execute(f"DROP TABLE {t}")
    assert not search.present(con)
    before = query.articles(con, q="sanctions")  # read without the index: the scan
    con.close()
    with Store(old) as s:
        assert search.present(s.con)
        assert query.articles(s.con, q="sanctions") == before and before["total"] >= 2


def test_summary_counts_the_same_from_the_index_and_the_aggregates(store, monkeypatch):
    from dyad import aggregates

    with Store(store, read_only=True) as s:
        fast = query.summary(s.con)
        monkeypatch.setattr(search, "present", lambda con: False)
        monkeypatch.setattr(aggregates, "present", lambda con: False)
        assert fast == query.summary(s.con) and fast["actors"] > 3 and fast["first"] < fast["last"]


def test_pages_read_from_the_newest_articles_are_the_pages_of_all(monkeypatch):
    """Pages come from the last month, then the last year, then all articles: any page, near or far,
    with undated articles at the end, is the page the scan gives."""
    with Store(":memory:") as s:
        for i in range(240):  # dated every ~5 days over three years, every 9th undated, two words in turn
            day = None if i % 9 == 0 else f"{2021 + (i * 5) // 365}-{1 + ((i * 5) % 365) // 31:02d}-{1 + (i % 28):02d}"
            s.con.execute("INSERT INTO articles (doc_id, text_hash, published, text) VALUES (?, ?, ?, ?)",
                          [f"a{i:03d}", str(i), day, f"report {'alpha' if i % 2 else 'beta'} number{i % 5}"
                                                     f"{' zebra crossing' if i % 37 == 0 else ''}"])
        search.refresh(s.con)
        # one word; several (a rare one narrows to its articles, which are then checked; common ones are not used)
        for q, per_page in (("report", 7), ("alpha", 20), ("number3", 3), ("alp", 50), ("zebra crossing", 2),
                            ("ebra cross", 3), ("report alpha", 9), ("beta number1", 4)):
            total = query.articles(s.con, q=q, per_page=per_page)["pages"]
            for page in {1, 2, total // 2, total - 1, total} - {0}:
                fast, slow = _both(s.con, monkeypatch, q=q, page=page, per_page=per_page)
                assert fast == slow, (q, page)
