"""JSON Feed 1.1: every feed parses as JSON, meets the spec's fields and matches its Atom twin;
"New this week" and "Closing soon" have their own feeds and pages."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from pathlib import Path

import feedparser
import pytest

from board.catalog import load_catalog
from board.entry import parse_datetime
from board.policy import load_policy

from .conftest import NOW, PUBLIC, ROOT

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


@pytest.fixture(scope="module")
def catalog(site):
    return load_catalog(site.parent / "content", load_policy(ROOT / "board.toml"), parse_datetime(NOW), with_samples=True)


def json_feeds(site: Path) -> list[Path]:
    return sorted((site / "feeds").rglob("*.json"))


def check_spec(data: dict, path: str) -> None:
    """The JSON Feed 1.1 fields: required ones present, types right, dates RFC 3339."""
    now = parse_datetime(NOW)
    assert data["version"] == "https://jsonfeed.org/version/1.1", path
    assert isinstance(data["title"], str) and data["title"], path
    assert data["feed_url"] == f"{PUBLIC}/{path}"
    assert data["home_page_url"].startswith(PUBLIC + "/")
    assert isinstance(data["items"], list)
    for author in data.get("authors", []):
        assert isinstance(author, dict) and author.get("name")
    assert "author" not in data  # 1.0's singular field is deprecated in 1.1
    ids = [item["id"] for item in data["items"]]
    assert len(ids) == len(set(ids)), path
    for item in data["items"]:
        assert isinstance(item["id"], str) and item["id"].startswith("tag:board.example.org,")
        assert item["url"].startswith(f"{PUBLIC}/digest/" if path == "feeds/digest.json" else f"{PUBLIC}/postings/")
        assert isinstance(item.get("content_html") or item.get("content_text"), str)
        for key in ("date_published", "date_modified"):
            assert RFC3339.match(item[key]), (path, key, item[key])
            assert datetime.fromisoformat(item[key].replace("Z", "+00:00")) <= now
        assert item["date_modified"] >= item["date_published"]
        assert all(isinstance(t, str) for t in item["tags"])
        assert all(isinstance(a, dict) and a["name"] for a in item["authors"])
        if "external_url" in item:
            assert item["external_url"].startswith("https://")
        assert all(not k.startswith("_") or k == "_microboard" for k in item)  # extensions start with "_"


def test_every_json_feed_meets_the_spec(site):
    files = json_feeds(site)
    atoms = sorted(p for p in (site / "feeds").rglob("*.atom.xml") if p.parent.name != "organizations")
    assert len(files) == len(atoms) > 20  # a JSON twin for every Atom feed but an organization's (Atom only)
    for path in files:
        rel = path.relative_to(site).as_posix()
        check_spec(json.loads(path.read_text(encoding="utf-8")), rel)
        # (feedparser 6.0 has no JSON Feed parser; json.loads and the spec's fields are the check)


def test_json_items_are_the_atom_items(site):
    for path in json_feeds(site):
        atom = path.with_name(path.name.removesuffix(".json") + ".atom.xml")
        root = ET.parse(atom).getroot()
        atom_ids = [e.findtext(f"{ATOM}id") for e in root.findall(f"{ATOM}entry")]
        data = json.loads(path.read_text(encoding="utf-8"))
        assert [i["id"] for i in data["items"]] == atom_ids, path
        assert data["title"] == root.findtext(f"{ATOM}title")


def test_all_feed_covers_open_entries_with_facts(site, catalog):
    data = json.loads((site / "feeds/all.json").read_text(encoding="utf-8"))
    assert [i["url"] for i in data["items"]] == [f"{PUBLIC}/postings/{e.slug}/" for e in catalog.open]
    by_url = {f"{PUBLIC}/postings/{e.slug}/": e for e in catalog.open}
    for item in data["items"]:
        e = by_url[item["url"]]
        ext = item["_microboard"]
        assert ext["hours"] == {"min": e.hours.min, "max": e.hours.max}
        assert ext["pay"]["currency"] == e.compensation.currency
        assert parse_datetime(ext["apply_by"]) == e.apply_by
        assert e.summary in item["summary"]


def test_autodiscovery_and_feed_page(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/feed+json" title="All open micro-internships (JSON Feed)" href="/feeds/all.json">' in home
    assert home.count('href="/feeds/all.json"') == 1
    cat = (site / "categories/data/index.html").read_text(encoding="utf-8")
    assert 'type="application/feed+json"' in cat and 'href="/feeds/categories/data.json"' in cat
    finder = (site / "feeds/index.html").read_text(encoding="utf-8")
    finder += (site / "feeds/organizations/index.html").read_text(encoding="utf-8")  # the finder's A-to-Z page
    for path in json_feeds(site):
        assert f'href="/{path.relative_to(site).as_posix()}"' in finder
    opml = ET.parse(site / "feeds.opml").getroot()
    urls = [o.get("xmlUrl") for o in opml.iter("outline")]
    assert f"{PUBLIC}/feeds/new.atom.xml" in urls and f"{PUBLIC}/feeds/closing-soon.atom.xml" in urls
    assert not [u for u in urls if u.endswith(".ics")]


def _listed(site: Path, page: str) -> list[str]:
    html = (site / page).read_text(encoding="utf-8")
    return re.findall(r'<article class="card" data-slug="([^"]+)"', html)


def test_new_this_week(site, catalog):
    since = catalog.now - timedelta(days=7)
    arrived = lambda e: e.first_seen or e.posted  # noqa: E731
    want = sorted((e for e in catalog.open if arrived(e) >= since), key=lambda e: (arrived(e), e.slug), reverse=True)
    assert want and len(want) < len(catalog.open)
    assert _listed(site, "new/index.html") == [e.slug for e in want]
    data = json.loads((site / "feeds/new.json").read_text(encoding="utf-8"))
    assert [i["url"] for i in data["items"]] == [f"{PUBLIC}/postings/{e.slug}/" for e in want]
    assert feedparser.parse((site / "feeds/new.atom.xml").read_bytes()).bozo == 0


def test_closing_soon(site, catalog):
    want = sorted((e for e in catalog.open if e.apply_by and (e.apply_by.date() - catalog.now.date()).days <= 7),
                  key=lambda e: e.apply_by)
    assert want
    assert _listed(site, "closing-soon/index.html") == [e.slug for e in want]
    rss = feedparser.parse((site / "feeds/closing-soon.rss.xml").read_bytes())
    assert rss.bozo == 0 and [x.link for x in rss.entries] == [f"{PUBLIC}/postings/{e.slug}/" for e in want]
    page = (site / "closing-soon/index.html").read_text(encoding="utf-8")
    for ext in ("atom.xml", "rss.xml", "json"):
        assert f'href="/feeds/closing-soon.{ext}"' in page
    nav = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="/new/"' in nav and 'href="/closing-soon/"' in nav and 'href="/stats/"' in nav
