"""Programme files: parsed into the one Entry type, checked with file:line messages, and
never invalid just because a date went by."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from board.entry import Entry
from board.programme import parse_programme
from board.validate import main, posting_files, validate_files
from tests.board.board_testkit import POLICY, REPO

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=timezone.utc)
SHIPPED = REPO / "content" / "programmes"

#: A valid cohort programme, one header line per key (line numbers = index + 1).
VALID: list[tuple[str, str]] = [
    ("Title", "Example College Micro-Internships"),
    ("Organization", "Example College"),
    ("Partner", "Parker Dewey"),
    ("Summary", "Paid winter-break projects for Example College students."),
    ("Hours", "25-45"),
    ("Pay", "15 USD per hour"),
    ("Pay-Note", "$375 for 25 hours, $675 for 45 hours"),
    ("Schedule", "cohort"),
    ("Apply-By", "2026-11-05"),
    ("Starts", "2027-01-05"),
    ("Ends", "2027-01-23"),
    ("Institutions", "Example College; Example Seminary"),
    ("Students", "enrolled"),
    ("Work-Authorization", "unstated"),
    ("Apply-URL", "https://college.example.edu/micro"),
    ("Source-URL", "https://college.example.edu/micro"),
    ("Verified", "2026-12-01"),
]


def write(tmp_path: Path, header: list[tuple[str, str]], body: str = "A programme.\n",
          name: str = "example-college.md") -> Path:
    folder = tmp_path / "programmes"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text("".join(f"{k}: {v}\n" for k, v in header) + "\n" + body, encoding="utf-8")
    return path


def changed(**values: str | None) -> list[tuple[str, str]]:
    """VALID with keys replaced (same line) or, for None, removed."""
    out = []
    for key, value in VALID:
        new = values.get(key.replace("-", "_"), value)
        if new is not None:
            out.append((key, new))
    return out


def line_of(key: str) -> int:
    return [k for k, _ in VALID].index(key) + 1


def test_a_valid_programme_is_an_entry_of_kind_programme(tmp_path):
    entry, problems = parse_programme(write(tmp_path, VALID), POLICY, NOW)
    assert problems == []
    assert isinstance(entry, Entry) and entry.kind == "programme"
    p = entry.programme
    assert p.schedule == "cohort" and p.partner == "Parker Dewey"
    assert p.institutions == ("Example College", "Example Seminary")
    assert p.verified.date().isoformat() == "2026-12-01" and entry.posted == p.verified
    assert entry.source.jsonld is False  # never JobPosting structured data
    assert Entry.from_dict(entry.to_dict()) == entry  # stored and read back unchanged


# (changes, expected problem as "field: message" prefix, line of the key)
BAD = [
    ({"Schedule": "sometimes"}, "schedule: unknown schedule 'sometimes'", "Schedule"),
    ({"Schedule": "rolling"}, "schedule: a rolling programme has no deadline or cohort dates", "Schedule"),
    ({"Source_URL": None}, "source-url: is missing", None),
    ({"Source_URL": "http://college.example.edu/micro"}, "source-url: uses scheme 'http'", "Source-URL"),
    ({"Source_URL": "javascript:alert(1)"}, "source-url: uses scheme 'javascript'", "Source-URL"),
    ({"Verified": None}, "verified: is missing", None),
    ({"Verified": "2062-12-01"}, "verified: 2062-12-01 is in the future", "Verified"),
    ({"Verified": "yesterday"}, "verified: ", "Verified"),
    ({"Hours": "50-60"}, "hours: 50-60 does not start within 5-40 total hours", "Hours"),
    ({"Hours": "20-120"}, "hours: 20-120 does not start within 5-40 total hours", "Hours"),
    ({"Pay": "5 USD per hour"}, "pay: works out at 5.00 USD/hour, below the board's floor", "Pay"),
    ({"Ends": "2027-01-01"}, "ends: is before Starts", "Ends"),
    ({"Work_Authorization": "maybe"}, "work-authorization: unknown value 'maybe'", "Work-Authorization"),
    ({"Apply_URL": "ftp://college.example.edu"}, "apply-url: uses scheme 'ftp'", "Apply-URL"),
    ({"Pay_Note": "\u202e$375"}, "pay-note: contains control or invisible characters", "Pay-Note"),
]


@pytest.mark.parametrize("changes, message, key", BAD, ids=[m.split(":")[0] + "-" + str(i) for i, (_, m, _k) in enumerate(BAD)])
def test_each_problem_names_its_file_line_and_field(tmp_path, changes, message, key):
    path = write(tmp_path, changed(**changes))
    entries, errors = validate_files([path], POLICY, NOW)
    assert entries == []
    line = line_of(key) if key else 1
    assert any(e.startswith(f"{path}:{line}: {message}") for e in errors), errors
    assert all("(expected " in e for e in errors), errors


def test_unknown_key_suggests_the_right_one(tmp_path):
    path = write(tmp_path, VALID + [("Verifed", "2026-12-01")])
    _, errors = validate_files([path], POLICY, NOW)
    assert errors[0].startswith(f"{path}:{len(VALID) + 1}: verifed: unknown key; did you mean 'Verified'?")


def test_hostile_text_is_cleaned(tmp_path):
    header = changed(Title="Scheme </script><script>alert(1)</script>", Pay_Note="<b>$375</b>")
    body = "Hi <script>window.x=1</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>\n"
    entry, problems = parse_programme(write(tmp_path, header, body), POLICY, NOW)
    assert problems == []
    assert "<script" not in entry.description_html and "javascript:" not in entry.description_html
    assert "onerror" not in entry.description_html
    assert entry.programme.pay_note == "<b>$375</b>"  # plain text: the templates escape it


# A passed cohort date is history: the file stays valid, the programme is not currently open.
DATES = [
    # (now, is_open)
    (datetime(2026, 11, 1, tzinfo=timezone.utc), True),  # before the deadline
    (datetime(2026, 11, 6, tzinfo=timezone.utc), False),  # deadline passed
    (datetime(2031, 1, 1, tzinfo=timezone.utc), False),  # years later: still a valid file
]


@pytest.mark.parametrize("now, is_open", DATES)
def test_a_cohort_closes_by_itself_and_never_decays_into_an_invalid_file(tmp_path, now, is_open):
    entry, problems = parse_programme(write(tmp_path, changed(Verified="2026-10-01")), POLICY, now)
    assert problems == []
    assert entry.is_open(now) is is_open


def test_a_cohort_without_a_deadline_closes_when_it_starts(tmp_path):
    entry, _ = parse_programme(write(tmp_path, changed(Apply_By=None)), POLICY, NOW)
    assert entry.is_open(datetime(2027, 1, 4, tzinfo=timezone.utc))
    assert not entry.is_open(datetime(2027, 1, 6, tzinfo=timezone.utc))


def test_a_rolling_programme_has_no_deadline_and_stays_open(tmp_path):
    header = changed(Schedule="rolling", Apply_By=None, Starts=None, Ends=None)
    entry, problems = parse_programme(write(tmp_path, header), POLICY, NOW)
    assert problems == [] and entry.closes is None
    assert entry.is_open(datetime(2040, 1, 1, tzinfo=timezone.utc))


def test_closed_status_and_filled_is_not_a_programme_status(tmp_path):
    entry, _ = parse_programme(write(tmp_path, VALID + [("Status", "closed")]), POLICY, NOW)
    assert entry.status == "closed" and not entry.is_open(datetime(2026, 1, 1, tzinfo=timezone.utc))
    _, errors = validate_files([write(tmp_path, VALID + [("Status", "filled")], name="b.md")], POLICY, NOW)
    assert any(": status: unknown status 'filled' (expected open or closed)" in e for e in errors), errors


def test_postings_and_programmes_have_separate_slug_namespaces(tmp_path):
    programme = write(tmp_path, VALID, name="same-slug.md")
    other = write(tmp_path, changed(Apply_URL="https://college.example.edu/other"), name="same-slug-2.md")
    entries, errors = validate_files([programme, other], POLICY, NOW)
    assert errors == [] and {e.kind for e in entries} == {"programme"}


@pytest.mark.parametrize("now", ["2026-12-01T12:00:00", "2027-06-30T00:00:00", "2035-01-01T00:00:00"])
def test_shipped_programmes_are_valid_now_and_on_any_later_date(capsys, now):
    rc = main([str(SHIPPED), "--now", now, "--policy", str(REPO / "board.toml")])
    out, _ = capsys.readouterr()
    assert rc == 0, out
    assert out.strip() == f"{len(posting_files([SHIPPED]))} programme file(s) OK."


def test_shipped_programmes_are_real_and_cite_their_source():
    entries, errors = validate_files(posting_files([SHIPPED]), POLICY, datetime(2026, 12, 1, 12, tzinfo=timezone.utc))
    assert errors == [] and len(entries) >= 8
    for e in entries:
        assert e.programme.source_url.startswith("https://")
        assert ".example" not in e.programme.source_url and ".example" not in (e.apply_url or "")
        assert e.programme.verified.date().isoformat() == "2026-12-01"


def test_every_problem_is_reported_at_once_even_without_verified(tmp_path):
    header = changed(Verified=None, Schedule="rolling", Source_URL="http://college.example.edu/micro")
    _, errors = validate_files([write(tmp_path, header)], POLICY, NOW)
    fields = sorted(e.split(": ")[1] for e in errors)
    assert fields == ["schedule", "source-url", "verified"], errors


def test_the_scaffold_names_every_key_and_asks_only_for_the_required_ones(tmp_path):
    from board.programme import DISPLAY, KNOWN, REQUIRED, scaffold

    assert set(DISPLAY) == set(KNOWN)  # a new key cannot be left out of the scaffold
    path = tmp_path / "programmes" / "your-programme.md"
    path.parent.mkdir()
    path.write_text(scaffold(NOW), encoding="utf-8")
    entry, problems = parse_programme(path, POLICY, NOW)
    assert entry is None
    missing = {p.field for p in problems if p.message == "is missing"}
    assert missing == set(REQUIRED) - {"verified", "schedule"}  # prefilled: today, rolling
    assert all(p.message == "is missing" for p in problems), problems


def test_a_posting_is_stored_exactly_as_before_programmes_existed():
    from tests.board.test_entry import make_entry

    posting = make_entry()
    stored = posting.to_dict()
    assert "kind" not in stored and "programme" not in stored  # no churn in content/scraped/*.json
    assert Entry.from_dict(stored) == posting and Entry.from_dict(stored).kind == "posting"


def test_changed_from_checks_a_changed_programme_file(tmp_path):
    """The pull-request check (``--changed-from``) sees content/programmes too."""
    from tests.board.test_validate_github import _git, run_validate

    (tmp_path / "content" / "postings").mkdir(parents=True)
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "--allow-empty", "-m", "base")
    folder = tmp_path / "content" / "programmes"
    folder.mkdir()
    (folder / "example-college.md").write_text(
        "".join(f"{k}: {v}\n" for k, v in changed(Verified="2026-11-20", Source_URL="http://x.example.edu")) + "\nA programme.\n",
        encoding="utf-8")
    r = run_validate(tmp_path, "--changed-from", "main")
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stdout.splitlines() == [
        f"content/programmes/example-college.md:{line_of('Source-URL')}: source-url: uses scheme 'http' (expected an https:// URL)"]
    assert "1 problem(s) in 1 programme file(s)." in r.stderr
