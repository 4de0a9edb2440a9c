"""Programmes on the built board: their pages, the Programmes view, feeds, organization
pages, the kind switch and the empty board, with the shipped programme files.

Real Pelican builds with a pinned "now" (the programmes were read on 2026-12-01).
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from board.catalog import InvalidPostings
from board.entry import parse_datetime
from board.policy import load_policy
from board.programme import parse_programme
from tests.check.test_validity import _Refs, _target
from tests.site.conftest import PUBLIC, ROOT, build_site, sample_content
from tests.site.test_pages import parse

NOW = "2026-12-02T12:00:00Z"
SHIPPED = ROOT / "content" / "programmes"
BETWEEN_COHORTS = "goucher-college-micro-internships"  # its last published cohort started 2026-01-05

HOSTILE_PROGRAMME = """\
Title: Scheme </script><script>alert(1)</script>
Organization: Evil & Co <b>
Summary: A "quoted" summary with <tags> & ampersands </script>
Hours: 10-20
Pay: 20 USD per hour
Pay-Note: <img src=x onerror=alert(1)>
Schedule: cohort
Apply-By: 2027-01-15
Starts: 2027-01-20
Eligibility: <script>window.__pwned = 1</script>
How-To-Apply: Write to "us" & <i>wait</i>
Apply-URL: https://evil.example.com/apply?a=1&b=2
Source-URL: https://evil.example.com/about?x=%3Cy%3E&b=2
Verified: 2026-12-01

Hello <script>window.__pwned = 1</script> [click](javascript:alert(1)) </script><!-- -->
"""


def shipped_slugs() -> list[str]:
    return sorted(p.stem for p in SHIPPED.glob("*.md"))


@pytest.fixture(scope="module")
def psite(tmp_path_factory) -> Path:
    """The sample board plus the shipped programmes and a hostile one."""
    base = tmp_path_factory.mktemp("programmes")
    content = sample_content(base / "content")
    shutil.copytree(SHIPPED, content / "programmes")
    (content / "programmes" / "hostile-programme.md").write_text(HOSTILE_PROGRAMME, encoding="utf-8")
    return build_site(content, base / "output", BOARD_NOW=NOW)


@pytest.fixture(scope="module")
def empty_board(tmp_path_factory) -> Path:
    """The published board as it is today: real content only (no samples, no open posting)."""
    base = tmp_path_factory.mktemp("empty")
    content = base / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("scraped", "samples"))
    return build_site(content, base / "output", BOARD_NOW=NOW, BOARD_SAMPLES=False)


def jsonld(page: Path) -> list[dict]:
    text = page.read_text(encoding="utf-8")
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)]


def open_slugs() -> set[str]:
    now = parse_datetime(NOW)
    policy = load_policy(ROOT / "board.toml")
    entries = [parse_programme(p, policy, now)[0] for p in SHIPPED.glob("*.md")]
    return {e.slug for e in entries if e.is_open(now)}


def test_every_programme_has_a_page_and_the_view_lists_them(psite):
    view = (psite / "programmes/index.html").read_text(encoding="utf-8")
    for slug in shipped_slugs() + ["hostile-programme"]:
        assert (psite / "programmes" / slug / "index.html").exists(), slug
        assert f'href="/programmes/{slug}/"' in view, slug
    open_part, _, closed_part = view.partition('id="between-h"')
    assert BETWEEN_COHORTS not in open_part and BETWEEN_COHORTS in closed_part
    assert len(open_slugs()) >= 7


@pytest.mark.parametrize("slug", shipped_slugs())
def test_programme_pages_carry_no_jobposting_and_say_where_the_facts_come_from(empty_board, slug):
    page = empty_board / "programmes" / slug / "index.html"
    text = page.read_text(encoding="utf-8")
    blocks = jsonld(page)
    assert all(b["@type"] != "JobPosting" for b in blocks)
    source = re.search(r"^Source-URL: (\S+)$", (SHIPPED / f"{slug}.md").read_text(encoding="utf-8"), re.M)[1]
    assert f'href="{source.replace("&", "&amp;")}"' in text
    assert "1 December 2026" in text  # when the source page was read
    if slug in open_slugs():
        [ld] = blocks
        assert ld["@type"] == "EducationalOccupationalProgram"
        assert ld["url"] == f"{PUBLIC}/programmes/{slug}/" and ld["sameAs"] == source
        assert {"name": "robots", "content": "noindex"} not in parse(page).meta
    else:
        assert blocks == []
        assert {"name": "robots", "content": "noindex"} in parse(page).meta
        assert 'class="banner closed"' in text and "Not currently open" in text


def test_hostile_programme_text_stays_inert(psite):
    page = psite / "programmes/hostile-programme/index.html"
    text = page.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in text and "<script>window.__pwned" not in text
    assert "javascript:" not in text and "onerror=alert" not in text.replace("onerror=alert(1)&gt;", "")
    assert "<img" not in text and "<i>wait</i>" not in text
    assert "Scheme &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in text
    [ld] = jsonld(page)  # open until 15 January: its JSON-LD cannot close the script element
    assert ld["name"] == "Scheme </script><script>alert(1)</script>"
    scripts = [s for s in parse(page).scripts if s.get("type") == "application/ld+json"]
    assert len(scripts) == 1


def test_organization_pages_show_their_programmes(psite):
    riipen = (psite / "organizations/riipen/index.html").read_text(encoding="utf-8")
    assert 'id="programmes-h"' in riipen
    assert "/programmes/riipen-labs/" in riipen and "/programmes/riipen-per-scholas-projects/" in riipen
    index = (psite / "organizations/index.html").read_text(encoding="utf-8")
    assert "/organizations/kansas-board-of-regents/" in index
    harvest = (psite / "organizations/harvest-share/index.html").read_text(encoding="utf-8")
    assert 'id="programmes-h"' not in harvest  # an organization with postings only is unchanged


def test_programme_feeds_list_open_programmes_with_their_own_ids(psite):
    atom = ET.parse(psite / "feeds/programmes.atom.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    ids = [el.text for el in atom.findall("a:entry/a:id", ns)]
    expected = open_slugs() | {"hostile-programme"}
    assert sorted(ids) == sorted(f"tag:board.example.org,2026:programmes/{s}" for s in expected)
    rss = ET.parse(psite / "feeds/programmes.rss.xml").getroot()
    guids = rss.findall("channel/item/guid")
    assert len(guids) == len(expected) and all(g.get("isPermaLink") == "false" for g in guids)
    assert all(c.text for c in rss.iter("category"))  # no empty category for programmes without one
    feed = json.loads((psite / "feeds/programmes.json").read_text(encoding="utf-8"))
    assert {i["url"] for i in feed["items"]} == {f"{PUBLIC}/programmes/{s}/" for s in expected}
    assert all(i["_microboard"]["kind"] == "programme" for i in feed["items"])
    assert BETWEEN_COHORTS not in json.dumps(feed)
    finder = (psite / "feeds/index.html").read_text(encoding="utf-8")
    assert "/feeds/programmes.atom.xml" in finder
    assert f"{PUBLIC}/feeds/programmes.atom.xml" in (psite / "feeds.opml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> Path:
    """The same sample board and "now", without programmes."""
    base = tmp_path_factory.mktemp("baseline")
    return build_site(sample_content(base / "content"), base / "output", BOARD_NOW=NOW)


def test_postings_stay_about_postings(psite, baseline):
    """Programmes add pages; the posting board, its feeds and JSON-LD are what they were."""
    for rel in ("feeds/all.atom.xml", "search/entries.json", "stats/index.html", "new/index.html"):
        assert not re.search(r"programmes/[a-z0-9]", (psite / rel).read_text(encoding="utf-8")), rel
    cards = lambda root: re.findall(r'<h3 class="card-title"><a href="/postings/', (root / "index.html").read_text())  # noqa: E731
    assert len(cards(psite)) == len(cards(baseline)) > 0
    for rel in ("feeds/all.atom.xml", "search/entries.json", "sitemap.xml"):
        old = (baseline / rel).read_text(encoding="utf-8")
        new = (psite / rel).read_text(encoding="utf-8")
        if rel == "sitemap.xml":  # only lines added: the programme pages and their organizations
            assert set(old.splitlines()) <= set(new.splitlines())
        else:
            assert new == old, rel
    assert not any("programme" in b["@type"].lower() for p in (psite / "postings").glob("*/index.html")
                   for b in jsonld(p))


def test_sitemap_lists_open_programmes_only(psite):
    sitemap = (psite / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{PUBLIC}/programmes/</loc>" in sitemap
    for slug in open_slugs():
        assert f"<loc>{PUBLIC}/programmes/{slug}/</loc>" in sitemap
    assert BETWEEN_COHORTS not in sitemap
    assert f"<loc>{PUBLIC}/organizations/kansas-board-of-regents/</loc>" in sitemap


def test_board_has_a_kind_switch(psite):
    board = (psite / "index.html").read_text(encoding="utf-8")
    switch = re.search(r'<nav class="kind-switch".*?</nav>', board, re.S)[0]
    assert 'aria-current="page">Projects (' in switch
    assert f'href="/programmes/">Programmes ({len(open_slugs()) + 1})' in switch  # + the hostile one
    assert 'href="/programmes/">Programmes</a>' in board  # and the main navigation


def test_empty_board_points_to_programmes_feeds_and_posting(empty_board):
    board = (empty_board / "index.html").read_text(encoding="utf-8")
    state = re.search(r'<section class="empty-state".*?</section>', board, re.S)[0]
    for slug in sorted(open_slugs())[:6]:
        assert f'href="/programmes/{slug}/"' in state, slug
    assert BETWEEN_COHORTS not in state
    assert 'href="/feeds/all.atom.xml"' in state and 'href="/feeds/"' in state
    assert 'href="/post-a-project/"' in state
    assert "Subscribe to be told" in state
    assert not jsonld(empty_board / "index.html")


@pytest.mark.parametrize("fixture", ["psite", "empty_board"])
def test_no_broken_internal_link_with_programmes(request, fixture):
    root: Path = request.getfixturevalue(fixture)
    broken = []
    for page in root.rglob("*.html"):
        refs = _Refs()
        refs.feed(page.read_text(encoding="utf-8"))
        for ref in refs.refs:
            target = _target(root, page, ref)
            if target is not None and not target.exists():
                broken.append(f"{page.relative_to(root)} -> {ref}")
    assert broken == [], "\n".join(sorted(set(broken))[:30])


def test_published_build_refuses_a_programme_on_an_example_host(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    (content / "programmes").mkdir()
    (content / "programmes" / "hostile-programme.md").write_text(HOSTILE_PROGRAMME, encoding="utf-8")
    with pytest.raises(InvalidPostings) as err:
        build_site(content, tmp_path / "out", BOARD_NOW=NOW, BOARD_SAMPLES=False)
    assert "content/programmes/hostile-programme.md:1: apply-url:" in str(err.value)


@pytest.mark.check
@pytest.mark.parametrize("fixture", ["psite", "empty_board"])
def test_programme_pages_pass_the_nu_html_checker(request, fixture):
    """The shared validity check covers the sample board; this covers programme pages."""
    import subprocess

    from tests.check.test_validity import vnu_jar

    jar = vnu_jar()  # skips when `make check` has not installed it
    root: Path = request.getfixturevalue(fixture)
    targets = [str(p) for p in [root / "index.html", root / "programmes/index.html", *root.glob("programmes/*/index.html"),
                                root / "organizations/riipen/index.html"] if p.exists()]
    run = subprocess.run(["java", "-Xss4m", "-jar", str(jar), "--errors-only", "--format", "json", *targets],
                         capture_output=True, text=True, timeout=600)
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '')}:{m.get('lastLine', '?')}: {m.get('message')}" for m in messages
              if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert errors == [], "\n".join(errors[:30])


def test_cohort_deadlines_are_in_the_programmes_calendar(psite):
    ics = (psite / "calendars/programmes.ics").read_bytes().decode("utf-8")
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert ics.count("BEGIN:VEVENT") == 1  # only the hostile one has a deadline ahead; rolling ones have none
    assert "UID:programme-hostile-programme@board.example.org" in ics
    assert "DTSTART;VALUE=DATE:20270115" in ics and "CATEGORIES" not in ics
    assert f"URL:{PUBLIC}/programmes/hostile-programme/" in ics
    finder = (psite / "feeds/index.html").read_text(encoding="utf-8")
    assert 'href="/calendars/programmes.ics"' in finder
    assert 'href="/calendars/programmes.ics"' in (psite / "programmes/index.html").read_text(encoding="utf-8")


def test_stats_count_open_programmes_apart_from_postings(psite, baseline):
    stat = lambda root, id_: re.search(rf'id="{id_}">(\d+)<', (root / "stats/index.html").read_text())[1]  # noqa: E731
    assert stat(psite, "stat-programmes") == str(len(open_slugs()) + 1) and stat(baseline, "stat-programmes") == "0"
    assert stat(psite, "stat-open") == stat(baseline, "stat-open")


def test_facts_read_long_ago_are_marked_as_possibly_out_of_date(tmp_path, empty_board):
    assert "may be out of date" not in (empty_board / "programmes/riipen-labs/index.html").read_text(encoding="utf-8")
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    shutil.copytree(SHIPPED, content / "programmes")
    out = build_site(content, tmp_path / "out", BOARD_NOW="2027-12-01T00:00:00Z", BOARD_SAMPLES=False)
    page = (out / "programmes/riipen-labs/index.html").read_text(encoding="utf-8")
    assert "last checked 365 days ago and may be out of date" in page


def test_post_a_project_links_to_a_new_programme_file(empty_board):
    from urllib.parse import parse_qs, urlsplit

    page = empty_board / "post-a-project/index.html"
    links = [d["href"] for tag, d in parse(page).links if tag == "a" and "/new/main/content/programmes" in d.get("href", "")]
    [url] = links
    parts = urlsplit(url)
    assert parts.netloc == "github.com" and parts.path == "/microboard/microboard/new/main/content/programmes"
    query = parse_qs(parts.query)
    assert query["filename"] == ["your-programme.md"]
    assert "\nSource-URL:" in query["value"][0] and "Verified: 2026-12-02" in query["value"][0]
