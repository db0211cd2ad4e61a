"""The server under hostile input: extraction in a worker process with a time budget, a JSON-only
extract endpoint (no cross-site posts), deep JSON, security headers, and a Host check against DNS rebinding."""
from __future__ import annotations

import json
import os
import signal
import threading
import time
import urllib.request

import pytest
from fastapi.testclient import TestClient

from dyad.api import create_app
from webfixtures import build_store, live_server

TEXT = "Japan and India signed a trade agreement in Tokyo on Tuesday."


@pytest.fixture(scope="module")
def db(tmp_path_factory, pipeline):
    path = tmp_path_factory.mktemp("hard") / "store.duckdb"
    build_store(pipeline, path)
    return path


@pytest.fixture(scope="module")
def client(db, pipeline):
    app = create_app(db, pipeline=pipeline, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000", raise_server_exceptions=False) as c:
        yield c


def test_security_headers_on_pages_and_api(client):
    for url in ("/", "/api/dyads", "/search?q=x", "/api/no-such-route"):
        h = client.get(url).headers
        csp = h["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
        assert "script-src 'self';" in csp  # no inline or foreign scripts on the pages
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"


def test_docs_use_no_cdn_and_redoc_is_gone(client):
    docs = client.get("/docs")
    assert docs.status_code == 200 and "cdn" not in docs.text.lower() and "https://" not in docs.text
    assert client.get("/redoc").status_code == 404


def test_a_foreign_host_header_is_refused(client):
    assert client.get("/api/dyads", headers={"host": "localhost:8000"}).status_code == 200
    r = client.get("/api/dyads", headers={"host": "attacker.example:8000"})
    assert r.status_code == 400 and "attacker.example" in r.json()["detail"]
    assert client.get("/", headers={"host": "127.0.0.1.attacker.example"}).status_code == 400


@pytest.mark.parametrize("ctype", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", None])
def test_extract_takes_json_only_so_other_sites_cannot_post_to_it(client, ctype):
    headers = {"content-type": ctype} if ctype else {}
    r = client.post("/api/extract", content=json.dumps({"text": TEXT}).encode(), headers=headers)
    assert r.status_code == 415 and "application/json" in r.json()["detail"]
    assert client.post("/api/extract", content=json.dumps({"text": TEXT}).encode(),
                       headers={"content-type": "application/json; charset=utf-8"}).status_code == 200


@pytest.mark.parametrize("body", [b"[" * 200_000 + b"]" * 200_000,
                                  b'{"text": ' + b"[" * 200_000 + b"]" * 200_000 + b"}",
                                  b'{"text": "x", "title": ' + b'{"a":' * 50_000 + b"1" + b"}" * 50_000 + b"}"])
def test_deeply_nested_json_is_a_4xx(client, body):
    r = client.post("/api/extract", content=body, headers={"content-type": "application/json"})
    assert 400 <= r.status_code < 500 and r.headers["content-type"].startswith("application/json")


def test_lone_surrogates_and_nan_are_not_500s(client):
    post = lambda b: client.post("/api/extract", content=b, headers={"content-type": "application/json"})  # noqa: E731
    r = post(b'{"text": "Japan and India signed a trade agreement \\ud800 in Tokyo on Tuesday."}')
    assert r.status_code == 200 and "\ufffd" in r.json()["text"]
    assert any("UTF-8" in w for w in r.json()["warnings"])
    assert post(b'{"text": NaN}').status_code == 422
    assert post(b'{"text": "x", "\\udc00": 1}').status_code == 422


# -- the worker process ------------------------------------------------------------------------

def _post(url, payload, timeout=120):
    req = urllib.request.Request(url + "/api/extract", data=json.dumps(payload).encode(),
                                 headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_worker_answers_422_over_budget_and_a_frozen_worker_is_replaced(db):
    """Over its budget the article is refused with 422 in about the budget; a worker that stops answering
    (frozen here with SIGSTOP, as if stuck in C code) is killed and replaced; other requests are never held up."""
    app = create_app(db, time_budget=2.0)
    worker = app.state.extractor
    worker.grace = 2.0
    with live_server(app) as url:
        status, doc = _post(url, {"text": TEXT, "published": "2024-05-01"})  # starts the worker
        assert status == 200 and {"JPN", "IND"} <= {a["country"] for a in doc["actors"]}
        first = worker.pid
        os.kill(first, signal.SIGSTOP)
        got = {}
        t = threading.Thread(target=lambda: got.update(r=_post(url, {"text": TEXT}), t=time.monotonic()))
        t0 = time.monotonic()
        t.start()
        time.sleep(0.5)
        with urllib.request.urlopen(url + "/api/dyads", timeout=10) as r:  # served while the extract waits
            assert r.status == 200
        assert t.is_alive()
        t.join(60)
        status, body = got["r"]
        assert status == 422 and "time budget" in body["detail"]
        assert got["t"] - t0 < 2.0 + 2.0 + 3  # the budget, the grace, and slack for a loaded machine
        status, doc = _post(url, {"text": TEXT})  # a fresh worker
        assert status == 200 and worker.pid != first and worker.restarts == 1
        worker.time_budget = 1e-6  # the worker's own deadline: answered by the worker, which stays up
        # (the new budget reaches a new worker only; this one still has 2 s, so force a restart)
        worker.close()
        status, body = _post(url, {"text": TEXT})
        assert status == 422 and "time budget" in body["detail"]
