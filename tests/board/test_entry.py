"""board.entry: derived values, expiry, storage round trip, normalizers."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from board import entry as E
from board.entry import (
    Compensation, Eligibility, Entry, Hours, Organization, Problem, Source,
    clean_text, format_datetime, normalize_skills, parse_datetime, url_problem, email_problem,
)
from tests.board.board_testkit import NOW, POLICY, make_posting, parse


def make_entry(**changes) -> Entry:
    base = dict(
        slug="dashboard-harvest-share",
        title="Build a dashboard",
        organization=Organization("Harvest Share", "https://harvestshare.example.org"),
        summary="One page of charts.",
        description_html="<p>Body</p>",
        hours=Hours(15, 20),
        compensation=Compensation(600, 600, "USD", "total"),
        category="data",
        posted=datetime(2026, 11, 18, tzinfo=timezone.utc),
        apply_url="https://harvestshare.example.org/apply",
        apply_by=datetime(2027, 3, 15, 23, 59, 59, tzinfo=timezone.utc),
    )
    base.update(changes)
    return Entry(**base)


# ---- derived pay -----------------------------------------------------------------


@pytest.mark.parametrize("comp, hours, hourly, total", [
    (Compensation(600, 600, "USD", "total"), Hours(15, 20), (30.0, 40.0), (600, 600)),
    (Compensation(500, 700, "EUR", "total"), Hours(20, 25), (20.0, 35.0), (500, 700)),
    (Compensation(400, 400, "GBP", "total"), Hours(20, 20), (20.0, 20.0), (400, 400)),
    (Compensation(25, 25, "GBP", "hour"), Hours(10, 20), (25.0, 25.0), (250, 500)),
    (Compensation(18, 22, "EUR", "hour"), Hours(10, 12), (18.0, 22.0), (180, 264)),
])
def test_hourly_and_total_ranges(comp, hours, hourly, total):
    assert comp.hourly_range(hours) == pytest.approx(hourly)
    assert comp.total_range(hours) == pytest.approx(total)


def test_fixed_fee_worst_case_divides_lowest_fee_by_most_hours():
    e = make_entry(compensation=Compensation(300, 400, "USD", "total"), hours=Hours(8, 12))
    assert e.hourly == pytest.approx((25.0, 50.0))
    assert e.compensation.total_range(e.hours) == (300, 400)


def test_hourly_pay_is_not_divided_by_hours():
    e = make_entry(compensation=Compensation(30, 30, "USD", "hour"), hours=Hours(8, 10))
    assert e.hourly == (30, 30)
    assert e.compensation.total_range(e.hours) == (240, 300)


def test_pay_floor_uses_effective_hourly_low_end():
    # 300 USD for up to 25 hours is 12 USD/hour, below the 15 USD floor
    low = make_entry(compensation=Compensation(300, 600, "USD", "total"), hours=Hours(10, 25))
    problems = E.check(low, POLICY, NOW)
    assert [p.field for p in problems] == ["pay"]
    assert "works out at 12.00 USD/hour, below the board's floor of 15 USD/hour" in problems[0].message
    ok = make_entry(compensation=Compensation(375, 600, "USD", "total"), hours=Hours(10, 25))
    assert E.check(ok, POLICY, NOW) == []


def test_currency_without_floor_is_not_checked():
    e = make_entry(compensation=Compensation(1, 1, "JPY", "hour"))
    assert E.check(e, POLICY, NOW) == []


# ---- open / expiry -----------------------------------------------------------------


def test_open_until_the_deadline_passes():
    e = make_entry(apply_by=parse_datetime("2026-12-01", end_of_day=True))
    assert e.is_open(datetime(2026, 12, 1, 23, 59, tzinfo=timezone.utc))
    assert not e.is_open(datetime(2026, 12, 2, 0, 0, tzinfo=timezone.utc))
    assert e.days_left(NOW) == 5
    assert e.days_left(datetime(2026, 12, 1, 23, 0, tzinfo=timezone.utc)) == 0


def test_without_deadline_open_forever_and_no_days_left():
    e = make_entry(apply_by=None)
    assert e.is_open(NOW + timedelta(days=10_000))
    assert e.days_left(NOW) is None


@pytest.mark.parametrize("status", ["filled", "closed"])
def test_filled_or_closed_is_never_open(status):
    e = make_entry(status=status)
    assert not e.is_open(NOW)
    assert make_entry().with_status(status).status == status


def test_expired_open_posting_is_a_problem_only_while_open():
    past = datetime(2026, 11, 1, 23, 59, 59, tzinfo=timezone.utc)
    e = make_entry(apply_by=past, posted=datetime(2026, 10, 1, tzinfo=timezone.utc))
    assert [p.field for p in E.check(e, POLICY, NOW)] == ["apply-by"]
    assert E.check(e.with_status("closed"), POLICY, NOW) == []


def test_apply_link_falls_back_to_mailto():
    assert make_entry().apply_link == "https://harvestshare.example.org/apply"
    assert make_entry(apply_url=None, apply_email="jobs@example.org").apply_link == "mailto:jobs@example.org"


def test_modified_is_updated_else_posted():
    e = make_entry()
    assert e.modified == e.posted
    later = datetime(2026, 11, 20, tzinfo=timezone.utc)
    assert make_entry(updated=later).modified == later


# ---- storage -----------------------------------------------------------------------


def test_to_dict_from_dict_round_trip_through_json():
    e = make_entry(
        skills=("Python", "Excel"),
        deliverables=("A dataset", "A dashboard"),
        eligibility=Eligibility(("US", "CA"), (-8.0, -5.0), "enrolled", "required"),
        updated=datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc),
        source=Source("scraper", "example-feed", "https://feed.example.org/1", "Example Feed", False,
                      ("example-feed:1", "other:9")),
        first_seen=datetime(2026, 11, 19, tzinfo=timezone.utc),
    )
    d = e.to_dict()
    assert list(d) == sorted(d)
    assert d["posted"] == "2026-11-18T00:00:00Z"
    assert d["apply_by"] == "2027-03-15T23:59:59Z"
    back = Entry.from_dict(json.loads(json.dumps(d)))
    assert back == e


def test_from_dict_ignores_unknown_keys_and_fills_defaults():
    d = make_entry().to_dict()
    d["something_new"] = 1
    del d["eligibility"]
    del d["source"]
    back = Entry.from_dict(d)
    assert back.eligibility == Eligibility()
    assert back.source == Source()


def test_entry_from_posting_round_trips():
    entry, problems = parse(make_posting())
    assert problems == []
    assert Entry.from_dict(json.loads(json.dumps(entry.to_dict()))) == entry


# ---- normalizers ---------------------------------------------------------------------


@pytest.mark.parametrize("raw, clean", [
    ("  Build   a\tdashboard \n", "Build a dashboard"),
    ("Null\x00byte", "Nullbyte"),
    ("Bell\x07 and escape\x1b[31m", "Bell and escape[31m"),
    ("DEL\x7f", "DEL"),
    ("evil\u202egnp.exe", "evilgnp.exe"),  # right-to-left override
    ("iso\u2066late\u2069", "isolate"),
    ("zero\u200bwidth", "zerowidth"),
    ("e\u0301", "\u00e9"),  # NFC
    (None, ""),
    (42, "42"),
])
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


def test_clean_text_limit_adds_ellipsis():
    assert clean_text("abcdefghij", limit=5) == "abcd…"
    assert clean_text("abc", limit=5) == "abc"


@pytest.mark.parametrize("raw, expected", [
    ("می\u200cخواهم", "می\u200cخواهم"),  # Persian: ZWNJ inside an ordinary word
    ("کتاب\u200cها", "کتاب\u200cها"),
    ("क्\u200dष", "क्\u200dष"),  # Devanagari: ZWJ after a virama
    ("ക്\u200d", "ക്"),  # a joiner with nothing after it joins nothing
    ("👩\u200d💻 and ❤️\u200d🔥", "👩\u200d💻 and ❤️\u200d🔥"),  # emoji sequences
    ("Harvest\u200dShare", "HarvestShare"),  # between Latin letters it only hides something
    ("Harvest\u200cShare", "HarvestShare"),
    ("\u200cمن", "من"),
    ("می\u200c\u200cخواهم", "میخواهم"),  # a run of joiners is junk, not a join
    ("a\x81b\x9fc", "abc"),  # C1 controls
    ("a\x85b", "a b"),  # NEL is a line break: a space in plain text
])
def test_clean_text_keeps_joiners_only_where_a_script_needs_them(raw, expected):
    assert clean_text(raw) == expected
    assert E.has_control_chars(raw) == (raw.replace("\x85", " ") != expected)


def test_has_control_chars():
    assert E.has_control_chars("a\u202eb")
    assert E.has_control_chars("a\x0bb")
    assert not E.has_control_chars("tab\tand newline\n are whitespace, not controls")


@pytest.mark.parametrize("raw, expected", [
    ("2026-11-20", datetime(2026, 11, 20, tzinfo=timezone.utc)),
    ("2026-11-20T10:30:00Z", datetime(2026, 11, 20, 10, 30, tzinfo=timezone.utc)),
    ("2026-11-20T10:30:00z", datetime(2026, 11, 20, 10, 30, tzinfo=timezone.utc)),
    ("2026-11-20T10:30:00+02:00", datetime(2026, 11, 20, 8, 30, tzinfo=timezone.utc)),
    ("2026-11-20T10:30", datetime(2026, 11, 20, 10, 30, tzinfo=timezone.utc)),  # naive = UTC
    (" 2026-11-20 ", datetime(2026, 11, 20, tzinfo=timezone.utc)),
    (date(2026, 11, 20), datetime(2026, 11, 20, tzinfo=timezone.utc)),
    (datetime(2026, 11, 20, 10, 30), datetime(2026, 11, 20, 10, 30, tzinfo=timezone.utc)),
])
def test_parse_datetime(raw, expected):
    got = parse_datetime(raw)
    assert got == expected
    assert got.utcoffset() == timedelta(0)


def test_parse_datetime_end_of_day_only_for_bare_dates():
    assert parse_datetime("2026-12-20", end_of_day=True) == datetime(2026, 12, 20, 23, 59, 59, tzinfo=timezone.utc)
    assert parse_datetime("2026-12-20T10:00Z", end_of_day=True) == datetime(2026, 12, 20, 10, tzinfo=timezone.utc)


@pytest.mark.parametrize("bad", ["", "tomorrow", "20/12/2026", "2026-13-01", "2026-02-30", "2026-11-20T25:00",
                                 "0001-01-01T00:00+05:00", "9999-12-31T23:00-05:00"])
def test_parse_datetime_rejects_with_value_error(bad):
    with pytest.raises(ValueError):
        parse_datetime(bad)


def test_format_datetime():
    assert format_datetime(datetime(2026, 11, 20, 8, 30, 15, 999, tzinfo=timezone.utc)) == "2026-11-20T08:30:15Z"
    assert format_datetime(parse_datetime("2026-11-20T10:30+02:00")) == "2026-11-20T08:30:00Z"


@pytest.mark.parametrize("url, problem", [
    ("https://example.org/jobs/1", None),
    ("http://example.org/jobs/1", "uses scheme 'http'"),
    ("javascript:alert(1)", "uses scheme 'javascript'"),
    ("JavaScript:alert(1)", "uses scheme 'javascript'"),
    ("vbscript:msgbox(1)", "uses scheme 'vbscript'"),
    ("data:text/html,x", "uses scheme 'data'"),
    ("//example.org/x", "uses scheme '(none)'"),
    ("/jobs/1", "uses scheme '(none)'"),
    ("https://localhost/x", "has no valid host name"),
    ("https://user:pw@example.org/", "contains credentials"),
    ("https://exa mple.org/", "contains spaces or control characters"),
    ("https://example.org/\u202e", "contains spaces or control characters"),
    ("https://example.org/" + "a" * 2000, "is 2020 characters long"),
    ("https://[example.org/jobs", "is not a valid URL"),  # urlsplit raised ValueError
    ("https://example.org]/jobs", "is not a valid URL"),
])
def test_url_problem(url, problem):
    assert url_problem(url) == problem


def test_url_problem_http_allowed_when_not_https_only():
    assert url_problem("http://example.org/", https_only=False) is None
    assert url_problem("ftp://example.org/", https_only=False) == "uses scheme 'ftp'"


@pytest.mark.parametrize("email, ok", [
    ("jobs@example.org", True), ("first.last+tag@mail.example.co.uk", True),
    ("jobs@example", False), ("jobs example.org", False), ("@example.org", False),
    ("jobs@@example.org", False), ("a" * 250 + "@example.org", False),
])
def test_email_problem(email, ok):
    assert (email_problem(email) is None) is ok


def test_normalize_skills_aliases_dedup_and_unknown():
    skills, unknown = normalize_skills(["JS", " javascript ", "py", "Data Viz", "", "Pythn", "postgres"])
    assert skills == ("JavaScript", "Python", "Data visualization", "SQL")
    assert unknown == ["Pythn"]


def test_problem_format_shape():
    p = Problem("hours", "3-3 is outside 5-40 total hours", "e.g. 15-20", 7)
    assert p.format("content/postings/x.md") == "content/postings/x.md:7: hours: 3-3 is outside 5-40 total hours (expected e.g. 15-20)"
    assert Problem("file", "is empty").format("x.md") == "x.md:1: file: is empty"
    assert Problem("file", "is empty").format() == "file: is empty"


INVISIBLE = ["\u2060", "\ufeff", "\u061c", "\u00ad", "\u180e", "\u3164", "\u2064", "\U000e0041", "\u115f", "\uffa0"]


@pytest.mark.parametrize("ch", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_invisible_characters_are_removed_from_scraped_text_and_refused_in_postings(ch):
    from board.entry import clean_text, has_control_chars
    assert clean_text(f"Harvest{ch}Share") == "HarvestShare"
    assert has_control_chars(f"Harvest{ch}Share")


def test_organizations_without_latin_letters_get_distinct_stable_slugs():
    from board.entry import Organization
    tokyo, msu = Organization("東京大学"), Organization("МГУ")
    assert tokyo.slug != msu.slug
    assert tokyo.slug == Organization("東京大学").slug and tokyo.slug.startswith("org-")
    assert Organization("Harvest Share").slug == "harvest-share"


@pytest.mark.parametrize("addr, ok", [
    ("jobs@harvestshare.example.org", True), ("first.last+tag@harvestshare.example.org", True),
    ("o'neil@harvestshare.example.org", True), ("jobs%40evil.example?cc=a@harvestshare.example.org", False),
    ("jobs@harvestshare.example.org?bcc=x@evil.example", False), ("a&b=c@harvestshare.example.org", False),
    ("double..dot@harvestshare.example.org", False), (".lead@harvestshare.example.org", False),
])
def test_apply_email_is_only_an_address(addr, ok):
    from board.entry import email_problem
    assert (email_problem(addr) is None) is ok


def test_a_trailing_dot_host_is_refused():
    from board.entry import url_problem
    assert url_problem("https://harvestshare.example.org./apply") == "has a host name ending in a dot"
