"""The DuckDB store: idempotent, and an article's rows are written all together or not at all."""
import duckdb
import pytest

from dyad.store import Store


def test_idempotent_and_atomic(tmp_path, pipeline):
    db = tmp_path / "s.duckdb"
    doc = pipeline.process(__import__("dyad").Article(
        text="The United States imposed sanctions on Russia on Friday. Russia condemned the United States.",
        published="2024-02-24", doc_id="d1"))
    assert doc.events, "fixture sentence must yield events"
    with Store(db) as s:
        assert s.add(doc) is True
        assert s.add(doc) is False  # same text: stored once
        assert s.counts()["articles"] == 1
        n_events = s.counts()["events"]
        assert n_events == len(doc.events)

        bad = pipeline.process(__import__("dyad").Article(
            text="China accused Japan of provocations. Japan rejected the accusation from China.",
            published="2024-03-01", doc_id="d2"))
        assert bad.events
        bad.events[-1].date = "2024-13-45"  # the last row to be written cannot be stored
        with pytest.raises(duckdb.Error):
            s.add(bad)
        # nothing of the failed article remains, in any table
        for table in ("articles", "actors", "mentions", "quotes", "events"):
            assert s.con.execute(f"SELECT count(*) FROM {table} WHERE doc_id = 'd2'").fetchone()[0] == 0
        assert s.counts()["events"] == n_events


def test_same_id_different_text_is_refused(tmp_path, pipeline):
    from dyad import Article

    with Store(tmp_path / "s.duckdb") as s:
        s.add(pipeline.process(Article(text="Japan praised South Korea on Monday.", doc_id="same")))
        with pytest.raises(ValueError, match="already used"):
            s.add(pipeline.process(Article(text="India criticized Pakistan on Tuesday.", doc_id="same")))


def test_read_only_store_must_exist(tmp_path):
    with pytest.raises(FileNotFoundError):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_store_from_an_older_schema_is_upgraded(tmp_path, pipeline):
    from dyad import Article

    db = tmp_path / "old.duckdb"
    with Store(db) as s:
        s.con.execute("ALTER TABLE events DROP COLUMN place")  # as created before the columns existed
        s.con.execute("ALTER TABLE mentions DROP COLUMN form")
    with Store(db) as s:
        cols = [r[0] for r in s.con.execute("DESCRIBE events").fetchall()]
        assert "place" in cols
        assert "form" in [r[0] for r in s.con.execute("DESCRIBE mentions").fetchall()]
        assert s.add(pipeline.process(Article(text="Russia attacked Ukraine in Kharkiv on Monday.",
                                              published="2024-05-13", doc_id="m")))


def test_mentions_keep_their_form(tmp_path, pipeline):
    """A name and a demonym of one country are told apart in the store, as in the document."""
    from dyad import Article

    doc = pipeline.process(Article(text="Peru recalled its ambassador. Peruvian diplomats said Peru was insulted.",
                                   doc_id="f"))
    with Store(tmp_path / "s.duckdb") as s:
        s.add(doc)
        rows = s.con.execute("SELECT text, form FROM mentions ORDER BY start_char").fetchall()
    assert rows == [(m.text, m.form) for m in sorted((m for a in doc.actors for m in a.mentions),
                                                     key=lambda m: m.start)]
    forms = dict(rows)
    assert (forms["Peru"], forms["Peruvian"], forms["Peruvian diplomats"]) == ("name", "demonym", "role")
