"""The web view in a real browser: Debian's Chromium driven by Playwright, over a live server.

One server and one browser for the module, over a store built by the real pipeline from the
fixture corpus. Without /usr/bin/chromium these tests skip with the reason shown (`pytest -rs`),
except under CI (CI=true), where that is a failure.
"""
from __future__ import annotations

import json
import re

import pytest

from webfixtures import CHROMIUM_ARGS, build_store, chromium_or_skip, live_server

pytestmark = pytest.mark.browser
VISIT = "t-2023-06-19-visit"


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


@pytest.fixture
def page(browser, site):
    """A fresh page that records every request it makes and every script error it meets."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.requests, pg.errors = [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.set_default_timeout(20_000)
    yield pg
    context.close()


def test_home_dyad_chart_article_and_speaker(page, site):
    url, docs = site
    page.goto(url + "/")
    assert page.locator("h1").inner_text() == "Strongest dyads"
    link = page.locator("a.dyad-link", has_text="CHN – USA")
    assert link.count() == 1
    row = page.locator("tr.dyad", has=link)
    assert row.locator("svg.sparkline circle").count() >= 1  # one point per month with events

    link.click()
    page.wait_for_url("**/dyad/CHN/USA")
    page.wait_for_selector("#chart[data-rendered=true]")
    chart = page.locator("#chart")
    assert chart.locator("svg.main-svg").count() >= 1
    # the bars: one drawn segment per (month, QuadClass) with events; the Goldstein line: one marker per month
    data = json.loads(page.locator("#chart-data").text_content())
    segments = sum(1 for k in ("q1", "q2", "q3", "q4") for v in data[k] if v)
    assert segments > 0
    drawn = chart.locator(".barlayer .point path").evaluate_all(
        "ps => ps.filter(p => p.getBoundingClientRect().height > 0.5).length")  # empty periods draw nothing
    assert drawn == segments
    months = sum(1 for g in data["mean_goldstein"] if g is not None)
    assert chart.locator(".scatterlayer .point").count() == months > 0
    box = chart.locator(".barlayer .point path").first.bounding_box()
    assert box and box["height"] > 5 and box["width"] > 5  # drawn, not collapsed

    events = page.locator("table.events tr.event")
    assert events.count() == sum(data["events"])
    to_visit = page.locator(f'a.article-link[href^="/article/{VISIT}#t"]').first
    href = to_visit.get_attribute("href")
    to_visit.click()
    page.wait_for_url(f"**/article/{VISIT}*")

    # the event we came from is marked in the text
    n = re.search(r"#t(\d+)$", href)[1]
    assert page.locator(f'.hl-trigger.current[data-ev~="{n}"]').count() >= 1
    # a highlighted quote, its speaker shown beside it, in the label and in the quotes table
    visit = next(d for d in docs if d["doc_id"] == VISIT)
    attributed = [(i, q) for i, q in enumerate(visit["quotes"]) if q["speaker_name"]]
    assert attributed, "the visit article has an attributed quote"
    i, q = attributed[0]
    quote = page.locator(f'.article-text .hl-quote[data-quote~="{i}"]').first
    assert quote.is_visible()
    assert q["speaker_name"] in quote.get_attribute("title")
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
    tables = {t: page.locator(f"table.{t} tbody tr").count() for t in ("actors", "quotes", "events")}
    assert tables["actors"] >= 2 and tables["quotes"] >= 1 and tables["events"] >= 1, tables


def test_clicking_a_bar_lists_that_periods_events(page, site):
    url, _ = site
    page.goto(f"{url}/dyad/CHN/USA")
    page.wait_for_selector("#chart[data-rendered=true]")
    data = json.loads(page.locator("#chart-data").text_content())
    box = next(b for b in (p.bounding_box() for p in page.locator("#chart .barlayer .point path").all())
               if b and b["height"] > 5)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(r".*[?&]period=\d{4}-\d{2}-\d{2}.*"))
    period = re.search(r"period=(\d{4}-\d{2}-\d{2})", page.url)[1]
    expected = data["events"][data["since"].index(period)]
    assert page.locator("table.events tr.event").count() == expected > 0
    assert "show all" in page.locator("h2#events").inner_text()


def test_search_box_finds_actors_and_text(page, site):
    url, _ = site
    page.goto(url + "/")
    page.fill('form.search input[name="q"]', "Zelensky")
    page.press('form.search input[name="q"]', "Enter")
    page.wait_for_url("**/search?q=Zelensky")
    assert page.locator("table.actors td", has_text="Volodymyr Zelensky").count() >= 1
    page.locator("table.actors a", has_text="Volodymyr Zelensky").first.click()
    page.wait_for_url("**/search?actor=*")
    page.locator("ul.articles a", has_text="ukraine.txt").click()
    page.wait_for_selector(".article-text")
    assert "Zelensky" in page.locator(".article-text").inner_text()


def test_works_offline_everything_comes_from_dyad(page, site):
    url, _ = site
    for path in ("/", "/dyad/CHN/USA", f"/article/{VISIT}", "/search?q=China"):
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
    page.goto(url + "/dyad/CHN/USA")
    page.wait_for_selector("#chart[data-rendered=true]")
    outside = [r for r in page.requests if not r.startswith(url) and not r.startswith("data:")]
    assert outside == [], outside
    assert f"{url}/static/plotly.min.js" in page.requests
    assert page.errors == []
