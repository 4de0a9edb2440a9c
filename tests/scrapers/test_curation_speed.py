"""The machinery that makes curation cheap must decide exactly as the plain scans would.

Each shortcut in :mod:`scrapers.extract` and :mod:`scrapers.curation` (a scan tried only where a
match can start, a prefilter before a pattern) is compared here with the scan it replaces, on
texts built to sit at its edges: currency symbols and codes right before digits, spaces between,
digits of other scripts, amounts at the start and the end of a text.
"""

from __future__ import annotations

import pytest

from scrapers import extract

TEXTS = [
    "",
    "no amount here at all",
    "$300 fee",
    "pay: usd$1,200.50 - usd$1,500 total",
    "we pay us$ 40/hour, or c$45, au$50, nz$55",
    "kr 4 500 or 4.500,- or 4 500:- for the project",
    "rs. 5000 stipend; rs 12,000; rm 900; rp 2.500.000",
    "try 6.000 fee, ₺6.000, ₩800,000, ₪1200, ฿120 per description",
    "r 12 000 or r45 per accepted question, r1500",
    "eur 250 to eur 400 for 20 hours, then 3 weeks",
    "a 20-hour project paid 600 usd",
    "31 january 2027 sek 4,800 fee",
    "amount ١٢٣ in arabic digits, ₹ ४५००० in devanagari",
    "100k salary, $150k total compensation",
    "1",
    "$",
    "usd",
    "ends with a code usd 9",
]


def _scan(find, text: str) -> list[tuple[int, int, dict]]:
    out, pos = [], 0
    while m := find(text, pos):
        out.append((m.start(), m.end(), m.groupdict()))
        pos = m.end()
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_money_scan_finds_what_a_full_search_finds(text: str) -> None:
    expected = _scan(extract.MONEY.search, text)
    assert _scan(extract._money_from, text) == expected


def test_money_scan_sees_amounts() -> None:
    """Not an empty comparison: the texts hold amounts, found at their places."""
    spans = [m.group(0).strip() for m in extract.money_matches("pay: usd$1,200.50 - usd$1,500 total, kr 4 500")]
    assert spans == ["usd$1,200.50 - usd$1,500", "kr 4 500"]


def test_every_amount_starts_with_a_digit() -> None:
    """The premise of :func:`scrapers.extract._money_from`: each alternative of ``_AMT`` opens with a
    digit (a rule edit that lets an amount start otherwise must widen the scan, and fails here)."""
    from re import _constants as c
    from re import _parser

    parsed = _parser.parse(extract._AMT)
    (op, (_, branches)), = parsed.data
    assert op is c.BRANCH and len(branches) >= 2
    for branch in branches:
        first_op, first = branch.data[0]
        if first_op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, _, item = first
            assert low >= 1
            first_op, first = item.data[0]
        assert (first_op, first) == (c.IN, [(c.CATEGORY, c.CATEGORY_DIGIT)])
    assert extract._MONEY_LEAD == 6  # "kshs." (Kenyan shillings) and one space
