"""The HTTP API and the web view over a store: `dyad serve`.

A thin layer over `dyad.query`: every route validates through it, so the API, the pages and the CLI
give the same errors. The store is opened read-only, once, and each request gets its own cursor
(DuckDB connections are not shared across threads). Bad input is always a 4xx with a JSON body
`{"detail": ...}` (an HTML page for the pages), never a 500:

- a malformed parameter (a code like `U$A`, a date like `12/06/2023`, `by=fortnight`, a page past
  the last one) is 422;
- a well-formed name of something the store does not hold (actor code `ZZZ`, an unknown doc_id) is 404;
- a `POST /api/extract` body over the size limit is 413.

Charts are drawn by the plotly.js that ships inside the plotly wheel, served from here, so the
view works without a network.
"""
from __future__ import annotations

import json
import math
import threading
from contextlib import asynccontextmanager
from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import Any, Iterator, Optional

import duckdb
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from . import __version__, query
from .ingest import check_text
from .store import StoreBusy
from .worker import ExtractWorker, WorkerBusy, WorkerFailed
from .types import Article, DyadError

WEB = Path(__file__).parent / "web"
MAX_EXTRACT_CHARS = 200_000  # one long article; whole books belong in `dyad ingest`
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


# -- the store: opened read-only for each request, so `dyad ingest` can write between requests ---

class _StoreHandle:
    """Where the store is. Each request opens its own read-only connection and closes it at the end:
    DuckDB allows one writer or many readers, so holding the file would lock `dyad ingest` out, and
    a fresh connection sees what the last ingest batch committed."""

    WAIT = 10.0  # seconds a request waits while an ingest writes a batch

    def __init__(self, path: str):
        if not Path(path).exists():
            raise FileNotFoundError(f"no store at {path}: run `dyad ingest` first")
        self.path = path

    def cursor(self) -> duckdb.DuckDBPyConnection:
        from .store import connect

        return connect(self.path, read_only=True, wait=self.WAIT)

    def close(self) -> None:
        pass


def _cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    con = request.app.state.store.cursor()
    try:
        yield con
    finally:
        con.close()


Cursor = Depends(_cursor)


class _InProcess:
    """A pipeline the caller built, used in this process one request at a time (tests, embedding).
    Its time budget holds through the stages' checks; `dyad serve` uses a worker process instead."""

    def __init__(self, pipeline):
        self._pipe = pipeline
        self._lock = threading.Lock()

    def process(self, article: Article) -> dict[str, Any]:
        with self._lock:
            return self._pipe.process(article).to_dict()

    def start(self) -> None:
        pass

    def close(self) -> None:
        pass


class Hardening:
    """Security headers on every response, and a Host check.

    The pages run only dyad's own scripts (Content-Security-Policy), cannot be framed by another
    site (frame-ancestors 'none', X-Frame-Options), and are not content-sniffed. The Host check
    defeats DNS rebinding: a hostile page whose domain is re-pointed at 127.0.0.1 sends its own
    name as Host, which a server bound to loopback does not accept.
    """

    CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
           "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
    # Swagger UI's page starts itself with an inline script
    DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")

    def __init__(self, app, allowed_hosts: list[str] | None = None):
        self.app = app
        self.allowed = {h.lower() for h in allowed_hosts} if allowed_hosts is not None else None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if self.allowed is not None:
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1").strip().lower()
            name = host if host.endswith("]") else host.rsplit(":", 1)[0]
            if name not in self.allowed:
                body = json.dumps({"detail": f"this server answers to {', '.join(sorted(self.allowed))}, "
                                             f"not to the host {host[:100]!r}"}, ensure_ascii=True).encode()
                await send({"type": "http.response.start", "status": 400,
                            "headers": [(b"content-type", b"application/json"),
                                        (b"content-length", str(len(body)).encode())]})
                return await send({"type": "http.response.body", "body": body})
        csp = (self.DOCS_CSP if scope.get("path") == "/docs" else self.CSP).encode()

        async def send_hardened(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() not in (b"content-security-policy", b"x-content-type-options",
                                                b"x-frame-options", b"referrer-policy")]
                headers += [(b"content-security-policy", csp), (b"x-content-type-options", b"nosniff"),
                            (b"x-frame-options", b"DENY"), (b"referrer-policy", b"no-referrer")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_hardened)


class ExtractRequest(BaseModel):
    """One article to analyse; nothing is stored."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="The article text (plain text, English).")
    published: Optional[str] = Field(None, description="Publication date, YYYY-MM-DD; resolves relative dates.")
    title: Optional[str] = None
    doc_id: Optional[str] = Field(None, description="Your id for the article; default: a hash of the text.")


# -- helpers for the pages -----------------------------------------------------------------------

def _span(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    since, until = query.check_date(since, "since"), query.check_date(until, "until")
    if since and until and since > until:
        raise query.QueryError(f"since ({since}) is after until ({until})")
    return since, until


def _next_period(d: date, by: str) -> date:
    if by == "day":
        return d + timedelta(days=1)
    if by == "week":
        return d + timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[by]
    m = d.month - 1 + months
    return date(d.year + m // 12, m % 12 + 1, 1)


def _label(d: date, by: str) -> str:
    if by == "month":
        return d.strftime("%Y-%m")
    if by == "quarter":
        return f"{d.year} Q{(d.month - 1) // 3 + 1}"
    if by == "year":
        return str(d.year)
    return d.isoformat()


def _filled(rows: list[dict[str, Any]], by: str, cap: int = 5000) -> list[dict[str, Any]]:
    """Timeline rows with the empty periods between the first and the last put in, so gaps show."""
    if not rows:
        return []
    have = {r["period"]: r for r in rows}
    out, d, last = [], rows[0]["period"], rows[-1]["period"]
    while d <= last and len(out) < cap:
        out.append(have.get(d) or {"period": d, "events": 0, "mean_goldstein": None, "cooperation": 0,
                                   "conflict": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0})
        d = _next_period(d, by)
    return out if d > last else rows  # too many periods to fill: plot what there is


def chart_data(rows: list[dict[str, Any]], by: str) -> dict[str, Any]:
    rows = _filled(rows, by)
    return {"by": by,
            "label": [_label(r["period"], by) for r in rows],
            "since": [r["period"].isoformat() for r in rows],
            "until": [(_next_period(r["period"], by) - timedelta(days=1)).isoformat() for r in rows],
            **{k: [r[k] for r in rows] for k in ("events", "q1", "q2", "q3", "q4", "mean_goldstein")}}


def sparkline(rows: list[dict[str, Any]], width: int = 150, height: int = 34,
              span: tuple[date, date] | None = None) -> Markup:
    """Mean Goldstein per period as a small inline SVG: x is time, y runs from -10 (bottom) to +10.

    `span` fixes the time axis (first and last period), so that sparklines side by side compare.
    """
    pts = [r for r in rows if r.get("mean_goldstein") is not None]
    if not pts:
        return Markup('<span class="muted">no dated events</span>')
    pad = 3
    first, last = span or (pts[0]["period"], pts[-1]["period"])
    t0, t1 = min(first, pts[0]["period"]).toordinal(), max(last, pts[-1]["period"]).toordinal()

    def xy(r):
        x = pad + (width - 2 * pad) * ((r["period"].toordinal() - t0) / (t1 - t0) if t1 > t0 else 0.5)
        y = pad + (height - 2 * pad) * (10 - max(-10.0, min(10.0, float(r["mean_goldstein"])))) / 20
        return round(x, 1), round(y, 1)

    coords = [xy(r) for r in pts]
    parts = [f'<svg class="sparkline" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img">',
             f'<title>mean Goldstein per period, {pts[0]["period"]} to {pts[-1]["period"]}</title>',
             f'<line class="zero" x1="0" y1="{height / 2}" x2="{width}" y2="{height / 2}"/>']
    if len(coords) > 1:
        parts.append('<polyline points="' + " ".join(f"{x},{y}" for x, y in coords) + '"/>')
    for (x, y), r in zip(coords, pts):
        g = float(r["mean_goldstein"])
        parts.append(f'<circle class="{"pos" if g >= 0 else "neg"}" cx="{x}" cy="{y}" r="2.5">'
                     f'<title>{escape(str(r["period"]))}: {g:+.2f} ({r["events"]} events)</title></circle>')
    parts.append("</svg>")
    return Markup("".join(parts))


def mark(sentence: str | None, trigger: str | None) -> Markup:
    """The sentence, escaped, with its trigger word in bold."""
    s = sentence or ""
    i = s.lower().find((trigger or "").lower()) if trigger else -1
    if i < 0:
        return Markup(escape(s))
    j = i + len(trigger)
    return Markup(f"{escape(s[:i])}<b>{escape(s[i:j])}</b>{escape(s[j:])}")


def headline(title: str | None, source: str | None, doc_id: str) -> str:
    """What to call an article: its title, else the name of the file it came from, else its id."""
    if title and title.strip():
        return title.strip()
    if source and source not in ("api", "stdin", "-"):
        return source.rstrip("/").rsplit("/", 1)[-1]
    return doc_id


def highlight(doc: dict[str, Any]) -> Markup:
    """The article text as HTML, each actor mention, quote and event trigger in its own colour.

    Spans overlap (a quote holds mentions and triggers), so the text is cut at every span boundary
    and each piece gets the classes of all spans that cover it. Each quote starts with a label naming
    its speaker; each trigger piece carries `data-ev` with the numbers of its events.
    """
    text = doc["text"]
    n = len(text)
    spans: list[dict[str, Any]] = []

    def add(start, end, cls, title, **extra):
        if isinstance(start, int) and isinstance(end, int):
            start, end = max(0, start), min(n, end)
            if start < end:
                spans.append({"start": start, "end": end, "cls": cls, "title": title, **extra})

    for a in doc.get("actors", []):
        title = f"{a['name']} ({a.get('code') or a.get('kind')})"
        for m in a.get("mentions", []):
            add(m.get("start"), m.get("end"), "hl-actor", title, actor=a["id"])
    for qn, q in enumerate(doc.get("quotes", [])):
        who = q.get("speaker_name") or "unattributed"
        add(q.get("start"), q.get("end"), "hl-quote", f"quote: {who}", quote=qn, speaker=who)
    for en, e in enumerate(doc.get("events", [])):
        ts, te = e.get("trigger_start"), e.get("trigger_end")
        if ts is None and e.get("trigger") and isinstance(e.get("start"), int):
            i = text.find(e["trigger"], e["start"], e.get("end") or n)
            ts, te = (i, i + len(e["trigger"])) if i >= 0 else (None, None)
        title = f"{e.get('source_code') or '?'} {e.get('cameo')} {e.get('name') or ''} {e.get('target_code') or '?'}"
        add(ts, te, "hl-trigger", " ".join(title.split()), event=en)

    cuts = sorted({0, n, *(s["start"] for s in spans), *(s["end"] for s in spans)})
    out: list[str] = []
    for x, y in zip(cuts, cuts[1:]):
        for s in spans:
            if s["start"] == x and s["cls"] == "hl-quote":
                out.append(f'<span class="quote-speaker" data-quote="{s["quote"]}">{escape(s["speaker"])}</span>')
        cover = [s for s in spans if s["start"] <= x and s["end"] >= y]
        piece = escape(text[x:y])
        if not cover:
            out.append(piece)
            continue
        classes = sorted({s["cls"] for s in cover})
        attrs = [f'class="{" ".join(classes)}"', f'title="{escape(" | ".join(dict.fromkeys(s["title"] for s in cover)))}"']
        evs = [str(s["event"]) for s in cover if "event" in s]
        if evs:
            attrs.append(f'data-ev="{" ".join(evs)}"')
            first = [e for s in cover if "event" in s and s["start"] == x for e in [s["event"]]]
            if first:
                attrs.append(f'id="t{first[0]}"')
        quotes = [str(s["quote"]) for s in cover if "quote" in s]
        if quotes:
            attrs.append(f'data-quote="{" ".join(quotes)}"')
        out.append(f"<span {' '.join(attrs)}>{piece}</span>")
    return Markup("".join(out))


# -- the app ------------------------------------------------------------------------------------

def create_app(db: str | Path = "dyad.duckdb", *, max_chars: int = MAX_EXTRACT_CHARS, pipeline=None,
               time_budget: float | None = None, allowed_hosts: list[str] | None = None,
               start_worker: bool = False) -> FastAPI:
    """The API and the web view over the store at `db`, opened read-only.

    `pipeline` is an already built `dyad.Pipeline` for `POST /api/extract`, used in this process;
    by default extraction runs in a worker process (`dyad.worker`) under the time budget, started
    on the first request that needs it (at start-up with `start_worker`). `allowed_hosts`: the
    Host header values accepted (a defence against DNS rebinding); None accepts any.
    """
    store = _StoreHandle(str(db))

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if start_worker:
            app.state.extractor.start()
        yield
        app.state.extractor.close()
        store.close()

    app = FastAPI(title="dyad", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Political event data from news text: dyads, timelines, articles, actors, "
                              "and extraction of one article. Read-only over the store.")
    app.state.store = store
    app.state.extractor = _InProcess(pipeline) if pipeline is not None else ExtractWorker(time_budget=time_budget)
    app.add_middleware(Hardening, allowed_hosts=allowed_hosts)
    app.state.max_chars = max_chars
    templates = Jinja2Templates(directory=str(WEB / "templates"))
    templates.env.globals.update(quad_names=QUAD_NAMES, version=__version__)
    templates.env.filters["mark"] = mark
    templates.env.globals["headline"] = headline

    def page(request: Request, name: str, status: int = 200, **ctx) -> HTMLResponse:
        return templates.TemplateResponse(request, name, ctx, status_code=status)

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    # -- errors: JSON for the API, an HTML page for the pages; never a 500 for bad input

    def error(request: Request, status: int, detail: Any) -> Response:
        if is_api(request):
            return JSONResponse({"detail": detail}, status_code=status)
        if not isinstance(detail, str):
            detail = "; ".join(f"{'.'.join(str(p) for p in d.get('loc', [])[1:])}: {d.get('msg')}"
                               for d in detail) if isinstance(detail, list) else str(detail)
        return page(request, "error.html", status=status, status_code=status, detail=detail)

    @app.exception_handler(query.NotFound)
    async def _not_found(request: Request, exc: query.NotFound):
        return error(request, 404, str(exc))

    @app.exception_handler(StoreBusy)
    async def _busy(request: Request, exc: StoreBusy):
        return error(request, 503, f"{exc}; try again in a moment")

    @app.exception_handler(query.QueryError)
    async def _bad_query(request: Request, exc: query.QueryError):
        return error(request, 422, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        if is_api(request):
            return await request_validation_exception_handler(request, exc)
        return error(request, 422, list(exc.errors()))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException):
        if is_api(request) or exc.status_code < 400:
            return await http_exception_handler(request, exc)
        return error(request, exc.status_code, exc.detail)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception):  # a bug: say so in the client's format
        return error(request, 500, f"internal error: {type(exc).__name__}")

    # -- JSON API

    @app.get("/api/dyads", tags=["api"], summary="Dyads, strongest first")
    def api_dyads(actor: Optional[str] = Query(None, description="Only dyads involving this code, e.g. USA"),
                  since: Optional[str] = Query(None, description="YYYY-MM-DD"),
                  until: Optional[str] = Query(None, description="YYYY-MM-DD"),
                  limit: int = Query(50, ge=1, le=1000),
                  one_sided: bool = Query(False, description="Also count one-sided events, as a row with b empty"),
                  con=Cursor) -> list[dict[str, Any]]:
        """Dyads with event counts, QuadClass split and mean Goldstein; two-sided events unless one_sided."""
        since, until = _span(since, until)
        if actor:
            actor = query.known_code(con, actor)
        return query.dyads(con, actor=actor, since=since, until=until, limit=limit, one_sided=one_sided)

    @app.get("/api/timeline", tags=["api"], summary="A dyad over time")
    def api_timeline(a: str = Query(..., description="First party, e.g. USA"),
                     b: str = Query(..., description="Second party, e.g. CHN"),
                     by: str = Query("month", description="day, week, month, quarter or year"),
                     directed: bool = Query(False, description="Only events from a to b"),
                     since: Optional[str] = None, until: Optional[str] = None,
                     one_sided: bool = Query(False, description="Also count either party's one-sided events"),
                     con=Cursor) -> list[dict[str, Any]]:
        """Per period: events, mean Goldstein, cooperation vs conflict, and the count of each QuadClass."""
        a, b = query.known_code(con, a, "a"), query.known_code(con, b, "b")
        since, until = _span(since, until)
        return query.timeline(con, a, b, by=by, directed=directed, since=since, until=until, one_sided=one_sided)

    @app.get("/api/events", tags=["api"], summary="The events behind a dyad")
    def api_events(a: str = Query(..., description="First party, e.g. USA"),
                   b: str = Query(..., description="Second party, e.g. CHN"),
                   since: Optional[str] = None, until: Optional[str] = None,
                   limit: int = Query(500, ge=1, le=5000), con=Cursor) -> list[dict[str, Any]]:
        """Events between two parties (both directions), newest first, with the title of their article."""
        a, b = query.known_code(con, a, "a"), query.known_code(con, b, "b")
        since, until = _span(since, until)
        return query.dyad_events(con, a, b, since=since, until=until, limit=limit)

    @app.get("/api/one-sided", tags=["api"], summary="An actor's one-sided events")
    def api_one_sided(actor: str = Query(..., description="An actor code (USAGOV, USA) or part of a name"),
                      limit: int = Query(100, ge=1, le=5000), con=Cursor) -> list[dict[str, Any]]:
        """Events with only one side, where that side is the actor, newest first."""
        return query.one_sided_events(con, actor, limit=limit)

    @app.get("/api/articles", tags=["api"], summary="Articles, paged")
    def api_articles(actor: Optional[str] = Query(None, description="An actor code, country code or part of a name"),
                     q: Optional[str] = Query(None, description="Words of the text or title"),
                     page: int = Query(1, description="1-based"), per_page: int = Query(20, description="1 to 200"),
                     con=Cursor) -> dict[str, Any]:
        """Articles matching an actor and/or words, newest first: `{total, page, pages, per_page, articles}`."""
        if actor and not query.known_actor(con, actor):
            raise query.NotFound(f"unknown actor {actor!r}: no actor in the store has this code or name")
        return query.articles(con, actor=actor or None, q=q or None, page=page, per_page=per_page)

    @app.get("/api/articles/{doc_id:path}", tags=["api"], summary="One article's contract document")
    def api_article(doc_id: str, con=Cursor) -> dict[str, Any]:
        """The stored contract document: text, actors, quotes, events, warnings."""
        doc = query.document(con, doc_id)
        if doc is None:
            raise query.NotFound(f"no article with doc_id {doc_id!r}")
        return doc

    @app.get("/api/actors", tags=["api"], summary="Canonical actors")
    def api_actors(q: Optional[str] = Query(None, description="Part of a name, or the start of a code"),
                   limit: int = Query(50, ge=1, le=1000), con=Cursor) -> list[dict[str, Any]]:
        """Canonical actors across the store, by number of articles."""
        return query.actors(con, q=q or None, limit=limit)

    body_schema = ExtractRequest.model_json_schema()

    @app.post("/api/extract", tags=["api"], summary="Analyse one article (nothing is stored)",
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": body_schema}}}},
              responses={413: {"description": "text over the size limit"},
                         415: {"description": "the body is not sent as application/json"},
                         422: {"description": "not JSON, a bad field, a bad date, empty or non-English text, "
                                              "or an analysis over the time budget"},
                         503: {"description": "too many analyses waiting"}})
    async def api_extract(request: Request) -> dict[str, Any]:
        """The contract document for `{"text": ..., "published": "YYYY-MM-DD"|null, "title": ...}`.

        The body must be sent as `Content-Type: application/json`: a page on another site can post
        text/plain or a form to this machine without the browser asking first, but not JSON.
        """
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/json" and not ctype.endswith("+json"):
            return JSONResponse({"detail": f"send the body as JSON with Content-Type: application/json, not "
                                           f"{ctype or 'no content type'!r}"}, status_code=415)
        limit = app.state.max_chars
        max_bytes = limit * 6 + 65_536  # room for JSON escapes (\\uXXXX) and the other fields
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > max_bytes:
            return _too_large(f"request body is {int(declared):,} bytes; the limit is {max_bytes:,}", limit)
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > max_bytes:
                return _too_large(f"request body is over {max_bytes:,} bytes", limit)
        try:
            payload = json.loads(body)
        except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: nested thousands deep
            raise query.QueryError('the body must be a JSON object such as {"text": "...", "published": "2024-05-01"}')
        try:
            req = ExtractRequest.model_validate(payload)
        except (ValidationError, RecursionError) as exc:
            errors = ([{"loc": ["body", *map(str, e["loc"])], "msg": e["msg"], "type": e["type"]}
                       for e in exc.errors(include_url=False, include_context=False)]
                      if isinstance(exc, ValidationError) else "the body is nested too deeply")
            # the input is not echoed back, and escapes keep any lone surrogate in a field name encodable
            return Response(json.dumps({"detail": errors}, ensure_ascii=True), status_code=422,
                            media_type="application/json")
        if len(req.text) > limit:
            return _too_large(f"text is {len(req.text):,} characters; the limit is {limit:,}", limit)
        published = query.check_date(req.published, "published")
        try:
            check_text(req.text)
        except DyadError as exc:
            raise query.QueryError(f"text: {exc}") from None
        art = Article(text=req.text, published=published, title=req.title, doc_id=req.doc_id, source="api")
        try:  # in a thread: the event loop keeps serving other requests meanwhile
            return await run_in_threadpool(app.state.extractor.process, art)
        except (WorkerBusy, WorkerFailed) as exc:
            return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "5"})
        except DyadError as exc:  # over the time budget, or refused by the pipeline
            raise query.QueryError(f"text: {exc}") from None

    def _too_large(detail: str, limit: int) -> JSONResponse:
        return JSONResponse({"detail": detail + "; send longer texts through `dyad ingest`", "limit_chars": limit},
                            status_code=413)

    # -- static files: our own, and plotly.js from the plotly package

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        import plotly

        path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
        return FileResponse(path, media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")

    # -- API docs: Swagger UI served from the swagger-ui-bundle package, not a CDN

    import swagger_ui_bundle
    from fastapi.openapi.docs import get_swagger_ui_html

    app.mount("/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="dyad API",
                                   swagger_js_url="/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/swagger/swagger-ui.css",
                                   swagger_favicon_url="/swagger/favicon-32x32.png")

    # -- pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, actor: Optional[str] = None, since: Optional[str] = None,
             until: Optional[str] = None, con=Cursor):
        since, until = _span(since, until)
        if actor:
            actor = query.known_code(con, actor)
        rows = query.dyads(con, actor=actor, since=since, until=until, limit=25)
        firsts, lasts = [r["first"] for r in rows if r["first"]], [r["last"] for r in rows if r["last"]]
        span = (min(firsts).replace(day=1), max(lasts).replace(day=1)) if firsts else None  # one time axis for all
        for r in rows:
            try:
                r["spark"] = sparkline(query.timeline(con, r["a"], r["b"], by="month", since=since, until=until),
                                       span=span)
            except query.QueryError:  # a party code the query layer would not accept back: no line, no error
                r["spark"] = Markup('<span class="muted">no dated events</span>')
        return page(request, "home.html", dyads=rows, summary=query.summary(con), actor=actor,
                    since=since, until=until, span=span)

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request, a: str, b: str, by: str = "month", since: Optional[str] = None,
                  until: Optional[str] = None, period: Optional[str] = None, con=Cursor):
        a, b = query.known_code(con, a, "a"), query.known_code(con, b, "b")
        if a == b:
            raise query.QueryError("a dyad needs two different parties")
        since, until = _span(since, until)
        rows = query.timeline(con, a, b, by=by, since=since, until=until)
        ev_since, ev_until = since, until
        if period:
            start = date.fromisoformat(query.check_date(period, "period"))
            ev_since, ev_until = start.isoformat(), (_next_period(start, by) - timedelta(days=1)).isoformat()
        events = query.dyad_events(con, a, b, since=ev_since, until=ev_until, limit=500)
        totals = {q: sum(r[f"q{q}"] for r in rows) for q in QUAD_NAMES}
        n = sum(r["events"] for r in rows)
        mean = (sum((r["mean_goldstein"] or 0) * r["events"] for r in rows) / n) if n else None
        return page(request, "dyad.html", a=a, b=b, by=by, since=since, until=until, period=period,
                    periods=sorted(query.PERIODS, key=["day", "week", "month", "quarter", "year"].index),
                    chart=chart_data(rows, by), events=events, totals=totals, n=n,
                    mean=None if mean is None or math.isnan(mean) else round(mean, 2),
                    undated=sum(1 for e in events if e["event_date"] is None))

    @app.get("/article/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, doc_id: str, con=Cursor):
        doc = query.document(con, doc_id)
        if doc is None:
            raise query.NotFound(f"no article with doc_id {doc_id!r}")
        names = {a["id"]: a for a in doc["actors"]}
        return page(request, "article.html", doc=doc, body=highlight(doc), names=names)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: Optional[str] = None, actor: Optional[str] = None,
                    page_no: int = Query(1, alias="page"), con=Cursor):
        q = (q or "").strip() or None
        actor = (actor or "").strip() or None
        found_actors = query.actors(con, q=q, limit=30) if q else []
        results = None
        if q or actor:
            if actor and not query.known_actor(con, actor):
                raise query.NotFound(f"unknown actor {actor!r}")
            results = query.articles(con, actor=actor, q=q, page=page_no, per_page=20)
        return page(request, "search.html", q=q, actor=actor, actors=found_actors, results=results)

    return app
