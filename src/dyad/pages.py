"""The web view's pages and downloads: dyads, a dyad over time, events, the map, the network, actors,
quotes, articles and search. Every page that lists events takes the same filter (`dyad.filters`) and
offers downloads of exactly the rows it shows.
"""
from __future__ import annotations

import math
from datetime import date, timedelta
from html import escape
from typing import Any, Optional
from urllib.parse import quote as urlquote

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from . import charts, codes, downloads, explore, geo, query
from .filters import EventFilter

QUAD_NAMES = charts.QUAD_NAMES
PERIOD_ORDER = ["day", "week", "month", "quarter", "year"]
ROOTS = [(f"{i:02d}", None) for i in range(1, 21)]


# -- small renderers ------------------------------------------------------------------------------

def next_period(d: date, by: str) -> date:
    if by == "day":
        return d + timedelta(days=1)
    if by == "week":
        return d + timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[by]
    m = d.month - 1 + months
    return date(d.year + m // 12, m % 12 + 1, 1)


def period_label(d: date, by: str) -> str:
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
        d = next_period(d, by)
    return out if d > last else rows  # too many periods to fill: plot what there is


def chart_data(rows: list[dict[str, Any]], by: str) -> dict[str, Any]:
    rows = _filled(rows, by)
    return {"by": by,
            "label": [period_label(r["period"], by) for r in rows],
            "since": [r["period"].isoformat() for r in rows],
            "until": [(next_period(r["period"], by) - timedelta(days=1)).isoformat() for r in rows],
            **{k: [r[k] for r in rows] for k in ("events", "q1", "q2", "q3", "q4", "mean_goldstein")}}


def mark(sentence: str | None, trigger: str | None) -> Markup:
    """The sentence, escaped, with its trigger word in bold."""
    s = sentence or ""
    i = s.lower().find((trigger or "").lower()) if trigger else -1
    if i < 0:
        return Markup(escape(s))
    j = i + len(trigger)
    return Markup(f"{escape(s[:i])}<b>{escape(s[i:j])}</b>{escape(s[j:])}")


def snippet(text: str | None, q: str | None, width: int = 90) -> Markup:
    """The words around the first match of `q` in `text`, the match marked."""
    text = " ".join((text or "").split())
    i = text.lower().find(q.lower()) if q else -1
    if i < 0:
        return Markup(escape(text[: 2 * width] + ("…" if len(text) > 2 * width else "")))
    a, b = max(0, i - width), min(len(text), i + len(q) + width)
    return Markup(("…" if a else "") + escape(text[a:i]) + "<mark>" + escape(text[i:i + len(q)]) + "</mark>"
                  + escape(text[i + len(q):b]) + ("…" if b < len(text) else ""))


def headline(title: str | None, source: str | None, doc_id: str) -> str:
    """What to call an article: its title, else the name of the file it came from, else its id."""
    if title and title.strip():
        return title.strip()
    if source and source not in ("api", "stdin", "-"):
        return source.rstrip("/").rsplit("/", 1)[-1]
    return doc_id


def is_url(source: str | None) -> bool:
    return bool(source) and source.lower().startswith(("http://", "https://"))


def code_label(code: str | None) -> Markup:
    """A code with its name beside it: `IGOEUREEC` European Union."""
    if not code:
        return Markup("")
    name = codes.name(code)
    return Markup(f'<code>{escape(code)}</code>' + (f' <span class="code-name">{escape(name)}</span>' if name else ""))


def highlight(doc: dict[str, Any]) -> Markup:
    """The article text as HTML, each actor mention, quote and event trigger in its own colour.

    Spans overlap (a quote holds mentions and triggers), so the text is cut at every span boundary
    and each piece gets the classes of all spans that cover it. Each quote starts with a label naming
    its speaker (the quote's anchor, `q<n>`); each trigger piece carries `data-ev` with the numbers of its
    events, and every event has its anchor `t<n>`, also when several events share one trigger.
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
                out.append(f'<span class="quote-speaker" id="q{s["quote"]}" data-quote="{s["quote"]}">'
                           f'{escape(s["speaker"])}</span>')
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
            first = [s["event"] for s in cover if "event" in s and s["start"] == x]
            if first:
                attrs.append(f'id="t{first[0]}"')
                out.extend(f'<span class="anchor" id="t{e}"></span>' for e in first[1:])
        quotes = [str(s["quote"]) for s in cover if "quote" in s]
        if quotes:
            attrs.append(f'data-quote="{" ".join(quotes)}"')
        out.append(f"<span {' '.join(attrs)}>{piece}</span>")
    # events whose trigger could not be placed still get their anchor, at the top of the text
    placed = {s["event"] for s in spans if "event" in s}
    missing = "".join(f'<span class="anchor" id="t{i}"></span>' for i in range(len(doc.get("events", []))) if i not in placed)
    return Markup(missing + "".join(out))


def _network_layout(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], rounds: int = 200) -> None:
    """Positions for the network's nodes (x, y in [-1, 1]): a small force-directed layout, seeded on a
    circle in order of activity so that it is the same on every request."""
    k = len(nodes)
    if not k:
        return
    idx = {n["code"]: i for i, n in enumerate(nodes)}
    pos = [[math.cos(2 * math.pi * i / k), math.sin(2 * math.pi * i / k)] for i in range(k)]
    links = [(idx[e["a"]], idx[e["b"]]) for e in edges]
    d = 1.6 / math.sqrt(k)
    t = 0.12
    for _ in range(rounds):
        disp = [[0.0, 0.0] for _ in range(k)]
        for i in range(k):
            for j in range(i + 1, k):
                dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
                dist = max(1e-3, math.hypot(dx, dy))
                f = d * d / dist
                disp[i][0] += dx / dist * f
                disp[i][1] += dy / dist * f
                disp[j][0] -= dx / dist * f
                disp[j][1] -= dy / dist * f
        for i, j in links:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            dist = max(1e-3, math.hypot(dx, dy))
            f = dist * dist / d
            disp[i][0] -= dx / dist * f
            disp[i][1] -= dy / dist * f
            disp[j][0] += dx / dist * f
            disp[j][1] += dy / dist * f
        for i in range(k):
            dl = max(1e-3, math.hypot(*disp[i]))
            pos[i][0] += disp[i][0] / dl * min(dl, t)
            pos[i][1] += disp[i][1] / dl * min(dl, t)
        t *= 0.98
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    sx, sy = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    for n, p in zip(nodes, pos):
        n["x"] = round(2 * (p[0] - min(xs)) / sx - 1, 4)
        n["y"] = round(2 * (p[1] - min(ys)) / sy - 1, 4)


def warm_up() -> None:
    """Load the gazetteer and the code names in a background thread (seconds of work), so that the first
    visit to the map or an events page does not wait for them."""
    import threading

    def work():
        geo.centroids()
        geo.place("Kyiv")
        geo.place("Ukraine")  # a country name: loads the KB's gazetteer too
        codes.name("USA")

    threading.Thread(target=work, name="dyad-warm-up", daemon=True).start()


# -- the routes -----------------------------------------------------------------------------------

def add_pages(app: FastAPI, templates, Cursor) -> None:
    """Register the pages, the downloads and the API routes that share their filters on `app`."""
    env = templates.env
    env.globals.update(quad_names=QUAD_NAMES, headline=headline, is_url=is_url, code_name=codes.name,
                       roots=ROOTS, periods=PERIOD_ORDER)
    env.filters.update(mark=mark, code=code_label, snippet=snippet)
    env.globals["urlquote"] = lambda s: urlquote(str(s), safe="")

    def page(request: Request, name: str, status: int = 200, **ctx) -> HTMLResponse:
        return templates.TemplateResponse(request, name, ctx, status_code=status)

    def event_filter(con, request: Request, **fixed) -> EventFilter:
        q = request.query_params
        raw = {k: q.get(k) for k in ("since", "until", "actor", "root", "direction", "sided", "country", "place", "limit",
                                     "a", "b")}
        raw["quad"] = q.getlist("quad")
        raw["directed"] = q.get("directed", "").lower() in ("1", "true", "yes", "on")
        raw.update(fixed)
        return EventFilter.parse(con, **raw)

    def period_span(request: Request, by: str) -> tuple[str | None, tuple[str, str] | None]:
        period = request.query_params.get("period")
        if not period:
            return None, None
        start = date.fromisoformat(query.check_date(period, "period"))
        return start.isoformat(), (start.isoformat(), (next_period(start, by) - timedelta(days=1)).isoformat())

    def check_by(by: str) -> str:
        if by not in query.PERIODS:
            raise query.QueryError(f"by must be one of {sorted(query.PERIODS)}, not {by!r}")
        return by

    # -- dyads (home)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, con=Cursor):
        f = event_filter(con, request)
        rows = explore.dyads(con, f, limit=25)
        firsts, lasts = [r["first"] for r in rows if r["first"]], [r["last"] for r in rows if r["last"]]
        span = (min(firsts).replace(day=1), max(lasts).replace(day=1)) if firsts else None  # one time axis for all
        lines = explore.sparklines(con, f, [(r["a"], r["b"]) for r in rows], by="month")
        for r in rows:
            r["spark"] = charts.sparkline(lines[(r["a"], r["b"])], span=span)
        return page(request, "home.html", dyads=rows, summary=query.summary(con), f=f, span=span,
                    scale=charts.sparkline_scale())

    # -- one dyad

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request, a: str, b: str, by: str = "month", con=Cursor):
        by = check_by(by)
        f = event_filter(con, request, a=a, b=b)
        rows = explore.timeline(con, f, by=by)
        period, span = period_span(request, by)
        events = explore.events(con, f, period=span)
        total = explore.count_events(con, f) if not span else len(events)
        chart = chart_data(rows, by)
        base = {**f.params(), "by": by if by != "month" else None}

        def link(p: str) -> str:
            return "?" + _qs({**base, "period": p}) + "#events"

        svgs = (charts.timeline_svg(chart, link, selected=period, width=960, css="wide"),
                charts.timeline_svg(chart, link, selected=period, width=360, css="narrow")) if chart["label"] else None
        totals = {q: sum(r[f"q{q}"] for r in rows) for q in QUAD_NAMES}
        n = sum(r["events"] for r in rows)
        mean = (sum((r["mean_goldstein"] or 0) * r["events"] for r in rows) / n) if n else None
        dl = _qs({**f.params(), "a": f.a, "b": f.b, "period": period, "by": by if period else None})
        return page(request, "dyad.html", a=f.a, b=f.b, f=f, by=by, period=period, chart=chart, svgs=svgs,
                    events=events, total=total, totals=totals, n=n, dl=dl,
                    swap=f"/dyad/{urlquote(f.b)}/{urlquote(f.a)}" + _q({**base, "period": period}),
                    mean=None if mean is None or math.isnan(mean) else round(mean, 2),
                    undated=sum(1 for e in events if e["event_date"] is None))

    # -- events, map, network

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, con=Cursor):
        f = event_filter(con, request)
        events = explore.events(con, f)
        dl = _qs({**f.params(), "a": f.a, "b": f.b})
        return page(request, "events.html", f=f, events=events, total=explore.count_events(con, f), dl=dl)

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, con=Cursor):
        f = event_filter(con, request)
        data = explore.places(con, f)
        step = 2.0
        svg = charts.map_svg(data, geo.land_cells(step), step, lambda cc: "/events" + f.query(country=cc),
                             lambda p: "/events" + f.query(place=p))
        return page(request, "map.html", f=f, data=data, svg=svg)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, con=Cursor):
        f = event_filter(con, request)
        net = explore.network(con, f)
        _network_layout(net["nodes"], net["edges"])
        return page(request, "network.html", f=f, net=net)

    # -- actors and quotes

    @app.get("/actors/{key:path}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, key: str, con=Cursor):
        ident = explore.actor(con, key)
        q = request.query_params
        f = event_filter(con, request, actor=ident["name"])
        f = EventFilter(**{**f.__dict__, "resolved": ("names", (ident["name"],))})  # this actor, not a code
        events = explore.events(con, f)
        two = [e for e in events if e["source_name"] and e["target_name"]]
        one = [e for e in events if not (e["source_name"] and e["target_name"])]
        quotes = explore.quotes(con, speaker=ident["name"], since=f.since, until=f.until)
        quotes = [x for x in quotes if x["speaker_name"] == ident["name"]]
        partners = explore.actor_dyads(con, ident["name"], f)
        dl = _qs({**f.params(actor=ident["name"])})
        qdl = _qs({"speaker": ident["name"], "since": f.since, "until": f.until, "exact": 1})
        return page(request, "actor.html", ident=ident, f=f, two=two, one=one, events=events, quotes=quotes,
                    partners=partners, dl=dl, qdl=qdl, total=explore.count_events(con, f), tab=q.get("tab"))

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, speaker: Optional[str] = None, q: Optional[str] = None,
                    since: Optional[str] = None, until: Optional[str] = None, con=Cursor):
        rows = explore.quotes(con, speaker=speaker or None, q=q or None, since=since, until=until)
        dl = _qs({"speaker": speaker, "q": q, "since": since, "until": until})
        return page(request, "quotes.html", quotes=rows, speaker=speaker or "", qq=q or "", since=since or "",
                    until=until or "", dl=dl)

    # -- articles and search

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
        """Actors and articles matching `q`; articles with `actor`; with neither, all articles, newest first."""
        q = (q or "").strip() or None
        actor = (actor or "").strip() or None
        found_actors = query.actors(con, q=q, limit=30) if q else []
        if actor and not query.known_actor(con, actor):
            raise query.NotFound(f"unknown actor {actor!r}")
        results = query.articles(con, actor=actor, q=q, page=page_no, per_page=20)
        if q:
            texts = dict(con.execute(
                "SELECT doc_id, text FROM articles WHERE list_contains(?, doc_id)",
                [[r["doc_id"] for r in results["articles"]]]).fetchall())
            for r in results["articles"]:
                r["snippet"] = snippet(texts.get(r["doc_id"]), q)
        return page(request, "search.html", q=q, actor=actor, actors=found_actors, results=results)

    # -- downloads: the same rows as the page

    @app.get("/download/events.{fmt}", include_in_schema=False)
    def download_events(request: Request, fmt: str, by: str = "month", con=Cursor) -> Response:
        if fmt not in downloads.FORMATS:
            raise query.NotFound(f"no download format {fmt!r}: csv, jsonl or tsv (GDELT 2.0)")
        f = event_filter(con, request)
        _, span = period_span(request, check_by(by))
        rows = explore.events(con, f, period=span)
        return Response(downloads.events(rows, fmt), media_type=downloads.FORMATS[fmt],
                        headers={"Content-Disposition": f'attachment; filename="events.{fmt}"'})

    @app.get("/download/quotes.csv", include_in_schema=False)
    def download_quotes(speaker: Optional[str] = None, q: Optional[str] = None, since: Optional[str] = None,
                        until: Optional[str] = None, exact: bool = False, con=Cursor) -> Response:
        rows = explore.quotes(con, speaker=speaker or None, q=q or None, since=since, until=until)
        if exact and speaker:  # an actor page lists that actor's quotes only
            rows = [x for x in rows if x["speaker_name"] == speaker]
        return Response(downloads.quotes(rows), media_type=downloads.FORMATS["csv"],
                        headers={"Content-Disposition": 'attachment; filename="quotes.csv"'})

    # -- the JSON API routes that take the pages' filters

    @app.get("/api/quotes", tags=["api"], summary="Quotes by speaker, words and date")
    def api_quotes(speaker: Optional[str] = Query(None, description="Part of the speaker's name, or an actor code"),
                   q: Optional[str] = Query(None, description="Words of the quote (% and _ are literal)"),
                   since: Optional[str] = Query(None, description="Published on or after, YYYY-MM-DD"),
                   until: Optional[str] = Query(None, description="Published on or before, YYYY-MM-DD"),
                   limit: int = Query(500, ge=1, le=5000), con=Cursor) -> list[dict[str, Any]]:
        """What did X say: quotes newest first, with the article, its date and the quote's place in it."""
        rows = explore.quotes(con, speaker=speaker or None, q=q or None, since=since, until=until, limit=limit)
        for r in rows:
            r["url"] = f"/article/{urlquote(r['doc_id'], safe='')}#q{r['quote_no']}"
        return rows

    @app.get("/api/events", tags=["api"], summary="Events under a filter")
    def api_events(request: Request,
                   a: Optional[str] = Query(None, description="With b: a dyad, e.g. USA"),
                   b: Optional[str] = Query(None, description="With a: a dyad, e.g. CHN"),
                   actor: Optional[str] = Query(None, description="An actor code or part of a name"),
                   since: Optional[str] = Query(None, description="YYYY-MM-DD"),
                   until: Optional[str] = Query(None, description="YYYY-MM-DD"),
                   quad: Optional[str] = Query(None, description="QuadClass(es), e.g. 3,4"),
                   root: Optional[str] = Query(None, description="CAMEO root code, 01 to 20"),
                   direction: Optional[str] = Query(None, description="both, from (a or actor is the source) or to"),
                   sided: Optional[str] = Query(None, description="all, two or one(-sided)"),
                   country: Optional[str] = Query(None, description="Where it happened: a country code"),
                   place: Optional[str] = Query(None, description="Where it happened: a place as the text names it"),
                   limit: int = Query(500, ge=1, le=5000), con=Cursor) -> list[dict[str, Any]]:
        """Events, newest first, with their article and where they happened (lat, lon where known)."""
        f = event_filter(con, request)
        period, span = period_span(request, request.query_params.get("by", "month"))
        rows = explore.events(con, f, period=span)
        keep = (*explore.EVENT_COLUMNS, "title", "lat", "lon", "geo_precision")
        return [{k: r[k] for k in keep} for r in rows]


def _qs(params: dict[str, Any]) -> str:
    from urllib.parse import urlencode

    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


def _q(params: dict[str, Any]) -> str:
    s = _qs(params)
    return "?" + s if s else ""
