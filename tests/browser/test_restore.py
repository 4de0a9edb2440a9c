"""Back and Forward restore the board's list exactly (issue #16, item 4), in Chromium, on
a board of 80 open postings: after "Show more postings" twice and opening card #61, Back
shows the same cards, at the same scroll position, with focus on the link that was opened."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import open_page, synthetic_postings
from tests.site.conftest import build_site

PHONE = {"width": 390, "height": 844}
CARDS = "#results-list ol.cards > li > article.card"
SHOTS = Path("/tmp/shots")
STILL = """new Promise(done => { let last = -1, same = 0; (function tick() {
    const y = Math.round(scrollY); same = y === last ? same + 1 : 0; last = y;
    if (same >= 5) done(y); else requestAnimationFrame(tick); })(); })"""  # the scroll offset once it stops moving


@pytest.fixture(scope="module")
def board80(tmp_path_factory, serve) -> str:
    """80 open postings, 24 a page, each posted on its own day (a stable newest-first order)."""
    base = tmp_path_factory.mktemp("board80")
    content = synthetic_postings(base, 80, organizations=5, posted=lambda i: f"2026-{8 + i // 28:02d}-{1 + i % 28:02d}")
    return serve(build_site(content, base / "output", BOARD_PER_PAGE=24))


@pytest.fixture(params=[PHONE, {"width": 1366, "height": 900}], ids=["phone", "desktop"])
def tab(request, browser):
    with open_page(browser, viewport=request.param) as p:
        yield p


def filtered_board(page, url: str) -> None:
    page.goto(url + "?skill=python")
    page.wait_for_function("document.querySelector('#result-count').textContent.includes('match')")
    page.evaluate("window.__board.settled()")


def test_back_after_show_more_twice_and_card_61(tab, board80):
    page = tab
    filtered_board(page, board80)
    assert page.locator(CARDS).count() == 24
    for n in (48, 72):
        page.get_by_role("button", name="Show more postings").click()
        page.wait_for_function(f"document.querySelectorAll('{CARDS}').length === {n}")
    slugs = page.eval_on_selector_all(CARDS, "els => els.map(e => e.dataset.slug)")
    card61 = page.locator(CARDS).nth(60)
    slug = card61.get_attribute("data-slug")
    card61.scroll_into_view_if_needed()
    y0 = page.evaluate("Math.round(scrollY)")
    page.mouse.wheel(0, -120)  # not exactly where scrollIntoView put it
    page.wait_for_function(f"Math.round(scrollY) !== {y0}")
    y = page.evaluate(STILL)
    top = card61.bounding_box()["y"]
    card61.locator(".card-title a").click()
    page.wait_for_url(f"**/postings/{slug}/")
    page.go_back()
    page.wait_for_function(f"document.querySelector('#results-list').dataset.restored === '72'")
    assert page.eval_on_selector_all(CARDS, "els => els.map(e => e.dataset.slug)") == slugs
    assert abs(page.evaluate("scrollY") - y) <= 1
    assert abs(page.locator(CARDS).nth(60).bounding_box()["y"] - top) <= 1
    assert page.evaluate("document.activeElement.closest('article').dataset.slug") == slug
    assert page.evaluate("document.activeElement.matches('.card-title a')")
    assert page.url.endswith("?skill=python")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"restore-after-back-{page.viewport_size['width']}.png"))
    # Forward to the posting and Back again: the same once more
    page.go_forward()
    page.wait_for_url(f"**/postings/{slug}/")
    page.go_back()
    page.wait_for_function(f"document.querySelector('#results-list').dataset.restored === '72'")
    assert abs(page.evaluate("scrollY") - y) <= 1
    assert page.evaluate("document.activeElement.closest('article').dataset.slug") == slug
    assert page.js_errors == []


def test_a_fresh_visit_starts_at_the_top_with_one_page(tab, board80):
    page = tab
    filtered_board(page, board80)
    page.get_by_role("button", name="Show more postings").click()
    page.locator(CARDS).nth(40).locator(".card-title a").click()
    page.wait_for_url("**/postings/**")
    page.goto(board80 + "?skill=python")  # typed or linked, not Back
    page.wait_for_function("document.querySelector('#result-count').textContent.includes('match')")
    page.evaluate("window.__board.settled()")
    assert page.locator(CARDS).count() == 24
    assert page.evaluate("scrollY") == 0
    assert page.locator("#results-list").get_attribute("data-restored") is None


def test_without_javascript_back_is_the_browsers_own(browser, board80):
    ctx = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(board80)
        assert page.locator(CARDS).count() == 24 and page.locator(".pagination").is_visible()
        page.get_by_role("link", name="Older →").click()
        page.wait_for_url("**/page/2/")
        page.go_back()
        assert page.locator(CARDS).count() == 24
    finally:
        ctx.close()
