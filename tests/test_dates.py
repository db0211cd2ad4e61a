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
