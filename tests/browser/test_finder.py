"""The feed and calendar finder (/feeds/): copy buttons put the address on the clipboard,
fall back to a selected field when the clipboard API is missing, and without JavaScript
the page is plain links."""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_page, synthetic_postings
from tests.site.conftest import build_site

pytestmark = pytest.mark.browser


@pytest.fixture
def clip_page(browser, site_url):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    p = ctx.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    p.goto(site_url + "feeds/")
    yield p
    assert errors == []
    ctx.close()


def test_copy_button_puts_the_absolute_url_on_the_clipboard(clip_page, site_url):
    p = clip_page
    row = p.locator(".finder-row", has=p.get_by_role("heading", name="All open micro-internships", exact=True))
    button = row.locator(".finder-link", has=p.locator('a[type="application/atom+xml"]')).locator("button.copy")
    button.click()
    p.wait_for_function("document.querySelector('#finder-status').textContent.startsWith('Copied')")
    assert p.evaluate("navigator.clipboard.readText()") == site_url + "feeds/all.atom.xml"
    assert button.get_attribute("data-copied") == "clipboard"
    # a calendar's copy button copies the .ics address
    cal = p.locator(".finder-row", has_text="Category: Data & analytics").locator(
        ".finder-link", has=p.locator('a[type="text/calendar"]')).locator("button.copy")
    cal.click()
    p.wait_for_function("document.querySelector('#finder-status').textContent.includes('.ics')")
    assert p.evaluate("navigator.clipboard.readText()") == site_url + "calendars/categories/data.ics"
    # and the OPML button the OPML list
    p.locator("li", has=p.locator("#opml-link")).locator("button.copy").click()
    p.wait_for_function("document.querySelector('#finder-status').textContent.includes('feeds.opml')")
    assert p.evaluate("navigator.clipboard.readText()") == site_url + "feeds.opml"


def test_fallback_selects_the_address_without_the_clipboard_api(browser, site_url):
    ctx = browser.new_context()
    ctx.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});")
    p = ctx.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    p.goto(site_url + "feeds/")
    assert p.evaluate("navigator.clipboard") is None
    row = p.locator(".finder-row", has=p.get_by_role("heading", name="Closing soon", exact=True))
    row.locator(".finder-link", has=p.locator('a[type="application/feed+json"]')).locator("button.copy").click()
    field = row.locator("input.copy-field")
    assert field.input_value() == site_url + "feeds/closing-soon.json"
    focused = p.evaluate("""() => { const f = document.activeElement;
        return [f.className, f.value.substring(f.selectionStart, f.selectionEnd)]; }""")
    assert focused == ["copy-field", site_url + "feeds/closing-soon.json"]
    p.wait_for_function("document.querySelector('#finder-status').textContent.length > 0")
    assert errors == []
    ctx.close()


def test_without_javascript_it_is_plain_links(browser, site_url, built_site):
    ctx = browser.new_context(java_script_enabled=False)
    p = ctx.new_page()
    p.goto(site_url + "feeds/")
    assert p.locator("button.copy").count() > 100
    assert p.locator("button.copy:visible").count() == 0
    assert not p.locator("#finder-q").is_visible()
    assert not p.locator(".finder-more-js").first.is_visible()  # "or type a name" needs the script
    # every feed and calendar file is a plain link on the finder or on its A-to-Z organizations page
    files = sorted(f.relative_to(built_site).as_posix() for pattern in ("feeds/**/*.xml", "feeds/**/*.json",
                                                                          "calendars/**/*.ics")
                   for f in built_site.glob(pattern))
    hrefs = set(p.eval_on_selector_all("a.finder-url", "els => els.map(a => a.getAttribute('href'))"))
    p.get_by_role("link", name="every organization's feeds, A to Z").click()
    p.wait_for_url("**/feeds/organizations/")
    assert p.get_by_role("heading", name="Organizations: feeds").is_visible()
    org_hrefs = set(p.eval_on_selector_all("a.finder-url", "els => els.map(a => a.getAttribute('href'))"))
    assert {f for f in files if f.startswith("feeds/organizations/")} and not hrefs & org_hrefs
    assert {"/" + f for f in files} <= hrefs | org_hrefs and len(files) > 60
    assert {h for h in org_hrefs} == {"/" + f for f in files if f.startswith("feeds/organizations/")}
    ctx.close()


def test_organizations_are_counted_not_listed_and_search_finds_them(clip_page, site_url, built_site):
    """The finder names how many organizations there are and links their A-to-Z page; a
    search fetches that page once and draws the matches as cards whose copy buttons work."""
    p = clip_page
    orgs = sorted(d.name for d in (built_site / "organizations").iterdir() if d.is_dir())
    assert p.locator("#finder-organizations ~ .finder-results .finder-card").count() == 0
    note = p.locator(".finder-more-note")
    assert f"Each of the {len(orgs)} organizations" in note.inner_text()
    assert "or type a name" in note.inner_text()
    fetched: list[str] = []
    p.on("request", lambda r: fetched.append(r.url))
    p.fill("#finder-q", "harvest")
    card = p.locator(".finder-results .finder-card", has=p.get_by_role("heading", name="Organization: Harvest Share"))
    card.wait_for()
    assert not note.is_visible()
    assert card.get_by_role("link", name="Organization: Harvest Share").get_attribute("href") == "/organizations/harvest-share/"
    button = card.get_by_role("button", name="Copy the address of Harvest Share (Atom)")
    button.click()
    p.wait_for_function("document.querySelector('#finder-status').textContent.startsWith('Copied')")
    assert p.evaluate("navigator.clipboard.readText()") == site_url + "feeds/organizations/harvest-share.atom.xml"
    p.fill("#finder-q", "harvest s")
    p.wait_for_function("document.querySelector('#finder-status').textContent.endsWith('match')")
    assert fetched.count(site_url + "feeds/organizations/") == 1  # read once, searched many times
    p.fill("#finder-q", "no such organization zz")
    p.wait_for_function("document.querySelector('#finder-status').textContent === '0 matches'")
    assert not p.locator("#finder-organizations").is_visible()
    p.fill("#finder-q", "")
    assert note.is_visible() and p.locator(".finder-results .finder-card").count() == 0


def test_many_matching_organizations_show_twenty_cards_and_the_rest_counted(browser, serve, tmp_path):
    site = build_site(synthetic_postings(tmp_path, 40, organizations=31), tmp_path / "out")
    url = serve(site)
    with open_page(browser, viewport={"width": 390, "height": 844}) as p:
        p.goto(url + "feeds/")
        assert p.locator(".finder-card").count() < 40  # no card per organization on the page
        p.fill("#finder-q", "org")
        p.wait_for_function("document.querySelector('#finder-status').textContent === '31 matches'")
        assert p.locator(".finder-results .finder-card").count() == 20
        rest = p.locator(".finder-rest")
        assert rest.inner_text().startswith("11 more")
        assert rest.get_by_role("link", name="see them all, A to Z").get_attribute("href") == "/feeds/organizations/"
        assert p.evaluate("document.documentElement.scrollWidth") <= 390
        p.fill("#finder-q", "org 30")
        p.wait_for_function("document.querySelector('#finder-status').textContent === '1 match'")
        assert p.locator(".finder-results .finder-card h3").all_inner_texts() == ["Organization: Org 30"]
        assert p.js_errors == []


def test_the_organizations_page_is_a_to_z_plain_links_with_a_filter(browser, site_url, built_site):
    with open_page(browser, viewport={"width": 390, "height": 844}) as p:
        p.goto(site_url + "feeds/organizations/")
        assert p.evaluate("document.documentElement.scrollWidth") <= 390
        names = p.locator(".finder-name").all_inner_texts()
        assert names and names == sorted(names, key=str.lower)
        row = p.locator(".finder-row", has=p.get_by_role("link", name="Harvest Share", exact=True))
        assert row.locator("a.finder-url").all_inner_texts() == ["Atom"]  # organization feeds are Atom only (feedset.KIND_FORMATS)
        p.get_by_role("navigation", name="Organizations by first letter").get_by_role("link", name="H").click()
        assert p.evaluate("location.hash") == "#letter-H"
        p.fill("#finder-q", "harvest")
        assert p.locator(".finder-name:visible").all_inner_texts() == ["Harvest Share"]
        p.screenshot(path="/tmp/shots/finder-organizations-phone.png")
        assert p.js_errors == []
    with open_page(browser, java_script_enabled=False) as p:
        p.goto(site_url + "feeds/organizations/")
        feeds = list((built_site / "feeds/organizations").glob("*.atom.xml"))
        assert not p.locator("#finder-q").is_visible() and p.locator("a.finder-url").count() == len(feeds) > 10


def test_filter_narrows_the_list(clip_page):
    p = clip_page
    assert p.locator("button.copy:visible").count() > 100
    p.fill("#finder-q", "python")
    names = [t.strip() for t in p.locator(".finder-row:visible h3").all_inner_texts()]
    assert names and all("python" in n.lower() for n in names)
    assert p.locator("#finder-skills").is_visible() and not p.locator("#finder-views").is_visible()
    p.fill("#finder-q", "")
    assert p.locator("#finder-views").is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["feeds/", "feeds/organizations/", "stats/", "new/", "organizations/harvest-share/"])  # closing-soon/: new/'s template
def test_student_pages_pass_axe(browser, site_url, path, scheme):
    """axe-core (WCAG 2.x A/AA rules, colour contrast included) in both colour schemes."""
    from axe_playwright_python.sync_playwright import Axe

    ctx = browser.new_context(color_scheme=scheme)
    p = ctx.new_page()
    p.goto(site_url + path)
    results = Axe().run(p, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}})
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == [], violations
    ctx.close()


def test_one_card_per_feed_with_calendar_links_fits_a_phone(browser, site_url):
    """At 390x844 nothing scrolls sideways; each card has its feeds, a copy button each, and
    for a calendar the .ics address plus Google, Apple (webcal:) and Outlook links."""
    from urllib.parse import parse_qs, urlsplit

    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    p = ctx.new_page()
    p.goto(site_url + "feeds/")
    assert p.evaluate("document.documentElement.scrollWidth") <= 390
    cards = p.locator(".finder-card")
    assert cards.count() > 20
    wide = p.evaluate("""[...document.querySelectorAll('.finder-card *')].filter(el => {
        const r = el.getBoundingClientRect(); return r.width && (r.right > 390 || r.left < 0); }).map(el => el.outerHTML.slice(0, 80))""")
    assert wide == []
    card = p.locator(".finder-card", has=p.get_by_role("heading", name="Category: Data & analytics", exact=True))
    assert card.locator("button.copy:visible").count() == 4  # Atom, RSS, JSON Feed, .ics
    google = card.get_by_role("link", name="Add to Google Calendar: Data & analytics deadlines (iCalendar)")
    cid = parse_qs(urlsplit(google.get_attribute("href")).query)["cid"][0]
    assert cid == "webcal://board.example.org/calendars/categories/data.ics"
    apple = card.get_by_role("link", name="Add to Apple Calendar: Data & analytics deadlines (iCalendar)")
    assert apple.get_attribute("href") == "webcal://board.example.org/calendars/categories/data.ics"
    outlook = card.get_by_role("link", name="Add to Outlook: Data & analytics deadlines (iCalendar)")
    q = parse_qs(urlsplit(outlook.get_attribute("href")).query)
    assert outlook.get_attribute("href").startswith("https://outlook.live.com/calendar/0/addfromweb?")
    assert q["url"] == ["https://board.example.org/calendars/categories/data.ics"] and q["name"][0].startswith("Data")
    for copy in card.locator("button.copy").all():
        box = copy.bounding_box()
        assert box["x"] + box["width"] <= 390 and box["height"] >= 24
    card.scroll_into_view_if_needed()
    p.screenshot(path="/tmp/shots/finder-phone.png")
    p.fill("#finder-q", "data")
    assert p.evaluate("document.documentElement.scrollWidth") <= 390
    ctx.close()
