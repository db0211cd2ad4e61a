"""Actors of ordinary wire news: multiword places keep their own country."""
from __future__ import annotations

import pytest

from dyad import Article


def _doc(pipeline, text):
    return pipeline.process(Article(text=text, published="2019-06-19"))


@pytest.mark.parametrize("text, noun, country", [
    ("Police in New York detained a man on Friday.", "Police", "USA"),
    ("Police in New Orleans questioned the driver.", "Police", "USA"),
    ("Police in Kansas City arrested two men.", "Police", "USA"),
    ("Police in New Delhi arrested two men.", "Police", "IND"),
])
def test_a_role_in_a_multiword_place_takes_the_whole_places_country(pipeline, text, noun, country):
    doc = _doc(pipeline, text)
    pos = text.index(noun)
    actor = next(a for a in doc.actors for m in a.mentions if m.start == pos)
    assert actor.code and actor.code.startswith(country), (actor.name, actor.code)
