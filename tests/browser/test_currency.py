"""Pay in the student's currency on the board, in Chromium (issue #16, item 2).

Every expectation is computed in Python from the built index with board.rates (the
pinned ECB rates), so the browser's conversion, rounding, filter and sort are each
checked against the build's own definition.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from board import rates
from plugins.board_site.present import row_slug

COUNT = "#result-count"


@pytest.fixture(scope="module")
def rows(built_site: Path) -> list[dict]:
    data = json.loads((built_site / "search/entries.json").read_text(encoding="utf-8"))
    out = []
    for r in data["entries"]:
        lo, hi, cur, unit = r["m"]
        h0, h1 = r["h"]
        ph = (lo / h1, hi / h0) if unit == "total" else (lo, hi)
        out.append({"slug": row_slug(r), "cur": cur, "ph": ph})
    assert len({r["cur"] for r in out}) >= 3, "the sample board pays in several currencies"
    return out


def hourly_texts(page) -> dict[str, str]:
    page.evaluate("() => window.__board ? window.__board.settled() : null")
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('#results-list article.card')]
        .map(a => [a.dataset.slug, a.querySelector('[data-hourly]').textContent.trim()]))""")


def slugs_on(page) -> list[str]:
    page.evaluate("() => window.__board ? window.__board.settled() : null")
    return page.locator("#results-list article.card").evaluate_all("els => els.map(e => e.dataset.slug)")


def test_picking_cad_converts_every_card_and_is_remembered(page, site_url, rows):
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    assert "ECB reference rates of 2026-10-30" in page.locator("#f-in-hint").inner_text()
    page.select_option("#f-in", "CAD")
    texts = hourly_texts(page)
    assert texts
    by_slug = {r["slug"]: r for r in rows}
    converted = 0
    for slug, text in texts.items():
        r = by_slug[slug]
        want = rates.converted_hourly_label(*r["ph"], r["cur"], "CAD")
        if want is None:  # a CAD posting keeps its own label
            assert "CAD/h" in text and "(" not in text, text
        else:
            assert text == want, slug
            converted += 1
    assert converted >= 3
    # e.g. a GBP card: "≈ 37 CAD/h (20 GBP/h)"
    assert any(t.startswith("≈ ") and t.endswith(" GBP/h)") for t in texts.values())
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator("#f-in").input_value() == "CAD"
    assert hourly_texts(page) == texts, "static cards show the remembered currency at once"
    # Filtered cards (board.js) read exactly as the static ones (fx.js) do.
    page.locator("#f-more summary").click()
    page.select_option("#f-src", "employer")
    page.wait_for_function("document.querySelector('#result-count').textContent.includes('match')")
    filtered = hourly_texts(page)
    assert filtered and all(filtered[s] == texts[s] for s in filtered if s in texts)
    assert page.js_errors == []


@pytest.mark.parametrize("locale,currency", [("en-CA", "CAD"), ("de-AT", "EUR"), ("en-IN", "INR"), ("en-US", "USD")])
def test_default_currency_comes_from_the_locale(browser, site_url, locale, currency):
    ctx = browser.new_context(locale=locale)
    try:
        page = ctx.new_page()
        page.goto(site_url)
        page.wait_for_load_state("networkidle")
        assert page.locator("#f-in").input_value() == currency
        texts = page.locator("[data-hourly]").all_inner_texts()
        assert texts and all(f" {currency}/h" in t for t in texts)
    finally:
        ctx.close()


def test_minimum_per_hour_works_without_picking_a_currency(page, site_url, rows):
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.select_option("#f-in", "CAD")
    page.locator("#f-more summary").click()
    page.fill("#f-minhourly", "40")
    page.wait_for_function("location.search.includes('minhourly=40')")
    assert "in=CAD" in page.url
    want = [r["slug"] for r in rows if rates.convert(r["ph"][0], r["cur"], "CAD") >= 40]
    got = slugs_on(page)
    assert 0 < len(want) < len(rows), "the minimum keeps some postings and drops others"
    assert len({r["cur"] for r in rows if r["slug"] in want}) >= 2, "kept postings pay in several currencies"
    assert got == want[:24]
    assert page.locator(COUNT).inner_text().startswith(f"{len(want)} posting")
    # A shared link keeps its currency: the minimum is 40 CAD for whoever opens it.
    link = page.url
    page.evaluate("localStorage.setItem('board.currency', 'JPY')")
    page.goto(link)
    page.wait_for_load_state("networkidle")
    assert slugs_on(page) == want[:24]
    assert page.js_errors == []


@pytest.mark.parametrize("sort,pick", [("hourly", lambda r: r["ph"][0]), ("total", None)])
def test_pay_sorts_compare_across_currencies(page, site_url, built_site, rows, sort, pick):
    if pick is None:  # total: worst-case total pay
        data = json.loads((built_site / "search/entries.json").read_text(encoding="utf-8"))["entries"]
        totals = {row_slug(r): (r["m"][0] if r["m"][3] == "total" else r["m"][0] * r["h"][0]) for r in data}
        pick = lambda r: totals[r["slug"]]  # noqa: E731
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.select_option("#f-sort", sort)
    page.wait_for_function("s => location.search.includes('sort=' + s)", arg=sort)
    order = sorted(enumerate(rows), key=lambda ir: (-rates.convert(pick(ir[1]), ir[1]["cur"], "EUR"), ir[0]))
    want = [r["slug"] for _, r in order]
    assert slugs_on(page) == want[:24]
    if sort == "hourly":  # 300–400 INR/h is about 3–4 USD/h: below every USD posting
        inr = [i for i, s in enumerate(want) if next(r for r in rows if r["slug"] == s)["cur"] == "INR"]
        usd = [i for i, s in enumerate(want) if next(r for r in rows if r["slug"] == s)["cur"] == "USD"]
        assert inr and usd and min(inr) > max(usd)
    assert page.js_errors == []


@pytest.mark.parametrize("path", ["categories/data/", "skills/python/", "organizations/harvest-share/"])
def test_taxonomy_rows_show_each_postings_own_pay_and_no_picker(browser, site_url, built_site, path):
    """A category's, skill's or organization's page lists one row per posting with the pay in
    the posting's own currency (board.formats, as its page says it), whatever the student
    picked on the board: no "Show pay in" picker, no rate table, no Save buttons, nothing
    shifts; the same rows without JavaScript. The picker stays on the board."""
    from board.formats import money_range
    from tests.browser.conftest import open_page

    data = json.loads((built_site / "search/entries.json").read_text(encoding="utf-8"))
    pay = {}
    for r in data["entries"]:
        lo, hi, cur, unit = r["m"]
        pay[row_slug(r)] = money_range(lo, hi, cur) + (" total" if unit == "total" else "/hour")
    read_rows = """() => [...document.querySelectorAll('main ol.rows > li')].map(li =>
        [li.querySelector('a').getAttribute('href').split('/')[2], li.textContent])"""
    with open_page(browser, viewport={"width": 1280, "height": 900}, locale="en-US") as p:
        p.add_init_script("""window.__shift = 0; new PerformanceObserver(l => { for (const e of l.getEntries())
            if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});""")
        p.goto(site_url)
        p.wait_for_load_state("networkidle")
        p.select_option("#f-in", "GBP")  # the board converts; a list page does not
        p.wait_for_function("[...document.querySelectorAll('[data-hourly]')].some(d => d.textContent.includes('GBP/h ('))")
        p.set_viewport_size({"width": 390, "height": 844})
        p.goto(site_url + path)
        p.wait_for_load_state("networkidle")
        rows = p.evaluate(read_rows)
        assert rows
        for slug, text in rows:
            assert f" · {pay[slug]} · " in text, (slug, text)
        assert any("GBP" not in pay[slug] for slug, _ in rows)
        assert not any("GBP/h (" in text for _, text in rows)  # as the board writes a converted pay
        assert p.locator("#f-in").count() == 0 and p.locator("#board-fx").count() == 0
        assert p.get_by_role("button", name="Save").count() == 0
        assert p.evaluate("window.__shift") == 0
        p.screenshot(path=f"/tmp/shots/rows-{path.split('/')[0]}-phone.png")
        assert p.js_errors == []
    with open_page(browser, java_script_enabled=False) as p:
        p.goto(site_url + path)
        static = p.evaluate(read_rows)  # the same rows; the deadline a date, not a countdown
        assert [(slug, text.rsplit(" · ", 1)[0]) for slug, text in static] == [
            (slug, text.rsplit(" · ", 1)[0]) for slug, text in rows]
        assert all(text.rsplit(" · ", 1)[1] == "Open until filled"
                   or text.rsplit(" · ", 1)[1].startswith("Closes ") and text[-4:].isdigit() for _, text in static)
