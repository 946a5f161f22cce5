"""Amounts: money and counts, value, currency, qualifier, and what they measure."""

import pytest

from tidings.stages.amounts import find_amounts


@pytest.mark.parametrize("text, value, currency, qualifier", [
    ("$100 billion", 100e9, "USD", "exact"),
    ("over $100 billion", 100e9, "USD", "over"),
    ("100 bn yuan", 100e9, "CNY", "exact"),
    ("€2.5m", 2.5e6, "EUR", "exact"),
    ("1.2 trillion rubles", 1.2e12, "RUB", "exact"),
    ("nearly $4 billion", 4e9, "USD", "approx"),
    ("at least $500 million", 500e6, "USD", "at_least"),
    ("up to £300 million", 300e6, "GBP", "at_most"),
    ("less than 50 million euros", 50e6, "EUR", "under"),
    ("USD 5 million", 5e6, "USD", "exact"),
    ("360 billion U.S. dollars", 360e9, "USD", "exact"),
    ("$1,250,000", 1.25e6, "USD", "exact"),
])
def test_money(text, value, currency, qualifier):
    (amount,) = find_amounts(None, f"They spoke of {text} on Tuesday.")
    assert (amount.text, amount.value, amount.currency, amount.qualifier) == (text, value, currency, qualifier)


def test_counts_are_kept_without_currency():
    (amount,) = find_amounts(None, "Moscow sent about 3,000 troops to the border.")
    assert (amount.value, amount.currency, amount.unit, amount.qualifier) == (3000, None, "troops", "approx")


def test_years_and_bare_numbers_are_not_amounts():
    assert find_amounts(None, "In 2019 the five members met 3 times.") == []


def test_about_comes_from_the_parse(nlp):
    text = "The volume of Sino-Russian trade has reached a new high, over $100 billion for the first nine months."
    (amount,) = find_amounts(nlp(text), text)
    assert "trade" in amount.about and amount.qualifier == "over"


@pytest.mark.parametrize("text, about", [
    ("The Commission released €2.5m in emergency humanitarian aid for families.", "aid"),
    ("Britain has promised £300 million for long-range drones.", "drones"),
    ("Trade exceeded 360 billion U.S. dollars last year.", "Trade"),
    ("The two governments agreed to double their currency swap line to $20 billion.", "swap"),
])
def test_about_in_common_constructions(nlp, text, about):
    (amount,) = find_amounts(nlp(text), text)
    assert about in (amount.about or "")
