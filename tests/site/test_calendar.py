"""Deadline calendars: every .ics parses with the real `icalendar` library and says the truth.

Expected events are recomputed from the catalog (open entries with a deadline), never
read back from the plugin's own helpers.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path

import icalendar
import pytest

from board import vocabulary as vocab
from board.catalog import load_catalog
from board.entry import parse_datetime
from board.policy import load_policy
from plugins.board_site.calendars import escape_text, fold, render_calendar

from .conftest import NOW, PUBLIC, ROOT

HOST = "board.example.org"


@pytest.fixture(scope="module")
def catalog(site):
    return load_catalog(site.parent / "content", load_policy(ROOT / "board.toml"), parse_datetime(NOW), with_samples=True)


def ics_files(site: Path) -> list[Path]:
    return sorted((site / "calendars").rglob("*.ics"))


def events(path: Path) -> list:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return [c for c in cal.walk() if c.name == "VEVENT"]


def expected(entries, now) -> dict[str, date]:
    """uid -> deadline day for the open entries with a deadline."""
    return {f"{e.slug}@{HOST}": e.apply_by.date() for e in entries if e.is_open(now) and e.apply_by}


def test_every_calendar_parses_and_is_well_formed(site):
    files = ics_files(site)
    assert len(files) > 20
    for path in files:
        raw = path.read_bytes()
        assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n"), path
        assert b"\n" not in raw.replace(b"\r\n", b""), f"{path}: bare LF"
        for line in raw.split(b"\r\n"):
            assert len(line) <= 75, f"{path}: {len(line)}-octet line {line[:40]!r}"
            line.decode("utf-8")  # folding never splits a UTF-8 sequence
        cal = icalendar.Calendar.from_ical(raw)
        assert str(cal["VERSION"]) == "2.0" and cal["PRODID"]
        uids = [str(ev["UID"]) for ev in events(path)]
        assert len(uids) == len(set(uids)), f"{path}: duplicate UIDs"
        for ev in events(path):
            for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL", "DESCRIPTION"):
                assert prop in ev, f"{path}: {ev.get('UID')} has no {prop}"


def test_all_calendar_matches_open_entries(site, catalog):
    evs = events(site / "calendars/all.ics")
    want = expected(catalog.all, catalog.now)
    assert len(want) >= 20
    got = {str(ev["UID"]): ev.decoded("DTSTART") for ev in evs}
    assert set(got) == set(want)
    by_slug = {e.slug: e for e in catalog.all}
    for ev in evs:
        uid = str(ev["UID"])
        e = by_slug[uid.split("@")[0]]
        start = ev.decoded("DTSTART")
        # a bare Apply-By date is an all-day event on that day (ends the next day)
        assert isinstance(start, date) and not isinstance(start, datetime)
        assert start == want[uid]
        assert (ev.decoded("DTEND") - start).days == 1
        assert str(ev["SUMMARY"]) == f"Apply by: {e.title} ({e.organization.name})"
        page = f"{PUBLIC}/postings/{e.slug}/"
        assert str(ev["URL"]) == page and page in str(ev["DESCRIPTION"])
        assert ev.decoded("DTSTAMP") == min(e.modified, catalog.now)
    # the hostile posting's markup-laden title and organization survive as plain text
    hostile = [ev for ev in evs if str(ev["UID"]) == f"hostile-posting@{HOST}"]
    assert str(hostile[0]["SUMMARY"]).startswith("Apply by: Fix </script><script>alert(1)</script> bugs (Evil & Co")


def test_closed_postings_drop_out(site, catalog):
    closed = {f"{e.slug}@{HOST}" for e in catalog.closed}
    assert f"expired-posting@{HOST}" in closed and len(closed) >= 4
    for path in ics_files(site):
        assert not closed & {str(ev["UID"]) for ev in events(path)}, path


def test_one_calendar_per_category_and_skill(site, catalog):
    for slug in vocab.CATEGORIES:
        path = site / f"calendars/categories/{slug}.ics"
        want = expected([e for e in catalog.all if e.category == slug], catalog.now)
        assert {str(ev["UID"]) for ev in events(path)} == set(want), slug
    skills = {vocab.slugify(s) for e in catalog.all for s in e.skills}
    assert {p.stem for p in (site / "calendars/skills").glob("*.ics")} == skills
    for slug in skills:
        want = expected([e for e in catalog.all if slug in {vocab.slugify(s) for s in e.skills}], catalog.now)
        got = {str(ev["UID"]): ev.decoded("DTSTART") for ev in events(site / f"calendars/skills/{slug}.ics")}
        assert got == want, slug


def test_calendars_are_linked_from_finder_and_pages(site):
    finder = (site / "feeds/index.html").read_text(encoding="utf-8")
    for path in ics_files(site):
        rel = path.relative_to(site).as_posix()
        assert f'href="/{rel}"' in finder, rel
        assert f'href="webcal://{HOST}/{rel}"' in finder, rel
    assert ".ics" not in (site / "feeds.opml").read_text(encoding="utf-8")  # OPML lists feeds only
    page = (site / "categories/data/index.html").read_text(encoding="utf-8")
    assert 'href="/calendars/categories/data.ics"' in page


# ---- the writer itself ----------------------------------------------------------


def test_escaping_and_folding_round_trip(catalog):
    now = catalog.now
    nasty = replace(
        catalog.open[0], slug="nasty", title="Commas, semi;colons; back\\slash and ünïcødé ✓ " + "long " * 20,
        summary="Line one\nLine two; with, punctuation \\ and more",
        organization=replace(catalog.open[0].organization, name="Ça, va; Ltd\\"),
    )
    text = render_calendar([nasty], name="Test, calendar; name", description="d", host=HOST, now=now,
                           url_for=lambda e: f"{PUBLIC}/postings/{e.slug}/", describe=lambda e: e.summary)
    raw = text.encode("utf-8")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    cal = icalendar.Calendar.from_ical(raw)
    # icalendar keeps X-WR-CALNAME raw (unknown type): it must carry the TEXT escapes
    assert str(cal["X-WR-CALNAME"]) == "Test\\, calendar\\; name"
    (ev,) = [c for c in cal.walk() if c.name == "VEVENT"]
    assert str(ev["SUMMARY"]) == f"Apply by: {nasty.title} (Ça, va; Ltd\\)"
    assert str(ev["DESCRIPTION"]) == nasty.summary
    assert render_calendar([nasty], name="x", description="d", host=HOST, now=now, url_for=lambda e: "u",
                           describe=lambda e: "") == render_calendar(
        [nasty], name="x", description="d", host=HOST, now=now, url_for=lambda e: "u", describe=lambda e: "")


def test_fold_and_escape_units():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "DESCRIPTION:" + "é" * 100
    folded = fold(line)
    parts = folded.encode("utf-8").split(b"\r\n")
    assert all(len(p) <= 75 for p in parts) and all(p.startswith(b" ") for p in parts[1:])
    assert folded.replace("\r\n ", "") == line
    assert fold("short") == "short"


def test_timed_deadline_is_a_timed_event(catalog):
    e = replace(catalog.open[0], apply_by=datetime(2026, 12, 3, 17, 30, tzinfo=timezone.utc))
    text = render_calendar([e], name="x", description="d", host=HOST, now=catalog.now,
                           url_for=lambda e: "https://x.example/", describe=lambda e: "")
    (ev,) = [c for c in icalendar.Calendar.from_ical(text).walk() if c.name == "VEVENT"]
    assert ev.decoded("DTSTART") == datetime(2026, 12, 3, 17, 30, tzinfo=timezone.utc)
    assert "DTEND" not in ev


def test_entries_without_deadline_or_closed_are_skipped(catalog):
    open_ = replace(catalog.open[0], apply_by=None)
    filled = replace(catalog.open[1], status="filled")
    text = render_calendar([open_, filled], name="x", description="d", host=HOST, now=catalog.now,
                           url_for=lambda e: "u", describe=lambda e: "")
    assert "BEGIN:VEVENT" not in text
    icalendar.Calendar.from_ical(text)
