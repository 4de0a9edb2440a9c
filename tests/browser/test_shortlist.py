"""Saved, applied and hidden postings on the device (issue #16, item 5), in Chromium:
toggles with aria-pressed on the board's cards (static and JS-rendered) and on a posting
page, the Saved page filled from localStorage, hiding without layout shift, export and
import as a JSON file, the no-JavaScript message, and axe on every state."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import open_page

AXE = Axe()
KEY = "board.shortlist.v1"
PHONE = {"width": 390, "height": 844}
SHOTS = Path("/tmp/shots")


def violations(page) -> list[str]:
    return [f"{v['id']}: " + "; ".join(str(n["target"]) for n in v["nodes"][:5])
            for v in AXE.run(page).response["violations"]]


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}') || '{{}}'")).get("items", {})


def card(page, n: int = 0):
    return page.locator("#results-list ol.cards > li > article.card").nth(n)


def shot(page, name: str, full: bool = False) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=full)


@pytest.fixture
def phone(browser):
    with open_page(browser, viewport=PHONE, device_scale_factor=1) as p:
        yield p


def test_star_apply_and_hide_on_the_board(page, site_url):
    page.goto(site_url)
    first = card(page, 0)
    slug, title = first.get_attribute("data-slug"), first.locator(".card-title a").inner_text()
    save = first.get_by_role("button", name="Save")
    assert save.get_attribute("aria-pressed") == "false"
    save.click()
    assert save.get_attribute("aria-pressed") == "true"
    first.get_by_role("button", name="Applied").click()
    item = stored(page)[slug]
    assert item["saved"] is True and item["t"] == title and item["u"] == f"/postings/{slug}/"
    assert item["applied"] == "2026-11-26"  # the pinned clock's day
    assert item["d"] and len(item["d"]) == 10
    assert page.locator(".shortlist-status [role=status]").inner_text().startswith("Marked")
    shot(page, "shortlist-board.png")
    assert violations(page) == []
    # Hide the second card: it leaves the list, focus moves on, Undo brings it back
    second = card(page, 1)
    hidden_slug = second.get_attribute("data-slug")
    count = page.locator("#results-list ol.cards > li:visible").count()
    second.get_by_role("button", name="Hide").click()
    assert page.locator("#results-list ol.cards > li:visible").count() == count - 1
    assert page.evaluate("document.activeElement.closest('article').dataset.slug") != hidden_slug
    assert stored(page)[hidden_slug]["hidden"] is True
    page.reload()  # still hidden on the next visit, from the first frame
    assert page.locator(f'article[data-slug="{hidden_slug}"]').is_hidden()
    assert card(page, 0).get_by_role("button", name="Save").get_attribute("aria-pressed") == "true"
    assert page.js_errors == []


def test_a_hidden_posting_stays_hidden_in_the_rows_of_its_organization_page(page, site_url):
    page.goto(site_url)
    first = card(page, 0)
    slug, org_href = first.get_attribute("data-slug"), first.locator(".card-org a").get_attribute("href")
    first.get_by_role("button", name="Hide").click()
    page.goto(site_url.rstrip("/") + org_href if org_href.startswith("/") else org_href)
    row = page.locator(f'ol.rows > li:has(> a[href$="/postings/{slug}/"])')
    assert row.count() == 1, "the organization page lists the posting as a row"
    assert row.is_hidden()
    page.evaluate(f"localStorage.removeItem('{KEY}')")
    page.reload()
    assert row.is_visible(), "without the hide it shows: the rule, not the page, hid it"
    assert page.js_errors == []


def test_undo_brings_a_hidden_card_back(page, site_url):
    page.goto(site_url)
    target = card(page, 2)
    slug = target.get_attribute("data-slug")
    target.get_by_role("button", name="Hide").click()
    assert target.is_hidden()
    page.get_by_role("button", name="Undo").click()
    assert target.is_visible() and slug not in stored(page)


def test_js_rendered_cards_get_the_buttons_and_hidden_ones_stay_hidden(page, site_url):
    page.goto(site_url)
    slug = card(page, 0).get_attribute("data-slug")
    card(page, 0).get_by_role("button", name="Hide").click()
    page.goto(site_url + "?hmin=5")
    page.wait_for_function("document.querySelector('#result-count').textContent.includes('match')")
    page.evaluate("window.__board.settled()")
    cards = page.locator("#results-list ol.cards > li > article.card")
    assert cards.count() > 3
    assert page.locator(f'#results-list article[data-slug="{slug}"]').is_hidden()
    assert cards.nth(1).get_by_role("button", name="Save").is_visible()
    page.wait_for_function("[...document.querySelectorAll('#results-list article.card')].every(a => a.querySelector('.shortlist-buttons'))")


def test_no_layout_shift_when_the_buttons_arrive(browser, site_url):
    seeded = {"version": 1, "items": {"bakery-brand-refresh": {"t": "Bakery", "o": "Crumb", "hidden": True,
                                                                "u": "/postings/bakery-brand-refresh/"}}}
    ctx = browser.new_context(viewport=PHONE)
    ctx.add_init_script(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(seeded))});"
                        "window.__cls = 0; new PerformanceObserver(l => { for (const e of l.getEntries())"
                        " if (!e.hadRecentInput) window.__cls += e.value; }).observe({type: 'layout-shift', buffered: true});")
    try:
        p = ctx.new_page()
        for path in ("", "postings/bakery-brand-refresh/", "saved/"):
            p.goto(site_url + path)
            p.wait_for_load_state("networkidle")
            p.wait_for_timeout(300)
            assert p.locator(".shortlist-button").count() >= 3, path
            assert p.evaluate("window.__cls") == 0, path
        p.goto(site_url)
        assert p.locator('ol.cards article[data-slug="bakery-brand-refresh"]').count() == 1
        assert p.locator('ol.cards article[data-slug="bakery-brand-refresh"]').is_hidden()
    finally:
        ctx.close()


def test_posting_page_toggles_and_saved_page_lists_them(phone, site_url):
    phone.goto(site_url + "postings/bakery-brand-refresh/")
    box = phone.locator(".apply-box")
    box.get_by_role("button", name="Save").click()
    box.get_by_role("button", name="Applied").click()
    assert box.get_by_role("button", name="Save").get_attribute("aria-pressed") == "true"
    # what is stored is read from the page itself (the slot names only the link, issue #19)
    item = phone.evaluate(f"JSON.parse(localStorage.getItem('{KEY}')).items['bakery-brand-refresh']")
    assert item["t"] == phone.locator("h1#posting-title").inner_text().strip()
    assert item["o"] == phone.locator(".posting-org a").first.inner_text().strip() and item["o"]
    assert item["u"] == "/postings/bakery-brand-refresh/"
    assert item["d"] == box.locator(".deadline time").get_attribute("datetime")[:10]
    shot(phone, "shortlist-posting-phone.png")
    assert violations(phone) == []
    phone.goto(site_url + "saved/")
    saved = phone.locator("section[aria-labelledby=saved-saved]")
    assert saved.locator("h2").inner_text() == "Saved (1)"
    link = saved.get_by_role("link").first
    assert link.get_attribute("href") == "/postings/bakery-brand-refresh/"
    assert "Apply by" in saved.locator(".saved-facts").inner_text()
    assert "applied on 26 November 2026" in saved.locator(".saved-facts").inner_text()
    assert phone.locator("section[aria-labelledby=saved-applied] h2").inner_text() == "Applied (1)"
    assert "No hidden postings" in phone.locator("section[aria-labelledby=saved-hidden]").inner_text()
    shot(phone, "saved-page-phone.png", full=True)
    assert violations(phone) == []
    # un-star from the Saved page: it moves out of "Saved", focus stays on that button
    saved.get_by_role("button", name="Save").click()
    assert saved.locator("h2").inner_text() == "Saved (0)"
    assert phone.evaluate("document.activeElement.dataset.act") == "saved"
    assert phone.js_errors == []


def test_saved_page_when_empty_and_without_javascript(phone, browser, site_url):
    phone.goto(site_url + "saved/")
    assert phone.locator("#saved-count").inner_text() == "Nothing stored on this device yet."
    assert phone.locator(".saved-empty").count() == 3
    assert "Nothing saved yet" in phone.locator(".saved-empty").first.inner_text()
    shot(phone, "saved-empty-phone.png")
    assert violations(phone) == []
    ctx = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        p = ctx.new_page()
        p.goto(site_url + "saved/")
        note = p.locator(".noscript-saved")
        assert note.is_visible() and note.inner_text().startswith("Saving postings needs JavaScript")
        assert p.locator(".shortlist-button").count() == 0
        p.goto(site_url)  # and the no-JS board has no buttons and no reserved room
        assert p.locator(".shortlist-button").count() == 0
        pad = p.evaluate("(() => { const cs = getComputedStyle(document.querySelector('article.card')); return [cs.paddingTop, cs.paddingBottom]; })()")
        assert pad[0] == pad[1], pad  # the card's own padding, nothing reserved for buttons
        shot(p, "saved-nojs-phone.png")
    finally:
        ctx.close()


def test_export_then_import_round_trips_and_refuses_foreign_links(page, site_url, tmp_path):
    page.goto(site_url)
    slugs = [card(page, i).get_attribute("data-slug") for i in range(3)]
    card(page, 0).get_by_role("button", name="Save").click()
    card(page, 1).get_by_role("button", name="Applied").click()
    card(page, 2).get_by_role("button", name="Hide").click()
    page.goto(site_url + "saved/")
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download my list (JSON)").click()
    path = tmp_path / "list.json"
    dl.value.save_as(path)
    assert dl.value.suggested_filename == "saved-micro-internships-2026-11-26.json"
    data = json.loads(path.read_text())
    assert data["format"] == "micro-internship-board/shortlist" and sorted(data["items"]) == sorted(slugs)
    # a fresh browser (another device): import the file, plus one hostile record
    data["items"]["evil"] = {"t": "<img src=x onerror=alert(1)>", "u": "javascript:alert(1)", "saved": True}
    data["items"]["elsewhere"] = {"t": "x", "u": "https://evil.example.com/postings/x/", "saved": True}
    path.write_text(json.dumps(data))
    page.evaluate("localStorage.clear()")
    page.reload()
    assert page.locator("#saved-count").inner_text() == "Nothing stored on this device yet."
    with page.expect_file_chooser() as fc:
        page.get_by_role("button", name="Import a list…").click()
    fc.value.set_files(str(path))
    page.wait_for_function("document.querySelector('#saved-count').textContent.startsWith('3 ')")
    assert sorted(stored(page)) == sorted(slugs)
    assert "left out 2" in page.locator(".shortlist-status [role=status]").inner_text()
    assert page.locator("section[aria-labelledby=saved-hidden] h2").inner_text() == "Hidden (1)"
    assert page.locator("img").count() == 0
    assert page.js_errors == []
