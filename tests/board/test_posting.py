"""board.posting: every rule and its message, ``path:line: field: problem (expected …)``."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from board.policy import Policy

from board.posting import EXAMPLES, KNOWN, MAX_FILE_BYTES, REQUIRED, parse_hours, parse_pay, parse_posting, \
    parse_timezones, read_header
from tests.board.board_testkit import FIXTURES, NOW, POLICY, VALID_HEADER, line_of, make_posting, messages, parse

P = "valid-posting.md"
KNOWN_LIST = ", ".join(KNOWN)


def only(text: str, **kw) -> str:
    """The single problem line for a posting with exactly one thing wrong."""
    found = messages(text, **kw)
    assert len(found) == 1, found
    return found[0]


# ---- the valid baseline -------------------------------------------------------------------


def test_valid_posting_has_no_problems_and_every_field():
    entry, problems = parse(make_posting())
    assert problems == []
    assert entry.slug == "valid-posting"
    assert entry.title == "Build a donations dashboard"
    assert entry.organization.name == "Harvest Share"
    assert entry.organization.url == "https://harvestshare.example.org"
    assert entry.category == "data"
    assert entry.skills == ("Python", "Excel", "Data visualization")
    assert (entry.hours.min, entry.hours.max) == (15, 20)
    assert (entry.compensation.min, entry.compensation.currency, entry.compensation.unit) == (600, "USD", "total")
    assert entry.apply_by.isoformat() == "2027-03-15T23:59:59+00:00"  # a bare date includes the whole day
    assert entry.posted.isoformat() == "2026-11-18T00:00:00+00:00"
    assert entry.eligibility.regions == ("US", "CA")
    assert entry.eligibility.timezones == (-8.0, -5.0)
    assert entry.deliverables == ("A cleaned dataset", "A one-page dashboard")
    assert entry.status == "open"
    assert entry.source.kind == "employer"
    assert "<h2>What you will do</h2>" in entry.description_html


def test_fixture_file_parses_from_disk():
    entry, problems = parse_posting(FIXTURES / "valid-posting.md", POLICY, NOW)
    assert problems == []
    assert entry.slug == "valid-posting"


def test_defaults_for_optional_fields():
    text = make_posting(drop=("Organization-URL", "Eligible-Regions", "Timezones", "Students",
                              "Work-Authorization", "Deliverables"))
    entry, problems = parse(text)
    assert problems == []
    assert entry.eligibility.regions == ("WORLDWIDE",)
    assert entry.eligibility.timezones is None
    assert entry.eligibility.students == "enrolled-or-recent"
    assert entry.eligibility.work_authorization == "not-required"
    assert entry.organization.url is None
    assert entry.deliverables == ()


def test_apply_email_instead_of_url():
    entry, problems = parse(make_posting(drop=("Apply-URL",), extra=[("Apply-Email", "jobs@harvestshare.example.org")]))
    assert problems == []
    assert entry.apply_link == "mailto:jobs@harvestshare.example.org"


def test_closed_posting_may_have_past_deadline():
    for status in ("closed", "filled", "Filled"):
        entry, problems = parse(make_posting(Apply_By="2026-11-01", Posted="2026-10-01", extra=[("Status", status)]))
        assert problems == [], status
        assert entry.status == status.lower()
        assert not entry.is_open(NOW)


def test_closed_fixture_file_is_valid():
    entry, problems = parse_posting(FIXTURES / "closed-posting.md", POLICY, NOW)
    assert problems == []
    assert entry.apply_email == "benevoles@jardins.example"


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom-posting.md"
    path.write_bytes(b"\xef\xbb\xbf" + make_posting().encode())
    assert parse_posting(path, POLICY, NOW)[1] == []


def test_keys_are_case_and_underscore_insensitive():
    text = make_posting().replace("Apply-By:", "apply_by:").replace("Title:", "TITLE:")
    assert parse(text)[1] == []


# ---- required fields ----------------------------------------------------------------------


@pytest.mark.parametrize("key", REQUIRED)
def test_each_required_field_missing(key):
    assert only(make_posting(drop=(key,))) == f"{P}:1: {key}: is missing (expected {EXAMPLES[key]})"


def test_required_field_present_but_empty_names_its_line():
    text = make_posting(Summary="")
    assert only(text) == f"{P}:4: summary: is missing (expected {EXAMPLES['summary']})"


def test_no_way_to_apply():
    assert only(make_posting(drop=("Apply-URL",))) == (
        f"{P}:1: apply-url: is missing (and no Apply-Email either) "
        "(expected Apply-URL: https://… or Apply-Email: name@example.org)")


def test_every_required_field_missing_at_once():
    found = messages("Status: open\n\nJust a body.\n")
    fields = [line.split(": ")[1] for line in found]
    assert set(REQUIRED) | {"apply-url"} <= set(fields)


# ---- keys -----------------------------------------------------------------------------------


def test_unknown_key_with_did_you_mean():
    text = make_posting(extra=[("Titel", "x")])
    assert only(text) == (f"{P}:{line_of(text, 'Titel')}: titel: unknown key; did you mean 'Title'? "
                          f"(expected one of: {KNOWN_LIST})")


def test_unknown_key_suggests_hyphenated_key():
    text = make_posting(extra=[("Deadline-By", "x"), ("Apply-Bye", "2027-01-01")])
    found = messages(text)
    assert any(": apply-bye: unknown key; did you mean 'Apply-By'?" in m for m in found), found


def test_unknown_key_without_close_match_has_no_suggestion():
    text = make_posting(extra=[("Zzzzzz", "x")])
    assert only(text) == f"{P}:{line_of(text, 'Zzzzzz')}: zzzzzz: unknown key (expected one of: {KNOWN_LIST})"


def test_duplicate_key():
    text = make_posting(extra=[("Title", "Another title")])
    assert only(text) == f"{P}:18: title: appears twice (first on line 1) (expected each key once)"


def test_header_line_without_colon():
    text = make_posting().replace("Category: data\n", "Category data\n")
    assert messages(text) == [
        f"{P}:5: header: line is not 'Key: value': 'Category data' "
        "(expected a blank line between the metadata and the Markdown body)",
        f"{P}:1: category: is missing (expected {EXAMPLES['category']})",
    ]


def test_missing_blank_line_before_body():
    text = make_posting().replace("\n\n## What", "\n## What")
    found = messages(text)
    assert found[0] == (f"{P}:18: header: line is not 'Key: value': '## What you will do' "
                        "(expected a blank line between the metadata and the Markdown body)")


# ---- hours ------------------------------------------------------------------------------------


def test_hours_unreadable():
    assert only(make_posting(Hours="lots")) == f"{P}:7: hours: cannot read 'lots' (expected {EXAMPLES['hours']})"


@pytest.mark.parametrize("hours", ["3", "4-10", "20-10", "30-41", "100"])
def test_hours_out_of_range(hours):
    found = messages(make_posting(Hours=hours, Pay="50 USD per hour"))
    low, _, high = hours.partition("-")
    assert found == [f"{P}:7: hours: {low}-{high or low} is outside 5-40 total hours "
                     "(expected total project hours between 5 and 40, e.g. 15-20)"]


def test_reversed_hours_do_not_divide_by_zero():
    assert only(make_posting(Hours="15-0")) == (f"{P}:7: hours: 15-0 is outside 5-40 total hours "
                                                "(expected total project hours between 5 and 40, e.g. 15-20)")


@pytest.mark.parametrize("text, low, high", [
    ("15-20", 15, 20), ("15 - 20", 15, 20), ("15–20", 15, 20), ("15 to 20 hours", 15, 20),
    ("10", 10, 10), ("10h", 10, 10), ("12 hrs", 12, 12),
])
def test_parse_hours_spellings(text, low, high):
    h = parse_hours(text)
    assert (h.min, h.max) == (low, high)


# ---- pay -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, low, high, cur, unit", [
    ("600 USD total", 600, 600, "USD", "total"),
    ("500-700 EUR total", 500, 700, "EUR", "total"),
    ("25 GBP per hour", 25, 25, "GBP", "hour"),
    ("£15 per hour", 15, 15, "GBP", "hour"),
    ("€400 total", 400, 400, "EUR", "total"),
    ("₹300-400 per hour", 300, 400, "INR", "hour"),
    ("$30/hour", 30, 30, "USD", "hour"),
    ("AUD 35 hourly", 35, 35, "AUD", "hour"),
    ("45,000 INR total", 45000, 45000, "INR", "total"),
    ("650 eur fixed", 650, 650, "EUR", "total"),
    ("20.50 CAD an hour", 20.5, 20.5, "CAD", "hour"),
    ("$500 to $700 flat", 500, 700, "USD", "total"),
])
def test_parse_pay_spellings(text, low, high, cur, unit):
    c = parse_pay(text)
    assert (c.min, c.max, c.currency, c.unit) == (low, high, cur, unit)


def test_pay_unreadable():
    assert only(make_posting(Pay="lots of money")) == f"{P}:8: pay: cannot read 'lots of money' (expected {EXAMPLES['pay']})"


def test_pay_without_unit_is_unreadable():
    assert only(make_posting(Pay="600 USD")) == f"{P}:8: pay: cannot read '600 USD' (expected {EXAMPLES['pay']})"


@pytest.mark.parametrize("pay", ["600 QQQ total", "600 total"])
def test_pay_unknown_or_missing_currency(pay):
    assert only(make_posting(Pay=pay)) == (
        f"{P}:8: pay: unknown or missing currency in '{pay}' (expected {EXAMPLES['pay']})")


def test_pay_zero_is_not_positive():
    assert only(make_posting(Pay="0 USD total")) == (
        f"{P}:8: pay: amount 0-0 is not a positive range (expected e.g. 600 USD total or 20-25 EUR per hour)")


def test_pay_range_reversed():
    assert only(make_posting(Pay="700-500 USD total")) == (
        f"{P}:8: pay: amount 700-500 is not a positive range (expected e.g. 600 USD total or 20-25 EUR per hour)")


def test_fixed_pay_below_floor():
    # 200 USD for up to 20 hours = 10 USD/hour
    assert only(make_posting(Pay="200 USD total")) == (
        f"{P}:8: pay: works out at 10.00 USD/hour, below the board's floor of 15 USD/hour "
        "(expected more pay or fewer hours)")


def test_hourly_pay_below_floor():
    assert only(make_posting(Pay="10 GBP per hour")) == (
        f"{P}:8: pay: works out at 10.00 GBP/hour, below the board's floor of 12 GBP/hour "
        "(expected more pay or fewer hours)")


def test_floor_is_exactly_allowed_and_follows_the_policy():
    assert parse(make_posting(Pay="300 USD total"))[1] == []  # 300 / 20 h = 15.00 USD/h
    assert parse(make_posting(Pay="200 USD total"), policy=Policy())[1] == []  # no floors at all


def test_more_hours_push_pay_below_floor_on_the_pay_line():
    assert messages(make_posting(Hours="30-40")) == []  # 600 / 40 h = 15.00, exactly the floor
    found = messages(make_posting(Hours="30-41"))
    assert found[0].startswith(f"{P}:7: hours: 30-41 is outside 5-40")
    assert found[1] == (f"{P}:8: pay: works out at 14.63 USD/hour, below the board's floor of 15 USD/hour "
                        "(expected more pay or fewer hours)")


# ---- dates ------------------------------------------------------------------------------------------


def test_past_deadline_on_open_posting():
    text = make_posting(Apply_By="2026-11-01", Posted="2026-10-01")
    assert only(text) == (f"{P}:10: apply-by: deadline 2026-11-01 has passed for an open posting "
                          "(expected a future date, or Status: closed)")


def test_deadline_today_is_still_open():
    assert parse(make_posting(Apply_By="2026-11-26"))[1] == []


def test_deadline_before_posted():
    text = make_posting(Apply_By="2026-12-01", Posted="2026-12-02")
    later = datetime(2026, 12, 1, 12, tzinfo=timezone.utc)
    assert only(text, now=later) == f"{P}:10: apply-by: is before the posting date (expected a date after Posted)"


def test_posted_in_the_future():
    assert only(make_posting(Posted="2026-12-01")) == (
        f"{P}:11: posted: 2026-12-01 is in the future (expected today's date or earlier)")


@pytest.mark.parametrize("key, value", [("Apply-By", "31/12/2027"), ("Posted", "yesterday"),
                                         ("Apply-By", "2027-02-30")])
def test_unreadable_dates(key, value):
    text = make_posting(**{key.replace("-", "_"): value})
    found = only(text)
    assert found.startswith(f"{P}:{line_of(text, key)}: {key.lower()}: ")
    assert found.endswith(f"(expected {EXAMPLES[key.lower()]})")


def test_out_of_range_datetime_is_a_problem_not_a_crash():
    text = make_posting(Posted="0001-01-01T00:00+05:00")
    assert only(text) == f"{P}:11: posted: '0001-01-01T00:00+05:00' is out of range (expected {EXAMPLES['posted']})"


# ---- URLs and e-mail ---------------------------------------------------------------------------------


def test_http_apply_url():
    assert only(make_posting(Apply_URL="http://harvestshare.example.org/jobs")) == (
        f"{P}:9: apply-url: uses scheme 'http' (expected an https:// URL)")


@pytest.mark.parametrize("url, scheme", [("javascript:alert(1)", "javascript"), ("JAVASCRIPT:alert(1)", "javascript"),
                                         ("data:text/html,hi", "data"), ("vbscript:x", "vbscript"),
                                         ("ftp://example.org/x", "ftp")])
def test_dangerous_scheme_apply_url(url, scheme):
    assert only(make_posting(Apply_URL=url)) == f"{P}:9: apply-url: uses scheme '{scheme}' (expected an https:// URL)"


def test_relative_apply_url():
    assert only(make_posting(Apply_URL="/jobs/1")) == f"{P}:9: apply-url: uses scheme '(none)' (expected an https:// URL)"


def test_apply_url_with_credentials_or_bad_host():
    assert only(make_posting(Apply_URL="https://me:pw@example.org/")) == (
        f"{P}:9: apply-url: contains credentials (expected an https:// URL)")
    assert only(make_posting(Apply_URL="https://intranet/jobs")) == (
        f"{P}:9: apply-url: has no valid host name (expected an https:// URL)")


def test_malformed_url_is_a_problem_not_a_crash():
    assert only(make_posting(Organization_URL="https://[harvestshare.example.org")) == (
        f"{P}:3: organization-url: is not a valid URL (expected an https:// URL)")


def test_http_organization_url():
    assert only(make_posting(Organization_URL="http://harvestshare.example.org")) == (
        f"{P}:3: organization-url: uses scheme 'http' (expected an https:// URL)")


@pytest.mark.parametrize("email", ["jobs@harvestshare", "jobs at example.org", "@example.org", "jobs@exa mple.org"])
def test_bad_apply_email(email):
    text = make_posting(drop=("Apply-URL",), extra=[("Apply-Email", email)])
    assert only(text) == f"{P}:17: apply-email: is not a valid e-mail address (expected name@example.org)"


# ---- vocabularies -------------------------------------------------------------------------------------


def test_unknown_category():
    assert only(make_posting(Category="cooking")) == (
        f"{P}:5: category: unknown category 'cooking' (expected one of software, data, design, marketing, "
        "writing, research, business, finance, education)")


@pytest.mark.parametrize("given, slug", [("Data", "data"), ("Data & analytics", "data"), ("Design & UX", "design"),
                                         ("finance", "finance")])
def test_category_by_slug_or_label(given, slug):
    entry, problems = parse(make_posting(Category=given))
    assert problems == []
    assert entry.category == slug


def test_unknown_skill_with_did_you_mean():
    assert only(make_posting(Skills="Pythn, Excel")) == (
        f"{P}:6: skills: unknown skill 'Pythn'; did you mean 'Python'? "
        "(expected skills from the list in README (ask for a new one in your pull request))")


def test_unknown_skill_alias_suggests_canonical_name():
    found = only(make_posting(Skills="Javscript"))
    assert "unknown skill 'Javscript'; did you mean 'JavaScript'?" in found


def test_unknown_skill_without_suggestion():
    assert only(make_posting(Skills="Underwater basket weaving")) == (
        f"{P}:6: skills: unknown skill 'Underwater basket weaving' "
        "(expected skills from the list in README (ask for a new one in your pull request))")


def test_skill_aliases_are_normalized():
    entry, problems = parse(make_posting(Skills="JS, javascript, py, Postgres, data viz, ML, html/css"))
    assert problems == []
    assert entry.skills == ("JavaScript", "Python", "SQL", "Data visualization", "Machine learning", "HTML & CSS")


def test_too_many_skills():
    text = make_posting(Skills="Python, SQL, R, Excel, Tableau, Figma, SEO, Git, Editing")
    assert only(text) == f"{P}:6: skills: 9 skills listed (expected at most 8)"


def test_unknown_region():
    assert only(make_posting(Eligible_Regions="US, Narnia")) == (
        f"{P}:12: eligible-regions: unknown country or region 'Narnia' (expected {EXAMPLES['eligible-regions']})")


def test_region_spellings_are_normalized():
    entry, problems = parse(make_posting(Eligible_Regions="UK, germany, eu, USA, GB"))
    assert problems == []
    assert entry.eligibility.regions == ("GB", "DE", "EU", "US")


@pytest.mark.parametrize("key, value, message", [
    ("Students", "alumni", "students: unknown value 'alumni' (expected enrolled or enrolled-or-recent or anyone)"),
    ("Work-Authorization", "maybe",
     "work-authorization: unknown value 'maybe' (expected not-required or required)"),
    ("Status", "paused", "status: unknown status 'paused' (expected open or filled or closed)"),
])
def test_unknown_choice_values(key, value, message):
    text = make_posting(**{key.replace("-", "_"): value})
    assert only(text) == f"{P}:{line_of(text, key)}: {message}"


# ---- time zones -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value, message", [
    ("UTC+25", "'UTC+25' is not a real UTC offset"),
    ("UTC+5 to UTC-5", "'UTC+5 to UTC-5' runs east to west"),
    ("GMT+1", "cannot read 'GMT+1'"),
    ("UTCA1", "cannot read 'UTCA1'"),
    ("UTC-8 to UTC-5 to UTC+1", "cannot read 'UTC-8 to UTC-5 to UTC+1'"),
    ("Pacific", "cannot read 'Pacific'"),
    ("UTC+1:99", "cannot read 'UTC+1:99'"),  # issue 18: was read as UTC+2:39
    ("UTC+199", "cannot read 'UTC+199'"),
])
def test_bad_timezones(value, message):
    assert only(make_posting(Timezones=value)) == f"{P}:13: timezones: {message} (expected {EXAMPLES['timezones']})"


@pytest.mark.parametrize("value, expected", [
    ("UTC-8 to UTC-5", (-8.0, -5.0)), ("UTC", (0.0, 0.0)), ("UTC+5:30", (5.5, 5.5)), ("UTC+0530", (5.5, 5.5)),
    ("UTC−3 .. UTC+1", (-3.0, 1.0)), ("utc-3:30 to utc+14", (-3.5, 14.0)), ("UTC+1–UTC+3", (1.0, 3.0)),
])
def test_parse_timezones(value, expected):
    assert parse_timezones(value) == expected


# ---- characters, files, names ----------------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\u200b", "\u202e", "\u2066"])
def test_control_characters_in_a_value(char):
    text = make_posting(Title=f"Build a{char} dashboard")
    assert only(text) == f"{P}:1: title: contains control or invisible characters (expected plain printable text)"


def test_control_characters_line_number():
    text = make_posting(Summary="Nice \u202egnp.exe")
    assert only(text) == f"{P}:4: summary: contains control or invisible characters (expected plain printable text)"


def test_non_utf8_file(tmp_path):
    path = tmp_path / "latin1-posting.md"
    path.write_bytes(make_posting(Organization="Café Ponte").encode("latin-1"))
    found = [p.format(str(path)) for p in parse_posting(path, POLICY, NOW)[1]]
    offset = make_posting(Organization="Café Ponte").encode("latin-1").index(b"\xe9")
    assert found == [f"{path}:1: file: is not UTF-8 (invalid continuation byte at byte {offset}) "
                     "(expected a UTF-8 text file)"]


def test_oversize_file(tmp_path):
    path = tmp_path / "huge-posting.md"
    path.write_text(make_posting(body="x" * MAX_FILE_BYTES), encoding="utf-8")
    size = path.stat().st_size
    found = [p.format(str(path)) for p in parse_posting(path, POLICY, NOW)[1]]
    assert found == [f"{path}:1: file: is {size} bytes (expected at most {MAX_FILE_BYTES} bytes)"]


@pytest.mark.parametrize("name", ["Bad_Name.md", "UPPER.md", "-leading.md", "two--hyphens.md", "caf\u00e9.md",
                                  "a" * 81 + ".md", "spaces in name.md"])
def test_bad_file_name_slug(name):
    assert only(make_posting(), name=name) == (
        f"{name}:1: file name: {name!r} is not a valid slug "
        "(expected lower-case letters, digits and hyphens, e.g. data-dashboard-harvest-share.md)")


def test_empty_body():
    text = make_posting(body="")
    assert only(text) == f"{P}:19: body: is empty (expected a Markdown body describing the project)"


def test_title_too_long():
    text = make_posting(Title="x" * 121)
    assert only(text) == f"{P}:1: title: is 121 characters long (expected at most 120)"


def test_too_many_deliverables():
    text = make_posting(Deliverables="; ".join(f"Item {i}" for i in range(21)))
    assert only(text) == f"{P}:16: deliverables: too many or too long (expected at most 20 items of 200 characters)"


# ---- line numbers ------------------------------------------------------------------------------------------


def test_line_numbers_count_continuation_lines():
    # Deliverables spans lines 16-17; keys after it start at 18.
    text = make_posting(extra=[("Status", "paused"), ("Timezone", "UTC")])
    assert messages(text) == [
        f"{P}:19: timezone: unknown key; did you mean 'Timezones'? (expected one of: {KNOWN_LIST})",
        f"{P}:18: status: unknown status 'paused' (expected open or filled or closed)",
    ]


def test_many_problems_each_on_its_own_line():
    text = (FIXTURES / "broken-posting.md").read_text(encoding="utf-8")
    path = FIXTURES / "broken-posting.md"
    found = [p.format("b.md") for p in parse_posting(path, POLICY, NOW)[1]]
    lines = {m.split(": ")[1]: int(m.split(":")[1]) for m in found}
    assert lines == {"organisation": 2, "organization": 1, "timezones": 12, "skills": 5, "eligible-regions": 11,
                     "category": 4, "apply-url": 8, "apply-by": 9}
    assert len(found) == 9
    assert text.splitlines()[8].startswith("Apply-By:")


def test_read_header_continuations_and_body():
    header, problems = read_header("Title: A\nDeliverables: one\n    two\n\ttabbed\n\nBody line\n")
    assert problems == []
    assert header.values == {"title": "A", "deliverables": "one\ntwo\ntabbed"}
    assert header.lines == {"title": 1, "deliverables": 2}
    assert header.body == "Body line"
    assert header.body_line == 6


def test_header_only_file_has_empty_body():
    header, problems = read_header("\n".join(f"{k}: {v}" for k, v in VALID_HEADER[:3]))
    assert problems == []
    assert header.body == ""
    found = messages("\n".join(f"{k}: {v}" for k, v in VALID_HEADER))
    assert any(": body: is empty" in m for m in found)


def test_body_html_is_sanitized():
    body = ("Hello <script>alert(1)</script>\n\n[x](javascript:alert(1)) [ok](https://example.org/ok)\n\n"
            "# Big heading\n")
    entry, problems = parse(make_posting(body=body))
    assert problems == []
    html = entry.description_html
    assert "<script" not in html and "javascript:" not in html
    assert 'href="https://example.org/ok"' in html
    assert "<h1" not in html and "<h2>Big heading</h2>" in html


SEPARATORS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("sep", SEPARATORS, ids=lambda s: f"U+{ord(s):04X}")
@pytest.mark.parametrize("smuggled", ["Apply-URL: https://evil.example/phish", "Status: filled",
                                      "Work-Authorization: required"])
def test_a_key_smuggled_after_another_line_separator_is_an_error_not_a_key(tmp_path, sep, smuggled):
    """str.splitlines() splits at FF, VT, NEL, U+2028…; a posting file's lines end at \\n, \\r\\n, \\r only."""
    from board.posting import parse_posting, read_header
    from tests.board.board_testkit import NOW, POLICY, line_of, make_posting
    text = make_posting()
    summary_line = line_of(text, "Summary")
    lines = text.split("\n")
    lines[summary_line - 1] += sep + smuggled
    text = "\n".join(lines)
    header, problems = read_header(text)
    key = smuggled.split(":")[0].lower()
    assert header.values.get(key) != smuggled.split(": ", 1)[1]
    assert [(p.field, p.line) for p in problems] == [("text", summary_line)]
    entry, problems = parse_posting(tmp_path / "x.md", POLICY, NOW, text=text)
    assert entry is None and ("text", summary_line) in [(p.field, p.line) for p in problems]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_ordinary_line_breaks_all_work(tmp_path, newline):
    from board.posting import parse_posting
    from tests.board.board_testkit import NOW, POLICY, make_posting
    entry, problems = parse_posting(tmp_path / "x.md", POLICY, NOW, text=make_posting().replace("\n", newline))
    assert problems == [] and entry is not None


@pytest.mark.parametrize("key", ["Apply-URL", "Organization-URL"])
def test_a_homoglyph_host_is_refused_with_its_line_and_the_fix(key):
    """A Cyrillic а in "harvestshare" would send students to someone else's site (issue #18, item 10)."""
    text = make_posting(**{key.replace("-", "_"): "https://hаrvestshare.example.org/apply"})
    assert messages(text) == [
        f"valid-posting.md:{line_of(text, key)}: {key.lower()}: the host mixes Latin and Cyrillic letters: "
        "'hаrvestshare' has the Cyrillic 'а' (U+0430); write it in one script or as its xn-- form "
        "(expected an https:// URL)"]


@pytest.mark.parametrize("url", ["https://例え.jp/apply", "https://пример.рф/apply", "https://xn--hrvestshare-yij.example.org/"])
def test_single_script_and_xn_hosts_stay_allowed(url):
    assert messages(make_posting(Apply_URL=url)) == []
