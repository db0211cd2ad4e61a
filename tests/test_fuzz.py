"""Fuzzing `dyad.extract` with Hypothesis: random and structured text must give a contract-valid
document or a clear DyadError (empty, not English) in bounded time, never a crash or a hang.

`make test` runs a short, derandomised profile; `make fuzz` runs the long one
(`--hypothesis-profile=long`, 5,000 cases per test, two tests) and prints the figures.
Each hang or crash fuzzing found is kept below as a plain regression case.
"""
from __future__ import annotations

import time

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="the fuzzing suite needs hypothesis (pip install -e '.[test]')")
from hypothesis import given, strategies as st  # noqa: E402

import dyad  # noqa: E402
from dyad import budget, ontology  # noqa: E402
from dyad.types import DyadError  # noqa: E402
from test_contract import check_contract  # noqa: E402

LIMIT = 20.0  # seconds per call at least; longer texts get twice the product's default budget (a loaded machine)

STATS = {"cases": 0, "documents": 0, "refused": 0, "slowest": 0.0, "total": 0.0}


@pytest.fixture(scope="module", autouse=True)
def report():
    dyad.extract("China and Japan held talks in Tokyo.")  # builds the default pipeline outside the time limit
    yield
    n = STATS["cases"] or 1
    print(f"\nfuzz: {STATS['cases']} cases, {STATS['documents']} documents, {STATS['refused']} refused with a "
          f"DyadError, 0 crashes, 0 hangs; mean {1000 * STATS['total'] / n:.0f} ms, slowest {STATS['slowest']:.2f} s")


def _check(text: str, published: str | None = None) -> None:
    """The invariants of one call: a valid document or a clear refusal, within the time limit."""
    t0 = time.monotonic()
    try:
        limit = max(LIMIT, 2 * budget.seconds_for(len(text), budget.DEFAULT_PER_10K))
        with budget.limit(limit, len(text)):  # the outer limit: stops even a pipeline built without a budget
            doc = dyad.extract(text, published=published)
    except budget.TimeBudgetExceeded as exc:
        pytest.fail(f"hang: {exc} on {text[:200]!r}")
    except DyadError as exc:  # the clear refusals the contract allows
        assert any(w in str(exc) for w in ("no text", "not English", "too large", "no sentence end")), exc
        STATS["refused"] += 1
        return
    finally:
        took = time.monotonic() - t0
        STATS["cases"] += 1
        STATS["total"] += took
        STATS["slowest"] = max(STATS["slowest"], took)
    STATS["documents"] += 1
    d = doc.to_dict()
    # the text is the input, except characters that cannot be stored, replaced one for one
    assert len(d["text"]) == len(text)
    assert all(a == b or b == "\ufffd" for a, b in zip(text, d["text"]))
    check_contract(d)
    n = len(d["text"])
    for a in d["actors"]:
        for m in a["mentions"]:
            assert 0 <= m["start"] < m["end"] <= n
    for q in d["quotes"]:
        assert 0 <= q["start"] < q["end"] <= n
    codes = ontology.codes()
    for e in d["events"]:
        assert e["cameo"] in codes, e["cameo"]
        assert e["quad_class"] == codes[e["cameo"]].quad_class and -10 <= e["goldstein"] <= 10
        if e.get("trigger_start") is not None:
            assert 0 <= e["trigger_start"] < e["trigger_end"] <= n
    for w in d["warnings"]:
        assert len(w) < 1000  # a warning quotes at most a little of the text


# -- structured text: the shapes noisy news takes -------------------------------------------------

NAMES = ["Blinken", "Antony Blinken", "Xi Jinping", "Putin", "Vladimir Putin", "Zelensky", "Joe Biden", "Macron",
         "Erdogan", "Modi", "Sen. Smith", "Mr. Lee", "the President", "Wang Yi", "Anthony Brinken"]
PLACES = ["China", "Russia", "Ukraine", "the United States", "Syria", "Geneva", "Kyiv", "Beijing", "Gaza", "Israel",
          "the United Nations", "NATO", "the European Union", "Iran", "Tel Aviv", "Washington"]
ROLES = ["soldiers", "rebels", "officials", "police", "protesters", "ministers", "troops", "militants",
         "the foreign ministry", "lawmakers", "diplomats", "spokesman", "government", "army"]
VERBS = ["said", "met", "attacked", "accused", "signed", "condemned", "praised", "threatened", "arrested",
         "visited", "rejected", "urged", "denied", "killed", "welcomed", "sanctioned", "told", "warned"]
GLUE = ["the", "of", "and", "in", "on", "that", "with", "to", "a", "was", "were", "by", "for", "on Monday",
        "last week", "yesterday", "he", "she", "they", "it", "not", "will", "would"]
PUNCT = [".", ",", ";", ":", "!", "?", "...", " - ", " -- ", "\u2014", "(", ")", "[", "]", "{", "}", "'s", "'"]
QUOTES = ['"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "``", "''"]
ODD = ["\u200b", "\u200e", "\u202e", "\u00a0", "\ufeff", "\u0301", "\U0001F600", "\u4e2d\u56fd", "\u0645\u0635\u0631",
       "\t", "\n", "\n\n", "\r\n", "\u2028", "\x0c", "&amp;", "<b>", "</p>", "http://x.example/a?b=c", "#tag", "@user",
       "1,000", "3.5%", "2023-06-19", "12/06/2023", "U.S.", "U.N.", "No.", "e.g.", "\ud800", "\x00"]


def _fused(pair):
    a, b = pair
    return a + b.capitalize() if b[:1].islower() else a + b  # "saidRussian", "haveUnited"


word = st.one_of(
    st.sampled_from(NAMES), st.sampled_from(PLACES), st.sampled_from(ROLES), st.sampled_from(VERBS),
    st.sampled_from(GLUE), st.sampled_from(GLUE), st.sampled_from(PUNCT), st.sampled_from(QUOTES),
    st.sampled_from(ODD),
    st.tuples(st.sampled_from(VERBS + GLUE), st.sampled_from(PLACES + ROLES + NAMES)).map(_fused),
    st.builds(lambda c, n: c * n, st.sampled_from("xA-.'\"(\u00e9\u4e2d "), st.integers(1, 3000)),  # long tokens
    st.text(min_size=1, max_size=12),
)
structured = st.lists(word, min_size=1, max_size=80).flatmap(
    lambda ws: st.lists(st.sampled_from(["", " ", " ", " ", "\n"]), min_size=len(ws), max_size=len(ws)).map(
        lambda seps: "".join(w + s for w, s in zip(ws, seps))))
dates = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


@given(structured, dates)
def test_structured_noisy_news(text, published):
    _check(text, published)


# -- random text, with enough English around it to get past the language check -------------------

random_text = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=400).map(
        lambda t: f"The officials said that {t} and the ministers of China met in Geneva with the army of Russia."),
    st.lists(st.text(max_size=30), max_size=30).map(lambda ws: " the ".join(ws) + " said the President."),
)


@given(random_text, dates)
def test_random_text(text, published):
    _check(text, published)


# -- what fuzzing and users found: each once a hang or a crash -----------------------------------

@pytest.mark.parametrize("text", [
    "Witnesses saidRussian soldiers entered the village.",  # a fused word before a role noun looped forever
    "Officials saidSyrian rebels met in Geneva.",
    "aedMow rebel",
    "Leaders haveUnited Nations support.",  # spaCy E039 on the same repair
    'The minister said "\ud800" was wrong.',  # a lone surrogate cannot be stored as UTF-8
    "Macron theBlinken Blinken\n" + "(" * 3000 + "\n",  # spaCy's affix splitting is quadratic in a chunk
    "Officials said " + '"' * 5000 + " and " + "!" * 4000 + " the talks ended.",
])
def test_found_cases(text):
    _check(text)
