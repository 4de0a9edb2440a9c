"""A card says the same figures in the static HTML and after board.js re-renders it.

One table of pay and hours, ties at the third decimal included: each row becomes a
posting; the board is built (Python's board.formats writes the static cards), then the
filters re-render the same cards in Chromium (format.js with Intl.NumberFormat). Both must
read as the table says. Before board.formats, 401 USD for 8 hours was "≈ 50.12 USD/h" in
the HTML and "≈ 50.13 USD/h" once filtered.
"""

from __future__ import annotations

import pytest

from board import formats
from tests.site.conftest import build_site, sample_content, scraped_entry, write_scraped

#: (min, max, currency, unit, hours min, hours max) -> Pay, Per hour, as a person reads them.
TABLE = [
    ((401, 401, "USD", "total", 8, 8), "401 USD total", "≈ 50.12 USD/h"),  # 50.125: a tie, to even
    ((1001, 1001, "USD", "total", 8, 8), "1,001 USD total", "≈ 125.12 USD/h"),  # 125.125
    ((643, 643, "USD", "total", 40, 40), "643 USD total", "≈ 16.08 USD/h"),  # 16.075 (binary 16.07499…)
    ((649, 649, "USD", "total", 40, 40), "649 USD total", "≈ 16.22 USD/h"),  # 16.225 (binary 16.22500…1)
    ((125, 125, "EUR", "total", 8, 8), "125 EUR total", "≈ 15.62 EUR/h"),  # 15.625
    ((1234.565, 1234.565, "USD", "total", 20, 20), "1,234.56 USD total", "≈ 61.73 USD/h"),
    ((299.999, 299.999, "USD", "total", 10, 10), "300 USD total", "≈ 30 USD/h"),  # rounds to a whole number
    ((401, 403, "USD", "total", 8, 8), "401–403 USD total", "≈ 50.12–50.38 USD/h"),
    ((600.001, 600.004, "USD", "total", 20, 20), "600 USD total", "≈ 30 USD/h"),  # both ends read the same
    ((20.125, 20.135, "USD", "hour", 10, 12), "20.12–20.14 USD/hour", "20.12–20.14 USD/h"),
    ((20.5, 20.5, "GBP", "hour", 5, 40), "20.50 GBP/hour", "20.50 GBP/h"),
    ((12000.5, 12000.5, "SEK", "total", 30, 40), "12,000.50 SEK total", "≈ 300.01–400.02 SEK/h"),
]


def _slug(i: int) -> str:
    return f"pay-format-case-{i}-a1b2c3"


@pytest.fixture(scope="module")
def table_site(tmp_path_factory, serve) -> str:
    base = tmp_path_factory.mktemp("format-site")
    content = sample_content(base / "content")
    rows = []
    for i, ((lo, hi, cur, unit, h0, h1), _, _) in enumerate(TABLE):
        rows.append(scraped_entry(
            slug=_slug(i), title=f"Pay format case {i}", apply_url=f"https://jobs.example.com/pay/{i}",
            compensation={"min": lo, "max": hi, "currency": cur, "unit": unit}, hours={"min": h0, "max": h1},
            source={**scraped_entry()["source"], "ids": [f"pay:{i}"], "url": f"https://jobs.example.com/pay/{i}"}))
    write_scraped(content, "pay-formats", rows)
    return serve(build_site(content, base / "output", BOARD_PER_PAGE=200))


#: Each card's pay, then its total when paid in total (an hourly posting says its rate once).
CARDS = """() => Object.fromEntries(Array.from(document.querySelectorAll('#results-list article.card'))
  .map(a => [a.dataset.slug, Array.from(a.querySelectorAll('dd.fact-pay, dd.fact-total')).map(dd => dd.textContent.trim())]))"""


def test_static_and_filtered_cards_agree_on_every_figure(page, table_site):
    # Each posting in its own currency (fx.js "posted"); conversions: tests/browser/test_currency.py.
    page.add_init_script("localStorage.setItem('board.currency', 'posted')")
    page.goto(table_site)
    static = page.evaluate(CARDS)
    page.locator("#f-more summary").click()
    page.select_option("#f-src", "scraper")
    page.wait_for_function("document.querySelector('#result-count').textContent.includes('match')")
    page.evaluate("() => window.__board.settled()")
    dynamic = page.evaluate(CARDS)
    slugs = [_slug(i) for i in range(len(TABLE))]
    assert set(slugs) <= set(static) and set(slugs) <= set(dynamic), "every table row is on the board"
    mismatches = []
    for slug, ((*_, unit, _h0, _h1), pay, hourly) in zip(slugs, TABLE):
        want = [hourly, pay] if unit == "total" else [hourly]  # no "20 GBP/hour" then "20 GBP/h"
        for side, cards in (("static", static), ("board.js", dynamic)):
            if cards[slug] != want:
                mismatches.append(f"{slug} {side}: {cards[slug]} != {want}")
    assert not mismatches, "\n".join(mismatches)
    assert page.js_errors == []


def test_format_js_numbers_and_slugs_match_python(page, table_site):
    """board.formats.number and slugify against format.js, on figures and titles alone."""
    from board.browser_rules import browser_formats

    figures = [0.125, 0.375, 1.005, 2.675, 16.075, 16.225, 50.125, 1838, 29.999, 1e6 + 0.005, 12345678.125, 7]
    titles = ["Café menu translation", "C# & C++ for a co-op", "  --Ærø: naïve résumé--  ", "ﬁne ½ ＡＢＣ", "日本語", ""]
    page.goto(table_site)
    got = page.evaluate("""async ([spec, figures, titles]) => {
      const { makeFormats } = await import('/theme/js/format.js');
      const F = makeFormats(spec);
      return [figures.map(F.number), titles.map(F.slugify), F.defaultSlug('x'.repeat(79), 'yy')];
    }""", [browser_formats(), figures, titles])
    assert got == [[formats.number(x) for x in figures], [formats.slugify(t) for t in titles],
                   formats.default_slug("x" * 79, "yy")]


def test_card_wording_matches_python(page, table_site):
    """board.formats' "Posted N days ago", "Closes in N days" and "h total" against what
    countdown.js (every page) and board.js (its cards) write, from one WORDING table."""
    days = [-40, -2, -1, 0, 1, 2, 3, 30, 365]
    hours = [[5, 5], [15, 20], [12, 40]]
    page.goto(table_site)
    got = page.evaluate("""async ([days, hours]) => {
      const { ago, countdown, hoursShort } = await import('/theme/js/countdown.js');
      const now = Date.UTC(2026, 10, 26, 12);  // the fixed day; dates are whole UTC days from it
      const date = d => new Date(now + d * 864e5).toISOString().slice(0, 10);
      return [days.map(d => ago(date(-d), now)), days.map(d => countdown(date(d) + 'T23:59:59Z', now)),
              hours.map(([a, b]) => hoursShort(a, b))];
    }""", [days, hours])
    assert got == [[formats.posted_ago(d) for d in days], [formats.closes_in(d) for d in days],
                   [formats.hours_short(a, b) for a, b in hours]]
    assert got[0][2:6] == ["Posted today", "Posted today", "Posted yesterday", "Posted 2 days ago"]  # tomorrow's: today
    assert got[1][:5] == ["Closed", "Closed", "Closed", "Closes today", "Closes tomorrow"]
    assert got[2] == ["5 h total", "15–20 h total", "12–40 h total"]
    assert page.js_errors == []


def test_filtered_cards_say_effort_as_the_static_cards(page, table_site):
    """The Effort line of each card, as the build wrote it and as board.js re-renders it."""
    effort = """() => Object.fromEntries(Array.from(document.querySelectorAll('#results-list article.card'))
      .map(a => [a.dataset.slug, [...a.querySelectorAll('.facts dt')].find(dt => dt.textContent === 'Effort').nextElementSibling.textContent]))"""
    page.goto(table_site)
    static = page.evaluate(effort)
    page.locator("#f-more summary").click()
    page.select_option("#f-src", "scraper")
    page.wait_for_function("document.querySelector('#result-count').textContent.includes('match')")
    page.evaluate("() => window.__board.settled()")
    dynamic = page.evaluate(effort)
    for i, ((*_, h0, h1), _, _) in enumerate(TABLE):
        assert static[_slug(i)] == dynamic[_slug(i)] == formats.hours_short(h0, h1)
