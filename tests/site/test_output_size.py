"""What keeps the output small (issue #19 item 3), in a real build: every feed carries only
its newest items (its kind's cap), items carry the summary, the facts and the link but not
the full description, an organization's feed is written in Atom only, every page, the
finder and the OPML link only feed files that exist, and a digest week and a category's,
skill's or organization's pages list one line per posting, not cards."""

from __future__ import annotations

import html as h
import json
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

import feedparser
import pytest

from plugins.board_site.feedset import CAPS, KIND_FORMATS

from .conftest import PUBLIC, ROOT, build_site

N = 60  # more than the organization and skill caps (20) and the category cap (50)
ALL_CAP = 30  # BOARD_FEED_LIMIT of this build: everything, New this week, Closing soon
BODY_MARKER = "Only-on-the-posting-page sentence"
ROWS = 25  # BOARD_ROWS_PER_PAGE of this build: 60 postings of Python are three pages

POSTING = """\
Title: Project number {i:02d}
Organization: {org}
Summary: Summary of project {i:02d}, a short remote project for a student.{tail}
Category: data
Skills: Python{extra}
Hours: 10-12
Pay: 400 USD total
Apply-URL: https://jobs.example.com/p{i:02d}
Apply-By: 2027-0{month}-15
Posted: {posted}

{marker} number {i:02d}. The project is 100% remote.

- a list item
- another one
"""


#: Makes project 00's summary 266 characters: longer than an og:description may be (200).
LONG_TAIL = (" You will clean up a volunteer rota, write the onboarding guide that goes with it, and"
             " test both with three volunteers before the hand-over call at the end.")


def _posted(i: int) -> date:
    return date(2026, 9, 1) + timedelta(days=i)  # project i is newer than project i-1


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """N postings, all with one skill and one category; 40 from one organization."""
    base = tmp_path_factory.mktemp("size")
    content = base / "content"
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    (content / "postings").mkdir()
    for i in range(N):
        org = "Busy Org" if i < 40 else f"Other Org {i % 3}"
        text = POSTING.format(i=i, org=org, tail=LONG_TAIL if i == 0 else "", extra=", SQL" if i % 2 else "", month=3 + i % 5,
                              posted=_posted(i).isoformat(), marker=BODY_MARKER)
        (content / "postings" / f"project-{i:02d}.md").write_text(text, encoding="utf-8")
    return build_site(content, base / "output", BOARD_FEED_LIMIT=ALL_CAP, BOARD_PER_PAGE=3, BOARD_ROWS_PER_PAGE=ROWS)


def _newest(n: int, keep=lambda i: True) -> list[str]:
    """Links of the ``n`` newest postings among those ``keep`` accepts, newest first."""
    return [f"{PUBLIC}/postings/project-{i:02d}/" for i in sorted(filter(keep, range(N)), reverse=True)][:n]


@pytest.mark.parametrize("feed,cap,keep", [
    ("all", ALL_CAP, lambda i: True),
    ("categories/data", CAPS["categories"], lambda i: True),
    ("skills/python", CAPS["skills"], lambda i: True),
    ("skills/sql", CAPS["skills"], lambda i: i % 2 == 1),  # 30 postings, also over the cap
    ("organizations/other-org-1", CAPS["organizations"], lambda i: i >= 40 and i % 3 == 1),  # 7: under it, all
    ("organizations/busy-org", CAPS["organizations"], lambda i: i < 40),
])
def test_each_feed_holds_its_newest_items_up_to_its_cap(big, feed, cap, keep):
    want = _newest(cap, keep)
    assert len(want) == min(cap, sum(1 for i in range(N) if keep(i)))
    for path in sorted((big / "feeds").glob(f"{feed}.*")):
        if path.suffix == ".json":
            links = [i["url"] for i in json.loads(path.read_text(encoding="utf-8"))["items"]]
        else:
            parsed = feedparser.parse(path.read_bytes())
            assert parsed.bozo == 0, path
            links = [e.link for e in parsed.entries]
        assert links == want, path


def test_items_carry_summary_facts_and_link_not_the_full_description(big):
    page = (big / "postings/project-59/index.html").read_text(encoding="utf-8")
    assert BODY_MARKER in page  # the description is on the posting's page
    feeds = sorted(p for p in (big / "feeds").rglob("*") if p.suffix in (".xml", ".json"))
    assert len(feeds) > 10
    for path in feeds:
        assert BODY_MARKER not in path.read_text(encoding="utf-8"), path
    atom = ET.parse(big / "feeds/all.atom.xml").getroot()
    assert not atom.findall(".//{http://www.w3.org/2005/Atom}content")
    entry = feedparser.parse((big / "feeds/all.atom.xml").read_bytes()).entries[0]
    assert entry.link == f"{PUBLIC}/postings/project-59/" and entry.title.startswith("Project number 59")
    for fact in ("Summary of project 59", "Pay: 400 USD total", "Hours: 10–12 hours total", "Apply by 15 July 2027"):
        assert fact in entry.summary, fact
    item = json.loads((big / "feeds/all.json").read_text(encoding="utf-8"))["items"][0]
    assert item["content_html"] == entry.summary  # the same body in every format
    assert item["_microboard"]["apply_by"].startswith("2027-07-15")


def test_organization_feeds_are_atom_only_and_others_have_all_three_formats(big):
    assert KIND_FORMATS["organizations"] == ("atom",)
    folder = big / "feeds/organizations"
    assert (folder / "index.html").is_file()  # the A-Z page of organization feeds lives beside them
    orgs = sorted(p for p in folder.iterdir() if p.name != "index.html")
    assert orgs and all(p.name.endswith(".atom.xml") for p in orgs), orgs
    assert len(orgs) == len(list((big / "organizations").glob("*/index.html")))  # one per organization
    for kind, slug in (("skills", "python"), ("categories", "data")):
        for ext in ("atom.xml", "rss.xml", "json"):
            assert (big / "feeds" / kind / f"{slug}.{ext}").is_file()


def _feed_hrefs(html: str) -> set[str]:
    return set(re.findall(r'href="(/feeds/[^"]+\.(?:xml|json))"', html))


def test_pages_finder_and_opml_link_only_feeds_that_exist(big):
    pages = [big / "index.html", big / "feeds/index.html", big / "organizations/busy-org/index.html",
             big / "skills/python/index.html", big / "postings/project-00/index.html"]
    seen = set()
    for page in pages:
        hrefs = _feed_hrefs(page.read_text(encoding="utf-8"))
        assert hrefs, page
        for href in hrefs:
            assert (big / href.lstrip("/")).is_file(), (page, href)
        seen |= hrefs
    org_page = (big / "organizations/busy-org/index.html").read_text(encoding="utf-8")
    assert 'href="/feeds/organizations/busy-org.atom.xml"' in org_page
    finder = _feed_hrefs((big / "feeds/index.html").read_text(encoding="utf-8"))
    a_to_z = _feed_hrefs((big / "feeds/organizations/index.html").read_text(encoding="utf-8"))
    written = {"/" + p.relative_to(big).as_posix() for p in (big / "feeds").rglob("*") if p.suffix in (".xml", ".json")}
    # the finder and its A-Z page of organizations list every feed written, and nothing else
    assert finder | a_to_z == written
    assert {h for h in written if h.startswith("/feeds/organizations/")} <= a_to_z
    opml = {o.get("xmlUrl") for o in ET.parse(big / "feeds.opml").getroot().iter("outline")}
    assert opml == {PUBLIC + p for p in written if p.endswith(".atom.xml")}


def test_a_digest_week_is_one_page_of_one_line_per_posting(big):
    week = json.loads((big / "feeds/digest.json").read_text(encoding="utf-8"))["items"][0]
    folder = big / week["url"].removeprefix(PUBLIC + "/")
    urls = week["_microboard"]["postings"]
    assert len(urls) > 3  # more than BOARD_PER_PAGE of this build
    assert not (folder / "page").exists()  # one page
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert 'class="card"' not in html
    rows = re.findall(r"<li><a href=\"(/postings/[^\"]+)\">([^<]+)</a> · ([^<]+)<time datetime=\"([^\"]+)\"", html)
    assert [PUBLIC + href for href, *_ in rows] == urls  # every posting of the week, in the item's order
    for _, title, facts, deadline in rows:
        assert title.startswith("Project number ")
        assert facts.startswith("Busy Org · ") or facts.startswith("Other Org ")
        assert "400 USD total · 10–12 h total · " in facts and deadline.endswith("T23:59:59Z")


ROW = re.compile(r'<li><a href="(/postings/[^"]+/)">([^<]+)</a> · ([^<]+) · ([^<]+) · ([^<]+) · '
                 r'<time datetime="([^"]+)" data-countdown>Closes ([^<]+)</time></li>')


@pytest.mark.parametrize("folder,keep", [
    ("skills/python", lambda i: True),
    ("skills/sql", lambda i: i % 2 == 1),
    ("organizations/busy-org", lambda i: i < 40),
    ("categories/data", lambda i: True),
])
def test_taxonomy_pages_list_one_row_per_posting_by_rows_per_page(big, folder, keep):
    """A category's, skill's or organization's pages: one line per posting (title, organization,
    pay in its own currency, total hours, deadline date), BOARD_ROWS_PER_PAGE to a page, no
    cards, no Save slots, no currency picker or rate table; pages 2+ say so in <title> and <h1>."""
    want = _newest(N, keep)
    pages = -(-len(want) // ROWS)
    seen = []
    for n in range(1, pages + 1):
        path = big / folder / ("index.html" if n == 1 else f"page/{n}/index.html")
        html = path.read_text(encoding="utf-8")
        rows = ROW.findall(html)
        assert len(rows) == min(ROWS, len(want) - (n - 1) * ROWS) == html.count("<li><a href=\"/postings/"), path
        for href, title, org, pay, hours, deadline, date in rows:
            i = int(href.rsplit("-", 1)[1].rstrip("/"))
            assert title == f"Project number {i:02d}" and (org == "Busy Org") == (i < 40), (title, org)
            assert (pay, hours) == ("400 USD total", "10–12 h total")
            assert deadline == f"2027-0{3 + i % 5}-15T23:59:59Z"
            assert date == f"15 {('March', 'April', 'May', 'June', 'July')[i % 5]} 2027"  # the date, without JS
        seen += [PUBLIC + href for href, *_ in rows]
        # (a posting the student hid stays hidden by its link's path; no Save slot, no data-slug)
        for absent in ('class="card"', "data-slug", 'id="f-in"', 'id="board-fx"', "fx.js", "shortlist-slot"):
            assert absent not in html, (path, absent)
        title = re.search(r"<title>([^<]+)</title>", html).group(1)
        h1 = re.search(r"<h1>([^<]+)</h1>", html).group(1)
        assert ("page %d" % n in title and h1.endswith(f", page {n}")) if n > 1 else "page" not in title + h1
        assert ('rel="next"' in html) == (n < pages) and ('rel="prev"' in html) == (n > 1)
    assert seen == want  # every open posting once, newest first, as on the board
    assert not (big / folder / f"page/{pages + 1}").exists()


def _meta(html: str) -> dict[str, str]:
    return dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', html))


def test_open_graph_carries_a_short_description_and_no_duplicates(big):
    """Issue #19: og:description is cut at a word to 200 characters (the page's meta
    description keeps the whole summary); no og:image:* extras, no twitter:* copies of og:*."""
    long = _meta((big / "postings/project-00/index.html").read_text(encoding="utf-8"))
    summary = h.unescape(long["description"])
    assert len(summary) > 200 and summary.endswith("at the end.")
    og = h.unescape(long["og:description"])
    assert len(og) <= 200 and og.endswith("…")
    assert summary.startswith(og[:-1]) and summary[len(og) - 1] == " "  # cut before a space: at a word
    short = _meta((big / "postings/project-01/index.html").read_text(encoding="utf-8"))
    assert short["og:description"] == short["description"]  # a short summary is whole
    for page in ("postings/project-00/index.html", "index.html", "skills/python/index.html"):
        names = _meta((big / page).read_text(encoding="utf-8"))
        assert {"og:title", "og:description", "og:url", "og:type", "og:site_name", "og:image"} <= set(names), page
        assert not [n for n in names if n.startswith(("og:image:", "twitter:"))], page
