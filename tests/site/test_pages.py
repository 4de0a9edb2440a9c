"""The built board: pages exist, closed postings behave, hostile input stays inert."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from board import vocabulary as vocab
from tests.site.conftest import PUBLIC


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, dict]] = []
        self.scripts: list[dict] = []
        self.meta: list[dict] = []
        self.attrs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        for k, v in attrs:
            self.attrs.append((tag, k, v or ""))
        if tag in ("a", "link"):
            self.links.append((tag, d))
        if tag == "script":
            self.scripts.append(d)
        if tag == "meta":
            self.meta.append(d)


def parse(path: Path) -> Links:
    p = Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def posting_slugs(site: Path) -> set[str]:
    return {p.name for p in (site / "postings").iterdir()}


def test_board_lists_open_postings_newest_first(site):
    html = (site / "index.html").read_text()
    titles = re.findall(r'<h3 class="card-title"><a href="/postings/([^/]+)/">', html)
    assert titles, "the board shows cards"
    assert "expired-posting" not in html
    assert "Closing soon" in html  # the scraped entry closes on 1 December
    assert "survey-analysis-sprint-openfields-a1b2c3" in html


def test_every_entry_has_a_page_and_closed_ones_are_marked(site):
    slugs = posting_slugs(site)
    assert {"expired-posting", "hostile-posting", "survey-analysis-sprint-openfields-a1b2c3"} <= slugs
    page = site / "postings/expired-posting/index.html"
    doc = parse(page)
    assert {"name": "robots", "content": "noindex"} in doc.meta
    assert 'class="banner closed"' in page.read_text()
    assert not [s for s in doc.scripts if s.get("type") == "application/ld+json"]
    sitemap = (site / "sitemap.xml").read_text()
    assert "expired-posting" not in sitemap
    assert "postings/hostile-posting/" in sitemap
    assert f"{PUBLIC}/new/" in sitemap and f"{PUBLIC}/stats/" in sitemap


def test_filled_sample_posting_is_closed_but_reachable(site):
    closed = [p for p in (site / "postings").glob("*/index.html") if 'class="banner closed"' in p.read_text()]
    assert len(closed) >= 4  # the sample's filled/closed postings plus the expired one
    board = (site / "index.html").read_text()
    for page in closed:
        assert f"/postings/{page.parent.name}/" not in board


def test_taxonomy_pages_for_every_category_skill_and_organization(site):
    for slug in vocab.CATEGORIES:
        assert (site / "categories" / slug / "index.html").exists()
    assert (site / "skills/javascript/index.html").exists()  # "JS" in a posting became JavaScript
    org_page = (site / "organizations/harvest-share/index.html").read_text()
    assert "Past postings" in org_page and "expired-posting" in org_page


def test_autodiscovery_links_on_every_page(site):
    for page in [site / "index.html", site / "categories/data/index.html"]:
        alts = [d for tag, d in parse(page).links if tag == "link" and d.get("rel") == "alternate"]
        types = {d["type"] for d in alts}
        assert {"application/atom+xml", "application/rss+xml"} <= types
    posting = [d for tag, d in parse(site / "postings/hostile-posting/index.html").links if d.get("rel") == "alternate"]
    assert [d["type"] for d in posting] == ["application/atom+xml"]
    cat = [d["href"] for tag, d in parse(site / "categories/data/index.html").links if d.get("rel") == "alternate"]
    assert "/feeds/categories/data.atom.xml" in cat


def _alternates(path: Path) -> list[str]:
    return [d["href"] for tag, d in parse(path).links if tag == "link" and d.get("rel") == "alternate"]


def test_each_page_names_only_its_own_feeds(site):
    """Autodiscovery (issue #19: no boilerplate on every page): a category's, skill's or
    organization's page names its own feeds, a posting page its category's Atom feed (one
    format on 10,000 pages; the finder lists all three), a page without
    feeds of its own (stats, about) the board's; never the board's three besides its own."""
    board = ["/feeds/all.atom.xml", "/feeds/all.rss.xml", "/feeds/all.json"]
    assert _alternates(site / "index.html") == board
    for page in ("stats/index.html", "about/index.html"):
        assert _alternates(site / page) == board, page
    for kind, slug in (("categories", "data"), ("skills", "python")):
        assert _alternates(site / kind / slug / "index.html") == [
            f"/feeds/{kind}/{slug}.atom.xml", f"/feeds/{kind}/{slug}.rss.xml", f"/feeds/{kind}/{slug}.json"]
    assert _alternates(site / "organizations/harvest-share/index.html") == ["/feeds/organizations/harvest-share.atom.xml"]
    posting = (site / "postings/hostile-posting/index.html").read_text(encoding="utf-8")
    category = re.search(r'<p class="kicker"><a href="/categories/([a-z-]+)/">', posting).group(1)
    assert _alternates(site / "postings/hostile-posting/index.html") == [f"/feeds/categories/{category}.atom.xml"]
    for path in (site / "index.html", site / "postings/hostile-posting/index.html"):
        assert '<meta name="color-scheme"' not in path.read_text(encoding="utf-8")  # board.css says it


def test_hostile_posting_is_inert(site):
    page = site / "postings/hostile-posting/index.html"
    text = page.read_text()
    doc = parse(page)
    executable = [s for s in doc.scripts if s.get("type") != "application/ld+json"]
    # only the theme's own, from files under /theme/ (shortlist-head.js, countdown.js, shortlist.js)
    assert executable == [{"src": "/theme/js/shortlist-head.js"}, {"type": "module", "src": "/theme/js/countdown.js"},
                          {"type": "module", "src": "/theme/js/shortlist.js"}]
    assert "<script>" not in text  # no inline script at all
    assert "window.__pwned" not in text
    assert not [a for a in doc.attrs if a[1].startswith("on")]
    hrefs = [d.get("href", "") for tag, d in doc.links]
    assert not [h for h in hrefs if h.lower().startswith(("javascript:", "data:", "//"))]
    assert "https://ok.example.com" in hrefs  # harmless links survive
    assert "&lt;/script&gt;" in text  # the title is shown, escaped


def test_scraped_entry_shows_source_and_links_back(site):
    text = (site / "postings/survey-analysis-sprint-openfields-a1b2c3/index.html").read_text()
    assert "Found on Example Jobs" in text
    assert 'href="https://jobs.example.com/openfields/123"' in text
    assert "application/ld+json" not in text  # its source forbids structured data


def test_site_files(site):
    assert "Sitemap: https://board.example.org/sitemap.xml" in (site / "robots.txt").read_text()
    assert (site / "404.html").exists()
    assert (site / "theme/css/board.css").exists()
    # one stylesheet for every page (Save / Applied / Hide's rules at its end, issue #19)
    assert ".shortlist-button" in (site / "theme/css/board.css").read_text(encoding="utf-8")
    assert not (site / "theme/css/shortlist.css").exists()
    for page in ("postings/hostile-posting/index.html", "organizations/harvest-share/index.html"):
        sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)">', (site / page).read_text(encoding="utf-8"))
        assert sheets == ["/theme/css/board.css"], page
    board = (site / "index.html").read_text()
    assert 'property="og:title"' in board and 'class="skip-link"' in board
    assert "https://fonts." not in board and "cdn" not in board.lower()
