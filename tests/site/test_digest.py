"""The weekly digest (issue #16, item 6): one item per finished ISO week listing that
week's new postings, the same in Atom, RSS and JSON Feed (parsed by feedparser), and the
"Get it by email" box shown only when pelicanconf names an RSS-to-email service."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from urllib.parse import quote

import feedparser
import pytest

from board.catalog import load_catalog
from board.policy import load_policy
from plugins.board_site import stats
from plugins.board_site.digest import finished_weeks
from plugins.board_site.feedset import CAPS

from .conftest import NOW, PUBLIC, ROOT, build_site, sample_content

SERVICE = "https://blogtrottr.example.com/?subscribe={feed}"


@pytest.fixture(scope="module")
def expected(site) -> dict[str, list[str]]:
    """{week key: posting URLs}, worked out here from the arrival dates, not by the plugin."""
    now = datetime.fromisoformat(NOW.replace("Z", "+00:00"))
    monday = now.date() - timedelta(days=now.weekday())
    entries = json.loads((site / "feeds/all.json").read_text())["items"]
    assert entries
    weeks: dict[str, list[str]] = {}
    for item in entries:  # the all-feed lists every open entry with its publication date
        day = date.fromisoformat(item["date_published"][:10])
        start = day - timedelta(days=day.weekday())
        if start < monday:
            y, w, _ = start.isocalendar()
            weeks.setdefault(f"{y}-w{w:02d}", []).append(item["url"])
    return weeks


def test_three_formats_one_item_per_finished_week(site, expected):
    atom = feedparser.parse((site / "feeds/digest.atom.xml").read_bytes())
    rss = feedparser.parse((site / "feeds/digest.rss.xml").read_bytes())
    js = json.loads((site / "feeds/digest.json").read_text())
    assert atom.bozo == 0 and rss.bozo == 0
    assert len(atom.entries) >= 2, "the sample board spans several weeks"
    ids = [e.id for e in atom.entries]
    assert ids == [e.id for e in rss.entries] == [i["id"] for i in js["items"]]
    assert len(set(ids)) == len(ids)
    assert [e.title for e in atom.entries] == [e.title for e in rss.entries] == [i["title"] for i in js["items"]]
    for a, item in zip(atom.entries, js["items"]):
        week = item["_microboard"]["week"]
        assert a.id == f"tag:board.example.org,2026:digest/{week}"
        assert a.link == f"{PUBLIC}/digest/{week}/" == item["url"]
        year, w = week.split("-w")
        assert a.title.startswith(f"Week {int(w)}, {year}: ")
        # every open posting that arrived that week is listed (closed ones may be too)
        assert set(expected.get(week, [])) <= set(item["_microboard"]["postings"])
        for url in item["_microboard"]["postings"]:
            assert f'href="{url}"' in a.summary
        assert "Closes in" not in a.summary and "days" not in a.summary  # dates, not countdowns
        assert a.summary.count("</li>") == len(item["_microboard"]["postings"])
        assert all(("Apply by" in li or "Filled" in li or "Closed" in li or "until filled" in li)
                   for li in a.summary.split("</li>")[:-1])
        monday = date.fromisocalendar(int(year), int(w), 1)
        assert a.published.startswith((monday + timedelta(days=7)).isoformat())
    weeks = [i["_microboard"]["week"] for i in js["items"]]
    assert weeks == sorted(weeks, reverse=True)
    # the feed carries the newest CAPS["digest"] weeks; every finished week keeps its page
    assert len(weeks) <= CAPS["digest"] < len(expected)
    assert set(sorted(expected, reverse=True)[:CAPS["digest"]]) <= set(weeks)
    for week in expected:
        assert (site / "digest" / week / "index.html").is_file(), week


def test_the_current_week_is_not_in_the_digest_yet(site):
    js = json.loads((site / "feeds/digest.json").read_text())
    now = datetime.fromisoformat(NOW.replace("Z", "+00:00"))
    y, w, _ = now.isocalendar()
    assert f"{y}-w{w:02d}" not in [i["_microboard"]["week"] for i in js["items"]]


def test_week_pages_and_the_digest_page(site):
    js = json.loads((site / "feeds/digest.json").read_text())
    first = js["items"][0]
    page = (site / first["url"].removeprefix(PUBLIC + "/") / "index.html").read_text()
    for url in first["_microboard"]["postings"]:
        assert f'href="{url.removeprefix(PUBLIC)}"' in page
    index = (site / "digest/index.html").read_text()
    assert first["title"].split(" (")[0] in index
    assert 'href="/feeds/digest.rss.xml"' in index
    assert "Get it by email" not in index  # no service configured in pelicanconf.py
    assert "Get it by email" not in (site / "feeds/index.html").read_text()
    assert "/feeds/digest.atom.xml" in (site / "feeds.opml").read_text()


def test_finished_weeks_group_by_arrival_monday(tmp_path):
    policy = load_policy(ROOT / "board.toml")
    now = datetime.fromisoformat(NOW.replace("Z", "+00:00"))
    catalog = load_catalog(sample_content(tmp_path / "content"), policy, now, None, True)
    weeks = finished_weeks(catalog.all, now)
    assert weeks
    for w in weeks:
        assert w.monday.weekday() == 0 and w.monday < stats.week_start(now.date())
        assert all(stats.week_start(stats.arrival(e).date()) == w.monday for e in w.entries)


@pytest.fixture(scope="module")
def emailing_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("email-site")
    return build_site(sample_content(base / "content"), base / "output",
                      BOARD_EMAIL_DIGEST_URL=SERVICE, BOARD_EMAIL_DIGEST_SERVICE="Blogtrottr")


def test_email_box_when_a_service_is_configured(emailing_site):
    want = SERVICE.replace("{feed}", quote(PUBLIC + "/feeds/digest.rss.xml", safe="")).replace("&", "&amp;")
    for page in ("feeds/index.html", "digest/index.html"):
        text = (emailing_site / page).read_text()
        assert "Get it by email" in text and f'href="{want}"' in text and "sent by Blogtrottr" in text
