"""Stats page: every chart's numbers (SVG bars and data table) match the entries they
summarize, recomputed here from the catalog without the plugin's stats module; charts
carry text alternatives; colours keep contrast; organization pages show open-days."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from html import unescape
from html.parser import HTMLParser

import pytest

from board import vocabulary as vocab
from board.catalog import load_catalog
from board.entry import parse_datetime
from board.policy import load_policy
from plugins.board_site import stats

from .conftest import NOW, ROOT


@pytest.fixture(scope="module")
def policy():
    return load_policy(ROOT / "board.toml")


@pytest.fixture(scope="module")
def catalog(site, policy):
    return load_catalog(site.parent / "content", policy, parse_datetime(NOW), with_samples=True)


class ChartReader(HTMLParser):
    """Collects, per chart id, the SVG bars (data-label, data-value) and the table rows."""

    def __init__(self):
        super().__init__()
        self.svgs: dict[str, dict] = {}
        self.bars: dict[str, list[tuple[str, int]]] = {}
        self.tables: dict[str, list[list[str]]] = {}
        self.ids: dict[str, str] = {}  # element id -> tag
        self._svg = self._table = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._in_foot = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids[a["id"]] = tag
        if tag == "svg":
            self._svg = a.get("data-chart")
            self.svgs[self._svg] = a
            self.bars[self._svg] = []
        elif tag == "g" and self._svg and "data-value" in a:
            self.bars[self._svg].append((a["data-label"], int(a["data-value"])))
        elif tag == "table":
            self._table = a.get("data-chart") or a.get("data-table")
            self.tables[self._table] = []
        elif tag == "tfoot":
            self._in_foot = True
        elif tag == "tr" and self._table and not self._in_foot:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "svg":
            self._svg = None
        elif tag == "table":
            self._table = None
        elif tag == "tfoot":
            self._in_foot = False
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._row and self._table:
                self.tables[self._table].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def page(site):
    reader = ChartReader()
    reader.feed((site / "stats/index.html").read_text(encoding="utf-8"))
    return reader


def check_chart(page, chart_id: str, want: list[tuple[str, int]]) -> None:
    assert page.bars[chart_id] == want, chart_id
    rows = page.tables[chart_id][1:]  # after the header row
    assert [(label, int(value)) for label, value in rows] == want, chart_id


# ---- expected numbers, computed here -----------------------------------------------


def test_open_postings_by_category(page, catalog):
    counts = Counter(e.category for e in catalog.open)
    want = [(label, counts.get(slug, 0)) for slug, label in vocab.CATEGORIES.items()]
    assert sum(n for _, n in want) == len(catalog.open) > 0
    check_chart(page, "chart-categories", want)


def test_pay_relative_to_floor(page, catalog, policy):
    edges = [1.25, 1.5, 2.0, 3.0]
    counts = [0] * 5
    for e in catalog.open:
        c = e.compensation
        hours_max = e.hours.max
        worst = c.min if c.unit == "hour" else c.min / hours_max  # lowest fee over most hours
        ratio = worst / policy.pay_floors[c.currency]
        counts[sum(ratio >= x for x in edges)] += 1
    labels = ["up to 1.25×", "1.25–1.5×", "1.5–2×", "2–3×", "3× or more"]
    check_chart(page, "chart-pay", list(zip(labels, counts)))
    # per-currency table: the actual hourly numbers, never converted
    table = {row[0]: row for row in page.tables["pay-by-currency"][1:]}
    by_cur: dict[str, list[float]] = {}
    for e in catalog.open:
        c = e.compensation
        by_cur.setdefault(c.currency, []).append(c.min if c.unit == "hour" else c.min / e.hours.max)
    assert set(table) == set(by_cur)
    for cur, values in by_cur.items():
        row = table[cur]
        assert int(row[1]) == len(values)
        for cell, value in zip(row[2:5], (min(values), statistics.median(values), max(values))):
            assert float(cell.split()[0].replace(",", "")) == pytest.approx(value, abs=0.01), (cur, cell)
            assert cell.endswith(f"{cur}/h")


def test_hours_distribution(page, catalog):
    buckets = [(5, 10), (11, 15), (16, 20), (21, 25), (26, 30), (31, 35), (36, 40)]
    want = [(f"{lo}–{hi} h", sum(lo <= e.hours.max <= hi for e in catalog.open)) for lo, hi in buckets]
    assert sum(n for _, n in want) == len(catalog.open)
    check_chart(page, "chart-hours", want)


def test_postings_per_week(page, catalog):
    arrivals = [(e.first_seen or e.posted).date() for e in catalog.all]
    mondays = Counter(d - timedelta(days=d.weekday()) for d in arrivals)
    last = catalog.now.date() - timedelta(days=catalog.now.weekday())
    first = max(min(mondays), last - timedelta(weeks=25))  # the chart shows at most 26 weeks
    want = []
    w = first
    while w <= last:
        want.append((f"{w.day} {w:%b}", mondays.get(w, 0)))
        w += timedelta(days=7)
    assert sum(n for _, n in want) == sum(first <= w <= last for w in mondays.elements()) > 0
    check_chart(page, "chart-weeks", want)


def test_headline_numbers(site, catalog):
    html = (site / "stats/index.html").read_text(encoding="utf-8")
    tile = lambda key: re.search(rf'<dd id="stat-{key}">([^<]+)</dd>', html).group(1)  # noqa: E731
    assert int(tile("open")) == len(catalog.open)
    assert int(tile("orgs")) == len({e.organization.name for e in catalog.open})
    since = catalog.now - timedelta(days=7)
    assert int(tile("new")) == sum((e.first_seen or e.posted) >= since for e in catalog.open)
    assert int(tile("closing")) == sum(
        e.apply_by is not None and (e.apply_by.date() - catalog.now.date()).days <= 7 for e in catalog.open)


# ---- accessibility -----------------------------------------------------------------


def test_charts_have_text_alternatives(site, page):
    html = (site / "stats/index.html").read_text(encoding="utf-8")
    assert len(page.svgs) == 4
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]  # readable without JS
    assert "cdn" not in html.lower()
    for chart_id, attrs in page.svgs.items():
        assert attrs["role"] == "img"
        title_id, desc_id = attrs["aria-labelledby"].split()
        assert page.ids[title_id] == "title" and page.ids[desc_id] == "desc"
        desc = re.search(rf'<desc id="{desc_id}">([^<]+)</desc>', html).group(1)
        for label, value in page.bars[chart_id]:  # the description says every number
            assert f"{unescape(label)}: {value}" in unescape(desc), (chart_id, label)
        assert page.tables[chart_id], f"{chart_id} has no data table"


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_chart_colours_keep_contrast_in_light_and_dark():
    css = (ROOT / "theme/static/css/students.css").read_text(encoding="utf-8")
    board = (ROOT / "theme/static/css/board.css").read_text(encoding="utf-8")
    bars = re.findall(r"--chart-bar:\s*(#[0-9a-fA-F]{6})", css)
    backgrounds = re.findall(r"--bg:\s*(#[0-9a-fA-F]{6})", board)
    foregrounds = re.findall(r"--fg:\s*(#[0-9a-fA-F]{6})", board)
    cards = re.findall(r"--card:\s*(#[0-9a-fA-F]{6})", board)
    assert len(bars) == len(backgrounds) == 2  # light, then dark
    for bar, bg, fg, card in zip(bars, backgrounds, foregrounds, cards):
        assert _contrast(bar, bg) >= 3, (bar, bg)  # WCAG 1.4.11 graphical objects
        assert _contrast(bar, card) >= 3, (bar, card)
        assert _contrast(fg, bg) >= 4.5  # chart text is the page's foreground


# ---- how long postings stay open ----------------------------------------------------


def test_organization_pages_show_median_open_days(site, catalog):
    groups: dict[str, list] = {}
    for e in catalog.all:
        groups.setdefault(e.organization.slug, []).append(e)
    checked = 0
    for slug, entries in groups.items():
        days = []
        for e in entries:
            start = (e.first_seen or e.posted).date()
            if e.status == "open":
                end = e.apply_by
            else:
                end = min([d for d in (e.last_seen, e.updated, e.apply_by) if d], default=None)
            if end is not None:
                days.append(max(0, (end.date() - start).days))
        html = (site / f"organizations/{slug}/index.html").read_text(encoding="utf-8")
        if not days:
            assert "usually stay open" not in html
            continue
        median = round(statistics.median(days))
        label = f"{median} day{'' if median == 1 else 's'}" if median else "less than a day"
        assert f"usually stay open for <strong>{label}</strong>" in html, slug
        assert f"median over {len(days)} posting" in html
        checked += 1
    assert checked >= 10


def test_days_open_rules():
    now = datetime(2026, 11, 26, 12, tzinfo=timezone.utc)
    d = lambda s: parse_datetime(s)  # noqa: E731
    from tests.site.conftest import scraped_entry
    from board.entry import Entry

    base = Entry.from_dict(scraped_entry())  # first seen 20 Nov, deadline 1 Dec
    assert stats.days_open(base, now) == 11
    # filled: closed when last seen, not at the deadline
    assert stats.days_open(replace(base, status="filled", last_seen=d("2026-11-23T06:00:00Z")), now) == 3
    # employer posting marked filled by an edit: the edit date
    employer = replace(base, first_seen=None, last_seen=None, status="closed", updated=d("2026-11-22"))
    assert stats.days_open(employer, now) == 2
    # open until filled: no answer yet
    assert stats.days_open(replace(base, apply_by=None), now) is None
    assert stats.median_days_open([replace(base, apply_by=None)], now) is None
    med = stats.median_days_open([base, replace(base, status="filled", last_seen=d("2026-11-23T06:00:00Z"))], now)
    assert med.median == 7 and med.count == 2 and med.label == "7 days"


def test_empty_board_still_builds_stats_calendars_and_views(tmp_path):
    import icalendar

    from .conftest import build_site

    (tmp_path / "content" / "postings").mkdir(parents=True)
    out = build_site(tmp_path / "content", tmp_path / "output")
    reader = ChartReader()
    reader.feed((out / "stats/index.html").read_text(encoding="utf-8"))
    assert len(reader.svgs) == 4 and all(v == 0 for bars in reader.bars.values() for _, v in bars)
    cal = icalendar.Calendar.from_ical((out / "calendars/all.ics").read_bytes())
    assert not [c for c in cal.walk() if c.name == "VEVENT"]
    assert "Nothing new this week yet" in (out / "new/index.html").read_text(encoding="utf-8")
