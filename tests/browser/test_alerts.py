"""Alerts (issue #16, item 6) as a student meets them in Chromium: "Follow this search" on
a filtered board links to the closest feed and says when it is broader than the search;
the "Get it by email" box shows only on a board whose owner configured a service; the
weekly digest page links its feeds. axe finds nothing on either."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.site.conftest import build_site, sample_content

AXE = Axe()
PHONE = {"width": 390, "height": 844}
SHOTS = Path("/tmp/shots")


def violations(page) -> list[str]:
    return [f"{v['id']}: " + "; ".join(str(n["target"]) for n in v["nodes"][:5])
            for v in AXE.run(page).response["violations"]]


@pytest.fixture(scope="module")
def emailing_site(tmp_path_factory, serve) -> str:
    base = tmp_path_factory.mktemp("emailing")
    return serve(build_site(sample_content(base / "content"), base / "output",
                            BOARD_EMAIL_DIGEST_URL="https://blogtrottr.example.com/?subscribe={feed}",
                            BOARD_EMAIL_DIGEST_SERVICE="Blogtrottr"))


@pytest.fixture
def phone(browser):
    ctx = browser.new_context(viewport=PHONE)
    p = ctx.new_page()
    yield p
    ctx.close()


def test_follow_this_search_links_the_closest_feed(page, site_url, built_site):
    page.goto(site_url + "?cat=design&hmin=5")
    page.wait_for_function("document.querySelector('#result-count').textContent.includes('match')")
    box = page.locator("#f-subscribe")
    assert box.inner_text().startswith("Follow this search: ")
    link = box.get_by_role("link").first
    assert link.get_attribute("href") == "/feeds/categories/design.atom.xml"
    assert (built_site / "feeds/categories/design.atom.xml").is_file()
    assert "without your other filters" in box.inner_text()
    page.goto(site_url + "?cat=design")
    page.wait_for_function("document.querySelector('#result-count').textContent.includes('match')")
    assert "without your other filters" not in page.locator("#f-subscribe").inner_text()
    assert page.js_errors == []


def test_email_box_only_when_configured(phone, site_url, emailing_site):
    phone.goto(site_url + "feeds/")
    assert phone.locator(".email-digest").count() == 0
    phone.goto(site_url + "digest/")
    assert phone.locator(".email-digest").count() == 0
    assert phone.get_by_role("link", name="RSS").first.get_attribute("href") == "/feeds/digest.rss.xml"
    weeks = phone.locator(".digest-weeks a")
    assert weeks.count() >= 2
    assert violations(phone) == []
    phone.goto(emailing_site + "digest/")
    box = phone.locator(".email-digest")
    assert box.is_visible() and "sent by Blogtrottr" in box.inner_text()
    href = box.get_by_role("link", name="Subscribe by email").get_attribute("href")
    assert href == "https://blogtrottr.example.com/?subscribe=https%3A%2F%2Fboard.example.org%2Ffeeds%2Fdigest.rss.xml"
    SHOTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(SHOTS / "digest-email-phone.png"), full_page=True)
    assert violations(phone) == []
    phone.goto(emailing_site + "feeds/")
    assert phone.locator(".email-digest").is_visible()
    weeks_page = phone.goto(emailing_site + "digest/")
    assert weeks_page.ok
    phone.locator(".digest-weeks a").first.click()
    rows = phone.locator("ol.digest-postings > li")  # one line per posting of the week, not cards
    assert rows.count() > 0 and phone.locator("article.card").count() == 0
    assert rows.first.get_by_role("link").get_attribute("href").startswith("/postings/")
    assert violations(phone) == []
