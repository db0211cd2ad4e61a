"""Relative dates resolve against the publication date; future and vague ones do not resolve."""
import pytest

from dyad.dates import resolve

PUB = "2023-06-19"  # a Monday


@pytest.mark.parametrize("expr, expected", [
    ("on Monday", ("2023-06-19", "day")),
    ("Sunday", ("2023-06-18", "day")),
    ("last Monday", ("2023-06-12", "day")),
    ("on Friday", ("2023-06-16", "day")),
    ("yesterday", ("2023-06-18", "day")),
    ("Last August", ("2022-08-01", "month")),
    ("last November", ("2022-11-01", "month")),
    ("in February", ("2023-02-01", "month")),
    ("June 2023", ("2023-06-01", "month")),
    ("June 18", ("2023-06-18", "day")),
    ("June 21", ("2023-06-21", "day")),  # a scheduled date stays in its year
    ("18 June 2023", ("2023-06-18", "day")),
    ("March 3, 2021", ("2021-03-03", "day")),
    ("2018", ("2018-01-01", "year")),
    ("last week", ("2023-06-12", "week")),
    ("last month", ("2023-05-01", "month")),
])
def test_resolves(expr, expected):
    assert resolve(expr, PUB) == expected


@pytest.mark.parametrize("expr", ["next week", "the coming weeks", "recent months", "later this year", "tomorrow",
                                  "decades"])
def test_future_or_vague_is_none(expr):
    assert resolve(expr, PUB) is None


def test_far_future_day_without_year_is_last_year():
    assert resolve("December 5", "2024-01-10") == ("2023-12-05", "day")


def test_without_publication_date_only_absolute_dates_resolve():
    assert resolve("on Monday", None) is None
    assert resolve("March 3, 2021", None) == ("2021-03-03", "day")


@pytest.mark.parametrize("expr, expected", [
    ("two weeks ago", ("2023-06-05", "week")),
    ("3 days ago", ("2023-06-16", "day")),
    ("two years ago", ("2021-01-01", "year")),
    ("six months ago", ("2022-12-01", "month")),
    ("this month", ("2023-06-01", "month")),
    ("earlier this year", ("2023-01-01", "year")),
    ("overnight", ("2023-06-19", "day")),
    ("last weekend", ("2023-06-17", "day")),
])
def test_counted_back_expressions(expr, expected):
    assert resolve(expr, PUB) == expected


def test_ago_without_publication_date_does_not_resolve():
    assert resolve("two weeks ago", None) is None


def _trigger(text: str, word: str):
    from dyad import nlp

    doc = nlp.parse(text)
    return next(t for t in doc if t.text == word)


def test_clause_date_prefers_the_trigger_clause():
    from dyad.dates import clause_date

    t = _trigger("Russia attacked Ukraine on Monday, after the talks of last August failed.", "attacked")
    assert clause_date(t, PUB) == ("2023-06-19", "day")
    t = _trigger("After the talks failed last August, Russia attacked Ukraine.", "attacked")
    assert clause_date(t, PUB) is None  # the date belongs to the subordinate clause


def test_clause_date_from_the_governing_clause_and_the_report():
    from dyad.dates import clause_date

    t = _trigger("On Friday, officials said Russia would attack Ukraine.", "attack")
    assert clause_date(t, PUB) == ("2023-06-16", "day")
    t = _trigger("Russia attacked Ukraine, officials said on Sunday.", "attacked")
    assert clause_date(t, PUB) == ("2023-06-18", "day")


def test_clause_date_skips_period_bounds():
    from dyad.dates import clause_date

    assert clause_date(_trigger("Russia has attacked Ukraine since 2014.", "attacked"), PUB) is None
