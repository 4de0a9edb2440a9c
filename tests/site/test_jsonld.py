"""schema.org JobPosting on open posting pages, per Google's rules for remote jobs."""

from __future__ import annotations

import json
import re
from pathlib import Path

from board.entry import Compensation, Entry, Hours, Organization, Eligibility
from board.jsonld import job_posting, script_json

from .conftest import PUBLIC

UNITS = {"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}
TYPES = {"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"}


def blocks(page: Path) -> list[dict]:
    text = page.read_text(encoding="utf-8")
    raw = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    return [json.loads(b) for b in raw]


def test_open_postings_carry_valid_jobposting(site):
    pages = [p for p in (site / "postings").glob("*/index.html") if 'class="banner closed"' not in p.read_text()]
    checked = 0
    for page in pages:
        found = blocks(page)
        if "openfields" in page.parent.name:
            assert found == []  # scraped from a source that forbids it
            continue
        assert len(found) == 1, page
        d = found[0]
        assert d["@type"] == "JobPosting" and d["@context"] == "https://schema.org/"
        for key in ("title", "description", "datePosted", "validThrough", "hiringOrganization", "employmentType",
                    "jobLocationType", "baseSalary", "identifier", "directApply"):
            assert key in d, (page, key)
        assert d["description"] != d["title"] and "<p>" in d["description"]
        assert "100% remote" in d["description"]
        assert d["jobLocationType"] == "TELECOMMUTE"
        assert set(d["employmentType"]) <= TYPES
        assert d["baseSalary"]["value"]["unitText"] in UNITS
        assert len(d["baseSalary"]["currency"]) == 3
        assert d["url"] == f"{PUBLIC}/postings/{page.parent.name}/"
        assert d["hiringOrganization"]["@type"] == "Organization"
        checked += 1
    assert checked >= 15


def test_location_requirements_follow_eligibility(site):
    d = blocks(site / "postings/food-bank-donations-dashboard/index.html")[0]
    names = {r["name"] for r in d["applicantLocationRequirements"]}
    assert names == {"United States", "Canada"}
    assert all(r["@type"] == "Country" for r in d["applicantLocationRequirements"])


def test_hostile_text_cannot_close_the_script(site):
    text = (site / "postings/hostile-posting/index.html").read_text()
    raw = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert len(raw) == 1 and "<" not in raw[0]
    d = json.loads(raw[0])
    assert d["title"] == "Fix </script><script>alert(1)</script> bugs"  # same posting, intact


def test_script_json_escapes_everything_dangerous():
    """No ``<`` (so nothing can end or confuse the element); ``>`` and ``&`` stay as they are
    (issue #19): an HTML parser reads the element's text back unchanged, and the JSON too."""
    from html.parser import HTMLParser

    data = {"a": "</script><!-- \u2028 & > --> &amp; <p>x</p>"}
    out = script_json(data)
    assert "<" not in out and "\u2028" not in out
    assert "&" in out and ">" in out  # as themselves: harmless with no "<"

    class Script(HTMLParser):
        text, tags = [], []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)

        def handle_data(self, d):
            self.text.append(d)

    parser = Script(convert_charrefs=True)
    parser.feed(f'<script type="application/ld+json">{out}</script><p>after</p>')
    parser.close()
    assert parser.tags == ["script", "p"] and parser.text == [out, "after"]
    assert json.loads(parser.text[0]) == data


#: Characters that must not appear raw in a <script>: "<" (the only markup one, see above), and the invisible or
#: text-steering ones (DEL, C1, separators, bidi, zero-width, soft hyphen, BOM, a tag, private
#: use, unassigned, a lone surrogate).
MUST_ESCAPE = "<\x7f\x85\u2028\u2029\u202e\u2066\u2069\u200b\u200d\u200f\u2060\u00ad\ufeff\u180e\U000e0041\ue000\U0010fffd\u0378\ud800"


def test_script_json_is_utf8_and_escapes_only_what_it_must():
    """Visible non-ASCII text is written as itself (fewer bytes than ``\\u`` escapes, issue #19);
    each character of :data:`MUST_ESCAPE` becomes an escape; the JSON parses to the same data."""
    visible = "Café São Paulo · Zürich – 日本語 · العربية · हिन्दी · 😀 · €"
    data = {"title": visible, "hidden": MUST_ESCAPE, "both": f"a{MUST_ESCAPE}b{visible}", "list": [visible, 1.5]}
    out = script_json(data)
    assert json.loads(out) == data
    assert visible in out  # as itself
    for ch in MUST_ESCAPE:
        assert ch not in out, f"U+{ord(ch):04X}"
    assert "\\udb40\\udc41" in out and "\\u003c" in out  # beyond U+FFFF: a surrogate pair
    assert len(out.encode("utf-8")) < len(json.dumps(data, separators=(",", ":")).encode("utf-8"))


def test_fixed_fee_becomes_effective_hourly_salary():
    from datetime import datetime, timezone
    e = Entry(slug="x", title="T", organization=Organization("O"), summary="s", description_html="<p>d</p>",
              hours=Hours(20, 25), compensation=Compensation(500, 500, "EUR", "total"), category="data",
              posted=datetime(2026, 11, 1, tzinfo=timezone.utc), eligibility=Eligibility(regions=("WORLDWIDE",)))
    d = job_posting(e, "https://b.example/postings/x/")
    assert d["baseSalary"]["value"] == {"@type": "QuantitativeValue", "unitText": "HOUR", "minValue": 20, "maxValue": 25}
    assert "applicantLocationRequirements" not in d  # worldwide: no restriction to state
    assert "validThrough" not in d  # no deadline, no expiry date
