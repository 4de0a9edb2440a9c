"""Every feed parses cleanly with feedparser and meets the RSS 2.0 / Atom rules."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser

from .conftest import NOW, PUBLIC

ATOM = "{http://www.w3.org/2005/Atom}"


def feed_files(site: Path) -> list[Path]:
    return sorted((site / "feeds").rglob("*.xml"))


def test_every_feed_parses_without_bozo(site):
    files = feed_files(site)
    assert len(files) > 20
    for path in files:
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, f"{path}: {parsed.get('bozo_exception')}"
        assert parsed.feed.title


def test_atom_rules(site):
    now = datetime.fromisoformat(NOW.replace("Z", "+00:00"))
    paths = sorted((site / "feeds").rglob("*.atom.xml"))
    assert len(paths) > 10
    checked = 0
    for path in paths:
        root = ET.parse(path).getroot()
        assert len(root.findall(f"{ATOM}id")) == 1 and len(root.findall(f"{ATOM}updated")) == 1
        self_links = [l for l in root.findall(f"{ATOM}link") if l.get("rel") == "self"]
        assert self_links[0].get("href") == f"{PUBLIC}/{path.relative_to(site).as_posix()}"
        assert root.find(f"{ATOM}author") is not None
        ids = [e.findtext(f"{ATOM}id") for e in root.findall(f"{ATOM}entry")]
        assert len(ids) == len(set(ids))
        for entry in root.findall(f"{ATOM}entry"):
            checked += 1
            assert entry.findtext(f"{ATOM}id").startswith("tag:board.example.org,")
            link = entry.find(f"{ATOM}link").get("href")
            digest = path.name.startswith("digest.")  # the weekly digest links to its week pages
            assert link.startswith(PUBLIC + ("/digest/" if digest else "/postings/"))
            updated = datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
            assert updated.tzinfo is not None and updated <= now
    assert checked > 10  # entries were checked, not only empty feeds


def test_rss_rules(site):
    now = datetime.fromisoformat(NOW.replace("Z", "+00:00"))
    paths = sorted((site / "feeds").rglob("*.rss.xml"))
    assert len(paths) > 10
    items = 0
    for path in paths:
        channel = ET.parse(path).getroot().find("channel")
        for tag in ("title", "link", "description"):
            assert channel.findtext(tag) is not None
        assert channel.find(f"{ATOM}link").get("rel") == "self"
        guids = []
        for item in channel.findall("item"):
            items += 1
            guid = item.find("guid")
            assert guid.get("isPermaLink") == "false"
            guids.append(guid.text)
            pub = parsedate_to_datetime(item.findtext("pubDate"))
            assert pub <= now and pub.year > 1990
            assert "<script" not in (item.findtext("description") or "")
        assert len(guids) == len(set(guids))
    assert items > 10  # items were checked, not only empty channels


def test_all_feed_has_open_postings_only(site):
    parsed = feedparser.parse((site / "feeds/all.atom.xml").read_bytes())
    links = {e.link for e in parsed.entries}
    assert f"{PUBLIC}/postings/hostile-posting/" in links
    assert f"{PUBLIC}/postings/expired-posting/" not in links
    hostile = next(e for e in parsed.entries if e.link.endswith("/hostile-posting/"))
    assert "</script>" in hostile.title  # text survives as text, escaped in XML


def test_ids_are_stable_across_feeds(site):
    def ids(p):
        return {e.link: e.id for e in feedparser.parse(p.read_bytes()).entries}
    all_ids = ids(site / "feeds/all.atom.xml")
    software = ids(site / "feeds/categories/software.atom.xml")
    assert software
    for link, id_ in software.items():
        assert all_ids[link] == id_


def test_opml_lists_every_atom_feed(site):
    root = ET.parse(site / "feeds.opml").getroot()
    urls = {o.get("xmlUrl") for o in root.iter("outline")}
    expected = {f"{PUBLIC}/{p.relative_to(site).as_posix()}" for p in (site / "feeds").rglob("*.atom.xml")}
    assert urls == expected


def test_item_bodies_are_cdata_and_read_as_the_json_feeds_html(site):
    """Issue #19: an item's HTML body is one CDATA section, not escaped markup; XML parsers
    and feedparser read the same string JSON Feed carries as content_html."""
    import json
    html_of = {i["url"]: i["content_html"] for i in json.loads((site / "feeds/all.json").read_text("utf-8"))["items"]}
    atom = (site / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert '<summary type="html"><![CDATA[<p>' in atom and "&lt;p&gt;" not in atom
    for entry in ET.fromstring(atom.encode()).iter(f"{ATOM}entry"):
        link = entry.find(f"{ATOM}link").get("href")
        assert entry.findtext(f"{ATOM}summary") == html_of[link]
    rss = ET.parse(site / "feeds/all.rss.xml").getroot()
    bodies = {i.findtext("link"): i.findtext("description") for i in rss.iter("item")}
    assert bodies and all(bodies[url] == body for url, body in html_of.items() if url in bodies)
    for e in feedparser.parse(atom.encode()).entries:
        assert e.summary == html_of[e.link]


def test_cdata_body_splits_a_closing_marker_and_leaves_plain_text():
    from plugins.board_site.feeds import cdata_body

    item = "<entry><title>a</title><summary type=\"html\">&lt;p&gt;x ]]&gt; y &amp;amp;&lt;/p&gt;</summary></entry>"
    out = cdata_body(item, "summary")
    assert out == '<entry><title>a</title><summary type="html"><![CDATA[<p>x ]]]]><![CDATA[> y &amp;</p>]]></summary></entry>'
    body = ET.fromstring(out).findtext("summary")
    assert body == "<p>x ]]> y &amp;</p>"  # what the escaped form meant
    assert ET.fromstring(item).findtext("summary") == body
    plain = "<item><description>no markup</description></item>"
    assert cdata_body(plain, "description") == plain
    assert cdata_body("<item><title>t</title></item>", "description") == "<item><title>t</title></item>"
