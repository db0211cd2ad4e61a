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
