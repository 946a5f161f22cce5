"""Dates: absolute and relative expressions resolved against the publication date."""

import datetime as dt

import pytest

from tidings.stages.dates import find_dates, parse_date_phrase

WED = dt.date(2021, 12, 15)  # a Wednesday


def values(text, published=WED):
    return [(d.text, d.value) for d in find_dates(text, published)]


@pytest.mark.parametrize("text, expected", [
    ("on December 15", [("December 15", "2021-12-15")]),
    ("on Dec. 15, 2021,", [("Dec. 15, 2021", "2021-12-15")]),
    ("on 3 March 2020", [("3 March 2020", "2020-03-03")]),
    ("in May 2019", [("May 2019", "2019-05")]),
    ("in 2019", [("2019", "2019")]),
    ("next year", [("next year", "2022")]),
    ("last month", [("last month", "2021-11")]),
    ("earlier this year", [("earlier this year", "2021")]),
    ("the first three quarters of the year", [("the first three quarters of the year", "2021-01-01/2021-09-30")]),
    ("the first half of last year", [("the first half of last year", "2020-01-01/2020-06-30")]),
    ("the second quarter of 2020", [("the second quarter of 2020", "2020-04-01/2020-06-30")]),
    ("yesterday", [("yesterday", "2021-12-14")]),
    ("last week", [("last week", "2021-12-06/2021-12-12")]),
    ("three days ago", [("three days ago", "2021-12-12")]),
    ("on Monday", [("Monday", "2021-12-13")]),
    ("last Wednesday", [("last Wednesday", "2021-12-08")]),
    ("He will travel on Friday", [("Friday", "2021-12-17")]),
    ("talks are expected in March", [("March", "2022-03")]),
    ("they met in March", [("March", "2021-03")]),
])
def test_expressions_resolve_against_publication(text, expected):
    assert values(text) == expected


def test_a_month_day_far_after_publication_is_last_years():
    assert values("on November 20", dt.date(2022, 1, 5)) == [("November 20", "2021-11-20")]


def test_the_modal_may_is_not_a_month():
    assert values("He may go there, he said.") == []


def test_relative_dates_without_publication_are_kept_unresolved():
    found = find_dates("next year and on December 3, 2020", None)
    assert [(d.text, d.value) for d in found] == [("next year", None), ("December 3, 2020", "2020-12-03")]


def test_offsets_point_at_the_text():
    text = "Leaders met on December 15 and will meet again next year."
    for d in find_dates(text, WED):
        assert text[d.start:d.end] == d.text


def test_parse_date_phrase():
    assert parse_date_phrase("Updated 3:14 PM EST, March 2, 2023") == dt.date(2023, 3, 2)
    assert parse_date_phrase("no date here") is None
