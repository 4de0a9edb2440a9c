"""RawRecord -> Entry with hostile and wrongly typed input: nothing unsafe reaches an Entry."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timezone

import pytest

from board.entry import MAX_LEN, SLUG_RE, Compensation, Hours, check, has_control_chars
from scrapers import normalize
from scrapers.curation import CurationRules, curate
from scrapers.record import RawRecord, SourceConfig

from .support import NOW, POLICY

SRC = SourceConfig(name="test-src", kind="feed", url="https://example.org/feed.xml", attribution="Example feed")
HOURS, PAY = Hours(20, 20), Compensation(400, 400, "USD", "total")
BODY = ("<p>Paid micro-internship for college students, completed 100% remotely. A 20-hour project. "
        "$400 stipend upon completion.</p>")


def entry(**kw):
    base = dict(source_id="1", title="Data Micro-Internship", organization="Acme", url="https://acme.example/1",
                description_html=BODY, posted="2026-07-20")
    base.update(kw)
    return normalize.to_entry(RawRecord(**base), SRC, NOW, hours=HOURS, compensation=PAY)


UNSAFE = re.compile(r"<script|javascript:|data:|vbscript:|\son\w+\s*=|<iframe|<object|<embed|<form|<img|style=", re.I)


@pytest.mark.parametrize("payload", [
    '<script>alert(1)</script><p>ok</p>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="//evil.example/x">x</a><a href="/relative">y</a>',
    '<iframe src="https://evil.example"></iframe><form action="javascript:x"><input></form>',
    '<svg onload=alert(1)><p style="background:url(javascript:x)">s</p>',
    '<div onclick="x()">text</div><object data="x.swf"></object>',
])
def test_description_is_sanitized(payload):
    html = entry(description_html=payload + BODY).description_html
    assert not UNSAFE.search(html), html
    assert 'href="//' not in html and 'href="/' not in html


def test_links_get_rel_and_plain_text_bodies_become_paragraphs():
    assert 'rel="nofollow ugc noopener noreferrer"' in entry(description_html='<a href="https://ok.example">x</a>').description_html
    html = entry(description_html="Line one 3 < 4\n\nSecond & last").description_html
    assert html == "<p>Line one 3 &lt; 4</p><p>Second &amp; last</p>"


def test_plain_fields_lose_tags_controls_and_bidi_overrides():
    e = entry(title="<script>alert(1)</script>Data\x00 Intern\u202e\u200b", organization="Ac\x07me\u2066 <b>Inc</b>")
    for value in (e.title, e.organization.name, e.summary):
        assert not has_control_chars(value) and "<script" not in value
    assert e.organization.name.startswith("Acme")


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "data:text/html,hi", "vbscript:x", "/jobs/1", "//evil.example/1", "ftp://acme.example/1",
    "https://exa mple.org/x", "https://user:pw@acme.example/", "https://localhost/", "https://acme.example/\x00", "x" * 3000,
    None, 42, ["https://acme.example"],
])
def test_only_http_urls_survive(url):
    assert normalize.safe_url(url) is None
    e = entry(url=url, apply_url=url, organization_url=url)
    assert e.apply_url is None and e.source.url is None and e.organization.url is None
    assert any(p.field == "apply" for p in check(e, POLICY, NOW, https_only=False))


def test_http_and_https_urls_pass():
    assert normalize.safe_url(" https://acme.example/a?b=1 ") == "https://acme.example/a?b=1"
    assert normalize.safe_url("http://acme.example/") == "http://acme.example/"


def test_huge_fields_are_cut_to_the_limits():
    e = entry(title="T" * 10_000, organization="O" * 10_000, description_html="<p>" + "word " * 400_000 + "</p>")
    assert len(e.title) <= MAX_LEN["title"] and len(e.organization.name) <= MAX_LEN["organization"]
    assert len(e.summary) <= MAX_LEN["summary"]
    assert len(e.description_html) <= MAX_LEN["description"] * 2
    assert not [p for p in check(e, POLICY, NOW, https_only=False) if p.field in ("title", "organization", "summary", "description")]


def test_wrong_types_never_raise():
    record = RawRecord(source_id=12345, title=987, organization=["a", "list"], url=b"https://bytes.example",
                       description_html=None, posted=1784880000, valid_through={"date": "x"}, location=3.5,
                       remote="yes", employment_type="Full-time", salary_min="lots", salary_max=None,
                       salary_currency=840, salary_unit=None, tags="python", category=7, countries=None)
    e = normalize.to_entry(record, SRC, NOW, hours=HOURS, compensation=PAY)
    assert e.title == "987" and e.organization.name == "" and e.posted == NOW and e.apply_by is None
    d = curate(record, SRC, CurationRules(), POLICY, NOW)
    assert not d.keep and d.reason.startswith("REJECT_")


@pytest.mark.parametrize("value,expected", [
    ("2026-07-20", datetime(2026, 7, 20, tzinfo=timezone.utc)),
    ("2026-07-20T10:00:00-04:00", datetime(2026, 7, 20, 14, tzinfo=timezone.utc)),
    ("2026-07-20T10:00:00Z", datetime(2026, 7, 20, 10, tzinfo=timezone.utc)),
    ("2026-08-05 10:10:39 UTC", datetime(2026, 8, 5, 10, 10, 39, tzinfo=timezone.utc)),
    ("2024-12-01 04:10:21", datetime(2024, 12, 1, 4, 10, 21, tzinfo=timezone.utc)),
    ("Fri, 10 Jul 2026 22:45:30 +0000", datetime(2026, 7, 10, 22, 45, 30, tzinfo=timezone.utc)),
    ("Fri, 10 Jul 2026 22:45:30 GMT", datetime(2026, 7, 10, 22, 45, 30, tzinfo=timezone.utc)),
    ("next tuesday", None), ("", None), (None, None), ("0001-01-01T00:00+05:00", None), ("9" * 500, None),
    ("2026-02-30", None), (["2026-07-20"], None),
])
def test_dates(value, expected):
    assert normalize.parse_date(value) == expected


def test_deadline_date_means_end_of_day():
    assert entry(valid_through="2026-08-20").apply_by == datetime(2026, 8, 20, 23, 59, 59, tzinfo=timezone.utc)


@pytest.mark.parametrize("title,org", [("", ""), ("¡¿!!", "—"), ("Ünïcødé Praktikum 🎉", "Société Générale"),
                                       ("a" * 300, "b" * 300), ("../../etc/passwd", "<script>")])
def test_slug_is_always_a_safe_file_name(title, org):
    slug = normalize.make_slug(title, org, "src", "id")
    assert SLUG_RE.match(slug) and len(slug) <= 80


def test_slug_is_stable_and_distinct_per_source_record():
    a = normalize.make_slug("Intern", "Acme", "src-a", "1")
    assert a == normalize.make_slug("Intern", "Acme", "src-a", "1")
    assert a != normalize.make_slug("Intern", "Acme", "src-b", "1")
    assert re.fullmatch(r"intern-acme-[0-9a-f]{6}", a)
    # issue 18: source and id are hashed as a pair, not concatenated
    assert normalize.make_slug("Intern", "Acme", "acme", "12") != normalize.make_slug("Intern", "Acme", "acme1", "2")


def test_skills_from_tags_and_prose_and_unknown_tags_dropped():
    e = entry(tags=["JS", "reactjs", "Underwater basket weaving"],
              description_html=BODY + "<p>You will use Python, SQL and Figma. Copy the files.</p>")
    assert e.skills[:2] == ("JavaScript", "React")
    assert {"Python", "SQL", "Figma"} <= set(e.skills) and "Copywriting" not in e.skills


@pytest.mark.parametrize("title,category", [
    ("Survey Data Cleanup", "data"), ("Landing Page Developer", "software"), ("Logo Design Sprint", "design"),
    ("Social Media Audit", "marketing"), ("Blog Post Editor", "writing"), ("Literature Review", "research"),
    ("Bookkeeping Cleanup", "finance"), ("Curriculum Tutor Guide", "education"), ("Mystery Project", "business"),
])
def test_category_by_keywords(title, category):
    assert entry(title=title, description_html="<p>Remote.</p>").category == category


def test_regions_and_eligibility():
    e = entry(countries=["United States", "Canada", "Narnia", "Worldwide"],
              description_html=BODY + "<p>Must be authorized to work in the US.</p>")
    assert e.eligibility.regions == ("US", "CA")
    assert e.eligibility.work_authorization == "required" and e.eligibility.students == "enrolled-or-recent"
    assert entry(countries=[]).eligibility.regions == ("WORLDWIDE",)


def test_source_block():
    e = entry()
    assert (e.source.kind, e.source.name, e.source.url, e.source.attribution, e.source.ids) == (
        "scraper", "test-src", "https://acme.example/1", "Example feed", ("test-src:1",))
    assert e.first_seen == e.last_seen == NOW and e.apply_url == "https://acme.example/1"


LOOKALIKES = [  # (where the URL is, the URL, the field check() names, the start of its reason)
    ("apply_url", "https://jobs.аcme.example/1/apply", "apply-url", "the host mixes Latin and Cyrillic letters"),
    ("organization_url", "https://аcme.example", "organization-url", "the host mixes Latin and Cyrillic letters"),
    ("url", "https://acmе.example/1", "source-link", "the host mixes Latin and Cyrillic letters"),
    ("apply_url", "https://acme%2Eexample.org/apply", "apply-url", "has a percent-encoded host name"),
    ("apply_url", "https://0x7f.1/apply", "apply-url", "writes an IP address in a form a browser rewrites"),
]


@pytest.mark.parametrize("where, url, field, reason", LOOKALIKES)
def test_a_scraped_record_with_a_lookalike_host_is_rejected_with_the_reason(where, url, field, reason):
    """Not published with the link quietly dropped: the record is refused and the summary says why."""
    record = RawRecord(**{**dict(source_id="1", title="Data Micro-Internship", organization="Acme",
                                 url="https://acme.example/1", apply_url="https://acme.example/1/apply",
                                 description_html=BODY, posted="2026-07-20"), where: url})
    d = curate(record, replace(SRC, link_back=True), CurationRules(), POLICY, NOW)
    assert (d.keep, d.reason) == (False, "REJECT_INVALID")
    assert f"{field}: {reason}" in d.detail, d.detail


def test_non_latin_single_script_hosts_stay_allowed():
    e = entry(url="https://例え.jp/1", apply_url="https://пример.рф/apply", organization_url="https://παράδειγμα.gr")
    assert (e.apply_url, e.organization.url) == ("https://пример.рф/apply", "https://παράδειγμα.gr")
    assert not [p for p in check(e, POLICY, NOW, https_only=False) if "url" in p.field or "link" in p.field]


def test_to_entry_takes_a_deadline_only_when_the_source_gives_none():
    to_entry = normalize.to_entry
    prose = datetime(2027, 1, 15, 23, 59, 59, tzinfo=timezone.utc)
    src = SourceConfig(name="s", kind="remotive", url="https://api.example.org")
    base = dict(source_id="1", title="T", organization="O", apply_url="https://o.example/apply")
    kw = dict(hours=Hours(10, 10), compensation=Compensation(300, 300, "USD"), apply_by=prose)
    assert to_entry(RawRecord(**base), src, NOW, **kw).apply_by == prose
    assert to_entry(RawRecord(**base, valid_through="2026-12-01"), src, NOW, **kw).apply_by.date().isoformat() == "2026-12-01"
