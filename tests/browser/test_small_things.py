"""Issue 16's small things as a person sees them in Chromium: the favicon, the stats pay
table on a phone (axe), the no-JavaScript notice on a filtered link, the "Overlap" select,
grouped counts in the live status line, the e-mail Apply address, empty views."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import open_page, synthetic_postings
from tests.site.conftest import ROOT, build_site

PHONE = {"width": 390, "height": 844}
AXE = Axe()
SHOTS = Path(__file__).resolve().parents[2] / ".cache" / "screenshots"


def violations(page) -> list[str]:
    return [f"{v['id']}: " + "; ".join(str(n["target"]) for n in v["nodes"][:5])
            for v in AXE.run(page).response["violations"]]


@pytest.fixture
def phone(browser):
    with open_page(browser, viewport=PHONE, device_scale_factor=1) as page:
        yield page


def test_favicon_is_served(phone, site_url):
    phone.goto(site_url)
    href = phone.evaluate("document.querySelector('link[rel=icon]').href")
    response = phone.request.get(href)
    assert response.ok and "svg" in response.headers["content-type"]
    image = phone.evaluate("document.querySelector('meta[property=\"og:image\"]').content")
    assert image.endswith(".png")


def test_stats_pay_table_on_a_phone_has_no_axe_violations(phone, site_url):
    phone.goto(site_url + "stats/")
    region = phone.locator(".table-scroll:has(.pay-by-currency)")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth"), "the table scrolls on a phone"
    assert violations(phone) == []
    region.focus()  # reachable from the keyboard, and named
    assert phone.evaluate("document.activeElement.getAttribute('aria-label')")


def test_filtered_link_without_javascript_says_filters_need_it(browser, site_url):
    ctx = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(site_url + "?cat=data&skill=python")
        box = page.locator(".noscript-filters")
        box.wait_for(state="visible")
        assert box.inner_text().startswith("Filters need JavaScript")
        assert box.get_by_role("link", name="by category").get_attribute("href").endswith("/categories/")
        assert box.get_by_role("link", name="by skill").get_attribute("href").endswith("/skills/")
        assert page.locator("ol.cards > li").count() > 0  # the unfiltered list is still there
        assert not page.locator("#filters").is_visible()
    finally:
        ctx.close()
    ctx = browser.new_context(viewport=PHONE)  # with JavaScript: no such notice
    try:
        page = ctx.new_page()
        page.goto(site_url + "?cat=data")
        assert page.locator(".noscript-filters").count() == 0 or not page.locator(".noscript-filters").is_visible()
    finally:
        ctx.close()


def test_overlap_select_is_not_truncated(phone, site_url):
    phone.goto(site_url)
    phone.locator("#f-sheet-open").click()  # on a phone the filters are a sheet
    phone.locator("#f-more summary").click()
    for sel in ("#f-tzflex", "#f-tz"):
        cut = phone.evaluate("""sel => {
            const s = document.querySelector(sel), cs = getComputedStyle(s);
            const ctx = document.createElement('canvas').getContext('2d');
            ctx.font = cs.font;
            const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20; // the arrow
            return [...s.options].map(o => o.text).filter(t => ctx.measureText(t).width > room);
        }""", sel)
        assert cut == [], (sel, cut)


def test_mailto_address_is_shown_next_to_the_button(phone, site_url):
    phone.goto(site_url + "postings/bakery-brand-refresh/")
    button = phone.locator(".apply-box a.button")
    assert button.get_attribute("href").startswith("mailto:hello@crumbandkettle.example.com?subject=Application%3A%20")
    address = phone.locator(".apply-box .email-address")
    assert address.is_visible() and address.inner_text() == "hello@crumbandkettle.example.com"
    assert address.bounding_box()["x"] + address.bounding_box()["width"] <= PHONE["width"]


@pytest.fixture(scope="module")
def big_board(tmp_path_factory, serve) -> str:
    """1,002 open postings: counts in the thousands."""
    base = tmp_path_factory.mktemp("big-board")
    content = synthetic_postings(base, 1002, organizations=3)
    return serve(build_site(content, base / "output", BOARD_PER_PAGE=24))


def test_live_status_groups_thousands(phone, big_board):
    phone.goto(big_board + "?skill=python")
    phone.wait_for_function("document.querySelector('#result-count').textContent.includes('match')")
    assert phone.locator("#result-count").inner_text().startswith("1,002 postings match")
    phone.goto(big_board + "?sort=deadline")
    phone.wait_for_function("document.querySelector('#result-count').textContent.includes('showing')")
    assert phone.locator("#result-count").inner_text().startswith("1,002 open postings")
    assert phone.js_errors == []


@pytest.fixture(scope="module")
def quiet_board(tmp_path_factory, serve) -> str:
    """One open posting that is neither new nor closing soon, one expired: empty views."""
    base = tmp_path_factory.mktemp("quiet-board")
    content = base / "content"
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    (content / "postings").mkdir()
    for slug, category, apply_by in (("still-open", "software", "2027-05-15"), ("expired", "design", "2026-11-01")):
        (content / "postings" / f"{slug}.md").write_text(
            f"Title: {slug}\nOrganization: Org {slug}\nSummary: A short remote project.\nCategory: {category}\n"
            f"Skills: Python\nHours: 10-12\nPay: 400 USD total\nApply-URL: https://jobs.example.com/{slug}\n"
            f"Apply-By: {apply_by}\nPosted: 2026-09-01\n\nA project.\n", encoding="utf-8")
    return serve(build_site(content, base / "output"))


@pytest.mark.parametrize("view", ["new/", "closing-soon/", "categories/design/", "organizations/org-expired/"])
def test_empty_views_suggest_something_and_pass_axe(phone, quiet_board, view):
    phone.goto(quiet_board + view)
    box = phone.locator(".empty-state")
    assert box.is_visible()
    for name in ("Every open posting on the board", "Programmes", "Subscribe to a feed or calendar", "Post a project"):
        assert box.get_by_role("link", name=name, exact=True).is_visible(), name
    assert violations(phone) == []


def test_phone_screenshots(phone, site_url):
    SHOTS.mkdir(parents=True, exist_ok=True)
    phone.goto(site_url)
    phone.wait_for_load_state("networkidle")
    phone.screenshot(path=str(SHOTS / "phone-board.png"))
    phone.goto(site_url + "postings/bakery-brand-refresh/")
    phone.screenshot(path=str(SHOTS / "phone-posting.png"), full_page=False)
    phone.goto(site_url + "stats/")
    phone.locator(".pay-by-currency").scroll_into_view_if_needed()
    phone.screenshot(path=str(SHOTS / "phone-stats.png"))
    assert phone.js_errors == []


@pytest.mark.parametrize("feed", ["feeds/all.atom.xml", "feeds/all.rss.xml"])
def test_feed_opened_in_a_browser_reads_as_a_page(phone, site_url, feed):
    phone.goto(site_url + feed)
    heading = phone.get_by_role("heading", name="How to subscribe")
    heading.wait_for(state="visible")
    assert phone.get_by_role("heading", level=1).inner_text() == "Micro-internships: All open micro-internships"
    items = phone.locator("ol.items li a")
    assert items.count() > 5 and items.first.get_attribute("href").startswith("http")
    assert phone.locator("code").inner_text().endswith("/" + feed)
    if feed.endswith("atom.xml"):
        phone.screenshot(path=str(SHOTS / "phone-feed.png"))


# ---- deadlines: the page carries the date, the browser counts the days (issue #19) ----


def _days_left(datetime_attr: str, now: str) -> int:
    """Entry.days_left's rule: whole UTC days from the build's day to the deadline's."""
    from datetime import date
    return (date.fromisoformat(datetime_attr[:10]) - date.fromisoformat(now[:10])).days


def _countdown(days: int) -> str:
    from board.formats import closes_in
    return closes_in(days)


def _deadlines(ctx, url: str) -> list[tuple[str, str]]:
    page = ctx.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page.locator("time[data-countdown]").evaluate_all(
        "els => els.map(e => [e.getAttribute('datetime'), e.textContent])")


@pytest.mark.parametrize("path", ["", "categories/data/", "skills/excel/"])
def test_countdowns_are_counted_by_the_browsers_clock(browser, site_url, path):
    """The same HTML reads "Closes in N days" today and "N-1" tomorrow; without JS, the date."""
    from tests.site.conftest import NOW

    tomorrow = "2026-11-27T12:00:00Z"
    for now in (NOW, tomorrow):
        ctx = browser.new_context()
        ctx.clock.set_fixed_time(now)  # the pinned clock of the day the page is read
        try:
            shown = _deadlines(ctx, site_url + path)
        finally:
            ctx.close()
        assert shown, f"no countdown on /{path}"
        assert [text for _, text in shown] == [_countdown(_days_left(dt, now)) for dt, _ in shown]
    ctx = browser.new_context(java_script_enabled=False)
    try:
        static = _deadlines(ctx, site_url + path)
    finally:
        ctx.close()
    assert static and all(text.startswith("Closes ") and text[-4:].isdigit() for _, text in static), static[:3]


def test_a_posting_page_counts_down_and_keeps_its_date(page, site_url, built_site):
    slug = next(p.parent.name for p in sorted((built_site / "postings").glob("*/index.html"))
                if "data-countdown" in p.read_text(encoding="utf-8"))
    page.goto(site_url + f"postings/{slug}/")
    deadline = page.locator("p.deadline")
    from tests.site.conftest import NOW
    when = deadline.locator("time").get_attribute("datetime")
    text = deadline.inner_text()
    assert text.startswith(_countdown(_days_left(when, NOW)) + " · apply by "), text
    assert page.js_errors == []
