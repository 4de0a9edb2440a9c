"""How the board writes money, counts and slugs: one definition for the build and the browser.

A card's figures are written twice: by the templates at build time and by ``board.js``
when the filters re-render the list (and by the Submit page's preview). When each side
had its own rounding, 401 USD for 8 hours read "≈ 50.12 USD/h" in the static HTML and
"≈ 50.13 USD/h" after filtering. Now the rules live here as data (:data:`NUMBERS`,
:data:`SLUG`), Python applies them below, and the same data is emitted to the browser
(``board.browser_rules.browser_formats``, into ``search/entries.json`` and the Submit page's rules),
where ``theme/static/js/format.js`` applies them with ``Intl.NumberFormat``.

The rounding is half-even on the figure's shortest decimal spelling (``repr`` in Python,
``String`` in JavaScript): exactly what ``Intl.NumberFormat`` does with
``roundingMode: "halfEven"``, and what a person computing 401 / 8 = 50.125 by hand
expects (50.12), unlike ``round()`` on the binary value (107 / 40 = 2.675 -> 2.67).

Imports nothing from the board: every other module may use it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from decimal import ROUND_HALF_EVEN, Decimal

#: Numbers as the pages show them: ``locale`` is what ``Intl.NumberFormat`` is given; the
#: symbols are that locale's (CLDR), written out for Python; figures are rounded half-even
#: to ``decimals`` places and shown without decimals when they round to a whole number
#: ("1,200 USD", "31.30 USD", never "30.00").
#: Converted pay (``board.rates``) is shown to ``approx_decimals`` places ("≈ 24 CAD/h").
NUMBERS = {"locale": "en", "group": ",", "decimal": ".", "decimals": 2, "approx_decimals": 0,
           "rounding": "halfEven"}

_QUANTUM = Decimal(1).scaleb(-NUMBERS["decimals"])
_APPROX = Decimal(1).scaleb(-NUMBERS["approx_decimals"])

#: Slugs (URL segments and file names): NFKD, ASCII only, lower case, these words for
#: symbols ("C#" -> "c-sharp"), every other run of characters one hyphen.
SLUG = {
    "replace": {"&": " and ", "+": " plus ", "#": " sharp "},
    "drop": r"[^\x00-\x7f]",
    "separator": r"[^a-z0-9]+",
    "joiner": "-",
    "max_len": 80,
}
#: The longest slug (and posting file name, without ``.md``) the board accepts.
MAX_SLUG_LEN: int = SLUG["max_len"]

#: A card's words, written by the build (``plugins/board_site/present.py``, ``board.rates``)
#: and by the browser: ``countdown.js`` counts "Posted 3 days ago" and "Closes in 3 days" by
#: the reader's clock, ``board.js`` writes the cards it renders, ``fx.js`` the converted pay
#: and the Submit page's preview (``submit/card.js``) its card. Emitted to the browser as
#: ``theme/js/wording.js`` (``board.browser_rules.wording_module``), so no script has its own.
#: ``{money}`` is a figure or range with its currency ("30–40 USD", :func:`money_range`).
WORDING = {
    "ago": {"0": "Posted today", "1": "Posted yesterday", "n": "Posted {n} days ago"},
    "countdown": {"past": "Closed", "0": "Closes today", "1": "Closes tomorrow", "n": "Closes in {n} days"},
    "hours": {"one": "{n} h total", "range": "{min}–{max} h total"},
    "hours_long": {"one": "{n} hours total", "range": "{min}–{max} hours total"},  # feeds, the form's hint
    "state": {"filled": "Filled", "closed": "Closed", "open": "Open until filled"},  # a deadline with no count
    "pay": {"total": "{money} total", "hour": "{money}/hour",  # as posted
            "hourly": "{money}/h", "approx": "≈ {money}/h",  # per hour: "≈" when paid in total
            "converted": "≈ {converted}/h ({posted}/h)"},  # in the student's currency, then as posted
    "who": "{regions} · {students}",  # who may apply, on one line
}

_DROP = re.compile(SLUG["drop"])
_SEPARATOR = re.compile(SLUG["separator"])


def rounded(x: float) -> Decimal:
    """``x`` rounded half-even on its shortest decimal spelling (what the browser does)."""
    return Decimal(repr(float(x))).quantize(_QUANTUM, rounding=ROUND_HALF_EVEN)


@lru_cache(maxsize=65536)
def number(x: float) -> str:
    """A count or an amount as the pages show it: 1838 -> "1,838", 50.125 -> "50.12".

    Memoized: a build formats the same few hundred amounts ~50 times each (every card,
    row, feed and calendar). Arguments that compare equal (``1``, ``1.0``) spell alike here."""
    d = rounded(x)
    places = 0 if d == d.to_integral_value() else NUMBERS["decimals"]
    text = f"{d:,.{places}f}"
    return text.translate({ord(","): NUMBERS["group"], ord("."): NUMBERS["decimal"]})


def approx(x: float) -> str:
    """A converted amount, rounded half-even to ``approx_decimals`` places: 23.5 -> "24", 1838.2 -> "1,838"."""
    d = Decimal(repr(float(x))).quantize(_APPROX, rounding=ROUND_HALF_EVEN)
    text = f"{d:,.{NUMBERS['approx_decimals']}f}"
    return text.translate({ord(","): NUMBERS["group"], ord("."): NUMBERS["decimal"]})


def money(amount: float, currency: str = "") -> str:
    """ "600 USD", "31.30 EUR", or the bare figure without a currency."""
    return f"{number(amount)} {currency}".strip()


@lru_cache(maxsize=65536)
def money_range(low: float, high: float, currency: str) -> str:
    """ "30–40 USD", or one figure when both ends read the same once rounded (memoized as
    :func:`number`: every posting's pay is written on ~15 pages and files)."""
    a, b = number(low), number(high)
    return money(low, currency) if a == b else f"{a}–{b} {currency}"


@lru_cache(maxsize=65536)
def slugify(text: str) -> str:
    """ASCII, lower-case, hyphen-separated; the one slug rule for every URL we make.

    Memoized: each skill, category and organization name is slugified for every link to it."""
    text = _DROP.sub("", unicodedata.normalize("NFKD", text)).lower()
    for symbol, word in SLUG["replace"].items():
        text = text.replace(symbol, word)
    return _SEPARATOR.sub(SLUG["joiner"], text).strip(SLUG["joiner"])


def default_slug(*words: str) -> str:
    """The file name the form and ``make new-posting`` propose: the words slugified, cut to fit."""
    return slugify(" ".join(words))[:MAX_SLUG_LEN].rstrip(SLUG["joiner"])



def posted_ago(days: int) -> str:
    """ "Posted 3 days ago": ``days`` whole days since the posting date (a future date reads "today")."""
    w = WORDING["ago"]
    days = max(0, days)
    return w.get(str(days)) or w["n"].format(n=days)


def closes_in(days: int) -> str:
    """ "Closes in 3 days": ``days`` whole days until the deadline; "Closed" once it passed."""
    w = WORDING["countdown"]
    return w["past"] if days < 0 else w.get(str(days)) or w["n"].format(n=days)


def hours_short(low: int, high: int) -> str:
    """ "15–20 h total": a card's effort, short enough to share a phone's line with the pay."""
    w = WORDING["hours"]
    return w["one"].format(n=low) if low == high else w["range"].format(min=low, max=high)


def hours_long(low: int, high: int) -> str:
    """ "15–20 hours total": the effort where there is room (feeds, calendars, the form's hint)."""
    w = WORDING["hours_long"]
    return w["one"].format(n=low) if low == high else w["range"].format(min=low, max=high)


def pay_words(money_text: str, unit: str) -> str:
    """ "600 USD total" or "20 USD/hour": the pay as posted, ``unit`` "total" or "hour"."""
    return WORDING["pay"]["total" if unit == "total" else "hour"].format(money=money_text)


def hourly_words(money_text: str, unit: str) -> str:
    """ "≈ 30–40 USD/h" (paid in total: worked out, so approximate) or "20 USD/h"."""
    return WORDING["pay"]["approx" if unit == "total" else "hourly"].format(money=money_text)


def converted_words(converted: str, posted: str) -> str:
    """ "≈ 24 CAD/h (18 USD/h)": converted, then as posted (each a range with its currency)."""
    return WORDING["pay"]["converted"].format(converted=converted, posted=posted)


def who_words(regions: str, students: str) -> str:
    """ "United States, Canada · Students and recent graduates": who may apply, on one line."""
    return WORDING["who"].format(regions=regions, students=students)
