"""Phone-first board layout, measured in Chromium (issue #16, item 1).

Positions are read from the page (getBoundingClientRect), never from screenshots; the
screenshots go to /tmp/board-layout/ for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHOTS = Path("/tmp/board-layout")
CLS = ("window.__cls = 0; window.__shifted = []; new PerformanceObserver(l => { for (const e of l.getEntries())"
       " if (!e.hadRecentInput) { window.__cls += e.value; window.__shifted.push(e.sources.map(s => s.node &&"
       " (s.node.className || s.node.nodeName) + ': ' + String(s.node.textContent).slice(0, 40))); } })"
       ".observe({type: 'layout-shift', buffered: true});")

#: For each card, its top and bottom on the page.
BOXES = """() => [...document.querySelectorAll('#results-list ol.cards > li > article.card')]
  .map(a => { const r = a.getBoundingClientRect(); return [r.top + scrollY, r.bottom + scrollY]; })"""


def per_screen(boxes: list[list[float]], height: int, need: int) -> list[int]:
    """Cards wholly inside one screen of scrolling, starting at each card row's top (while
    at least ``need`` cards are left: the end of the list rightly shows fewer)."""
    tops = sorted({round(t) for t, _ in boxes})
    out = []
    for top in tops:
        if sum(1 for t, _ in boxes if t >= top - 0.5) < need:
            break
        out.append(sum(1 for t, b in boxes if t >= top - 0.5 and b <= top + height + 0.5))
    return out


def open_at(browser, width: int, height: int, locale: str = "en-CA"):
    ctx = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1, locale=locale)
    ctx.add_init_script(CLS)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    return ctx, page


@pytest.mark.parametrize("width,height,first_above,at_least", [(390, 844, 300, 5), (1366, 900, None, 9)])
def test_postings_per_screen(browser, site_url, width, height, first_above, at_least):
    ctx, page = open_at(browser, width, height)
    try:
        page.goto(site_url)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"board-{width}.png"))
        boxes = page.evaluate(BOXES)
        assert len(boxes) >= 12
        if first_above is not None:
            assert boxes[0][0] < first_above, f"the first posting starts at y={boxes[0][0]:.0f}"
        counts = per_screen(boxes, height, at_least)
        assert counts and min(counts) >= at_least, counts
        assert page.evaluate("window.__cls") == 0, page.evaluate("window.__shifted")
        assert page.js_errors == []
    finally:
        ctx.close()


def test_card_hierarchy(browser, site_url):
    ctx, page = open_at(browser, 390, 844)
    try:
        page.goto(site_url)
        page.wait_for_load_state("networkidle")
        cards = page.locator("#results-list article.card")
        assert cards.count() > 0
        for i in range(cards.count()):
            c = cards.nth(i)
            mono = c.locator(".card-org .monogram")
            assert mono.get_attribute("aria-hidden") == "true" and 1 <= len(mono.inner_text()) <= 2
            text = c.inner_text()
            assert "/hour" not in text, "an hourly rate is said once ('20 GBP/h'), not twice"
            assert c.locator("dd.fact-posted").inner_text().startswith("Posted ")
            who = c.locator("dd.fact-who")
            box = who.bounding_box()
            line = float(who.evaluate("el => parseFloat(getComputedStyle(el).lineHeight)"))
            assert box["height"] <= line + 1, "eligibility is one line"
        assert page.js_errors == []
    finally:
        ctx.close()


def test_phone_menu_is_compact_and_opens(browser, site_url):
    ctx, page = open_at(browser, 390, 844)
    try:
        page.goto(site_url)
        header = page.locator(".site-header").bounding_box()
        assert header["height"] <= 60
        saved = page.get_by_role("link", name="Saved", exact=True)
        assert not saved.is_visible()
        page.locator(".menu > summary").click()
        assert saved.is_visible()
        page.screenshot(path=str(SHOTS / "menu-390.png"))
    finally:
        ctx.close()
    ctx, page = open_at(browser, 1366, 900)
    try:
        page.goto(site_url)
        assert not page.locator(".menu > summary").is_visible()
        assert page.get_by_role("link", name="Saved", exact=True).is_visible()
    finally:
        ctx.close()


HEADER_BOXES = """() => ['.brand', '.menu'].map(sel => { const r = document.querySelector(sel).getBoundingClientRect();
  return [sel, r.x, r.y, r.width, r.height]; })"""


@pytest.mark.parametrize("width", [390, 1366])
def test_header_keeps_its_boxes_however_far_the_parser_got(browser, site_url, built_site, width):
    """A slow phone paints whatever the parser has read: the header cut after ``<details>``
    (the browser's own "Details" summary stands in), after ``</summary>``, and whole must
    lay out the brand and the menu in the same boxes, or "Menu" arriving shifts the page
    (the CLS test saw 0.0002 on a loaded machine)."""
    html = (built_site / "index.html").read_text(encoding="utf-8")
    header = html[html.index('<header class="site-header"'):html.index("</header>") + len("</header>")]
    cuts = [header.index(tag) + len(tag) for tag in ('<details class="menu">', "</summary>")] + [len(header)]
    ctx, page = open_at(browser, width, 844)
    try:
        page.goto(site_url + "theme/css/board.css")  # the site's origin, so the stylesheet loads
        layouts = []
        for cut in cuts:
            page.set_content(f'<link rel="stylesheet" href="{site_url}theme/css/board.css">{header[:cut]}')
            layouts.append(page.evaluate(HEADER_BOXES))
        assert layouts[0] == layouts[1] == layouts[2], layouts
        assert layouts[0][0][3] > 100, "the brand is laid out"
    finally:
        ctx.close()


def test_filter_sheet_with_a_live_count(browser, site_url):
    ctx, page = open_at(browser, 390, 844)
    try:
        page.goto(site_url)
        page.wait_for_load_state("networkidle")
        assert not page.locator("#f-cat").is_visible()
        opener = page.locator("#f-sheet-open")
        opener.click()
        assert opener.get_attribute("aria-expanded") == "true"
        sheet = page.locator("#f-sheet").bounding_box()
        assert sheet["y"] <= 0.5 and sheet["height"] >= 843, "the sheet covers the screen"
        show = page.locator("#f-show")
        assert show.is_visible() and show.bounding_box()["y"] + show.bounding_box()["height"] <= 844
        page.select_option("#f-cat", "data")
        page.wait_for_function("document.querySelector('#result-count').textContent.includes('match')")
        n = int(page.locator("#result-count").inner_text().split()[0])
        assert 0 < n < 19
        assert show.inner_text() == f"Show {n} result{'' if n == 1 else 's'}"
        page.locator("#f-more summary").click()
        page.select_option("#f-country", "CA")
        page.wait_for_function("location.search.includes('country=CA')")
        page.evaluate("() => window.__board.settled()")
        status = page.locator("#result-count").inner_text()
        m = int(status.split()[0]) if "match" in status else 0
        assert show.inner_text().startswith(f"Show {m} result")
        assert show.is_visible(), "the count stays on screen after choosing a country"
        page.screenshot(path=str(SHOTS / "sheet-390.png"))
        show.click()
        assert opener.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.id") == "f-sheet-open"
        assert opener.inner_text() == "Filters (2)"
        assert page.evaluate("window.__cls") == 0, page.evaluate("window.__shifted")  # the count never moves the page
        assert page.js_errors == []
    finally:
        ctx.close()


def test_without_javascript_the_board_is_its_static_pages(browser, site_url):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(site_url)
        assert not page.locator("#filters").is_visible()
        assert page.locator("#results-list article.card").count() >= 12
        page.locator(".menu > summary").click()  # the menu needs no script
        assert page.get_by_role("link", name="Saved", exact=True).is_visible()
    finally:
        ctx.close()
