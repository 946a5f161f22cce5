"""Quotations: marks, nesting, split quotations, titles, and speakers."""

import datetime as dt

import pytest

from tidings.stages.quotes import _is_statement, _join_split, _pair_marks


def inner(text):
    return [text[r.start:r.end].strip() for r in _pair_marks(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "we will go." Then "stop."', ["we will go.", "stop."]),
    ("He said “we will go.” Then left.", ["we will go."]),
    ("They oppose “hegemony under the cloak of “multilateralism” and “rules” “ which is wrong.",
     ["hegemony under the cloak of “multilateralism” and “rules”"]),
    ("“China will, as always,“ he said, “ firmly support Russia.”", ["China will, as always,", "firmly support Russia."]),
    ("« Nous partirons », dit-il.", ["Nous partirons"]),
    ("It's 5'11\" tall and China’s view.", []),
])
def test_marks_pair_with_nesting_and_stray_marks(text, expected):
    assert inner(text) == expected


def test_an_unclosed_quotation_ends_with_its_paragraph():
    assert inner("He said “we will never accept this.\n\nNext paragraph.") == ["we will never accept this."]


def test_titles_and_scare_quotes_are_not_statements():
    assert not _is_statement("China-Russia Year of Scientific and Technological Innovation")
    assert not _is_statement("democracy,")
    assert _is_statement("a period of turbulent change.")
    assert _is_statement("We Will Never Accept This, Ever.")


def test_a_quotation_split_by_he_said_is_joined():
    text = "“China will, as always,“ he said, “ firmly support Russia.” Later “a new start.”"
    groups = _join_split(text, _pair_marks(text))
    assert [len(g) for g in groups] == [2, 1]


def _quotes(pipeline, text, published=dt.date(2021, 12, 15)):
    return pipeline.extract_text(text, published=published).quotes


def test_speaker_by_name_pronoun_and_title(pipeline):
    quotes = _quotes(pipeline, "Russian President Vladimir Putin spoke to reporters in Moscow. "
                               "“We will not back down,” he said. "
                               "Chinese President Xi Jinping said “cooperation has no limits.”")
    by_text = {q.text: q.speaker.code for q in quotes}
    assert by_text == {"We will not back down,": "RUSGOV", "cooperation has no limits.": "CHNGOV"}


def test_joined_quote_has_parts_that_point_at_the_text(pipeline):
    text = ("Chinese President Xi Jinping spoke by video. “China will, as always,” he said, "
            "“firmly support Russia’s efforts.”")
    article = pipeline.extract_text(text, published=dt.date(2021, 12, 15))
    (quote,) = article.quotes
    assert quote.text == "China will, as always, firmly support Russia’s efforts."
    assert quote.speaker.code == "CHNGOV" and quote.verb == "said"
    assert len(quote.parts) == 2
    for part in quote.parts:
        assert article.text[part.start:part.end] == part.text
