"""Each adapter on a small fixture written for it: one micro-internship, one near-miss.

The fixtures copy the real APIs' shapes (see ../shared/corpus/payloads for recordings);
each also goes through curation so the adapter's field mapping is tested end to end.
"""

from __future__ import annotations

import html
import json

import pytest

from scrapers import adapters
from scrapers.curation import CurationRules, curate
from scrapers.record import ParseError, RawRecord, SourceConfig

from .support import FIXTURES, NOW, POLICY

TITLE = "Survey Data Cleanup Micro-Internship"
ATS = {"greenhouse", "lever", "ashby", "workable", "smartrecruiters", "recruitee"}

# kind, fixture, reason for the second record (the near-miss)
CASES = [
    ("greenhouse", "greenhouse.json", "REJECT_FULL_TIME"),
    ("lever", "lever.json", "REJECT_WEEKLY_OPEN_ENDED"),
    ("ashby", "ashby.json", "REJECT_INTERVIEW_TASK"),
    ("workable", "workable.json", "REJECT_UNPAID"),
    ("recruitee", "recruitee.json", "REJECT_ONGOING"),
    ("remoteok", "remoteok.json", "REJECT_FULL_TIME"),
    ("remotive", "remotive.json", "REJECT_PER_PIECE"),
    ("himalayas", "himalayas.json", "REJECT_TOO_LONG"),
    ("jobicy", "jobicy.json", "REJECT_TOO_LONG"),
    ("arbeitnow", "arbeitnow.json", "REJECT_NOT_REMOTE"),
    ("feed", "feed.xml", "REJECT_UNPAID"),
    ("jsonfeed", "jsonfeed.json", "REJECT_TOO_LONG"),
    ("jsonld", "jsonld.html", "REJECT_FULL_TIME"),
    ("hn_algolia", "hn_algolia.json", "REJECT_FULL_TIME"),
]


def source(kind: str, **kw) -> SourceConfig:
    org = "Acme Analytics" if kind in ("lever", "ashby") else None
    return SourceConfig(name=f"test-{kind}", kind=kind, url="https://api.example.org/v1/x", organization=org, **kw)


def parse(kind: str, name: str, **kw) -> list[RawRecord]:
    return list(adapters.get(kind).parse((FIXTURES / name).read_bytes(), source(kind, **kw)))


def test_registry_knows_every_kind():
    for kind in adapters.KINDS:
        module = adapters.get(kind)
        assert module.KIND == kind and callable(module.parse) and module.CONTENT_TYPES
    with pytest.raises(ValueError, match="unknown source kind"):
        adapters.get("myspace")
    assert adapters.accepts_headers(adapters.get("feed"))
    assert not adapters.accepts_headers(adapters.get("lever"))


@pytest.mark.parametrize("kind,name,near_miss", CASES, ids=[c[0] for c in CASES])
def test_fixture_yields_micro_and_near_miss(kind, name, near_miss):
    src = source(kind)
    records = list(adapters.get(kind).parse((FIXTURES / name).read_bytes(), src))
    assert len(records) == 2
    for r in records:
        assert r.title and r.organization and r.source_id
        assert r.url and r.url.startswith("https://")
    micro, miss = records
    assert micro.title.endswith(TITLE) or "micro-internship" in micro.title.lower()
    kept = curate(micro, src, CurationRules(), POLICY, NOW)
    assert (kept.reason, kept.keep) == ("KEPT_MICRO", True), kept.detail
    assert kept.entry.hours.min == kept.entry.hours.max == 20
    assert kept.entry.compensation.min == 400 and kept.entry.compensation.currency == "USD"
    assert kept.entry.source.ids == (f"test-{kind}:{micro.source_id}",)
    rejected = curate(miss, src, CurationRules(), POLICY, NOW)
    assert (rejected.reason, rejected.keep) == (near_miss, False), rejected.detail


def test_greenhouse_urls_and_unescaped_content():
    src = source("greenhouse")
    assert "content=true" in adapters.get("greenhouse").urls(src)[0]
    r = parse("greenhouse", "greenhouse.json")[0]
    assert r.description_html.startswith("<p>") and r.remote is True and r.posted.startswith("2026-07-20")


def test_greenhouse_single_job_endpoint():
    job = json.loads((FIXTURES / "greenhouse.json").read_text())["jobs"][0]
    records = list(adapters.get("greenhouse").parse(json.dumps(job).encode(), source("greenhouse")))
    assert [r.source_id for r in records] == ["4001"]


def test_lever_query_and_epoch_millis():
    assert adapters.get("lever").urls(source("lever"))[0].endswith("mode=json")
    r = parse("lever", "lever.json")[0]
    assert r.posted.startswith("2026-07-20") and "Deliverable" in r.description_html and r.remote is True


def test_lever_error_object_is_a_parse_error():
    with pytest.raises(ParseError, match="Lever returned an error"):
        list(adapters.get("lever").parse(b'{"ok": false, "error": "Document not found"}', source("lever")))


def test_ashby_asks_for_compensation():
    assert "includeCompensation=true" in adapters.get("ashby").urls(source("ashby"))[0]


def test_workable_uses_account_name_and_details():
    assert "details=true" in adapters.get("workable").urls(source("workable"))[0]
    assert parse("workable", "workable.json")[0].organization == "Acme Analytics"


def _workable_job(**fields) -> RawRecord:
    """The fixture's micro-internship with its where-fields replaced (the widget JSON, parsed for real)."""
    data = json.loads((FIXTURES / "workable.json").read_text())
    job = {k: v for k, v in data["jobs"][0].items() if k not in ("telecommuting", "workplace", "remote")}
    data["jobs"] = [{**job, "city": "Austin", "state": "Texas", "country": "United States", **fields}]
    return list(adapters.get("workable").parse(json.dumps(data).encode(), source("workable")))[0]


@pytest.mark.parametrize("fields,location,remote", [
    ({"workplace": "remote"}, "Remote - Austin, Texas, United States", True),
    ({"workplace": "Remote", "telecommuting": False}, "Remote - Austin, Texas, United States", True),
    ({"workplace": "hybrid", "telecommuting": True}, "Hybrid - Austin, Texas, United States", False),
    ({"workplace": "on_site"}, "On-site - Austin, Texas, United States", False),
    ({"workplace": "On site", "remote": True}, "On-site - Austin, Texas, United States", False),
    ({"remote": True}, "Remote - Austin, Texas, United States", True),
    ({"remote": False, "telecommuting": True}, "Austin, Texas, United States", False),
    ({"telecommuting": True}, "Remote - Austin, Texas, United States", True),
    ({"telecommuting": False}, "Austin, Texas, United States", False),
    ({"workplace": "flexible"}, "Austin, Texas, United States", None),  # not one of Workable's types: unknown
    ({}, "Austin, Texas, United States", None),
])
def test_workable_workplace_type_and_remote_flag_reach_location_and_remote(fields, location, remote):
    r = _workable_job(**fields)
    assert (r.location, r.remote) == (location, remote)


def test_workable_workplace_is_curated_like_other_ats_fields():
    body = ("<p>A 20-hour paid micro-internship for university students: clean a survey dataset.</p>"
            "<p>$500 stipend on completion.</p>")
    kept = curate(_workable_job(workplace="remote", description=body), source("workable"), CurationRules(), POLICY, NOW)
    hybrid = curate(_workable_job(workplace="hybrid", telecommuting=True, description=body), source("workable"),
                    CurationRules(), POLICY, NOW)
    assert (kept.outcome, kept.reason, kept.facts["remote_by"]) == ("keep", "KEPT_MICRO", "field")
    assert (hybrid.outcome, hybrid.reason, hybrid.facts["remote_by"]) == ("reject", "REJECT_NOT_REMOTE", "field")


def test_smartrecruiters_follows_details_on_its_own_host_only():
    sr = adapters.get("smartrecruiters")
    src = SourceConfig(name="test-sr", kind="smartrecruiters",
                       url="https://api.smartrecruiters.com/v1/companies/AcmeAnalytics/postings")
    body = (FIXTURES / "smartrecruiters_list.json").read_bytes()
    assert sr.follow(body, src) == ["https://api.smartrecruiters.com/v1/companies/AcmeAnalytics/postings/744000000000001"]
    listing = list(sr.parse(body, src))
    assert [r.remote for r in listing] == [True, False]
    assert listing[0].url == "https://jobs.smartrecruiters.com/AcmeAnalytics/744000000000001"
    detail = list(sr.parse((FIXTURES / "smartrecruiters.json").read_bytes(), src))
    assert len(detail) == 1 and "20-hour project" in detail[0].description_html
    assert sr.follow(b"not json", src) == []


def test_remoteok_skips_legal_notice():
    records = parse("remoteok", "remoteok.json")
    assert [r.source_id for r in records] == ["2000001", "2000002"]
    assert records[1].salary_unit == "YEAR" and records[0].salary_min is None


def test_remotive_salary_text_reaches_prose():
    assert "Salary: $400 stipend" in parse("remotive", "remotive.json")[0].description_html


def test_recruitee_date_and_deadline_formats():
    r = parse("recruitee", "recruitee.json")[0]
    assert r.posted == "2026-07-25 09:00:00 UTC" and r.valid_through == "2026-08-31 23:59:00 UTC"
    assert "Python" in r.tags


def test_jsonld_graph_types_salary_and_requirements():
    records = parse("jsonld", "jsonld.html")
    micro, full = records
    assert micro.source_id == "ACME-101" and micro.remote is True
    assert micro.salary_unit == "TOTAL" and micro.salary_min == 400
    assert micro.countries == ["US", "CA"] and micro.valid_through == "2026-08-31T23:59:00Z"
    assert micro.organization_url == "https://acme.example"
    assert full.salary_unit == "YEAR" and full.employment_type == ["FULL_TIME"]


def test_jsonld_stated_properties_are_read_with_the_description():
    jp = {"@type": "JobPosting", "title": "Price survey", "description": "<p>Compare ten price lists.</p>",
          "workHours": "max. 25 h in total", "qualifications": "students <b>only</b>",
          "experienceRequirements": {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 36},
          "educationRequirements": {"@type": "EducationalOccupationalCredential", "credentialCategory": "bachelor degree"},
          "jobBenefits": "health insurance for our full-time staff", "responsibilities": "x" * 5000}
    page = f'<script type="application/ld+json">{json.dumps(jp)}</script>'.encode()
    [r] = adapters.get("jsonld").parse(page, source("jsonld"))
    assert r.description_html.startswith("<p>Compare ten price lists.</p><p>Work hours: max. 25 h in total</p>")
    assert "<p>Qualifications: students &lt;b&gt;only&lt;/b&gt;</p>" in r.description_html  # outside text, escaped
    assert "<p>Experience: 36 months</p>" in r.description_html and "Education: bachelor degree" in r.description_html
    assert "health insurance" not in r.description_html  # the staff's benefits are not this role's
    assert "x" * 2000 in r.description_html and "x" * 2001 not in r.description_html  # each bounded


def test_jsonld_without_jobposting_yields_nothing_and_all_broken_is_error():
    jl = adapters.get("jsonld")
    page = b'<html><script type="application/ld+json">{"@type": "Organization", "name": "X"}</script></html>'
    assert list(jl.parse(page, source("jsonld"))) == []
    assert list(jl.parse(b"<html><body>no data</body></html>", source("jsonld"))) == []
    with pytest.raises(ParseError, match="none is valid JSON"):
        list(jl.parse(b'<script type="application/ld+json">{oops</script>', source("jsonld")))


def test_jsonfeed_teamtailor_style_item():
    micro = parse("jsonfeed", "jsonfeed.json")[0]
    assert micro.source_id == "7001" and micro.remote is True and micro.organization == "Acme Analytics"
    with pytest.raises(ParseError, match="not a JSON Feed"):
        list(adapters.get("jsonfeed").parse(b'{"hello": "world"}', source("jsonfeed")))


def test_feed_splits_company_from_title_and_reads_extensions():
    micro = parse("feed", "feed.xml")[0]
    assert (micro.organization, micro.title) == ("Acme Analytics", TITLE)
    assert micro.location == "Anywhere in the World" and micro.employment_type == ["Contract"]
    assert micro.valid_through.startswith("Mon, 31 Aug 2026")


def test_feed_with_headers_and_non_feed():
    feed = adapters.get("feed")
    body = (FIXTURES / "feed.xml").read_bytes()
    assert len(list(feed.parse(body, source("feed"), headers={"Content-Type": "application/rss+xml"}))) == 2
    with pytest.raises(ParseError, match="not an RSS or Atom feed"):
        list(feed.parse(b'{"jobs": []}', source("feed")))


def test_hn_only_top_level_comments_with_pipes():
    records = parse("hn_algolia", "hn_algolia.json")
    assert [(r.organization, r.title) for r in records] == [
        ("Acme Analytics", "Survey data micro-internship"), ("Othercorp", "Backend Engineer")]
    assert records[0].url == "https://news.ycombinator.com/item?id=48000001"


@pytest.mark.parametrize("kind", [k for k in adapters.KINDS if k not in ("feed", "jsonld")])
@pytest.mark.parametrize("body", [b"", b"{", b"<html>Service unavailable</html>", b"\xff\xfe\x00garbage", b"42", b"null"])
def test_malformed_body_is_parse_error(kind, body):
    with pytest.raises(ParseError):
        list(adapters.get(kind).parse(body, source(kind)))


@pytest.mark.parametrize("kind,name", [(k, n) for k, n, _ in CASES if n.endswith(".json")])
def test_one_badly_typed_record_does_not_abort_the_rest(kind, name):
    data = json.loads((FIXTURES / name).read_text())
    items = data if isinstance(data, list) else next(v for v in data.values() if isinstance(v, list))
    good = len(list(adapters.get(kind).parse(json.dumps(data).encode(), source(kind))))
    weird = [None, 7, "string", [1, 2], {"id": {"nested": True}, "title": ["a list"], "text": 5, "name": None}]
    items[:0] = weird
    records = list(adapters.get(kind).parse(json.dumps(data).encode(), source(kind)))
    assert len(records) >= good
    for r in records:
        assert isinstance(r.title, str) and isinstance(r.source_id, str) and r.title


def _hn(*comments: tuple[str, str]) -> bytes:
    hits = [{"objectID": str(48100000 + i), "comment_text": text, "author": author, "parent_id": 1, "story_id": 1,
             "created_at": "2026-11-02T10:00:00Z"} for i, (author, text) in enumerate(comments)]
    return json.dumps({"hits": hits}).encode()


@pytest.mark.parametrize("first,org,title", [
    ("Quillcraft is hiring a student for a micro-internship.", "Quillcraft", "student for a micro-internship"),
    ("At Tidewater (https://tidewater.example) we have a paid project for students.", "Tidewater",
     "At Tidewater (https://tidewater.example) we have a paid project for students."),
    ("Kiln Analytics \u2013 Student micro-internship \u2013 Remote", "Kiln Analytics", "Student micro-internship"),
    ("Company: Shellfish, remote contract for a student", "Shellfish", "Company: Shellfish, remote contract for a student"),
    ("telli (YC F24) is hiring across engineering [on-site Berlin]", "telli", "across engineering [on-site Berlin]"),
    ("At Shoresh Labs we are hiring two students for a paid project.", "Shoresh Labs", "students for a paid project"),
    ("Hi HN! At Marrow Bio, we need a student for 20 paid hours.", "Marrow Bio",
     "Hi HN! At Marrow Bio, we need a student for 20 paid hours."),
])
def test_hn_posts_without_a_pipe_line_name_the_company_from_the_lead_phrase(first, org, title):
    [r] = adapters.get("hn_algolia").parse(_hn(("poster", first + "<p>Details follow.")), source("hn_algolia"))
    assert (r.organization, r.title, r.uncertain) == (org, title, [])


def test_hn_post_without_company_is_uncertain_and_chatter_is_not_a_post():
    body = _hn(("jdoe", "We are looking for a student for a short paid project.<p>Remote."),
               ("fan", "Thank you to everyone who submitted!"),
               ("linker", "Looking for a student to help us <a href=\"https://www.brightpath.example/jobs\">x</a>"))
    records = list(adapters.get("hn_algolia").parse(body, source("hn_algolia")))
    assert [(r.organization, r.uncertain) for r in records] == [("HN user jdoe", ["organization"]),
                                                               ("Brightpath", [])]


#: item title -> (organization, title, uncertain): a kind-of-posting label before the colon is not
#: the employer (university feeds, Parker Dewey, Binghamton write titles this way).
FEED_TITLES = [
    ("Micro-Internship: Alumni Video Edit (Ridgeway Media)", ("Ridgeway Media", "Micro-Internship: Alumni Video Edit", [])),
    ("Paid Internship: Grant Research (Cobalt Ridge Foundation)",
     ("Cobalt Ridge Foundation", "Paid Internship: Grant Research", [])),
    ("Micro-Intern: Social Media Analyst (Spring 2027)",
     ("unknown (feed title label)", "Micro-Intern: Social Media Analyst (Spring 2027)", ["organization"])),
    ("Remote: Survey Coding (20 hours, paid)",
     ("unknown (feed title label)", "Remote: Survey Coding (20 hours, paid)", ["organization"])),
    ("Wren Bakery: Micro-Internship: Newsletter", ("Wren Bakery", "Micro-Internship: Newsletter", [])),
]


def test_feed_title_label_is_not_the_organization():
    items = "".join(f"<item><title>{t}</title><link>https://example.org/j/{i}</link><guid>g{i}</guid>"
                    f"<description>A 20-hour project.</description></item>" for i, (t, _) in enumerate(FEED_TITLES))
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Careers</title>{items}</channel></rss>'.encode()
    records = list(adapters.get("feed").parse(body, source("feed")))
    assert len(records) == len(FEED_TITLES)
    assert [(r.organization, r.title, r.uncertain) for r in records] == [want for _, want in FEED_TITLES]


#: channel title -> the publisher an item naming no employer is proposed under (uncertain: a person
#: confirms it), or None when the channel is named for what it lists.
CHANNELS = [
    ("Levant Learning – open projects", "Levant Learning"),
    ("Brno Data Lab | Kariéra", "Brno Data Lab"),
    ("Kraków Analytics — zlecenia", "Kraków Analytics"),
    ("Remote jobs – all categories", None),  # an aggregator's listing, not an employer
    ("Career Centre - student opportunities", None),  # a career centre lists other employers
    ("Latest internships: design", None),
    ("Acme", None),  # no label to cut: not obviously a name
    ("Fynbos Fintech Careers", "Fynbos Fintech"),  # the label after the name, no separator
    ("Remote Jobs", None),
]


@pytest.mark.parametrize("channel, publisher", CHANNELS)
def test_an_item_naming_no_employer_takes_the_channel_publisher_uncertainly(channel, publisher):
    body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{channel}</title><item>'
            f"<title>Lesson plan review</title><link>https://example.org/j/1</link><guid>g1</guid>"
            f"<description>A 20-hour project.</description></item></channel></rss>").encode()
    [r] = adapters.get("feed").parse(body, source("feed"))
    assert (r.organization, r.uncertain) == ((publisher, ["organization"]) if publisher else (None, []))


#: (channel, item title, item text) -> (organization, uncertain): an intermediary's feed (a career
#: centre, an enterprise board) names the host in the item; a name the text confirms is certain.
FEED_HOSTS = [
    (("Calder College Careers – Winter", "Five-day virtual micro-placement with Calder Valley Housing",
      "Spend five days with <strong>Calder Valley Housing</strong>'s digital team."), ("Calder Valley Housing", [])),
    (("Enterprise Board – Student Projects", "Digital marketing audit for Café Treaty, Limerick",
      "<p>Local business: <strong>Café Treaty</strong>, a 30-seat café.</p>"), ("Café Treaty", [])),
    (("Careers", "Logo refresh", "<p>Employer: Northwind Studio. A 20-hour project.</p>"), ("Northwind Studio", [])),
    (("Quayside Press – Work with us", "Micro-Internship: Backlist Refresh",
      "<p>Quayside Press is an independent publisher.</p>"), ("Quayside Press", [])),
    (("Job Simulations", "Software Engineering Virtual Experience – Halden &amp; Co.", "<p>Four tasks.</p>"),
     ("Halden & Co.", ["organization"])),  # named by the title alone: a person confirms it
    (("Gigs for Grads – newest", "Micro-Internship: Route Survey", "<p>Posted on behalf of Safiri Mobility Ltd, a start-up.</p>"),
     ("Safiri Mobility Ltd", [])),
    (("Bayou Career Collective – Feed", "Spreadsheet rebuild – Crescent Meals on Wheels",
      "<p>Crescent Meals on Wheels tracks 300 drivers.</p>"), ("Crescent Meals on Wheels", [])),
    (("Kittiwake Studio careers", "Case Study Writer – Early Career Micro-Project",
      "<p>Kittiwake Studio is a six-person web agency in Newcastle.</p>"), ("Kittiwake Studio", [])),  # the channel says it too
    (("Hull Community Energy CIC – Opportunities", "Micro-Internship: Share Offer Research",
      "<p>Hull Community Energy is raising money for rooftop solar.</p>"), ("Hull Community Energy CIC", [])),  # its legal form left out
    (("Fynbos Fintech Careers", "Micro-Internship: Explainer Scripts", "<p>Fynbos is building a stokvel app.</p>"),
     ("Fynbos Fintech", ["organization"])),  # the text says only part of the name: a person confirms it
    (("Saltbox Literacy Project: Opportunities", "Paid Student Micro-Internship – Reading Programme Evaluation",
      "<p>Saltbox Literacy Project runs after-school reading clubs.</p>"), ("Saltbox Literacy Project", ["organization"])),
    (("Student projects", "Survey clean-up", "<p>Offered by Harbour Lights Trust. A 20-hour project.</p>"),
     ("Harbour Lights Trust", [])),
    (("Uni Jobs Hobart – latest", "Southern Cross Aquaculture – Remote Student Micro-Project",
      "<p>Southern Cross Aquaculture (Tasmania) wants a student to summarise research.</p>"), ("Southern Cross Aquaculture", [])),
    (("Student jobs – latest", "Paid student project: referral data tidy-up",
      "<p>Thameside Food Link, a food-bank network in south-east London, is looking for a student.</p>"),
     ("Thameside Food Link", ["organization"])),  # a self-introduction that nothing else confirms
    (("Careers", "Website refresh for a local charity", "<p>A local charity.</p>"), (None, [])),
    (("Careers", "Data project – Remote", "<p>A 20-hour project.</p>"), (None, [])),
]


@pytest.mark.parametrize("item, want", FEED_HOSTS)
def test_an_intermediarys_item_names_its_host(item, want):
    channel, title, text = item
    body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{channel}</title><item><title>{title}</title>'
            f"<link>https://example.org/j/1</link><guid>g1</guid><description>{html.escape(text)}</description>"
            f"</item></channel></rss>").encode()
    [r] = adapters.get("feed").parse(body, source("feed"))
    assert (r.organization, r.uncertain) == want


@pytest.mark.parametrize("url, uncertain", [("https://kettlebymaps.co.uk/jobs/1", []),
                                            ("https://jobs.example.org/1", ["organization"])])
def test_a_jsonld_page_without_hiring_organization_names_itself(url, uncertain):
    """"We're Kettleby Maps, a Leeds start-up": confirmed by the page's address, else a person checks."""
    jp = {"@context": "https://schema.org", "@type": "JobPosting", "title": "Micro-internship: GTFS clean-up", "url": url,
          "description": "<p>We're Kettleby Maps, a Leeds start-up. A 15-hour task.</p>"}
    body = f'<html><script type="application/ld+json">{json.dumps(jp)}</script></html>'.encode()
    [r] = adapters.get("jsonld").parse(body, source("jsonld"))
    assert (r.organization, r.uncertain) == ("Kettleby Maps", uncertain)
