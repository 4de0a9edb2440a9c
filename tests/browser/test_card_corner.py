"""The "Posted …" corner of a card is never clipped, and the pay line beside it wraps.

Cards are three to a row at 1366 px, one at 390 px; the longest pay lines are converted ones
("≈ 19–25 CAD/h (1,125–1,500 INR/h)", the en-CA reader's currency). Measured in Chromium
from the page's boxes, with JavaScript (after countdown.js and fx.js rewrote the texts: no
layout shift) and without it (the static "Posted 3 November 2026").
"""

from __future__ import annotations

import pytest

from tests.browser.test_layout import CLS

#: Per card: the corner label inside its card, neither it nor the pay cut (scrollWidth),
#: the pay's text, and whether the pay's box ends in an ellipsis.
MEASURE = """() => [...document.querySelectorAll('#results-list article.card')].map(card => {
  const c = card.getBoundingClientRect(), corner = card.querySelector('dd.fact-posted'), pay = card.querySelector('dd.fact-pay');
  const r = corner.getBoundingClientRect(), dd = corner;
  return {slug: card.dataset.slug, inside: r.left >= c.left - 0.5 && r.right <= c.right + 0.5 && r.top >= c.top - 0.5 && r.bottom <= c.bottom + 0.5,
          cut: [corner, dd, pay].filter(n => n.scrollWidth > n.clientWidth).map(n => n.className || n.nodeName),
          clipped: getComputedStyle(pay).textOverflow === 'ellipsis' || getComputedStyle(dd).textOverflow === 'ellipsis',
          pay: pay.textContent, posted: dd.textContent, payLines: Math.round(pay.getBoundingClientRect().height / parseFloat(getComputedStyle(pay).lineHeight)),
          line: [pay, card.querySelector('dd.fact-who')].map(n => Math.abs(n.getBoundingClientRect().bottom - dd.getBoundingClientRect().bottom) < 4)};
})"""


@pytest.mark.parametrize("width", [390, 1366, 1920])
@pytest.mark.parametrize("javascript", [True, False])
def test_the_posted_corner_is_whole_and_the_pay_wraps(browser, site_url, width, javascript):
    ctx = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1, locale="en-CA",
                              java_script_enabled=javascript)
    if javascript:
        ctx.add_init_script(CLS)
    try:
        page = ctx.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(site_url)
        page.wait_for_load_state("networkidle")
        cards = page.evaluate(MEASURE)
        assert len(cards) >= 12
        bad = [c for c in cards if not c["inside"] or c["cut"] or c["clipped"]]
        assert not bad, bad
        assert all(c["posted"].startswith("Posted ") for c in cards)
        # the date's place: beside the pay on a phone, at the end of the who-may-apply line on wider cards
        assert all(c["line"] == ([True, False] if width < 700 else [False, True]) for c in cards), [c["line"] for c in cards]
        if javascript:
            converted = [c for c in cards if "INR/h)" in c["pay"]]
            assert converted and converted[0]["pay"].startswith("≈ ") and "CAD/h" in converted[0]["pay"], cards
            assert page.evaluate("window.__cls") == 0, page.evaluate("window.__shifted")
            assert any(c["posted"].endswith(" ago") or c["posted"] in ("Posted today", "Posted yesterday") for c in cards)
        else:
            assert any(c["posted"][-4:].isdigit() for c in cards)  # the static date
        assert errors == []
    finally:
        ctx.close()


@pytest.mark.parametrize("width", [390, 1366])
def test_a_long_converted_pay_is_never_cut(browser, site_url, width):
    """The INR posting's converted line is whole: it may wrap, never end in "…" (at 390 px
    the posting's own figure is read out but not shown, board.css)."""
    ctx = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1, locale="en-CA")
    try:
        page = ctx.new_page()
        page.goto(site_url)
        page.wait_for_load_state("networkidle")
        cards = {c["slug"]: c for c in page.evaluate(MEASURE)}
        long = [c for c in cards.values() if len(c["pay"]) >= 30]
        assert long, sorted(c["pay"] for c in cards.values())
        assert all(not c["clipped"] and not c["cut"] for c in long), long
        wraps = page.evaluate("getComputedStyle(document.querySelector('#results-list dd.fact-pay')).whiteSpace")
        assert wraps == "normal"  # a longer line still wraps rather than being cut
    finally:
        ctx.close()
