"""Scraped pages as users feed them: menus in a table layout, and pages too big to be an article."""
from __future__ import annotations

import pytest

from dyad import Article, ingest
from dyad.types import Refused

HEADLINES = ["Russia attacks Ukraine ports again", "Iran warns Israel over strikes", "China condemns US sanctions"]


def test_link_bars_of_a_table_layout_are_not_the_article(pipeline):
    body = ("ATHENS, Greece -- Greek police clashed with protesters in Athens on Tuesday during a general "
            "strike against pension cuts, officials said.<br>The government said the reforms were needed.")
    page = (f"<html><body><table><tr><td><a href='/'>Home</a> | <a href='/w'>World</a> | <a href='/s'>Sport</a></td></tr>"
            f"<tr><td>{body}</td></tr><tr><td>Related: {' | '.join(HEADLINES)}</td></tr></table></body></html>")
    art = ingest.html_to_article(page, "page.html")
    assert "Greek police clashed" in art.text and not any(h in art.text for h in HEADLINES) and "|" not in art.text
    events = pipeline.process(Article(text=art.text, published="2024-05-03")).events
    assert events and not {"RUS", "IRN", "CHN"} & {e.source_code for e in events}


def test_prose_with_a_bar_in_a_sentence_is_kept():
    page = ("<html><body><article><p>The minister met his counterpart on Monday and said the talks were useful "
            "| constructive, according to a statement, and that more talks would follow next week.</p>"
            "<p>Officials said the next round would be held in Geneva in June.</p></article></body></html>")
    assert "talks were useful" in ingest.html_to_article(page, "p.html").text


def test_a_page_of_a_hundred_thousand_tags_is_refused_at_once():
    page = "<html><body>" + "<div><span>menu item</span></div>" * 30_000 + (
        "<article><p>BERLIN - Germany and Poland signed a border agreement on Friday, officials said.</p></article>"
        "</body></html>")
    with pytest.raises(Refused, match="HTML too large"):  # decided by counting tags, before any parsing
        ingest.html_to_article(page, "huge.html")


STORY = ("<h1>Ministers meet in Geneva</h1><p>GENEVA - The foreign ministers of France and Germany met on Tuesday "
         "and agreed to hold another round of talks next month, officials said.</p>")


@pytest.mark.parametrize("footer", ["<footer>\u00a9 2019 Daily News. All rights reserved.</footer>",
                                    "<p>Copyright 2021 Example Media Group</p>"])
def test_a_copyright_year_is_not_a_publication_date(footer):
    page = f"<html><head><title>Daily</title></head><body><article>{STORY}</article>{footer}</body></html>"
    assert ingest.html_to_article(page, "p.html").published is None


@pytest.mark.parametrize("dated", [
    '<meta property="article:published_time" content="2019-11-17T10:00:00Z">',
    '<meta name="date" content="2019-11-17">',
])
def test_a_pages_own_publication_date_is_read(dated):
    page = (f"<html><head>{dated}<title>Daily</title></head><body><article>{STORY}</article>"
            "<footer>\u00a9 2024 Daily News</footer></body></html>")
    assert ingest.html_to_article(page, "p.html").published == "2019-11-17"
