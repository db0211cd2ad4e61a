"""The web view in a real browser: Debian's Chromium driven by Playwright, over a live server.

One server and one browser for the module, over a store built by the real pipeline from the
fixture corpus. Without /usr/bin/chromium these tests skip with the reason shown (`pytest -rs`),
except under CI (CI=true), where that is a failure.
"""
from __future__ import annotations

import csv
import io
import json
import re
from urllib.parse import parse_qs, urlparse

import pytest

from webfixtures import CHROMIUM_ARGS, build_store, chromium_or_skip, live_server

pytestmark = pytest.mark.browser
VISIT = "t-2023-06-19-visit"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# every page of the view, with a query that gives it content over the fixture store
PAGES = ["/", "/?actor=China", "/dyad/CHN/USA", "/dyad/CHN/USA?by=year&quad=1", "/events", "/map", "/network",
         "/actors/Antony%20Blinken", "/actors/China", "/quotes?speaker=Blinken", f"/article/{VISIT}",
         "/search", "/search?q=China", "/no/such/page"]


@pytest.fixture(scope="module")
def site(tmp_path_factory, pipeline):
    """(base URL of a live server over the fixture store, the stored documents)."""
    from dyad.api import create_app

    chromium_or_skip()
    db = tmp_path_factory.mktemp("browser") / "store.duckdb"
    docs = [json.loads(json.dumps(d.to_dict(), default=str)) for d in build_store(pipeline, db)]
    with live_server(create_app(db, pipeline=pipeline)) as url:
        yield url, docs


@pytest.fixture(scope="module")
def browser(site):
    from playwright.sync_api import sync_playwright

    path = chromium_or_skip()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _page(browser, viewport):
    context = browser.new_context(viewport=viewport)
    pg = context.new_page()
    pg.requests, pg.errors = [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" and "404" not in m.text else None)
    pg.set_default_timeout(20_000)
    return context, pg


@pytest.fixture
def page(browser, site):
    """A fresh desktop page that records every request it makes and every script error it meets."""
    context, pg = _page(browser, DESKTOP)
    yield pg
    context.close()


@pytest.fixture
def phone(browser, site):
    context, pg = _page(browser, PHONE)
    yield pg
    context.close()


def _chart(page):
    return json.loads(page.locator("#chart-data").text_content())


def _visible_chart(page):
    return page.locator("svg.timeline:visible")


# -- the core path --------------------------------------------------------------------------------

def test_home_dyad_chart_article_and_speaker(page, site):
    url, docs = site
    page.goto(url + "/")
    assert page.locator("h1").inner_text() == "Strongest dyads"
    assert page.locator(".legend-qc .swatch").count() == 4  # the home page explains the colours
    link = page.locator("a.dyad-link", has_text="CHN – USA")
    assert link.count() == 1
    row = page.locator("tr.dyad", has=link)
    assert row.locator("svg.sparkline circle").count() >= 1  # one point per month with events
    assert "China" in row.inner_text() and "United States" in row.inner_text()  # codes with names
    assert page.locator("thead svg.sparkline.scale").count() == 1  # the sparklines' scale

    link.click()
    page.wait_for_url("**/dyad/CHN/USA")
    svg = _visible_chart(page)
    assert svg.count() == 1
    data = _chart(page)
    # one bar link per period with events; one drawn segment per (period, QuadClass) with events
    assert svg.locator("a.bar").count() == sum(1 for n in data["events"] if n) > 0
    segments = sum(1 for k in ("q1", "q2", "q3", "q4") for v in data[k] if v)
    assert svg.locator("a.bar rect:not(.hit)").count() == segments
    assert svg.locator("circle.goldstein").count() == sum(1 for g in data["mean_goldstein"] if g is not None)
    box = svg.locator("a.bar rect:not(.hit)").first.bounding_box()
    assert box and box["height"] > 2 and box["width"] > 2  # drawn, not collapsed

    events = page.locator("table.events tr.event")
    assert events.count() == sum(data["events"])
    to_visit = page.locator(f'a.article-link[href^="/article/{VISIT}#t"]').first
    href = to_visit.get_attribute("href")
    to_visit.click()
    page.wait_for_url(f"**/article/{VISIT}*")
    n = re.search(r"#t(\d+)$", href)[1]
    assert page.locator(f'.hl-trigger.current[data-ev~="{n}"]').count() >= 1
    visit = next(d for d in docs if d["doc_id"] == VISIT)
    attributed = [(i, q) for i, q in enumerate(visit["quotes"]) if q["speaker_name"]]
    assert attributed, "the visit article has an attributed quote"
    i, q = attributed[0]
    quote = page.locator(f'.article-text .hl-quote[data-quote~="{i}"]').first
    assert quote.is_visible() and q["speaker_name"] in quote.get_attribute("title")
    label = page.locator(f'.article-text .quote-speaker[data-quote="{i}"]')
    assert label.is_visible() and label.inner_text().strip().rstrip("›").strip() == q["speaker_name"]
    assert "Blinken" in q["speaker_name"]  # “We have made progress,” Blinken said
    row = page.locator(f'table.quotes tr.quote[data-quote="{i}"]')
    assert row.locator("td.speaker").inner_text() == q["speaker_name"]
    assert page.errors == []


def test_highlights_have_distinct_colours(page, site):
    url, _ = site
    page.goto(f"{url}/article/{VISIT}")
    colour = {}
    for cls in ("hl-actor", "hl-quote", "hl-trigger", "quote-speaker"):
        el = page.locator(f".article-text .{cls}").first
        assert el.count() == 1, cls
        colour[cls] = el.evaluate("e => getComputedStyle(e).backgroundColor + ' ' + getComputedStyle(e).color")
    assert len(set(colour.values())) == 4, colour


def test_every_event_link_lands_on_its_anchor(page, site):
    url, docs = site
    for d in docs:
        if not d["events"]:
            continue
        page.goto(f"{url}/article/{d['doc_id']}")
        ids = set(page.locator(".article-text [id^=t]").evaluate_all("es => es.map(e => e.id)"))
        assert ids >= {f"t{i}" for i in range(len(d["events"]))}, d["doc_id"]


def test_clicking_a_bar_lists_that_periods_events_and_marks_it(page, site):
    url, _ = site
    page.goto(f"{url}/dyad/CHN/USA")
    data = _chart(page)
    bar = _visible_chart(page).locator("a.bar").first
    period = bar.get_attribute("data-period")
    bar.locator("rect.hit").click()
    page.wait_for_url(re.compile(r".*[?&]period=\d{4}-\d{2}-\d{2}.*"))
    assert re.search(r"period=(\d{4}-\d{2}-\d{2})", page.url)[1] == period
    expected = data["events"][data["since"].index(period)]
    assert page.locator("table.events tr.event").count() == expected > 0
    assert "show all" in page.locator("h2#events").inner_text()
    svg = _visible_chart(page)
    assert svg.locator(f'a.bar[aria-current="true"][data-period="{period}"]').count() == 1
    assert svg.locator("rect.selected-band").count() == 1 and svg.locator("text.tick.period.selected").count() <= 1


def test_keyboard_reaches_the_period_bars_and_the_skip_link(page, site):
    url, _ = site
    page.goto(f"{url}/dyad/CHN/USA")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # Tab on until a bar of the chart has the focus; its label says what it holds
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('svg.timeline a.bar')"):
            break
    else:
        pytest.fail("no chart bar is reachable with Tab")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    period = page.evaluate("document.activeElement.dataset.period")
    assert re.match(r"\d{4}-\d{2}: \d+ events? \(", label), label
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf".*period={period}.*"))
    # the chart's text alternative: a table with one row per period
    data = _chart(page)
    assert page.locator("details.chart-table table tbody tr").count() == len(data["label"])
    assert _visible_chart(page).get_attribute("aria-labelledby")


def test_chart_is_readable(page, site):
    """The Goldstein zero line belongs to the Goldstein panel, tick labels stay inside the chart, the legend
    stays off the axes."""
    url, _ = site
    for path in ("/dyad/CHN/USA", "/dyad/CHN/USA?by=week", "/dyad/CHN/USA?by=day"):
        page.goto(url + path)
        svg = _visible_chart(page)
        box = svg.bounding_box()
        zero = svg.locator("line.zero").bounding_box()
        titles = svg.locator("text.panel-title")
        assert titles.count() == 2
        events_title = titles.nth(1).bounding_box()
        assert zero["y"] < events_title["y"], path  # the zero line is above the events panel, not on its axis
        ticks = svg.locator("text.tick.period").evaluate_all(
            "ts => ts.map(t => { const b = t.getBoundingClientRect(); return [b.left, b.right]; })")
        assert ticks
        assert all(box["x"] - 0.5 <= l and r <= box["x"] + box["width"] + 0.5 for l, r in ticks), (path, ticks)
        assert all(a[1] <= b[0] for a, b in zip(ticks, ticks[1:])), path  # no two labels overlap
        legend = page.locator("figure.chart .legend-qc").bounding_box()
        assert legend["y"] >= box["y"] + box["height"] - 1, path


def test_swap_swaps_the_data_and_keeps_the_filters(page, site):
    url, docs = site
    page.goto(f"{url}/dyad/CHN/USA?direction=from&until=2024-12-31")
    assert page.locator('select[name="direction"]').input_value() == "from"  # `directed` is in the page
    sources = page.locator("table.events tr.event td:nth-child(2) code").all_inner_texts()
    assert sources and all(s.startswith("CHN") for s in sources)
    page.locator("a.swap").click()
    page.wait_for_url("**/dyad/USA/CHN?*")
    q = parse_qs(urlparse(page.url).query)
    assert q["direction"] == ["from"] and q["until"] == ["2024-12-31"]
    sources = page.locator("table.events tr.event td:nth-child(2) code").all_inner_texts()
    expected = [e for d in docs for e in d["events"]
                if e["source_country"] == "USA" and e["target_country"] == "CHN" and (e["date"] or "") <= "2024-12-31"]
    assert len(sources) == len(expected) > 0 and all(s.startswith("USA") for s in sources)


def test_search_actor_filter_and_articles(page, site):
    url, docs = site
    page.goto(url + "/")
    page.fill('form.filters input[name="actor"]', "China")  # a name, not only a code
    page.locator("form.filters button").click()
    page.wait_for_url("**/?*actor=China*")
    assert page.locator("h1").inner_text() == "Strongest dyads involving China"
    assert page.locator("tr.dyad").count() >= 1
    page.locator("nav a", has_text="Articles").click()
    page.wait_for_url("**/search")
    assert page.locator("ul.articles li").count() == min(20, len(docs))  # not an empty search
    page.fill('form.search input[name="q"]', "Zelensky")
    page.press('form.search input[name="q"]', "Enter")
    page.wait_for_url("**/search?q=Zelensky")
    assert page.locator("ul.articles .snippet mark").first.inner_text().lower() == "zelensky"
    page.locator("table.actors a.actor-link", has_text="Volodymyr Zelensky").first.click()
    page.wait_for_url("**/actors/*")
    assert page.locator("h1").inner_text() == "Volodymyr Zelensky"


def test_actor_page_quotes_link_to_their_sentence(page, site):
    url, docs = site
    page.goto(url + "/actors/Antony%20Blinken")
    said = [(d, i, q) for d in docs for i, q in enumerate(d["quotes"]) if q["speaker_name"] == "Antony Blinken"]
    assert page.locator("ul.quotes li.quote").count() == len(said) > 0
    assert page.locator("table.codes tr.code").count() >= 1
    link = page.locator("a.quote-link").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url("**/article/**")
    n = re.search(r"#q(\d+)$", href)[1]
    target = page.locator(f"#q{n}")
    assert target.count() == 1 and target.is_visible()


def test_network_is_drawn_and_its_toolbar_sends_nothing(page, site):
    url, _ = site
    page.goto(url + "/network")
    page.wait_for_selector("#network[data-rendered=true]")
    net = json.loads(page.locator("#network-data").text_content())
    assert page.locator("table.pairs tr.pair").count() == len(net["edges"]) > 0
    page.locator("#network").hover()
    buttons = page.locator("#network .modebar-btn")
    titles = buttons.evaluate_all("bs => bs.map(b => b.getAttribute('data-title') || '')")
    assert titles and not [t for t in titles if re.search(r"cloud|studio|share|plotly", t, re.I)], titles
    assert page.locator("#network a[href*='plotly']").count() == 0
    for i in range(buttons.count()):  # every toolbar action, including the PNG download
        page.locator("#network").hover()
        with page.expect_download(timeout=3000) if "png" in titles[i].lower() else _nothing():
            buttons.nth(i).click()
    outside = [r for r in page.requests if not r.startswith(url) and not r.startswith(("data:", "blob:"))]
    assert outside == [] and page.errors == []


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_api_docs_render_the_definition(page, site):
    url, _ = site
    page.goto(url + "/docs")
    page.wait_for_selector(".opblock")
    assert page.locator("text=Unable to render this definition").count() == 0
    ops = page.locator(".opblock-summary-path").all_inner_texts()
    assert {"/api/dyads", "/api/timeline", "/api/events", "/api/quotes", "/api/extract"} <= {o.strip() for o in ops}
    page.goto(url + "/redoc")  # ReDoc's bundle fetches its logo from a CDN: there is no ReDoc
    assert "404" in page.locator("h1").inner_text()
    outside = [r for r in page.requests if not r.startswith(url) and not r.startswith(("data:", "blob:"))]
    assert outside == [], outside


def test_works_offline_everything_comes_from_dyad(page, site):
    """No request leaves 127.0.0.1 on any page (the network page's toolbar has its own test)."""
    url, _ = site
    for path in PAGES + ["/docs", "/redoc"]:
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
    outside = [r for r in page.requests if not r.startswith(url) and not r.startswith(("data:", "blob:"))]
    assert outside == [], outside
    assert f"{url}/static/plotly.min.js" in page.requests  # the network page's chart library, served here
    assert page.errors == []


def test_static_files_are_compressed(page, site):
    url, _ = site
    sizes = {}
    page.on("response", lambda r: sizes.setdefault(r.url, r.headers.get("content-encoding")))
    page.goto(url + "/network")
    page.wait_for_selector("#network[data-rendered=true]")
    assert sizes[f"{url}/static/plotly.min.js"] == "gzip" and sizes[f"{url}/static/dyad.css"] == "gzip"


# -- every page on a desktop and a phone ----------------------------------------------------------

@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_every_page_fits_and_the_nav_is_reachable(browser, site, viewport):
    url, _ = site
    vp = DESKTOP if viewport == "desktop" else PHONE
    context, pg = _page(browser, vp)
    try:
        for path in PAGES:
            pg.goto(url + path)
            assert pg.locator("h1").first.is_visible(), path
            width = pg.evaluate("document.documentElement.scrollWidth")
            assert width <= vp["width"], (path, width)  # no sideways scroll
            for a in pg.locator("header.top nav a").all():
                b = a.bounding_box()
                assert b and b["x"] >= 0 and b["x"] + b["width"] <= vp["width"], (path, a.inner_text())
            if path.startswith("/dyad/"):
                svg = _visible_chart(pg)
                box = svg.bounding_box()
                assert box["x"] >= 0 and box["x"] + box["width"] <= vp["width"]
                ticks = svg.locator("text.tick").evaluate_all(
                    "ts => ts.map(t => { const b = t.getBoundingClientRect(); return [b.left, b.right]; })")
                assert all(box["x"] - 0.5 <= l and r <= box["x"] + box["width"] + 0.5 for l, r in ticks), path
                assert pg.locator("figure.chart .legend-qc").bounding_box()["y"] >= box["y"] + box["height"] - 1
        assert pg.errors == []
    finally:
        context.close()


def test_palette_is_distinct_for_deuteranopes_and_readable(page, site):
    url, _ = site
    page.goto(url + "/")
    colours = page.evaluate("""() => [1, 2, 3, 4].map(k => {
        const s = getComputedStyle(document.querySelector('footer .qc' + k));
        return [s.backgroundColor, s.color]; })""")
    rgb = [[tuple(int(x) for x in re.findall(r"\d+", c)[:3]) for c in pair] for pair in colours]
    for bg, fg in rgb:
        assert _contrast(bg, fg) >= 4.5, (bg, fg)
    seen = [_lab(_deuteranope(bg)) for bg, _ in rgb]
    gaps = [sum((a - b) ** 2 for a, b in zip(seen[i], seen[j])) ** 0.5 for i in range(4) for j in range(i + 1, 4)]
    assert min(gaps) >= 20, gaps  # CIE76 ΔE: clearly different colours, as a deuteranope sees them


def _lin(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _contrast(a, b) -> float:
    la, lb = (0.2126 * _lin(c[0]) + 0.7152 * _lin(c[1]) + 0.0722 * _lin(c[2]) for c in (a, b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def _deuteranope(c):
    """Machado, Oliveira & Fernandes (2009) simulation of deuteranopia (severity 1), in linear RGB."""
    m = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    lin = [_lin(x) for x in c]
    out = [max(0.0, min(1.0, sum(m[i][j] * lin[j] for j in range(3)))) for i in range(3)]
    return tuple(255 * (12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055) for v in out)


def _lab(c):
    r, g, b = (_lin(x) for x in c)
    x, y, z = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, \
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = [v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116 for v in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


# -- downloads hold exactly what the page shows ---------------------------------------------------

@pytest.mark.parametrize("path", ["/dyad/CHN/USA?quad=1,3", "/dyad/CHN/USA?by=year&period=2023-01-01",
                                  "/events?actor=China&direction=from", "/actors/Antony%20Blinken",
                                  "/events?country=CHN"])
def test_downloads_match_the_page(page, site, path):
    url, _ = site
    page.goto(url + path)
    shown = page.locator("table.events tr.event").count()
    assert shown > 0, path
    got = {}
    for fmt in ("csv", "jsonl", "tsv"):
        href = page.locator(f'a.download[data-format="{fmt}"]').get_attribute("href")
        got[fmt] = page.request.get(url + href).text()
    as_json = page.request.get(url + page.locator("a.json").get_attribute("href")).json()  # the events, not a timeline
    assert len(as_json) == shown and all("cameo" in e and "doc_id" in e for e in as_json)
    rows = list(csv.DictReader(io.StringIO(got["csv"])))
    assert len(rows) == shown
    assert len(got["jsonl"].splitlines()) == shown
    tsv = [ln.split("\t") for ln in got["tsv"].splitlines()]
    assert len(tsv) == shown and all(len(r) == 61 for r in tsv)
    # where the CSV has coordinates, the GDELT export has them as ActionGeo_Lat/Long
    from dyad.query import gdelt_columns

    lat = gdelt_columns().index("ActionGeo_Lat")
    assert [bool(r["lat"]) for r in rows] == [bool(t[lat]) for t in tsv]
    dates = [r["event_date"] for r in rows]
    page_dates = page.locator("table.events tr.event td:first-child").evaluate_all(
        "ts => ts.map(t => t.childNodes[0].textContent.trim())")
    assert [d or "undated" for d in dates] == page_dates
    if page.locator('a.download[data-format="quotes-csv"]').count():
        href = page.locator('a.download[data-format="quotes-csv"]').get_attribute("href")
        quotes = list(csv.DictReader(io.StringIO(page.request.get(url + href).text())))
        assert len(quotes) == page.locator("ul.quotes li.quote").count() > 0


def test_map_places_events_and_links_to_them(page, site):
    url, _ = site
    page.goto(url + "/map")
    circles = page.locator("svg.map a.country")
    rows = page.locator("table.countries tr.country")
    assert circles.count() == rows.count() > 0
    first = rows.first
    n = int(first.locator("td.num").first.inner_text())
    circles.first.click()  # the biggest country first
    page.wait_for_url("**/events?country=*")
    assert page.locator("table.events tr.event").count() == n
    page.go_back()
    places = page.locator("table.places tr.place")
    assert page.locator("svg.map a.place").count() == places.count() > 0  # Beijing, Kyiv... have coordinates
    n = int(places.first.locator("td.num").first.inner_text())
    page.locator("svg.map a.place").first.click()
    page.wait_for_url("**/events?place=*")
    assert page.locator("table.events tr.event").count() == n


def test_an_article_with_a_long_unbroken_source_fits_a_phone(browser, pipeline, tmp_path):
    """A source path or URL is one long word (no spaces or hyphens to break at): it must wrap, not
    widen the page, wherever the corpus lives."""
    from dyad.api import create_app
    from dyad.store import Store
    from dyad.types import Article

    source = "/" + "/".join(["averylongfoldernamewithoutanybreaks"] * 4) + "/article.txt"
    doc = pipeline.process(Article(text="China and Japan signed a trade agreement on Tuesday.",
                                   published="2024-05-01", source=source, doc_id="long-source"))
    db = tmp_path / "long.duckdb"
    with Store(db) as store:
        store.add(doc)
    with live_server(create_app(db, pipeline=pipeline)) as url:
        context, pg = _page(browser, PHONE)
        try:
            pg.goto(url + "/article/long-source")
            assert source in pg.locator("p.muted").first.inner_text().replace("\n", "")
            assert pg.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        finally:
            context.close()
