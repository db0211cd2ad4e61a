"""The HTTP API and the web view over a store: `dyad serve`.

A thin layer over `dyad.query`: every route validates through it, so the API, the pages and the CLI
give the same errors. The store is opened read-only, once, and each request gets its own cursor
(DuckDB connections are not shared across threads). Bad input is always a 4xx with a JSON body
`{"detail": ...}` (an HTML page for the pages), never a 500:

- a malformed parameter (a code like `U$A`, a date like `12/06/2023`, `by=fortnight`, a page past
  the last one) is 422;
- a well-formed name of something the store does not hold (actor code `ZZZ`, an unknown doc_id) is 404;
- a `POST /api/extract` body over the size limit is 413.

Pages live in `dyad.pages`, their charts in `dyad.charts` (SVG drawn here) and the network in the
plotly.js that ships inside the plotly wheel; every file is served from here (`dyad.assets`), so the
view works without a network and sends nothing anywhere.
"""
from __future__ import annotations

import json
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Iterator, Optional

import duckdb
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from . import __version__, query
from .assets import Assets
from .charts import sparkline  # noqa: F401  (re-exported: the renderers' tests import them from here)
from .pages import add_pages, highlight  # noqa: F401
from .ingest import check_text
from .store import StoreBusy
from .worker import ExtractWorker, WorkerBusy, WorkerFailed
from .types import Article, DyadError

WEB = Path(__file__).parent / "web"
MAX_EXTRACT_CHARS = 200_000  # one long article; whole books belong in `dyad ingest`


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

    # img-src blob: lets the network chart's "download as PNG" draw its own picture (a blob URL only a
    # script of this page can make)
    CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
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


# -- helpers ---------------------------------------------------------------------------------------

def _span(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    since, until = query.check_date(since, "since"), query.check_date(until, "until")
    if since and until and since > until:
        raise query.QueryError(f"since ({since}) is after until ({until})")
    return since, until


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
    templates.env.globals.update(version=__version__)

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

    # -- static files, gzip-compressed (dyad.assets): our own, plotly.js from the plotly package, and the
    # API docs' Swagger UI 5 (it reads the OpenAPI 3.1 FastAPI writes) from fastapi-offline

    import fastapi_offline
    import plotly

    assets = Assets({"static": WEB / "static", "plotly": Path(plotly.__file__).parent / "package_data",
                     "docs": Path(fastapi_offline.__file__).parent / "static"})
    app.state.assets = assets

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js(request: Request) -> Response:
        return assets.response(request, "plotly", "plotly.min.js")

    @app.get("/static/{name:path}", include_in_schema=False)
    def static(request: Request, name: str) -> Response:
        return assets.response(request, "static", name)

    @app.get("/docs-static/{name:path}", include_in_schema=False)
    def docs_static(request: Request, name: str) -> Response:
        return assets.response(request, "docs", name)

    from fastapi.openapi.docs import get_swagger_ui_html

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="dyad API",
                                   swagger_js_url="/docs-static/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-static/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    # -- pages, downloads and the API routes that share their filters (dyad.pages)

    add_pages(app, templates, Cursor)

    return app
