"""The HTTP API and the pages over a store built by the real pipeline from the fixture corpus."""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from dyad.api import create_app, highlight, sparkline
from test_contract import check_contract
from webfixtures import build_store, free_port

VISIT = "t-2023-06-19-visit"


@pytest.fixture(scope="module")
def store(tmp_path_factory, pipeline):
    """(path of a store holding the fixture corpus, the documents stored in it as contract dicts)."""
    db = tmp_path_factory.mktemp("api") / "store.duckdb"
    docs = [json.loads(json.dumps(d.to_dict(), default=str)) for d in build_store(pipeline, db)]
    return db, docs


@pytest.fixture(scope="module")
def client(store, pipeline):
    with TestClient(create_app(store[0], pipeline=pipeline, max_chars=5_000)) as c:
        yield c


def _pair_events(docs, a, b):
    return [e for d in docs for e in d["events"] if {e["source_country"], e["target_country"]} == {a, b}]


def _check_json_error(r, status, *words):
    assert r.status_code == status, (r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/json")
    detail = r.json()["detail"]
    assert detail, r.text
    text = json.dumps(detail)
    for w in words:
        assert w in text, (w, text)


# -- the JSON API --------------------------------------------------------------------------------

def test_dyads_agree_with_the_stored_events(client, store):
    _, docs = store
    rows = client.get("/api/dyads").json()
    pairs = {(r["a"], r["b"]): r for r in rows}
    assert ("CHN", "USA") in pairs, rows  # Blinken met Xi; Biden met Xi; Beijing criticised Washington
    for (a, b), r in pairs.items():
        evs = _pair_events(docs, a, b)
        assert r["events"] == len(evs) > 0
        assert [r["verbal_coop"], r["material_coop"], r["verbal_conflict"], r["material_conflict"]] == \
            [sum(e["quad_class"] == q for e in evs) for q in (1, 2, 3, 4)]
        assert r["mean_goldstein"] == pytest.approx(sum(e["goldstein"] for e in evs) / len(evs), abs=0.006)
        assert r["articles"] == len({d["doc_id"] for d in docs for e in d["events"] if e in evs})
    assert [r["events"] for r in rows] == sorted((r["events"] for r in rows), reverse=True)


def test_dyad_filters(client, store):
    _, docs = store
    chn = client.get("/api/dyads", params={"actor": "chn"}).json()
    assert chn and all("CHN" in (r["a"], r["b"]) for r in chn)
    since = client.get("/api/dyads", params={"since": "2024-01-01"}).json()
    assert since and all(r["first"] >= "2024-01-01" for r in since)
    until = client.get("/api/dyads", params={"until": "2023-12-31"}).json()
    assert until and all(r["last"] <= "2023-12-31" for r in until)
    assert client.get("/api/dyads", params={"since": "2030-01-01"}).json() == []


def test_timeline_by_month_and_year(client, store):
    _, docs = store
    dated = [e for e in _pair_events(docs, "USA", "CHN") if e["date"]]
    rows = client.get("/api/timeline", params={"a": "USA", "b": "CHN", "by": "month"}).json()
    assert Counter({r["period"][:7]: r["events"] for r in rows}) == Counter(e["date"][:7] for e in dated)
    for r in rows:
        assert r["q1"] + r["q2"] + r["q3"] + r["q4"] == r["events"] == r["cooperation"] + r["conflict"]
        assert r["period"].endswith("-01")
    assert [r["period"] for r in rows] == sorted(r["period"] for r in rows)
    years = client.get("/api/timeline", params={"a": "chn", "b": "usa", "by": "year"}).json()
    assert sum(r["events"] for r in years) == len(dated)
    assert all(r["period"].endswith("-01-01") for r in years)
    directed = client.get("/api/timeline", params={"a": "USA", "b": "CHN", "directed": True}).json()
    assert sum(r["events"] for r in directed) == sum(e["source_country"] == "USA" for e in dated)


def test_events_behind_a_dyad_link_to_their_articles(client, store):
    _, docs = store
    evs = client.get("/api/events", params={"a": "USA", "b": "CHN"}).json()
    assert len(evs) == len(_pair_events(docs, "USA", "CHN"))
    by_id = {d["doc_id"]: d for d in docs}
    for e in evs:
        stored = by_id[e["doc_id"]]["events"][e["event_no"]]
        assert (stored["cameo"], stored["trigger"]) == (e["cameo"], e["trigger"])


def test_articles_are_paged_and_filtered(client, store):
    _, docs = store
    seen = []
    first = client.get("/api/articles", params={"per_page": 2}).json()
    assert first["total"] == len(docs) and first["pages"] == -(-len(docs) // 2)
    for page in range(1, first["pages"] + 1):
        seen += [a["doc_id"] for a in client.get("/api/articles", params={"per_page": 2, "page": page}).json()["articles"]]
    assert sorted(seen) == sorted(d["doc_id"] for d in docs)
    balloon = client.get("/api/articles", params={"q": "balloon"}).json()
    assert [a["doc_id"] for a in balloon["articles"]] == [VISIT]
    blinken = client.get("/api/articles", params={"actor": "Blinken"}).json()
    assert VISIT in [a["doc_id"] for a in blinken["articles"]]
    expected = {d["doc_id"] for d in docs if any(a["code"] == "CHNGOV" for a in d["actors"])}
    if expected:
        got = client.get("/api/articles", params={"actor": "CHNGOV", "per_page": 200}).json()
        assert {a["doc_id"] for a in got["articles"]} == expected


def test_article_is_the_contract_document(client, store):
    _, docs = store
    for d in docs:
        got = client.get(f"/api/articles/{d['doc_id']}").json()
        check_contract(got)
        assert got == d


def test_actors_search(client, store):
    _, docs = store
    rows = client.get("/api/actors", params={"q": "xi"}).json()
    assert any("Xi Jinping" == r["name"] for r in rows), rows
    assert all("xi" in r["name"].lower() or (r["code"] or "").lower().startswith("xi") for r in rows)
    everyone = client.get("/api/actors", params={"limit": 1000}).json()
    assert {r["name"] for r in everyone} == {a["name"] for d in docs for a in d["actors"]}


def test_extract_returns_a_document_and_stores_nothing(client, store):
    db, docs = store
    text = "Japan and India signed a trade agreement on Tuesday. Japan praised India for its help."
    r = client.post("/api/extract", json={"text": text, "published": "2024-05-01", "title": "Trade"})
    assert r.status_code == 200, r.text
    d = r.json()
    check_contract(d)
    assert d["text"] == text and d["published"] == "2024-05-01" and d["title"] == "Trade"
    assert {"JPN", "IND"} <= {a["country"] for a in d["actors"]}
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == len(docs)
    finally:
        con.close()


# -- bad input: a clear 4xx with a JSON detail, never a 500 --------------------------------------

@pytest.mark.parametrize("url,status,words", [
    ("/api/dyads?actor=ZZZ", 404, ["unknown actor code", "ZZZ"]),
    ("/api/dyads?actor=U%24A", 422, ["CAMEO code", "U$A"]),
    ("/api/dyads?since=2023-02-30", 422, ["since", "YYYY-MM-DD"]),
    ("/api/dyads?until=yesterday", 422, ["until", "yesterday"]),
    ("/api/dyads?since=2024-01-01&until=2023-01-01", 422, ["after"]),
    ("/api/dyads?limit=0", 422, ["limit"]),
    ("/api/dyads?limit=99999999999999999999999", 422, ["limit"]),
    ("/api/timeline?a=USA&b=QQQ", 404, ["QQQ", "parameter b"]),
    ("/api/timeline?a=USA", 422, ["b", "missing"]),
    ("/api/timeline?a=USA&b=CHN&by=fortnight", 422, ["fortnight", "month"]),
    ("/api/timeline?a=USA&b=CHN&since=19-06-2023", 422, ["since"]),
    ("/api/timeline?a=USA&b=CHN&directed=perhaps", 422, ["directed"]),
    ("/api/events?a=USA&b=%3Cscript%3E", 422, ["CAMEO code"]),
    ("/api/articles?page=99", 422, ["page 99 is out of range"]),
    ("/api/articles?page=0", 422, ["page"]),
    ("/api/articles?page=-3", 422, ["page"]),
    ("/api/articles?page=two", 422, ["page"]),
    ("/api/articles?page=1000000000000000000000000", 422, ["out of range"]),
    ("/api/articles?per_page=1000", 422, ["per_page"]),
    ("/api/articles?actor=Nobody%20Atall", 404, ["unknown actor", "Nobody"]),
    ("/api/articles/no-such-article", 404, ["no article", "no-such-article"]),
    ("/api/actors?limit=-1", 422, ["limit"]),
    ("/api/no-such-route", 404, ["Not Found"]),
])
def test_bad_queries_are_clear_4xx(client, url, status, words):
    _check_json_error(client.get(url), status, *words)


def test_bad_extract_bodies(client):
    post = lambda **kw: client.post("/api/extract", **kw)  # noqa: E731
    _check_json_error(post(content=b"{not json", headers={"content-type": "application/json"}), 422, "JSON object")
    _check_json_error(post(json=["a list"]), 422, "valid dictionary")
    _check_json_error(post(json={"published": "2024-01-01"}), 422, "text", "missing")
    _check_json_error(post(json={"text": 42}), 422, "text", "string")
    _check_json_error(post(json={"text": "Japan praised India.", "date": "2024-01-01"}), 422, "date", "Extra")
    _check_json_error(post(json={"text": "Japan praised India.", "published": "01/05/2024"}), 422, "published", "YYYY-MM-DD")
    _check_json_error(post(json={"text": "   \n "}), 422, "no text")
    german = ("Die Bundesregierung hat am Montag mit der chinesischen Regierung über den Handel und die Lage "
              "in der Ukraine gesprochen, teilte das Auswärtige Amt mit.")
    _check_json_error(post(json={"text": german}), 422, "not English")


def test_oversized_extract_is_413(client):
    limit = 5_000  # the client's app is built with max_chars=5000
    r = client.post("/api/extract", json={"text": "Japan praised India. " * 300})  # 6,300 characters
    _check_json_error(r, 413, "6,300 characters", "5,000")
    assert r.json()["limit_chars"] == limit
    # a body far over the limit is refused from its Content-Length, before it is read
    big = json.dumps({"text": "x" * (limit * 20)}).encode()
    _check_json_error(client.post("/api/extract", content=big, headers={"content-type": "application/json"}),
                      413, "bytes")

    def chunks():  # no Content-Length at all: counted while it streams
        for _ in range(100):
            yield b"x" * 10_000

    r = client.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
    _check_json_error(r, 413)
    assert r.json()["detail"].startswith("request body is over")


def test_a_broken_store_is_a_json_500_not_a_traceback(tmp_path):
    db = tmp_path / "not-a-dyad-store.duckdb"
    duckdb.connect(str(db)).close()  # a DuckDB file without dyad's tables
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        r = c.get("/api/dyads")
        assert r.status_code == 500 and r.headers["content-type"].startswith("application/json")
        assert r.json() == {"detail": "internal error: CatalogException"}
        page = c.get("/")
        assert page.status_code == 500 and "internal error" in page.text and "<html" in page.text


def test_the_store_is_opened_read_only(client):
    cur = client.app.state.store.cursor()
    try:
        with pytest.raises(duckdb.Error, match="read-only"):
            cur.execute("CREATE TABLE scratch (i INTEGER)")
    finally:
        cur.close()


def test_missing_store_is_refused(tmp_path):
    with pytest.raises(FileNotFoundError, match="dyad ingest"):
        create_app(tmp_path / "missing.duckdb")


# -- pages ---------------------------------------------------------------------------------------

def test_home_lists_dyads_with_sparklines(client, store):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<a class="dyad-link" href="/dyad/CHN/USA">' in r.text
    n = len(client.get("/api/dyads", params={"limit": 25}).json())
    assert n and r.text.count('<svg class="sparkline"') + r.text.count("no dated events") == n
    assert '<svg class="sparkline"' in r.text
    assert 'action="/search"' in r.text  # the search box


def test_dyad_page_charts_the_timeline(client, store):
    r = client.get("/dyad/USA/CHN")
    assert r.status_code == 200
    data = json.loads(re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', r.text, re.S)[1])
    timeline = client.get("/api/timeline", params={"a": "USA", "b": "CHN"}).json()
    assert sum(data["events"]) == sum(t["events"] for t in timeline)
    assert [g for g in data["mean_goldstein"] if g is not None] == [t["mean_goldstein"] for t in timeline]
    assert data["label"][0] == timeline[0]["period"][:7] and data["label"][-1] == timeline[-1]["period"][:7]
    # the chart is SVG from the server: one link per period with events, in the wide and the narrow drawing
    with_events = sum(1 for n in data["events"] if n)
    assert r.text.count('<a class="bar"') == 2 * with_events > 0
    assert "plotly" not in r.text  # no 4.8 MB script before the first chart
    for e in client.get("/api/events", params={"a": "USA", "b": "CHN"}).json():
        assert f'href="/article/{e["doc_id"]}#t{e["event_no"]}"' in r.text
    # one period's events
    month = timeline[0]["period"]
    only = client.get("/dyad/USA/CHN", params={"period": month}).text
    assert only.count('<tr class="event">') == timeline[0]["events"]


def test_article_page_highlights_and_tabulates(client, store):
    _, docs = store
    doc = next(d for d in docs if d["doc_id"] == VISIT)
    r = client.get(f"/article/{VISIT}")
    assert r.status_code == 200
    html = r.text
    assert html.count('<tr class="actor"') == len(doc["actors"])
    assert html.count('<tr class="quote"') == len(doc["quotes"])
    assert html.count('<tr class="event"') == len(doc["events"])
    assert 'class="hl-actor' in html and 'class="hl-quote' in html and "hl-trigger" in html
    for q in doc["quotes"]:
        if q["speaker_name"]:
            assert f'<td class="speaker">{escape(q["speaker_name"])}</td>' in html


def test_pages_give_html_errors(client):
    for url, status in [("/dyad/USA/ZZZ", 404), ("/dyad/USA/USA", 422), ("/dyad/USA/CHN?by=decade", 422),
                        ("/dyad/U%24A/CHN", 422), ("/article/nope", 404), ("/?since=soon", 422),
                        ("/search?q=a&page=50", 422), ("/search?q=a&page=x", 422), ("/no/such/page", 404)]:
        r = client.get(url)
        assert r.status_code == status, (url, r.status_code)
        assert r.headers["content-type"].startswith("text/html") and "<h1>" in r.text, url


def test_search_page_finds_actors_and_text(client):
    r = client.get("/search", params={"q": "Zelensky"})
    assert r.status_code == 200
    assert "Volodymyr Zelensky" in r.text and "ukraine.txt" in r.text
    text_only = client.get("/search", params={"q": "fentanyl"}).text
    assert "Biden and Xi agree to restore military talks" in text_only
    assert "No actor matches" in text_only


def test_charts_are_served_locally_not_from_a_cdn(client):
    js = client.get("/static/plotly.min.js")
    assert js.status_code == 200 and len(js.content) > 1_000_000 and b"plotly" in js.content[:2000].lower()
    for url in ("/", "/dyad/USA/CHN", f"/article/{VISIT}", "/search?q=China"):
        html = client.get(url).text
        srcs = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
        assert srcs and all(s.startswith("/") for s in srcs), (url, srcs)
    assert client.get("/static/dyad.css").status_code == 200 and client.get("/static/dyad.js").status_code == 200


def test_openapi_documents_the_api(client):
    docs = client.get("/docs")
    assert docs.status_code == 200
    assets = re.findall(r'(?:src|href)=["\']([^"\']+\.(?:js|css))', docs.text)
    assert assets and all(a.startswith("/") for a in assets), assets  # offline: no CDN
    for a in assets:
        assert client.get(a).status_code == 200, a
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/dyads", "/api/timeline", "/api/articles", "/api/articles/{doc_id}", "/api/actors",
            "/api/extract"} <= set(paths)
    assert "requestBody" in paths["/api/extract"]["post"]


# -- pure renderers ------------------------------------------------------------------------------

def test_highlight_escapes_html_and_layers_overlapping_spans():
    text = 'Ann <b>said</b> "Bob & co will come," Ann said.'
    q0, q1 = text.index('"'), text.rindex('"') + 1
    bob = text.index("Bob")
    come = text.index("come")
    doc = {"text": text,
           "actors": [{"id": "A1", "name": "Ann Example", "kind": "person", "code": "USAGOV",
                       "mentions": [{"start": 0, "end": 3}, {"start": q1 + 1, "end": q1 + 4}]},
                      {"id": "A2", "name": "Bob", "kind": "person", "code": None,
                       "mentions": [{"start": bob, "end": bob + 3}]}],
           "quotes": [{"start": q0, "end": q1, "speaker_name": "Ann <Example>", "text": text[q0:q1]}],
           "events": [{"trigger_start": come, "trigger_end": come + 4, "trigger": "come", "start": 0,
                       "end": len(text), "cameo": "036", "name": "Express intent to meet",
                       "source_code": "USAGOV", "target_code": None}]}
    html = str(highlight(doc))
    assert "<b>" not in html and "&lt;b&gt;said&lt;/b&gt;" in html and "&amp; co" in html
    assert '<span class="quote-speaker" id="q0" data-quote="0">Ann &lt;Example&gt;</span>' in html
    assert re.search(r'<span class="hl-actor hl-quote" title="Bob \(person\) \| quote: Ann &lt;Example&gt;"'
                     r' data-quote="0">Bob</span>', html), html
    assert re.search(r'<span class="hl-quote hl-trigger"[^>]* data-ev="0" id="t0" data-quote="0">come</span>', html)
    # the text itself is unchanged once tags and the speaker label are taken out
    plain = re.sub(r'<span class="quote-speaker"[^>]*>.*?</span>', "", html)
    assert 'class="anchor"' not in html  # one event, one anchor: the trigger itself
    assert __import__("html").unescape(re.sub(r"<[^>]+>", "", plain)) == text


def test_sparkline_maps_goldstein_to_height():
    from datetime import date

    rows = [{"period": date(2023, 1, 1), "mean_goldstein": 10.0, "events": 1},
            {"period": date(2023, 3, 1), "mean_goldstein": None, "events": 0},
            {"period": date(2023, 5, 1), "mean_goldstein": -10.0, "events": 2}]
    svg = str(sparkline(rows, width=100, height=30))
    ys = [float(y) for y in re.findall(r'<circle[^>]* cy="([\d.]+)"', svg)]
    assert ys == [3.0, 27.0]  # +10 at the top, -10 at the bottom, the empty period left out
    assert 'class="pos"' in svg and 'class="neg"' in svg
    assert "no dated events" in str(sparkline([]))
    # on a shared time axis twice as long, the same points take the left half
    wide = str(sparkline(rows, width=100, height=30, span=(date(2023, 1, 1), date(2023, 9, 1))))
    xs = [float(x) for x in re.findall(r'<circle[^>]* cx="([\d.]+)"', wide)]
    assert xs[0] == 3.0 and xs[1] == pytest.approx(3 + 94 * 120 / 243, abs=0.1)


# -- the command ---------------------------------------------------------------------------------

def _dyad_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("dyad")
    return [str(exe)] if exe.exists() else [sys.executable, "-c", "from dyad.cli import app; app()"]


def _non_loopback_address() -> str | None:
    """An address of this machine other than loopback, if it has one (no packet is sent)."""
    for probe in ("10.255.255.255", "192.0.2.1"):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.connect((probe, 1))
                addr = s.getsockname()[0]
        except OSError:
            continue
        if not addr.startswith("127.") and addr != "0.0.0.0":
            return addr
    return None


def test_serve_command_serves_the_store_on_loopback(store):
    db, _ = store
    port = free_port()
    proc = subprocess.Popen([*_dyad_cmd(), "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/dyads", timeout=5) as r:
                    rows = json.loads(r.read())
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "dyad serve did not answer within 60 s"
                time.sleep(0.3)
        assert ("CHN", "USA") in {(r["a"], r["b"]) for r in rows}
        other = _non_loopback_address()
        if other:  # bound to loopback by default: the machine's other addresses do not answer
            with pytest.raises(OSError):
                socket.create_connection((other, port), timeout=2).close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_serve_refuses_a_missing_store(tmp_path):
    r = subprocess.run([*_dyad_cmd(), "serve", "--db", str(tmp_path / "none.duckdb")], capture_output=True,
                       timeout=120, env=dict(os.environ, NO_COLOR="1", COLUMNS="200"))
    assert r.returncode == 2 and b"dyad ingest" in r.stderr


def test_make_demo_tells_how_to_open_the_view():
    root = Path(__file__).parent.parent
    makefile = (root / "Makefile").read_text()
    demo = makefile.split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    last = [ln.strip() for ln in demo.splitlines() if ln.strip()][-1]
    assert "dyad serve --db $(DB)" in last and "http://127.0.0.1:8000" in last, last


# -- the workbench: filters, quotes, downloads, names ----------------------------------------------

def test_search_takes_percent_and_underscore_literally(client, store):
    _, docs = store
    for q in ("%", "_", "a%b"):
        r = client.get("/api/articles", params={"q": q, "per_page": 200}).json()
        expected = {d["doc_id"] for d in docs if q.lower() in d["text"].lower() or q.lower() in (d["title"] or "").lower()}
        assert {a["doc_id"] for a in r["articles"]} == expected, q
    assert client.get("/api/actors", params={"q": "%"}).json() == [
        a for a in client.get("/api/actors", params={"limit": 1000}).json() if "%" in a["name"]]


def test_quotes_api_answers_what_did_x_say(client, store):
    _, docs = store
    said = [(d, i, q) for d in docs for i, q in enumerate(d["quotes"]) if "Blinken" in (q["speaker_name"] or "")]
    rows = client.get("/api/quotes", params={"speaker": "blinken"}).json()
    assert len(rows) == len(said) > 0
    for r in rows:
        d = next(d for d in docs if d["doc_id"] == r["doc_id"])
        assert d["quotes"][r["quote_no"]]["text"] == r["text"] and r["url"].endswith(f"#q{r['quote_no']}")
    words = client.get("/api/quotes", params={"speaker": "Blinken", "q": "progress"}).json()
    assert words and all("progress" in r["text"].lower() for r in words)
    late = client.get("/api/quotes", params={"since": "2024-01-01"}).json()
    assert all(r["published"] >= "2024-01-01" for r in late)
    assert client.get("/api/quotes", params={"since": "2024-13-01"}).status_code == 422


def test_event_filters_agree_with_the_documents(client, store):
    _, docs = store
    evs = [e for d in docs for e in d["events"]]
    both = client.get("/api/events", params={"a": "CHN", "b": "USA", "quad": "1,3"}).json()
    assert len(both) == sum(1 for e in evs if {e["source_country"], e["target_country"]} == {"CHN", "USA"}
                            and e["quad_class"] in (1, 3)) > 0
    directed = client.get("/api/events", params={"a": "USA", "b": "CHN", "directed": "true"}).json()
    assert directed and all(e["source_country"] == "USA" and e["target_country"] == "CHN" for e in directed)
    china = client.get("/api/events", params={"actor": "China", "direction": "to"}).json()  # a name, not a code
    assert china and all(e["target_country"] == "CHN" or e["target_code"] == "CHN" for e in china)
    root = client.get("/api/events", params={"root": "4"}).json()
    assert root and all(e["root"] == "04" for e in root)
    for bad in ({"quad": "5"}, {"root": "99"}, {"direction": "sideways"}, {"sided": "three"}, {"limit": "0"}):
        assert client.get("/api/events", params=bad).status_code == 422, bad
    assert client.get("/events", params={"actor": "Nobody Atall"}).status_code == 404


def test_pages_name_codes_and_link_sources(client, store, pipeline, tmp_path):
    from dyad.codes import name
    from dyad.store import Store
    from dyad.types import Article

    assert name("IGOEUREEC") == "European Union" and name("USAGOV").endswith("government")
    home = client.get("/").text
    assert f"{name('CHN')} – {name('USA')}" in home
    db = tmp_path / "url.duckdb"
    doc = pipeline.process(Article(text="Blinken met Xi Jinping in Beijing on Monday.", published="2023-06-19",
                                   source="https://news.example/a?id=1&x=2", doc_id="url-1"))
    with Store(db) as s:
        s.add(doc)
    with TestClient(create_app(db, pipeline=pipeline)) as c:
        html = c.get("/article/url-1").text
    assert '<a class="source" href="https://news.example/a?id=1&amp;x=2" rel="noopener noreferrer">' in html


def test_two_events_on_one_trigger_each_get_an_anchor():
    text = "Ann and Bob met Carl."
    met = text.index("met")
    ev = {"trigger_start": met, "trigger_end": met + 3, "trigger": "met", "cameo": "040", "start": 0, "end": len(text)}
    doc = {"text": text, "actors": [], "quotes": [], "events": [dict(ev, source_code="A"), dict(ev, source_code="B")]}
    html = str(highlight(doc))
    assert 'id="t0"' in html and 'id="t1"' in html and 'data-ev="0 1"' in html


def test_gdelt_export_has_action_geo_coordinates(store, tmp_path):
    from dyad.query import export, gdelt_columns

    db, docs = store
    out = tmp_path / "events.tsv"
    with duckdb.connect(str(db), read_only=True) as con:
        n = export(con, out, "gdelt")
    cols = gdelt_columns()
    rows = [ln.split("\t") for ln in out.read_text().splitlines()]
    assert len(rows) == n == sum(len(d["events"]) for d in docs)
    lat, lon = cols.index("ActionGeo_Lat"), cols.index("ActionGeo_Long")
    placed = [r for r in rows if r[lat]]
    assert placed and all(-90 <= float(r[lat]) <= 90 and -180 <= float(r[lon]) <= 180 for r in placed)
    from dyad.geo import place

    bj = place("Beijing")
    assert bj.country == "CHN" and abs(bj.lat - 39.9) < 0.5 and abs(bj.lon - 116.4) < 0.5
