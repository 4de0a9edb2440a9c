"""Issue 16's small things, in real builds: numbers, page titles, og:image, favicon, the
menu's current page, empty views that suggest something, a mailto: Apply with a subject,
and feed and calendar items that carry the deadline date rather than a countdown."""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import xml.etree.ElementTree as ET

import feedparser
import pytest

from plugins.board_site import present

from .conftest import PUBLIC, ROOT, build_site

POSTING = """\
Title: {title}
Organization: {org}
Summary: A short project for a student, fully remote and paid on completion.
Category: {category}
Skills: {skill}
Hours: 10-12
Pay: 400 USD total
{apply}
Apply-By: {apply_by}
Posted: 2026-10-01

A small remote project. Paid on completion.
"""


def _posting(content: Path, slug: str, **kw) -> None:
    kw.setdefault("apply", f"Apply-URL: https://jobs.example.com/{slug}")
    (content / "postings" / f"{slug}.md").write_text(POSTING.format(**kw), encoding="utf-8")


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    """Three open postings (one page each), none new or closing soon, and one expired."""
    base = tmp_path_factory.mktemp("small")
    content = base / "content"
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    (content / "postings").mkdir()
    for i in range(3):
        _posting(content, f"open-{i}", title=f"Open project {i}", org="Open Org", category="software",
                 skill="Python", apply_by="2027-05-15")
    _posting(content, "mail-apply", title="Mail & apply project", org="Mail Org", category="software",
             skill="Python", apply_by="2027-03-15", apply="Apply-Email: jobs@mail.example.org")
    _posting(content, "expired", title="Expired project", org="Gone Org", category="design",
             skill="Figma", apply_by="2026-11-01")
    return build_site(content, base / "output", BOARD_PER_PAGE=1, BOARD_ROWS_PER_PAGE=1)


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.title, self.meta, self.links, self.current, self._in_title = "", {}, [], [], False
        self._in_menu = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and a.get("property"):
            self.meta[a["property"]] = a.get("content")
        elif tag == "link":
            self.links.append(a)
        elif tag == "nav" and a.get("aria-label") == "Main":
            self._in_menu = True
        elif tag == "a" and self._in_menu and a.get("aria-current") == "page":
            self.current.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "nav":
            self._in_menu = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def head(path: Path) -> _Head:
    p = _Head()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_page_two_and_later_have_their_own_title(small):
    first = head(small / "index.html").title
    second = head(small / "page/2/index.html").title
    assert second != first and "page 2" in second
    assert "page 3" in head(small / "page/3/index.html").title
    cat = head(small / "categories/software/page/2/index.html").title
    assert cat.startswith("Software") and "· page 2" in cat, cat
    assert "page" not in head(small / "categories/software/index.html").title


def test_og_image_and_favicon(small):
    for page in ("index.html", "postings/open-1/index.html", "stats/index.html", "about/index.html"):
        h = head(small / page)
        image = h.meta.get("og:image")
        assert image and image.startswith(PUBLIC + "/"), (page, image)
        assert (small / image[len(PUBLIC) + 1:]).is_file()
        icons = [l for l in h.links if l.get("rel") == "icon"]
        assert icons, page
        assert (small / icons[0]["href"].lstrip("/")).is_file()
        assert icons[0]["href"].endswith(".svg") and icons[0].get("type") == "image/svg+xml"


def test_menu_marks_the_current_page(small):
    assert head(small / "index.html").current == ["/"]
    assert head(small / "page/2/index.html").current == ["/"]
    assert head(small / "stats/index.html").current == ["/stats/"]
    assert head(small / "feeds/index.html").current == ["/feeds/"]
    assert head(small / "categories/index.html").current == ["/categories/"]
    assert head(small / "post-a-project/index.html").current == ["/post-a-project/"]
    assert head(small / "postings/open-1/index.html").current == []  # no menu item is this page


@pytest.mark.parametrize("page", ["new/index.html", "closing-soon/index.html", "categories/design/index.html",
                                  "skills/figma/index.html", "organizations/gone-org/index.html"])
def test_empty_views_suggest_something(small, page):
    html = (small / page).read_text(encoding="utf-8")
    assert "<ol class=\"cards\">" not in html  # really empty
    section = html[html.index('class="empty-state"'):]
    for href in ('href="/"', 'href="/feeds/"', 'href="/programmes/"', 'href="/post-a-project/"'):
        assert href in section, (page, href)
    assert 'href="/new/"' in section or page.startswith("new/")
    assert 'href="/closing-soon/"' in section or page.startswith("closing-soon/")


def test_mailto_apply_has_a_subject_and_shows_the_address(small):
    html = (small / "postings/mail-apply/index.html").read_text(encoding="utf-8")
    href = re.search(r'<a class="button" href="([^"]+)"', html).group(1)
    parts = urlsplit(href.replace("&amp;", "&"))
    assert parts.scheme == "mailto" and parts.path == "jobs@mail.example.org"
    assert parse_qs(parts.query)["subject"] == ["Application: Mail & apply project"]
    box = html[html.index('class="apply-box"'):html.index("At a glance")]
    assert re.search(r">\s*jobs@mail\.example\.org\s*<", box), "the address is shown as text"


def test_counts_have_thousands_separators():
    assert present.number(1838) == "1,838"
    assert present.number(12) == "12"
    assert present.money(1200, "USD") == "1,200 USD"
    idx = present.search_index([], datetime(2026, 11, 26, tzinfo=timezone.utc), {})
    assert json.loads(idx["search/entries.json"])["formats"]["numbers"]["group"] == ","  # what board.js formats with


def test_big_counts_are_grouped_on_the_pages(tmp_path):
    """1,000+ open postings: the board, its category page and the stats tiles say "1,0xx"."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    (content / "postings").mkdir()
    for i in range(1002):
        _posting(content, f"p-{i}", title=f"Project number {i}", org=f"Org {i % 3}", category="software",
                 skill="Python", apply_by="2027-05-15")
    out = build_site(content, tmp_path / "output", BOARD_PER_PAGE=500)
    board = (out / "index.html").read_text(encoding="utf-8")
    assert "1,002 open project" in board and "1002" not in board
    assert "1,002 open posting" in (out / "categories/software/index.html").read_text(encoding="utf-8")
    stats = (out / "stats/index.html").read_text(encoding="utf-8")
    assert re.search(r'id="stat-open">1,002<', stats)
    assert "(1,002 open)" in (out / "categories/index.html").read_text(encoding="utf-8")


COUNTDOWN = re.compile(r"Closes (in \d+ days|today|tomorrow)")


def test_feed_items_carry_the_deadline_date_not_a_countdown(small):
    for name in ("all.atom.xml", "all.rss.xml"):
        parsed = feedparser.parse((small / "feeds" / name).read_bytes())
        assert parsed.bozo == 0
        texts = [e.summary for e in parsed.entries]
        assert texts and not any(COUNTDOWN.search(t) for t in texts), name
        assert any("Apply by 15 May 2027" in t for t in texts), name
        assert any("Apply by 15 March 2027" in t for t in texts), name
    feed = json.loads((small / "feeds/all.json").read_text(encoding="utf-8"))
    html = [i["content_html"] for i in feed["items"]]
    assert not any(COUNTDOWN.search(t) for t in html)
    assert any("Apply by 15 March 2027" in t for t in html)


def test_calendar_descriptions_carry_the_deadline_date(small):
    ics = (small / "calendars/all.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    descriptions = [l for l in ics.splitlines() if l.startswith("DESCRIPTION:") and "Organization" in l]
    assert descriptions and not any(COUNTDOWN.search(d) or "days" in d for d in descriptions)
    assert any("Apply by 15 March 2027" in d for d in descriptions)


def test_atom_and_rss_name_the_xslt_stylesheet_and_still_parse(small):
    xsl = small / "theme" / "feed.xsl"
    assert xsl.is_file()
    ET.parse(xsl)  # well-formed
    for path in [*(small / "feeds").rglob("*.atom.xml"), *(small / "feeds").rglob("*.rss.xml")]:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("<?xml")
        assert '<?xml-stylesheet type="text/xsl" href="/theme/feed.xsl"?>' in text.split("\n", 2)[1], path
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0 and parsed.feed.title, path
