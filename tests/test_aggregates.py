"""The aggregate tables answer the dyad list and timelines exactly as the events table does."""
import dataclasses

import pytest

from conftest import analyse, stored
from dyad import aggregates, query
from dyad.store import Store

TEXTS = [
    ("The United States imposed sanctions on Russia. Russia condemned the United States.", "2024-02-24"),
    ("China accused Japan of provocations. Japan rejected the accusation from China.", "2024-03-01"),
    ("France praised Germany for its aid. Germany thanked France. China criticized the United States.", "2024-03-30"),
    ("Iran threatened Israel. Israel attacked Iran. The United States urged Israel to show restraint.", "2025-01-05"),
    ("President Biden criticized President Putin. The Russian army attacked Ukraine.", "2024-03-15"),
]
DATES = ["2024-01-15", "2024-02-29", "2024-03-31", "2024-04-01", None, "2025-01-05"]


def _corpus(pipeline):
    """Real documents, each event also stored one-sided (target dropped or source dropped) and on
    several dates (one undated), so every key of the aggregates is exercised."""
    docs = []
    for i, (text, day) in enumerate(TEXTS):
        doc = analyse(pipeline, text, day, doc_id=f"d{i}")
        assert doc.events, "each fixture text must yield events"
        extra = []
        for j, e in enumerate(doc.events):
            e.date = DATES[(i + j) % len(DATES)]
            if j % 2:
                extra.append(dataclasses.replace(e, target=None, target_code=None, target_country=None,
                                                 target_name=None, date=DATES[(i + j + 1) % len(DATES)]))
            else:
                extra.append(dataclasses.replace(e, source=None, source_code=None, source_country=None,
                                                 source_name=None, date=DATES[(i + 2 * j) % len(DATES)]))
        doc.events += extra
        docs.append(doc)
    return docs


def _norm(rows):
    return [{k: (round(float(v), 2) if k == "mean_goldstein" and v is not None else v) for k, v in r.items()}
            for r in rows]


@pytest.fixture(scope="module")
def docs(pipeline):
    return _corpus(pipeline)


@pytest.fixture(scope="module")
def store(tmp_path_factory, docs):
    return stored(tmp_path_factory.mktemp("agg") / "s.duckdb", docs)


def test_shards_and_single_articles_give_the_same_aggregates(store, docs, tmp_path):
    """`dyad ingest --ray` loads shards: two shards must add up to what article-by-article writes gave,
    including counts that two shards add to the same key."""
    from dyad import shards

    db = tmp_path / "ray.duckdb"
    with Store(db) as s:
        for i, part in enumerate((docs[:2], docs[2:])):
            assert shards.load(s.con, shards.write(part, tmp_path / "shards", f"s{i}"))["stored"] == len(part)
        got = {t: s.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in aggregates.TABLES}
    with Store(store, read_only=True) as s:
        want = {t: s.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in aggregates.TABLES}
    def exact(rows):  # Goldstein sums added in another order may differ in the last bit
        return [tuple(round(v, 9) if isinstance(v, float) else v for v in r) for r in rows]

    assert got["dyad_day"] and {t: exact(r) for t, r in got.items()} == {t: exact(r) for t, r in want.items()}


CASES = [dict(), dict(since="2024-02-01"), dict(until="2024-03-31"), dict(since="2024-02-29", until="2024-04-01"),
         dict(one_sided=True), dict(one_sided=True, since="2024-03-01"), dict(domestic=True),
         dict(actor="USA"), dict(actor="RUS", one_sided=True, until="2024-03-15"), dict(actor="USAGOV")]
# every kind of range over the fixture's dates: open ends, whole months, cut months, one day, none in range
BOUNDS = [None, "2024-01-01", "2024-01-15", "2024-01-16", "2024-02-29", "2024-03-01", "2024-03-31", "2024-04-01",
          "2025-01-05", "2025-01-31"]
RANGES = [(a, b) for a in BOUNDS for b in BOUNDS if not (a and b and a > b)]


def test_the_fixture_has_articles_with_several_days_in_one_dyad(store):
    """The article counts' "first day in range" rows (prev > -infinity) are exercised only if some
    article has events of one dyad on several days."""
    with Store(store, read_only=True) as s:
        assert s.con.execute("SELECT count(*) FROM dyad_articles WHERE prev > DATE '-infinity'").fetchone()[0] > 0


@pytest.mark.parametrize("one_sided", [False, True])
def test_dyads_match_the_events_table_over_every_range(store, one_sided, monkeypatch):
    with Store(store, read_only=True) as s:
        fast = [query.dyads(s.con, limit=100, since=a, until=b, one_sided=one_sided) for a, b in RANGES]
        monkeypatch.setattr(aggregates, "present", lambda con: False)
        slow = [query.dyads(s.con, limit=100, since=a, until=b, one_sided=one_sided) for a, b in RANGES]
    assert sum(map(len, fast)) > len(RANGES)
    for rng, f, sl in zip(RANGES, fast, slow):
        assert _norm(f) == _norm(sl), rng


def test_an_actor_code_that_is_not_only_a_country_goes_to_the_events_table(store):
    with Store(store, read_only=True) as s:
        codes = dict(s.con.execute("SELECT code, bool_or(country <> code) FROM party_codes GROUP BY code").fetchall())
        assert codes.get("USA") is False and aggregates.plain_country(s.con, "USA")
        assert any(codes.values()), "the fixture should have codes such as USAGOV"
        assert not aggregates.plain_country(s.con, next(c for c, other in codes.items() if other))


@pytest.mark.parametrize("kw", CASES)
def test_dyads_match_the_events_table(store, kw, monkeypatch):
    with Store(store, read_only=True) as s:
        assert aggregates.present(s.con)
        fast = query.dyads(s.con, limit=100, **kw)
        monkeypatch.setattr(aggregates, "present", lambda con: False)
        slow = query.dyads(s.con, limit=100, **kw)
    assert fast, "the corpus must give dyads"
    assert _norm(fast) == _norm(slow)


@pytest.mark.parametrize("kw", [dict(), dict(directed=True), dict(one_sided=True), dict(one_sided=True, directed=True),
                                dict(by="day", since="2024-02-01", until="2024-03-31"), dict(by="year", one_sided=True)])
@pytest.mark.parametrize("pair", [("USA", "RUS"), ("RUS", "USA"), ("CHN", "JPN"), ("ISR", "IRN")])
def test_timelines_match_the_events_table(store, kw, pair, monkeypatch):
    with Store(store, read_only=True) as s:
        fast = query.timeline(s.con, *pair, **kw)
        monkeypatch.setattr(aggregates, "present", lambda con: False)
        slow = query.timeline(s.con, *pair, **kw)
    assert _norm(fast) == _norm(slow)


def test_an_older_store_gets_its_aggregates_on_open(store, tmp_path):
    import shutil

    import duckdb

    old = tmp_path / "old.duckdb"
    shutil.copy(store, old)
    con = duckdb.connect(str(old))
    before = query.dyads(con, limit=100, one_sided=True)
    con.execute("DROP TABLE dyad_day")
    con.execute("DROP TABLE dyad_articles")
    assert not aggregates.present(con)
    con.close()
    with Store(old) as s:  # opening for writing migrates
        assert aggregates.present(s.con)
        assert _norm(query.dyads(s.con, limit=100, one_sided=True)) == _norm(before)


FILTERS = [dict(), dict(since="2024-02-01"), dict(until="2024-03-31", sided="two"), dict(sided="one"),
           dict(since="2024-01-16", until="2025-01-05"), dict(since="2024-03-31", until="2024-03-31"),
           dict(quad="1,3"), dict(quad="4", since="2024-02-29", until="2025-01-05"),
           dict(a="USA", b="RUS"), dict(a="USA", b="RUS", direction="from"), dict(a="RUS", b="USA", direction="to")]


@pytest.mark.parametrize("kw", FILTERS)
def test_web_dyads_timelines_and_sparklines_match_the_events_table(store, kw, monkeypatch):
    from dyad import explore
    from dyad.filters import EventFilter

    with Store(store, read_only=True) as s:
        f = EventFilter.parse(s.con, **kw)
        pairs = [("USA", "RUS"), ("JPN", "CHN"), ("IRN", "ISR"), ("FRA", "DEU")]
        assert explore.aggregate_where(s.con, f) is not None
        fast = (explore.dyads(s.con, f, limit=100), explore.timeline(s.con, f, by="month"),
                explore.timeline(s.con, f, by="day"), explore.sparklines(s.con, f, pairs))
        monkeypatch.setattr(aggregates, "present", lambda con: False)
        slow = (explore.dyads(s.con, f, limit=100), explore.timeline(s.con, f, by="month"),
                explore.timeline(s.con, f, by="day"), explore.sparklines(s.con, f, pairs))
    assert any(fast[1]) or kw.get("quad"), "the filter should keep some events"
    assert _norm(fast[0]) == _norm(slow[0])
    assert _norm(fast[1]) == _norm(slow[1]) and _norm(fast[2]) == _norm(slow[2])
    assert {k: _norm(v) for k, v in fast[3].items()} == {k: _norm(v) for k, v in slow[3].items()}


def test_filters_the_aggregates_cannot_answer_go_to_the_events_table(store):
    from dyad import explore
    from dyad.filters import EventFilter

    with Store(store, read_only=True) as s:
        for kw in (dict(actor="USA"), dict(root="17")):
            assert explore.aggregate_where(s.con, EventFilter.parse(s.con, **kw)) is None
        assert explore.aggregate_where(s.con, EventFilter.parse(s.con, quad="1"), quad=False) is None


def test_summary_span_from_the_aggregates_leaves_undated_events_out(store, monkeypatch):
    with Store(store, read_only=True) as s:
        fast = query.summary(s.con)
        monkeypatch.setattr(aggregates, "present", lambda con: False)
        slow = query.summary(s.con)
    assert fast == slow and str(fast["first"]) == "2024-01-15" and str(fast["last"]) == "2025-01-05"
